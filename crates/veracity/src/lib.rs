//! veracity: evidence-based fact-checking of article collections.
//!
//! This is the crate a downstream program depends on. [`ingest`] reads
//! files and folders of articles (HTML, plain text, JSON) into a [`Corpus`]
//! of parsed documents, in parallel; [`check`] finds the claims in them (or
//! takes yours), gathers evidence for and against each across the
//! collection and rates it, returning the same [`Report`] the `veracity`
//! command prints. The pieces are re-exported for finer control:
//! [`model`], [`parse`], [`verdict`], [`format`](mod@format).
//!
//! ```
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
//! let corpus = veracity::ingest(&[dir], &veracity::IngestOptions::default());
//! let claims = ["The desalination plant supplies forty percent of the city's drinking water.".to_owned()];
//! let report = veracity::check(corpus, &claims, &veracity::CheckOptions::default()).unwrap();
//! for (claim, verdict) in report.claims.iter().zip(&report.verdicts) {
//!     println!("{}: {}", claim.text, verdict.rating.label);
//! }
//! ```
//!
//! A collection split into shards, on one machine or many, is checked in
//! rounds by [`scatter`], whose report equals [`check`]'s on the whole.
//!
//! Nothing here prints or exits; problems with single inputs are kept as
//! [`Diagnostic`]s in the report and the rest still runs.

#![deny(missing_docs)]

pub use veracity_format as format;
pub use veracity_model as model;
pub use veracity_parse as parse;
pub use veracity_verdict as verdict;

pub mod scatter;
mod streamed;

pub use streamed::{
    APPEARANCES_PER_RUN, CLAIMS_PER_RUN, RunningCheck, Sink, next_run, report_head,
};

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use veracity_model::{Diagnostic, Document, Report, ScaleRegistry, Severity};
use veracity_parse::{Input, ParseError, Parsed};
use veracity_verdict::{ClaimOptions, Documents, EngineError, EngineRegistry, Retriever};

/// Parsed documents and the problems met reading them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The documents, in input order; one content read twice is kept once.
    pub documents: Vec<Document>,
    /// Per-input problems (unreadable, malformed, ...): the rest still ran.
    /// An [`Severity::Error`] means an input, or part of one, was not used;
    /// a warning is a note about what was read.
    pub diagnostics: Vec<Diagnostic>,
    /// How many inputs (files and `-`) were found to read.
    pub inputs: usize,
}

impl Corpus {
    /// How many inputs, or records of them, could not be used: the error
    /// diagnostics.
    pub fn unused_inputs(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// A corpus of documents parsed elsewhere.
    pub fn from_documents(documents: Vec<Document>) -> Corpus {
        Corpus {
            documents,
            diagnostics: Vec::new(),
            inputs: 0,
        }
    }
}

/// How [`ingest`] reads its inputs.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Parser options (size limit and the like).
    pub parse: veracity_parse::Options,
    /// Threads that parse; `None` for one per core.
    pub jobs: Option<usize>,
}

/// How [`check`] finds and rates claims.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckOptions {
    /// The verdict engine, by name (`evidence`, `review`, or a plugin's).
    pub engine: String,
    /// The rating scale, by id (`veracity`, `politifact`, ...).
    pub scale: String,
    /// Passages retrieved per claim.
    pub top_k: usize,
    /// At most this many claims found in the documents (given claims are
    /// all checked).
    pub max_claims: usize,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            engine: "evidence".into(),
            scale: "veracity".into(),
            top_k: veracity_verdict::DEFAULT_TOP_K,
            max_claims: ClaimOptions::default().max_claims,
        }
    }
}

/// Why a check could not run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Neither documents nor claims to check.
    #[error("no documents could be read from the inputs, and no claim was given; nothing to check")]
    NothingToCheck,
    /// No engine of that name is registered.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// The scale is unknown.
    #[error("unknown scale `{scale}`; known scales: {known}")]
    UnknownScale {
        /// The id asked for.
        scale: String,
        /// The registered ids, comma-separated.
        known: String,
    },
    /// The stance model embedded in the build does not load: a damaged
    /// build, which must not quietly fall back to a weaker scorer.
    #[error("cannot load the built-in stance model; rebuild veracity: {0}")]
    StanceModel(#[from] veracity_stance::LoadError),
    /// Shards' answers that cannot be used together.
    #[error(transparent)]
    Shard(#[from] scatter::ShardError),
    /// The engine failed on one claim.
    #[error("rating claim {claim}: {source}")]
    Claim {
        /// The claim's id.
        claim: String,
        /// What the engine said.
        source: EngineError,
    },
}

/// Reads every file under `paths` (files or folders) into a [`Corpus`],
/// parsing on [`IngestOptions::jobs`] threads. Unreadable or malformed
/// inputs, missing paths and folders with no file become error
/// diagnostics; the rest is still read.
pub fn ingest(paths: &[PathBuf], options: &IngestOptions) -> Corpus {
    ingest_with_progress(paths, options, &|_, _| {})
}

/// [`ingest`], calling `progress(done, total)` after each input file.
pub fn ingest_with_progress(
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Corpus {
    ingest_counted(paths, options, progress).0
}

/// [`ingest_with_progress`], with how many of the corpus's diagnostics,
/// the first ones, are about finding the inputs rather than parsing them
/// (a sharded check lists those of every shard first, as one run would).
pub fn ingest_counted(
    paths: &[PathBuf],
    options: &IngestOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> (Corpus, usize) {
    let found = veracity_parse::gather_inputs(paths);
    let inputs = found.inputs;
    let mut diagnostics: Vec<Diagnostic> = found.errors.iter().map(error_diagnostic).collect();
    diagnostics.extend(found.notes);
    let finding = diagnostics.len();
    let mut documents = Vec::new();
    let jobs = jobs_or_cores(options.jobs);
    let total = inputs.len();
    let tick = |done| progress(done, total);
    for result in parse_inputs(&inputs, &options.parse, jobs, &tick) {
        match result {
            Ok(mut parsed) => {
                documents.append(&mut parsed.documents);
                diagnostics.append(&mut parsed.warnings);
            }
            Err(e) => diagnostics.push(error_diagnostic(&e)),
        }
    }
    // The same document read twice (same content) is kept once.
    let mut seen = BTreeSet::new();
    documents.retain(|d| seen.insert(d.id.clone()));
    let corpus = Corpus {
        documents,
        diagnostics,
        inputs: total,
    };
    (corpus, finding)
}

/// A parse error as a report diagnostic. The file is named once, in `source`.
pub fn error_diagnostic(e: &ParseError) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        source: e.location().to_owned(),
        message: e.kind().to_string(),
    }
}

/// `jobs`, else one thread per core; at most 256.
pub fn jobs_or_cores(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 256)
}

/// Parses every input on `jobs` threads; results come back in input order.
/// `progress` is called with the number of inputs done after each one.
pub fn parse_inputs(
    inputs: &[Input],
    options: &veracity_parse::Options,
    jobs: usize,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Result<Parsed, ParseError>> {
    in_parallel(inputs, jobs, progress, |input| {
        veracity_parse::parse_input(input, options)
    })
}

/// Parses inputs already in memory, each its bytes and its location (a
/// path, URL or name for messages), on `jobs` threads; results come back in
/// input order. One input's error does not stop the others.
pub fn parse_all(
    inputs: &[(&[u8], &str)],
    options: &veracity_parse::Options,
    jobs: usize,
) -> Vec<Result<Parsed, ParseError>> {
    in_parallel(inputs, jobs, &|_| {}, |(bytes, location)| {
        veracity_parse::parse(bytes, location, options)
    })
}

/// `parse` over `items` on `jobs` threads (in this one for a single
/// worker), each taking the next item, in item order; `progress` is
/// called with the number done after each one.
fn in_parallel<T: Sync>(
    items: &[T],
    jobs: usize,
    progress: &(dyn Fn(usize) + Sync),
    parse: impl Fn(&T) -> Result<Parsed, ParseError> + Sync,
) -> Vec<Result<Parsed, ParseError>> {
    let done = AtomicUsize::new(0);
    let mut items: Vec<&T> = items.iter().collect();
    veracity_verdict::map_taking_turns(&mut items, jobs, |item| {
        let result = parse(item);
        progress(done.fetch_add(1, Ordering::Relaxed) + 1);
        result
    })
}

/// A warning for a document set aside for its language (see
/// [`veracity_verdict::set_aside`]).
fn language_diagnostic(doc: &Document) -> Option<Diagnostic> {
    Some(Diagnostic {
        severity: Severity::Warning,
        source: doc.source.location.clone(),
        message: veracity_verdict::set_aside(doc)?,
    })
}

/// Checks `claims` against the corpus, or, when `claims` is empty, the
/// claims found in it, with the built-in engines and scales.
pub fn check(corpus: Corpus, claims: &[String], options: &CheckOptions) -> Result<Report, Error> {
    check_with(
        corpus,
        claims,
        options,
        &EngineRegistry::builtin(),
        ScaleRegistry::builtin(),
    )
}

/// [`check`] with your own engines (plugins, say) and scales.
pub fn check_with(
    corpus: Corpus,
    claims: &[String],
    options: &CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<Report, Error> {
    let checked = check_documents(&corpus.documents, None, claims, options, engines, scales)?;
    Ok(report(corpus, checked))
}

/// The claims a check found (or was given) and their verdicts.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The claims, in the order checked.
    pub claims: Vec<veracity_model::Claim>,
    /// One verdict per claim.
    pub verdicts: Vec<veracity_model::Verdict>,
    /// How many claims the documents hold.
    pub count: veracity_verdict::ClaimCount,
}

/// Checks `claims` (or the claims found in `documents`) against
/// `documents`, whose passages `retriever` finds: a persistent index
/// (`veracity-index`) built from them, or, with `None`, an in-memory index
/// built now. [`report`] turns the result into the [`Report`].
pub fn check_documents(
    documents: &[Document],
    retriever: Option<&dyn Retriever>,
    claims: &[String],
    options: &CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<Checked, Error> {
    let built;
    let retriever: &dyn Retriever = match retriever {
        Some(r) => r,
        None => {
            built = veracity_verdict::Index::build(documents);
            &built
        }
    };
    let documents = veracity_verdict::InMemory::new(documents);
    check_over(&documents, retriever, claims, options, engines, scales)
}

/// [`check_documents`] over `documents` held or fetched as the check needs
/// them (a persistent index's documents read one by one, so a check of
/// given claims reads the documents its searches touch); [`report_over`]
/// turns the result into the [`Report`].
pub fn check_over(
    documents: &dyn Documents,
    retriever: &dyn Retriever,
    claims: &[String],
    options: &CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<Checked, Error> {
    let mut check = RunningCheck::new(options, engines, scales)?;
    if documents.is_empty() && claims.is_empty() {
        return Err(Error::NothingToCheck);
    }
    let (found, count) = check.find_claims(documents, retriever, claims);
    let (claims, verdicts) = check.rate_all(documents, retriever, found)?;
    Ok(Checked {
        claims,
        verdicts,
        count,
    })
}

/// [`check_over`] for claims found or given before, kept whole (a claim
/// set from `veracity claims --merge`, see [`scatter`]): their appearances
/// are completed from `documents`, their count kept for the report's note,
/// and `options.max_claims` does not apply.
pub fn check_claim_set(
    documents: &dyn Documents,
    retriever: &dyn Retriever,
    set: veracity_model::scatter::ClaimSet,
    options: &CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
) -> Result<Checked, Error> {
    let mut check = RunningCheck::new(options, engines, scales)?;
    if documents.is_empty() && set.claims.is_empty() {
        return Err(Error::NothingToCheck);
    }
    let (claims, verdicts) = check.rate_all(documents, retriever, set.claims)?;
    Ok(Checked {
        claims,
        verdicts,
        count: veracity_verdict::ClaimCount {
            found: usize::try_from(set.found).unwrap_or(usize::MAX),
            more: set.more,
        },
    })
}

/// The engine and the scale `options` name.
fn engine_and_scale<'r>(
    options: &CheckOptions,
    engines: &'r EngineRegistry,
    scales: &'r ScaleRegistry,
) -> Result<
    (
        &'r dyn veracity_verdict::Engine,
        &'r veracity_model::RatingScale,
    ),
    Error,
> {
    let engine = engines.require(&options.engine)?;
    let scale = scales
        .get(&options.scale)
        .ok_or_else(|| Error::UnknownScale {
            scale: options.scale.clone(),
            known: scales
                .scales()
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })?;
    Ok((engine, scale))
}

/// The report of a check of `corpus`: the claims and verdicts, the
/// documents they cite and how many the collection holds, the
/// diagnostics, a note when claims were left out, and a warning for each
/// document set aside for its language.
pub fn report(corpus: Corpus, checked: Checked) -> Report {
    let set_aside = corpus.documents.iter().filter_map(language_diagnostic);
    let mut report = assemble(
        checked,
        corpus.diagnostics,
        corpus.documents.len(),
        set_aside.collect(),
    );
    let cited = report.cited_ids();
    let documents = corpus
        .documents
        .into_iter()
        .filter(|d| cited.contains(&d.id))
        .collect();
    report.documents = documents;
    report
}

/// [`report`] of a check over documents fetched as it needed them
/// ([`check_over`]): the cited documents are read from `documents`;
/// `diagnostics` are the notes on the inputs, `set_aside` the documents
/// set aside for their language, in collection order.
pub fn report_over<'d>(
    documents: &'d dyn Documents,
    diagnostics: Vec<Diagnostic>,
    set_aside: impl Iterator<Item = &'d Document>,
    checked: Checked,
) -> Report {
    let set_aside = set_aside.filter_map(language_diagnostic).collect();
    let mut report = assemble(checked, diagnostics, documents.len(), set_aside);
    let mut places: Vec<usize> = report
        .cited_ids()
        .into_iter()
        .filter_map(|id| documents.place_of(id))
        .collect();
    places.sort_unstable();
    report.documents = places
        .into_iter()
        .map(|p| documents.get(p).clone())
        .collect();
    report
}

/// A report without its documents: the claims, verdicts and diagnostics,
/// and the collection counted.
fn assemble(
    checked: Checked,
    diagnostics: Vec<Diagnostic>,
    collection: usize,
    set_aside: Vec<Diagnostic>,
) -> Report {
    let shown = checked.claims.len();
    let mut report = head(shown, checked.count, diagnostics, collection, set_aside);
    report.claims = checked.claims;
    for claim in &mut report.claims {
        claim.list_appearances();
    }
    report.verdicts = checked.verdicts;
    report
}

/// A report without its documents, claims and verdicts: the collection
/// counted, the notes on the inputs, a note when fewer than the `count`
/// claims found were `shown`, and the warnings on documents set aside.
fn head(
    shown: usize,
    count: veracity_verdict::ClaimCount,
    diagnostics: Vec<Diagnostic>,
    collection: usize,
    set_aside: Vec<Diagnostic>,
) -> Report {
    let mut report = Report::new("veracity", env!("CARGO_PKG_VERSION"));
    report.diagnostics = diagnostics;
    if let Some(note) = claims_left_out(shown, count) {
        report.diagnostics.push(note);
    }
    report.collection = veracity_model::CollectionCounts {
        documents: collection,
        set_aside: set_aside.len(),
    };
    report.diagnostics.extend(set_aside);
    report
}

/// A note when the documents hold more claims than were checked, so a
/// reader of the report knows the list is not all there is.
fn claims_left_out(shown: usize, count: veracity_verdict::ClaimCount) -> Option<Diagnostic> {
    if count.found <= shown && !count.more {
        return None;
    }
    let checked = if shown == 1 {
        "checked the claim most worth checking".to_owned()
    } else {
        format!("checked the {shown} claims most worth checking")
    };
    // Past a thousand claims (or four times the limit) the search stops
    // counting, so the total is a lower bound; say so rather than print a
    // round number as a count.
    let found = if count.more {
        format!("more than {} found (counting stops there)", count.found)
    } else {
        format!("{} found", count.found)
    };
    Some(Diagnostic {
        severity: Severity::Warning,
        source: "claims".to_owned(),
        message: format!(
            "{checked} of {found}; to check more, --limit N, or --all for every claim"
        ),
    })
}
