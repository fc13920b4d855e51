//! `veracity eval emergent` on a small fixture written for the project
//! (two rumours in the data set's layout).

mod common;
use common::{run, stderr, stdout};

const DATA: &str = "crates/veracity-cli/tests/fixtures/emergent";

#[test]
fn prints_accuracy_confusion_and_calibration() {
    let out = run(&["eval", "emergent", "--data", DATA]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "emergent: 2 claims",
        "2 claims: accuracy ",
        "macro-F1 ",
        "expected calibration error ",
        "reliability (confidence bin",
        "cross-validated figures: Emergent dev",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn writes_one_prediction_per_claim() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let out = run(&[
        "eval",
        "emergent",
        "--data",
        DATA,
        "--predictions",
        &pred.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&pred)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // A debunked rumour is not rated true; nothing bears on the other.
    assert_eq!(lines[0]["claim_id"], "hoax");
    assert_ne!(lines[0]["predicted"], "true", "{}", lines[0]);
    assert_eq!(lines[1]["class"], "unverified", "{}", lines[1]);
    assert_eq!(lines[1]["predicted"], "unknown");
}

#[test]
fn a_missing_folder_is_a_clear_error() {
    let out = run(&["eval", "emergent", "--data", "no/such/folder"]);
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(
        err.contains("labels.jsonl") && err.contains("--data"),
        "{err}"
    );
}
