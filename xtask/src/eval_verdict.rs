//! `cargo xtask eval check-seeds`: runs `veracity check` on the seed pages
//! (read from ../shared/seeds at evaluation time only) and checks the
//! targets for the claim the Polygraph fact-check reviews.

use crate::workspace_root;
use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use veracity_verdict::StanceScorer;

fn check(dir: &Path, engine: &str) -> Result<Value> {
    check_claims(dir, engine, &[])
}

fn check_claims(dir: &Path, engine: &str, claims: &[&str]) -> Result<Value> {
    let out = Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args([
            "run",
            "--quiet",
            "--release",
            "-p",
            "veracity-cli",
            "--",
            "check",
        ])
        .arg(dir)
        .args(["--engine", engine, "--format", "json"])
        .args(claims.iter().flat_map(|c| ["--claim", c]))
        .output()
        .context("cannot run cargo")?;
    if !out.status.success() {
        bail!(
            "veracity check --engine {engine} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(serde_json::from_slice(&out.stdout)?)
}

/// The verdict on the claim the Polygraph page reviews, with the report.
fn lavrov(report: &Value) -> Option<&Value> {
    let claims = report["claims"].as_array()?;
    let i = claims.iter().position(|c| {
        let t = c["text"].as_str().unwrap_or("").to_lowercase();
        t.contains("anti-terrorist coalition") && t.contains("nusra")
    })?;
    report["verdicts"].get(i)
}

fn location<'a>(report: &'a Value, doc: &str) -> &'a str {
    report["documents"]
        .as_array()
        .and_then(|d| d.iter().find(|d| d["id"] == doc))
        .and_then(|d| d["source"]["location"].as_str())
        .unwrap_or("?")
}

pub fn check_seeds(dir: &Path) -> Result<bool> {
    let dir = if dir.is_relative() {
        workspace_root().join(dir)
    } else {
        dir.to_path_buf()
    };
    let mut ok = true;

    let report = check(&dir, "review")?;
    match lavrov(&report) {
        None => {
            println!("FAIL review: no claim matching the Polygraph-reviewed claim was found");
            ok = false;
        }
        Some(v) => {
            let label = v["rating"]["label"].as_str().unwrap_or("");
            let cited = v["reviews"][0]["document"].as_str().unwrap_or("");
            let pass = label == "Partially True" && !cited.is_empty();
            ok &= pass;
            println!(
                "{} review: rating {label:?} ({}), citing {} ({})",
                if pass { "PASS" } else { "FAIL" },
                v["rating"]["scale"].as_str().unwrap_or(""),
                location(&report, cited),
                v["reviews"][0]["review"]["reviewer"]
                    .as_str()
                    .unwrap_or("reviewer unknown")
            );
        }
    }

    let report = check(&dir, "evidence")?;
    match lavrov(&report) {
        None => {
            println!("FAIL evidence: no claim matching the Polygraph-reviewed claim was found");
            ok = false;
        }
        Some(v) => {
            let class = v["rating"]["class"].as_str().unwrap_or("");
            let pass = !matches!(class, "true" | "mostly_true");
            ok &= pass;
            println!(
                "{} evidence: rating {:?} (class {class}), confidence {}, support {} / refutation {}",
                if pass { "PASS" } else { "FAIL" },
                v["rating"]["label"].as_str().unwrap_or(""),
                v["confidence"],
                v["support"],
                v["refutation"]
            );
            let evidence = v["evidence"].as_array().cloned().unwrap_or_default();
            let refuting: Vec<&Value> = evidence
                .iter()
                .filter(|e| e["stance"]["label"] == "disagree")
                .collect();
            let strike = refuting.iter().find(|e| {
                let t = e["text"].as_str().unwrap_or("").to_lowercase();
                t.contains("october") && t.contains("nusra")
            });
            ok &= strike.is_some();
            println!(
                "{} evidence: the October 2016 strike on a senior al-Nusra figure is {}among the refuting evidence",
                if strike.is_some() { "PASS" } else { "FAIL" },
                if strike.is_some() { "" } else { "not " }
            );
            for e in refuting.iter().take(5) {
                println!(
                    "    against  w={}  {}  {}",
                    e["weight"],
                    e["role"].as_str().unwrap_or(""),
                    e["text"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(110)
                        .collect::<String>()
                );
            }
            let roles = |r: &str| evidence.iter().filter(|e| e["role"] == r).count();
            println!(
                "    roles: {} attribution, {} claimant, {} duplicate, {} fact_check, {} independent",
                roles("attribution"),
                roles("claimant"),
                roles("duplicate"),
                roles("fact_check"),
                roles("independent")
            );
        }
    }
    ok &= more_careful(&dir)?;
    ok &= renaming_keeps_verdicts(&dir, &report)?;
    Ok(ok)
}

/// A claim Lavrov's own words ("They are telling us not to hit it")
/// restate: it must not come out false. The "not" of a reported request
/// denies nothing (`veracity_text::negation::drop_order_negations`).
const MORE_CAREFUL: &str = "Washington has asked Russia to be 'more careful' in targeting its airstrikes against al-Nusra Front";

fn more_careful(dir: &Path) -> Result<bool> {
    let report = check_claims(dir, "evidence", &[MORE_CAREFUL])?;
    let class = report["verdicts"][0]["rating"]["class"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    let pass = class != "false";
    println!(
        "{} evidence: \"{MORE_CAREFUL}\" is {class}{}",
        if pass { "PASS" } else { "FAIL" },
        if pass {
            ", not false"
        } else {
            "; it should not be false"
        }
    );
    Ok(pass)
}

/// Every person and group named in the seeds, and a made-up replacement
/// (longer names first, so "Sergei Lavrov" is renamed before "Lavrov").
const RENAMES: &[(&str, &str)] = &[
    ("Sergey Lavrov", "Pavel Orlovsky"),
    ("Sergei Lavrov", "Pavel Orlovsky"),
    ("Lavrov", "Orlovsky"),
    ("Mark Toner", "Ruth Calder"),
    ("Toner", "Calder"),
    ("John Kerry", "Daniel Hale"),
    ("Kerry", "Hale"),
    ("Patrick Henningsen", "Tomas Brandt"),
    ("Henningsen", "Brandt"),
    ("Hennigsen", "Brandt"),
    ("Jennifer Cararella", "Nadia Vos"),
    ("Cararella", "Vos"),
    ("Riad Hijab", "Karim Haddad"),
    ("Hijab", "Haddad"),
    ("Igor Konashenkov", "Oleg Vasnetsov"),
    ("Konashenkov", "Vasnetsov"),
    ("Martin Steltner", "Jonas Weber"),
    ("Steltner", "Weber"),
    ("Abu al-Farai al-Masri", "Abu Hamid al-Rashidi"),
    ("Putin", "Volkov"),
    ("Obama", "Mercer"),
    ("Assad", "Samadi"),
    ("al-Nusra", "al-Qadim"),
    ("Al-Nusra", "Al-Qadim"),
    ("Nusra", "Qadim"),
    ("Jabhat Fateh al-Sham", "Jabhat Sayf al-Qadim"),
    ("Daesh", "Dawlat"),
    ("Islamic State", "Crimson State"),
    ("ISIS", "CRLG"),
    ("ISIL", "CRLG"),
    ("Al-Qaeda", "Al-Sayf"),
    ("al-Qaeda", "al-Sayf"),
    ("Al Qaeda", "Al Sayf"),
    ("al Qaeda", "al Sayf"),
];

fn renamed(text: &str) -> String {
    RENAMES
        .iter()
        .fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
}

/// Renames every person and group in a copy of the seeds (in a temporary
/// folder, never in the repository) and checks that each claim found in
/// both keeps its verdict class.
fn renaming_keeps_verdicts(dir: &Path, original: &Value) -> Result<bool> {
    let copy = tempfile::tempdir().context("cannot create a temporary folder")?;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path)?;
        let text = String::from_utf8_lossy(&bytes);
        let name = path.file_name().context("a file without a name")?;
        std::fs::write(copy.path().join(name), renamed(&text))?;
    }
    let report = check(copy.path(), "evidence")?;
    let class_of = |r: &Value, i: usize| {
        r["verdicts"][i]["rating"]["class"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    };
    let renamed_claims: Vec<String> = report["claims"]
        .as_array()
        .map(|c| {
            c.iter()
                .map(|c| c["text"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default();
    let mut matched = 0;
    let mut changed = Vec::new();
    for (i, c) in original["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let text = renamed(c["text"].as_str().unwrap_or(""));
        let Some(j) = renamed_claims.iter().position(|t| *t == text) else {
            continue;
        };
        matched += 1;
        let (before, after) = (class_of(original, i), class_of(&report, j));
        if before != after {
            changed.push(format!(
                "{before} -> {after}: {}",
                text.chars().take(80).collect::<String>()
            ));
        }
    }
    let pass = changed.is_empty() && matched > 0 && lavrov_renamed(&report).is_some();
    println!(
        "{} evidence: with every person and group renamed, {matched} claims found in both keep their class{}",
        if pass { "PASS" } else { "FAIL" },
        if changed.is_empty() {
            String::new()
        } else {
            format!("; changed: {}", changed.join("; "))
        }
    );
    Ok(pass)
}

/// The renamed Polygraph-reviewed claim.
fn lavrov_renamed(report: &Value) -> Option<&Value> {
    let claims = report["claims"].as_array()?;
    let i = claims.iter().position(|c| {
        let t = c["text"].as_str().unwrap_or("").to_lowercase();
        t.contains("anti-terrorist coalition") && t.contains("qadim")
    })?;
    report["verdicts"].get(i)
}

/// Which model scores the Climate-FEVER evidence sentences.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum CfScorer {
    /// The FNC-1 stance model (agree / disagree / discuss / unrelated).
    Stance,
    /// The evidence model (supports / refutes / neutral).
    Evidence,
}

/// `cargo xtask eval climate-fever --data FILE [--scorer S]`: tunes on the
/// even half, reports both halves.
pub fn climate_fever(data: &Path, which: CfScorer, cues: bool) -> Result<bool> {
    use veracity_eval::climate_fever as cf;
    let text =
        std::fs::read_to_string(data).with_context(|| format!("cannot read {}", data.display()))?;
    let claims = cf::parse(&text).with_context(|| data.display().to_string())?;
    let evidence_scorer;
    let scorer: &dyn StanceScorer = match which {
        CfScorer::Stance => crate::bench_check::stance_scorer()?,
        CfScorer::Evidence => {
            let model = veracity_stance::evidence::EvidenceModel::try_builtin()
                .context("cannot load the built-in evidence model; rebuild veracity")?;
            let (even, odd) = cf::split(claims.len());
            for (name, idx) in [("even half", &even), ("odd half", &odd)] {
                let m = cf::evidence_model_metrics(&claims, idx, model);
                println!(
                    "evidence model alone, {name}: sentences {}  accuracy {:.3}  macro-F1 {:.3}",
                    m.n, m.accuracy, m.macro_f1
                );
            }
            evidence_scorer = cf::EvidenceScorer(model);
            &evidence_scorer
        }
    };
    let scored = cf::score_all_with(&claims, scorer, cues);
    let (tune, test) = cf::split(claims.len());
    let params = cf::tune(&claims, &scored, &tune);
    println!(
        "climate-fever: {} claims, scorer {}{}; tuned on the {} claims at even positions: {params:?}",
        claims.len(),
        scorer.name(),
        if cues { "" } else { " without cues" },
        tune.len()
    );
    let default = cf::CfParams::default();
    for (name, idx, p) in [
        ("tune half (even), tuned", &tune, &params),
        ("held-out half (odd), tuned", &test, &params),
        (
            "all, tuned",
            &(0..claims.len()).collect::<Vec<_>>(),
            &params,
        ),
        ("held-out half (odd), shipped thresholds", &test, &default),
    ] {
        let m = cf::evaluate(&claims, &scored, idx, p);
        println!(
            "  {name:42} claims {:3}  accuracy {:.3}  macro-F1 {:.3}  evidence stance accuracy {:.3}",
            m.claims, m.accuracy, m.macro_f1, m.evidence_accuracy
        );
        if name.starts_with("held-out half (odd), tuned") {
            println!(
                "    confusion (rows gold, columns predicted; {}):",
                cf::LABELS.join(", ")
            );
            for row in m.confusion {
                println!("      {row:?}");
            }
        }
    }
    Ok(true)
}
