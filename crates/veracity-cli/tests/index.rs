//! CLI tests of `veracity index` and `veracity check --index`.

mod common;

use common::{assert_fails_with, root, run, stderr, stdout};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A news item about the Elmford tram, numbered `i`, with `extra` text.
fn article(i: usize, extra: &str) -> String {
    format!(
        "Elmford tram report {i}\n\nBy Ada Marsh\n\nThe Elmford tram carried {} riders a day in 2025, \
         the transit office said. Councillor Pia Lund said the tram needs 12 new cars. {extra}\n\n\
         Fares rose 5 percent in March, and the night service was cut to two trips.\n",
        1000 + i * 7
    )
}

fn write_articles(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("tram-{i:05}.txt")), article(i, "")).unwrap();
    }
}

/// examples/corpus indexed in `tmp`, and what `veracity index` said.
fn example_index(tmp: &Path) -> (std::path::PathBuf, String) {
    let index = tmp.join("corpus.idx");
    let out = run(&["index", "examples/corpus", "-o", path(&index)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (index, stderr(&out))
}

#[test]
fn check_against_an_index_gives_the_reports_of_check_on_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (index, said) = example_index(tmp.path());
    assert!(said.contains("indexed 8 documents"), "{said}");
    // `json` and `jsonl` are written as the check against the index goes,
    // the other formats from the whole report.
    for (format, extra) in [
        ("json", &[][..]),
        ("json", &["--all"][..]),
        (
            "json",
            &[
                "--claim",
                "The desalination plant supplies forty percent of the city's drinking water.",
            ][..],
        ),
        ("jsonl", &["--all"][..]),
        ("markdown", &[][..]),
    ] {
        let args = |input: &[&str]| -> Vec<String> {
            let mut a: Vec<String> = vec!["check".into()];
            a.extend(input.iter().map(|s| s.to_string()));
            a.extend(["--format", format].iter().map(|s| s.to_string()));
            a.extend(extra.iter().map(|s| s.to_string()));
            a
        };
        let a = args(&["examples/corpus"]);
        let b = args(&["--index", path(&index)]);
        let folder = run(&a.iter().map(String::as_str).collect::<Vec<_>>());
        let indexed = run(&b.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(indexed.status.code(), Some(0), "{}", stderr(&indexed));
        assert!(
            folder.stdout == indexed.stdout,
            "{format} {extra:?}: the reports differ\n{}",
            stdout(&indexed)
        );
    }
    // Written to a file, atomically, the same report.
    let file = tmp.path().join("all.json");
    let out = run(&["check", "--index", path(&index), "--all", "-o", path(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let to_stdout = run(&[
        "check",
        "--index",
        path(&index),
        "--all",
        "--format",
        "json",
    ]);
    assert!(std::fs::read(&file).unwrap() == to_stdout.stdout);
    let stats = run(&["index", "--stats", path(&index)]);
    assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
    assert!(
        stdout(&stats).contains("documents  8"),
        "{}",
        stdout(&stats)
    );
}

/// A report streamed to a reader that stops early (`| head`) is not a
/// failure: the check stops at the closed pipe and exits 0.
#[test]
fn a_streamed_report_stops_quietly_at_a_closed_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    let (index, _) = example_index(tmp.path());
    for format in ["jsonl", "json"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_veracity"))
            .args([
                "check",
                "--index",
                path(&index),
                "--all",
                "--format",
                format,
            ])
            .current_dir(root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // More than a pipe holds is written (about 150 KB and 1 MB), so the
        // check is still writing when the reader goes.
        let mut first = [0u8; 100];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
    }
}

#[test]
fn append_adds_files_and_replaces_changed_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let (docs, index) = (tmp.path().join("docs"), tmp.path().join("idx"));
    write_articles(&docs, 3);
    assert_eq!(
        run(&["index", path(&docs), "-o", path(&index)])
            .status
            .code(),
        Some(0)
    );
    let changed = docs.join("tram-00001.txt");
    std::fs::write(&changed, article(1, "The depot flooded in April.")).unwrap();
    let added = tmp.path().join("tram-new.txt");
    std::fs::write(&added, article(9, "")).unwrap();
    let out = run(&[
        "index",
        path(&changed),
        path(&added),
        "-o",
        path(&index),
        "--append",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("1 file(s) indexed before were replaced"),
        "{}",
        stderr(&out)
    );
    let stats = run(&["index", "--stats", path(&index)]);
    assert!(
        stdout(&stats).contains("documents  4"),
        "{}",
        stdout(&stats)
    );
    let report = run(&["check", "--index", path(&index), "--format", "json"]);
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    let text = stdout(&report);
    assert!(text.contains("The depot flooded in April."), "{text}");
    let r: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    let documents = r["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 4);
    assert!(
        documents
            .iter()
            .all(|d| !d["text"].as_str().unwrap().is_empty())
    );
}

#[test]
fn a_killed_append_leaves_the_index_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let (small, big, index) = (
        tmp.path().join("small"),
        tmp.path().join("big"),
        tmp.path().join("idx"),
    );
    write_articles(&small, 5);
    write_articles(&big, 3000);
    assert_eq!(
        run(&["index", path(&small), "-o", path(&index)])
            .status
            .code(),
        Some(0)
    );
    let before = stdout(&run(&["index", "--stats", path(&index)]));
    let mut child = Command::new(env!("CARGO_BIN_EXE_veracity"))
        .args(["index", path(&big), "-o", path(&index), "--append"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Killed once it has begun writing the index.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let started = lines
        .by_ref()
        .map_while(Result::ok)
        .any(|l| l.contains("indexing 3000 input file(s)"));
    assert!(started, "the append never started writing");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the append finished before it could be killed"
    );
    // The index reads as before, and can be appended to again.
    assert_eq!(stdout(&run(&["index", "--stats", path(&index)])), before);
    let report = run(&["check", "--index", path(&index), "--format", "json"]);
    assert_eq!(report.status.code(), Some(0), "{}", stderr(&report));
    let r: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(r["documents"].as_array().unwrap().len(), 5);
    let again = run(&[
        "index",
        path(&big.join("tram-00007.txt")),
        "-o",
        path(&index),
        "--append",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(stdout(&run(&["index", "--stats", path(&index)])).contains("documents  6"));
}

#[test]
fn index_errors_exit_2_naming_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nothing-here");
    assert_fails_with(
        &run(&["check", "--index", path(&missing)]),
        2,
        "no veracity index here",
    );
    assert_fails_with(
        &run(&["index", "--stats", path(&missing)]),
        2,
        "no veracity index here",
    );
    assert_fails_with(
        &run(&["index", "examples/corpus", "-o", path(&missing), "--append"]),
        2,
        "no veracity index here",
    );
    std::fs::create_dir_all(&missing).unwrap();
    std::fs::write(missing.join("notes.txt"), "mine").unwrap();
    assert_fails_with(
        &run(&["index", "examples/corpus", "-o", path(&missing)]),
        2,
        "already holds files",
    );
    assert_fails_with(
        &run(&["check", "examples/corpus", "--index", path(&missing)]),
        2,
        "cannot be used with",
    );
}

#[test]
fn a_build_that_stops_on_a_bad_input_leaves_no_index() {
    let tmp = tempfile::tempdir().unwrap();
    let (inputs, index) = (tmp.path().join("in"), tmp.path().join("idx"));
    write_articles(&inputs, 3);
    std::fs::write(inputs.join("tram-empty.txt"), "").unwrap();
    let out = run(&["index", path(&inputs), "-o", path(&index)]);
    assert_fails_with(&out, 2, "nothing written");
    assert!(stderr(&out).contains("tram-empty.txt"), "{}", stderr(&out));
    // The folder is as it was (missing), so the same command can be
    // given again.
    assert!(!index.exists());
    let kept = run(&["index", path(&inputs), "-o", path(&index), "--keep-going"]);
    assert_eq!(kept.status.code(), Some(2), "{}", stderr(&kept));
    assert!(stdout(&run(&["index", "--stats", path(&index)])).contains("documents  3"));
}
