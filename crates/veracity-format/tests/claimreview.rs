//! A ClaimReview checker: Google's required and recommended properties
//! (developers.google.com/search/docs/appearance/structured-data/factcheck),
//! run on every verdict of the test reports; and the same output through
//! the checker `veracity validate` uses (`veracity_model::validate::claim_review`).

mod common;

use common::{EXAMPLE, HOSTILE, load, publishing, render};
use serde_json::Value;
use veracity_format::{FormatOptions, FormatRegistry};
use veracity_model::RatingClass;
use veracity_model::validate::claim_review;

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

/// An appearance: a web URL, or a description without one; never a path.
fn check_work(v: &Value, at: &str) {
    assert_eq!(text(v, "@type", at), "CreativeWork", "{at}");
    assert!(
        v.get("identifier").is_none(),
        "{at}: no identifier (a local path)"
    );
    match v.get("url").and_then(Value::as_str) {
        Some(url) => assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{at}: {url}"
        ),
        None => {
            text(v, "headline", at);
        }
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
        (url.starts_with("https://") || url.starts_with("http://")) && url.contains("#claim-"),
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
    // The checker of `veracity validate`: no error, no warning.
    assert_eq!(claim_review::check(&reviews), vec![], "{path}");
    assert!(claim_review::is_claim_review(&reviews));
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
    check_report(EXAMPLE, &publishing());
}

#[test]
fn every_verdict_of_the_hostile_report_passes() {
    check_report(HOSTILE, &publishing());
}

#[test]
fn url_is_the_publisher_page_plus_the_claim_anchor() {
    let report = load(EXAMPLE);
    let out: Value =
        serde_json::from_slice(&render(&report, "claimreview", &publishing())).unwrap();
    for (review, verdict) in out.as_array().unwrap().iter().zip(&report.verdicts) {
        assert_eq!(
            review["url"],
            format!("https://desk.example/#{}", verdict.claim)
        );
    }
    assert_eq!(out[0]["author"]["name"], "Our Desk");
    assert_eq!(out[0]["author"]["url"], "https://desk.example/");
    // The run's review date, not a document's.
    assert_eq!(out[0]["datePublished"], "2026-12-06");
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
    options.extra.insert("date".into(), "2026-03-07".into());
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
    assert_eq!(out[0]["datePublished"], "2026-03-07");
    assert_eq!(out[0]["reviewRating"]["ratingValue"], 2);
    assert_eq!(out[0]["itemReviewed"]["author"]["@type"], "Person");
}

#[test]
fn no_publisher_url_and_no_date_are_errors_naming_what_to_pass() {
    let report = load(EXAMPLE);
    let registry = FormatRegistry::builtin();
    let mut options = publishing();
    options.publisher_url = None;
    let err = registry
        .render("claimreview", &report, &options)
        .unwrap_err();
    assert!(err.to_string().contains("--publisher-url"), "{err}");
    let mut options = publishing();
    options.review_date = None;
    let err = registry
        .render("claimreview", &report, &options)
        .unwrap_err();
    assert!(err.to_string().contains("--review-date"), "{err}");
    // The same checks run before any work, through `check_options`.
    let format = registry.lookup("claimreview").unwrap();
    assert!(veracity_format::check_options(format, &FormatOptions::default()).is_err());
    assert!(veracity_format::check_options(format, &publishing()).is_ok());
}

#[test]
fn bad_option_values_are_refused() {
    let report = load(EXAMPLE);
    for (key, value) in [
        ("base_url", "javascript:alert(1)"),
        ("date", "yesterday"),
        ("date", "2026-02-30"),
    ] {
        let mut options = publishing();
        options.review_date = None;
        options.extra.insert(key.into(), value.into());
        let err = FormatRegistry::builtin()
            .render("claimreview", &report, &options)
            .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains(key) || message.contains("review-date"),
            "{err}"
        );
    }
    let mut options = publishing();
    options.publisher_url = Some("desk.example".into());
    let err = FormatRegistry::builtin()
        .render("claimreview", &report, &options)
        .unwrap_err();
    assert!(err.to_string().contains("publisher-url"), "{err}");
}

#[test]
fn no_local_path_appears_anywhere() {
    for path in [EXAMPLE, HOSTILE] {
        let report = load(path);
        let out = String::from_utf8(render(&report, "claimreview", &publishing())).unwrap();
        let root = common::root().canonicalize().unwrap();
        let mut needles = vec![root.display().to_string(), "examples/".to_owned()];
        for doc in &report.documents {
            let location = &doc.source.location;
            needles.push(location.clone());
            if let Some(name) = std::path::Path::new(location).file_name() {
                needles.push(name.to_string_lossy().into_owned());
            }
        }
        for needle in needles
            .iter()
            .filter(|n| !n.is_empty() && n.as_str() != "-")
        {
            assert!(
                !out.contains(needle.as_str()),
                "{path}: output names {needle}"
            );
        }
        assert!(!out.contains("\"identifier\""), "{path}");
    }
}

#[test]
fn review_body_is_plain_sentences_without_ids_or_offsets() {
    let report = load(EXAMPLE);
    let out: Value =
        serde_json::from_slice(&render(&report, "claimreview", &publishing())).unwrap();
    for (i, review) in out.as_array().unwrap().iter().enumerate() {
        let body = review["reviewBody"].as_str().unwrap();
        for internal in ["doc-", "claim-", "bytes ", "byte "] {
            assert!(!body.contains(internal), "[{i}] {internal}: {body}");
        }
        assert!(body.ends_with('.'), "[{i}] {body}");
    }
    let first = out[0]["reviewBody"].as_str().unwrap();
    // The rating in words, how the sources divide, the deciding passage with
    // its outlet, and the published fact-check.
    assert!(first.starts_with("Rated Mostly False."), "{first}");
    assert!(
        first.contains("The one source that bears on the claim disputes it."),
        "{first}"
    );
    assert!(
        first.contains("The strongest evidence against it: \u{201c}"),
        "{first}"
    );
    assert!(first.contains("(Coastal Wire"), "{first}");
    assert!(
        first.contains("Harbor Fact Desk rated it Mostly False"),
        "{first}"
    );
}

#[test]
fn unverified_has_a_label_but_no_number() {
    let report = load(HOSTILE);
    let out: Value =
        serde_json::from_slice(&render(&report, "claimreview", &publishing())).unwrap();
    let rating = &out[1]["reviewRating"];
    assert_eq!(rating["alternateName"], "Unverified");
    assert!(rating.get("ratingValue").is_none());
    assert!(rating.get("bestRating").is_none());
    assert!(
        out[1]["reviewBody"]
            .as_str()
            .unwrap()
            .contains("not a finding that it is false")
    );
    assert_eq!(out[0]["itemReviewed"]["author"]["@type"], "Organization");
}
