//! `cargo xtask bench plugin`: the in-process call overhead of a verdict
//! plugin.
//!
//! Builds the example verdict plugin (`review-first`), loads it with the host,
//! and times full calls on a typical verdict request (the example report's
//! claim with ten pieces of evidence and its published review): encoding the
//! request, the call through the C ABI, schema validation of the response,
//! and decoding. Prints the median and other percentiles of many calls, and
//! the same for the bare ABI call (no encoding or checks) for comparison.
//! The target is a median under 1 ms.
//!
//! `cargo xtask bench plugin` measures a dev build of everything;
//! `cargo run --release -p xtask -- bench plugin --release` an optimised one.

use anyhow::{Context, Result, bail};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};
use veracity_model::VerdictRequest;
use veracity_plugin::host::LoadedPlugin;

const PACKAGE: &str = "veracity-plugin-review-first";

/// Builds the plugin and returns its path.
fn build(release: bool) -> Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .args([
            "build",
            "--message-format=json-render-diagnostics",
            "-p",
            PACKAGE,
        ])
        .current_dir(crate::workspace_root());
    if release {
        command.arg("--release");
    }
    let out = command.output().context("running cargo build")?;
    if !out.status.success() {
        bail!(
            "cargo build -p {PACKAGE} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact")
        .filter(|msg| {
            msg["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|k| k == "cdylib"))
        })
        .flat_map(|msg| msg["filenames"].as_array().cloned().unwrap_or_default())
        .filter_map(|f| f.as_str().map(PathBuf::from))
        .find(|f| {
            f.extension()
                .is_some_and(|e| e == std::env::consts::DLL_EXTENSION)
        })
        .with_context(|| format!("cargo build -p {PACKAGE} reported no shared library"))
}

/// The example report's first claim with ten pieces of evidence (its own,
/// repeated) and its reviews.
fn typical_request() -> Result<VerdictRequest> {
    let path = crate::workspace_root().join("examples/reports/desalination.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let report: veracity_model::Report = serde_json::from_str(&text)?;
    let claim = report
        .claims
        .first()
        .context("the example report has no claim")?
        .clone();
    let verdict = report
        .verdicts
        .first()
        .context("the example report has no verdict")?;
    let evidence = verdict.evidence.iter().cycle().take(10).cloned().collect();
    Ok(VerdictRequest {
        claim,
        evidence,
        reviews: verdict.reviews.clone(),
        scale: "veracity".into(),
        options: Default::default(),
    })
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn time(iterations: usize, mut f: impl FnMut() -> Result<()>) -> Result<Vec<Duration>> {
    for _ in 0..iterations.min(100) {
        f()?; // warm-up: page faults, validator compilation, caches
    }
    let mut times = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times)
}

fn line(label: &str, times: &[Duration]) -> String {
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    format!(
        "{label:<34} median {:8.1} µs   p10 {:8.1} µs   p90 {:8.1} µs   p99 {:8.1} µs",
        us(percentile(times, 0.5)),
        us(percentile(times, 0.1)),
        us(percentile(times, 0.9)),
        us(percentile(times, 0.99)),
    )
}

pub fn run(iterations: usize, release: bool) -> Result<bool> {
    if iterations == 0 {
        bail!("--iterations must be at least 1");
    }
    let path = build(release)?;
    let plugin = LoadedPlugin::load(&path)?;
    let request = typical_request()?;
    let bytes = serde_json::to_vec(&veracity_model::PluginRequest::Verdict(request.clone()))?;

    let full = time(iterations, || {
        plugin.verdict(request.clone())?;
        Ok(())
    })?;
    let bare = time(iterations, || {
        plugin.call_raw(&bytes)?;
        Ok(())
    })?;

    let median = percentile(&full, 0.5);
    println!(
        "plugin call overhead: {} ({} plugin, {} host), {iterations} calls, \
         request {} bytes ({} evidence)",
        plugin.name(),
        if release { "release" } else { "dev" },
        if cfg!(debug_assertions) {
            "dev"
        } else {
            "release"
        },
        bytes.len(),
        request.evidence.len()
    );
    println!("{}", line("full call (encode, call, validate)", &full));
    println!("{}", line("bare ABI call (bytes in, bytes out)", &bare));
    let target = Duration::from_millis(1);
    let verdict = if median < target { "meets" } else { "MISSES" };
    println!(
        "median {:.3} ms {verdict} the target of under 1 ms",
        median.as_secs_f64() * 1e3
    );
    Ok(median < target)
}
