//! `cargo xtask bench html`: HTML extraction throughput on one core.
//!
//! All pages are read (and gunzipped) first; then every page goes through
//! `veracity_parse::html::extract` on this thread, `--runs` times. The
//! figure is total HTML bytes / time of one pass, median over the passes.
//! A debug build of xtask re-runs itself in release mode first, since
//! throughput of unoptimised code means nothing.

use anyhow::Result;
use std::path::PathBuf;
use std::time::Instant;

/// Options of `cargo xtask bench ingest`.
pub struct BenchArgs {
    /// Directory of `*.html` / `*.html.gz` pages.
    pub html: PathBuf,
    /// Passes over the pages.
    pub runs: usize,
}

/// Runs the benchmark; prints MB/s.
pub fn run(args: &BenchArgs) -> Result<bool> {
    if cfg!(debug_assertions) {
        return crate::bench::rerun_in_release();
    }
    let pages = crate::eval_extract::read_dir(&args.html)?;
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
    let mut times = Vec::with_capacity(args.runs);
    let mut paragraphs = 0usize;
    for _ in 0..args.runs.max(1) {
        let start = Instant::now();
        paragraphs = 0;
        for (_, page) in &pages {
            if let Ok(a) = veracity_parse::html::extract(page, None) {
                paragraphs += a.paragraphs.len();
            }
        }
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let best = times[0];
    let mb = bytes as f64 / 1e6;
    println!(
        "html extraction, 1 thread: {} pages, {:.2} MB, {} paragraphs; {} runs: median {:.3} s = {:.1} MB/s (best {:.1} MB/s)",
        pages.len(),
        mb,
        paragraphs,
        times.len(),
        median,
        mb / median,
        mb / best
    );
    Ok(true)
}
