//! `veracity render`.

mod common;
use common::{assert_fails_with, run, run_with_stdin, stderr, stdout};

const REPORT: &str = "examples/reports/desalination.json";

#[test]
fn renders_every_builtin_format_to_stdout() {
    for format in ["json", "jsonl", "claimreview", "markdown", "html", "csv"] {
        let out = run(&[
            "render",
            REPORT,
            "--format",
            format,
            "--publisher-url",
            "https://desk.example/",
        ]);
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

/// `-o` to a FIFO (like `/dev/null`, not a regular file) writes into it: a
/// rename over it would replace the FIFO, or a device, with a plain file.
#[cfg(unix)]
#[test]
fn writes_into_a_fifo_instead_of_replacing_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "mkfifo is needed for this test"
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(&fifo).unwrap())
    };
    let out = run(&[
        "render",
        REPORT,
        "--format",
        "json",
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Checked before joining: a replaced FIFO would leave the reader waiting.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the FIFO is still a FIFO");
    let read = reader.join().unwrap();
    assert!(read.starts_with(b"{"), "the report went into the FIFO");
}

#[test]
fn claimreview_without_a_publisher_url_is_a_usage_error_naming_the_flag() {
    let out = run(&["render", REPORT, "--format", "claimreview"]);
    assert_fails_with(&out, 2, "--publisher-url");
    assert!(out.stdout.is_empty());
    let out = run(&[
        "render",
        REPORT,
        "--format",
        "claimreview",
        "--publisher-url",
        "https://desk.example/",
        "--review-date",
        "2026-02-30",
    ]);
    assert_fails_with(&out, 2, "28 days");
}

#[test]
fn review_date_defaults_to_today_and_the_flag_sets_it() {
    let args = [
        "render",
        REPORT,
        "--format",
        "claimreview",
        "--publisher-url",
        "https://desk.example/",
    ];
    let out = run(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let date = value[0]["datePublished"].as_str().unwrap().to_owned();
    // Today's date: a real date, and not any document's (all of 2026-03).
    assert_eq!(date.len(), 10, "{date}");
    assert!(!date.starts_with("2026-03"), "{date}");
    let mut with_date = args.to_vec();
    with_date.extend(["--review-date", "2026-12-06"]);
    let out = run(&with_date);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value[0]["datePublished"], "2026-12-06");
    assert_eq!(value[0]["itemReviewed"]["datePublished"], "2026-03-03");
}
