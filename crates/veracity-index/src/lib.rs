//! A persistent evidence index: parsed documents and their passages on
//! disk (tantivy segments), searched with veracity's own terms and BM25 so
//! that a check against it gives the hits — and the verdicts — of a check
//! that parses and indexes the collection in memory.
//!
//! Each document is two kinds of record: the document itself (its JSON,
//! stored, for provenance, reviews and the report) and one record per
//! passage ([`veracity_verdict::indexed_passages`]: span, length and term
//! frequencies, the terms given to tantivy already analysed). Searching
//! reads the posting lists of the query's terms and scores them with
//! [`veracity_text::bm25`] over the index's own statistics (alive
//! passages, their total length, each term's alive postings), exactly as
//! [`veracity_verdict::Index`] does; tantivy's own scoring (quantised
//! lengths) is not used. The search is pruned (MaxScore): passages that
//! cannot enter the top k are not scored, with the same hits, scores and
//! order as scoring them all.
//!
//! Writing: [`IndexWriter::create`] a new index or [`IndexWriter::append`]
//! to one; a file indexed again replaces every record that came from it;
//! nothing is visible until [`IndexWriter::commit`], which tantivy makes
//! atomic, so a process killed while appending leaves the last commit as
//! it was. Reading: [`EvidenceIndex::open`] reads the segments and the
//! statistics, no document; [`EvidenceIndex::collection`] reads the
//! documents a check lists, [`EvidenceIndex::document`] one of them,
//! [`EvidenceIndex::search`] the best passages for a query (their
//! documents' numbers and spans, no document read), and
//! [`EvidenceIndex::retriever`] gives a
//! [`Retriever`](veracity_verdict::Retriever) over the passages.
//!
//! Nothing here prints or exits.

#![deny(missing_docs)]

mod blocks;
mod read;
mod retriever;
mod schema;
mod search;
mod stored;
mod write;

pub use read::{Collection, EvidenceIndex, IndexStats};
pub use retriever::{Found, IndexRetriever};
pub use stored::{DocumentWindow, Numbered, StoredDocuments};
pub use write::{IndexWriter, WriteSummary};

use std::path::PathBuf;

/// Why an index could not be read or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The folder holds no index.
    #[error("{path}: no veracity index here (build one with `veracity index DIR -o {path}`)")]
    NotAnIndex {
        /// The folder.
        path: PathBuf,
    },
    /// A new index was asked for where one already is.
    #[error(
        "{path} already holds files; pass --append to add to the index there, or choose another folder"
    )]
    Exists {
        /// The folder.
        path: PathBuf,
    },
    /// The index was written by another version of this format.
    #[error(
        "{path}: index format {found}, this veracity reads format {expected}; rebuild the index"
    )]
    Format {
        /// The folder.
        path: PathBuf,
        /// The format found.
        found: String,
        /// The format this build reads.
        expected: u32,
    },
    /// A stored document is not a valid Document.
    #[error("{path}: stored document {number} is damaged: {message}")]
    Damaged {
        /// The folder.
        path: PathBuf,
        /// The document's number.
        number: u64,
        /// What is wrong.
        message: String,
    },
    /// tantivy failed (I/O, a locked or damaged index).
    #[error("{path}: {source}")]
    Tantivy {
        /// The folder.
        path: PathBuf,
        /// What tantivy said.
        source: tantivy::TantivyError,
    },
    /// The folder could not be made or read.
    #[error("{path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}
