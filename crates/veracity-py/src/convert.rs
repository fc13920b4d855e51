//! Rust values to plain Python objects, the shape of their JSON.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyAny;

/// A model value as Python dicts, lists, str, int, float and None: what
/// `json.loads` would make of its JSON.
pub fn to_python<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, value)?)
}

/// Python's cyclic garbage collector, paused while a result is built and
/// restored when this is dropped. A result is a fresh tree without cycles,
/// yet its many new containers set off collections that walk every object
/// alive: on 10,000 documents, building them took three times as long with
/// the collector running (docs/python.md). The GIL is held from start to
/// end, so no other Python thread sees the pause.
pub struct CollectorPaused<'py> {
    py: Python<'py>,
    was_enabled: bool,
}

static IS_ENABLED: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static DISABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static ENABLE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

impl<'py> CollectorPaused<'py> {
    pub fn new(py: Python<'py>) -> PyResult<CollectorPaused<'py>> {
        let was_enabled = IS_ENABLED
            .import(py, "gc", "isenabled")?
            .call0()?
            .is_truthy()?;
        if was_enabled {
            DISABLE.import(py, "gc", "disable")?.call0()?;
        }
        Ok(CollectorPaused { py, was_enabled })
    }
}

impl Drop for CollectorPaused<'_> {
    fn drop(&mut self) {
        if self.was_enabled
            && let Ok(enable) = ENABLE.import(self.py, "gc", "enable")
        {
            // Enabling the collector does not fail; were it to, Python
            // would go on without it, as it can.
            let _ = enable.call0();
        }
    }
}
