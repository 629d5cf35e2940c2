//! Decoded JSON (the escape hatch's answers) into plain Python values.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use serde_json::Value;

use super::ToPython;

impl ToPython for Value {
    fn to_python(self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        Ok(match self {
            Value::Null => py.None(),
            Value::Bool(b) => b.into_py_any(py)?,
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    i.into_py_any(py)?
                } else if let Some(u) = n.as_u64() {
                    u.into_py_any(py)?
                } else {
                    n.as_f64().unwrap_or(f64::NAN).into_py_any(py)?
                }
            }
            Value::String(s) => s.into_py_any(py)?,
            Value::Array(items) => {
                let items = items
                    .into_iter()
                    .map(|item| item.to_python(py))
                    .collect::<PyResult<Vec<_>>>()?;
                PyList::new(py, items)?.into_any().unbind()
            }
            Value::Object(map) => {
                let dict = PyDict::new(py);
                for (key, value) in map {
                    dict.set_item(key, value.to_python(py)?)?;
                }
                dict.into_any().unbind()
            }
        })
    }
}
