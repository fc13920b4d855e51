//! `veracity index INPUTS... -o INDEX [--append]` and `veracity index
//! --stats INDEX`: build, extend and describe a persistent evidence index.

use crate::Outcome;
use crate::cli::BatchArgs;
use anyhow::{Result, bail};
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;
use veracity_index::{EvidenceIndex, IndexWriter};
use veracity_model::{Diagnostic, Document, DocumentId, Severity};

/// The parsed arguments of `veracity index`.
pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub output: Option<&'a Path>,
    pub append: bool,
    pub stats: Option<&'a Path>,
    pub batch: &'a BatchArgs,
}

/// Input files parsed (on every core) and added at a time: a build holds
/// the documents of one run in memory, whatever the size of the corpus.
const RUN_FILES: usize = 2_000;

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(path) = args.stats {
        return stats(path);
    }
    let Some(output) = args.output else {
        bail!("give the index folder with -o INDEX");
    };
    // A folder that cannot take a new index fails before the inputs are read.
    if !args.append {
        IndexWriter::check_new(output)?;
    } else {
        EvidenceIndex::check(output)?;
    }
    let existed = output.exists();
    let started = Instant::now();
    let mut writer = if args.append {
        IndexWriter::append(output)?
    } else {
        IndexWriter::create(output)?
    };
    match build(&mut writer, args.inputs, args.batch, output, started) {
        Ok(unused) => {
            let summary = writer.commit()?;
            eprintln!(
                "veracity: {} {} documents ({} passages) into {} in {:.1} s{}",
                if args.append { "added" } else { "indexed" },
                summary.documents,
                summary.passages,
                output.display(),
                started.elapsed().as_secs_f64(),
                match summary.replaced_files {
                    0 => String::new(),
                    n => format!("; {n} file(s) indexed before were replaced"),
                }
            );
            super::batch::finish(unused)
        }
        Err(e) => {
            // Nothing was committed: an index appended to reads as before,
            // and a new one is taken away again, so the folder can be used.
            drop(writer);
            if !args.append {
                remove_new_index(output, existed);
            }
            Err(e)
        }
    }
}

/// Reads the inputs a run of files at a time, adding their documents (one
/// content read twice is added once) and the parser's notes; the notes are
/// printed as they come. Returns the number of unusable inputs, or the
/// error that stops the build before its commit (an unusable input
/// without `--keep-going`, or no document at all).
fn build(
    writer: &mut IndexWriter,
    inputs: &[PathBuf],
    batch: &BatchArgs,
    output: &Path,
    started: Instant,
) -> Result<usize> {
    let found = veracity_parse::gather_inputs(inputs);
    let options = veracity_parse::Options {
        max_size: batch.max_size,
    };
    let jobs = veracity::jobs_or_cores(batch.jobs);
    let mut unused = 0;
    let mut note = |writer: &mut IndexWriter, d: Diagnostic| -> Result<()> {
        super::batch::print_diagnostic(&d);
        unused += usize::from(d.severity == Severity::Error);
        Ok(writer.add_diagnostic(&d)?)
    };
    for e in &found.errors {
        note(writer, veracity::error_diagnostic(e))?;
    }
    for d in found.notes {
        note(writer, d)?;
    }
    let total = found.inputs.len();
    eprintln!(
        "veracity: indexing {total} input file(s) into {}...",
        output.display()
    );
    let loud = total >= RUN_FILES || std::io::stderr().is_terminal();
    let mut seen: HashSet<DocumentId> = HashSet::new();
    let (mut documents, mut done) = (0usize, 0usize);
    let mut said = std::time::Instant::now();
    for run in found.inputs.chunks(RUN_FILES) {
        // The first document of each id, added after the run's notes.
        let mut chosen: Vec<Document> = Vec::new();
        for parsed in veracity::parse_inputs(run, &options, jobs, &|_| {}) {
            match parsed {
                Ok(parsed) => {
                    for w in parsed.warnings {
                        note(writer, w)?;
                    }
                    let first = parsed.documents.into_iter();
                    chosen.extend(first.filter(|d| seen.insert(d.id.clone())));
                }
                Err(e) => note(writer, veracity::error_diagnostic(&e))?,
            }
        }
        // Made ready on every core, added in order by one thread.
        writer.add_all(&chosen, jobs)?;
        documents += chosen.len();
        done += run.len();
        if loud && (said.elapsed() >= super::PROGRESS_EVERY || done == total) {
            said = std::time::Instant::now();
            eprintln!(
                "veracity: read {done} of {total} input file(s), {documents} documents ({:.0} s)",
                started.elapsed().as_secs_f64()
            );
        }
    }
    if documents == 0 {
        bail!(
            "no document could be read from {total} input file(s){}; nothing to work on",
            if unused == 0 {
                String::new()
            } else {
                format!(" ({unused} problem(s) above)")
            }
        );
    }
    if unused > 0 && !batch.keep_going {
        bail!(
            "{unused} input problem(s) (see above); nothing written. Fix or remove those \
             inputs, or pass --keep-going to use the rest (the exit status is still 2)"
        );
    }
    if loud {
        eprintln!("veracity: committing the index...");
    }
    Ok(unused)
}

/// Takes away an index this run created and did not commit: the folder
/// itself when it was made here, else what was put in it (it was empty).
fn remove_new_index(output: &Path, existed: bool) {
    if !existed {
        let _ = std::fs::remove_dir_all(output);
        return;
    }
    if let Ok(entries) = std::fs::read_dir(output) {
        for e in entries.flatten() {
            let p = e.path();
            let _ = if p.is_dir() {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
        }
    }
}

/// Prints what the index in `path` holds.
fn stats(path: &Path) -> Result<Outcome> {
    let index = EvidenceIndex::open(path)?;
    let s = index.stats()?;
    println!("index {}", path.display());
    println!("  documents  {}", s.documents);
    println!("  passages   {}", s.passages);
    println!(
        "  words      {} (BM25 lengths, stop words included)",
        s.words
    );
    println!("  terms      {} (distinct per segment)", s.terms);
    println!("  segments   {}", s.segments);
    println!("  size       {:.2} MB on disk", s.bytes as f64 / 1e6);
    println!("  notes      {} parser notes on the inputs", s.notes);
    Ok(Outcome::Success)
}
