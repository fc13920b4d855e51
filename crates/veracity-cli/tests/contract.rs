//! The exit-code contract and the input and output rules of issue 15:
//! 0 every input used, 1 a check failed, 2 an input or usage error.

mod common;
use common::{assert_fails_with, run, stderr, stdout};
use std::path::Path;

const GOOD: &str = "A headline about ferries\n\nThe harbour ferry left at noon on Monday, and the crossing took an hour, the operator said.\n";

fn folder_with_one_bad_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    std::fs::write(dir.path().join("binary.bin"), b"\x00\x01\x02PK\x03\x04").unwrap();
    dir
}

#[test]
fn check_and_ingest_stop_on_a_bad_input_and_write_nothing() {
    let dir = folder_with_one_bad_file();
    let path = dir.path().to_str().unwrap();
    for command in ["check", "ingest"] {
        let out = run(&[command, path]);
        assert_fails_with(&out, 2, "binary.bin");
        assert!(stderr(&out).contains("--keep-going"), "{}", stderr(&out));
        assert!(stdout(&out).is_empty(), "{command}: {}", stdout(&out));
    }
}

#[test]
fn keep_going_writes_the_rest_and_still_exits_2() {
    let dir = folder_with_one_bad_file();
    let path = dir.path().to_str().unwrap();
    let out = run(&["ingest", "--keep-going", "--format", "jsonl", path]);
    assert_fails_with(&out, 2, "binary.bin");
    assert_eq!(stdout(&out).lines().count(), 1);
    let out = run(&["check", "--keep-going", path, "--format", "json"]);
    assert_fails_with(&out, 2, "binary.bin");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["collection"]["documents"], 1);
    assert!(
        report["diagnostics"][0]["source"]
            .as_str()
            .unwrap()
            .ends_with("binary.bin")
    );
}

#[test]
fn missing_and_empty_inputs_are_errors_never_a_verdict_over_nothing() {
    let empty = tempfile::tempdir().unwrap();
    let empty_path = empty.path().to_str().unwrap();
    for command in ["check", "ingest"] {
        assert_fails_with(&run(&[command, "DIR"]), 2, "DIR: no such file");
        let out = run(&[command, empty_path]);
        assert_fails_with(&out, 2, "no file to read in this folder");
        assert!(stdout(&out).is_empty());
    }
    // A folder whose only file is unusable: no document, exit 2 even with
    // --keep-going, and no "0 documents" verdict.
    std::fs::write(empty.path().join("empty.txt"), b"").unwrap();
    let out = run(&[
        "check",
        "--keep-going",
        empty_path,
        "--claim",
        "The ferry left at noon.",
    ]);
    assert_fails_with(&out, 2, "no document could be read");
    assert!(!stdout(&out).contains("0 documents"), "{}", stdout(&out));
    // The file is named once on its line, not once by the CLI and again
    // by the parser's message.
    let line = stderr(&out)
        .lines()
        .find(|l| l.contains("the file is empty"))
        .map(str::to_owned)
        .unwrap_or_default();
    assert_eq!(line.matches("empty.txt").count(), 1, "{line}");
}

#[test]
fn a_file_over_the_limit_is_an_error_naming_the_flag_of_that_command() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    std::fs::write(&file, GOOD.repeat(10)).unwrap();
    let file = file.to_str().unwrap();
    for command in ["check", "ingest"] {
        let out = run(&[command, "--max-size", "100", file]);
        assert_fails_with(&out, 2, "--max-size");
        let out = run(&[command, "--max-size", "100000", file]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
    }
}

#[test]
fn jsonl_over_the_limit_is_streamed_record_by_record() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("docs.jsonl");
    let lines: String = (0..20)
        .map(|i| {
            serde_json::json!({
                "@type": "ClaimReview",
                "claimReviewed": format!("Claim {i}: the harbour ferry carries a million people a year."),
                "reviewRating": {"alternateName": "False"},
            })
            .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&file, &lines).unwrap();
    assert!(lines.len() > 1000);
    let out = run(&[
        "ingest",
        "--max-size",
        "1000",
        "--format",
        "jsonl",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 20);
}

#[test]
fn bad_flag_values_are_usage_errors() {
    for (flag, value, needle) in [
        ("--claim", "  ", "blank"),
        ("--top-k", "0", "at least 1"),
        ("--max-claims", "0", "at least 1"),
    ] {
        let out = run(&["check", "examples/corpus", flag, value]);
        assert_fails_with(&out, 2, needle);
    }
}

#[test]
fn more_claims_than_shown_are_counted_in_the_summary_and_the_report() {
    let out = run(&["check", "examples/corpus", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Checked the claim most worth checking of "),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("--all for every claim"));
    // Said once, at the end of the summary, not again as a warning.
    assert!(
        !stderr(&out).contains("most worth checking"),
        "{}",
        stderr(&out)
    );
    let out = run(&[
        "check",
        "examples/corpus",
        "--max-claims",
        "1",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = report["diagnostics"].as_array().unwrap();
    assert!(
        notes.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .starts_with("checked the claim most worth checking of ")),
        "{notes:?}"
    );
    // The total is a count, not a bound: what `--all` goes on to check.
    let all = run(&["check", "examples/corpus", "--all", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_slice(&all.stdout).unwrap();
    let found = all["claims"].as_array().unwrap().len();
    assert!(found > 40, "the corpus holds {found} claims");
    assert!(
        notes.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains(&format!(" of {found} found;"))),
        "{notes:?}"
    );
    // With room for every claim there is no such note.
    let out = run(&["check", "examples/corpus", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stdout(&out).contains("most worth checking") && stdout(&out).contains("11. "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn validate_exits_1_for_an_invalid_file_and_2_for_an_unreadable_one() {
    let dir = tempfile::tempdir().unwrap();
    let invalid = dir.path().join("doc.json");
    std::fs::write(&invalid, br#"{"id": 5}"#).unwrap();
    let out = run(&["validate", "--type", "document", invalid.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, b"{not json").unwrap();
    let out = run(&["validate", "--type", "document", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn output_format_follows_the_extension_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("report.json");
    let out = run(&["check", "examples/corpus", "-o", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert!(report["verdicts"].is_array());
    let md = dir.path().join("report.md");
    run(&["check", "examples/corpus", "-o", md.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&md).unwrap().starts_with('#'));
    // An explicit --format wins; an unknown extension keeps the summary.
    let txt = dir.path().join("report.txt");
    run(&["check", "examples/corpus", "-o", txt.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&txt).unwrap().starts_with(" 1. "));
    run(&[
        "check",
        "examples/corpus",
        "--format",
        "summary",
        "-o",
        json.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&json).unwrap().starts_with(" 1. "));
    let jsonl = dir.path().join("docs.jsonl");
    run(&["ingest", "examples/corpus", "-o", jsonl.to_str().unwrap()]);
    let text = std::fs::read_to_string(&jsonl).unwrap();
    assert!(text.starts_with('{') && text.lines().count() > 1);
}

#[test]
fn an_unwritable_output_fails_before_the_work() {
    let out = run(&["check", "examples/corpus", "-o", "/no/such/dir/report.json"]);
    assert_fails_with(&out, 2, "does not exist");
    // The inputs were never read: no progress, no input diagnostics.
    assert!(!stderr(&out).contains("document"), "{}", stderr(&out));
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "ingest",
        "examples/corpus",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_fails_with(&out, 2, "is a directory");
}

#[cfg(unix)]
#[test]
fn replaced_files_keep_their_mode_and_new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let existing = dir.path().join("shared.json");
    std::fs::write(&existing, b"old").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(&[
        "ingest",
        "examples/corpus",
        "-o",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mode(&existing), 0o644);
    // A new file: 0666 less the umask of the test process (read back by
    // setting and restoring it is racy; the shell's default 022 or 002
    // both leave it group- and world-readable, unlike tempfile's 0600).
    let fresh = dir.path().join("fresh.json");
    run(&["ingest", "examples/corpus", "-o", fresh.to_str().unwrap()]);
    assert_eq!(mode(&fresh) & 0o044, 0o044, "{:o}", mode(&fresh));
    // No temporary file is left beside them.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_stale_temporary_file_of_a_dead_run_is_removed() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".docs.json.veracity-tmp-999999999-abcdef");
    std::fs::write(&stale, b"half a report").unwrap();
    let target = dir.path().join("docs.json");
    let out = run(&["ingest", "examples/corpus", "-o", target.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stale.exists());
    assert!(stderr(&out).contains("interrupted run"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_read_and_a_loop_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    let other = dir.path().join("other");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(root.join("a.txt"), GOOD).unwrap();
    std::fs::write(other.join("b.txt"), GOOD.replace("noon", "one o'clock")).unwrap();
    std::os::unix::fs::symlink(&other, root.join("more")).unwrap();
    std::os::unix::fs::symlink(&root, root.join("again")).unwrap();
    let out = run(&["ingest", "--format", "jsonl", root.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 2);
    assert!(
        stderr(&out).contains("again: not read again"),
        "{}",
        stderr(&out)
    );
}
