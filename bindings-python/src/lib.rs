//! The native half of the `headshotpro` Python package.
//!
//! This crate only translates: Python arguments into calls on the Rust core
//! (`headshotpro`), core results into the Python classes of `headshotpro._types`,
//! and core errors into the exception classes of `headshotpro._errors`. Every
//! decision about HTTP, retries, validation, JSON and webhooks stays in the core.

mod args;
mod call;
mod client;
mod convert;
mod error;
mod exit;
mod logging;
mod operations;
mod redact;
mod runtime;
#[cfg(debug_assertions)]
mod testing;
mod webhook;

use pyo3::prelude::*;

/// The `headshotpro._native` extension module.
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(m.py());
    exit::register(m)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    m.add("CORE_VERSION", headshotpro::VERSION)?;
    m.add("SIGNATURE_HEADER", headshotpro::webhook::SIGNATURE_HEADER)?;
    m.add("TIMESTAMP_HEADER", headshotpro::webhook::TIMESTAMP_HEADER)?;
    m.add(
        "DEFAULT_TOLERANCE",
        headshotpro::webhook::DEFAULT_TOLERANCE.as_secs_f64(),
    )?;
    m.add_class::<client::NativeClient>()?;
    m.add_class::<call::Canceller>()?;
    operations::register(m)?;
    #[cfg(debug_assertions)]
    testing::register(m)?;
    m.add_function(wrap_pyfunction!(redact::redact_url, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::parse_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::verify_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::sign_webhook, m)?)?;
    Ok(())
}
