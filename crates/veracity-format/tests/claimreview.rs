//! A ClaimReview checker: Google's required and recommended properties
//! (developers.google.com/search/docs/appearance/structured-data/factcheck),
//! run on every verdict of the test reports.

mod common;

use common::{EXAMPLE, HOSTILE, load, render};
use serde_json::Value;
use veracity_format::FormatOptions;
use veracity_model::RatingClass;

fn text<'v>(v: &'v Value, key: &str, at: &str) -> &'v str {
    let s = v
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{at}: `{key}` must be a string"));
    assert!(!s.trim().is_empty(), "{at}: `{key}` is empty");
    s
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

fn check_agent(v: &Value, at: &str) {
    let kind = text(v, "@type", at);
    assert!(
        kind == "Person" || kind == "Organization",
        "{at}: author @type {kind}"
    );
    text(v, "name", at);
}

fn check_work(v: &Value, at: &str) {
    assert_eq!(text(v, "@type", at), "CreativeWork", "{at}");
    let url = v.get("url").and_then(Value::as_str);
    let id = v.get("identifier").and_then(Value::as_str);
    assert!(
        url.is_some() || id.is_some(),
        "{at}: needs url or identifier"
    );
    if let Some(url) = url {
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{at}: {url}"
        );
    }
}

/// Checks one ClaimReview; `class` is the verdict's class.
pub fn check_claim_review(v: &Value, class: RatingClass, at: &str) {
    // Required.
    assert_eq!(text(v, "@context", at), "https://schema.org", "{at}");
    assert_eq!(text(v, "@type", at), "ClaimReview", "{at}");
    text(v, "claimReviewed", at);
    let url = text(v, "url", at);
    assert!(
        url.starts_with("https://") || url.starts_with("http://") || url.starts_with('#'),
        "{at}: url {url}"
    );
    let rating = v.get("reviewRating").expect("reviewRating is required");
    let rat = format!("{at}/reviewRating");
    assert_eq!(text(rating, "@type", &rat), "Rating");
    text(rating, "alternateName", &rat);
    match rating.get("ratingValue") {
        Some(value) => {
            assert_ne!(
                class,
                RatingClass::Unverified,
                "{rat}: unverified has a value"
            );
            let value = value.as_i64().expect("integer ratingValue");
            let best = rating["bestRating"].as_i64().expect("bestRating");
            let worst = rating["worstRating"].as_i64().expect("worstRating");
            assert!(worst < best && worst <= value && value <= best, "{rat}");
        }
        None => assert_eq!(class, RatingClass::Unverified, "{rat}: ratingValue missing"),
    }
    // Recommended.
    check_agent(&v["author"], &format!("{at}/author"));
    assert!(is_date(text(v, "datePublished", at)), "{at}: datePublished");
    let item = &v["itemReviewed"];
    let it = format!("{at}/itemReviewed");
    assert_eq!(text(item, "@type", &it), "Claim");
    check_agent(&item["author"], &format!("{it}/author"));
    assert!(
        is_date(text(item, "datePublished", &it)),
        "{it}: datePublished"
    );
    let appearances = item["appearance"].as_array().expect("appearance array");
    assert!(!appearances.is_empty(), "{it}: no appearance");
    for (i, a) in appearances.iter().enumerate() {
        check_work(a, &format!("{it}/appearance/{i}"));
    }
    check_work(&item["firstAppearance"], &format!("{it}/firstAppearance"));
}

fn check_report(path: &str, options: &FormatOptions) {
    let report = load(path);
    let out = render(&report, "claimreview", options);
    let reviews: Value = serde_json::from_slice(&out).unwrap();
    let reviews = reviews.as_array().expect("a JSON array");
    assert_eq!(
        reviews.len(),
        report.verdicts.len(),
        "one review per verdict"
    );
    for (i, (review, verdict)) in reviews.iter().zip(&report.verdicts).enumerate() {
        check_claim_review(review, verdict.rating.class, &format!("{path} [{i}]"));
    }
}

#[test]
fn every_verdict_of_the_example_passes() {
    check_report(EXAMPLE, &FormatOptions::default());
}

#[test]
fn every_verdict_of_the_hostile_report_passes() {
    check_report(HOSTILE, &FormatOptions::default());
}

#[test]
fn publisher_options_shape_author_and_url() {
    let report = load(EXAMPLE);
    let mut options = FormatOptions {
        publisher: Some("Harbor Fact Desk".into()),
        publisher_url: Some("https://harborfactdesk.example.org".into()),
        ..FormatOptions::default()
    };
    options
        .extra
        .insert("base_url".into(), "https://hfd.example.org/r#old".into());
    check_report(EXAMPLE, &options);
    let out: Value = serde_json::from_slice(&render(&report, "claimreview", &options)).unwrap();
    assert_eq!(out[0]["author"]["name"], "Harbor Fact Desk");
    assert_eq!(
        out[0]["author"]["url"],
        "https://harborfactdesk.example.org"
    );
    assert_eq!(
        out[0]["url"],
        format!("https://hfd.example.org/r#{}", report.verdicts[0].claim)
    );
    // The latest document date, never today's.
    assert_eq!(out[0]["datePublished"], "2026-03-06");
    assert_eq!(out[0]["reviewRating"]["ratingValue"], 2);
    assert_eq!(out[0]["itemReviewed"]["author"]["@type"], "Person");
}

#[test]
fn bad_option_values_are_refused() {
    let report = load(EXAMPLE);
    for (key, value) in [("base_url", "javascript:alert(1)"), ("date", "yesterday")] {
        let mut options = FormatOptions::default();
        options.extra.insert(key.into(), value.into());
        let err = veracity_format::FormatRegistry::builtin()
            .render("claimreview", &report, &options)
            .unwrap_err();
        assert!(err.to_string().contains(key), "{err}");
    }
}

#[test]
fn unverified_has_a_label_but_no_number() {
    let report = load(HOSTILE);
    let out: Value =
        serde_json::from_slice(&render(&report, "claimreview", &FormatOptions::default())).unwrap();
    let rating = &out[1]["reviewRating"];
    assert_eq!(rating["alternateName"], "Unverified");
    assert!(rating.get("ratingValue").is_none());
    assert!(rating.get("bestRating").is_none());
    assert_eq!(out[1]["url"], format!("#{}", report.verdicts[1].claim));
    assert_eq!(out[0]["itemReviewed"]["author"]["@type"], "Organization");
}
