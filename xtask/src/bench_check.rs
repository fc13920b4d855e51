//! `cargo xtask bench check --docs N [--runs R] [--found [--limit N | --all]]`:
//! times checking one claim (or, with `--found`, the claims found in the
//! collection, as `veracity check DIR` does) against a synthetic corpus of
//! N documents (see `gen-corpus`). Each stage is timed apart: ingest (text
//! → documents, by `veracity-parse` on one thread), indexing, claims with
//! their appearances, verdicts; it reports medians, the process's CPU time
//! and the peak resident memory (VmHWM from /proc/self/status).

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

/// Which claims `bench check` checks.
#[derive(Debug, Clone, Copy)]
pub enum Claims {
    /// The corpus's seed claim, given (no extraction).
    Seed,
    /// The claims found in the corpus, at most this many.
    Found(usize),
}

/// What `bench check` runs.
pub struct Options {
    pub docs: usize,
    pub runs: usize,
    pub claims: Claims,
}

/// CPU time of the whole process (every thread) so far, from
/// /proc/self/stat (utime + stime, in clock ticks of 1/100 s).
fn process_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; the fields after it are plain.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The stages a run times, in order.
const STAGES: [&str; 4] = [
    "ingest (text -> documents)",
    "index the collection",
    "claims and appearances",
    "verdicts",
];

/// One timed run's stages: wall clock and CPU time of every thread.
struct Run {
    wall: [Duration; 4],
    cpu: [Duration; 4],
}

/// The time since `before`, on the wall clock and the process's CPU.
struct Clock {
    wall: Instant,
    cpu: Duration,
}

impl Clock {
    fn now() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu: process_cpu().unwrap_or_default(),
        }
    }
    fn since(&self, before: &Clock) -> (Duration, Duration) {
        (self.wall - before.wall, self.cpu.saturating_sub(before.cpu))
    }
}

pub fn run(options: &Options) -> Result<bool> {
    let (docs, runs) = (options.docs, options.runs.max(1));
    eprintln!("generating {docs} documents...");
    let texts = corpus::generate(docs);
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let scorer = stance_scorer()?;
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence")?;
    let scale = ScaleRegistry::builtin()
        .get("veracity")
        .expect("built-in scale");
    let mut timed: Vec<Run> = Vec::new();
    let mut passages = 0;
    let mut summary = String::new();
    for _ in 0..runs {
        let t0 = Clock::now();
        let documents = ingest(&texts)?;
        let t1 = Clock::now();
        let checker = Checker::new(&documents, scorer);
        let t2 = Clock::now();
        let (claims, count) = match options.claims {
            Claims::Seed => {
                checker.claims_counted(&[corpus::SEED_CLAIM.to_owned()], ClaimOptions::default())
            }
            Claims::Found(max_claims) => checker.claims_counted(
                &[],
                ClaimOptions {
                    max_claims,
                    sentences: true,
                },
            ),
        };
        let t3 = Clock::now();
        let mut verdicts = Vec::with_capacity(claims.len());
        for claim in &claims {
            verdicts.push(checker.verdict(claim, engine, scale, 20)?);
        }
        let t4 = Clock::now();
        passages = checker.retriever().len();
        summary = match (options.claims, verdicts.first()) {
            (Claims::Seed, Some(v)) => format!(
                "verdict {} ({}), {} evidence, {} appearances",
                v.rating.label,
                v.rating.class,
                v.evidence.len(),
                claims[0].appearances.len()
            ),
            _ => format!(
                "{} claims checked of {}{} found, {} appearances",
                claims.len(),
                if count.more { "more than " } else { "" },
                count.found,
                claims.iter().map(|c| c.appearances.len()).sum::<usize>()
            ),
        };
        let stages = [t1.since(&t0), t2.since(&t1), t3.since(&t2), t4.since(&t3)];
        timed.push(Run {
            wall: stages.map(|s| s.0),
            cpu: stages.map(|s| s.1),
        });
        drop(checker);
        drop(documents);
    }
    let what = match options.claims {
        Claims::Seed => "the seed claim".to_owned(),
        Claims::Found(usize::MAX) => "every claim found".to_owned(),
        Claims::Found(n) => format!("the claims found (at most {n})"),
    };
    println!(
        "bench check: {docs} documents ({:.1} MB, {passages} passages), {what}, {runs} run{}, scorer {}",
        bytes as f64 / 1e6,
        if runs == 1 { "" } else { "s" },
        scorer.name()
    );
    let med = |v: Vec<Duration>| median(v).as_secs_f64();
    println!("  medians: wall clock, CPU time of every thread (from /proc/self/stat)");
    for (i, name) in STAGES.iter().enumerate() {
        println!(
            "    {name:<28} {:>9.3} s {:>9.2} s CPU",
            med(timed.iter().map(|r| r.wall[i]).collect()),
            med(timed.iter().map(|r| r.cpu[i]).collect())
        );
    }
    println!(
        "    {:<28} {:>9.3} s {:>9.2} s CPU",
        "total",
        med(timed.iter().map(|r| r.wall.iter().sum()).collect()),
        med(timed.iter().map(|r| r.cpu.iter().sum()).collect())
    );
    println!("  peak memory (VmHWM): {}", vm_hwm());
    println!("  {summary}");
    Ok(true)
}
