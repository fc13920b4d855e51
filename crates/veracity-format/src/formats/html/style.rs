//! The page's one inline stylesheet: screen (phone first), then print.

/// Inline CSS. Rating colours always come with the rating in words, so
/// nothing depends on colour alone.
pub const STYLE: &str = r#"
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0969da;
--true:#1a7f37;--mostly_true:#4b7f1c;--mixed:#8a5a00;--mostly_false:#b24a00;--false:#c4202b;--unverified:#59636e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff;overflow-wrap:anywhere}
header,main,footer{max-width:56rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.2rem;line-height:1.4;margin:.1rem 0 .4rem}
h3{font-size:.85rem;margin:1.1rem 0 .3rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
p{margin:.35rem 0}
a{color:var(--link)}
.meta,.src,.note,.scores,.kicker{color:var(--muted);font-size:.9rem}
.kicker{margin:0;text-transform:uppercase;letter-spacing:.05em;font-size:.75rem;font-weight:600}
.tally{font-weight:600}
table.summary{width:100%;border-collapse:collapse;margin:.8rem 0 .4rem;font-size:.93rem}
.summary th,.summary td{text-align:left;vertical-align:top;padding:.45rem .5rem;border-bottom:1px solid var(--line)}
.summary th{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.summary td.n{color:var(--muted);width:2.5rem;white-space:nowrap}
.summary td.ev{white-space:nowrap}
.summary .why-not{display:block;white-space:normal;font-size:.8rem}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:999px;font-weight:700;font-size:.78rem;color:#fff;letter-spacing:.03em;text-transform:uppercase;white-space:nowrap;background:var(--c)}
.c-true{--c:var(--true)}.c-mostly_true{--c:var(--mostly_true)}.c-mixed{--c:var(--mixed)}.c-mostly_false{--c:var(--mostly_false)}.c-false{--c:var(--false)}.c-unverified{--c:var(--unverified)}
.claim{border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:1.5rem 0;background:#fff}
.ruling{display:grid;grid-template-columns:1fr;gap:.75rem;margin:.75rem 0;align-items:start}
@media (min-width:46rem){.ruling.with-review{grid-template-columns:3fr 2fr}}
.verdict{border-left:6px solid var(--c);background:var(--soft);border-radius:8px;padding:.6rem .9rem}
.rating{margin:.1rem 0 .3rem;font-size:1.65rem;line-height:1.2;font-weight:800;color:var(--c)}
.rating .mark{display:inline-block;min-width:1.2em}
.why{font-size:1.02rem;margin:.2rem 0}
.review{border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem}
.review .label{font-weight:700}
.review blockquote{font-size:.9rem;color:var(--muted)}
ol.ev{list-style:none;margin:0;padding:0}
ol.ev>li{border-left:4px solid var(--line);padding:.15rem 0 .15rem .8rem;margin:.7rem 0}
ol.for>li{border-left-color:var(--true)}ol.against>li{border-left-color:var(--false)}ol.context>li{border-left-color:#8c959f}
blockquote{margin:0;white-space:pre-line}
mark{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px}
.stance{font-weight:600;font-size:.9rem}
.stance.for{color:var(--true)}.stance.against{color:var(--false)}
.empty{color:var(--muted);font-style:italic}
details{margin:.6rem 0;border-top:1px solid var(--line);padding-top:.4rem}
summary{cursor:pointer;color:var(--muted);font-size:.92rem}
details[open]>summary{margin-bottom:.3rem}
.chart{margin:.5rem 0}.chart svg{display:block;width:100%;max-width:26rem;height:auto}
.explanation{font-size:.9rem;color:var(--muted)}
.docs{padding-left:1.25rem}.docs li{margin:.6rem 0}
code{font-size:.85em;background:var(--soft);padding:0 .25em;border-radius:4px}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem}
@media (max-width:40rem){
body{font-size:15px}h1{font-size:1.4rem}h2{font-size:1.08rem}.claim{padding:.8rem}.rating{font-size:1.4rem}
.summary thead{display:none}
.summary tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
.summary td{display:block;border:0;padding:.1rem 0}
.summary td.n,.summary td.no-review{display:none}
.summary td.verdict-cell,.summary td.ev{display:inline-block;margin-right:.8rem}
.summary td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
}
@media print{
:root{--soft:#fff}
body{font-size:11pt}
header,main,footer{max-width:none;padding:0}
.claim{break-inside:auto;border:0;border-top:2px solid #000;border-radius:0;padding:.5rem 0}
.verdict,.review,ol.ev>li,.summary tr,.chart{background:none;break-inside:avoid}
h2,h3,.kicker,summary,.claim>.meta,.appears{break-after:avoid}
h2,h3,.appears li{break-inside:avoid}
.badge{color:var(--c);background:none;border:1px solid var(--c)}
mark{background:none;text-decoration:underline}
code{background:none}
a{color:inherit}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted);overflow-wrap:anywhere}
details.appears::details-content,details.how::details-content{content-visibility:visible;display:contents}
.fold>summary::after{content:" (listed in the report on screen)";font-weight:400;color:var(--muted)}
summary{list-style:none;font-weight:600;color:var(--fg)}
summary::-webkit-details-marker{display:none}
.how>.explanation,.how>p.meta{display:none}
}
"#;
