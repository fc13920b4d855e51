//! `veracity eval climate-fever` on a small fixture written for the project
//! (two claims in the data set's format).

mod common;
use common::{run, stderr, stdout};

const DATA: &str = "crates/veracity-cli/tests/fixtures/climate-fever/claims.jsonl";

#[test]
fn prints_claim_and_evidence_figures() {
    let out = run(&["eval", "climate-fever", "--data", DATA]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "climate-fever: 2 claims",
        "all claims: 2 claims, accuracy ",
        "macro-F1 ",
        "10 evidence sentences, stance accuracy ",
        "odd half (held out from threshold tuning): 1 claims",
        "NOT_ENOUGH_INFO [",
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
        "climate-fever",
        "--data",
        DATA,
        "--predictions",
        &pred.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&pred).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["claim_id"], "c2");
    assert_eq!(lines[1]["gold"], "REFUTES");
    let evidences = lines[1]["evidences"].as_array().unwrap();
    assert_eq!(evidences.len(), 5);
    let p = &evidences[0]["stance"]["scores"];
    let sum: f64 = ["agree", "disagree", "discuss", "unrelated"]
        .iter()
        .map(|k| p[*k].as_f64().unwrap())
        .sum();
    assert!((sum - 1.0).abs() < 1e-3, "{p}");
}

#[test]
fn a_malformed_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"claim\": 1}\n").unwrap();
    let out = run(&["eval", "climate-fever", "--data", &bad.to_string_lossy()]);
    assert_ne!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("bad.jsonl") && err.contains("line 1"), "{err}");
}
