//! A temporary file written at its end, the one the places and the ids of
//! a check of every claim go to as they add up (`places.rs`, `ids.rs`).

use std::fs::File;
use std::io::{BufWriter, Write};

/// A temporary file written at its end, opened at the first write. Once
/// it cannot be opened or written, it refuses every later write, and what
/// it was to hold stays in memory.
#[derive(Default)]
pub(crate) struct Appended {
    out: Option<BufWriter<File>>,
    /// Bytes written so far.
    end: u64,
    refused: bool,
}

impl Appended {
    /// A file that refuses every write.
    #[cfg(test)]
    pub(crate) fn refusing() -> Appended {
        Appended {
            refused: true,
            ..Appended::default()
        }
    }

    /// Appends `bytes`; where they start, or `None` when they were not
    /// written.
    pub(crate) fn append(&mut self, bytes: &[u8]) -> Option<u64> {
        if self.refused {
            return None;
        }
        if self.out.is_none() {
            self.out = tempfile::tempfile().ok().map(BufWriter::new);
        }
        // Should part of a write have gone out, it is never read back.
        let written = self.out.as_mut().map(|out| out.write_all(bytes));
        if !matches!(written, Some(Ok(()))) {
            self.refused = true;
            return None;
        }
        let at = self.end;
        self.end += bytes.len() as u64;
        Some(at)
    }

    /// The file, to read back (none was written).
    pub(crate) fn into_reader(self) -> Option<File> {
        let mut file = self.out?.into_inner().ok()?;
        file.flush().ok()?;
        Some(file)
    }
}
