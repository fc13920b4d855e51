//! `veracity.Index`: the persistent evidence index (`veracity index`,
//! `check --index`) from Python. Each call opens the index on disk, so an
//! `Index` is only its path and can be shared between threads.

use crate::convert::{CollectorPaused, to_python};
use crate::inputs::{self, Documents};
use crate::{check_options, errors, render};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::PathBuf;
use veracity_index::{EvidenceIndex, IndexWriter};

/// An index error as the base exception, with the CLI's message.
fn index_error(e: &veracity_index::Error) -> PyErr {
    errors::VeracityError::new_err(e.to_string())
}

/// A persistent evidence index: parsed documents and their passages on
/// disk (tantivy), searched with veracity's BM25. `Index.create(path)`
/// makes an empty one, `Index.open(path)` opens one `veracity index` made;
/// `add` adds documents, `search` ranks passages, `check` gives the report
/// of `veracity check --index`. Nothing is held open between calls.
#[pyclass(module = "veracity", frozen)]
pub struct Index {
    path: PathBuf,
}

#[pymethods]
impl Index {
    /// Makes an empty index in `path` (a folder that must not exist, or
    /// be empty).
    #[staticmethod]
    fn create(py: Python<'_>, path: PathBuf) -> PyResult<Index> {
        py.detach(|| {
            IndexWriter::check_new(&path)?;
            IndexWriter::create(&path)?.commit()
        })
        .map_err(|e| index_error(&e))?;
        Ok(Index { path })
    }

    /// Opens the index in `path`; raises VeracityError when there is none
    /// (or one of another format version).
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf) -> PyResult<Index> {
        py.detach(|| EvidenceIndex::open(&path).map(drop))
            .map_err(|e| index_error(&e))?;
        Ok(Index { path })
    }

    /// The index's folder.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Adds documents (what `ingest` or `parse` returned, with their
    /// diagnostics, or a list of document dicts), as `veracity index
    /// --append` does: a file indexed again replaces what it gave before.
    /// Nothing is visible until all are added. Returns {"documents",
    /// "passages", "replaced_files"}.
    fn add<'py>(
        &self,
        py: Python<'py>,
        documents: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let corpus = Documents::extract(documents)?.into_corpus(py)?;
        let summary = py
            .detach(|| {
                let mut writer = IndexWriter::append(&self.path)?;
                for d in &corpus.diagnostics {
                    writer.add_diagnostic(d)?;
                }
                let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
                writer.add_all(&corpus.documents, cores)?;
                writer.commit()
            })
            .map_err(|e| index_error(&e))?;
        let out = PyDict::new(py);
        out.set_item("documents", summary.documents)?;
        out.set_item("passages", summary.passages)?;
        out.set_item("replaced_files", summary.replaced_files)?;
        Ok(out)
    }

    /// What the index holds: {"documents", "notes", "passages", "terms",
    /// "words"} (`veracity index --stats`).
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = py
            .detach(|| EvidenceIndex::open(&self.path)?.stats())
            .map_err(|e| index_error(&e))?;
        let out = PyDict::new(py);
        out.set_item("documents", stats.documents)?;
        out.set_item("notes", stats.notes)?;
        out.set_item("passages", stats.passages)?;
        out.set_item("terms", stats.terms)?;
        out.set_item("words", stats.words)?;
        Ok(out)
    }

    /// The `k` passages that rank highest against `query` (BM25 over the
    /// index's statistics, as a check retrieves evidence), best first:
    /// dicts of "document" (id), "location", "url", "start" and "end" (byte
    /// offsets in the document's UTF-8 text, as every span of the data
    /// model), "text", "score" and "relevance"
    /// (the score over that of an average passage holding every query term
    /// once, in [0, 1]).
    #[pyo3(signature = (query, k=10))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: &str,
        k: usize,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if k == 0 {
            return Err(PyValueError::new_err("k must be at least 1"));
        }
        let found = py
            .detach(|| {
                let index = EvidenceIndex::open(&self.path)?;
                // Only the documents of the hits are read, each once.
                let mut documents: Vec<(u64, veracity::model::Document)> = Vec::new();
                let mut hits = Vec::new();
                for found in index.search(query, k) {
                    let at = match documents.iter().position(|(n, _)| *n == found.document) {
                        Some(at) => at,
                        None => match index.document(found.document)? {
                            Some(doc) => {
                                documents.push((found.document, doc));
                                documents.len() - 1
                            }
                            // A hit's document is alive with it; should a
                            // damaged index say otherwise, the hit goes.
                            None => continue,
                        },
                    };
                    let doc = &documents[at].1;
                    hits.push((
                        doc.id.to_string(),
                        doc.source.location.clone(),
                        doc.source.url.clone(),
                        found.start,
                        found.end,
                        doc.text
                            .get(found.start..found.end)
                            .unwrap_or_default()
                            .to_owned(),
                        found.score,
                        found.relevance,
                    ));
                }
                Ok::<_, veracity_index::Error>(hits)
            })
            .map_err(|e| index_error(&e))?;
        found
            .into_iter()
            .map(|(id, location, url, start, end, text, score, relevance)| {
                let hit = PyDict::new(py);
                hit.set_item("document", id)?;
                hit.set_item("location", location)?;
                hit.set_item("url", url)?;
                hit.set_item("start", start)?;
                hit.set_item("end", end)?;
                hit.set_item("text", text)?;
                hit.set_item("score", score)?;
                hit.set_item("relevance", relevance)?;
                Ok(hit)
            })
            .collect()
    }

    /// The report of `veracity check --index`: claims (one string or a
    /// list; without any, claims are found in the indexed documents, at
    /// most `limit`, None for all) rated against the index's evidence.
    /// `engine`, `scale` and `top_k` are `check`'s. With `format` ("json",
    /// "markdown", ...) the report is that format's text, byte for byte
    /// what the CLI writes; without, plain Python objects.
    #[pyo3(signature = (claims=None, *, engine="evidence", scale="veracity",
                        top_k=veracity::verdict::DEFAULT_TOP_K, limit=Some(10), format=None))]
    #[allow(clippy::too_many_arguments)]
    fn check<'py>(
        &self,
        py: Python<'py>,
        claims: Option<&Bound<'py, PyAny>>,
        engine: &str,
        scale: &str,
        top_k: usize,
        limit: Option<usize>,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = check_options(engine, scale, top_k, limit)?;
        let claims = inputs::claims(claims)?;
        // The CLI's `check --index`, so the report is its, byte for byte.
        let (report, _) = py
            .detach(|| {
                veracity_cli::check_index(
                    &self.path,
                    &claims,
                    None,
                    &options,
                    &veracity::verdict::EngineRegistry::builtin(),
                    veracity::model::ScaleRegistry::builtin(),
                )
            })
            .map_err(|e| errors::CheckError::new_err(format!("{e:#}")))?;
        match format {
            Some(format) => Ok(render(py, &report, format)?.into_pyobject(py)?.into_any()),
            None => {
                let _paused = CollectorPaused::new(py)?;
                to_python(py, &report)
            }
        }
    }

    fn __repr__(&self) -> String {
        format!("veracity.Index({:?})", self.path.display().to_string())
    }
}
