//! Building and appending to an index.

use crate::Error;
use crate::schema::{DIAGNOSTIC, DOCUMENT, FORMAT, Fields, Payload, REVIEWED, SET_ASIDE};
use std::path::{Path, PathBuf};
use tantivy::DocSet;
use tantivy::columnar::Column;
use tantivy::schema::Term;
use tantivy::{Index, TantivyDocument};
use veracity_model::{Diagnostic, Document};
use veracity_text::hash::FxHashSet;

/// Memory tantivy may fill before it writes a segment, per indexing thread.
const MEMORY_PER_THREAD: usize = 64 << 20;

/// Adds documents to an index; nothing is visible before [`commit`].
///
/// [`commit`]: IndexWriter::commit
pub struct IndexWriter {
    path: PathBuf,
    writer: tantivy::IndexWriter,
    fields: Fields,
    next_doc: u64,
    /// Locations whose earlier records were deleted in this session.
    replaced: FxHashSet<String>,
    /// The index as it was before the session (appending), to tell files
    /// indexed again, with each segment's column of record numbers.
    before: Option<(tantivy::Searcher, Vec<Column<u64>>)>,
    summary: WriteSummary,
}

/// What a session of writing did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteSummary {
    /// Documents added.
    pub documents: usize,
    /// Passages added.
    pub passages: usize,
    /// Files indexed again, whose earlier records were replaced.
    pub replaced_files: usize,
}

fn tantivy_error(path: &Path) -> impl Fn(tantivy::TantivyError) -> Error + '_ {
    move |source| Error::Tantivy {
        path: path.to_owned(),
        source,
    }
}

/// The number of indexing threads: one per core, at most 4.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

impl IndexWriter {
    /// Whether a new index can be made in `path`: it is missing or an empty
    /// folder.
    pub fn check_new(path: &Path) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let mut entries = match std::fs::read_dir(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            other => other.map_err(io)?,
        };
        if entries.next().is_some() {
            return Err(Error::Exists {
                path: path.to_owned(),
            });
        }
        Ok(())
    }

    /// A new index in `path` (created if missing; it must be empty).
    pub fn create(path: &Path) -> Result<IndexWriter, Error> {
        IndexWriter::check_new(path)?;
        std::fs::create_dir_all(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let (schema, fields) = Fields::schema();
        let index = Index::create_in_dir(path, schema).map_err(tantivy_error(path))?;
        crate::schema::register_tokenizer(&index);
        IndexWriter::start(path, &index, fields, 0, None)
    }

    /// The index in `path`, to add to.
    pub fn append(path: &Path) -> Result<IndexWriter, Error> {
        let (index, fields, payload) = crate::read::open_index(path)?;
        let before = index.reader().map_err(tantivy_error(path))?.searcher();
        let columns = doc_columns(&before).map_err(tantivy_error(path))?;
        IndexWriter::start(
            path,
            &index,
            fields,
            payload.next_doc,
            Some((before, columns)),
        )
    }

    fn start(
        path: &Path,
        index: &Index,
        fields: Fields,
        next_doc: u64,
        before: Option<(tantivy::Searcher, Vec<Column<u64>>)>,
    ) -> Result<IndexWriter, Error> {
        let threads = threads();
        let writer = index
            .writer_with_num_threads(threads, threads * MEMORY_PER_THREAD)
            .map_err(tantivy_error(path))?;
        Ok(IndexWriter {
            path: path.to_owned(),
            writer,
            fields,
            next_doc,
            replaced: FxHashSet::default(),
            before,
            summary: WriteSummary::default(),
        })
    }

    /// Keeps a note the parser made on an input (a warning), to be given
    /// back with the documents: it goes with its input's location, and is
    /// replaced with the file's documents.
    pub fn add_diagnostic(&mut self, diagnostic: &Diagnostic) -> Result<(), Error> {
        let f = self.fields;
        self.replace(&diagnostic.source)?;
        let number = self.next_doc;
        self.next_doc += 1;
        let mut record = TantivyDocument::new();
        record.add_text(f.kind, DIAGNOSTIC);
        record.add_text(f.location, &diagnostic.source);
        record.add_u64(f.doc, number);
        record.add_u64(f.len, 0);
        record.add_text(
            f.body,
            serde_json::to_string(diagnostic).unwrap_or_default(),
        );
        self.writer
            .add_document(record)
            .map_err(tantivy_error(&self.path))?;
        Ok(())
    }

    /// Deletes what the index held from `location`, the first time this
    /// session meets it: its documents and notes (which carry the location)
    /// and its documents' passages (which carry only their document's
    /// number, so indexing a passage costs no string terms beyond its own).
    ///
    /// A new index holds nothing to replace, and a location is met first
    /// before any record of it is added, so a build deletes nothing: a
    /// delete per file would cost each new segment a lookup per file.
    fn replace(&mut self, location: &str) -> Result<(), Error> {
        let Some((before, columns)) = &self.before else {
            return Ok(());
        };
        if !self.replaced.insert(location.to_owned()) {
            return Ok(());
        }
        let term = Term::from_field_text(self.fields.location, location);
        let numbers = numbers_of(before, columns, &term).map_err(tantivy_error(&self.path))?;
        if !numbers.is_empty() {
            self.summary.replaced_files += 1;
        }
        for n in numbers {
            self.writer
                .delete_term(Term::from_field_u64(self.fields.doc, n));
        }
        self.writer.delete_term(term);
        Ok(())
    }

    /// Adds `doc` with its passages. The first document of a location in
    /// this session first deletes what the index held from that location:
    /// a file indexed again replaces its earlier documents.
    pub fn add(&mut self, doc: &Document) -> Result<(), Error> {
        self.add_prepared(PreparedDocument::new(doc))
    }

    /// Adds `docs` in order, as [`IndexWriter::add`] adds each, made
    /// ready (analysed, as JSON) on up to `jobs` threads
    /// 2,000 at a time: the analysis is most of a build's
    /// work on the thread that adds, the one tantivy's threads wait on.
    pub fn add_all(&mut self, docs: &[Document], jobs: usize) -> Result<(), Error> {
        for run in docs.chunks(PREPARED_AT_A_TIME) {
            for doc in prepare(run, jobs) {
                self.add_prepared(doc)?;
            }
        }
        Ok(())
    }

    fn add_prepared(&mut self, doc: PreparedDocument) -> Result<(), Error> {
        let f = self.fields;
        self.replace(&doc.location)?;
        let number = self.next_doc;
        self.next_doc += 1;
        let json = doc.json.map_err(|message| Error::Damaged {
            path: self.path.clone(),
            number,
            message,
        })?;
        let mut record = TantivyDocument::new();
        record.add_text(f.kind, DOCUMENT);
        if doc.reviewed {
            record.add_text(f.kind, REVIEWED);
        }
        if doc.set_aside {
            record.add_text(f.kind, SET_ASIDE);
        }
        record.add_text(f.location, &doc.location);
        record.add_u64(f.doc, number);
        record.add_text(f.id, &doc.id);
        record.add_u64(f.len, 0);
        record.add_text(f.body, json);
        self.writer
            .add_document(record)
            .map_err(tantivy_error(&self.path))?;
        for passage in doc.passages {
            let mut record = TantivyDocument::new();
            record.add_u64(f.doc, number);
            record.add_u64(f.start, passage.start);
            record.add_u64(f.end, passage.end);
            record.add_u64(f.key, passage.key);
            record.add_u64(f.len, passage.length);
            record.add_text(f.terms, passage.terms);
            self.writer
                .add_document(record)
                .map_err(tantivy_error(&self.path))?;
            self.summary.passages += 1;
        }
        self.summary.documents += 1;
        Ok(())
    }

    /// Makes everything added visible, atomically: until this returns the
    /// index reads as it was before the session.
    pub fn commit(mut self) -> Result<WriteSummary, Error> {
        let payload = Payload {
            format: FORMAT,
            next_doc: self.next_doc,
        };
        let payload = serde_json::to_string(&payload).unwrap_or_default();
        let mut prepared = self
            .writer
            .prepare_commit()
            .map_err(tantivy_error(&self.path))?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(tantivy_error(&self.path))?;
        let index = self.writer.index().clone();
        self.writer
            .wait_merging_threads()
            .map_err(tantivy_error(&self.path))?;
        // The segments as the merges left them, each given its block
        // bounds (a crash before this leaves them missing: the search is
        // then only slower, and the next commit writes them).
        let searcher = index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()
            .map_err(tantivy_error(&self.path))?
            .searcher();
        crate::blocks::write_missing(&self.path, &searcher, self.fields.terms)?;
        Ok(self.summary)
    }
}

/// Documents made ready at a time by [`IndexWriter::add_all`] (bounded
/// beside the documents themselves).
const PREPARED_AT_A_TIME: usize = 2_000;

/// A document made ready to add: what [`IndexWriter::add`] works out from
/// it (its JSON, its passages analysed, their text keys) before the writer
/// numbers it.
struct PreparedDocument {
    location: String,
    id: String,
    reviewed: bool,
    set_aside: bool,
    /// The document as JSON, or why it could not be written.
    json: Result<String, String>,
    passages: Vec<PreparedPassage>,
}

/// A passage's record, but for its document's number.
struct PreparedPassage {
    start: u64,
    end: u64,
    key: u64,
    length: u64,
    /// Its terms joined (`IndexedPassage::joined_terms`).
    terms: String,
}

impl PreparedDocument {
    fn new(doc: &Document) -> PreparedDocument {
        let passages = veracity_verdict::indexed_passages(doc)
            .into_iter()
            .map(|passage| PreparedPassage {
                start: passage.span.start() as u64,
                end: passage.span.end() as u64,
                key: veracity_verdict::text_key(doc.slice(passage.span)),
                length: u64::from(passage.length),
                terms: passage.joined_terms,
            })
            .collect();
        PreparedDocument {
            location: doc.source.location.clone(),
            id: doc.id.as_str().to_owned(),
            reviewed: !doc.reviews.is_empty(),
            set_aside: !veracity_verdict::carries_weight(doc),
            json: serde_json::to_string(doc).map_err(|e| e.to_string()),
            passages,
        }
    }
}

/// `docs` made ready, on up to `jobs` threads, in their order.
fn prepare(docs: &[Document], jobs: usize) -> Vec<PreparedDocument> {
    let parts = jobs.clamp(1, docs.len().max(1));
    let chunk = docs.len().div_ceil(parts).max(1);
    veracity_verdict::map_parts(parts, |n| {
        let run = docs.chunks(chunk).nth(n).unwrap_or_default();
        run.iter().map(PreparedDocument::new).collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Each segment's column of record numbers, opened once: opening a column
/// decodes its block index, which at a million documents costs more than
/// the lookups of a check that need it (a fifth of a check of whole claims,
/// when each lookup opened it).
pub(crate) fn doc_columns(searcher: &tantivy::Searcher) -> tantivy::Result<Vec<Column<u64>>> {
    searcher
        .segment_readers()
        .iter()
        .map(|r| r.fast_fields().u64("doc"))
        .collect()
}

/// The numbers of the alive records holding `term` in `searcher`, in the
/// order they are stored; `columns` are its segments' columns of record
/// numbers, in segment order ([`doc_columns`]).
pub(crate) fn numbers_of<'c>(
    searcher: &tantivy::Searcher,
    columns: impl IntoIterator<Item = &'c Column<u64>>,
    term: &Term,
) -> tantivy::Result<Vec<u64>> {
    let mut out = Vec::new();
    for (reader, doc) in searcher.segment_readers().iter().zip(columns) {
        let Some(mut postings) = reader
            .inverted_index(term.field())?
            .read_postings(term, tantivy::schema::IndexRecordOption::Basic)?
        else {
            continue;
        };
        while postings.doc() != tantivy::TERMINATED {
            let d = postings.doc();
            if reader.alive_bitset().is_none_or(|a| a.is_alive(d)) {
                out.extend(doc.first(d));
            }
            postings.advance();
        }
    }
    Ok(out)
}
