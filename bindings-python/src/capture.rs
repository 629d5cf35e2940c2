//! `NativeCapture`: the facts of the latest answer to calls made through a
//! capturing client (the core's `ResponseCapture`), behind
//! `client.with_raw_response`.

use headshotpro::{ResponseCapture, ResponseMeta};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::ToPython;

/// The capture handle of one capturing client.
#[pyclass(frozen, module = "headshotpro._native")]
pub(crate) struct NativeCapture {
    pub(crate) capture: ResponseCapture,
}

#[pymethods]
impl NativeCapture {
    /// The latest answer's facts as a dict (`operation`, `method`, `path`,
    /// `status`, `headers`, `rate_limit`, `attempt`, `elapsed`), or `None`
    /// when the latest request got no answer.
    fn last(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        match self.capture.last() {
            Some(meta) => meta_dict(py, meta),
            None => Ok(py.None()),
        }
    }
}

fn meta_dict(py: Python<'_>, meta: ResponseMeta) -> PyResult<Py<PyAny>> {
    let dict = PyDict::new(py);
    dict.set_item("operation", &meta.operation)?;
    dict.set_item("method", &meta.method)?;
    dict.set_item("path", &meta.path)?;
    dict.set_item("status", meta.status)?;
    dict.set_item("headers", meta.headers.to_map())?;
    dict.set_item("rate_limit", meta.rate_limit.to_python(py)?)?;
    dict.set_item("attempt", meta.attempt)?;
    dict.set_item("elapsed", meta.elapsed.as_secs_f64())?;
    Ok(dict.into_any().unbind())
}
