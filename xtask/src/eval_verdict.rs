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
    Ok(ok)
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
