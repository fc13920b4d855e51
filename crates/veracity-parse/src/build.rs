//! Assembling a [`Document`] from cleaned paragraphs and metadata: spans,
//! sentences, quotes and the document kind.

use veracity_model::document::{DropRule, DroppedText};
use veracity_model::{Document, DocumentId, DocumentKind, Review, Source, Span};

/// Metadata gathered by a front end (text, JSON, HTML) for one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub publisher: Option<String>,
    pub dateline: Option<String>,
    pub syndicated_from: Vec<String>,
    pub kind: Option<DocumentKind>,
    pub reviews: Vec<Review>,
    /// The claimant of a review and the role the page gives them, so that
    /// the quoted claim can be attributed.
    pub claimant_role: Option<(String, String)>,
    /// The text the cleaning rules left out, by rule.
    pub dropped: Vec<DroppedText>,
}

/// Adds `bytes` in one piece to `rule`'s entry of `dropped`, keeping the
/// list ordered by rule.
pub(crate) fn record_dropped(dropped: &mut Vec<DroppedText>, rule: DropRule, bytes: u64) {
    if bytes == 0 {
        return;
    }
    match dropped.binary_search_by(|d| d.rule.cmp(&rule)) {
        Ok(i) => {
            dropped[i].bytes += bytes;
            dropped[i].pieces += 1;
        }
        Err(i) => dropped.insert(
            i,
            DroppedText {
                rule,
                bytes,
                pieces: 1,
            },
        ),
    }
}

/// Pushes `item` unless an equal one (ignoring case) is there already.
pub(crate) fn push_unique(list: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !list.iter().any(|x| x.eq_ignore_ascii_case(item)) {
        list.push(item.to_owned());
    }
}

/// The document id: the source hash, plus the byte range (or another part
/// such as a JSON path) for one of several documents from one source.
pub(crate) fn document_id(sha256: &str, part: Option<&str>) -> DocumentId {
    match part {
        Some(part) => DocumentId::from_content(&[sha256, part]),
        None => DocumentId::from_content(&[sha256]),
    }
}

/// Builds the document: joins the paragraphs with a blank line, finds
/// sentences and quotes, and settles the kind.
pub(crate) fn document(
    id: DocumentId,
    source: Source,
    parent: Option<DocumentId>,
    meta: Meta,
    paragraphs: &[impl AsRef<str>],
) -> Document {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.as_ref().len() + 2).sum());
    let mut spans = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let p = p.as_ref().trim();
        if p.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        spans.extend(Span::new(&text, start, text.len()));
    }
    let sentences = veracity_text::sentences::sentences(&text, &spans);
    let claims: Vec<crate::quotes::KnownClaim> = meta
        .reviews
        .iter()
        .filter_map(|r| {
            let name = r.claimant.clone()?;
            let role = meta
                .claimant_role
                .as_ref()
                .filter(|(n, _)| *n == name)
                .map(|(_, role)| role.clone());
            Some(crate::quotes::KnownClaim {
                claim: r.claim.clone(),
                name,
                role,
            })
        })
        .collect();
    let quotes = crate::quotes::find(&text, &spans, &sentences, &claims);
    let detected_language = Some(crate::language::detect(&text));
    let kind = meta.kind.unwrap_or(if meta.reviews.is_empty() {
        DocumentKind::Other
    } else {
        DocumentKind::FactCheck
    });
    Document {
        id,
        source,
        kind,
        title: meta.title,
        authors: meta.authors,
        published: meta.published,
        language: meta.language,
        detected_language,
        publisher: meta.publisher,
        dateline: meta.dateline,
        syndicated_from: meta.syndicated_from,
        text,
        paragraphs: spans,
        sentences,
        quotes,
        reviews: meta.reviews,
        parent,
        dropped: meta.dropped,
    }
}
