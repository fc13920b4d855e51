//! Opening an index: its documents, its statistics and a retriever.

use crate::Error;
use crate::schema::{DIAGNOSTIC, DOCUMENT, FORMAT, Fields, PASSAGE, Payload};
use std::path::{Path, PathBuf};
use tantivy::columnar::Column;
use tantivy::postings::Postings;
use tantivy::schema::{IndexRecordOption, Term, Value};
use tantivy::{DocAddress, DocSet, Index, Searcher, SegmentReader, TERMINATED};
use veracity_model::Document;
use veracity_text::bm25::{BM25, Bm25};
use veracity_text::hash::FxHashMap;
use veracity_text::words;
use veracity_verdict::{Hit, Passage, Retriever};

/// An index opened for checking.
pub struct EvidenceIndex {
    /// The documents, in collection order (by number).
    pub documents: Vec<Document>,
    /// The parser's notes on the inputs, in the order they were made.
    pub diagnostics: Vec<veracity_model::Diagnostic>,
    /// Their passages.
    passages: IndexPassages,
}

/// What an index holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// Documents.
    pub documents: usize,
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
    let fields = Fields::of(&index.schema()).ok_or_else(not_an_index)?;
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
    Ok((index, fields, payload))
}

/// One segment's columns, and where its passages start among the
/// retriever's numbers.
struct Segment {
    base: u32,
    doc: Column<u64>,
    start: Column<u64>,
    end: Column<u64>,
    /// Each record's BM25 length (0 for documents), read once at open:
    /// every posting a query reads needs it.
    lens: Vec<u32>,
}

/// The passages of an index: a passage's number is its segment's base
/// plus its tantivy doc id.
struct IndexPassages {
    path: PathBuf,
    searcher: Searcher,
    fields: Fields,
    segments: Vec<Segment>,
    /// Document number → index into [`EvidenceIndex::documents`].
    positions: FxHashMap<u64, u32>,
    passages: usize,
    total_len: u64,
}

/// The alive records of `kind` in a segment, in doc id order.
fn records_of(
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

    /// Opens the index in `path` and reads its documents.
    pub fn open(path: &Path) -> Result<EvidenceIndex, Error> {
        let (index, fields, _) = open_index(path)?;
        let err = |source| Error::Tantivy {
            path: path.to_owned(),
            source,
        };
        let searcher = index.reader().map_err(err)?.searcher();
        let mut numbered: Vec<(u64, Document)> = Vec::new();
        let mut notes: Vec<(u64, veracity_model::Diagnostic)> = Vec::new();
        let mut segments = Vec::new();
        let (mut passages, mut total_len, mut base) = (0usize, 0u64, 0u32);
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let fast = segment.fast_fields();
            let len = fast.u64("len").map_err(err)?;
            let mut lens = vec![0u32; segment.max_doc() as usize];
            for d in records_of(segment, fields, PASSAGE).map_err(err)? {
                let n = len.first(d).unwrap_or(0);
                lens[d as usize] = u32::try_from(n).unwrap_or(u32::MAX);
                passages += 1;
                total_len += n;
            }
            let columns = Segment {
                base,
                doc: fast.u64("doc").map_err(err)?,
                start: fast.u64("start").map_err(err)?,
                end: fast.u64("end").map_err(err)?,
                lens,
            };
            let body = |d: tantivy::DocId| -> Result<(u64, String), Error> {
                let record: tantivy::TantivyDocument =
                    searcher.doc(DocAddress::new(ord as u32, d)).map_err(err)?;
                let json = record.get_first(fields.body).and_then(|v| v.as_str());
                Ok((
                    columns.doc.first(d).unwrap_or(0),
                    json.unwrap_or_default().to_owned(),
                ))
            };
            let damaged = |number: u64| {
                move |e: serde_json::Error| Error::Damaged {
                    path: path.to_owned(),
                    number,
                    message: e.to_string(),
                }
            };
            for d in records_of(segment, fields, DOCUMENT).map_err(err)? {
                let (number, json) = body(d)?;
                numbered.push((
                    number,
                    serde_json::from_str(&json).map_err(damaged(number))?,
                ));
            }
            for d in records_of(segment, fields, DIAGNOSTIC).map_err(err)? {
                let (number, json) = body(d)?;
                notes.push((
                    number,
                    serde_json::from_str(&json).map_err(damaged(number))?,
                ));
            }
            base = base.saturating_add(segment.max_doc());
            segments.push(columns);
        }
        numbered.sort_by_key(|(n, _)| *n);
        notes.sort_by_key(|(n, _)| *n);
        let positions = numbered
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (*n, i as u32))
            .collect();
        Ok(EvidenceIndex {
            documents: numbered.into_iter().map(|(_, d)| d).collect(),
            diagnostics: notes.into_iter().map(|(_, d)| d).collect(),
            passages: IndexPassages {
                path: path.to_owned(),
                searcher,
                fields,
                segments,
                positions,
                passages,
                total_len,
            },
        })
    }

    /// A retriever over the index's passages, for
    /// [`Checker::with_retriever`](veracity_verdict::Checker::with_retriever)
    /// with [`EvidenceIndex::documents`].
    pub fn retriever(&self) -> IndexRetriever<'_> {
        IndexRetriever {
            passages: &self.passages,
            documents: &self.documents,
        }
    }

    /// What the index holds.
    pub fn stats(&self) -> IndexStats {
        let r = &self.passages;
        let terms = r
            .searcher
            .segment_readers()
            .iter()
            .filter_map(|s| s.inverted_index(r.fields.terms).ok())
            .map(|i| i.terms().num_terms() as u64)
            .sum();
        IndexStats {
            documents: self.documents.len(),
            passages: r.passages,
            terms,
            words: r.total_len,
            segments: r.segments.len(),
            bytes: dir_size(&r.path),
        }
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

/// A query term's alive postings, (passage number, term frequency,
/// passage length) by passage number, and its idf.
type TermPostings = (Vec<(u32, u32, u32)>, f32);

/// The passages of an [`EvidenceIndex`] as a [`Retriever`]: BM25 computed
/// from the postings with the index's own statistics, so its hits are those
/// of `veracity_verdict::Index` over the same documents.
pub struct IndexRetriever<'a> {
    passages: &'a IndexPassages,
    documents: &'a [Document],
}

impl IndexPassages {
    /// The segment holding passage number `p`, and its doc id there.
    fn locate(&self, p: u32) -> Option<(&Segment, tantivy::DocId)> {
        let at = self
            .segments
            .partition_point(|s| s.base <= p)
            .checked_sub(1)?;
        let s = &self.segments[at];
        Some((s, p - s.base))
    }

    /// The postings of a query's distinct terms that occur in the index,
    /// each with its idf, and the normaliser of its scores (as
    /// `veracity_verdict::Index` computes them). A segment that cannot be
    /// read gives no postings.
    fn query(&self, query: &str) -> (Vec<TermPostings>, f32) {
        let mut qterms: Vec<String> = words::terms(query);
        qterms.sort_unstable();
        qterms.dedup();
        let mut lists = Vec::new();
        for t in &qterms {
            let term = Term::from_field_text(self.fields.terms, t);
            let mut list: Vec<(u32, u32, u32)> = Vec::new();
            for (reader, segment) in self.searcher.segment_readers().iter().zip(&self.segments) {
                let Ok(Some(mut postings)) = reader
                    .inverted_index(self.fields.terms)
                    .and_then(|i| Ok(i.read_postings(&term, IndexRecordOption::WithFreqs)?))
                else {
                    continue;
                };
                while postings.doc() != TERMINATED {
                    let d = postings.doc();
                    if reader.alive_bitset().is_none_or(|a| a.is_alive(d)) {
                        let len = segment.lens.get(d as usize).copied().unwrap_or(0);
                        list.push((segment.base + d, postings.term_freq(), len));
                    }
                    postings.advance();
                }
            }
            if !list.is_empty() {
                let idf = Bm25::idf(self.passages as f32, list.len() as f32);
                lists.push((list, idf));
            }
        }
        let ideal = lists.iter().map(|(_, idf)| idf).sum();
        (lists, ideal)
    }

    fn avg_len(&self) -> f32 {
        self.total_len as f32 / self.passages as f32
    }
}

/// The BM25 contribution of a term of weight `idf` found `tf` times in a
/// passage of `len` words, where the average is `avg`.
fn term_score(idf: f32, tf: u32, len: u32, avg: f32) -> f32 {
    BM25.term_score(idf, tf as f32, BM25.length_norm(len as f32, avg))
}

impl IndexRetriever<'_> {
    /// Where a passage comes in the collection: (document number, start).
    /// Documents are read back in number order, so this is the order of
    /// (document, start) without building the passage.
    fn place(&self, passage: u32) -> (u64, u64) {
        self.passages
            .locate(passage)
            .map(|(s, d)| (s.doc.first(d).unwrap_or(0), s.start.first(d).unwrap_or(0)))
            .unwrap_or_default()
    }
}

impl Retriever for IndexRetriever<'_> {
    fn len(&self) -> usize {
        self.passages.passages
    }

    fn passage(&self, passage: u32) -> Passage {
        let (doc, start, end) = self
            .passages
            .locate(passage)
            .map(|(s, d)| {
                (
                    s.doc.first(d).unwrap_or(0),
                    s.start.first(d).unwrap_or(0) as usize,
                    s.end.first(d).unwrap_or(0) as usize,
                )
            })
            .unwrap_or_default();
        let doc = self.passages.positions.get(&doc).copied().unwrap_or(0);
        // A span the index wrote from this very document fits it; should a
        // damaged index say otherwise, the passage is empty.
        let text = self
            .documents
            .get(doc as usize)
            .map_or("", |d| d.text.as_str());
        let span = veracity_model::Span::new(text, start, end)
            .unwrap_or_else(|_| veracity_model::Span::whole(""));
        Passage { doc, span }
    }

    fn search_where(&self, query: &str, k: usize, keep: &mut dyn FnMut(u32) -> bool) -> Vec<Hit> {
        let index = self.passages;
        if index.passages == 0 || k == 0 {
            return Vec::new();
        }
        let (lists, ideal) = index.query(query);
        let avg = index.avg_len();
        let mut scores: FxHashMap<u32, f32> = FxHashMap::default();
        for (list, idf) in &lists {
            for &(p, tf, len) in list {
                *scores.entry(p).or_insert(0.0) += term_score(*idf, tf, len, avg);
            }
        }
        let mut hits: Vec<Hit> = scores
            .into_iter()
            .map(|(p, score)| Hit::new(p, score, ideal))
            .collect();
        hits.sort_unstable_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.passage.cmp(&b.passage))
        });
        // Ties go to the passage first in the collection: each run of equal
        // scores is ordered by place, looked up once per passage.
        for run in hits.chunk_by_mut(|a, b| a.score.total_cmp(&b.score).is_eq()) {
            if run.len() > 1 {
                run.sort_by_cached_key(|h| self.place(h.passage));
            }
        }
        let mut out = Vec::new();
        for h in hits {
            if out.len() == k {
                break;
            }
            if keep(h.passage) {
                out.push(h);
            }
        }
        out
    }

    fn score(&self, query: &str, passages: &[u32]) -> Vec<Hit> {
        let index = self.passages;
        let (lists, ideal) = index.query(query);
        let avg = index.avg_len();
        passages
            .iter()
            .map(|&p| {
                let score = lists
                    .iter()
                    .filter_map(|(l, idf)| {
                        let at = l.binary_search_by_key(&p, |&(q, _, _)| q).ok()?;
                        Some(term_score(*idf, l[at].1, l[at].2, avg))
                    })
                    .sum();
                Hit::new(p, score, ideal)
            })
            .collect()
    }
}
