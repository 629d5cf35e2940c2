//! The core's log records and request/response hooks, handed to Python.
//!
//! Records go to the `headshotpro` logger of Python's `logging`, with their
//! fields as `extra` attributes (`record.operation`, `record.status`, …).
//! A hook is a Python callable given a `RequestEvent` or `ResponseEvent` of
//! `headshotpro._types`. Both run on the runtime's threads, taking the GIL
//! only when a record passes the client's threshold or a hook is set.
//! Nothing they raise reaches the call: a logger's exception is dropped
//! (`logging` reports its handlers' own errors), and a hook's exception is
//! turned into a panic message the core catches and logs at warn.

use headshotpro::{LogLevel, LogRecord, LogSink, RequestEvent, ResponseEvent};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::convert::{build, val};

/// `logging.getLogger("headshotpro")`, looked up once.
static LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The log sink of every Python client: the `headshotpro` logger.
pub(crate) struct PythonLogSink;

impl LogSink for PythonLogSink {
    fn log(&self, record: &LogRecord) {
        crate::exit::attach(|py| {
            // A logger that raises must not break the call; `logging` itself
            // already reports failures of its handlers on standard error.
            let _ = forward(py, record);
        });
    }
}

/// The `logging` level number of a core level (`None` for `Off`).
fn python_level(level: LogLevel) -> Option<u8> {
    match level {
        LogLevel::Off => None,
        LogLevel::Error => Some(40),
        LogLevel::Warn => Some(30),
        LogLevel::Info => Some(20),
        LogLevel::Debug => Some(10),
    }
}

fn forward(py: Python<'_>, record: &LogRecord) -> PyResult<()> {
    let Some(level) = python_level(record.level) else {
        return Ok(());
    };
    let logger = LOGGER
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(
                py.import("logging")?
                    .call_method1("getLogger", ("headshotpro",))?
                    .unbind(),
            )
        })?
        .bind(py);
    if !logger.call_method1("isEnabledFor", (level,))?.is_truthy()? {
        return Ok(());
    }
    let extra = PyDict::new(py);
    for field in &record.fields {
        extra.set_item(&field.name, &field.value)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("extra", extra)?;
    logger.call_method("log", (level, "%s", &record.message), Some(&kwargs))?;
    Ok(())
}

/// A Python exception as the text of the panic the core logs.
fn describe(py: Python<'_>, hook: &str, err: &PyErr) -> String {
    let shown = err
        .value(py)
        .repr()
        .map_or_else(|_| "an exception".to_owned(), |r| r.to_string());
    format!("{hook} raised {shown}")
}

/// Calls `callable(event)` for a hook; an exception becomes a panic the core
/// catches, logs at warn, and ignores.
fn call_hook(
    callable: &Py<PyAny>,
    hook: &str,
    event: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>>,
) {
    let failed = crate::exit::attach(|py| {
        let called = event(py).and_then(|event| callable.bind(py).call1((event,)).map(|_| ()));
        called.err().map(|err| describe(py, hook, &err))
    });
    if let Some(Some(message)) = failed {
        std::panic::resume_unwind(Box::new(message));
    }
}

/// The core's `on_request` hook calling a Python callable.
pub(crate) fn request_hook(
    callable: Py<PyAny>,
) -> impl Fn(&RequestEvent<'_>) + Send + Sync + 'static {
    move |e: &RequestEvent<'_>| {
        call_hook(&callable, "on_request", |py| {
            build(
                py,
                "RequestEvent",
                &[
                    ("operation", val(py, e.operation)?),
                    ("method", val(py, e.method)?),
                    ("path", val(py, e.path)?),
                    ("attempt", val(py, e.attempt)?),
                ],
            )
        });
    }
}

/// The core's `on_response` hook calling a Python callable.
pub(crate) fn response_hook(
    callable: Py<PyAny>,
) -> impl Fn(&ResponseEvent<'_>) + Send + Sync + 'static {
    move |e: &ResponseEvent<'_>| {
        call_hook(&callable, "on_response", |py| {
            build(
                py,
                "ResponseEvent",
                &[
                    ("operation", val(py, e.operation)?),
                    ("method", val(py, e.method)?),
                    ("path", val(py, e.path)?),
                    ("attempt", val(py, e.attempt)?),
                    ("status", val(py, e.status)?),
                    ("duration", val(py, e.duration.as_secs_f64())?),
                    ("error", val(py, e.error)?),
                    ("rate_limit_remaining", val(py, e.rate_limit_remaining)?),
                    ("will_retry", val(py, e.will_retry)?),
                ],
            )
        });
    }
}

/// `HEADSHOTPRO_LOG` as the core reads it: `off`, `error`, `warn`, `info`
/// or `debug` (an unreadable value is `off`).
#[pyfunction]
pub(crate) fn env_log_level() -> &'static str {
    headshotpro::env_log_level().as_str()
}
