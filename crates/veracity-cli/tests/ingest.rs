//! `veracity ingest`: documents out, diagnostics per bad file, --keep-going.

mod common;
use common::{assert_fails_with, run, run_with_stdin, stderr, stdout};

#[test]
fn ingests_the_example_corpus_in_path_order() {
    let out = run(&["ingest", "--jobs", "2", "examples/corpus"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let locations: Vec<&str> = docs
        .iter()
        .map(|d| d["source"]["location"].as_str().unwrap())
        .collect();
    let mut sorted = locations.clone();
    sorted.sort();
    assert_eq!(locations, sorted);
    assert!(docs.iter().any(|d| d["kind"] == "fact_check"));
    for d in &docs {
        let issues = veracity_model::validate::validate(veracity_model::SchemaKind::Document, d);
        assert!(issues.is_empty(), "{issues:?}");
    }
    // Same input, same bytes.
    let again = run(&["ingest", "--jobs", "1", "examples/corpus"]);
    assert_eq!(out.stdout, again.stdout);
}

#[test]
fn bad_files_stop_the_run_unless_keep_going() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    // Latin-1 is decoded now (veracity-parse's tests/encodings.rs); NULs are binary.
    std::fs::write(dir.path().join("blob.txt"), b"caf\xe9\x00\x01\x02").unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "A headline about ferries\n\nThe ferry left at noon on Monday, and the crossing took an hour.\n",
    )
    .unwrap();
    let path = dir.path().to_str().unwrap();
    let out = run(&["ingest", "--keep-going", "--format", "jsonl", path]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(stdout(&out).lines().count() >= 1);
    assert!(err.contains("blob.txt") && err.contains("binary"), "{err}");

    let out = run(&["ingest", path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());

    let target = dir.path().join("out.json");
    let out = run(&[
        "ingest",
        "-o",
        target.to_str().unwrap(),
        &format!("{path}/good.txt"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written.len(), 1);
}

#[test]
fn reads_stdin_and_reports_json_paths() {
    let bad = br#"{"id": "doc-1", "source": {"location": "a", "media_type": "text/plain", "sha256": "0"}, "kind": "gossip", "text": "x", "paragraphs": [], "sentences": []}"#;
    let out = run_with_stdin(&["ingest", "-"], bad);
    assert_fails_with(&out, 2, "-: ");
    assert!(stderr(&out).contains("/kind"), "{}", stderr(&out));
}
