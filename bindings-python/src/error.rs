//! Core errors into the exception classes of `headshotpro._errors`.

use headshotpro::Error;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert::datetime;

/// The Python exception for a core error, of the class the core names
/// ([`Error::class_name`]), with every attribute the error carries.
pub(crate) fn to_pyerr(py: Python<'_>, err: &Error) -> PyErr {
    into_pyerr(exception(py, err))
}

/// How the core names the setting that allows plain http, in every language.
const CLEAR_TEXT_SETTING: &str =
    "set the client option allow_insecure_http (allowInsecureHttp in Node, Swift and Kotlin) to true";

/// A client-construction error in Python's terms: the refusal of plain http
/// names the keyword argument to pass.
pub(crate) fn construction_error(py: Python<'_>, err: Error) -> PyErr {
    match err {
        Error::InvalidArgument { message } => to_pyerr(
            py,
            &Error::InvalidArgument {
                message: message.replace(
                    CLEAR_TEXT_SETTING,
                    "pass allow_insecure_http=True to the client",
                ),
            },
        ),
        other => to_pyerr(py, &other),
    }
}

/// The `HeadshotProError` for a bug inside the SDK: a panic while running
/// `operation`, given by its native name (`invites_create` names
/// `invites.create`).
pub(crate) fn internal_error(py: Python<'_>, operation: &str, panic: &str) -> PyErr {
    let operation = operation.replacen('_', ".", 1);
    let message = format!("internal error in headshotpro during {operation}: {panic}");
    into_pyerr((|| {
        let attrs = PyDict::new(py);
        attrs.set_item("message", &message)?;
        attrs.set_item("operation", &operation)?;
        attrs.set_item("may_have_reached_server", true)?;
        build(py, "HeadshotProError", &message, &attrs)
    })())
}

/// An exception of `headshotpro._errors` by its class name, with the
/// attributes in `attrs` (`message` at least): for errors that are not the
/// core's, such as the in-process mock's control calls.
pub(crate) fn named_error(
    py: Python<'_>,
    class_name: &str,
    text: &str,
    attrs: &Bound<'_, PyDict>,
) -> PyErr {
    into_pyerr(build(py, class_name, text, attrs))
}

fn into_pyerr(exception: PyResult<Bound<'_, PyAny>>) -> PyErr {
    match exception {
        Ok(exception) => PyErr::from_value(exception),
        Err(failure) => failure,
    }
}

/// `headshotpro._errors._from_native(class_name, text, attrs)`.
fn build<'py>(
    py: Python<'py>,
    class_name: &str,
    text: &str,
    attrs: &Bound<'py, PyDict>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("headshotpro._errors")?
        .getattr("_from_native")?
        .call1((class_name, text, attrs))
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
    build(py, err.class_name(), &err.to_string(), &attrs)
}
