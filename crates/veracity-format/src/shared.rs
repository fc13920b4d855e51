//! Helpers shared by the formats: escaping, URL filtering, lookups, evidence
//! grouping and passage context.

use std::collections::BTreeMap;
use veracity_model::{
    Claim, Document, Evidence, EvidenceRole, RatingClass, Report, Span, StanceLabel, Verdict,
};

/// Escapes text for HTML element content and quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline have no business
            // in a page; show them as the replacement character.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The URL when it is an absolute `http` or `https` URL without white space
/// or control characters; `None` for anything else (`javascript:`, `data:`,
/// relative paths, file paths).
pub fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let rest_ok = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && c != '"' && c != '<' && c != '>');
    let has_host = url
        .split_once("://")
        .is_some_and(|(_, r)| r.chars().next().is_some_and(|c| c != '/'));
    (scheme_ok && rest_ok && has_host).then_some(url)
}

/// White space runs (including newlines) collapsed to one space, trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `limit` characters of `text` on one line, with an ellipsis when
/// cut.
pub fn shorten(text: &str, limit: usize) -> String {
    let line = one_line(text);
    match line.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", line[..at].trim_end()),
        None => line,
    }
}

/// "1 claim", "3 claims".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Escapes text for inline Markdown (CommonMark + GitHub extensions) on one
/// line: white space is collapsed, and every character that could start
/// emphasis, code, links, HTML, entities, tables, math or strikethrough is
/// backslash-escaped. For text that starts a line, use [`markdown_block`].
pub fn markdown(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for ch in line.chars() {
        if matches!(
            ch,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '|'
                | '~'
                | '&'
                | '$'
                | '!'
                | '{'
                | '}'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// [`markdown`] for text that starts a line: block markers at the start
/// (`#`, `+`, `-`, `=`, `:`, `1.`, `1)`) are escaped too.
pub fn markdown_block(text: &str) -> String {
    let mut out = markdown(text);
    let first = out.chars().next();
    if matches!(first, Some('#' | '+' | '-' | '=' | ':')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        let digits = out.bytes().take_while(u8::is_ascii_digit).count();
        if matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// The date part (`YYYY-MM-DD`) of an ISO 8601 date or date-time, when it
/// has one.
pub fn date_part(iso: &str) -> Option<&str> {
    let date = iso.trim().get(..10)?;
    let b = date.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shape.then_some(date)
}

/// A number with two decimals (`0.90`).
pub fn num(value: f64) -> String {
    format!("{value:.2}")
}

/// A fraction as a whole percentage (`72%`).
pub fn percent(value: f64) -> String {
    format!("{:.0}%", (value * 100.0).clamp(0.0, 100.0))
}

/// The class in words, capitalised (`Mostly false`).
pub fn class_title(class: RatingClass) -> &'static str {
    match class {
        RatingClass::True => "True",
        RatingClass::MostlyTrue => "Mostly true",
        RatingClass::Mixed => "Mixed",
        RatingClass::MostlyFalse => "Mostly false",
        RatingClass::False => "False",
        RatingClass::Unverified => "Unverified",
    }
}

/// The role in words.
pub fn role_name(role: EvidenceRole) -> &'static str {
    match role {
        EvidenceRole::Independent => "independent",
        EvidenceRole::Attribution => "attribution",
        EvidenceRole::Claimant => "claimant",
        EvidenceRole::Duplicate => "duplicate",
        EvidenceRole::FactCheck => "fact_check",
    }
}

/// How evidence is grouped in reports a person reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `agree`.
    For,
    /// `disagree`.
    Against,
    /// `discuss` and `unrelated`.
    Context,
}

impl Side {
    pub const ALL: [Side; 3] = [Side::For, Side::Against, Side::Context];

    pub fn of(label: StanceLabel) -> Side {
        match label {
            StanceLabel::Agree => Side::For,
            StanceLabel::Disagree => Side::Against,
            StanceLabel::Discuss | StanceLabel::Unrelated => Side::Context,
        }
    }

    pub fn heading(self) -> &'static str {
        match self {
            Side::For => "For the claim",
            Side::Against => "Against the claim",
            Side::Context => "Context",
        }
    }

    pub fn css(self) -> &'static str {
        match self {
            Side::For => "for",
            Side::Against => "against",
            Side::Context => "context",
        }
    }
}

/// The verdict's evidence grouped by side, keeping each item's index in the
/// verdict's list (and its order, strongest first). Empty groups are kept.
pub fn by_side(verdict: &Verdict) -> [(Side, Vec<(usize, &Evidence)>); 3] {
    Side::ALL.map(|side| {
        let items = verdict
            .evidence
            .iter()
            .enumerate()
            .filter(|(_, e)| Side::of(e.stance.label) == side)
            .collect();
        (side, items)
    })
}

/// Weighted stance totals for the balance chart: the verdict's own support
/// and refutation, and the summed weight of passages that discuss the claim.
pub fn balance(verdict: &Verdict) -> (f64, f64, f64) {
    let discussion: f64 = verdict
        .evidence
        .iter()
        .filter(|e| e.stance.label == StanceLabel::Discuss)
        .map(|e| e.weight)
        .sum();
    let clean = |v: f64| if v.is_finite() && v > 0.0 { v } else { 0.0 };
    (
        clean(verdict.support),
        clean(verdict.refutation),
        clean(discussion),
    )
}

/// Documents and claims by id.
pub struct Index<'r> {
    documents: BTreeMap<&'r str, &'r Document>,
    claims: BTreeMap<&'r str, &'r Claim>,
}

impl<'r> Index<'r> {
    pub fn new(report: &'r Report) -> Index<'r> {
        Index {
            documents: report
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
        }
    }

    pub fn document(&self, id: &str) -> Option<&'r Document> {
        self.documents.get(id).copied()
    }

    pub fn claim(&self, id: &str) -> Option<&'r Claim> {
        self.claims.get(id).copied()
    }
}

/// The document's title, or its source location when it has none.
pub fn doc_title(doc: &Document) -> &str {
    doc.title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(&doc.source.location)
}

/// A passage in its context: the text before the span, the span, the text
/// after, each trimmed to the sentence (or paragraph) that holds it.
pub struct InContext<'d> {
    pub before: &'d str,
    pub marked: &'d str,
    pub after: &'d str,
    /// Text was cut before `before`.
    pub cut_before: bool,
    /// Text was cut after `after`.
    pub cut_after: bool,
}

/// Longest stretch of context shown on either side of a span, in bytes.
const CONTEXT_LIMIT: usize = 320;

/// The span in the context of the paragraph that holds it (or, lacking
/// paragraphs, the sentences it overlaps), at most [`CONTEXT_LIMIT`] bytes
/// each side. `None` when the span does not fit the text.
pub fn in_context(doc: &Document, span: Span) -> Option<InContext<'_>> {
    let text = doc.text.as_str();
    span.check(text).ok()?;
    let holder = doc
        .paragraphs
        .iter()
        .find(|p| p.contains(&span) && p.check(text).is_ok())
        .copied()
        .or_else(|| {
            let overlapping: Vec<&Span> = doc
                .sentences
                .iter()
                .filter(|s| {
                    s.start() < span.end() && span.start() < s.end() && s.check(text).is_ok()
                })
                .collect();
            let start = overlapping
                .iter()
                .map(|s| s.start())
                .min()?
                .min(span.start());
            let end = overlapping.iter().map(|s| s.end()).max()?.max(span.end());
            Span::new(text, start, end).ok()
        })
        .unwrap_or(span);
    let mut from = holder.start();
    let mut cut_before = false;
    if span.start() - from > CONTEXT_LIMIT {
        from = floor_boundary(text, span.start() - CONTEXT_LIMIT);
        cut_before = true;
    }
    let mut to = holder.end();
    let mut cut_after = false;
    if to - span.end() > CONTEXT_LIMIT {
        to = ceil_boundary(text, span.end() + CONTEXT_LIMIT);
        cut_after = true;
    }
    Some(InContext {
        before: &text[from..span.start()],
        marked: &text[span.start()..span.end()],
        after: &text[span.end()..to],
        cut_before,
        cut_after,
    })
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// The heading of a report's list of documents: all of them, or the ones
/// cited of how many the collection holds.
pub(crate) fn documents_heading(report: &veracity_model::Report) -> String {
    let (listed, all) = (report.documents.len(), report.collection_size());
    if listed == all {
        "Documents".to_owned()
    } else {
        format!("Documents cited ({listed} of {all})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<img src=x onerror="a('1')">&"#),
            "&lt;img src=x onerror=&quot;a(&#39;1&#39;)&quot;&gt;&amp;"
        );
        assert_eq!(html("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn only_web_urls_pass() {
        assert_eq!(
            web_url(" https://a.example/x?y=1 "),
            Some("https://a.example/x?y=1")
        );
        assert_eq!(web_url("HTTP://a.example"), Some("HTTP://a.example"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//a.example",
            "/etc/passwd",
            "https:///x",
            "https://a.example/\"onmouseover=x",
            "https://a b",
            "",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn markdown_escapes_specials() {
        assert_eq!(markdown("a|b *c* <x>"), r"a\|b \*c\* \<x\>");
        assert_eq!(markdown_block("# head\nline"), r"\# head line");
        assert_eq!(markdown_block("12. item"), r"12\. item");
        assert_eq!(markdown("version 0.1.0"), "version 0.1.0");
        assert_eq!(markdown("0.1.0"), "0.1.0");
        assert_eq!(markdown("$5 and $6"), r"\$5 and \$6");
        assert_eq!(markdown("[x](javascript:y)"), r"\[x\](javascript:y)");
    }

    #[test]
    fn date_parts() {
        assert_eq!(date_part("2026-03-04T11:20:00-05:00"), Some("2026-03-04"));
        assert_eq!(date_part("2026-03-04"), Some("2026-03-04"));
        assert_eq!(date_part("March 4"), None);
        assert_eq!(date_part("2026-3-4"), None);
    }
}
