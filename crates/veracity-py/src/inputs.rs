//! What Python hands in: bytes or text to parse, and documents to check.

use crate::errors;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyString};
use veracity::model::{Diagnostic, Document, SchemaKind};
use veracity::parse::{ErrorKind, ParseError};

/// The bytes of one input, held without copying and readable with the GIL
/// released.
pub enum Data {
    Bytes(PyBackedBytes),
    Text(PyBackedStr),
}

impl Data {
    pub fn extract(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Data> {
        if let Ok(text) = value.cast::<PyString>() {
            return Ok(Data::Text(text.extract()?));
        }
        value
            .extract::<PyBackedBytes>()
            .map(Data::Bytes)
            .map_err(|_| {
                PyTypeError::new_err(format!(
                    "{what} must be bytes or str, not {}",
                    type_name(value)
                ))
            })
    }

    pub fn bytes(&self) -> &[u8] {
        match self {
            Data::Bytes(bytes) => bytes,
            Data::Text(text) => text.as_bytes(),
        }
    }
}

/// Documents to check and the diagnostics that came with them, from a list
/// of document dicts or the dict `ingest` and `parse` return.
pub struct Documents {
    /// Each document as JSON, with the name it goes by in messages.
    pub values: Vec<(String, serde_json::Value)>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Documents {
    pub fn extract(value: &Bound<'_, PyAny>) -> PyResult<Documents> {
        let (list, diagnostics) = match value.cast::<PyDict>() {
            Ok(dict) => {
                let Some(list) = dict.get_item("documents")? else {
                    return Err(PyValueError::new_err(
                        "documents: a dict must hold a `documents` list (as `ingest` and \
                         `parse` return); or pass the list of documents itself",
                    ));
                };
                let diagnostics = match dict.get_item("diagnostics")? {
                    Some(d) if !d.is_none() => pythonize::depythonize(&d).map_err(|e| {
                        PyValueError::new_err(format!(
                            "documents[\"diagnostics\"]: each must be {{severity, source, \
                             message}}: {e}"
                        ))
                    })?,
                    _ => Vec::new(),
                };
                (list, diagnostics)
            }
            Err(_) => (value.clone(), Vec::new()),
        };
        let not_a_list = || {
            PyTypeError::new_err(format!(
                "documents must be a list of document dicts, not {}",
                type_name(&list)
            ))
        };
        if list.is_instance_of::<PyString>() || list.is_instance_of::<PyBytes>() {
            return Err(not_a_list());
        }
        let mut values = Vec::new();
        for (i, item) in list.try_iter().map_err(|_| not_a_list())?.enumerate() {
            let item = item?;
            let name = format!("documents[{i}]");
            let value: serde_json::Value = pythonize::depythonize(&item).map_err(|e| {
                errors::parse_error(&ParseError::new(
                    &name,
                    ErrorKind::Invalid(vec![format!("  /: {e}")]),
                ))
            })?;
            values.push((name, value));
        }
        Ok(Documents {
            values,
            diagnostics,
        })
    }
}

impl Documents {
    /// The documents checked against the schema, as a corpus with their
    /// diagnostics; the GIL is released while checking.
    pub fn into_corpus(self, py: Python<'_>) -> PyResult<veracity::Corpus> {
        let Documents {
            values,
            diagnostics,
        } = self;
        py.detach(|| {
            let documents = values
                .into_iter()
                .map(|(name, value)| document(&name, value))
                .collect::<Result<Vec<Document>, _>>()
                .map_err(|e| errors::parse_error(&e))?;
            let mut corpus = veracity::Corpus::from_documents(documents);
            corpus.diagnostics = diagnostics;
            Ok(corpus)
        })
    }
}

/// A document given as JSON, checked as the parser checks a JSON document
/// file: against the schema, its spans against its text.
pub fn document(name: &str, value: serde_json::Value) -> Result<Document, ParseError> {
    let invalid = |issues| ParseError::new(name, ErrorKind::Invalid(issues));
    let issues = veracity::model::validate::validate(SchemaKind::Document, &value);
    if !issues.is_empty() {
        return Err(invalid(issues.iter().map(|i| format!("  {i}")).collect()));
    }
    serde_json::from_value(value).map_err(|e| invalid(vec![format!("  /: {e}")]))
}

/// Claims: none, one string, or a list of strings.
pub fn claims(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let claims: Vec<String> = if let Ok(text) = value.extract::<String>() {
        vec![text]
    } else {
        value.extract().map_err(|_| {
            PyTypeError::new_err(format!(
                "claims must be a str or a list of str, not {}",
                type_name(value)
            ))
        })?
    };
    if claims.iter().any(|c| c.trim().is_empty()) {
        return Err(PyValueError::new_err(
            "a claim is blank; give the claim's text",
        ));
    }
    Ok(claims)
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |n| n.to_string())
}
