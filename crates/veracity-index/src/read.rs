//! Opening an index: its segments' columns and statistics, and (on demand)
//! its documents.

use crate::Error;
use crate::blocks::{self, SegmentBlocks};
use crate::schema::{DIAGNOSTIC, DOCUMENT, FORMAT, Fields, Payload};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::columnar::{Column, ColumnValues};
use tantivy::index::InvertedIndexReader;
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{DocAddress, DocSet, Index, Searcher, SegmentReader, TERMINATED};
use veracity_model::{Diagnostic, Document};

/// An index opened for searching: its segments and the statistics BM25
/// needs. Documents are not read on open; [`EvidenceIndex::collection`]
/// reads them all, [`EvidenceIndex::document`] one.
pub struct EvidenceIndex {
    pub(crate) path: PathBuf,
    pub(crate) searcher: Searcher,
    pub(crate) fields: Fields,
    pub(crate) segments: Vec<Segment>,
    /// Alive passages.
    pub(crate) passages: usize,
    /// Their total length in words.
    pub(crate) total_len: u64,
}

/// The documents of an index and the parser's notes on its inputs, in
/// collection order, as a check reads them.
#[derive(Default)]
pub struct Collection {
    /// The documents, in collection order (by number).
    pub documents: Vec<Document>,
    /// The parser's notes on the inputs, in the order they were made.
    pub diagnostics: Vec<Diagnostic>,
    /// Each document's number, in the order of `documents`.
    pub(crate) numbers: Vec<u64>,
    /// Each document's first position, by id.
    pub(crate) places: veracity_text::hash::FxHashMap<veracity_model::DocumentId, usize>,
}

impl Collection {
    /// The position in [`Collection::documents`] of the document numbered
    /// `number`.
    pub(crate) fn position(&self, number: u64) -> Option<usize> {
        self.numbers.binary_search(&number).ok()
    }
}

/// What an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Documents.
    pub documents: usize,
    /// The parser's notes on the inputs.
    pub notes: usize,
    /// Passages.
    pub passages: usize,
    /// Distinct terms (counted per segment: a term in two segments counts twice).
    pub terms: u64,
    /// Their total length in words (BM25's statistics).
    pub words: u64,
    /// tantivy segments.
    pub segments: usize,
    /// Bytes on disk.
    pub bytes: u64,
}

/// The index, its fields and its last commit's payload, checked.
pub(crate) fn open_index(path: &Path) -> Result<(Index, Fields, Payload), Error> {
    let not_an_index = || Error::NotAnIndex {
        path: path.to_owned(),
    };
    if !path.join("meta.json").is_file() {
        return Err(not_an_index());
    }
    let index = Index::open_in_dir(path).map_err(|source| Error::Tantivy {
        path: path.to_owned(),
        source,
    })?;
    let metas = index.load_metas().map_err(|source| Error::Tantivy {
        path: path.to_owned(),
        source,
    })?;
    let payload = match metas.payload.as_deref() {
        // Created, never committed: empty.
        None => Payload {
            format: FORMAT,
            next_doc: 0,
        },
        Some(p) => serde_json::from_str::<Payload>(p).map_err(|_| Error::Format {
            path: path.to_owned(),
            found: p.chars().take(60).collect(),
            expected: FORMAT,
        })?,
    };
    if payload.format != FORMAT {
        return Err(Error::Format {
            path: path.to_owned(),
            found: payload.format.to_string(),
            expected: FORMAT,
        });
    }
    // After the format: an index of another format may lack a field.
    let fields = Fields::of(&index.schema()).ok_or_else(not_an_index)?;
    crate::schema::register_tokenizer(&index);
    Ok((index, fields, payload))
}

/// One segment: its passages' terms and columns, and where its records
/// start among the retriever's passage numbers.
pub(crate) struct Segment {
    pub(crate) base: u32,
    pub(crate) terms: Arc<InvertedIndexReader>,
    pub(crate) doc: Column<u64>,
    pub(crate) start: Column<u64>,
    pub(crate) end: Column<u64>,
    /// Every passage's text key (see [`crate::schema::Fields::key`]).
    pub(crate) key: Column<u64>,
    /// Every record's BM25 length (0 for documents and notes), mmap'd ...
    pub(crate) len: Arc<dyn ColumnValues<u64>>,
    /// ... and read once into a byte each, [`LONG`] for a longer one: the
    /// search looks up the length of every passage it scores, and a byte
    /// array costs a fraction of the column's decoding.
    short_len: Box<[u8]>,
    /// The bounds of its long posting lists per block, mmap'd (`None`:
    /// no file for it, terms are bounded as a whole).
    pub(crate) blocks: Option<SegmentBlocks>,
}

/// The byte of a record at least this long in [`Segment::short_len`].
const LONG: u8 = u8::MAX;

impl Segment {
    /// A record's BM25 length.
    pub(crate) fn len(&self, d: tantivy::DocId) -> u32 {
        match self.short_len.get(d as usize) {
            Some(&n) if n != LONG => u32::from(n),
            _ => u32::try_from(self.len.get_val(d)).unwrap_or(u32::MAX),
        }
    }

    /// Where a passage is in the collection: its document's number and its
    /// start in that document (the order ties are broken in).
    pub(crate) fn place(&self, d: tantivy::DocId) -> (u64, u64) {
        (
            self.doc.first(d).unwrap_or(0),
            self.start.first(d).unwrap_or(0),
        )
    }
}

/// The alive records of `kind` in a segment, in doc id order.
pub(crate) fn records_of(
    segment: &SegmentReader,
    fields: Fields,
    kind: &str,
) -> tantivy::Result<Vec<tantivy::DocId>> {
    let mut out = Vec::new();
    let term = Term::from_field_text(fields.kind, kind);
    let Some(mut postings) = segment
        .inverted_index(fields.kind)?
        .read_postings(&term, IndexRecordOption::Basic)?
    else {
        return Ok(out);
    };
    while postings.doc() != TERMINATED {
        let d = postings.doc();
        if segment.alive_bitset().is_none_or(|a| a.is_alive(d)) {
            out.push(d);
        }
        postings.advance();
    }
    Ok(out)
}

impl EvidenceIndex {
    /// Whether `path` holds an index this build reads (without reading it).
    pub fn check(path: &Path) -> Result<(), Error> {
        open_index(path).map(|_| ())
    }

    /// Opens the index in `path`: its segments and its statistics (a scan
    /// of the passage lengths); no document is read.
    pub fn open(path: &Path) -> Result<EvidenceIndex, Error> {
        let (index, fields, _) = open_index(path)?;
        let err = |source| Error::Tantivy {
            path: path.to_owned(),
            source,
        };
        let searcher = index.reader().map_err(err)?.searcher();
        // The block bounds are files of their own, beside tantivy's.
        let files = tantivy::directory::MmapDirectory::open(path).ok();
        let mut segments = Vec::new();
        let (mut passages, mut total_len, mut base) = (0usize, 0u64, 0u32);
        for reader in searcher.segment_readers() {
            let fast = reader.fast_fields();
            let len = fast.u64("len").map_err(err)?;
            // Format 2 gives every record a length, so the column is full
            // and a length is one read; passages are at least a word long.
            if len.get_cardinality() != tantivy::columnar::Cardinality::Full {
                return Err(Error::Format {
                    path: path.to_owned(),
                    found: "1 (lengths on passages only)".to_owned(),
                    expected: FORMAT,
                });
            }
            let len = len.values;
            let alive = reader.alive_bitset();
            let mut short_len = Vec::with_capacity(reader.max_doc() as usize);
            for (d, n) in len.iter().enumerate() {
                short_len.push(u8::try_from(n).unwrap_or(LONG));
                if n > 0 && alive.is_none_or(|a| a.is_alive(d as u32)) {
                    passages += 1;
                    total_len += n;
                }
            }
            segments.push(Segment {
                base,
                terms: reader.inverted_index(fields.terms).map_err(err)?,
                doc: fast.u64("doc").map_err(err)?,
                start: fast.u64("start").map_err(err)?,
                end: fast.u64("end").map_err(err)?,
                key: fast.u64("key").map_err(err)?,
                len,
                short_len: short_len.into_boxed_slice(),
                blocks: files.as_ref().and_then(|files| {
                    use tantivy::Directory;
                    let bytes = files
                        .open_read(Path::new(&blocks::file_name(reader)))
                        .ok()?
                        .read_bytes()
                        .ok()?;
                    SegmentBlocks::parse(bytes, reader.max_doc())
                }),
            });
            base = base.saturating_add(reader.max_doc());
        }
        Ok(EvidenceIndex {
            path: path.to_owned(),
            searcher,
            fields,
            segments,
            passages,
            total_len,
        })
    }

    /// Reads every document and parser note, in collection order: what a
    /// check that lists the collection needs.
    pub fn collection(&self) -> Result<Collection, Error> {
        let (numbers, documents): (Vec<u64>, Vec<Document>) =
            self.bodies(DOCUMENT)?.into_iter().unzip();
        let notes = self.notes()?;
        Ok(Collection {
            numbers,
            places: veracity_verdict::InMemory::places(&documents),
            documents,
            diagnostics: notes,
        })
    }

    /// The number and address of every alive record of `kind`, segment by
    /// segment.
    pub(crate) fn records(&self, kind: &str) -> Result<Vec<(u64, DocAddress)>, Error> {
        let mut out = Vec::new();
        for (ord, (reader, segment)) in self
            .searcher
            .segment_readers()
            .iter()
            .zip(&self.segments)
            .enumerate()
        {
            for d in records_of(reader, self.fields, kind).map_err(self.tantivy())? {
                let number = segment.doc.first(d).unwrap_or(0);
                out.push((number, DocAddress::new(ord as u32, d)));
            }
        }
        Ok(out)
    }

    /// The parser's notes on the inputs, in the order they were made.
    pub(crate) fn notes(&self) -> Result<Vec<Diagnostic>, Error> {
        let notes = self.bodies::<Diagnostic>(DIAGNOSTIC)?;
        Ok(notes.into_iter().map(|(_, d)| d).collect())
    }

    /// Every alive record of `kind` read, with its number, in number order.
    fn bodies<T: serde::de::DeserializeOwned>(&self, kind: &str) -> Result<Vec<(u64, T)>, Error> {
        let mut out = self
            .records(kind)?
            .into_iter()
            .map(|(number, address)| Ok((number, self.body(address, number)?)))
            .collect::<Result<Vec<_>, Error>>()?;
        out.sort_by_key(|(n, _)| *n);
        Ok(out)
    }

    /// The numbers of the alive documents with this id, in the order
    /// they are stored (none read).
    pub(crate) fn numbers_of(&self, id: &str) -> Result<Vec<u64>, Error> {
        let term = Term::from_field_text(self.fields.id, id);
        // The columns opened with the index.
        let columns = self.segments.iter().map(|s| &s.doc);
        crate::write::numbers_of(&self.searcher, columns, &term).map_err(self.tantivy())
    }

    /// The document numbered `number`, read from the index alone (`None`
    /// when no alive document has that number).
    pub fn document(&self, number: u64) -> Result<Option<Document>, Error> {
        let term = Term::from_field_u64(self.fields.doc, number);
        let kind = Term::from_field_text(self.fields.kind, DOCUMENT);
        for (ord, reader) in self.searcher.segment_readers().iter().enumerate() {
            let postings = |t: &Term| -> tantivy::Result<_> {
                Ok(reader
                    .inverted_index(t.field())?
                    .read_postings(t, IndexRecordOption::Basic)?)
            };
            let (Some(mut records), Some(mut documents)) = (
                postings(&term).map_err(self.tantivy())?,
                postings(&kind).map_err(self.tantivy())?,
            ) else {
                continue;
            };
            // The document's record is the one of its records (it and its
            // passages share the number) that is a document.
            while records.doc() != TERMINATED {
                let d = records.doc();
                // A seek never goes back: a note numbered like the
                // document may have moved the kinds' list past it.
                let kind_at = if documents.doc() < d {
                    documents.seek(d)
                } else {
                    documents.doc()
                };
                if reader.alive_bitset().is_none_or(|a| a.is_alive(d)) && kind_at == d {
                    return self.body(DocAddress::new(ord as u32, d), number).map(Some);
                }
                records.advance();
            }
        }
        Ok(None)
    }

    /// The stored JSON of a document or note, parsed.
    pub(crate) fn body<T: serde::de::DeserializeOwned>(
        &self,
        address: DocAddress,
        number: u64,
    ) -> Result<T, Error> {
        let record: tantivy::TantivyDocument =
            self.searcher.doc(address).map_err(self.tantivy())?;
        let json = record
            .get_first(self.fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).map_err(|e| Error::Damaged {
            path: self.path.clone(),
            number,
            message: e.to_string(),
        })
    }

    pub(crate) fn tantivy(&self) -> impl Fn(tantivy::TantivyError) -> Error + '_ {
        move |source| Error::Tantivy {
            path: self.path.clone(),
            source,
        }
    }

    /// What the index holds.
    pub fn stats(&self) -> Result<IndexStats, Error> {
        let readers = self.searcher.segment_readers();
        let count = |kind: &str| -> Result<usize, Error> {
            let mut n = 0;
            for r in readers {
                n += records_of(r, self.fields, kind)
                    .map_err(self.tantivy())?
                    .len();
            }
            Ok(n)
        };
        Ok(IndexStats {
            documents: count(DOCUMENT)?,
            notes: count(DIAGNOSTIC)?,
            passages: self.passages,
            terms: self
                .segments
                .iter()
                .map(|s| s.terms.terms().num_terms() as u64)
                .sum(),
            words: self.total_len,
            segments: self.segments.len(),
            bytes: dir_size(&self.path),
        })
    }

    /// The average passage length.
    pub(crate) fn avg_len(&self) -> f32 {
        self.total_len as f32 / self.passages as f32
    }

    /// The segment holding passage number `p` (its place among the
    /// segments), and its doc id there.
    pub(crate) fn locate(&self, p: u32) -> Option<(usize, tantivy::DocId)> {
        let at = self
            .segments
            .partition_point(|s| s.base <= p)
            .checked_sub(1)?;
        Some((at, p - self.segments[at].base))
    }
}

/// The bytes of the files directly in `dir`.
fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
