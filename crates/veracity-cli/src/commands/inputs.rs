//! The progress bar shown on a terminal while `ingest` and `check` read
//! their inputs.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

/// A one-line progress bar on stderr, shown only when stderr is a terminal.
pub(crate) struct Progress {
    enabled: bool,
    lock: Mutex<()>,
}

impl Progress {
    pub(crate) fn new() -> Self {
        Progress {
            enabled: std::io::stderr().is_terminal(),
            lock: Mutex::new(()),
        }
    }

    /// Shows `done` of `total` files; nothing for a single file.
    pub(crate) fn tick(&self, done: usize, total: usize) {
        if !self.enabled || total < 2 {
            return;
        }
        let _guard = self.lock.lock();
        const WIDTH: usize = 30;
        let filled = done * WIDTH / total.max(1);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r[{}{}] {done}/{} files",
            "=".repeat(filled),
            " ".repeat(WIDTH - filled),
            total
        );
        let _ = err.flush();
    }

    pub(crate) fn finish(&self) {
        if self.enabled {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{}\r", " ".repeat(50));
            let _ = err.flush();
        }
    }
}
