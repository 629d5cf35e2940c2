//! Forwards the core's `log` records to Python's `logging` (logger `headshotpro`).

use std::sync::OnceLock;

use log::LevelFilter;
use pyo3::Python;
use pyo3_log::{Caching, ResetHandle};

/// Clears the bridge's cache of Python loggers and levels.
static RESET: OnceLock<ResetHandle> = OnceLock::new();

/// Installs the bridge once per process. Only records of the core
/// (`headshotpro::…` targets, shown as `headshotpro.…` loggers) are forwarded.
///
/// Loggers and their levels are cached, so a record at a disabled level costs
/// no GIL acquisition on the runtime's threads — otherwise every request would
/// wait for the GIL a few times, which throttles asyncio programs. The cache
/// is cleared whenever a client is created ([`refresh`]), so `logging`
/// configured before creating a client always applies.
pub(crate) fn install(py: Python<'_>) {
    let logger = match pyo3_log::Logger::new(py, Caching::LoggersAndLevels) {
        Ok(logger) => logger,
        Err(_) => return,
    };
    // A second install (another interpreter, a reload) keeps the first bridge.
    if let Ok(handle) = logger
        .filter(LevelFilter::Off)
        .filter_target("headshotpro".to_owned(), LevelFilter::Trace)
        .install()
    {
        let _ = RESET.set(handle);
    }
}

/// Forgets the cached Python logging levels, so the next records see the
/// current `logging` configuration.
pub(crate) fn refresh() {
    if let Some(handle) = RESET.get() {
        handle.reset();
    }
}
