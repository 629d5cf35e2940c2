//! The mock's control errors as the package's exceptions: an unknown id is a
//! `NotFoundError`, as it would be from the API.

use std::convert::Infallible;

use headshotpro_mock::{MockError, MockErrorKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::call::Failure;
use crate::error::named_error;

/// A control call's error, with the control method that met it.
pub(crate) struct ControlError {
    /// The control method, e.g. `accept_invite`.
    pub(crate) operation: &'static str,
    /// What the mock refused.
    pub(crate) error: MockError,
}

/// The exception class and HTTP status the control API would answer with.
fn class_of(kind: MockErrorKind) -> (&'static str, Option<u16>) {
    match kind {
        MockErrorKind::NotFound => ("NotFoundError", Some(404)),
        MockErrorKind::InvalidState => ("APIError", Some(409)),
        MockErrorKind::InvalidArgument => ("InvalidArgumentError", None),
        MockErrorKind::InsufficientCredits => ("InsufficientCreditsError", Some(402)),
        _ => ("APIError", Some(400)),
    }
}

impl ControlError {
    /// The exception: `NotFoundError` (404) for an unknown id or key,
    /// `APIError` 409 `INVALID_STATE` for a step that does not apply,
    /// `InsufficientCreditsError` (402), `InvalidArgumentError` for a bad argument.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let (class, status) = class_of(self.error.kind);
        let operation = format!("mock.{}", self.operation);
        let text = match status {
            Some(status) => format!(
                "{class} in {operation}: HTTP {status} {}: {}",
                self.error.code, self.error.message
            ),
            None => format!("invalid argument: {}", self.error.message),
        };
        let attrs = PyDict::new(py);
        let filled = (|| -> PyResult<()> {
            attrs.set_item("message", &self.error.message)?;
            attrs.set_item("operation", &operation)?;
            attrs.set_item("may_have_reached_server", false)?;
            if let Some(status) = status {
                attrs.set_item("status", status)?;
                attrs.set_item("code", self.error.code)?;
            }
            Ok(())
        })();
        match filled {
            Ok(()) => named_error(py, class, &text, &attrs),
            Err(err) => err,
        }
    }
}

impl Failure for ControlError {
    fn into_pyerr(self, py: Python<'_>) -> PyErr {
        ControlError::into_pyerr(self, py)
    }
}

impl Failure for std::io::Error {
    fn into_pyerr(self, _py: Python<'_>) -> PyErr {
        PyErr::from(self)
    }
}

impl Failure for Infallible {
    fn into_pyerr(self, _py: Python<'_>) -> PyErr {
        match self {}
    }
}
