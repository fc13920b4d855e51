//! The terminal summary of `veracity check` on the example corpus, compared
//! byte for byte with the golden files at 80 and 120 columns. After an
//! intended change, rewrite them with
//! `UPDATE_GOLDEN=1 cargo test -p veracity-cli --test summary` and read the
//! diff as a reader would.

mod common;

use common::{root, run_env, stderr};

fn check_golden(width: usize) {
    let width_arg = width.to_string();
    let out = run_env(
        &["check", "examples/corpus", "--width", &width_arg],
        &[("NO_COLOR", "1")],
    );
    // The corpus's parse warnings go to stderr; the summary is whole.
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("the summary is UTF-8");
    let golden = root().join(format!(
        "crates/veracity-cli/tests/golden/summary-{width}.txt"
    ));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &text).unwrap();
    }
    let expected = std::fs::read_to_string(&golden).unwrap_or_default();
    assert!(
        text == expected,
        "the {width}-column summary differs from {}; if the change is intended, run \
         UPDATE_GOLDEN=1 cargo test -p veracity-cli --test summary\n--- got ---\n{text}",
        golden.display(),
    );
    for line in text.lines() {
        let long = line.chars().count() > width;
        // Only a single word too long for any line (a URL) may overrun.
        assert!(
            !long || !line.trim().contains(' '),
            "line over {width} columns: {line}"
        );
    }
}

#[test]
fn summary_at_80_columns_matches_the_golden_file() {
    check_golden(80);
}

#[test]
fn summary_at_120_columns_matches_the_golden_file() {
    check_golden(120);
}

#[test]
fn summary_reads_without_jargon_and_says_how_to_see_every_claim() {
    let out = run_env(&["check", "examples/corpus", "--limit", "2"], &[]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with(" 1. False, confidence "), "{text}");
    for jargon in [
        "veracity scale",
        "(false,",
        "Not counted: ",
        "attribution",
        "confidence 0.",
    ] {
        assert!(!text.contains(jargon), "`{jargon}` in:\n{text}");
    }
    assert!(
        text.contains("Also: 3 more passages weighed; 12 reports of the claim being made, 3 copies of other passages, not counted."),
        "{text}"
    );
    assert!(
        text.contains("Published review: Harbor Fact Desk rated it Mostly False"),
        "{text}"
    );
    let last = text
        .lines()
        .rev()
        .find(|l| l.starts_with("Checked the "))
        .unwrap_or_default();
    assert!(
        last.starts_with("Checked the 2 claims most worth checking of ") && last.contains("--all"),
        "{text}"
    );
    // Into a pipe: one line per paragraph, no escape codes.
    assert!(!text.contains('\x1b'), "{text}");
    assert!(text.lines().any(|l| l.chars().count() > 120), "{text}");
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn a_claim_the_collection_says_nothing_about_is_unverified_in_words() {
    let out = run_env(
        &[
            "check",
            "examples/corpus",
            "--claim",
            "Zebras were seen skating on Mars in winter.",
        ],
        &[],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(" 1. Unverified: no evidence found in the documents checked\n"),
        "{text}"
    );
    assert!(!text.contains("confidence"), "{text}");
}

#[test]
fn another_scale_is_named_and_all_conflicts_with_limit() {
    let out = run_env(
        &[
            "check",
            "examples/corpus",
            "--limit",
            "1",
            "--scale",
            "politifact",
        ],
        &[],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(" 1. ") && text.contains("(politifact scale)"),
        "{text}"
    );
    let out = run_env(&["check", "examples/corpus", "--all", "--limit", "3"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
}
