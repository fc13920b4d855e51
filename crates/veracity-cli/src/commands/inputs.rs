//! Reading inputs for `ingest` and `check`: every file parsed on `--jobs`
//! threads, with a progress bar on a terminal.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use veracity_parse::{Input, Options, ParseError, Parsed};

/// `--jobs`, else one thread per core; at most 256.
pub(crate) fn jobs_or_cores(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 256)
}

/// Parses every input on `jobs` threads; results come back in input order.
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
