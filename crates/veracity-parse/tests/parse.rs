//! End-to-end parsing of fixtures written for these tests.

use veracity_model::validate::validate;
use veracity_model::{Document, DocumentKind, RatingClass, SchemaKind};
use veracity_parse::{ErrorKind, Options, parse, parse_bytes};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn docs(name: &str) -> Vec<Document> {
    let docs = parse_bytes(&fixture(name), name, &Options::default()).unwrap();
    for d in &docs {
        let value = serde_json::to_value(d).unwrap();
        assert_eq!(validate(SchemaKind::Document, &value), vec![], "{name}");
    }
    docs
}

#[test]
fn tag_page_splits_into_posts() {
    let posts = docs("tag-page.txt");
    assert_eq!(posts.len(), 2);
    let page = std::str::from_utf8(&fixture("tag-page.txt"))
        .unwrap()
        .to_owned();
    assert_eq!(
        posts[0].title.as_deref(),
        Some("Ferry fares rise for the second time this year")
    );
    assert_eq!(posts[0].published.as_deref(), Some("2016-10-05T09:15:00"));
    assert_eq!(posts[0].authors, vec!["Mara Quill"]);
    assert_eq!(posts[1].published.as_deref(), Some("2016-10-05"));
    assert_eq!(posts[1].authors, vec!["Ivo Penn"]);
    for p in &posts {
        assert_eq!(p.kind, DocumentKind::Blog);
        assert!(p.parent.is_some());
        let range = p.source.byte_range.unwrap();
        assert!(page[range.start()..range.end()].contains(p.title.as_deref().unwrap()));
        for bad in [
            "Skip to",
            "Tags:",
            "Share",
            "READ MORE",
            "Leave a comment",
            "©",
            "Read more",
        ] {
            assert!(!p.text.contains(bad), "{bad} in {}", p.text);
        }
    }
    assert_ne!(posts[0].id, posts[1].id);
    assert!(posts[1].text.contains("11:40 p.m. on Friday"));
    // The director's quotes, the second one continuing the first.
    let q: Vec<_> = posts[0].quotes.iter().filter(|q| q.direct).collect();
    assert_eq!(q.len(), 2);
    for quote in q {
        let s = quote.speaker.as_ref().unwrap();
        assert_eq!(s.name, "Ansel Brook");
        assert_eq!(s.role.as_deref(), Some("Operations Director"));
    }
    assert!(
        posts[0]
            .quotes
            .iter()
            .any(|q| !q.direct && q.speaker.as_ref().is_some_and(|s| s.name == "Ansel Brook"))
    );
}

#[test]
fn fact_check_text_yields_a_review() {
    let d = &docs("fact-check.txt")[0];
    assert_eq!(d.kind, DocumentKind::FactCheck);
    assert_eq!(
        d.title.as_deref(),
        Some("Councillor's bridge toll claim misses the mark")
    );
    assert_eq!(d.published.as_deref(), Some("2026-03-04T11:20:00-05:00"));
    assert_eq!(d.authors, vec!["Theo Marsh"]);
    assert_eq!(d.publisher.as_deref(), Some("Tidewater Checks"));
    assert_eq!(
        d.dateline.as_deref(),
        Some("SALTMARSH, March 4 (Tidewater Checks) \u{2014}")
    );
    let r = &d.reviews[0];
    assert_eq!(r.claimant.as_deref(), Some("Rosa Venn"));
    assert_eq!(r.rating.label, "False");
    assert_eq!(r.rating.class, RatingClass::False);
    assert_eq!(
        r.claim,
        "The new bridge toll has already paid for half of the bridge."
    );
    assert!(!d.text.contains("cookies"));
    assert!(!d.text.contains("Councillor for Ward 4\n"));
    let castell = d
        .quotes
        .iter()
        .find(|q| {
            q.speaker
                .as_ref()
                .is_some_and(|s| s.name.contains("Castell"))
        })
        .unwrap();
    assert!(d.slice(castell.content).starts_with("We publish"));
    // The quoted claim is the claimant's.
    assert!(
        d.quotes
            .iter()
            .any(|q| q.direct && q.speaker.as_ref().is_some_and(|s| s.name == "Rosa Venn"))
    );
    for s in &d.sentences {
        assert!(s.check(&d.text).is_ok());
    }
    assert!(d.sentences.iter().any(|s| {
        d.slice(*s)
            .starts_with("\"We publish the receipts every month,\" said Dr. J. R. Castell")
    }));
}

#[test]
fn a_site_name_line_is_the_reviewer_without_a_copyright_line() {
    let text = String::from_utf8(fixture("fact-check.txt")).unwrap();
    let without = |site: &str| {
        let page = text
            .replace("\nTidewater Checks\n", &format!("\n{site}\n"))
            .replace("\u{a9} 2026 Tidewater Checks. All rights reserved.", "");
        veracity_parse::parse_bytes(page.as_bytes(), "page.txt", &Options::default())
            .unwrap()
            .remove(0)
    };
    let d = without("Polygraph.info");
    assert_eq!(d.publisher.as_deref(), Some("Polygraph.info"));
    assert_eq!(d.reviews[0].reviewer.as_deref(), Some("Polygraph.info"));
    assert_eq!(d.reviews[0].rating.scale, "polygraph");
    let d = without("www.checks.example.org");
    assert_eq!(d.reviews[0].reviewer.as_deref(), Some("checks.example.org"));
    // A name the text does not set apart as the site's is not guessed.
    let d = without("Tidewater Checks Weekly Roundup");
    assert_eq!(d.reviews[0].reviewer, None);
    assert_eq!(d.publisher, None);
}

#[test]
fn claim_review_json() {
    let d = &docs("claimreview.json")[0];
    assert_eq!(d.kind, DocumentKind::FactCheck);
    let r = &d.reviews[0];
    assert_eq!(r.claimant.as_deref(), Some("Rosa Venn"));
    assert_eq!(r.reviewer.as_deref(), Some("Tidewater Checks"));
    assert_eq!(r.rating.class, RatingClass::False);
    assert_eq!(r.date.as_deref(), Some("2026-03-04"));
}

#[test]
fn fact_check_api_json() {
    let d = docs("factcheck-api.json");
    assert_eq!(d.len(), 2);
    let r = &d[0].reviews[0];
    assert_eq!(r.rating.scale, "politifact");
    assert_eq!(r.rating.class, RatingClass::False);
    assert_eq!(r.date.as_deref(), Some("2026-03-05T00:00:00Z"));
    assert_eq!(d[0].language.as_deref(), Some("en"));
    assert_eq!(d[1].reviews[0].rating.class, RatingClass::Unverified);
    assert_ne!(d[0].id, d[1].id);
}

#[test]
fn documents_round_trip_and_invalid_ones_carry_json_paths() {
    let original = docs("fact-check.txt");
    let json = serde_json::to_vec(&original).unwrap();
    let back = parse_bytes(&json, "docs.json", &Options::default()).unwrap();
    assert_eq!(back, original);
    let jsonl: Vec<u8> = original
        .iter()
        .chain(&docs("tag-page.txt"))
        .flat_map(|d| {
            let mut line = serde_json::to_vec(d).unwrap();
            line.push(b'\n');
            line
        })
        .collect();
    assert_eq!(
        parse_bytes(&jsonl, "docs.jsonl", &Options::default())
            .unwrap()
            .len(),
        3
    );
    let err = parse(
        &fixture("bad-document.json"),
        "bad.json",
        &Options::default(),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("bad.json: "), "{msg}");
    assert!(msg.contains("/kind"), "{msg}");
}

#[test]
fn gzip_and_bad_inputs() {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&fixture("tag-page.txt")).unwrap();
    let gz = enc.finish().unwrap();
    let from_gz = parse_bytes(&gz, "page.txt.gz", &Options::default()).unwrap();
    assert_eq!(
        from_gz,
        parse_bytes(&fixture("tag-page.txt"), "page.txt.gz", &Options::default()).unwrap()
    );

    let kind = |bytes: &[u8], max: u64| {
        parse(bytes, "x", &Options { max_size: max })
            .unwrap_err()
            .kind()
            .to_string()
    };
    assert!(kind(b"", 100).contains("empty"));
    assert!(kind(b"\x89PNG\r\n", 100).contains("binary"));
    assert!(kind(b"0123456789", 5).contains("--max-size"));
    assert!(kind(&gz, 100).contains("--max-size"));
    let e = parse(b"{\"a\": ", "x.json", &Options::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Json(_)));
    let e = parse(b"{\"a\": 1}", "x.json", &Options::default()).unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::UnknownJson(_)));
}

#[test]
fn output_is_deterministic() {
    let a = serde_json::to_string(&docs("tag-page.txt")).unwrap();
    let b = serde_json::to_string(&docs("tag-page.txt")).unwrap();
    assert_eq!(a, b);
}

#[test]
fn html_is_sniffed_from_content() {
    let d = &docs("page.html")[0];
    assert_eq!(d.source.media_type, "text/html");
    assert!(d.text.contains("The Gull Line raised its fares"));
    assert!(!d.text.contains("not text"));
    assert!(!d.text.contains("color: red"));
}
