//! The foundation commands: schema, validate, scales.

mod common;
use common::{run, run_with_stdin, stderr, stdout};

const REPORT: &str = "examples/reports/desalination.json";

#[test]
fn validate_accepts_the_example_report() {
    let out = run(&["validate", REPORT]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("valid report"));
}

#[test]
fn validate_reports_the_json_path_and_exits_1() {
    let text = std::fs::read_to_string(common::root().join(REPORT)).unwrap();
    let mut report: serde_json::Value = serde_json::from_str(&text).unwrap();
    report["verdicts"][0]["rating"]["value"] = serde_json::json!("0.2");
    let out = run_with_stdin(&["validate", "-"], report.to_string().as_bytes());
    // 1: the check failed; 2 is kept for files that cannot be read.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("-: /verdicts/0/rating/value:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn validate_checks_spans_against_the_text() {
    let text = std::fs::read_to_string(common::root().join(REPORT)).unwrap();
    let mut report: serde_json::Value = serde_json::from_str(&text).unwrap();
    report["documents"][0]["sentences"][0]["end"] = serde_json::json!(1_000_000);
    let out = run_with_stdin(&["validate", "-"], report.to_string().as_bytes());
    // 1: the check failed; 2 is kept for files that cannot be read.
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("/documents/0/sentences/0"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn validate_names_unreadable_and_malformed_files_and_goes_on() {
    let out = run_with_stdin(&["validate", "no/such.json", "-", REPORT], b"{not json");
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(text.contains("no/such.json: cannot read"), "{text}");
    assert!(text.contains("-: not JSON"), "{text}");
    assert!(
        stderr(&out).contains("valid report"),
        "the valid file is still checked"
    );
}

#[test]
fn validate_takes_a_type_and_json_lines() {
    let doc = r#"{"id":"doc-1","source":{"location":"a","media_type":"text/plain","sha256":"0"},"kind":"news","text":"Hi."}"#;
    let input = format!("{doc}\n{doc}\n");
    let out = run_with_stdin(&["validate", "--type", "document", "-"], input.as_bytes());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let out = run_with_stdin(&["validate", "--type", "gossip", "-"], b"{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("choose one of: document"));
}

#[test]
fn schema_prints_each_type() {
    let out = run(&["schema"]);
    assert!(stdout(&out).lines().any(|l| l == "report"));
    let out = run(&["schema", "report"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["$id"], "urn:veracity:report:1");
}

#[test]
fn scales_list_labels_with_values() {
    let out = run(&["scales", "politifact"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("Pants on Fire"), "{text}");
    assert!(text.contains("0.00  false"), "{text}");
    let out = run(&["scales", "washington-post"]);
    assert!(stdout(&out).contains("Four Pinocchios"));
}

#[test]
fn scales_resolve_published_labels() {
    for (scale, label, class) in [
        (None, "Pants on Fire", "false"),
        (Some("politifact"), "pants-fire", "false"),
        (None, "Four Pinocchios", "false"),
        (
            Some("averitec"),
            "Conflicting Evidence/Cherrypicking",
            "mixed",
        ),
        (Some("climate-fever"), "DISPUTED", "mixed"),
    ] {
        let mut args = vec!["scales"];
        args.extend(scale);
        args.extend(["--label", label, "--format", "json"]);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{label}: {}", stderr(&out));
        let rating: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(rating["class"], class, "{label}");
    }
    let out = run(&["scales", "--label", "Totally Bogus"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn user_scale_files_are_validated_and_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.json");
    std::fs::write(
        &good,
        r#"{"scales":[{"id":"desk","name":"Desk","description":"Ours",
            "labels":[{"label":"Solid","value":1,"class":"true"},{"label":"Shaky","value":0.5,"class":"mixed"}]}]}"#,
    )
    .unwrap();
    let out = run(&[
        "--scales",
        good.to_str().unwrap(),
        "scales",
        "desk",
        "--label",
        "shaky",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("class mixed"));

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, r#"{"scales":[{"id":"x","labels":"none"}]}"#).unwrap();
    let out = run(&["--scales", bad.to_str().unwrap(), "scales"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.json"));
    assert!(stderr(&out).contains("/scales/0"), "{}", stderr(&out));
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["schema", "validate", "scales"] {
        let out = run(&[cmd, "--help"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("Examples:"), "{cmd}");
    }
}

#[test]
fn validate_recognises_claimreview_errors_and_warnings() {
    let review = serde_json::json!([{
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "The ferry carries a million people a year.",
        "reviewRating": {"@type": "Rating", "alternateName": "False",
                         "ratingValue": 9, "bestRating": 5, "worstRating": 1},
        "url": "#claim-1",
        "itemReviewed": {"@type": "Claim",
                         "appearance": [{"@type": "CreativeWork", "identifier": "corpus/a.txt"}]}
    }]);
    let out = run_with_stdin(&["validate", "-"], review.to_string().as_bytes());
    // Required properties wrong: invalid (1), each with its JSON path.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("-: /0/url: must be an absolute http"),
        "{text}"
    );
    assert!(
        text.contains("-: /0/reviewRating/ratingValue: inconsistent"),
        "{text}"
    );
    // Recommended properties missing: warning lines.
    for path in [
        "/0/author",
        "/0/datePublished",
        "/0/itemReviewed/author",
        "/0/itemReviewed/datePublished",
        "/0/itemReviewed/appearance/0",
    ] {
        assert!(
            text.contains(&format!("-: warning: {path}:")),
            "{path}: {text}"
        );
    }
    assert!(!stderr(&out).contains("cannot tell which type"));

    // Only recommended properties missing: valid (0), warnings printed.
    let mut fixed = review.clone();
    fixed[0]["url"] = serde_json::json!("https://desk.example/#claim-1");
    fixed[0]["reviewRating"]["ratingValue"] = serde_json::json!(1);
    let out = run_with_stdin(&["validate", "-"], fixed.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("warning: /0/author"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).contains("valid claimreview"),
        "{}",
        stderr(&out)
    );

    // --type claimreview forces the check; unknown types list it.
    let out = run_with_stdin(&["validate", "--type", "claimreview", "-"], b"{}");
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("-: /@type:"), "{}", stdout(&out));
    let out = run(&["validate", "--type", "nope", REPORT]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("claimreview"), "{}", stderr(&out));
}
