//! Custom headers and app info from Python into the core's checked types.
//! The core refuses bad names and values (`Authorization`, CR/LF, …) with
//! `InvalidArgumentError`; this module only moves the strings across.

use headshotpro::{AppInfo, CustomHeaders};
use pyo3::prelude::*;

use crate::error::to_pyerr;

/// An app info as Python passes it: `(name, version, url)`.
pub(crate) type AppInfoParts = (String, Option<String>, Option<String>);

/// `(name, value)` pairs as the core's `CustomHeaders`, checked.
pub(crate) fn custom_headers(
    py: Python<'_>,
    pairs: Vec<(String, String)>,
) -> PyResult<CustomHeaders> {
    CustomHeaders::from_pairs(pairs).map_err(|e| to_pyerr(py, &e))
}

/// `(name, version, url)` as the core's `AppInfo` (checked when the client is built).
pub(crate) fn app_info((name, version, url): AppInfoParts) -> AppInfo {
    let mut app = AppInfo::new(name);
    app.version = version;
    app.url = url;
    app
}

/// The core's `AppInfo` as `(name, version, url)`.
pub(crate) fn app_info_parts(app: &AppInfo) -> AppInfoParts {
    (app.name.clone(), app.version.clone(), app.url.clone())
}
