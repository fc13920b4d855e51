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

/// A raw crawl record's page, with furniture around the article.
fn crawled_page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title} | The Harbour Gazette</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a> <a href=\"/weather\">Weather</a></nav>\
         <article><h1>{title}</h1>{body}</article>\
         <footer>Subscribe to our newsletter. Cookie settings. Contact us.</footer></body></html>"
    )
}

fn crawl_line(fields: &str, page: &str) -> String {
    let html = serde_json::to_string(page).unwrap();
    format!("{{{fields}, \"html\": {html}}}")
}

#[test]
fn raw_crawl_records_are_read_as_pages_with_the_records_fields_on_top() {
    let body = "<p>The harbour authority said on Tuesday that dredging the channel will cost 12 million pounds.</p>\
        <p>\u{201c}We have no other way to keep the ferries running,\u{201d} Iona Blackwood, the harbour master, said.</p>\
        <p>Work is due to start in the autumn and last two years, the authority said.</p>";
    let lines = [
        crawl_line(
            concat!(
                r#""id": "crawl-0001", "url": "https://gazette.example/dredging", "#,
                r#""title": "Dredging to cost 12m", "publisher": "The Harbour Gazette", "#,
                r#""published": "2026-05-12""#
            ),
            &crawled_page("Channel dredging plan", body),
        ),
        // No fields but the page: the page's own title is kept.
        crawl_line(
            r#""id": "crawl-0002""#,
            &crawled_page(
                "Ferry timetable changes",
                "<p>The winter timetable starts on Sunday, with two fewer sailings a day on the northern route.</p><p>The operator said fewer passengers travel in winter.</p>",
            ),
        ),
        r#"{"id": "crawl-0003", "url": "https://gazette.example/broken"}"#.to_owned(),
    ];
    let jsonl = lines.join("\n");
    let parsed = parse(jsonl.as_bytes(), "crawl.jsonl", &Options::default()).unwrap();
    let [first, second] = parsed.documents.as_slice() else {
        panic!("{:?}", parsed.documents)
    };
    assert_eq!(first.source.location, "crawl.jsonl");
    assert_eq!(first.source.media_type, "text/html");
    assert_eq!(
        first.source.url.as_deref(),
        Some("https://gazette.example/dredging")
    );
    assert_eq!(first.title.as_deref(), Some("Dredging to cost 12m"));
    assert_eq!(first.published.as_deref(), Some("2026-05-12"));
    assert_eq!(first.publisher.as_deref(), Some("The Harbour Gazette"));
    assert_eq!(first.kind, DocumentKind::News);
    // The page's furniture is not in the text; the article is.
    assert!(
        first.text.starts_with("The harbour authority said"),
        "{}",
        first.text
    );
    assert!(!first.text.contains("Cookie settings"), "{}", first.text);
    assert!(!first.text.contains("Weather"), "{}", first.text);
    assert!(
        first.quotes.iter().any(|q| q
            .speaker
            .as_ref()
            .is_some_and(|s| s.name == "Iona Blackwood")),
        "{:?}",
        first.quotes
    );
    assert!(first.check_spans().is_empty());
    assert!(
        second
            .title
            .as_deref()
            .is_some_and(|t| t.contains("Ferry timetable")),
        "{:?}",
        second.title
    );
    assert_ne!(first.id, second.id);
    // The record with neither page nor text is an error for its line only.
    let errors: Vec<_> = parsed
        .warnings
        .iter()
        .filter(|w| w.severity == veracity_model::Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{:?}", parsed.warnings);
    assert!(
        errors[0].message.starts_with("line 3 skipped"),
        "{:?}",
        errors[0]
    );
}

#[test]
fn the_same_page_crawled_twice_is_one_document_id() {
    let page = crawled_page(
        "Library hours",
        "<p>The central library will open on Sundays from June, the council announced on Friday.</p>",
    );
    let a = crawl_line(r#""url": "https://gazette.example/library""#, &page);
    let b = crawl_line(
        r#""url": "https://gazette.example/library?utm=feed""#,
        &page,
    );
    let docs_a = parse(a.as_bytes(), "monday.jsonl", &Options::default())
        .unwrap()
        .documents;
    let docs_b = parse(b.as_bytes(), "tuesday.json", &Options::default())
        .unwrap()
        .documents;
    assert_eq!(docs_a[0].id, docs_b[0].id);
}
