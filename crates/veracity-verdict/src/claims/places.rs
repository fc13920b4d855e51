//! The places of the claims a merge gathers, written out as they grow: a
//! crawl states a claim in thousands of documents, and a check of every
//! claim would otherwise hold every place of every claim until it is
//! rated (15 million places at a million generated documents, a third of
//! what the check held). Each claim holds a few places and where the rest
//! were written; they are read back, in the order they came, when the
//! claim is made.

use super::appended::Appended;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use veracity_model::Span;

/// How many places a claim holds before it writes them out: a few
/// thousand claims then hold a few megabytes, and a claim stated in a
/// handful of documents (every claim of a newsroom's collection) never
/// opens a file.
const HELD: usize = 64;

/// Bytes a place takes written: its document's place, start and end.
const RECORD: usize = 4 + 8 + 8;

/// A file the places of many claims are appended to.
#[derive(Default)]
pub(crate) struct PlaceLog {
    file: Appended,
}

impl PlaceLog {
    /// A log that never writes: every claim holds its places.
    #[cfg(test)]
    pub(crate) fn unavailable() -> PlaceLog {
        PlaceLog {
            file: Appended::refusing(),
        }
    }

    /// Appends `places`; where they start, or `None` when they could not
    /// be written (held instead).
    fn write(&mut self, places: &[(u32, Span)]) -> Option<u64> {
        let mut bytes = Vec::with_capacity(places.len() * RECORD);
        for &(place, span) in places {
            bytes.extend_from_slice(&place.to_le_bytes());
            bytes.extend_from_slice(&(span.start() as u64).to_le_bytes());
            bytes.extend_from_slice(&(span.end() as u64).to_le_bytes());
        }
        self.file.append(&bytes)
    }

    /// The file to read the places back from (none was written).
    pub(crate) fn into_reader(self) -> Option<File> {
        self.file.into_reader()
    }
}

/// A claim's places: those written out (where, how many) and those held,
/// in the order they came.
#[derive(Default)]
pub(crate) struct Places {
    written: Vec<(u64, u32)>,
    held: Vec<(u32, Span)>,
}

impl Places {
    /// Adds `places`, writing the held ones to `log` once there are
    /// [`HELD`] of them.
    pub(crate) fn extend(&mut self, log: &mut PlaceLog, places: &[(u32, Span)]) {
        self.held.extend_from_slice(places);
        if self.held.len() < HELD {
            return;
        }
        if let Some(at) = log.write(&self.held) {
            self.written.push((at, self.held.len() as u32));
            self.held.clear();
            self.held.shrink_to(HELD);
        }
    }

    /// Every place in the order they came, read back from `file` (the
    /// log's), with how many could not be read back.
    pub(crate) fn read(self, file: Option<&mut File>) -> (Vec<(u32, Span)>, u64) {
        if self.written.is_empty() {
            return (self.held, 0);
        }
        let count: usize = self.written.iter().map(|&(_, n)| n as usize).sum();
        let mut places = Vec::with_capacity(count + self.held.len());
        let mut lost = 0;
        let mut file = file;
        for &(at, n) in &self.written {
            match file.as_deref_mut().map(|f| read_at(f, at, n)) {
                Some(Ok(read)) => places.extend(read),
                _ => lost += u64::from(n),
            }
        }
        places.extend(self.held);
        (places, lost)
    }
}

/// The `n` places written at `at`.
fn read_at(file: &mut File, at: u64, n: u32) -> std::io::Result<Vec<(u32, Span)>> {
    let mut bytes = vec![0u8; n as usize * RECORD];
    file.seek(SeekFrom::Start(at))?;
    file.read_exact(&mut bytes)?;
    bytes
        .chunks_exact(RECORD)
        .map(|r| {
            let word = |range: std::ops::Range<usize>| {
                let mut b = [0u8; 8];
                b[..range.len()].copy_from_slice(&r[range]);
                u64::from_le_bytes(b)
            };
            let (place, start, end) = (word(0..4) as u32, word(4..12), word(12..20));
            let span = usize::try_from(start)
                .ok()
                .zip(usize::try_from(end).ok())
                .and_then(|(s, e)| Span::between(s, e));
            span.map(|span| (place, span)).ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "a place read back is damaged",
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(from: u32, n: u32) -> Vec<(u32, Span)> {
        (from..from + n)
            .map(|p| (p, Span::between(p as usize, p as usize + 7).unwrap()))
            .collect()
    }

    #[test]
    fn places_written_out_read_back_in_the_order_they_came() {
        let mut log = PlaceLog::default();
        let (mut a, mut b) = (Places::default(), Places::default());
        let mut expected = (Vec::new(), Vec::new());
        // Two claims taking turns, so their places interleave in the file.
        for round in 0..10 {
            let pa = places(round * 1000, 30);
            let pb = places(round * 1000 + 500, 45);
            a.extend(&mut log, &pa);
            b.extend(&mut log, &pb);
            expected.0.extend(pa);
            expected.1.extend(pb);
        }
        assert!(!a.written.is_empty() && !b.written.is_empty());
        assert!(a.held.len() < HELD && b.held.len() < HELD);
        let mut file = log.into_reader();
        assert!(file.is_some());
        assert_eq!(a.read(file.as_mut()), (expected.0, 0));
        assert_eq!(b.read(file.as_mut()), (expected.1, 0));
    }

    #[test]
    fn without_a_file_places_are_held() {
        let mut log = PlaceLog::unavailable();
        let mut a = Places::default();
        a.extend(&mut log, &places(0, 200));
        assert!(a.written.is_empty());
        assert!(log.into_reader().is_none());
        assert_eq!(a.read(None), (places(0, 200), 0));
    }

    #[test]
    fn places_that_cannot_be_read_back_are_counted() {
        let mut log = PlaceLog::default();
        let mut a = Places::default();
        a.extend(&mut log, &places(0, 100));
        a.extend(&mut log, &places(100, 10));
        // The file is gone: what was written is lost, what is held is not.
        drop(log);
        assert_eq!(a.read(None), (places(100, 10), 100));
    }
}
