//! The rounds of a sharded check (docs/scale-out.md) for Python jobs:
//! each shard's statistics, candidate claims and candidates, and the
//! merges, with the Rust functions `veracity stats`, `claims`, `candidates`
//! and `merge` run, so a Spark or Dask job written in Python gives the
//! report of one check on the whole collection.

use crate::convert::{CollectorPaused, to_python};
use crate::inputs::{self, Documents};
use crate::{errors, render};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::de::DeserializeOwned;
use veracity::model::scatter::{ClaimSet, ShardCandidates, ShardClaims, ShardStats};

/// A list of round results (dicts of the round's schema) as Rust values.
fn parts<T: DeserializeOwned>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<T>> {
    let items: Vec<Bound<'_, PyAny>> = value
        .try_iter()
        .map_err(|_| PyValueError::new_err(format!("{what} must be a list of dicts")))?
        .collect::<PyResult<_>>()?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            pythonize::depythonize(item).map_err(|e| {
                PyValueError::new_err(format!(
                    "{what}[{i}] is not a result of the round it is given to: {e}"
                ))
            })
        })
        .collect()
}

/// `round` over one shard's documents, with the GIL released, its result
/// as Python objects.
fn over_shard<'py, T: serde::Serialize + Send>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    round: impl FnOnce(&veracity::Corpus) -> T + Send,
) -> PyResult<Bound<'py, PyAny>> {
    let corpus = Documents::extract(documents)?.into_corpus(py)?;
    let result = py.detach(|| round(&corpus));
    let _paused = CollectorPaused::new(py)?;
    to_python(py, &result)
}

/// One shard's BM25 statistics (`veracity stats SHARD`): its documents'
/// ids, passages, their total length and each term's passage count.
/// `documents` is what `ingest` or `parse` returned for the shard, or a
/// list of document dicts. The GIL is released while counting.
#[pyfunction]
pub fn shard_stats<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    over_shard(py, documents, veracity::scatter::shard_stats)
}

/// The statistics of the whole collection from every shard's
/// (`veracity stats --merge`), in any grouping. Raises CheckError when a
/// document is in two shards.
#[pyfunction]
pub fn merge_stats<'py>(py: Python<'py>, parts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let parts: Vec<ShardStats> = self::parts(parts, "parts")?;
    let merged = py
        .detach(|| veracity::scatter::merge_stats(parts))
        .map_err(|e| errors::CheckError::new_err(e.to_string()))?;
    to_python(py, &merged)
}

/// One shard's candidate claims (`veracity claims SHARD`), for claims
/// found in the collection rather than given. The GIL is released.
#[pyfunction]
pub fn shard_claims<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    over_shard(py, documents, veracity::scatter::shard_claims)
}

/// The claims found in the whole collection, from every shard's candidate
/// claims in shard order (`veracity claims --merge`): at most `limit`
/// (None for all), the rest counted. Returns the claim set
/// `shard_candidates` takes.
#[pyfunction]
#[pyo3(signature = (parts, *, limit=Some(10)))]
pub fn merge_claims<'py>(
    py: Python<'py>,
    parts: &Bound<'py, PyAny>,
    limit: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    if limit == Some(0) {
        return Err(PyValueError::new_err("limit must be at least 1"));
    }
    let parts: Vec<ShardClaims> = self::parts(parts, "parts")?;
    let set = py.detach(|| veracity::scatter::merge_claims(&parts, limit.unwrap_or(usize::MAX)));
    to_python(py, &set)
}

/// What one shard finds for each claim (`veracity candidates SHARD`):
/// scored with `global_stats` (from `merge_stats`), for `claims`: the claim
/// set from `merge_claims`, or one claim's text or a list of them. `top_k`
/// is `check`'s. The shard's documents travel with the result, for the
/// merge's report. Raises CheckError when the statistics do not count a
/// document of the shard. The GIL is released.
#[pyfunction]
#[pyo3(signature = (documents, global_stats, claims, *, top_k=veracity::verdict::DEFAULT_TOP_K))]
pub fn shard_candidates<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    global_stats: &Bound<'py, PyAny>,
    claims: &Bound<'py, PyAny>,
    top_k: usize,
) -> PyResult<Bound<'py, PyAny>> {
    if top_k == 0 {
        return Err(PyValueError::new_err("top_k must be at least 1"));
    }
    let corpus = Documents::extract(documents)?.into_corpus(py)?;
    let global: ShardStats = pythonize::depythonize(global_stats).map_err(|e| {
        PyValueError::new_err(format!("global_stats is not a result of merge_stats: {e}"))
    })?;
    let claims = if claims.is_instance_of::<pyo3::types::PyDict>() {
        pythonize::depythonize::<ClaimSet>(claims).map_err(|e| {
            PyValueError::new_err(format!("claims is not a result of merge_claims: {e}"))
        })?
    } else {
        veracity::scatter::given_claims(&inputs::claims(Some(claims))?)
    };
    // The diagnostics given with the documents are kept as the parser's.
    let candidates = py
        .detach(|| veracity::scatter::shard_candidates(corpus, 0, &global, claims, top_k))
        .map_err(|e| errors::check_error(&e))?;
    let _paused = CollectorPaused::new(py)?;
    to_python(py, &candidates)
}

/// The report of the whole collection from every shard's candidates, in
/// shard order (`veracity merge`): what `check` gives on the whole
/// collection with the same claims. `engine` and `scale` are `check`'s.
/// With `format` ("json", "markdown", "html", ...) the report is returned
/// as that format's text, byte for byte what the CLI writes; without, as
/// plain Python objects. Raises CheckError when the parts do not fit
/// together (other claims or top_k, a document in two shards).
#[pyfunction]
#[pyo3(signature = (parts, *, engine="evidence", scale="veracity", format=None))]
pub fn merge_candidates<'py>(
    py: Python<'py>,
    parts: &Bound<'py, PyAny>,
    engine: &str,
    scale: &str,
    format: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let parts: Vec<ShardCandidates> = self::parts(parts, "parts")?;
    let options = veracity::CheckOptions {
        engine: engine.to_owned(),
        scale: scale.to_owned(),
        ..veracity::CheckOptions::default()
    };
    let report = py
        .detach(|| {
            veracity::scatter::merge_candidates(
                parts,
                &options,
                &veracity::verdict::EngineRegistry::builtin(),
                veracity::model::ScaleRegistry::builtin(),
            )
        })
        .map_err(|e| errors::check_error(&e))?;
    match format {
        Some(format) => Ok(render(py, &report, format)?.into_pyobject(py)?.into_any()),
        None => {
            let _paused = CollectorPaused::new(py)?;
            to_python(py, &report)
        }
    }
}
