//! A minimal reader used by `veracity check` for inputs the parser crate
//! does not cover: JSON documents and reports (`.json`, `.jsonl`), and plain
//! text (title from the first line, sentences from the fallback splitter,
//! a "Claim: / Claimed by: / Rating:" box as a published review).

use veracity_model::id::sha256_hex;
use veracity_model::{
    Document, DocumentId, DocumentKind, Report, Review, ScaleRegistry, Source, Span,
};

/// Parses one input's bytes into documents, or says why it cannot.
pub fn parse(name: &str, bytes: &[u8]) -> Result<Vec<Document>, String> {
    if bytes.is_empty() {
        return Err("the file is empty; nothing to read".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("the file looks binary (NUL bytes); give HTML, text or JSON".into());
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| format!("not UTF-8 text ({e}); convert it to UTF-8"))?;
    let lower = name.to_lowercase();
    if lower.ends_with(".jsonl") {
        return text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| {
                serde_json::from_str::<Document>(l).map_err(|e| {
                    format!(
                        "line {}: not a document ({e}); see `veracity schema document`",
                        i + 1
                    )
                })
            })
            .collect();
    }
    if lower.ends_with(".json") {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("not valid JSON ({e}); fix the syntax"))?;
        if value.get("documents").is_some() {
            let r: Report = serde_json::from_value(value)
                .map_err(|e| format!("not a report ({e}); see `veracity schema report`"))?;
            return Ok(r.documents);
        }
        if value.is_array() {
            return serde_json::from_value(value).map_err(|e| {
                format!("not a list of documents ({e}); see `veracity schema document`")
            });
        }
        return serde_json::from_value::<Document>(value)
            .map(|d| vec![d])
            .map_err(|e| format!("not a document ({e}); see `veracity schema document`"));
    }
    Ok(vec![plain_text(name, bytes, text)])
}

fn plain_text(name: &str, bytes: &[u8], raw: &str) -> Document {
    let text = raw.replace("\r\n", "\n").trim().to_owned();
    let hash = sha256_hex(bytes);
    let title = text
        .lines()
        .map(str::trim)
        .find(|l| l.split_whitespace().count() >= 4)
        .map(str::to_owned);
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        let end = start + part.len();
        if !part.trim().is_empty() {
            paragraphs.push(Span { start, end });
        }
        start = end + 2;
    }
    let sentences = veracity_verdict::index::split_sentences(&text);
    let reviews = review_box(&text);
    Document {
        id: DocumentId::from_content(&[&hash]),
        source: Source {
            location: name.to_owned(),
            media_type: "text/plain".into(),
            sha256: hash,
            byte_range: None,
            url: None,
        },
        kind: if reviews.is_empty() {
            DocumentKind::Other
        } else {
            DocumentKind::FactCheck
        },
        title,
        authors: Vec::new(),
        published: None,
        language: None,
        publisher: None,
        dateline: None,
        syndicated_from: Vec::new(),
        text,
        paragraphs,
        sentences,
        quotes: Vec::new(),
        reviews,
        parent: None,
    }
}

/// A "Claim: ... / Claimed by: ... / Rating: ..." summary box.
fn review_box(text: &str) -> Vec<Review> {
    let field = |key: &str| {
        text.lines()
            .map(str::trim)
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_owned()))
            .filter(|v| !v.is_empty())
    };
    let (Some(claim), Some(label)) = (field("Claim:"), field("Rating:")) else {
        return Vec::new();
    };
    let Some(rating) = ScaleRegistry::builtin().lookup(None, &label) else {
        return Vec::new();
    };
    let claim = claim
        .trim_matches(|c| c == '"' || c == '\u{201c}' || c == '\u{201d}')
        .to_owned();
    vec![Review {
        claim,
        claimant: field("Claimed by:").map(|c| c.split(',').next().unwrap_or(&c).trim().to_owned()),
        rating,
        summary: None,
        reviewer: None,
        url: None,
        date: None,
    }]
}
