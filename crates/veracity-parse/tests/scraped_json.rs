//! Plain scraper exports (`{url, title, text}` and common variants) as a
//! single object, an array and JSON Lines.

use veracity_model::DocumentKind;
use veracity_parse::{ErrorKind, Options, parse};

const ARTICLE: &str = "The council said on Monday that the new bridge cost 40 million euros.\\n\\n\
    \\\"It was worth every cent,\\\" Mayor Dana Whitfield said at the opening.";

fn object(fields: &str) -> String {
    format!("{{{fields}, \"text\": \"{ARTICLE}\"}}")
}

#[test]
fn a_scraped_object_is_a_document() {
    let json = object(
        r#""url": "https://news.example/bridge", "title": "Bridge opens",
           "date": "2026-03-04T10:00:00Z", "author": "Owen Pritchard",
           "source": "Coastal Wire""#,
    );
    let parsed = parse(json.as_bytes(), "bridge.json", &Options::default()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    let [doc] = parsed.documents.as_slice() else {
        panic!("{:?}", parsed.documents)
    };
    assert_eq!(
        doc.source.url.as_deref(),
        Some("https://news.example/bridge")
    );
    assert_eq!(doc.source.location, "bridge.json");
    assert_eq!(doc.source.media_type, "application/json");
    assert_eq!(doc.title.as_deref(), Some("Bridge opens"));
    assert_eq!(doc.published.as_deref(), Some("2026-03-04T10:00:00Z"));
    assert_eq!(doc.authors, ["Owen Pritchard"]);
    assert_eq!(doc.publisher.as_deref(), Some("Coastal Wire"));
    assert_eq!(doc.kind, DocumentKind::News);
    assert_eq!(doc.paragraphs.len(), 2);
    assert!(doc.text.starts_with("The council said on Monday"));
    // The quote and its speaker are found as in any other document.
    assert!(
        doc.quotes.iter().any(|q| q
            .speaker
            .as_ref()
            .is_some_and(|s| s.name == "Dana Whitfield")),
        "{:?}",
        doc.quotes
    );
    assert!(doc.check_spans().is_empty());
}

#[test]
fn other_field_names_are_understood() {
    let json = r#"{"link": "https://a.example/x", "headline": "Bridge opens",
        "published_at": "March 4, 2026", "byline": "By Ann Lee and Bo Chen",
        "site_name": "The Daily", "content": "The bridge opened on Monday after six years of work."}"#;
    let docs = parse(json.as_bytes(), "x.json", &Options::default())
        .unwrap()
        .documents;
    assert_eq!(docs[0].source.url.as_deref(), Some("https://a.example/x"));
    assert_eq!(docs[0].title.as_deref(), Some("Bridge opens"));
    assert_eq!(docs[0].published.as_deref(), Some("2026-03-04"));
    assert_eq!(docs[0].authors, ["Ann Lee", "Bo Chen"]);
    assert_eq!(docs[0].publisher.as_deref(), Some("The Daily"));

    // NewsAPI: the publisher as {id, name}, the text in `body` here.
    let json = r#"{"source": {"id": null, "name": "Coastal Wire"}, "author": ["A. Writer"],
        "publishedAt": "2026-03-04", "url": "https://c.example/y",
        "body": "The bridge opened on Monday after six years of work."}"#;
    let docs = parse(json.as_bytes(), "y.json", &Options::default())
        .unwrap()
        .documents;
    assert_eq!(docs[0].publisher.as_deref(), Some("Coastal Wire"));
    assert_eq!(docs[0].authors, ["A. Writer"]);
    assert_eq!(docs[0].published.as_deref(), Some("2026-03-04"));
}

#[test]
fn an_array_and_json_lines_of_scraped_objects() {
    let a = object(r#""url": "https://a.example/1", "title": "One""#);
    let b = object(r#""url": "https://a.example/2", "title": "Two", "published": "2026-01-02""#);
    let array = format!("[{a}, {b}]");
    let docs = parse(array.as_bytes(), "list.json", &Options::default())
        .unwrap()
        .documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].title.as_deref(), Some("Two"));
    assert_eq!(docs[1].published.as_deref(), Some("2026-01-02"));
    assert_ne!(docs[0].id, docs[1].id);

    let lines = format!("{a}\n{b}\n{{\"title\": \"no text\"}}\n");
    let parsed = parse(lines.as_bytes(), "crawl.jsonl", &Options::default()).unwrap();
    assert_eq!(parsed.documents.len(), 2);
    assert_eq!(
        parsed.documents[0].source.url.as_deref(),
        Some("https://a.example/1")
    );
    assert_eq!(parsed.documents[0].source.media_type, "application/jsonl");
    // The line without text is a warning naming the line and the fields.
    assert_eq!(parsed.warnings.len(), 1);
    let w = &parsed.warnings[0].message;
    assert!(w.starts_with("line 3 skipped"), "{w}");
    assert!(w.contains("`text`, `content` or `body`"), "{w}");
}

#[test]
fn an_object_without_text_fields_is_a_clear_error() {
    for json in [
        r#"{"url": "https://a.example", "title": "Only a title"}"#,
        r#"{"url": "https://a.example", "text": "   "}"#,
    ] {
        let e = parse(json.as_bytes(), "notext.json", &Options::default()).unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::UnknownJson(_)), "{e}");
        let msg = e.to_string();
        assert!(msg.starts_with("notext.json: "), "{msg}");
        assert!(msg.contains("`text`, `content` or `body`"), "{msg}");
        assert!(msg.contains("date/published/published_at"), "{msg}");
    }
}

#[test]
fn veracity_documents_are_still_validated() {
    // A Source object with a location: a veracity Document, checked
    // against the schema, not read as a scraped record.
    let json = r#"{"id": "x", "source": {"location": "a"}, "text": "Hi there."}"#;
    let e = parse(json.as_bytes(), "doc.json", &Options::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Invalid(_)), "{e}");
}
