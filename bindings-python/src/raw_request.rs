//! `request`: the escape hatch, `client.request(method, path, body, query)`.
//! The core checks the method and path and does everything else.

use pyo3::prelude::*;

use crate::call::run;
use crate::client::NativeClient;
use crate::error::to_pyerr;

/// Sends `method path` with `body` (JSON text, already encoded by the
/// package) and `query`; answers the decoded JSON (`None` when empty).
#[pyfunction]
#[pyo3(signature = (client, method, path, body, query, event_loop=None))]
pub(crate) fn request(
    py: Python<'_>,
    client: &NativeClient,
    method: String,
    path: String,
    body: Option<String>,
    query: Vec<(String, String)>,
    event_loop: Option<Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let core = client.core(py)?;
    let body = match body {
        Some(text) => Some(headshotpro::from_json(&text).map_err(|e| to_pyerr(py, &e))?),
        None => None,
    };
    run(py, event_loop, "request", async move {
        core.request(&method, &path, body, &query).await
    })
}
