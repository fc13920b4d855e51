//! `cargo xtask bench ingest`: single-core parsing throughput (MB/s) of
//! plain text, median of several runs, in a release build.

use anyhow::{Context, Result, bail};
use std::time::Instant;
use veracity_parse::Options;

/// The plain-text pages of the example corpus: real-world shapes
/// (boilerplate, a tag page, a fact-check), written for the project.
fn text_samples() -> Result<Vec<(String, Vec<u8>)>> {
    let dir = crate::workspace_root().join("examples/corpus");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "txt") {
            out.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    out.sort();
    if out.is_empty() {
        bail!("no .txt files in {}", dir.display());
    }
    Ok(out)
}

/// Parses the samples round-robin until `target` bytes went through;
/// returns MB/s.
fn run_once(samples: &[(String, Vec<u8>)], target: usize) -> Result<f64> {
    let options = Options::default();
    let mut bytes = 0usize;
    let mut docs = 0usize;
    let start = Instant::now();
    while bytes < target {
        for (name, data) in samples {
            let parsed = veracity_parse::parse_bytes(data, name, &options)?;
            docs += parsed.len();
            bytes += data.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    std::hint::black_box(docs);
    Ok(bytes as f64 / 1e6 / secs)
}

pub fn ingest(runs: usize, megabytes: usize) -> Result<bool> {
    if cfg!(debug_assertions) {
        // Throughput of an unoptimised build means nothing: re-run in release.
        eprintln!("xtask: re-running the benchmark in a release build");
        let status =
            std::process::Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
                .args([
                    "run",
                    "--release",
                    "--quiet",
                    "--package",
                    "xtask",
                    "--",
                    "bench",
                    "ingest",
                ])
                .args(["--runs", &runs.to_string(), "--mb", &megabytes.to_string()])
                .current_dir(crate::workspace_root())
                .status()
                .context("running cargo")?;
        return Ok(status.success());
    }
    let samples = text_samples()?;
    let total: usize = samples.iter().map(|(_, d)| d.len()).sum();
    println!(
        "plain text: {} files, {} bytes per round, {} MB per run, {} runs, 1 thread",
        samples.len(),
        total,
        megabytes,
        runs
    );
    run_once(&samples, total)?; // warm-up
    let mut rates = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        rates.push(run_once(&samples, megabytes * 1_000_000)?);
    }
    rates.sort_by(|a, b| a.total_cmp(b));
    let median = rates[rates.len() / 2];
    let shown: Vec<String> = rates.iter().map(|r| format!("{r:.1}")).collect();
    println!("runs (MB/s): {}", shown.join(" "));
    println!("plain text ingest: {median:.1} MB/s per core (median)");
    Ok(true)
}
