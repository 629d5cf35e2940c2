//! Core errors into the exception classes of `headshotpro._errors`.

use headshotpro::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::datetime;

/// The Python exception for a core error, of the class the core names
/// ([`Error::class_name`]), with every attribute the error carries.
pub(crate) fn to_pyerr(py: Python<'_>, err: &Error) -> PyErr {
    match exception(py, err) {
        Ok(exception) => PyErr::from_value(exception),
        Err(failure) => failure,
    }
}

fn exception<'py>(py: Python<'py>, err: &Error) -> PyResult<Bound<'py, PyAny>> {
    let attrs = PyDict::new(py);
    attrs.set_item("message", err.message())?;
    attrs.set_item("may_have_reached_server", err.may_have_reached_server())?;
    attrs.set_item("status", err.status())?;
    attrs.set_item("code", err.code())?;
    match err {
        Error::Api(api) => {
            attrs.set_item("body", &api.body)?;
            attrs.set_item("operation", &api.operation)?;
            attrs.set_item("retry_after", api.retry_after.map(|d| d.as_secs_f64()))?;
            attrs.set_item("rate_limit_limit", api.rate_limit.limit)?;
            attrs.set_item("rate_limit_remaining", api.rate_limit.remaining)?;
            if let Some(reset_at) = &api.rate_limit.reset_at {
                attrs.set_item("reset_at", datetime(py, reset_at)?)?;
            }
        }
        Error::Connection { operation, .. } | Error::Timeout { operation, .. } => {
            attrs.set_item("operation", operation)?;
        }
        Error::ResponseDecode {
            operation, body, ..
        } => {
            attrs.set_item("operation", operation)?;
            attrs.set_item("body", body)?;
        }
        _ => {}
    }
    py.import("headshotpro._errors")?
        .getattr("_from_native")?
        .call1((err.class_name(), err.to_string(), attrs))
}
