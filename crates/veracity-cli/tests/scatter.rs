//! A sharded check (`stats`, `claims`, `candidates`, `merge`) gives the
//! report of `check` on the whole collection, byte for byte.

mod common;

use common::{assert_fails_with, run, stderr};
use std::path::{Path, PathBuf};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs veracity and insists it succeeds.
fn ok(args: &[&str]) -> std::process::Output {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "veracity {}: {}",
        args.join(" "),
        stderr(&out)
    );
    out
}

const CLAIM: &str = "The Brackwater ferry carries 9,000 passengers a day.";

/// The fixture's articles, by shard: the ferry claim made by a councillor,
/// the wire story that refutes it and its syndicated copy (in another
/// shard), a verbatim copy of the refuting passage on a second site (in a
/// third shard), a fact-check of the claim, and news on other subjects.
fn articles() -> Vec<(&'static str, String)> {
    let wire = "Brackwater ferry figures fall short of councillor's claim\n\n\
        By Ines Farrow, Lowmoor Wire\n\n\
        Councillor Bram Tellis said on Monday that the Brackwater ferry carries 9,000 passengers a day. \
        Harbour office records show the ferry carried 3,100 passengers a day on average in 2025. \
        The ferry runs eleven crossings a day between Brackwater and Lowmoor.\n\n\
        The harbour office said numbers peak in August, when the ferry carries about 4,000 people.\n";
    let syndicated = format!(
        "Riverside Courier\n\nHome | News | Sport | Contact\n\nNEWS\n\n{wire}\nShare this story\n"
    );
    let copied = "Harbour office records show the ferry carried 3,100 passengers a day on average in 2025. \
        Readers wrote to us about the queues at the Lowmoor pier this summer.\n";
    let claim_story = "Tellis: ferry is the busiest in the county\n\n\
        \"The Brackwater ferry carries 9,000 passengers a day,\" Councillor Bram Tellis said at a \
        budget meeting on Monday. He asked the county for two new boats.\n";
    let fact_check = "Fact check: Does the Brackwater ferry carry 9,000 passengers a day?\n\n\
        Claim: The Brackwater ferry carries 9,000 passengers a day.\n\
        Claimed by: Councillor Bram Tellis\n\n\
        Harbour office records show 3,100 passengers a day in 2025, about a third of the figure. \
        We rate this claim False.\n";
    let news = |i: usize| {
        format!(
            "Lowmoor library report {i}\n\nThe Lowmoor library lent {} books in March, the library board said. \
             Board chair Wen Aldous said the reading room will open on Sundays from May. \
             Volunteers repaired {} chairs in the reading room.\n",
            1200 + 37 * i,
            10 + i
        )
    };
    let mut out = vec![
        ("shard-00/claim-story.txt", claim_story.to_owned()),
        ("shard-00/library-0.txt", news(0)),
        ("shard-01/lowmoor-wire.txt", wire.to_owned()),
        ("shard-01/library-1.txt", news(1)),
        ("shard-02/riverside-courier.txt", syndicated),
        ("shard-02/letters.txt", copied.to_owned()),
        ("shard-03/fact-check.txt", fact_check.to_owned()),
    ];
    for i in 2..8 {
        let shard = ["shard-00", "shard-01", "shard-02", "shard-03"][i % 4];
        out.push((
            Box::leak(format!("{shard}/library-{i}.txt").into_boxed_str()),
            news(i),
        ));
    }
    out
}

/// Writes the fixture under `root` and returns the shard folders, in order.
fn write_corpus(root: &Path) -> Vec<PathBuf> {
    for (name, text) in articles() {
        let file = root.join(name);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    (0..4).map(|i| root.join(format!("shard-{i:02}"))).collect()
}

/// The JSON report of `check` on `root` with `extra` flags.
fn single(root: &Path, extra: &[&str]) -> Vec<u8> {
    let mut args = vec!["check", path(root), "--format", "json"];
    args.extend(extra);
    ok(&args).stdout
}

/// The JSON report of the sharded rounds over `shards`: claims from
/// `claim_flags` (given) or, when empty, found by the claims round with
/// `limit_flags`.
fn sharded(work: &Path, shards: &[PathBuf], claim_flags: &[&str], limit_flags: &[&str]) -> Vec<u8> {
    let file = |kind: &str, i: usize| work.join(format!("{kind}-{i}.json"));
    for (i, shard) in shards.iter().enumerate() {
        ok(&["stats", path(shard), "-o", path(&file("stats", i))]);
    }
    let stats = work.join("stats.json");
    let mut merge_stats = vec!["stats", "--merge"];
    let parts: Vec<PathBuf> = (0..shards.len()).map(|i| file("stats", i)).collect();
    merge_stats.extend(parts.iter().map(|p| path(p)));
    merge_stats.extend(["-o", path(&stats)]);
    ok(&merge_stats);

    let claims = work.join("claims.json");
    let mut claim_args: Vec<&str> = claim_flags.to_vec();
    if claim_flags.is_empty() {
        for (i, shard) in shards.iter().enumerate() {
            ok(&["claims", path(shard), "-o", path(&file("claims", i))]);
        }
        let parts: Vec<PathBuf> = (0..shards.len()).map(|i| file("claims", i)).collect();
        let mut merge_claims = vec!["claims", "--merge"];
        merge_claims.extend(parts.iter().map(|p| path(p)));
        merge_claims.extend(limit_flags);
        merge_claims.extend(["-o", path(&claims)]);
        ok(&merge_claims);
        claim_args = vec!["--claims", path(&claims)];
    }
    for (i, shard) in shards.iter().enumerate() {
        let out = file("candidates", i);
        let mut args = vec![
            "candidates",
            path(shard),
            "--global-stats",
            path(&stats),
            "-o",
            path(&out),
        ];
        args.extend(&claim_args);
        ok(&args);
    }
    let parts: Vec<PathBuf> = (0..shards.len()).map(|i| file("candidates", i)).collect();
    let mut merge = vec!["merge", "--format", "json"];
    merge.extend(parts.iter().map(|p| path(p)));
    ok(&merge).stdout
}

fn assert_same(single: &[u8], sharded: &[u8], what: &str) {
    if single != sharded {
        let a = String::from_utf8_lossy(single);
        let b = String::from_utf8_lossy(sharded);
        let at = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(300);
        panic!(
            "{what}: the sharded report differs from check's at byte {at}:\n  check: {}\n  shards: {}",
            &a[from..(at + 300).min(a.len())],
            &b[from..(at + 300).min(b.len())]
        );
    }
}

#[test]
fn shards_give_the_report_of_one_check() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let shards = write_corpus(&root);
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();

    let given = single(&root, &["--claim", CLAIM]);
    let report: serde_json::Value = serde_json::from_slice(&given).unwrap();
    // The fixture exercises what the merge must get right: a copy and a
    // published review among the evidence.
    let evidence = report["verdicts"][0]["evidence"].as_array().unwrap();
    assert!(
        evidence.iter().any(|e| e["role"] == "duplicate"),
        "{evidence:#?}"
    );
    assert!(
        !report["verdicts"][0]["reviews"]
            .as_array()
            .unwrap()
            .is_empty(),
        "{report:#}"
    );
    assert_same(
        &given,
        &sharded(&work, &shards, &["--claim", CLAIM], &[]),
        "--claim",
    );
    let found = single(&root, &[]);
    assert_same(&found, &sharded(&work, &shards, &[], &[]), "claims found");
    // The merged claim set, given whole to one check, is the claims it finds.
    let claim_set = work.join("claims.json");
    assert_same(
        &found,
        &single(&root, &["--claims", path(&claim_set)]),
        "check --claims CLAIM-SET",
    );
    assert_same(
        &single(&root, &["--limit", "2"]),
        &sharded(&work, &shards, &[], &["--limit", "2"]),
        "claims found, --limit 2",
    );
    assert_same(
        &single(&root, &["--all"]),
        &sharded(&work, &shards, &[], &["--all"]),
        "every claim found",
    );
}

#[test]
fn the_example_corpus_in_three_shards_gives_its_report() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(common::root().join("examples/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    files.sort();
    for (i, f) in files.iter().enumerate() {
        let dir = root.join(format!("shard-{:02}", i % 3));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(f, dir.join(f.file_name().unwrap())).unwrap();
    }
    let shards: Vec<PathBuf> = (0..3).map(|i| root.join(format!("shard-{i:02}"))).collect();
    let work = tmp.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    assert_same(
        &single(&root, &["--all"]),
        &sharded(&work, &shards, &[], &["--all"]),
        "examples/corpus, every claim",
    );
}

#[test]
fn a_document_in_two_shards_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let shards = write_corpus(&root);
    std::fs::copy(
        root.join("shard-01/lowmoor-wire.txt"),
        root.join("shard-02/lowmoor-wire-again.txt"),
    )
    .unwrap();
    let s1 = tmp.path().join("s1.json");
    let s2 = tmp.path().join("s2.json");
    ok(&["stats", path(&shards[1]), "-o", path(&s1)]);
    ok(&["stats", path(&shards[2]), "-o", path(&s2)]);
    let out = run(&[
        "stats",
        "--merge",
        path(&s1),
        path(&s2),
        "-o",
        path(&tmp.path().join("all.json")),
    ]);
    assert_fails_with(&out, 2, "is in part 1 and in part 2");
}

#[test]
fn candidates_need_statistics_that_count_the_shard() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    let shards = write_corpus(&root);
    let s0 = tmp.path().join("s0.json");
    ok(&["stats", path(&shards[0]), "-o", path(&s0)]);
    let out = run(&[
        "candidates",
        path(&shards[1]),
        "--global-stats",
        path(&s0),
        "--claim",
        CLAIM,
        "-o",
        path(&tmp.path().join("c.json")),
    ]);
    assert_fails_with(&out, 2, "the global statistics do not count document");
    // A file of the wrong kind is named as such.
    let out = run(&["merge", path(&s0), "-o", path(&tmp.path().join("r.json"))]);
    assert_fails_with(&out, 2, "is not a shard-candidates file");
}

#[test]
fn damaged_candidates_are_refused_by_name() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("corpus");
    write_corpus(&root);
    let stats = tmp.path().join("stats.json");
    ok(&["stats", path(&root), "-o", path(&stats)]);
    let cand = tmp.path().join("c.json");
    ok(&[
        "candidates",
        path(&root),
        "--global-stats",
        path(&stats),
        "--claim",
        CLAIM,
        "-o",
        path(&cand),
    ]);
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&cand).unwrap()).unwrap();
    value["candidates"][0]["searches"][0]["hits"][0]["document"] = 999.into();
    let bad = tmp.path().join("bad.json");
    std::fs::write(&bad, serde_json::to_vec(&value).unwrap()).unwrap();
    let out = run(&["merge", path(&bad), "--format", "json"]);
    assert_fails_with(&out, 2, "is not in the collection");
    let bytes = std::fs::read(&cand).unwrap();
    let cut = tmp.path().join("cut.json");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = run(&["merge", path(&cut), "--format", "json"]);
    assert_fails_with(&out, 2, "is not valid JSON");
    assert!(stderr(&out).contains("cut.json"), "{}", stderr(&out));
}
