//! `cargo xtask bench index --docs N [--claims C] [--no-baseline]`: the
//! persistent evidence index (`veracity-index`) against today's in-memory
//! check, on a synthetic corpus of N documents (see `gen-corpus`), in one
//! run of a release build:
//!
//! - the index: a streamed build (documents generated, parsed on one
//!   thread and added in runs of 10,000, each run dropped once added), with
//!   its time, CPU time and size on disk; open (no document read) and the
//!   BM25 search per claim; the check of each claim (appearances,
//!   retrieval, stance, verdict) reading documents as it meets them, as
//!   `veracity check --index` does; then the claims of the collection
//!   found (every document read once, none kept) and checked;
//! - in memory (the baseline, unless `--no-baseline`): the whole corpus
//!   parsed, indexed in memory and checked claim by claim.
//!
//! `--keep-index DIR` builds the index in DIR and leaves it there (and
//! reuses it when given again); `--given-only` skips the claims found.
//!
//! Per claim: the median and 95th percentile of the whole check and of the
//! BM25 search alone (the top 80 passages, as a check asks for). Peak
//! memory per phase: VmHWM, reset between phases through
//! /proc/self/clear_refs (memory the allocator keeps from an earlier phase
//! still counts, so the baseline runs last).

use crate::bench_check::stance_scorer;
use crate::corpus;
use anyhow::{Context, Result};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use veracity_index::{EvidenceIndex, IndexWriter};
use veracity_model::{Document, ScaleRegistry};
use veracity_verdict::{Checker, ClaimOptions, EngineRegistry, Retriever, StanceScorer};

/// Passages a check asks the retriever for (4 × the default top-k of 20).
const SEARCH_K: usize = 80;
/// Documents generated, parsed and added at a time in the streamed build.
const RUN: usize = 10_000;

/// The highest anonymous resident memory (RssAnon: the heap, without the
/// index's file pages the kernel maps in and can drop) seen since the last
/// reset, in kB, sampled every 10 ms by [`sample_anonymous`].
static ANON_PEAK_KB: AtomicU64 = AtomicU64::new(0);

/// Samples RssAnon into [`ANON_PEAK_KB`] for the rest of the process.
fn sample_anonymous() {
    std::thread::spawn(|| {
        loop {
            let kb = (status_mb("RssAnon") * 1024.0) as u64;
            ANON_PEAK_KB.fetch_max(kb, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(10));
        }
    });
}

/// Resets the peak resident memory (Linux: `5` to /proc/self/clear_refs)
/// and the anonymous peak.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    ANON_PEAK_KB.store((status_mb("RssAnon") * 1024.0) as u64, Ordering::Relaxed);
}

/// The peak anonymous memory since the last reset, in MB.
fn anon_peak_mb() -> f64 {
    ANON_PEAK_KB.load(Ordering::Relaxed) as f64 / 1024.0
}

/// A field of /proc/self/status in MB (`VmHWM`, `VmRSS`).
fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with(field))?;
            line[field.len() + 1..]
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// The peak resident memory since the last reset, in MB.
fn peak_mb() -> f64 {
    status_mb("VmHWM")
}

/// The CPU time of the whole process (every thread) so far, in seconds.
fn process_cpu_s() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name (which may hold spaces).
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
            Some(ticks / 100.0)
        })
        .unwrap_or(f64::NAN)
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

/// The corpus, generated a run of documents at a time.
struct Corpus {
    rng: corpus::Rng,
    next: usize,
    total: usize,
}

impl Corpus {
    fn new(total: usize) -> Corpus {
        Corpus {
            rng: corpus::Rng::new(corpus::SEED),
            next: 0,
            total,
        }
    }

    /// The next run of at most `n` documents (empty at the end).
    fn run(&mut self, n: usize) -> Vec<(String, String)> {
        let end = (self.next + n).min(self.total);
        let out = (self.next..end)
            .map(|i| corpus::document(&mut self.rng, i))
            .collect();
        self.next = end;
        out
    }
}

/// The claims to check: the seed claim and the first sentence of the
/// fourth paragraph of `n - 1` documents spread over the corpus.
struct ClaimPicker {
    step: usize,
    claims: Vec<String>,
    wanted: usize,
}

impl ClaimPicker {
    fn new(docs: usize, n: usize) -> ClaimPicker {
        ClaimPicker {
            step: (docs / n.max(1)).max(1),
            claims: vec![corpus::SEED_CLAIM.to_owned()],
            wanted: n,
        }
    }

    /// Looks at document `i`.
    fn see(&mut self, i: usize, text: &str) {
        if !i.is_multiple_of(self.step) || self.claims.len() >= self.wanted {
            return;
        }
        if let Some(sentence) = text
            .split("\n\n")
            .nth(3)
            .and_then(|p| p.split_inclusive(". ").next())
        {
            self.claims.push(sentence.trim().to_owned());
        }
    }
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

/// The BM25 search of each claim alone.
fn per_search(retriever: &dyn Retriever, claims: &[String]) -> Vec<Duration> {
    claims
        .iter()
        .map(|text| {
            let t = Instant::now();
            std::hint::black_box(retriever.search(text, SEARCH_K));
            t.elapsed()
        })
        .collect()
}

/// The whole check of each claim.
fn per_check(checker: &Checker, claims: &[String]) -> Result<Vec<Duration>> {
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence")?;
    let scale = ScaleRegistry::builtin()
        .get("veracity")
        .context("built-in scale")?;
    let mut out = Vec::new();
    for text in claims {
        let t = Instant::now();
        let found = checker.claims(std::slice::from_ref(text), ClaimOptions::default());
        for c in &found {
            checker.verdict(c, engine, scale, 20)?;
        }
        out.push(t.elapsed());
    }
    Ok(out)
}

/// The claims `checker` finds in its documents (the default limit, as
/// `veracity check` gives), each checked: how many, and the count.
fn per_check_found(checker: &Checker) -> Result<(usize, veracity_verdict::ClaimCount)> {
    let engines = EngineRegistry::builtin();
    let engine = engines.require("evidence")?;
    let scale = ScaleRegistry::builtin()
        .get("veracity")
        .context("built-in scale")?;
    let (found, count) = checker.claims_counted(&[], ClaimOptions::default());
    for c in &found {
        checker.verdict(c, engine, scale, 20)?;
    }
    Ok((found.len(), count))
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

/// What the build measured.
struct Build {
    seconds: f64,
    cpu: f64,
    parse_seconds: f64,
    peak: f64,
    anon_peak: f64,
    size_mb: f64,
    mb: f64,
    claims: Vec<String>,
}

/// Builds the index in `path`, streaming the corpus.
fn build(path: &std::path::Path, docs: usize, n_claims: usize) -> Result<Build> {
    reset_peak();
    let (t, cpu) = (Instant::now(), process_cpu_s());
    let mut corpus = Corpus::new(docs);
    let mut picker = ClaimPicker::new(docs, n_claims);
    let mut writer = IndexWriter::create(path)?;
    let (mut parse_seconds, mut bytes, mut i) = (0.0, 0usize, 0usize);
    loop {
        let texts = corpus.run(RUN);
        if texts.is_empty() {
            break;
        }
        for (_, text) in &texts {
            picker.see(i, text);
            bytes += text.len();
            i += 1;
        }
        let p = Instant::now();
        let documents = ingest(&texts)?;
        parse_seconds += p.elapsed().as_secs_f64();
        drop(texts);
        for d in &documents {
            writer.add(d)?;
        }
        if i.is_multiple_of(100_000) {
            eprintln!("  {i} documents ({:.0} s)", t.elapsed().as_secs_f64());
        }
    }
    writer.commit()?;
    Ok(Build {
        seconds: t.elapsed().as_secs_f64(),
        cpu: process_cpu_s() - cpu,
        parse_seconds,
        peak: peak_mb(),
        anon_peak: anon_peak_mb(),
        size_mb: dir_size(path) as f64 / 1e6,
        mb: bytes as f64 / 1e6,
        claims: picker.claims,
    })
}

/// An index built before (`--keep-index` given again): no build figures,
/// the claims picked from the corpus generated anew.
fn reuse(path: &std::path::Path, docs: usize, n_claims: usize) -> Build {
    let mut corpus = Corpus::new(docs);
    let mut picker = ClaimPicker::new(docs, n_claims);
    let (mut i, mut bytes) = (0, 0);
    loop {
        let texts = corpus.run(RUN);
        if texts.is_empty() {
            break;
        }
        for (_, text) in &texts {
            picker.see(i, text);
            bytes += text.len();
            i += 1;
        }
    }
    Build {
        seconds: f64::NAN,
        cpu: f64::NAN,
        parse_seconds: f64::NAN,
        peak: f64::NAN,
        anon_peak: f64::NAN,
        size_mb: dir_size(path) as f64 / 1e6,
        mb: bytes as f64 / 1e6,
        claims: picker.claims,
    }
}

pub fn run(
    docs: usize,
    n_claims: usize,
    baseline: bool,
    found: bool,
    keep: Option<&std::path::Path>,
) -> Result<bool> {
    if cfg!(debug_assertions) {
        return crate::bench::rerun_in_release();
    }
    let scorer = stance_scorer()?;
    sample_anonymous();
    let dir = tempfile::tempdir()?;
    let path = keep.map_or_else(|| dir.path().join("index"), std::path::Path::to_owned);

    let b = if keep.is_some_and(|p| p.join("meta.json").is_file()) {
        eprintln!("reusing the index in {}...", path.display());
        // An index of an earlier build may lack the block bounds: an empty
        // append's commit writes them.
        let t = Instant::now();
        IndexWriter::append(&path)?.commit()?;
        eprintln!(
            "  commit (block bounds written where missing): {:.1} s",
            t.elapsed().as_secs_f64()
        );
        reuse(&path, docs, n_claims)
    } else {
        eprintln!("building the index of {docs} documents (streamed)...");
        build(&path, docs, n_claims)?
    };
    let claims = &b.claims;

    eprintln!("searching the index...");
    reset_peak();
    let t = Instant::now();
    let index = EvidenceIndex::open(&path)?;
    let open_s = t.elapsed().as_secs_f64();
    let stats = index.stats()?;
    // The collection is needed only for passage spans; searches alone do
    // not read it, so an empty one serves.
    let nothing = veracity_index::Collection::default();
    let i_search = per_search(&index.retriever(&nothing), claims);
    let search_peak = (anon_peak_mb(), peak_mb());

    eprintln!("checking against the index...");
    reset_peak();
    // As `veracity check --index` does: documents read as the check meets
    // them.
    let stored = index.stored_documents()?;
    let retriever = index.retriever(&stored);
    let checker = Checker::over(Box::new(&stored), Box::new(&retriever), scorer);
    let i_check = per_check(&checker, claims)?;
    let check_peak = (anon_peak_mb(), peak_mb());
    let read = stored.read();
    drop(checker);
    drop(stored);

    let found = if found {
        eprintln!("finding and checking the claims of the collection...");
        reset_peak();
        let t = Instant::now();
        let stored = index.stored_documents()?;
        let retriever = index.retriever(&stored);
        let checker = Checker::over(Box::new(&stored), Box::new(&retriever), scorer);
        let found = per_check_found(&checker)?;
        Some((
            found,
            t.elapsed().as_secs_f64(),
            (anon_peak_mb(), peak_mb()),
        ))
    } else {
        None
    };
    drop(index);

    let memory = if baseline {
        eprintln!("in memory...");
        reset_peak();
        let texts = Corpus::new(docs).run(docs);
        let t = Instant::now();
        let documents = ingest(&texts)?;
        let ingest_s = t.elapsed().as_secs_f64();
        drop(texts);
        let t = Instant::now();
        let checker = Checker::new(&documents, scorer);
        let index_s = t.elapsed().as_secs_f64();
        let search = per_search(checker.retriever(), claims);
        let check = per_check(&checker, claims)?;
        Some((
            ingest_s,
            index_s,
            search,
            check,
            (anon_peak_mb(), peak_mb()),
        ))
    } else {
        None
    };

    println!(
        "bench index: {docs} documents ({:.1} MB, {} passages), {} claims, scorer {}",
        b.mb,
        stats.passages,
        claims.len(),
        scorer.name()
    );
    println!("| | in memory (today) | persistent index |");
    println!("| --- | --- | --- |");
    type Baseline = (f64, f64, Vec<Duration>, Vec<Duration>, (f64, f64));
    let m = |f: &dyn Fn(&Baseline) -> String| memory.as_ref().map_or("not run".to_owned(), f);
    println!(
        "| parse + index | {} | build {:.1} s once: {:.0} documents/s, {:.0} per CPU-second (parse {:.1} s on one thread), {:.0} MB on disk |",
        m(&|x| format!("{:.2} s + {:.2} s, every check", x.0, x.1)),
        b.seconds,
        docs as f64 / b.seconds,
        docs as f64 / b.cpu,
        b.parse_seconds,
        b.size_mb
    );
    println!(
        "| open | - | {open_s:.3} s (no document read); the claims' checks read {read} of {docs} documents |"
    );
    let (is, is95) = quantiles(i_search);
    let (ic, ic95) = quantiles(i_check);
    println!(
        "| check one claim, median / p95 | {} | {ic:.1} / {ic95:.1} ms |",
        m(&|x| {
            let (a, b) = quantiles(x.3.clone());
            format!("{a:.1} / {b:.1} ms")
        })
    );
    println!(
        "| BM25 top {SEARCH_K}, median / p95 | {} | {is:.1} / {is95:.1} ms |",
        m(&|x| {
            let (a, b) = quantiles(x.2.clone());
            format!("{a:.1} / {b:.1} ms")
        })
    );
    println!(
        "| peak memory, heap (RssAnon) / with mapped index pages (VmHWM) | {} | build {:.0} / {:.0} MB; open + search {:.0} / {:.0} MB; check {:.0} / {:.0} MB |",
        m(&|x| format!("{:.0} / {:.0} MB (parse, index, check)", x.4.0, x.4.1)),
        b.anon_peak,
        b.peak,
        search_peak.0,
        search_peak.1,
        check_peak.0,
        check_peak.1
    );
    if let Some(((checked, count), seconds, peak)) = found {
        println!(
            "| claims found: {checked} of {} found{} checked | - | {seconds:.1} s wall, heap {:.0} MB / {:.0} MB with mapped pages |",
            count.found,
            if count.more { " or more" } else { "" },
            peak.0,
            peak.1
        );
    }
    Ok(true)
}
