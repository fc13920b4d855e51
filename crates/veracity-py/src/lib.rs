//! `veracity` for Python: the facade crate's `ingest` and `check`, the
//! parser for bytes and text, and the command line for `python -m
//! veracity`. Results are plain Python objects of the JSON Schema's shape;
//! Rust works with the GIL released, batches on every core.

mod convert;
mod errors;
mod index;
mod inputs;
mod scatter;

use convert::{CollectorPaused, to_python};
use inputs::{Data, Documents};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::ffi::OsString;
use std::path::PathBuf;
use veracity::model::Report;
use veracity::parse::{DEFAULT_MAX_SIZE, Options, Parsed};

/// Where a `parse` input is said to come from when no URL names it.
const UNNAMED: &str = "<data>";

/// Parse one input (HTML, plain text, JSON, JSON Lines, or gzip of any;
/// the format is sniffed from the content) into documents.
///
/// `data` is the input's bytes, or its text. `url` is where it came from:
/// it names the input in messages and becomes each document's
/// `source["url"]` unless the page gives its own canonical URL. `location`
/// names the input instead (a path, say; default: the URL, else "<data>").
/// Inputs over `max_size` bytes (before or after gzip) are refused.
///
/// Returns {"documents": [...], "diagnostics": [...]}: one input can hold
/// several documents (a multi-post page, a JSON list), and the diagnostics
/// are warnings about what was read. Raises ParseError, with the message
/// the CLI prints, when the input cannot be used. The GIL is released while
/// parsing, so threads parse in parallel.
#[pyfunction]
#[pyo3(signature = (data, url=None, *, location=None, max_size=DEFAULT_MAX_SIZE))]
fn parse<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    url: Option<String>,
    location: Option<String>,
    max_size: u64,
) -> PyResult<Bound<'py, PyDict>> {
    let data = Data::extract(data, "data")?;
    let location = location
        .or_else(|| url.clone())
        .unwrap_or_else(|| UNNAMED.to_owned());
    let options = Options { max_size };
    let parsed = py
        .detach(|| veracity::parse::parse(data.bytes(), &location, &options))
        .map_err(|e| errors::parse_error(&e))?;
    let _paused = CollectorPaused::new(py)?;
    parsed_dict(py, parsed, url)
}

/// Parse many inputs on every core; one bad input does not stop the rest.
///
/// `items` are bytes or str; `urls`, if given, one per item (None where
/// unknown), as for `parse`. Items without a URL are named "items[N]" in
/// messages. `jobs` threads parse (default: one per core).
///
/// Returns one {"documents": [...], "diagnostics": [...]} per item, in
/// order: an item that cannot be used has no documents and an error
/// diagnostic with the message `parse` would raise. Suits
/// `datasets.map(batched=True)`, which needs one result per row.
#[pyfunction]
#[pyo3(signature = (items, urls=None, *, max_size=DEFAULT_MAX_SIZE, jobs=None))]
fn parse_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    urls: Option<Vec<Option<String>>>,
    max_size: u64,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let mut data = Vec::new();
    for (i, item) in items.try_iter()?.enumerate() {
        data.push(Data::extract(&item?, &format!("items[{i}]"))?);
    }
    let urls = match urls {
        Some(urls) if urls.len() != data.len() => {
            return Err(PyValueError::new_err(format!(
                "urls has {} entries for {} items; give one per item (None where unknown)",
                urls.len(),
                data.len()
            )));
        }
        Some(urls) => urls,
        None => vec![None; data.len()],
    };
    let locations: Vec<String> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| url.clone().unwrap_or_else(|| format!("items[{i}]")))
        .collect();
    let options = Options { max_size };
    let results = py.detach(|| {
        let inputs: Vec<(&[u8], &str)> = data
            .iter()
            .zip(&locations)
            .map(|(d, l)| (d.bytes(), l.as_str()))
            .collect();
        veracity::parse_all(&inputs, &options, jobs.unwrap_or_else(cores))
    });
    let _paused = CollectorPaused::new(py)?;
    let out = PyList::empty(py);
    for (result, url) in results.into_iter().zip(urls) {
        let parsed = result.unwrap_or_else(|e| Parsed {
            documents: Vec::new(),
            warnings: vec![veracity::error_diagnostic(&e)],
        });
        out.append(parsed_dict(py, parsed, url)?)?;
    }
    Ok(out)
}

/// Read files and folders (read recursively; hidden files skipped) into
/// documents, on every core, as `veracity ingest` does.
///
/// `paths` is one path or a list of them (str or os.PathLike). Returns
/// {"documents": [...], "diagnostics": [...], "inputs": N}: documents in
/// path order (one content read twice is kept once), and a diagnostic for
/// every input that could not be used (missing, empty, binary, too large,
/// malformed) or was read with a note; the rest is still read. Pass the
/// result to `check` as it is, so its diagnostics reach the report.
#[pyfunction]
#[pyo3(signature = (paths, *, max_size=DEFAULT_MAX_SIZE, jobs=None))]
fn ingest<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    max_size: u64,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let paths: Vec<PathBuf> = match paths.extract::<PathBuf>() {
        Ok(path) => vec![path],
        Err(_) => paths.extract()?,
    };
    let options = veracity::IngestOptions {
        parse: Options { max_size },
        jobs: Some(jobs.unwrap_or_else(cores)),
    };
    let corpus = py.detach(|| veracity::ingest(&paths, &options));
    let _paused = CollectorPaused::new(py)?;
    let dict = PyDict::new(py);
    dict.set_item("documents", to_python(py, &corpus.documents)?)?;
    dict.set_item("diagnostics", to_python(py, &corpus.diagnostics)?)?;
    dict.set_item("inputs", corpus.inputs)?;
    Ok(dict)
}

/// Check claims against documents and rate them: the report of `veracity
/// check`, as plain Python objects of the report schema's shape.
///
/// `documents` is what `ingest` or `parse` returned (their diagnostics go
/// into the report), or a list of document dicts, each checked against the
/// document schema first. `claims` is one claim or a list; without any,
/// claims are found in the documents (at most `limit`; None for all).
/// `engine` is "evidence" (weighs independent evidence) or "review" (the
/// rating of a matching published fact-check); `scale` a rating scale id
/// ("veracity", "politifact", ...); `top_k` the passages retrieved per
/// claim. Raises CheckError (an unknown engine or scale, nothing to check)
/// or ParseError (a document that does not match the schema) with the
/// CLI's messages. The GIL is released while checking.
#[pyfunction]
#[pyo3(signature = (documents, claims=None, *, engine="evidence", scale="veracity",
                    top_k=veracity::verdict::DEFAULT_TOP_K, limit=Some(10)))]
fn check<'py>(
    py: Python<'py>,
    documents: &Bound<'py, PyAny>,
    claims: Option<&Bound<'py, PyAny>>,
    engine: &str,
    scale: &str,
    top_k: usize,
    limit: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let report = run_check(py, documents, claims, engine, scale, top_k, limit)?;
    let _paused = CollectorPaused::new(py)?;
    to_python(py, &report)
}

/// `check`, returning the report as the JSON text `veracity check --format
/// json` writes, byte for byte (pretty-printed, with a final newline).
#[pyfunction]
#[pyo3(signature = (documents, claims=None, *, engine="evidence", scale="veracity",
                    top_k=veracity::verdict::DEFAULT_TOP_K, limit=Some(10)))]
fn check_json(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    claims: Option<&Bound<'_, PyAny>>,
    engine: &str,
    scale: &str,
    top_k: usize,
    limit: Option<usize>,
) -> PyResult<String> {
    let report = run_check(py, documents, claims, engine, scale, top_k, limit)?;
    render(py, &report, "json")
}

/// `report` in `format`, as the CLI writes it with that `--format`.
fn render(py: Python<'_>, report: &Report, format: &str) -> PyResult<String> {
    py.detach(|| {
        let bytes = veracity::format::FormatRegistry::builtin()
            .render(format, report, &veracity::format::FormatOptions::default())
            .map_err(|e| e.to_string())?;
        String::from_utf8(bytes).map_err(|e| e.to_string())
    })
    .map_err(errors::CheckError::new_err)
}

/// `check`'s keyword arguments as the facade's options; `top_k` and
/// `limit` must be at least 1 (`limit=None`: every claim found).
fn check_options(
    engine: &str,
    scale: &str,
    top_k: usize,
    limit: Option<usize>,
) -> PyResult<veracity::CheckOptions> {
    for (name, value) in [("top_k", Some(top_k)), ("limit", limit)] {
        if value == Some(0) {
            return Err(PyValueError::new_err(format!("{name} must be at least 1")));
        }
    }
    Ok(veracity::CheckOptions {
        engine: engine.to_owned(),
        scale: scale.to_owned(),
        top_k,
        max_claims: limit.unwrap_or(usize::MAX),
    })
}

/// The shared body of `check` and `check_json`.
fn run_check(
    py: Python<'_>,
    documents: &Bound<'_, PyAny>,
    claims: Option<&Bound<'_, PyAny>>,
    engine: &str,
    scale: &str,
    top_k: usize,
    limit: Option<usize>,
) -> PyResult<Report> {
    let options = check_options(engine, scale, top_k, limit)?;
    let corpus = Documents::extract(documents)?.into_corpus(py)?;
    let claims = inputs::claims(claims)?;
    py.detach(|| veracity::check(corpus, &claims, &options))
        .map_err(|e| errors::check_error(&e))
}

/// Runs the `veracity` command line (for `python -m veracity`); returns its
/// exit status. `relaunch` is how to start it again (the isolated plugin
/// host of `--isolate`).
#[pyfunction]
fn _cli(py: Python<'_>, args: Vec<OsString>, relaunch: Vec<OsString>) -> u8 {
    py.detach(|| {
        veracity_cli::run(veracity_cli::Invocation {
            args,
            relaunch: Some(relaunch),
        })
    })
}

/// The machine's cores, asked once: Linux answers from cgroup files, which
/// took longer than parsing a small document.
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| veracity::jobs_or_cores(None))
}

/// `{"documents": [...], "diagnostics": [...]}` of one input; `url` fills
/// `source.url` where the input gives none.
fn parsed_dict<'py>(
    py: Python<'py>,
    mut parsed: Parsed,
    url: Option<String>,
) -> PyResult<Bound<'py, PyDict>> {
    if let Some(url) = url {
        for doc in &mut parsed.documents {
            doc.source.url.get_or_insert_with(|| url.clone());
        }
    }
    let dict = PyDict::new(py);
    dict.set_item("documents", to_python(py, &parsed.documents)?)?;
    dict.set_item("diagnostics", to_python(py, &parsed.warnings)?)?;
    Ok(dict)
}

#[pymodule]
fn _veracity(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(ingest, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_class::<index::Index>()?;
    m.add_function(wrap_pyfunction!(scatter::shard_stats, m)?)?;
    m.add_function(wrap_pyfunction!(scatter::merge_stats, m)?)?;
    m.add_function(wrap_pyfunction!(scatter::shard_claims, m)?)?;
    m.add_function(wrap_pyfunction!(scatter::merge_claims, m)?)?;
    m.add_function(wrap_pyfunction!(scatter::shard_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(scatter::merge_candidates, m)?)?;
    m.add_function(wrap_pyfunction!(_cli, m)?)?;
    m.add("VeracityError", py.get_type::<errors::VeracityError>())?;
    m.add("ParseError", py.get_type::<errors::ParseError>())?;
    m.add("CheckError", py.get_type::<errors::CheckError>())?;
    m.add("DEFAULT_MAX_SIZE", DEFAULT_MAX_SIZE)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
