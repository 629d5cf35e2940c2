//! The webhook free functions: parse, verify and sign.

use pyo3::prelude::*;

use crate::args::Tolerance;
use crate::convert::ToPython;
use crate::error::to_pyerr;

/// Parses a webhook payload (`headshotpro::webhook::parse`).
#[pyfunction]
pub(crate) fn parse_webhook(py: Python<'_>, raw: &[u8]) -> PyResult<Py<PyAny>> {
    match headshotpro::webhook::parse(raw) {
        Ok(event) => event.to_python(py),
        Err(err) => Err(to_pyerr(py, &err)),
    }
}

/// Checks the signature and age of a webhook, then parses it
/// (`headshotpro::webhook::verify`). `headers` are (name, value) pairs.
#[pyfunction]
pub(crate) fn verify_webhook(
    py: Python<'_>,
    raw: &[u8],
    headers: Vec<(String, String)>,
    secret: &str,
    tolerance: Tolerance,
) -> PyResult<Py<PyAny>> {
    match headshotpro::webhook::verify(raw, headers, secret, tolerance.0) {
        Ok(event) => event.to_python(py),
        Err(err) => Err(to_pyerr(py, &err)),
    }
}

/// The signature header value for a payload (`headshotpro::webhook::sign`).
#[pyfunction]
pub(crate) fn sign_webhook(raw: &[u8], secret: &str, timestamp: i64) -> String {
    headshotpro::webhook::sign(raw, secret, timestamp)
}
