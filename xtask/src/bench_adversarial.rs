//! `cargo xtask bench parse-adversarial`: parse time of hostile pages by
//! size, to show it grows linearly whatever their shape.
//!
//! Each shape (deep nesting closed and unclosed, a huge attribute, many
//! tiny elements, one long line of HTML or text) is generated at growing
//! sizes and parsed with `veracity_parse::parse` (the whole pipeline, no
//! size limit) on this thread; the table gives the median time of `--runs`
//! and nanoseconds per input byte, which stays flat when time is linear.

use anyhow::Result;
use std::time::Instant;
use veracity_parse::Options;

/// One generated input.
struct Case {
    shape: &'static str,
    /// What grows: nesting depth, element count or bytes.
    size: String,
    bytes: Vec<u8>,
}

fn nested(depth: usize, closed: bool) -> Vec<u8> {
    let mut s = String::with_capacity(depth * 12 + 32);
    s.push_str("<html><body>");
    for _ in 0..depth {
        s.push_str("<div>x ");
    }
    if closed {
        for _ in 0..depth {
            s.push_str("</div>");
        }
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

fn huge_attribute(bytes: usize) -> Vec<u8> {
    let mut s = String::with_capacity(bytes + 64);
    s.push_str("<html><body><p data-x=\"");
    s.extend(std::iter::repeat_n('a', bytes));
    s.push_str("\">The plant closed on Tuesday.</p></body></html>");
    s.into_bytes()
}

fn tiny_elements(count: usize) -> Vec<u8> {
    let mut s = String::with_capacity(count * 9 + 32);
    s.push_str("<html><body>");
    for _ in 0..count {
        s.push_str("<i>x</i> ");
    }
    s.push_str("</body></html>");
    s.into_bytes()
}

/// One line of prose (no newline) of about `bytes`, as HTML or text.
fn long_line(bytes: usize, html: bool) -> Vec<u8> {
    let sentence = "The council said emissions rose four percent last year. ";
    let mut s = String::with_capacity(bytes + 64);
    if html {
        s.push_str("<html><body><p>");
    }
    while s.len() < bytes {
        s.push_str(sentence);
    }
    if html {
        s.push_str("</p></body></html>");
    }
    s.into_bytes()
}

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    for depth in [1_000, 10_000, 100_000, 1_000_000] {
        for (shape, closed) in [
            ("nested <div>, closed", true),
            ("nested <div>, unclosed", false),
        ] {
            out.push(Case {
                shape,
                size: format!("depth {depth}"),
                bytes: nested(depth, closed),
            });
        }
    }
    for mb in [1, 10, 40] {
        out.push(Case {
            shape: "one huge attribute",
            size: format!("{mb} MB"),
            bytes: huge_attribute(mb << 20),
        });
    }
    for count in [100_000, 1_000_000, 4_000_000] {
        out.push(Case {
            shape: "tiny elements <i>x</i>",
            size: format!("{count}"),
            bytes: tiny_elements(count),
        });
    }
    for mb in [1, 10, 50] {
        out.push(Case {
            shape: "one long line, HTML",
            size: format!("{mb} MB"),
            bytes: long_line(mb << 20, true),
        });
        out.push(Case {
            shape: "one long line, text",
            size: format!("{mb} MB"),
            bytes: long_line(mb << 20, false),
        });
    }
    out
}

/// Runs the benchmark; prints a Markdown table.
pub fn run(runs: usize) -> Result<bool> {
    if cfg!(debug_assertions) {
        return crate::bench::rerun_in_release();
    }
    // No size limit: the 50 MB shapes are the point.
    #[allow(clippy::needless_update)] // Options may gain fields; keep their defaults.
    let options = Options {
        max_size: u64::MAX,
        ..Options::default()
    };
    println!("| shape | size | input MB | median s | ns/byte | documents | warnings |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for case in cases() {
        let mut times = Vec::with_capacity(runs);
        let mut outcome = (0, 0);
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            let parsed = veracity_parse::parse(&case.bytes, "adversarial", &options);
            times.push(start.elapsed().as_secs_f64());
            outcome = match parsed {
                Ok(p) => (p.documents.len(), p.warnings.len()),
                Err(e) => anyhow::bail!("{} {}: {e}", case.shape, case.size),
            };
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        println!(
            "| {} | {} | {:.2} | {:.3} | {:.1} | {} | {} |",
            case.shape,
            case.size,
            case.bytes.len() as f64 / 1e6,
            median,
            median * 1e9 / case.bytes.len() as f64,
            outcome.0,
            outcome.1
        );
    }
    Ok(true)
}
