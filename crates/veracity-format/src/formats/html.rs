//! `html`: one self-contained, script-free HTML page.
//!
//! Safety: every piece of report text goes through [`html`] escaping; links
//! are emitted only for absolute http/https URLs ([`web_url`]) and carry
//! `rel="noopener noreferrer nofollow"`; the page has no scripts and a
//! Content-Security-Policy that forbids them anyway (`default-src 'none';
//! style-src 'unsafe-inline'; img-src data:`), so even a bug in escaping
//! could not run code or load anything from the network.

use super::{TITLE, report_title};
use crate::shared::{
    Index, balance, by_side, class_title, date_part, doc_title, html, in_context, num, one_line,
    percent, role_name, web_url,
};
use crate::{Format, FormatError, FormatOptions, OptionKey};
use veracity_model::{Claim, Document, Evidence, Report, Verdict};

/// A self-contained HTML report: inline CSS, inline SVG charts, no scripts,
/// no external resources; readable on a phone.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlFormat;

/// The page's Content-Security-Policy.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                       base-uri 'none'; form-action 'none'";

const STYLE: &str = r#"
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--link:#0969da}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff;overflow-wrap:anywhere}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
header{padding-top:1.25rem}
h1{font-size:1.7rem;line-height:1.25;margin:0 0 .25rem}
h2{font-size:1.25rem;line-height:1.35;margin:0 0 .4rem}
h3{font-size:1rem;margin:1.25rem 0 .4rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
p{margin:.4rem 0}
a{color:var(--link)}
.meta,.src,.note,.scores{color:var(--muted);font-size:.9rem}
.toc{padding-left:1.25rem}.toc li{margin:.3rem 0}
.claim{border:1px solid var(--line);border-radius:10px;padding:1rem 1.1rem;margin:1.25rem 0;background:#fff}
.verdict{display:flex;flex-wrap:wrap;gap:.35rem .75rem;align-items:center;margin:.6rem 0}
.badge{display:inline-block;padding:.12rem .65rem;border-radius:999px;font-weight:700;font-size:.85rem;color:#fff;letter-spacing:.03em;text-transform:uppercase;white-space:nowrap}
.c-true{background:#1a7f37}.c-mostly_true{background:#4b7f1c}.c-mixed{background:#8a5a00}.c-mostly_false{background:#b24a00}.c-false{background:#c4202b}.c-unverified{background:#59636e}
.label{font-weight:600}
.explanation{background:var(--soft);border-radius:8px;padding:.6rem .8rem}
.chart{margin:.75rem 0}.chart svg{display:block;width:100%;max-width:26rem;height:auto}
ol.ev{list-style:none;margin:0;padding:0}
ol.ev>li{border-left:4px solid var(--line);padding:.15rem 0 .15rem .8rem;margin:.8rem 0}
ol.for>li{border-left-color:#1a7f37}ol.against>li{border-left-color:#c4202b}ol.context>li{border-left-color:#8c959f}
blockquote{margin:0;white-space:pre-line}
mark{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px}
.empty{color:var(--muted);font-style:italic}
.docs{padding-left:1.25rem}.docs li{margin:.6rem 0}
code{font-size:.85em;background:var(--soft);padding:0 .25em;border-radius:4px}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem;border-top:1px solid var(--line);margin-top:2rem;padding-top:.75rem}
@media (max-width:30rem){body{font-size:15px}.claim{padding:.8rem}h1{font-size:1.4rem}}
"#;

const LINK_REL: &str = r#"rel="noopener noreferrer nofollow""#;

impl Format for HtmlFormat {
    fn name(&self) -> &str {
        "html"
    }
    fn description(&self) -> &str {
        "one self-contained HTML page: badges, charts, highlighted evidence"
    }
    fn media_type(&self) -> &str {
        "text/html; charset=utf-8"
    }
    fn extension(&self) -> &str {
        "html"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&[TITLE])
    }
    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let index = Index::new(report);
        let title = report_title(options);
        let mut out = String::with_capacity(16 * 1024);
        out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
        ));
        out.push_str(
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <link rel=\"icon\" href=\"data:,\">\n",
        );
        out.push_str(&format!("<title>{}</title>\n", html(&title)));
        out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));

        out.push_str(&format!("<header>\n<h1>{}</h1>\n", html(&title)));
        let claims = report.claims.len().max(report.verdicts.len());
        out.push_str(&format!(
            "<p class=\"meta\">{} · {} · {} {}</p>\n",
            count(claims, "claim"),
            count(report.documents.len(), "document"),
            html(&report.tool.name),
            html(&report.tool.version),
        ));
        toc(&mut out, report, &index);
        out.push_str("</header>\n<main>\n");
        for (n, verdict) in report.verdicts.iter().enumerate() {
            claim_section(&mut out, n + 1, verdict, &index);
        }
        documents(&mut out, report);
        diagnostics(&mut out, report);
        out.push_str("</main>\n");
        out.push_str(&format!(
            "<footer>Published by {}. Generated by {} {} (data model {}). A verdict cites its \
             evidence and says how confident it is; it is not proof.</footer>\n",
            html(options.publisher_name()),
            html(&report.tool.name),
            html(&report.tool.version),
            html(&report.schema_version),
        ));
        out.push_str("</body>\n</html>\n");
        Ok(out.into_bytes())
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn badge(class: veracity_model::RatingClass) -> String {
    format!(
        "<span class=\"badge c-{}\">{}</span>",
        class.as_str(),
        class_title(class)
    )
}

/// An external link when `url` is a web URL, else nothing.
fn external(url: Option<&str>, text: &str) -> Option<String> {
    let url = url.and_then(web_url)?;
    Some(format!(
        "<a href=\"{}\" {LINK_REL}>{}</a>",
        html(url),
        html(text)
    ))
}

/// At most `limit` characters of `text` on one line, with an ellipsis.
fn shorten(text: &str, limit: usize) -> String {
    let line = one_line(text);
    match line.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", line[..at].trim_end()),
        None => line,
    }
}

fn toc(out: &mut String, report: &Report, index: &Index<'_>) {
    if report.verdicts.is_empty() {
        out.push_str("<p class=\"empty\">No verdicts.</p>\n");
        return;
    }
    out.push_str("<nav aria-label=\"Claims\"><ol class=\"toc\">\n");
    for v in &report.verdicts {
        let text = index
            .claim(v.claim.as_str())
            .map_or(v.claim.as_str(), |c| c.text.as_str());
        out.push_str(&format!(
            "<li>{} <a href=\"#{}\">{}</a></li>\n",
            badge(v.rating.class),
            html(v.claim.as_str()),
            html(&shorten(text, 140)),
        ));
    }
    out.push_str("</ol></nav>\n");
}

fn claim_section(out: &mut String, n: usize, verdict: &Verdict, index: &Index<'_>) {
    let claim = index.claim(verdict.claim.as_str());
    out.push_str(&format!(
        "<article class=\"claim\" id=\"{}\">\n",
        html(verdict.claim.as_str())
    ));
    let text = claim.map_or("(claim not in report)", |c| c.text.as_str());
    out.push_str(&format!("<h2>{n}. “{}”</h2>\n", html(&one_line(text))));
    claim_meta(out, claim, verdict, index);

    let rating = &verdict.rating;
    out.push_str(&format!(
        "<div class=\"verdict\">{} <span class=\"label\">{}</span> <span class=\"meta\">{} \
         scale · confidence {} · engine {}</span></div>\n",
        badge(rating.class),
        html(&rating.label),
        html(&rating.scale),
        percent(verdict.confidence),
        html(&verdict.engine),
    ));
    if !verdict.explanation.trim().is_empty() {
        out.push_str(&format!(
            "<p class=\"explanation\">{}</p>\n",
            html(&verdict.explanation)
        ));
    }
    chart(out, verdict);

    for (side, items) in by_side(verdict) {
        let heading = side.heading();
        out.push_str(&format!("<h3>{heading} ({})</h3>\n", items.len()));
        if items.is_empty() {
            out.push_str("<p class=\"empty\">None.</p>\n");
            continue;
        }
        out.push_str(&format!("<ol class=\"ev {}\">\n", side.css()));
        for (i, e) in items {
            evidence_item(out, i + 1, e, index);
        }
        out.push_str("</ol>\n");
    }

    if !verdict.reviews.is_empty() {
        out.push_str("<h3>Published reviews</h3>\n<ul>\n");
        for cited in &verdict.reviews {
            let r = &cited.review;
            out.push_str(&format!(
                "<li>{} <span class=\"label\">{}</span> <span class=\"meta\">({} scale)</span>",
                badge(r.rating.class),
                html(&r.rating.label),
                html(&r.rating.scale)
            ));
            let mut by = Vec::new();
            if let Some(reviewer) = &r.reviewer {
                by.push(format!("by {}", html(reviewer)));
            }
            if let Some(date) = &r.date {
                by.push(html(date));
            }
            by.push(format!("similarity {}", num(cited.similarity)));
            out.push_str(&format!(" <span class=\"meta\">{}</span>", by.join(" · ")));
            out.push_str(&format!(
                "<blockquote>“{}”</blockquote>",
                html(&one_line(&r.claim))
            ));
            if let Some(summary) = &r.summary {
                out.push_str(&format!("<p>{}</p>", html(summary)));
            }
            let mut links = vec![format!(
                "in <a href=\"#{}\">{}</a>",
                html(cited.document.as_str()),
                html(
                    index
                        .document(cited.document.as_str())
                        .map_or(cited.document.as_str(), doc_title)
                )
            )];
            if let Some(a) = external(r.url.as_deref(), "read the fact-check ↗") {
                links.push(a);
            }
            out.push_str(&format!(
                "<p class=\"src\">{}</p></li>\n",
                links.join(" · ")
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

fn claim_meta(out: &mut String, claim: Option<&Claim>, verdict: &Verdict, index: &Index<'_>) {
    let mut meta = Vec::new();
    if let Some(who) = claim.and_then(|c| c.claimant.as_deref()) {
        meta.push(format!("claimed by <strong>{}</strong>", html(who)));
    }
    if let Some(date) = claim.and_then(|c| c.date.as_deref()) {
        meta.push(format!("on {}", html(date)));
    }
    if let Some(c) = claim {
        let mut seen: Vec<&str> = Vec::new();
        for a in &c.appearances {
            if !seen.contains(&a.document.as_str()) {
                seen.push(a.document.as_str());
            }
        }
        if !seen.is_empty() {
            let links: Vec<String> = seen
                .iter()
                .map(|id| {
                    let title = index.document(id).map_or(*id, doc_title);
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        html(id),
                        html(&shorten(title, 80))
                    )
                })
                .collect();
            meta.push(format!("appears in {}", links.join(", ")));
        }
    }
    meta.push(format!("<code>{}</code>", html(verdict.claim.as_str())));
    out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
}

/// Three horizontal bars: weighted support, refutation and discussion.
fn chart(out: &mut String, verdict: &Verdict) {
    let (support, refutation, discussion) = balance(verdict);
    let counts = by_side(verdict).map(|(_, items)| items.len());
    let max = support.max(refutation).max(discussion);
    let label = format!(
        "Stance balance: support {}, refutation {}, discussion {}",
        num(support),
        num(refutation),
        num(discussion)
    );
    out.push_str(&format!(
        "<figure class=\"chart\"><svg viewBox=\"0 0 320 84\" \
         xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{0}\"><title>{0}</title>",
        html(&label)
    ));
    let rows = [
        ("Support", support, counts[0], "#1a7f37"),
        ("Refutation", refutation, counts[1], "#c4202b"),
        ("Discussion", discussion, counts[2], "#6e7781"),
    ];
    const BAR_X: f64 = 92.0;
    const BAR_W: f64 = 150.0;
    for (row, (name, value, _, colour)) in rows.iter().enumerate() {
        let y = 4 + row * 28;
        let width = if max > 0.0 { BAR_W * value / max } else { 0.0 };
        out.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"#1f2328\">{name}</text>\
             <rect x=\"{BAR_X}\" y=\"{y}\" width=\"{BAR_W}\" height=\"18\" rx=\"3\" fill=\"#eef1f4\"/>\
             <rect x=\"{BAR_X}\" y=\"{y}\" width=\"{width:.1}\" height=\"18\" rx=\"3\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"#1f2328\">{}</text>",
            y + 14,
            BAR_X + BAR_W + 8.0,
            y + 14,
            num(*value),
        ));
    }
    out.push_str("</svg>");
    let passages = |n: usize| {
        if n == 1 {
            "1 passage".to_owned()
        } else {
            format!("{n} passages")
        }
    };
    out.push_str(&format!(
        "<figcaption class=\"meta\">Weighted evidence: {} for, {} against, {} context{}.\
         </figcaption></figure>\n",
        passages(counts[0]),
        passages(counts[1]),
        passages(counts[2]),
        if max > 0.0 {
            ""
        } else {
            "; no passage carries weight"
        }
    ));
}

fn evidence_item(out: &mut String, number: usize, e: &Evidence, index: &Index<'_>) {
    let doc = index.document(e.document.as_str());
    out.push_str("<li>");
    let lang = doc
        .and_then(|d| d.language.as_deref())
        .map(|l| format!(" lang=\"{}\"", html(l)))
        .unwrap_or_default();
    let context = doc.and_then(|d| in_context(d, e.span));
    match context {
        Some(c) if !c.marked.trim().is_empty() => {
            out.push_str(&format!(
                "<blockquote{lang}>{}{}<mark>{}</mark>{}{}</blockquote>",
                if c.cut_before { "…" } else { "" },
                html(c.before.trim_start()),
                html(c.marked),
                html(c.after.trim_end()),
                if c.cut_after { "…" } else { "" },
            ));
        }
        _ => out.push_str(&format!(
            "<blockquote{lang}><mark>{}</mark></blockquote>",
            html(e.text.trim())
        )),
    }
    let mut src = vec![format!("#{number}")];
    match doc {
        Some(d) => {
            src.push(format!(
                "<a href=\"#{}\">{}</a>",
                html(d.id.as_str()),
                html(&shorten(doc_title(d), 120))
            ));
            if let Some(p) = &d.publisher {
                src.push(html(p));
            }
            if let Some(date) = d.published.as_deref().and_then(date_part) {
                src.push(html(date));
            }
            if let Some(a) = external(d.source.url.as_deref(), "source ↗") {
                src.push(a);
            }
        }
        None => src.push(html(e.document.as_str())),
    }
    out.push_str(&format!("<p class=\"src\">{}</p>", src.join(" · ")));
    let stance_score = e.stance.scores.get(e.stance.label);
    out.push_str(&format!(
        "<p class=\"scores\">{} ({}) · role {} · weight {} · relevance {}{}</p>",
        e.stance.label.as_str(),
        percent(stance_score),
        role_name(e.role),
        num(e.weight),
        num(e.relevance),
        e.duplicate_of
            .map(|of| format!(" · copy of #{}", of + 1))
            .unwrap_or_default()
    ));
    if !e.note.trim().is_empty() {
        out.push_str(&format!("<p class=\"note\">{}</p>", html(&e.note)));
    }
    out.push_str("</li>\n");
}

fn documents(out: &mut String, report: &Report) {
    if report.documents.is_empty() {
        return;
    }
    out.push_str("<section><h2>Documents</h2>\n<ol class=\"docs\">\n");
    for d in &report.documents {
        document_item(out, d);
    }
    out.push_str("</ol></section>\n");
}

fn document_item(out: &mut String, d: &Document) {
    out.push_str(&format!(
        "<li id=\"{}\"><strong>{}</strong>",
        html(d.id.as_str()),
        html(&one_line(doc_title(d)))
    ));
    let mut meta = Vec::new();
    if let Some(p) = &d.publisher {
        meta.push(html(p));
    }
    if !d.authors.is_empty() {
        meta.push(format!("by {}", html(&d.authors.join(", "))));
    }
    if let Some(date) = &d.published {
        meta.push(html(date));
    }
    let kind = serde_json::to_value(d.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    meta.push(html(&kind));
    out.push_str(&format!(
        "<br><span class=\"meta\">{}</span>",
        meta.join(" · ")
    ));
    let source = external(d.source.url.as_deref(), &shorten(&d.source.location, 100))
        .unwrap_or_else(|| format!("<code>{}</code>", html(&shorten(&d.source.location, 100))));
    out.push_str(&format!(
        "<br><span class=\"meta\">{} · <code>{}</code></span></li>\n",
        source,
        html(d.id.as_str())
    ));
}

fn diagnostics(out: &mut String, report: &Report) {
    if report.diagnostics.is_empty() {
        return;
    }
    out.push_str("<section><h2>Diagnostics</h2>\n<ul>\n");
    for d in &report.diagnostics {
        let severity = match d.severity {
            veracity_model::Severity::Warning => "warning",
            veracity_model::Severity::Error => "error",
        };
        out.push_str(&format!(
            "<li><strong>{severity}</strong> <code>{}</code>: {}</li>\n",
            html(&d.source),
            html(&d.message)
        ));
    }
    out.push_str("</ul></section>\n");
}
