//! `markdown`: a report that reads well rendered on a code-hosting site
//! (GitHub-flavoured Markdown) and as plain text.

use super::{TITLE, report_title};
use crate::reader::{DEFAULT_SCALE, confidence_shown, reader_summary};
use crate::shared::{
    Index, by_side, class_title, count, date_part, doc_title, markdown as md, num, one_line,
    percent, role_name, shorten, web_url,
};
use crate::{Format, FormatError, FormatOptions, OptionKey};
use veracity_model::{Document, RatingClass, Report, Verdict};

/// A Markdown report: a summary table, then per claim its verdict in
/// plain sentences, evidence tables grouped by stance and published reviews; a
/// documents appendix. All document text is escaped.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkdownFormat;

impl Format for MarkdownFormat {
    fn name(&self) -> &str {
        "markdown"
    }
    fn description(&self) -> &str {
        "a Markdown report (GitHub-flavoured) with evidence tables"
    }
    fn media_type(&self) -> &str {
        "text/markdown; charset=utf-8"
    }
    fn extension(&self) -> &str {
        "md"
    }
    fn option_keys(&self) -> Option<&[OptionKey]> {
        Some(&[TITLE])
    }
    fn render(&self, report: &Report, options: &FormatOptions) -> Result<Vec<u8>, FormatError> {
        let index = Index::new(report);
        let mut out = String::new();
        let title = report_title(options);
        out.push_str(&format!("# {}\n\n", md(&title)));
        out.push_str(&format!(
            "{} · {} · {} {} (data model {})\n\n",
            count(report.claims.len().max(report.verdicts.len()), "claim"),
            count(report.collection_size(), "document"),
            md(&report.tool.name),
            md(&report.tool.version),
            md(&report.schema_version),
        ));
        summary(&mut out, report, &index);
        for (n, verdict) in report.verdicts.iter().enumerate() {
            claim_section(&mut out, n + 1, verdict, &index);
        }
        documents(&mut out, report);
        if !report.diagnostics.is_empty() {
            out.push_str("## Diagnostics\n\n");
            for d in &report.diagnostics {
                let severity = match d.severity {
                    veracity_model::Severity::Warning => "warning",
                    veracity_model::Severity::Error => "error",
                };
                out.push_str(&format!(
                    "- **{severity}** {}: {}\n",
                    md(&d.source),
                    md(&d.message)
                ));
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "---\n\nPublished by {}. A verdict cites its evidence and says how confident \
             it is; it is not proof.\n",
            md(options.publisher_name())
        ));
        Ok(out.into_bytes())
    }
}

/// A coloured marker per class, so the verdict stands out without HTML.
fn marker(class: RatingClass) -> &'static str {
    match class {
        RatingClass::True => "🟢",
        RatingClass::MostlyTrue => "🟢",
        RatingClass::Mixed => "🟡",
        RatingClass::MostlyFalse => "🟠",
        RatingClass::False => "🔴",
        RatingClass::Unverified => "⚪",
    }
}

/// A Markdown link to a web URL (pipes percent-encoded so tables hold), or
/// the escaped text alone.
fn link(text: &str, url: Option<&str>) -> String {
    match url.and_then(web_url) {
        Some(url) => format!("[{}](<{}>)", md(text), url.replace('|', "%7C")),
        None => md(text),
    }
}

fn summary(out: &mut String, report: &Report, index: &Index<'_>) {
    if report.verdicts.is_empty() {
        out.push_str("No verdicts.\n\n");
        return;
    }
    out.push_str("| # | Claim | Verdict | Confidence |\n| ---: | --- | --- | ---: |\n");
    for (n, v) in report.verdicts.iter().enumerate() {
        let claim = index
            .claim(v.claim.as_str())
            .map_or(v.claim.as_str(), |c| c.text.as_str());
        out.push_str(&format!(
            "| {} | {} | {} {} | {} |\n",
            n + 1,
            md(&shorten(claim, 120)),
            marker(v.rating.class),
            md(&v.rating.label),
            if confidence_shown(v) {
                percent(v.confidence)
            } else {
                "—".to_owned()
            }
        ));
    }
    out.push('\n');
}

fn claim_section(out: &mut String, n: usize, verdict: &Verdict, index: &Index<'_>) {
    let claim = index.claim(verdict.claim.as_str());
    let text = claim.map_or("(claim not in report)", |c| c.text.as_str());
    out.push_str(&format!("## {n}. “{}”\n\n", md(text)));
    let mut meta = Vec::new();
    if let Some(who) = claim.and_then(|c| c.claimant.as_deref()) {
        meta.push(format!("**Claimant:** {}", md(who)));
    }
    if let Some(date) = claim.and_then(|c| c.date.as_deref()) {
        meta.push(format!("**Date:** {}", md(date)));
    }
    if !meta.is_empty() {
        out.push_str(&meta.join(" · "));
        out.push_str("\n\n");
    }

    let rating = &verdict.rating;
    let confidence = if confidence_shown(verdict) {
        format!(" · confidence {}", percent(verdict.confidence))
    } else {
        String::new()
    };
    // The scale's own label when it says more than the class, with the
    // scale named when it is not the default one.
    let title = class_title(rating.class);
    let label = if rating.scale != DEFAULT_SCALE {
        format!(" · {} ({} scale)", md(&rating.label), md(&rating.scale))
    } else if one_line(&rating.label).eq_ignore_ascii_case(title) {
        String::new()
    } else {
        format!(" · {}", md(&rating.label))
    };
    out.push_str(&format!(
        "> {} **{}**{label}{confidence}\n\n",
        marker(rating.class),
        title.to_uppercase(),
    ));
    // Plain sentences, not the engine's explanation: that is for auditors
    // (the JSON report) and may cite internal ids and byte offsets.
    out.push_str(&crate::shared::markdown_block(&reader_summary(
        index, verdict,
    )));
    out.push_str("\n\n");
    out.push_str(&format!(
        "Weighted support {} · refutation {} · {}\n\n",
        num(verdict.support),
        num(verdict.refutation),
        count(verdict.evidence.len(), "evidence item"),
    ));

    for (side, items) in by_side(verdict) {
        if items.is_empty() {
            continue;
        }
        out.push_str(&format!("### {} ({})\n\n", side.heading(), items.len()));
        out.push_str(
            "| # | Passage | Source | Stance | Role | Weight | Relevance | Why |\n\
             | ---: | --- | --- | --- | --- | ---: | ---: | --- |\n",
        );
        for (i, e) in items {
            let doc = index.document(e.document.as_str());
            out.push_str(&format!(
                "| {} | “{}” | {} | {} | {} | {} | {} | {} |\n",
                i + 1,
                md(&shorten(&e.text, 240)),
                source(doc, e.document.as_str()),
                e.stance.label.as_str(),
                role_name(e.role),
                num(e.weight),
                num(e.relevance),
                md(&e.note),
            ));
        }
        out.push('\n');
    }

    if !verdict.reviews.is_empty() {
        out.push_str("### Published reviews\n\n");
        for cited in &verdict.reviews {
            let r = &cited.review;
            let mut line = format!(
                "- {} **{}** ({})",
                marker(r.rating.class),
                md(&r.rating.label),
                md(&r.rating.scale)
            );
            if let Some(by) = &r.reviewer {
                line.push_str(&format!(" by {}", md(by)));
            }
            if let Some(date) = &r.date {
                line.push_str(&format!(", {}", md(date)));
            }
            line.push_str(&format!(": “{}”", md(&shorten(&r.claim, 240))));
            if let Some(summary) = &r.summary {
                line.push_str(&format!(" — {}", md(summary)));
            }
            if let Some(url) = r.url.as_deref().and_then(web_url) {
                line.push_str(&format!(" {}", link("(source)", Some(url))));
            }
            line.push_str(&format!(" · similarity {}\n", num(cited.similarity)));
            out.push_str(&line);
        }
        out.push('\n');
    }
}

/// A document cited in a table cell: linked title, publisher and date.
fn source(doc: Option<&Document>, id: &str) -> String {
    let Some(doc) = doc else {
        return md(id);
    };
    let mut cell = link(&shorten(doc_title(doc), 100), doc.source.url.as_deref());
    if let Some(publisher) = &doc.publisher {
        cell.push_str(&format!(" — {}", md(publisher)));
    }
    if let Some(date) = doc.published.as_deref().and_then(date_part) {
        cell.push_str(&format!(", {date}"));
    }
    cell
}

fn documents(out: &mut String, report: &Report) {
    if report.documents.is_empty() {
        return;
    }
    out.push_str(&format!(
        "## {}\n\n",
        md(&crate::shared::documents_heading(report))
    ));
    out.push_str(
        "| Title | Publisher | Published | Kind | Source |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for doc in &report.documents {
        let kind = serde_json::to_value(doc.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let location = link(
            &shorten(&doc.source.location, 80),
            doc.source.url.as_deref(),
        );
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            md(&shorten(doc_title(doc), 140)),
            md(doc.publisher.as_deref().unwrap_or("")),
            md(doc.published.as_deref().unwrap_or("")),
            kind,
            location,
        ));
    }
    out.push('\n');
}
