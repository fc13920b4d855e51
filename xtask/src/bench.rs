//! `cargo xtask bench <target>`: the benchmark targets, and the stance
//! model's throughput on one core.

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use std::path::PathBuf;
use veracity_eval::fnc::evaluate;
use veracity_stance::StanceModel;

/// What to benchmark.
#[derive(Subcommand)]
pub enum Target {
    /// Stance scoring of every FNC-1 training pair with the built-in model:
    /// each distinct headline and body is prepared once, then every pair is
    /// scored, on one thread. Prints the median pairs/s over the runs.
    Stance(StanceArgs),
    /// Evidence-model scoring of the Climate-FEVER dev claims against their
    /// five evidence sentences with `EvidenceModel::score` (each claim
    /// prepared once, every sentence prepared and scored), on one thread.
    /// Prints the median pairs/s over the runs.
    Evidence(EvidenceArgs),
    /// In-process call overhead of a verdict plugin (review-first).
    Plugin(PluginArgs),
    /// One claim checked against a synthetic corpus (see `gen-corpus`):
    /// ingest and check timed separately, medians and peak memory.
    Check(CheckArgs),
    /// The persistent evidence index against the in-memory check on a
    /// synthetic corpus: build time and size, open time, per-claim check and
    /// search time (median, p95), peak memory; a Markdown table.
    Index(IndexArgs),
    /// Parsing throughput (`veracity_parse::parse_bytes`, the whole pipeline)
    /// of the plain-text and the HTML pages of examples/corpus on one core,
    /// in MB/s (median of runs), one figure each.
    Ingest(IngestArgs),
    /// HTML main-content extraction throughput in MB/s of HTML on one core.
    Html(HtmlArgs),
    /// Parse time of generated hostile pages (deep nesting, huge
    /// attributes, many tiny elements, long lines) by size: a Markdown
    /// table of median time and ns per byte, flat when time is linear.
    ParseAdversarial(AdversarialArgs),
}

/// Options of `cargo xtask bench parse-adversarial`.
#[derive(Args)]
pub struct AdversarialArgs {
    /// Timed runs per input (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

/// Options of `cargo xtask bench evidence`.
#[derive(Args)]
pub struct EvidenceArgs {
    /// The Climate-FEVER JSONL file (its claims and sentences are the input).
    #[arg(
        long,
        default_value = "../shared/data/climate-fever/climate-fever-dev.jsonl"
    )]
    data: PathBuf,
    /// Timed runs.
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Passes over the file per run.
    #[arg(long, default_value_t = 10)]
    passes: usize,
}

/// Options of `cargo xtask bench html`.
#[derive(Args)]
pub struct HtmlArgs {
    /// Directory of *.html.gz or *.html pages.
    #[arg(long, default_value = "../shared/data/article-extraction/html")]
    html: PathBuf,
    /// Passes over the pages; the median is reported.
    #[arg(long, default_value_t = 7)]
    runs: usize,
}

/// Options of `cargo xtask bench ingest`.
#[derive(Args)]
pub struct IngestArgs {
    /// Timed runs.
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// Megabytes parsed per run.
    #[arg(long, default_value_t = 20)]
    mb: usize,
    /// Only this kind of page (for profiling one pipeline).
    #[arg(long, value_enum)]
    only: Option<crate::bench_ingest::Kind>,
    /// Pages to parse instead of examples/corpus (for example ../shared/seeds).
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// Options of `cargo xtask bench check`.
#[derive(Args)]
pub struct CheckArgs {
    /// Number of synthetic documents.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Timed runs (the median is reported).
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// Check the claims found in the corpus (as `veracity check DIR`
    /// does) instead of the one seed claim: claim extraction over the whole
    /// collection is timed on its own.
    #[arg(long)]
    found: bool,
    /// With --found: the most claims to check (`veracity check --limit`).
    #[arg(long, default_value_t = 10, requires = "found")]
    limit: usize,
    /// With --found: check every claim found (`veracity check --all`).
    #[arg(long, requires = "found", conflicts_with = "limit")]
    all: bool,
}

/// Options of `cargo xtask bench index`.
#[derive(Args)]
pub struct IndexArgs {
    /// Number of synthetic documents.
    #[arg(long, default_value_t = 10_000)]
    docs: usize,
    /// Claims checked (the seed claim and sentences of the corpus).
    #[arg(long, default_value_t = 50)]
    claims: usize,
    /// Skip the in-memory baseline (it holds the whole corpus parsed: about
    /// 10 KB a document).
    #[arg(long)]
    no_baseline: bool,
    /// Build the index in this (new) folder and keep it, for runs of
    /// `veracity check --index` after the bench; else a temporary folder.
    #[arg(long)]
    keep_index: Option<PathBuf>,
    /// Time the given claims only: skip finding and checking the claims
    /// of the collection (a minute at 1,000,000 documents).
    #[arg(long)]
    given_only: bool,
}

/// Options of `cargo xtask bench plugin`.
#[derive(Args)]
pub struct PluginArgs {
    /// Number of timed calls.
    #[arg(long, default_value_t = 2000)]
    iterations: usize,
    /// Build the plugin in release mode.
    #[arg(long)]
    release: bool,
}

/// Options of `cargo xtask bench stance`.
#[derive(Args)]
pub struct StanceArgs {
    /// FNC-1 directory holding train_bodies.csv and train_stances.csv.
    #[arg(long, default_value = "../shared/data/fnc-1")]
    data: PathBuf,
    /// Timed runs (the median is reported).
    #[arg(long, default_value_t = 7)]
    runs: usize,
}

/// Runs `cargo xtask bench <target>`.
pub fn run(target: Target) -> Result<bool> {
    match target {
        Target::Stance(args) => stance(args),
        Target::Evidence(args) => evidence(args),
        Target::Plugin(args) => crate::bench_plugin::run(args.iterations, args.release),
        Target::Check(args) => crate::bench_check::run(&crate::bench_check::Options {
            docs: args.docs,
            runs: args.runs,
            claims: match (args.found, args.all) {
                (false, _) => crate::bench_check::Claims::Seed,
                (true, true) => crate::bench_check::Claims::Found(usize::MAX),
                (true, false) => crate::bench_check::Claims::Found(args.limit),
            },
        }),
        Target::Index(args) => crate::bench_index::run(
            args.docs,
            args.claims,
            !args.no_baseline,
            !args.given_only,
            args.keep_index.as_deref(),
        ),
        Target::Ingest(args) => {
            crate::bench_ingest::ingest(args.runs, args.mb, args.only, args.dir.as_deref())
        }
        Target::ParseAdversarial(args) => crate::bench_adversarial::run(args.runs),
        Target::Html(args) => crate::bench_html::run(&crate::bench_html::BenchArgs {
            html: args.html,
            runs: args.runs,
        }),
    }
}

/// Runs this same xtask command again from a release build (throughput of
/// an unoptimised build means nothing); true when it succeeded.
pub(crate) fn rerun_in_release() -> Result<bool> {
    eprintln!("xtask was built without optimisation; re-running in a release build");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = std::process::Command::new(cargo)
        .args(["run", "--release", "--quiet", "--package", "xtask", "--"])
        .args(std::env::args_os().skip(1))
        .current_dir(crate::workspace_root())
        .status()
        .context("running cargo")?;
    Ok(status.success())
}

fn stance(args: StanceArgs) -> Result<bool> {
    let (bodies, pairs) = crate::train::read_fnc(&args.data)?;
    let model = StanceModel::try_builtin()?;
    let runs = args.runs.max(1);
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    let mut prep = Vec::with_capacity(runs);
    let mut scored = 0;
    // One warm-up run, not counted.
    evaluate(model, &bodies, &pairs, &|_| true);
    for _ in 0..runs {
        let c0 = thread_cpu_ns();
        let r = evaluate(model, &bodies, &pairs, &|_| true);
        let c1 = thread_cpu_ns();
        scored = r.scored;
        wall.push(r.scored as f64 / r.seconds);
        prep.push(r.prepare_seconds / r.seconds);
        if let (Some(a), Some(b)) = (c0, c1) {
            cpu.push(r.scored as f64 / ((b.saturating_sub(a)).max(1) as f64 / 1e9));
        }
    }
    let mut texts: Vec<&str> = pairs.iter().map(|p| p.headline.as_str()).collect();
    texts.sort_unstable();
    texts.dedup();
    let n_bodies = pairs
        .iter()
        .map(|p| p.body_id.as_str())
        .collect::<std::collections::HashSet<_>>()
        .len();
    println!(
        "stance: {scored} FNC-1 pairs; {} distinct headlines and {n_bodies} bodies prepared once per run; \
         {runs} runs on one thread",
        texts.len()
    );
    println!(
        "  wall clock: median {:.0} pairs/s (min {:.0}, max {:.0})",
        median(&mut wall),
        first(&wall),
        last(&wall)
    );
    if !cpu.is_empty() {
        println!(
            "  thread CPU time: median {:.0} pairs/s (min {:.0}, max {:.0})",
            median(&mut cpu),
            first(&cpu),
            last(&cpu)
        );
    }
    println!(
        "  share of time preparing texts: {:.0}%",
        100.0 * median(&mut prep)
    );
    Ok(true)
}

fn evidence(args: EvidenceArgs) -> Result<bool> {
    let text = std::fs::read_to_string(&args.data)
        .with_context(|| format!("cannot read {}", args.data.display()))?;
    let claims = veracity_eval::climate_fever::parse(&text)?;
    let model = veracity_stance::evidence::EvidenceModel::try_builtin()?;
    let inputs: Vec<(&str, Vec<&str>)> = claims
        .iter()
        .map(|c| {
            (
                c.claim.as_str(),
                c.evidences.iter().map(|e| e.evidence.as_str()).collect(),
            )
        })
        .collect();
    let pass = || {
        let mut n = 0usize;
        let mut sink = 0f32;
        for (claim, sentences) in &inputs {
            for s in model.score(claim, sentences) {
                sink += s.supports;
                n += 1;
            }
        }
        (n, sink)
    };
    pass();
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut total = 0;
    for _ in 0..args.runs.max(1) {
        let c0 = thread_cpu_ns();
        let t0 = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..args.passes.max(1) {
            let (k, sink) = pass();
            n += k;
            std::hint::black_box(sink);
        }
        let secs = t0.elapsed().as_secs_f64();
        let c1 = thread_cpu_ns();
        total = n;
        wall.push(n as f64 / secs);
        if let (Some(a), Some(b)) = (c0, c1) {
            cpu.push(n as f64 / ((b.saturating_sub(a)).max(1) as f64 / 1e9));
        }
    }
    println!(
        "evidence: {} claims x 5 sentences, {total} pairs per run (claim prepared once, every sentence prepared and scored), {} runs on one thread",
        claims.len(),
        wall.len()
    );
    println!(
        "  wall clock: median {:.0} pairs/s (min {:.0}, max {:.0})",
        median(&mut wall),
        first(&wall),
        last(&wall)
    );
    if !cpu.is_empty() {
        println!(
            "  thread CPU time: median {:.0} pairs/s (min {:.0}, max {:.0})",
            median(&mut cpu),
            first(&cpu),
            last(&cpu)
        );
    }
    Ok(true)
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn first(v: &[f64]) -> f64 {
    v.first().copied().unwrap_or(0.0)
}

fn last(v: &[f64]) -> f64 {
    v.last().copied().unwrap_or(0.0)
}

/// CPU time of the calling thread in nanoseconds (Linux; None elsewhere), so
/// the figure stays meaningful on a machine shared with other work.
pub(crate) fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}
