//! `veracity index INPUTS... -o INDEX [--append]` and `veracity index
//! --stats INDEX`: build, extend and describe a persistent evidence index.

use crate::Outcome;
use crate::cli::BatchArgs;
use anyhow::{Result, bail};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::Instant;
use veracity_index::{EvidenceIndex, IndexWriter};

/// The parsed arguments of `veracity index`.
pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub output: Option<&'a Path>,
    pub append: bool,
    pub stats: Option<&'a Path>,
    pub batch: &'a BatchArgs,
}

/// Documents between two progress lines.
const PROGRESS_EVERY: usize = 10_000;

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
    let started = Instant::now();
    let corpus = super::batch::read(args.inputs, args.batch)?;
    let unused = corpus.unused_inputs();
    let mut writer = if args.append {
        IndexWriter::append(output)?
    } else {
        IndexWriter::create(output)?
    };
    let total = corpus.documents.len();
    eprintln!(
        "veracity: indexing {total} documents into {}...",
        output.display()
    );
    for d in &corpus.diagnostics {
        writer.add_diagnostic(d)?;
    }
    let loud = total >= PROGRESS_EVERY || std::io::stderr().is_terminal();
    for (i, doc) in corpus.documents.iter().enumerate() {
        writer.add(doc)?;
        if loud && (i + 1) % PROGRESS_EVERY == 0 {
            eprintln!(
                "veracity: indexed {} of {total} documents ({:.0} s)",
                i + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    if loud {
        eprintln!("veracity: committing the index...");
    }
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
