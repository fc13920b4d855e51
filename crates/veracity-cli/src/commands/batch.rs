//! The exit-code contract of the commands that read a batch of inputs
//! (`check`, `ingest`): every input used, exit 0; an input that cannot be
//! used (missing, unreadable, empty, binary, too large, malformed, a folder
//! with no file) stops the command before it writes anything, exit 2; with
//! `--keep-going` the rest is used and written, and the exit status is
//! still 2. No document at all is always exit 2.

use crate::cli::BatchArgs;
use anyhow::{Result, bail};
use std::path::PathBuf;
use veracity::Corpus;
use veracity_model::Severity;

/// Reads every input into documents, with a progress bar on a terminal,
/// prints every diagnostic to stderr, and applies the contract: an error
/// without `--keep-going`, or no document at all, ends the command here.
pub fn read(inputs: &[PathBuf], args: &BatchArgs) -> Result<Corpus> {
    read_counted(inputs, args).map(|(corpus, _)| corpus)
}

/// [`read`], with how many of the corpus's diagnostics (the first ones)
/// are about finding the inputs.
pub fn read_counted(inputs: &[PathBuf], args: &BatchArgs) -> Result<(Corpus, usize)> {
    let progress = super::inputs::Progress::new();
    let options = veracity::IngestOptions {
        parse: veracity_parse::Options {
            max_size: args.max_size,
        },
        jobs: args.jobs,
    };
    let (corpus, finding) =
        veracity::ingest_counted(inputs, &options, &|done, total| progress.tick(done, total));
    progress.finish();
    for d in &corpus.diagnostics {
        print_diagnostic(d);
    }
    let unused = corpus.unused_inputs();
    if corpus.documents.is_empty() {
        bail!(
            "no document could be read from {} input file(s){}; nothing to work on",
            corpus.inputs,
            problems(unused)
        );
    }
    if unused > 0 && !args.keep_going {
        bail!(
            "{unused} input problem(s) (see above); nothing written. Fix or remove those \
             inputs, or pass --keep-going to use the rest (the exit status is still 2)"
        );
    }
    Ok((corpus, finding))
}

/// After the output is written: with `--keep-going`, inputs left out still
/// make the exit status 2.
pub fn finish(unused: usize) -> Result<crate::Outcome> {
    if unused > 0 {
        bail!(
            "--keep-going: the output was written without {unused} unusable input(s) or \
             record(s) (see the errors above)"
        );
    }
    Ok(crate::Outcome::Success)
}

/// Prints a diagnostic on stderr: `veracity: warning: SOURCE: MESSAGE`.
pub fn print_diagnostic(d: &veracity_model::Diagnostic) {
    let severity = match d.severity {
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    eprintln!("veracity: {severity}: {}: {}", d.source, d.message);
}

fn problems(unused: usize) -> String {
    if unused == 0 {
        String::new()
    } else {
        format!(" ({unused} problem(s) above)")
    }
}
