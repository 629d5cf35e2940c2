//! Printing bearer URLs without their credentials.

use pyo3::prelude::*;

/// `headshotpro::redact_url`: the URL with every query value (a signed URL's
/// token), any password and any fragment replaced, for `repr()`.
#[pyfunction]
pub(crate) fn redact_url(url: &str) -> String {
    headshotpro::redact_url(url)
}
