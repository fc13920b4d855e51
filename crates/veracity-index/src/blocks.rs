//! Block bounds: for each long posting list of a segment, per block of
//! [`BLOCK`] postings, the last doc id, the highest term frequency and the
//! shortest passage of the block, so the search knows the most a term can
//! add to any passage of a block (veracity's BM25, with whatever average
//! length the index has when searched) and skips blocks that cannot lift
//! a passage into the top.
//!
//! They are written at commit beside each segment, in a file of their own
//! named after it (`<segment id>.vblocks`), which tantivy does not manage:
//! a segment is immutable (deletes only take postings away, which leaves
//! the bounds true), so its file never changes, and a file whose segment
//! is gone is removed at the next commit. A segment without its file (a
//! build killed between tantivy's commit and the files, or an index of
//! an earlier build) is searched with the looser bound of each term, the
//! same hits; the next commit writes what is missing.
//!
//! Layout (little-endian u32s): the magic `VBK1`, the segment's max doc,
//! the number of terms `t` and of blocks `n`; `t` pairs (the term's postings
//! offset in the segment, the low and high halves, as its `TermInfo` has
//! it, and its first block), in offset order; then `n` triples (last doc,
//! highest term frequency, shortest length). A term's blocks run to the
//! next term's first block (the last term's, to `n`).

use std::io::Write;
use std::path::Path;
use tantivy::columnar::ColumnValues;
use tantivy::directory::OwnedBytes;
use tantivy::postings::{Postings, TermInfo};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, SegmentReader, TERMINATED};
use veracity_text::bm25::BM25;

/// Postings per block.
pub(crate) const BLOCK: usize = 128;
const MAGIC: &[u8; 4] = b"VBK1";
/// The file suffix.
pub(crate) const SUFFIX: &str = "vblocks";
const HEADER: usize = 16;
const TERM: usize = 12;
const ENTRY: usize = 12;

/// The file of a segment's bounds.
pub(crate) fn file_name(segment: &SegmentReader) -> String {
    format!("{}.{SUFFIX}", segment.segment_id().uuid_string())
}

/// A segment's block bounds, as mapped from its file.
pub(crate) struct SegmentBlocks {
    bytes: OwnedBytes,
    terms: usize,
    blocks: usize,
}

/// One term's blocks in a segment.
#[derive(Clone, Copy)]
pub(crate) struct TermBlocks<'a> {
    bytes: &'a [u8],
    /// Blocks of the term.
    pub(crate) len: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl SegmentBlocks {
    /// The bounds in `bytes`, if they are a well-formed file for a segment
    /// of `max_doc` records; `None` makes the search use term bounds.
    pub(crate) fn parse(bytes: OwnedBytes, max_doc: u32) -> Option<SegmentBlocks> {
        let b = bytes.as_slice();
        if b.get(..4) != Some(MAGIC.as_slice()) || u32_at(b, 4) != max_doc {
            return None;
        }
        let terms = u32_at(b, 8) as usize;
        let blocks = u32_at(b, 12) as usize;
        if b.len() != HEADER + terms * TERM + blocks * ENTRY {
            return None;
        }
        Some(SegmentBlocks {
            bytes,
            terms,
            blocks,
        })
    }

    fn term_offset(&self, i: usize) -> u64 {
        let b = self.bytes.as_slice();
        let at = HEADER + i * TERM;
        u64::from(u32_at(b, at)) | (u64::from(u32_at(b, at + 4)) << 32)
    }

    fn term_first(&self, i: usize) -> usize {
        u32_at(self.bytes.as_slice(), HEADER + i * TERM + 8) as usize
    }

    /// The blocks of the term whose postings are at `info` (`None`: a list
    /// too short to have blocks).
    pub(crate) fn term(&self, info: &TermInfo) -> Option<TermBlocks<'_>> {
        let offset = info.postings_range.start as u64;
        let (mut lo, mut hi) = (0, self.terms);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.term_offset(mid) < offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == self.terms || self.term_offset(lo) != offset {
            return None;
        }
        let first = self.term_first(lo);
        let end = if lo + 1 < self.terms {
            self.term_first(lo + 1)
        } else {
            self.blocks
        };
        let start = HEADER + self.terms * TERM + first * ENTRY;
        let bytes = self
            .bytes
            .as_slice()
            .get(start..start + end.checked_sub(first)? * ENTRY)?;
        Some(TermBlocks {
            bytes,
            len: end - first,
        })
    }
}

impl TermBlocks<'_> {
    /// The last doc id of block `i`.
    pub(crate) fn last_doc(&self, i: usize) -> u32 {
        u32_at(self.bytes, i * ENTRY)
    }

    /// The most the term adds to a passage of block `i`: its highest
    /// frequency in the block over the shortest passage's length norm
    /// (BM25 rises with the one and falls with the other).
    pub(crate) fn bound(&self, i: usize, idf: f32, avg: f32) -> f32 {
        let tf = u32_at(self.bytes, i * ENTRY + 4) as f32;
        let len = u32_at(self.bytes, i * ENTRY + 8) as f32;
        BM25.term_score(idf, tf, BM25.length_norm(len, avg))
    }
}

/// The bounds of one segment's posting lists of `field` longer than a
/// block, in the file's layout.
pub(crate) fn compute(segment: &SegmentReader, field: Field) -> tantivy::Result<Vec<u8>> {
    let inverted = segment.inverted_index(field)?;
    let len = segment.fast_fields().u64("len")?.values;
    let mut terms: Vec<(u64, u32)> = Vec::new();
    let mut blocks: Vec<[u32; 3]> = Vec::new();
    let mut stream = inverted.terms().stream()?;
    while stream.advance() {
        let info = stream.value();
        if (info.doc_freq as usize) <= BLOCK {
            continue;
        }
        terms.push((info.postings_range.start as u64, blocks.len() as u32));
        let mut postings =
            inverted.read_postings_from_terminfo(info, IndexRecordOption::WithFreqs)?;
        let (mut n, mut tf, mut shortest, mut last) = (0usize, 0u32, u32::MAX, 0u32);
        while postings.doc() != TERMINATED {
            let d = postings.doc();
            tf = tf.max(postings.term_freq());
            shortest = shortest.min(u32::try_from(len.get_val(d)).unwrap_or(u32::MAX));
            last = d;
            n += 1;
            if n == BLOCK {
                blocks.push([last, tf, shortest]);
                (n, tf, shortest) = (0, 0, u32::MAX);
            }
            postings.advance();
        }
        if n > 0 {
            blocks.push([last, tf, shortest]);
        }
    }
    let mut out = Vec::with_capacity(HEADER + terms.len() * TERM + blocks.len() * ENTRY);
    out.extend_from_slice(MAGIC);
    for v in [segment.max_doc(), terms.len() as u32, blocks.len() as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (offset, first) in terms {
        out.extend_from_slice(&(offset as u32).to_le_bytes());
        out.extend_from_slice(&((offset >> 32) as u32).to_le_bytes());
        out.extend_from_slice(&first.to_le_bytes());
    }
    for block in blocks {
        for v in block {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }
    Ok(out)
}

/// Writes the bounds of every segment of `searcher` that has none in
/// `dir`, and removes the files of segments no longer there. Each file is
/// written whole and renamed into place.
pub(crate) fn write_missing(
    dir: &Path,
    searcher: &tantivy::Searcher,
    field: Field,
) -> Result<(), crate::Error> {
    let io = |source| crate::Error::Io {
        path: dir.to_owned(),
        source,
    };
    let mut live = std::collections::HashSet::new();
    for segment in searcher.segment_readers() {
        let name = file_name(segment);
        let path = dir.join(&name);
        live.insert(name);
        if path.is_file() {
            continue;
        }
        let bytes = compute(segment, field).map_err(|source| crate::Error::Tantivy {
            path: dir.to_owned(),
            source,
        })?;
        let tmp = path.with_extension(format!("{SUFFIX}.tmp"));
        let mut file = std::fs::File::create(&tmp).map_err(io)?;
        file.write_all(&bytes).map_err(io)?;
        file.sync_all().map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(io)?;
    }
    for entry in std::fs::read_dir(dir).map_err(io)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours =
            name.ends_with(&format!(".{SUFFIX}")) || name.ends_with(&format!(".{SUFFIX}.tmp"));
        if ours && !live.contains(&name) {
            // A reader may still map it; on Unix that mapping lives on.
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(())
}
