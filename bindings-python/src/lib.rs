//! The native half of the `headshotpro` Python package.
//!
//! This crate only translates: Python arguments into calls on the Rust core
//! (`headshotpro`), core results into the Python classes of `headshotpro._types`,
//! and core errors into the exception classes of `headshotpro._errors`. Every
//! decision about HTTP, retries, validation, JSON and webhooks stays in the core.

mod args;
mod bulk;
mod call;
mod capture;
mod cli;
mod client;
mod convert;
mod error;
mod exit;
mod headers;
mod json;
mod mock_server;
mod observe;
mod operations;
mod page;
mod progress;
mod raw_request;
mod redact;
mod runtime;
mod save;
#[cfg(debug_assertions)]
mod test_hooks;
mod webhook;

use pyo3::prelude::*;

/// The `headshotpro._native` extension module.
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
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
    m.add_class::<capture::NativeCapture>()?;
    m.add_class::<page::NativePage>()?;
    operations::register(m)?;
    m.add_function(wrap_pyfunction!(raw_request::request, m)?)?;
    m.add_function(wrap_pyfunction!(observe::env_log_level, m)?)?;
    m.add_function(wrap_pyfunction!(save::photos_save, m)?)?;
    m.add_function(wrap_pyfunction!(bulk::invites_create_many, m)?)?;
    m.add_class::<mock_server::NativeMockServer>()?;
    m.add_function(wrap_pyfunction!(mock_server::mock_start, m)?)?;
    #[cfg(debug_assertions)]
    test_hooks::register(m)?;
    m.add_function(wrap_pyfunction!(cli::cli_main, m)?)?;
    m.add_function(wrap_pyfunction!(json::from_json, m)?)?;
    m.add_function(wrap_pyfunction!(redact::redact_url, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::parse_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::verify_webhook, m)?)?;
    m.add_function(wrap_pyfunction!(webhook::sign_webhook, m)?)?;
    Ok(())
}
