//! Plain scraper exports: JSON objects such as `{url, title, text}` with the
//! field names crawlers and scraping tools commonly use, and raw crawl
//! records such as `{id, url, title, publisher, published, html}` whose page
//! is read as any HTML page is.

use crate::build::{self, Meta};
use crate::json::{Origin, iso_date, name_of, source, str_at};
use serde_json::Value;
use veracity_model::{Diagnostic, Document, DocumentKind};

/// The fields that hold a raw crawl record's page.
const HTML_FIELDS: [&str; 2] = ["html", "raw_html"];
/// The fields that hold the article text, first found wins.
const TEXT_FIELDS: [&str; 3] = ["text", "content", "body"];
const URL_FIELDS: [&str; 2] = ["url", "link"];
const TITLE_FIELDS: [&str; 2] = ["title", "headline"];
const DATE_FIELDS: [&str; 5] = [
    "date",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
];
const AUTHOR_FIELDS: [&str; 3] = ["author", "authors", "byline"];
const PUBLISHER_FIELDS: [&str; 3] = ["source", "site_name", "publisher"];
const LANGUAGE_FIELDS: [&str; 2] = ["language", "lang"];

/// The text of a scraped record, if it has a non-blank one.
fn text_of(value: &Value) -> Option<&str> {
    TEXT_FIELDS.iter().find_map(|f| str_at(value, &[f]))
}

fn first<'v>(value: &'v Value, fields: &[&str]) -> Option<&'v str> {
    fields.iter().find_map(|f| str_at(value, &[f]))
}

/// Authors from a string, an object with `name`, or a list of either; a
/// "By Jane Doe and John Roe" byline becomes two names.
fn authors(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for field in AUTHOR_FIELDS {
        match value.get(field) {
            Some(Value::Array(items)) => {
                for item in items {
                    if let Some(name) = name_of(Some(item)) {
                        build::push_unique(&mut out, &name);
                    }
                }
            }
            other => {
                if let Some(byline) = name_of(other) {
                    let byline = byline.strip_prefix("By ").unwrap_or(&byline);
                    for name in byline.split(" and ").flat_map(|n| n.split(", ")) {
                        build::push_unique(&mut out, name);
                    }
                }
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Paragraphs: blank-line separated blocks, or lines when the text has no
/// blank line (scrapers join paragraphs either way).
fn paragraphs(text: &str) -> Vec<&str> {
    let text = text.trim();
    if text.contains("\n\n") || text.contains("\r\n\r\n") {
        text.split("\n\n")
            .flat_map(|p| p.split("\r\n\r\n"))
            .collect()
    } else {
        text.lines().collect()
    }
}

/// A scraped record's documents, or `None` if it has neither a page nor a
/// text field. A page (`html`) wins over a text field: it holds the markup
/// that tells the article from the furniture around it.
pub(crate) fn documents(
    value: &Value,
    origin: &Origin<'_>,
    path: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Option<Vec<Document>> {
    if let Some(html) = first(value, &HTML_FIELDS) {
        return Some(page(value, html, origin, path, warnings));
    }
    text_document(value, origin, path).map(|d| vec![d])
}

/// A raw crawl record: its page parsed as HTML, then the record's own
/// fields (what the crawler knew: where it fetched the page, the feed's
/// title and date) put over what the page's markup says.
fn page(
    value: &Value,
    html: &str,
    origin: &Origin<'_>,
    path: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Document> {
    // Ids and the source hash come from the page itself, so the same page
    // exported twice, in one file or two, is one document.
    let sha256 = veracity_model::id::sha256_hex(html.as_bytes());
    let page_origin = Origin {
        location: origin.location,
        media_type: crate::sniff::Format::Html.media_type(),
        sha256: &sha256,
        encoding: origin.encoding,
    };
    let mut notes = Vec::new();
    let mut docs = crate::html_documents(html, &page_origin, &mut notes);
    warnings.extend(notes.into_iter().map(|mut note| {
        if !path.is_empty() {
            note.message = format!("{path}: {}", note.message);
        }
        note
    }));
    let url = first(value, &URL_FIELDS);
    let title = first(value, &TITLE_FIELDS);
    let published = iso_date(first(value, &DATE_FIELDS));
    let authors = authors(value);
    let publisher = PUBLISHER_FIELDS.iter().find_map(|f| name_of(value.get(f)));
    // Posts of a multi-post page keep their own titles and bylines.
    for doc in docs.iter_mut().filter(|d| d.parent.is_none()) {
        if let Some(url) = url {
            doc.source.url = Some(url.to_owned());
        }
        if let Some(title) = title {
            doc.title = Some(title.to_owned());
        }
        if published.is_some() {
            doc.published.clone_from(&published);
        }
        if !authors.is_empty() {
            doc.authors.clone_from(&authors);
        }
        if publisher.is_some() {
            doc.publisher.clone_from(&publisher);
        }
        // The same rule as for pages: dated and titled, or signed, is news.
        let news = (doc.published.is_some() && doc.title.is_some()) || !doc.authors.is_empty();
        if doc.kind == DocumentKind::Other && news {
            doc.kind = DocumentKind::News;
        }
    }
    docs
}

/// A scraped record with a text field as a document, or `None` if it has none.
fn text_document(value: &Value, origin: &Origin<'_>, path: &str) -> Option<Document> {
    let text = text_of(value)?;
    let title = first(value, &TITLE_FIELDS).map(str::to_owned);
    let published = iso_date(first(value, &DATE_FIELDS));
    let authors = authors(value);
    let publisher = PUBLISHER_FIELDS.iter().find_map(|f| name_of(value.get(f)));
    // The same rule as for text and HTML: dated and titled, or signed, is news.
    let news = (published.is_some() && title.is_some()) || !authors.is_empty();
    let meta = Meta {
        title,
        authors,
        published,
        language: first(value, &LANGUAGE_FIELDS).map(str::to_owned),
        publisher,
        kind: Some(if news {
            DocumentKind::News
        } else {
            DocumentKind::Other
        }),
        ..Meta::default()
    };
    let part = (!path.is_empty()).then_some(path);
    Some(build::document(
        build::document_id(origin.sha256, part),
        source(origin, first(value, &URL_FIELDS)),
        None,
        meta,
        &paragraphs(text),
    ))
}
