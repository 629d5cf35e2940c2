//! Core types into the Python classes of `headshotpro._types`.
//!
//! Each type is built by calling its Python dataclass with keyword
//! arguments, so the Python side owns the classes and their docs; this
//! module only moves the fields across.

mod bulk;
mod current;
mod json;
mod save;
mod v1;

use chrono::{DateTime, Utc};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;

/// A core value that has a Python counterpart.
pub(crate) trait ToPython {
    /// The Python object for this value.
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>>;
}

/// `headshotpro._types`, imported once.
static TYPES: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

fn types(py: Python<'_>) -> PyResult<&Bound<'_, PyModule>> {
    TYPES
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("headshotpro._types")?.unbind())
        })
        .map(|module| module.bind(py))
}

/// Builds `headshotpro._types.<class>(**fields)`.
pub(crate) fn build<'py>(
    py: Python<'py>,
    class: &str,
    fields: &[(&str, Bound<'py, PyAny>)],
) -> PyResult<Py<PyAny>> {
    let kwargs = PyDict::new(py);
    for (name, value) in fields {
        kwargs.set_item(name, value)?;
    }
    Ok(types(py)?.getattr(class)?.call((), Some(&kwargs))?.unbind())
}

/// Any value pyo3 converts (strings, numbers, paths, options, lists of those).
pub(crate) fn val<'py, V: IntoPyObjectExt<'py>>(
    py: Python<'py>,
    value: V,
) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// A value of this module's types, as a bound object.
pub(crate) fn obj<'py, V: ToPython>(py: Python<'py>, value: V) -> PyResult<Bound<'py, PyAny>> {
    Ok(value.to_python(py)?.into_bound(py))
}

/// An open enum of `headshotpro._types` built from its wire string.
pub(crate) fn status<'py>(py: Python<'py>, class: &str, wire: &str) -> PyResult<Bound<'py, PyAny>> {
    types(py)?.getattr(class)?.call1((wire,))
}

/// An optional open enum: `None` stays `None`.
pub(crate) fn opt_status<'py>(
    py: Python<'py>,
    class: &str,
    wire: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    match wire {
        Some(wire) => status(py, class, wire),
        None => Ok(py.None().into_bound(py)),
    }
}

/// A timezone-aware UTC `datetime`, exact to the microsecond.
pub(crate) fn datetime<'py>(py: Python<'py>, at: &DateTime<Utc>) -> PyResult<Bound<'py, PyAny>> {
    types(py)?
        .getattr("_utc_from_micros")?
        .call1((at.timestamp_micros(),))
}

/// An optional timestamp: `None` stays `None`.
pub(crate) fn opt_datetime<'py>(
    py: Python<'py>,
    at: Option<&DateTime<Utc>>,
) -> PyResult<Bound<'py, PyAny>> {
    match at {
        Some(at) => datetime(py, at),
        None => Ok(py.None().into_bound(py)),
    }
}

impl ToPython for () {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(py.None())
    }
}

impl ToPython for i64 {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.into_py_any(py)
    }
}

impl<T: ToPython> ToPython for Vec<T> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let items = self
            .into_iter()
            .map(|item| item.to_python(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any().unbind())
    }
}

impl<T: ToPython> ToPython for Option<T> {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self {
            Some(value) => value.to_python(py),
            None => Ok(py.None()),
        }
    }
}
