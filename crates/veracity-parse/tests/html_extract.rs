//! HTML extraction on fixtures written for the project.

use veracity_model::RatingClass;
use veracity_parse::html::{Error, extract};

const NEWS: &str = include_str!("fixtures/news.html");
const CLAIMREVIEW: &str = include_str!("fixtures/claimreview.html");
const MALFORMED: &str = include_str!("fixtures/malformed.html");

#[test]
fn news_page_keeps_the_story_and_drops_boilerplate() {
    let a = extract(
        NEWS,
        Some("https://courier.example.com/news/harbour-bridge-repairs?x=1"),
    )
    .unwrap();
    let text = a.text();
    for kept in [
        "The Harbour Bridge will close to traffic",
        "The inspection found wear",
        "Buses will be diverted",
        "Local businesses on the waterfront",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in:\n{text}");
    }
    for dropped in [
        "Home",
        "Share on Facebook",
        "Photo: City Archive",
        "Advertisement",
        "Read more",
        "Sign up for",
        "Ferry timetable",
        "Five things to do",
        "All rights reserved",
        "not text",
        "By Maria Okafor",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?} in:\n{text}");
    }
    assert_eq!(a.paragraphs.len(), 4, "{:#?}", a.paragraphs);

    assert_eq!(
        a.title.as_deref(),
        Some("Harbour bridge to close for repairs")
    );
    assert_eq!(a.authors, vec!["Maria Okafor", "Tom Lind"]);
    assert_eq!(a.published.as_deref(), Some("2024-03-05T09:30:00Z"));
    assert_eq!(a.publisher.as_deref(), Some("The Riverside Courier"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
    assert_eq!(
        a.canonical_url.as_deref(),
        Some("https://courier.example.com/news/harbour-bridge-repairs")
    );
    assert!(a.reviews.is_empty());
    assert!(a.warnings.is_empty(), "{:?}", a.warnings);
}

#[test]
fn claimreview_json_ld_becomes_a_review() {
    let a = extract(CLAIMREVIEW.as_bytes(), None).unwrap();
    assert_eq!(a.reviews.len(), 1);
    let r = &a.reviews[0];
    assert_eq!(
        r.claim,
        "Wind farms have raised household energy bills by 40%."
    );
    assert_eq!(r.claimant.as_deref(), Some("Jane Minister"));
    assert_eq!(r.reviewer.as_deref(), Some("POLYGRAPH.info"));
    assert_eq!(
        r.url.as_deref(),
        Some("https://checks.example.org/2024/wind-bills")
    );
    assert_eq!(r.date.as_deref(), Some("2024-02-10"));
    assert_eq!(r.rating.label, "Partially True");
    assert_eq!(r.rating.scale, "polygraph");
    assert_ne!(r.rating.class, RatingClass::Unverified);
    // The second JSON-LD block is cut off: skipped with a warning.
    assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
    assert!(a.warnings[0].contains("JSON-LD"));
    assert_eq!(a.publisher.as_deref(), Some("Example Checks"));
    assert_eq!(
        a.title.as_deref(),
        Some("Fact check: Did the minister say wind farms raise bills by 40%?")
    );
    assert!(a.text().contains("We rate the claim Partially True."));
}

#[test]
fn malformed_page_still_gives_text() {
    let a = extract(MALFORMED, None).unwrap();
    let text = a.text();
    assert!(text.contains("Unclosed paragraph"), "{text}");
    assert!(text.contains("cell one cell two"), "{text}");
    assert!(!text.contains("var x"), "{text}");
    assert_eq!(a.title.as_deref(), Some("Broken page"));
}

#[test]
fn empty_and_binary_inputs_are_errors() {
    assert!(matches!(extract("", None), Err(Error::Empty)));
    assert!(matches!(extract("  \n\t", None), Err(Error::Empty)));
    assert!(matches!(
        extract(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None),
        Err(Error::Binary)
    ));
}

#[test]
fn invalid_utf8_is_a_warning() {
    let mut page = b"<html><body><p>caf".to_vec();
    page.push(0xE9); // Latin-1 e-acute
    page.extend_from_slice(b" au lait, served hot with a croissant on the side.</p></body></html>");
    let a = extract(&page, None).unwrap();
    assert!(a.text().contains("au lait"));
    assert!(a.warnings.iter().any(|w| w.contains("UTF-8")));
}

#[test]
fn the_kind_comes_from_the_markup() {
    use veracity_model::DocumentKind;
    let page = |head: &str| {
        format!(
            "<html><head>{head}</head><body><article><h1>Harbour fees rise</h1>\
             <p>The harbour board raised mooring fees by a tenth on Monday, citing repairs to the north wall that storms damaged last winter.</p>\
             <p>Boat owners said the rise came with little notice and asked the board to phase it in over two years instead.</p>\
             </article></body></html>"
        )
    };
    let kind = |head: &str| extract(page(head), None).unwrap().kind;
    assert_eq!(
        kind(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour fees rise"}</script>"#
        ),
        Some(DocumentKind::News)
    );
    assert_eq!(
        kind(
            r#"<script type="application/ld+json">{"@type":"BlogPosting","headline":"Harbour fees rise"}</script>"#
        ),
        Some(DocumentKind::Blog)
    );
    assert_eq!(
        kind(
            r#"<meta property="article:section" content="Opinion"><script type="application/ld+json">{"@type":"NewsArticle"}</script>"#
        ),
        Some(DocumentKind::Opinion)
    );
    assert_eq!(
        kind(
            r#"<meta property="og:type" content="article"><meta property="article:published_time" content="2026-03-02T08:00:00Z">"#
        ),
        Some(DocumentKind::News)
    );
    assert_eq!(kind(r#"<meta property="og:type" content="website">"#), None);
}
