//! `veracity render`.

mod common;
use common::{assert_fails_with, run, run_with_stdin, stderr, stdout};

const REPORT: &str = "examples/reports/desalination.json";

#[test]
fn renders_every_builtin_format_to_stdout() {
    for format in ["json", "jsonl", "claimreview", "markdown", "html", "csv"] {
        let out = run(&["render", REPORT, "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{format}");
    }
}

#[test]
fn writes_a_file_and_takes_the_format_from_its_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let out = run(&["render", REPORT, "-o", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn refuses_an_invalid_report_with_json_paths_and_exit_2() {
    let text = std::fs::read_to_string(common::root().join(REPORT)).unwrap();
    let mut report: serde_json::Value = serde_json::from_str(&text).unwrap();
    report["verdicts"][0]["confidence"] = serde_json::json!("high");
    let out = run_with_stdin(
        &["render", "-", "--format", "markdown"],
        report.to_string().as_bytes(),
    );
    assert_fails_with(&out, 2, "/verdicts/0/confidence");
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_formats_options_and_scales_are_errors() {
    let out = run(&["render", REPORT, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("json, jsonl, claimreview, markdown, html, csv"));
    let out = run(&["render", REPORT, "--format", "csv", "-O", "colour=red"]);
    assert_fails_with(&out, 2, "colour");
    let out = run(&["render", REPORT, "--format", "csv", "--scale", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["render", REPORT]);
    assert_fails_with(&out, 2, "--format");
}

#[test]
fn publisher_flags_reach_claimreview() {
    let out = run(&[
        "render",
        REPORT,
        "--format",
        "claimreview",
        "--publisher",
        "Harbor Fact Desk",
        "--publisher-url",
        "https://harborfactdesk.example.org",
        "-O",
        "base_url=https://harborfactdesk.example.org/r",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value[0]["author"]["name"], "Harbor Fact Desk");
    assert!(
        value[0]["url"]
            .as_str()
            .unwrap()
            .starts_with("https://harborfactdesk.example.org/r#claim-")
    );
}

#[test]
fn scale_flag_relabels_verdicts() {
    let out = run(&["render", REPORT, "--format", "csv", "--scale", "politifact"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(",mostly_false,Mostly False,"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn help_lists_the_formats_with_an_example() {
    let out = run(&["render", "--help"]);
    let text = stdout(&out);
    for format in ["json", "jsonl", "claimreview", "markdown", "html", "csv"] {
        assert!(
            text.contains(&format!("  {format} ")),
            "{format} missing:\n{text}"
        );
    }
    assert!(text.contains("veracity render examples/reports/desalination.json"));
}
