//! `cargo xtask bench index --docs N [--claims C]`: the persistent evidence
//! index (`veracity-index`) against today's in-memory check, on a synthetic
//! corpus of N documents (see `gen-corpus`), in one run:
//!
//! - in memory (the baseline): ingest, index in memory, then per claim the
//!   check of one given claim (appearances, retrieval, stance, verdict);
//! - the index: build (ingest + index + commit) with its time and size on
//!   disk, open (documents read back), then the same checks against it.
//!
//! Per claim: the median and 95th percentile of the whole check and of the
//! BM25 search alone (the top 80 passages, as a check asks for). Peak
//! memory per phase: VmHWM, reset between phases through
//! /proc/self/clear_refs (memory the allocator keeps from an earlier phase
//! still counts).

use crate::bench_check::stance_scorer;
use crate::corpus;
use anyhow::{Context, Result};
use std::time::{Duration, Instant};
use veracity_index::{EvidenceIndex, IndexWriter};
use veracity_model::{Document, ScaleRegistry};
use veracity_verdict::{Checker, ClaimOptions, EngineRegistry, StanceScorer};

/// Passages a check asks the retriever for (4 × the default top-k of 20).
const SEARCH_K: usize = 80;

/// Resets the peak resident memory (Linux: `5` to /proc/self/clear_refs).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The peak resident memory since the last reset, in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line["VmHWM:".len()..]
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn ingest(texts: &[(String, String)]) -> Result<Vec<Document>> {
    let options = veracity_parse::Options::default();
    let mut out = Vec::with_capacity(texts.len());
    for (name, text) in texts {
        out.extend(veracity_parse::parse_bytes(
            text.as_bytes(),
            name,
            &options,
        )?);
    }
    Ok(out)
}

/// The claims to check: the seed claim and the first sentence of the second
/// paragraph of documents spread over the corpus.
fn claims(texts: &[(String, String)], n: usize) -> Vec<String> {
    let mut out = vec![corpus::SEED_CLAIM.to_owned()];
    let step = (texts.len() / n.max(1)).max(1);
    for (_, text) in texts.iter().step_by(step).take(n.saturating_sub(1)) {
        if let Some(sentence) = text
            .split("\n\n")
            .nth(3)
            .and_then(|p| p.split_inclusive(". ").next())
        {
            out.push(sentence.trim().to_owned());
        }
    }
    out
}

/// Median and 95th percentile, in milliseconds.
fn quantiles(mut v: Vec<Duration>) -> (f64, f64) {
    v.sort();
    let at = |q: f64| {
        let i = ((v.len() as f64 - 1.0) * q).round() as usize;
        v.get(i).map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    (at(0.5), at(0.95))
}

/// Per claim: the whole check, and the search alone.
fn per_claim(checker: &Checker, claims: &[String]) -> Result<(Vec<Duration>, Vec<Duration>)> {
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence")?;
    let scale = ScaleRegistry::builtin()
        .get("veracity")
        .context("built-in scale")?;
    let (mut check, mut search) = (Vec::new(), Vec::new());
    for text in claims {
        let t = Instant::now();
        let found = checker.claims(std::slice::from_ref(text), ClaimOptions::default());
        for c in &found {
            checker.verdict(c, engine, scale, 20)?;
        }
        check.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(checker.retriever().search(text, SEARCH_K));
        search.push(t.elapsed());
    }
    Ok((check, search))
}

/// The bytes of the files directly in `dir`.
fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|e| {
            e.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

pub fn run(docs: usize, n_claims: usize) -> Result<bool> {
    eprintln!("generating {docs} documents...");
    let texts = corpus::generate(docs);
    let mb = texts.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e6;
    let claims = claims(&texts, n_claims);
    let scorer = stance_scorer()?;
    println!(
        "bench index: {docs} documents ({mb:.1} MB), {} claims, scorer {}",
        claims.len(),
        scorer.name()
    );
    println!("| | in memory (today) | persistent index |");
    println!("| --- | --- | --- |");

    eprintln!("in memory...");
    reset_peak();
    let t = Instant::now();
    let documents = ingest(&texts)?;
    let ingest_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let checker = Checker::new(&documents, scorer);
    let memory_index_s = t.elapsed().as_secs_f64();
    let (m_check, m_search) = per_claim(&checker, &claims)?;
    let memory_peak = peak_mb();
    let passages = checker.retriever().len();
    drop(checker);

    eprintln!("building the index...");
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("index");
    reset_peak();
    let t = Instant::now();
    let mut writer = IndexWriter::create(&path)?;
    for d in &documents {
        writer.add(d)?;
    }
    writer.commit()?;
    let build_s = t.elapsed().as_secs_f64();
    let build_peak = peak_mb();
    drop(documents);
    let size_mb = dir_size(&path) as f64 / 1e6;

    eprintln!("checking against the index...");
    reset_peak();
    let t = Instant::now();
    let index = EvidenceIndex::open(&path)?;
    let open_s = t.elapsed().as_secs_f64();
    let retriever = index.retriever();
    let checker = Checker::with_retriever(&index.documents, Box::new(&retriever), scorer);
    let (i_check, i_search) = per_claim(&checker, &claims)?;
    let index_peak = peak_mb();

    let (mc, mc95) = quantiles(m_check);
    let (ms, ms95) = quantiles(m_search);
    let (ic, ic95) = quantiles(i_check);
    let (is, is95) = quantiles(i_search);
    println!(
        "| parse the documents | {ingest_s:.2} s (every check) | {ingest_s:.2} s (once, before the build) |"
    );
    println!(
        "| index | {memory_index_s:.2} s in memory, every check ({passages} passages) | build {build_s:.2} s once ({:.0} documents/s), {size_mb:.0} MB on disk |",
        docs as f64 / build_s
    );
    println!("| open | - | {open_s:.2} s (documents read back) |");
    println!("| check one claim, median / p95 | {mc:.1} / {mc95:.1} ms | {ic:.1} / {ic95:.1} ms |");
    println!(
        "| BM25 top {SEARCH_K}, median / p95 | {ms:.1} / {ms95:.1} ms | {is:.1} / {is95:.1} ms |"
    );
    println!(
        "| first claim, from nothing | {:.2} s (parse + index + check) | {:.2} s (open + check) |",
        ingest_s + memory_index_s + mc / 1000.0,
        open_s + ic / 1000.0
    );
    println!(
        "| peak memory | {memory_peak:.0} MB (parse, index, check) | build {build_peak:.0} MB more than the parsed documents; check {index_peak:.0} MB |"
    );
    Ok(true)
}
