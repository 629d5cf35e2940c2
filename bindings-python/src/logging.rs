//! Forwards the core's `log` records to Python's `logging` (logger `headshotpro`).

use log::LevelFilter;
use pyo3::Python;

/// Installs the bridge once per process. Only records of the core
/// (`headshotpro::…` targets, shown as `headshotpro.…` loggers) are forwarded;
/// logger objects are cached but levels are asked of Python every time, so
/// `logging` configured after import still applies. The bridge acquires the
/// GIL from tokio worker threads, which is safe because no thread of this
/// crate waits on a worker while holding the GIL.
pub(crate) fn install(py: Python<'_>) {
    let logger = match pyo3_log::Logger::new(py, pyo3_log::Caching::Loggers) {
        Ok(logger) => logger,
        Err(_) => return,
    };
    // A second install (another interpreter, a reload) keeps the first bridge.
    let _ = logger
        .filter(LevelFilter::Off)
        .filter_target("headshotpro".to_owned(), LevelFilter::Trace)
        .install();
}
