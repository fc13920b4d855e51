//! `veracity ingest INPUTS...`: parse files, directories and stdin into
//! Documents (JSON array or JSON Lines), in parallel, in path order.

use super::inputs;
use crate::Outcome;
use crate::cli::DocFormat;
use crate::output;
use anyhow::{Result, bail};
use std::path::{Path, PathBuf};
use veracity_model::Document;
use veracity_parse::Options;

pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub format: DocFormat,
    pub output: Option<&'a Path>,
    pub jobs: Option<usize>,
    pub max_size: u64,
    pub strict: bool,
}

pub fn run(args: Args<'_>) -> Result<Outcome> {
    let (inputs, missing) = veracity_parse::collect_inputs(args.inputs);
    let options = Options {
        max_size: args.max_size,
    };
    let jobs = veracity::jobs_or_cores(args.jobs);
    let results = inputs::parse_all(&inputs, &options, jobs);

    let mut documents: Vec<Document> = Vec::new();
    let mut skipped = 0usize;
    let mut failed = missing.len();
    let mut messages: Vec<String> = missing
        .iter()
        .map(|e| format!("veracity: error: {e}"))
        .collect();
    for result in results {
        match result {
            Ok(parsed) => {
                for w in &parsed.warnings {
                    messages.push(format!("veracity: warning: {}: {}", w.source, w.message));
                }
                if !parsed.warnings.is_empty() {
                    skipped += 1;
                }
                documents.extend(parsed.documents);
            }
            Err(e) if e.is_unusable_input() && !args.strict => {
                skipped += 1;
                messages.push(format!("veracity: warning: skipped {e}"));
            }
            Err(e) => {
                failed += 1;
                messages.push(format!("veracity: error: {e}"));
            }
        }
    }
    for m in &messages {
        eprintln!("{m}");
    }
    if args.strict && (failed > 0 || skipped > 0) {
        bail!(
            "--strict: {} of {} input(s) had problems; nothing written",
            failed + skipped,
            inputs.len() + missing.len()
        );
    }

    let bytes = render(&documents, args.format)?;
    match args.output {
        Some(path) => output::write_atomically(path, &bytes)?,
        None => output::stdout(&bytes)?,
    }
    eprintln!(
        "veracity: {} document(s) from {} input(s){}{}",
        documents.len(),
        inputs.len(),
        if skipped > 0 {
            format!(", {skipped} with warnings")
        } else {
            String::new()
        },
        if failed > 0 {
            format!(", {failed} failed")
        } else {
            String::new()
        }
    );
    if failed > 0 {
        bail!("{failed} input(s) could not be parsed (see the errors above)");
    }
    Ok(Outcome::Success)
}

fn render(documents: &[Document], format: DocFormat) -> Result<Vec<u8>> {
    Ok(match format {
        DocFormat::Json => {
            let mut bytes = serde_json::to_vec_pretty(documents)?;
            bytes.push(b'\n');
            bytes
        }
        DocFormat::Jsonl => {
            let mut bytes = Vec::new();
            for d in documents {
                serde_json::to_writer(&mut bytes, d)?;
                bytes.push(b'\n');
            }
            bytes
        }
    })
}
