//! `veracity ingest INPUTS...`: parse files, directories and stdin into
//! Documents (JSON array or JSON Lines), in parallel, in path order.

use crate::Outcome;
use crate::cli::DocFormat;
use crate::output;
use anyhow::{Result, bail};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use veracity_model::Document;
use veracity_parse::{Input, Options, ParseError, Parsed};

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
    let jobs = jobs_or_cores(args.jobs);
    let results = parse_all(&inputs, &options, jobs);

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

/// `--jobs`, else one thread per core; at most 256.
pub(crate) fn jobs_or_cores(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 256)
}

/// Parses every input on `jobs` threads; results come back in input order.
/// `veracity check` reads its inputs with it too.
pub(crate) fn parse_all(
    inputs: &[Input],
    options: &Options,
    jobs: usize,
) -> Vec<Result<Parsed, ParseError>> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<Result<Parsed, ParseError>>>> =
        inputs.iter().map(|_| Mutex::new(None)).collect();
    let progress = Progress::new(inputs.len());
    std::thread::scope(|scope| {
        for _ in 0..jobs.min(inputs.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(input) = inputs.get(i) else { break };
                    let result = veracity_parse::parse_input(input, options);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                    progress.tick(done.fetch_add(1, Ordering::Relaxed) + 1);
                }
            });
        }
    });
    progress.finish();
    slots
        .into_iter()
        .zip(inputs)
        .map(|(slot, input)| {
            slot.into_inner().ok().flatten().unwrap_or_else(|| {
                Err(ParseError::new(
                    input.location(),
                    veracity_parse::ErrorKind::Io(std::io::Error::other("worker thread failed")),
                ))
            })
        })
        .collect()
}

/// A one-line progress bar on stderr, shown only when stderr is a terminal.
struct Progress {
    total: usize,
    enabled: bool,
    lock: Mutex<()>,
}

impl Progress {
    fn new(total: usize) -> Self {
        Progress {
            total,
            enabled: total > 1 && std::io::stderr().is_terminal(),
            lock: Mutex::new(()),
        }
    }

    fn tick(&self, done: usize) {
        if !self.enabled {
            return;
        }
        let _guard = self.lock.lock();
        const WIDTH: usize = 30;
        let filled = done * WIDTH / self.total.max(1);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r[{}{}] {done}/{} files",
            "=".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.total
        );
        let _ = err.flush();
    }

    fn finish(&self) {
        if self.enabled {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(50));
            let _ = err.flush();
        }
    }
}
