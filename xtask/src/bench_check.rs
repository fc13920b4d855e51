//! `cargo xtask bench check --docs N [--runs R]`: times checking one claim
//! against a synthetic corpus of N documents (see `gen-corpus`), with the
//! ingest (text → documents, by `veracity-parse` on one thread) timed
//! separately, and reports medians and the peak resident memory (VmHWM from
//! /proc/self/status).

use crate::corpus;
use anyhow::{Context, Result};
use std::time::{Duration, Instant};
use veracity_model::{Document, ScaleRegistry};
use veracity_stance::StanceModel;
use veracity_verdict::{Checker, ClaimOptions, EngineRegistry, StanceScorer};

/// Text → documents, with the parser `veracity check` reads files with.
fn ingest(texts: &[(String, String)]) -> Result<Vec<Document>> {
    let options = veracity_parse::Options::default();
    let mut documents = Vec::with_capacity(texts.len());
    for (name, text) in texts {
        documents.extend(veracity_parse::parse_bytes(
            text.as_bytes(),
            name,
            &options,
        )?);
    }
    Ok(documents)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown (no /proc/self/status)".into())
}

/// The built-in stance model; failing to load it means a damaged build, which
/// must not quietly fall back to a weaker scorer.
pub fn stance_scorer() -> Result<&'static StanceModel> {
    StanceModel::try_builtin().context("cannot load the built-in stance model; rebuild veracity")
}

pub fn run(docs: usize, runs: usize) -> Result<bool> {
    let runs = runs.max(1);
    eprintln!("generating {docs} documents...");
    let texts = corpus::generate(docs);
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let scorer = stance_scorer()?;
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence")?;
    let scale = ScaleRegistry::builtin()
        .get("veracity")
        .expect("built-in scale");
    let mut ingest_t = Vec::new();
    let mut check_t = Vec::new();
    let mut index_t = Vec::new();
    let mut passages = 0;
    let mut summary = String::new();
    for _ in 0..runs {
        let t0 = Instant::now();
        let documents = ingest(&texts)?;
        let t1 = Instant::now();
        let checker = Checker::new(&documents, scorer);
        let t_indexed = Instant::now();
        let claims = checker.claims(&[corpus::SEED_CLAIM.to_owned()], ClaimOptions::default());
        let v = checker.verdict(&claims[0], engine, scale, 20)?;
        let t2 = Instant::now();
        passages = checker.index().len();
        summary = format!(
            "verdict {} ({}), {} evidence, {} appearances",
            v.rating.label,
            v.rating.class,
            v.evidence.len(),
            claims[0].appearances.len()
        );
        ingest_t.push(t1 - t0);
        check_t.push(t2 - t1);
        index_t.push(t_indexed - t1);
        drop(checker);
        drop(documents);
    }
    let (i, c, x) = (median(ingest_t), median(check_t), median(index_t));
    println!(
        "bench check: {docs} documents ({:.1} MB, {passages} passages), {runs} run{}, scorer {}",
        bytes as f64 / 1e6,
        if runs == 1 { "" } else { "s" },
        scorer.name()
    );
    println!(
        "  ingest (text -> documents), median: {:.3} s",
        i.as_secs_f64()
    );
    println!(
        "  check one claim (index + retrieve + stance + verdict), median: {:.3} s",
        c.as_secs_f64()
    );
    println!(
        "    of which indexing the collection: {:.3} s; the claim itself: {:.3} s",
        x.as_secs_f64(),
        (c - x).as_secs_f64()
    );
    println!(
        "  total with ingest, median: {:.3} s",
        (i + c).as_secs_f64()
    );
    println!("  peak memory (VmHWM): {}", vm_hwm());
    println!("  {summary}");
    Ok(true)
}
