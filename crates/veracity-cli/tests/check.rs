//! CLI tests of `veracity check` on fixtures written for the project.

mod common;

use common::{assert_fails_with, run, stderr, stdout};
use serde_json::Value;

const DIR: &str = "crates/veracity-cli/tests/fixtures/check";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn finds_the_reviewed_claim_and_refutes_it() {
    let out = run(&["check", &fixture("ferry.jsonl"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["$schema"], "urn:veracity:report:1");
    let claims = r["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    let first = &claims[0];
    assert_eq!(first["origin"], "reviewed");
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .contains("two million passengers")
    );
    assert!(
        first["appearances"].as_array().unwrap().len() >= 2,
        "{first}"
    );
    let v = &r["verdicts"][0];
    assert_eq!(v["engine"], "evidence");
    let class = v["rating"]["class"].as_str().unwrap();
    assert!(["false", "mostly_false", "mixed"].contains(&class), "{v}");
    let ev = v["evidence"].as_array().unwrap();
    let roles: Vec<&str> = ev.iter().map(|e| e["role"].as_str().unwrap()).collect();
    assert!(roles.contains(&"attribution"), "{roles:?}");
    assert!(roles.contains(&"duplicate"), "{roles:?}");
    for e in ev {
        assert!(!e["note"].as_str().unwrap().is_empty());
        if ["attribution", "claimant", "duplicate"].contains(&e["role"].as_str().unwrap()) {
            assert_eq!(e["weight"], 0.0);
        }
    }
    // The published review is reported beside the computed verdict.
    assert_eq!(v["reviews"][0]["review"]["rating"]["label"], "Mostly False");
    assert!(
        v["explanation"]
            .as_str()
            .unwrap()
            .contains("Mirren Fact Check")
    );
}

#[test]
fn review_engine_gives_the_published_rating() {
    let out = run(&[
        "check",
        &fixture("ferry.jsonl"),
        "--engine",
        "review",
        "--max-claims",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let r = json(&out);
    let v = &r["verdicts"][0];
    assert_eq!(v["engine"], "review");
    assert_eq!(v["rating"]["label"], "Mostly False");
    assert_eq!(v["rating"]["scale"], "politifact");
}

#[test]
fn scale_option_rescales() {
    let out = run(&[
        "check",
        &fixture("ferry.jsonl"),
        "--engine",
        "review",
        "--max-claims",
        "1",
        "--scale",
        "washington-post",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out)["verdicts"][0]["rating"]["scale"],
        "washington-post"
    );
}

#[test]
fn given_claims_from_flags_and_files() {
    let out = run(&[
        "check",
        DIR,
        "--keep-going",
        "--claim",
        "The Lake Mirren ferry carried two million passengers last year.",
        "--format",
        "json",
    ]);
    // The folder's empty file and claims file are not articles: with
    // --keep-going the rest is checked and the exit status still says so.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let r = json(&out);
    assert_eq!(r["claims"].as_array().unwrap().len(), 1);
    assert_eq!(r["claims"][0]["origin"], "given");
    // The empty file is reported, and the rest of the batch still runs.
    assert!(stderr(&out).contains("empty.txt"));
    assert!(
        r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["source"].as_str().unwrap().ends_with("empty.txt"))
    );

    for file in ["claims.txt", "claims.json"] {
        let out = run(&[
            "check",
            &fixture("ferry.jsonl"),
            "--claims",
            &fixture(file),
            "--format",
            "json",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let n = json(&out)["claims"].as_array().unwrap().len();
        assert_eq!(n, if file == "claims.txt" { 1 } else { 2 });
    }
}

#[test]
fn unsupported_claim_is_unverified_not_false() {
    let out = run(&[
        "check",
        &fixture("notes.txt"),
        "--claim",
        "The moon base on Kepler ridge houses nine hundred astronauts.",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = &json(&out)["verdicts"][0];
    assert_eq!(v["rating"]["class"], "unverified");
    assert!(
        v["explanation"]
            .as_str()
            .unwrap()
            .contains("not a finding that the claim is false")
    );
}

#[test]
fn summary_is_readable_and_output_deterministic() {
    let out = run(&["check", &fixture("ferry.jsonl")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stdout(&out);
    assert!(s.starts_with(" 1. "), "{s}");
    assert!(s.contains("checked in 5 documents"), "{s}");
    assert!(
        s.contains("Published review: Mirren Fact Check rated it"),
        "{s}"
    );
    // No jargon and no escape codes in a pipe.
    assert!(!s.contains("veracity scale") && !s.contains('\x1b'), "{s}");
    assert!(s.contains("Against"));

    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    for p in [&a, &b] {
        let out = run(&[
            "check",
            &fixture("ferry.jsonl"),
            "--format",
            "json",
            "-o",
            p.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    // The report validates against its schema.
    let out = run(&["validate", a.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        vec!["check", DIR, "--engine", "nope"],
        vec!["check", DIR, "--scale", "nope"],
        vec!["check", DIR, "--format", "nope"],
        vec!["check", "no/such/dir"],
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("veracity: error"), "{}", stderr(&out));
    }
}

#[test]
fn example_corpus_renders_in_every_report_format() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["json", "jsonl", "claimreview", "markdown", "html", "csv"] {
        let path = dir.path().join(format!("report.{format}"));
        let out = run(&[
            "check",
            "examples/corpus",
            "--format",
            format,
            "--publisher-url",
            "https://desk.example/",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let bytes = std::fs::read(&path).unwrap();
        assert!(!bytes.is_empty(), "{format}");
        if format == "html" {
            // The budget for the example corpus's HTML report.
            assert!(
                bytes.len() < 200 * 1024,
                "html report is {} bytes",
                bytes.len()
            );
        }
    }
    let out = run(&["check", "examples/corpus", "--format", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("choose summary or one of: json"));
}

#[test]
fn report_format_options_reach_the_format() {
    let out = run(&[
        "check",
        "examples/corpus",
        "--format",
        "claimreview",
        "--publisher",
        "Harbor Verification Desk",
        "--publisher-url",
        "https://desk.example.org",
        "-O",
        "base_url=https://desk.example.org/checks/7",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Harbor Verification Desk"), "{text}");
    assert!(text.contains("https://desk.example.org/checks/7"), "{text}");
    let out = run(&[
        "check",
        "examples/corpus",
        "--format",
        "json",
        "-O",
        "novalue",
    ]);
    assert_fails_with(&out, 2, "is not KEY=VALUE");
}

#[test]
fn parallel_parsing_gives_the_same_report() {
    let one = run(&[
        "check",
        "examples/corpus",
        "--format",
        "json",
        "--jobs",
        "1",
    ]);
    let four = run(&[
        "check",
        "examples/corpus",
        "--format",
        "json",
        "--jobs",
        "4",
    ]);
    assert_eq!(one.status.code(), Some(0), "{}", stderr(&one));
    assert_eq!(four.status.code(), Some(0), "{}", stderr(&four));
    assert_eq!(one.stdout, four.stdout);
}

/// The "must show": the example corpus's ClaimReview, as the README
/// writes the command, passes `veracity validate` with no warning, has a
/// real URL, and names no local path.
#[test]
fn example_claimreview_is_ready_to_publish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claimreview.jsonld");
    let path = path.to_str().unwrap();
    let out = run(&[
        "check",
        "examples/corpus",
        "--format",
        "claimreview",
        "--publisher",
        "Our Desk",
        "--publisher-url",
        "https://desk.example/",
        "--review-date",
        "2026-12-06",
        "-o",
        path,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(path).unwrap();
    for local in ["examples/", "corpus/", ".txt", "\"identifier\""] {
        assert!(!text.contains(local), "names {local}");
    }
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    for review in value.as_array().unwrap() {
        let url = review["url"].as_str().unwrap();
        assert!(url.starts_with("https://desk.example/#claim-"), "{url}");
        assert_eq!(review["datePublished"], "2026-12-06");
    }
    let out = run(&["validate", path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "warnings: {}", stdout(&out));
    assert!(
        stderr(&out).contains("valid claimreview"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn claimreview_without_a_publisher_url_fails_before_the_work() {
    let out = run(&["check", "examples/corpus", "--format", "claimreview"]);
    assert_fails_with(&out, 2, "--publisher-url");
    assert!(out.stdout.is_empty());
}
