//! `cargo xtask bench ingest`: single-core parsing throughput (MB/s) of the
//! whole pipeline (`veracity_parse::parse_bytes`: sniffing, cleaning or HTML
//! extraction, sentences, quotes, reviews), for plain text and for HTML,
//! median of several runs, in a release build.

use anyhow::{Context, Result, bail};
use std::path::Path;
use std::time::Instant;
use veracity_parse::Options;

/// The pages with extension `ext` in `dir`, by default the example corpus:
/// real-world shapes (boilerplate, a tag page, a fact-check), written for
/// the project.
fn samples(dir: Option<&Path>, ext: &str) -> Result<Vec<(String, Vec<u8>)>> {
    let dir = dir.map_or_else(
        || crate::workspace_root().join("examples/corpus"),
        Path::to_path_buf,
    );
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == ext) {
            out.push((path.display().to_string(), std::fs::read(&path)?));
        }
    }
    out.sort();
    if out.is_empty() {
        bail!("no .{ext} files in {}", dir.display());
    }
    Ok(out)
}

/// One run's throughput: by the wall clock, and by this thread's CPU time
/// (what a core gave when the machine is shared).
struct Rate {
    wall: f64,
    cpu: Option<f64>,
}

/// Parses the samples round-robin until `target` bytes went through.
fn run_once(samples: &[(String, Vec<u8>)], target: usize) -> Result<Rate> {
    let options = Options::default();
    let mut bytes = 0usize;
    let mut docs = 0usize;
    let cpu0 = crate::bench::thread_cpu_ns();
    let start = Instant::now();
    while bytes < target {
        for (name, data) in samples {
            let parsed = veracity_parse::parse_bytes(data, name, &options)?;
            docs += parsed.len();
            bytes += data.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu1 = crate::bench::thread_cpu_ns();
    std::hint::black_box(docs);
    let mb = bytes as f64 / 1e6;
    let cpu = match (cpu0, cpu1) {
        (Some(a), Some(b)) => Some(mb / (b.saturating_sub(a).max(1) as f64 / 1e9)),
        _ => None,
    };
    Ok(Rate {
        wall: mb / secs,
        cpu,
    })
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

/// Benchmarks the `.ext` pages; prints the runs and the median as `label`.
fn bench(label: &str, ext: &str, runs: usize, megabytes: usize, dir: Option<&Path>) -> Result<()> {
    let samples = samples(dir, ext)?;
    let total: usize = samples.iter().map(|(_, d)| d.len()).sum();
    let runs = runs.max(1);
    println!(
        "{label}: {} files, {total} bytes per round, {megabytes} MB per run, {runs} runs, 1 thread",
        samples.len(),
    );
    // Warm-up: one whole run, so that caches, the allocator and the CPU's
    // clock have settled before the timed runs (one round of the corpus
    // is too short for that: the first timed runs came out a fifth slower).
    run_once(&samples, megabytes * 1_000_000)?;
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let rate = run_once(&samples, megabytes * 1_000_000)?;
        wall.push(rate.wall);
        cpu.extend(rate.cpu);
    }
    let shown: Vec<String> = wall.iter().map(|r| format!("{r:.1}")).collect();
    println!("  runs (MB/s): {}", shown.join(" "));
    let cpu_note = if cpu.is_empty() {
        String::new()
    } else {
        format!("; {:.1} MB/s of thread CPU time", median(&mut cpu))
    };
    println!(
        "{label} ingest: {:.1} MB/s per core (median{cpu_note})",
        median(&mut wall)
    );
    Ok(())
}

/// The kinds of page benchmarked.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// The `.txt` pages.
    Text,
    /// The `.html` pages.
    Html,
}

pub fn ingest(
    runs: usize,
    megabytes: usize,
    only: Option<Kind>,
    dir: Option<&Path>,
) -> Result<bool> {
    if cfg!(debug_assertions) {
        return crate::bench::rerun_in_release();
    }
    if only != Some(Kind::Html) {
        bench("plain text", "txt", runs, megabytes, dir)?;
    }
    if only != Some(Kind::Text) {
        bench("HTML", "html", runs, megabytes, dir)?;
    }
    Ok(true)
}
