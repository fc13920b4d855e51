//! `check --index` written as it is made, for the report formats that can
//! be (`json`, `jsonl`): the claims are rated a run at a time, each run
//! over a window of its own onto the index's documents, and each verdict
//! is written (or spilled) as it comes. A check of every claim of a large
//! index holds one run's documents and the claims, never the documents
//! of the whole check nor its report; the `json` report also marks the
//! places of the documents it cites (a bit each), which it lists first.

use crate::output;
use anyhow::{Result, bail};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Instant;
use veracity_format::{FormatOptions, JsonReportWriter, JsonlFormat};
use veracity_model::{DocumentId, ScaleRegistry, Verdict};
use veracity_verdict::{Documents, EngineRegistry};

/// From this many claims to rate, progress is shown even off a terminal.
const LOUD_CLAIMS: usize = 1_000;

/// Documents of the `json` report read into one window at a time.
const DOCUMENTS_PER_WINDOW: usize = 4_096;

/// The places of the documents a report cites, a bit each: a check of
/// every claim of a crawl cites most of its documents, and their ids
/// would take sixty times the memory.
struct Cited {
    bits: Vec<u64>,
    places: usize,
}

impl Cited {
    fn new(places: usize) -> Cited {
        Cited {
            bits: vec![0; places.div_ceil(64)],
            places,
        }
    }

    /// Marks `place` cited; a document not found (`None`) is not listed.
    fn mark(&mut self, place: Option<usize>) {
        if let Some(p) = place.filter(|&p| p < self.places) {
            self.bits[p / 64] |= 1 << (p % 64);
        }
    }

    /// The places marked, in collection order.
    fn places(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits
            .iter()
            .enumerate()
            .flat_map(|(i, &word)| veracity_text::bits::ones(word).map(move |b| i * 64 + b))
    }
}

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
        let mut claims = claims.take().unwrap_or_default();
        let (mut rated, mut said) = (0, Instant::now());
        loop {
            let run = veracity::next_run(&mut claims);
            if run.is_empty() {
                break;
            }
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
                let mut cited = Cited::new(documents.len());
                rate_runs(&mut |claim, mut verdict, docs| {
                    on_scale(&mut verdict);
                    let mut cite = |id: &DocumentId| cited.mark(docs.place_of(id));
                    claim.appearances.iter().for_each(|a| cite(&a.document));
                    for e in &verdict.evidence {
                        cite(&e.document);
                        e.independent_of.iter().for_each(&mut cite);
                    }
                    verdict.reviews.iter().for_each(|r| cite(&r.document));
                    report.add(&claim, &verdict)?;
                    Ok(())
                })?;
                // In collection order, as `veracity::report_over` lists them.
                let places: Vec<usize> = cited.places().collect();
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

#[cfg(test)]
mod tests {
    use super::Cited;

    #[test]
    fn cited_places_come_back_once_each_in_collection_order() {
        let mut cited = Cited::new(200);
        for place in [130, 3, 64, 63, 3, 199, 0, 130] {
            cited.mark(Some(place));
        }
        // Not found, or past the collection: not listed.
        cited.mark(None);
        cited.mark(Some(200));
        cited.mark(Some(10_000));
        assert_eq!(
            cited.places().collect::<Vec<_>>(),
            vec![0, 3, 63, 64, 130, 199]
        );
        assert_eq!(Cited::new(0).places().count(), 0);
    }
}
