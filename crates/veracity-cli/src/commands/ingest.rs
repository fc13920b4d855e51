//! `veracity ingest INPUTS...`: parse files, directories and stdin into
//! Documents (JSON array or JSON Lines), in parallel, in path order.

use super::batch;
use crate::Outcome;
use crate::cli::{BatchArgs, DocFormat};
use crate::output;
use anyhow::Result;
use std::path::{Path, PathBuf};
use veracity_model::Document;

pub struct Args<'a> {
    pub inputs: &'a [PathBuf],
    pub format: Option<DocFormat>,
    pub output: Option<&'a Path>,
    pub batch: &'a BatchArgs,
}

pub fn run(args: Args<'_>) -> Result<Outcome> {
    let format = args
        .format
        .unwrap_or_else(|| format_for(args.output.unwrap_or(Path::new(""))));
    if let Some(path) = args.output {
        output::check_writable(path)?;
    }
    let corpus = batch::read(args.inputs, args.batch)?;
    let bytes = render(&corpus.documents, format)?;
    match args.output {
        Some(path) if path.as_os_str() != "-" => output::write_atomically(path, &bytes)?,
        _ => output::stdout(&bytes)?,
    }
    let unused = corpus.unused_inputs();
    eprintln!(
        "veracity: {} document(s) from {} input(s){}",
        corpus.documents.len(),
        corpus.inputs,
        if unused > 0 {
            format!(", {unused} problem(s)")
        } else {
            String::new()
        }
    );
    batch::finish(unused)
}

/// JSON Lines for a `.jsonl` (or `.ndjson`) output file; a JSON array
/// otherwise.
fn format_for(output: &Path) -> DocFormat {
    match output.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
            DocFormat::Jsonl
        }
        _ => DocFormat::Json,
    }
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
