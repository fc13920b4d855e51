//! `veracity eval fnc1` on small fixture files written for the project.

mod common;
use common::{run, stderr, stdout};

const DIR: &str = "crates/veracity-cli/tests/fixtures/fnc1";

fn fixture(name: &str) -> String {
    format!("{DIR}/{name}")
}

#[test]
fn prints_the_fnc_score_f1_and_confusion_matrix() {
    let out = run(&[
        "eval",
        "fnc1",
        "--bodies",
        &fixture("bodies.csv"),
        "--stances",
        &fixture("stances.csv"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "pairs scored: 7 of 7",
        "FNC score:",
        "% ",
        "macro-F1:",
        "confusion",
        "disagree",
        "pairs/s",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    // Max FNC points: 3 related pairs (1 each) + 1 related kangaroo pair + 3 unrelated (0.25 each).
    assert!(text.contains("/ 4.75 ="), "{text}");
}

#[test]
fn writes_predictions_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.csv");
    let pred_s = pred.to_string_lossy().into_owned();
    let out = run(&[
        "eval",
        "fnc1",
        "--bodies",
        &fixture("bodies.csv"),
        "--stances",
        &fixture("stances.csv"),
        "--predictions",
        &pred_s,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&pred).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "Headline,Body ID,Stance,agree,disagree,discuss,unrelated"
    );
    assert_eq!(lines.len(), 8);
    for line in &lines[1..] {
        let stance = line.split(',').nth(2).unwrap();
        assert!(
            ["agree", "disagree", "discuss", "unrelated"].contains(&stance),
            "{line}"
        );
    }
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary files are left behind");
}

#[test]
fn unlabelled_files_give_predictions_only() {
    let out = run(&[
        "eval",
        "fnc1",
        "--bodies",
        &fixture("bodies.csv"),
        "--stances",
        &fixture("unlabelled.csv"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("no Stance column"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn bad_files_are_errors_that_name_the_file() {
    let cases = [
        (
            fixture("bad_header.csv"),
            fixture("stances.csv"),
            "bad_header.csv",
        ),
        (
            fixture("bodies.csv"),
            fixture("bad_header.csv"),
            "bad_header.csv",
        ),
        (
            fixture("bodies.csv"),
            fixture("bad_stance.csv"),
            "bad_stance.csv",
        ),
        (
            fixture("missing.csv"),
            fixture("stances.csv"),
            "missing.csv",
        ),
    ];
    for (bodies, stances, name) in cases {
        let out = run(&["eval", "fnc1", "--bodies", &bodies, "--stances", &stances]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{bodies} {stances}: {}",
            stderr(&out)
        );
        assert!(stderr(&out).contains(name), "{}", stderr(&out));
    }
}
