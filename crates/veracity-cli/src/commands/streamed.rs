//! `check --index` written as it is made, for the report formats that can
//! be (`json`, `jsonl`): the claims are rated a run at a time, each run
//! over a window of its own onto the index's documents, and each verdict
//! is written (or spilled) as it comes. A check of every claim of a large
//! index holds one run's documents and the claims, never the documents
//! of the whole check nor its report; the `json` report also keeps the
//! ids of the documents it cites, which it lists first.

use crate::output;
use anyhow::{Result, bail};
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;
use veracity_format::{FormatOptions, JsonReportWriter, JsonlFormat};
use veracity_model::{Claim, DocumentId, ScaleRegistry, Verdict};
use veracity_verdict::{Documents, EngineRegistry};

/// From this many claims to rate, progress is shown even off a terminal.
const LOUD_CLAIMS: usize = 1_000;

/// Documents of the `json` report read into one window at a time.
const DOCUMENTS_PER_WINDOW: usize = 4_096;

/// Whether `check --index` writes `format` as it goes.
pub fn streams(format: &str) -> bool {
    matches!(format, "json" | "jsonl")
}

/// What a streamed check needs besides the index.
pub struct Streaming<'a> {
    pub format: &'a str,
    pub format_options: &'a FormatOptions,
    /// `-o`; stdout when `None` or `-`.
    pub output: Option<&'a Path>,
}

/// Checks `given` (or every claim found, up to `options.max_claims`)
/// against the index in `path`, writing the report as `streaming` says.
/// The check's own notes (claims left out, documents set aside) are
/// printed; the index's parser notes are only in the report.
pub fn check_index(
    path: &Path,
    given: &[String],
    options: &veracity::CheckOptions,
    engines: &EngineRegistry,
    scales: &ScaleRegistry,
    streaming: &Streaming,
) -> Result<()> {
    let index = veracity_index::EvidenceIndex::open(path)?;
    let documents = index.stored_documents()?;
    let mut check = veracity::RunningCheck::new(options, engines, scales)?;
    if documents.is_empty() && given.is_empty() {
        return Err(veracity::Error::NothingToCheck.into());
    }
    let started = Instant::now();
    let (claims, count) = {
        let window = documents.window();
        let retriever = index.retriever(&window);
        check.find_claims(&window, &retriever, given)
    };
    let total = claims.len();
    // A long check says how far it has got, on a terminal or when it has
    // thousands of claims to rate.
    let loud = total >= LOUD_CLAIMS || std::io::stderr().is_terminal();
    if loud {
        eprintln!(
            "veracity: {total} claim(s) to rate, found in {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    let notes = documents.notes().to_vec();
    let noted = notes.len();
    let head = veracity::report_head(
        documents.len(),
        claims.len(),
        count,
        notes,
        documents.set_aside(),
    );
    for d in head.diagnostics.iter().skip(noted) {
        super::batch::print_diagnostic(d);
    }
    // Each run of claims reads its documents into a window of its own,
    // let go with the run.
    let mut claims = Some(claims);
    let mut rate_runs = |sink: &mut veracity::Sink<'_, anyhow::Error>| {
        let mut claims = claims.take().unwrap_or_default().peekable();
        let (mut rated, mut said) = (0, Instant::now());
        while claims.peek().is_some() {
            let run: Vec<Claim> = claims.by_ref().take(veracity::CLAIMS_PER_RUN).collect();
            rated += run.len();
            let window = documents.window();
            let retriever = index.retriever(&window);
            check.rate(&window, &retriever, run, sink)?;
            if loud && said.elapsed() >= super::PROGRESS_EVERY {
                eprintln!(
                    "veracity: rated {rated} of {total} claim(s) ({:.0} s)",
                    started.elapsed().as_secs_f64()
                );
                said = Instant::now();
            }
        }
        // A document that could not be read was checked as empty: no report.
        if let Some(e) = documents.failure() {
            return Err(e.into());
        }
        Ok(())
    };
    let on_scale = |verdict: &mut Verdict| streaming.format_options.verdict_on_scale(verdict);
    let mut write = |out: &mut dyn Write| -> Result<()> {
        match streaming.format {
            "jsonl" => rate_runs(&mut |claim, mut verdict, docs| {
                on_scale(&mut verdict);
                let document = |id: &str| {
                    let place = docs.place_of(&DocumentId(id.to_owned()))?;
                    Some(docs.get(place))
                };
                JsonlFormat.write_line(out, Some(&claim), &verdict, &document)?;
                Ok(())
            }),
            "json" => {
                let mut report = JsonReportWriter::new()?;
                let mut cited: HashSet<DocumentId> = HashSet::new();
                rate_runs(&mut |claim, mut verdict, _| {
                    on_scale(&mut verdict);
                    cited.extend(claim.appearances.iter().map(|a| a.document.clone()));
                    for e in &verdict.evidence {
                        cited.insert(e.document.clone());
                        cited.extend(e.independent_of.iter().cloned());
                    }
                    cited.extend(verdict.reviews.iter().map(|r| r.document.clone()));
                    report.add(&claim, &verdict)?;
                    Ok(())
                })?;
                // In collection order, as `veracity::report_over` lists them.
                let mut places: Vec<usize> = cited
                    .iter()
                    .filter_map(|id| documents.place_of(id))
                    .collect();
                drop(cited);
                places.sort_unstable();
                let mut listed = report.write_head(&head, out)?;
                for run in places.chunks(DOCUMENTS_PER_WINDOW) {
                    let window = documents.window();
                    for &place in run {
                        listed.document(window.get(place))?;
                    }
                }
                listed.finish()?;
                if let Some(e) = documents.failure() {
                    return Err(e.into());
                }
                Ok(())
            }
            other => bail!("the {other} format is not written as the check goes"),
        }
    };
    match streaming.output {
        Some(path) if path.as_os_str() != "-" => output::write_atomically_with(path, &mut write),
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
            Ok(())
        }
    }
}
