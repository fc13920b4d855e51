//! `bulletin`: an example veracity format plugin.
//!
//! Renders a report as a plain-text wire bulletin, the kind a verification
//! desk pastes into a chat channel or an e-mail: one numbered item per
//! verdict with the rating in capitals, the claim, who made it, why, the
//! published fact-checks and the balance of the evidence, wrapped to a fixed
//! width. Option `width=N` (40 to 200, default 72) sets the width.
//!
//! Build it with `cargo build --release -p veracity-plugin-bulletin` and use it
//! with `veracity render --plugin target/release/libveracity_plugin_bulletin.so
//! --format bulletin REPORT`.

use std::collections::HashMap;
use veracity_plugin::veracity_model::{Claim, ClaimId, EvidenceRole, Report, StanceLabel, Verdict};
use veracity_plugin::{FormatRequest, Plugin, PluginManifest};

#[derive(Default)]
struct Bulletin;

impl Plugin for Bulletin {
    fn manifest(&self) -> PluginManifest {
        veracity_plugin::format_manifest(
            "bulletin",
            env!("CARGO_PKG_VERSION"),
            "A plain-text wire bulletin of the verdicts, for chat and e-mail",
            "text/plain; charset=utf-8",
        )
    }

    fn format(&self, request: FormatRequest) -> Result<String, String> {
        let width = match request.options.get("width") {
            None => 72,
            Some(w) => w
                .parse::<usize>()
                .ok()
                .filter(|w| (40..=200).contains(w))
                .ok_or_else(|| format!("option width={w}: give a number from 40 to 200"))?,
        };
        Ok(render(&request.report, width))
    }
}

veracity_plugin::export_plugin!(Bulletin);

/// The whole bulletin.
fn render(report: &Report, width: usize) -> String {
    let claims: HashMap<&ClaimId, &Claim> = report.claims.iter().map(|c| (&c.id, c)).collect();
    let mut out = String::new();
    out.push_str("VERACITY BULLETIN\n");
    let summary = format!(
        "{} verdict{} on {} claim{} from {} document{} ({} {}, schema {})",
        report.verdicts.len(),
        plural(report.verdicts.len()),
        report.claims.len(),
        plural(report.claims.len()),
        report.documents.len(),
        plural(report.documents.len()),
        report.tool.name,
        report.tool.version,
        report.schema_version,
    );
    push_wrapped(&mut out, &summary, "", "", width);
    out.push_str(&"=".repeat(width));
    out.push('\n');
    if report.verdicts.is_empty() {
        out.push_str("\nNo verdicts in this report.\n");
    }
    for (i, verdict) in report.verdicts.iter().enumerate() {
        out.push('\n');
        item(
            &mut out,
            i + 1,
            verdict,
            claims.get(&verdict.claim).copied(),
            width,
        );
    }
    if !report.diagnostics.is_empty() {
        out.push('\n');
        out.push_str(&format!(
            "NOTE: {} input problem{} recorded; see the JSON report's diagnostics.\n",
            report.diagnostics.len(),
            plural(report.diagnostics.len())
        ));
    }
    out.push_str(&"-".repeat(width));
    out.push('\n');
    push_wrapped(
        &mut out,
        "Each verdict cites its evidence in the JSON report (`veracity render --format json`).",
        "",
        "",
        width,
    );
    out
}

/// One numbered verdict.
fn item(out: &mut String, n: usize, verdict: &Verdict, claim: Option<&Claim>, width: usize) {
    let rating = &verdict.rating;
    let headline = format!(
        "{n}. {} ({}: {}), confidence {:.2}",
        rating.class.as_str().replace('_', " ").to_uppercase(),
        rating.scale,
        rating.label,
        verdict.confidence
    );
    push_wrapped(out, &headline, "", "   ", width);
    let indent = "   ";
    match claim {
        Some(claim) => {
            push_field(
                out,
                "CLAIM",
                &format!("\u{201c}{}\u{201d}", claim.text),
                indent,
                width,
            );
            let by = match (&claim.claimant, &claim.date) {
                (Some(who), Some(when)) => Some(format!("{who}, {when}")),
                (Some(who), None) => Some(who.clone()),
                (None, Some(when)) => Some(format!("unknown claimant, {when}")),
                (None, None) => None,
            };
            if let Some(by) = by {
                push_field(out, "BY", &by, indent, width);
            }
        }
        None => push_field(out, "CLAIM", verdict.claim.as_str(), indent, width),
    }
    push_field(out, "WHY", &verdict.explanation, indent, width);
    for cited in &verdict.reviews {
        let review = &cited.review;
        let who = review.reviewer.as_deref().unwrap_or("a fact-check");
        let mut text = format!("{who} rated it \u{201c}{}\u{201d}", review.rating.label);
        if let Some(date) = &review.date {
            text.push_str(&format!(" on {date}"));
        }
        if let Some(url) = &review.url {
            text.push_str(&format!(" ({url})"));
        }
        push_field(out, "FACT-CHECK", &text, indent, width);
    }
    push_field(out, "EVIDENCE", &balance(verdict), indent, width);
}

/// "2 for, 1 against, 3 neutral among 4 independent passages; support 0.80,
/// refutation 0.35".
fn balance(verdict: &Verdict) -> String {
    let independent: Vec<_> = verdict
        .evidence
        .iter()
        .filter(|e| e.role == EvidenceRole::Independent)
        .collect();
    let count = |label| {
        independent
            .iter()
            .filter(|e| e.stance.label == label)
            .count()
    };
    format!(
        "{} for, {} against, {} neutral among {} independent passage{} ({} cited in all); \
         support {:.2}, refutation {:.2}",
        count(StanceLabel::Agree),
        count(StanceLabel::Disagree),
        count(StanceLabel::Discuss),
        independent.len(),
        plural(independent.len()),
        verdict.evidence.len(),
        verdict.support,
        verdict.refutation
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `LABEL: text`, wrapped with continuation lines indented under the text.
fn push_field(out: &mut String, label: &str, text: &str, indent: &str, width: usize) {
    let first = format!("{indent}{label}: ");
    let rest = " ".repeat(first.chars().count().min(width / 2));
    push_wrapped(out, text, &first, &rest, width);
}

/// Greedy word wrap; a word longer than the line gets a line of its own.
fn push_wrapped(out: &mut String, text: &str, first: &str, rest: &str, width: usize) {
    let mut line = first.to_owned();
    let mut line_len = first.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if !empty && line_len + 1 + len > width {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_owned();
            line_len = rest.chars().count();
            empty = true;
        }
        if !empty {
            line.push(' ');
            line_len += 1;
        }
        line.push_str(word);
        line_len += len;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_the_width_with_hanging_indent() {
        let mut out = String::new();
        push_field(&mut out, "WHY", "one two three four five six", "  ", 16);
        assert_eq!(
            out,
            "  WHY: one two\n       three\n       four five\n       six\n"
        );
        for line in out.lines() {
            assert!(line.chars().count() <= 16, "{line:?}");
        }
    }

    #[test]
    fn an_empty_report_says_so() {
        let text = render(&Report::new("veracity", "0.1.0"), 50);
        assert!(text.starts_with("VERACITY BULLETIN\n0 verdicts on 0 claims"));
        assert!(text.contains("No verdicts in this report."));
    }

    #[test]
    fn width_is_checked() {
        let mut request = FormatRequest {
            report: Report::new("veracity", "0.1.0"),
            options: Default::default(),
        };
        request.options.insert("width".into(), "7".into());
        assert!(Bulletin.format(request).unwrap_err().contains("40 to 200"));
    }
}
