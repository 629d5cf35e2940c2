//! Logs and hooks across the FFI: the Swift/Kotlin side implements
//! [`LogHandler`], [`RequestHook`] or [`ResponseHook`] (uniffi foreign
//! traits), and these adapters hand them the core's records and events.
//!
//! Whatever a foreign implementation throws comes back as an `Err`; the
//! adapter turns it into `std::panic::resume_unwind` (which prints nothing),
//! the core catches that and logs it at warn, and the call goes on. A
//! throwing logger or hook never fails a call and never aborts the process.

use std::panic::resume_unwind;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use headshotpro::{LogRecord, LogSink};

use crate::error::HeadshotProError;

/// Receives the SDK's log records: one line per attempt (`info` for an
/// answer, `warn` for a retried failure, `error` for the failure returned),
/// and at `debug` the redacted, truncated bodies. The API key never appears
/// in a record.
///
/// Kotlin: `Slf4jLogHandler` forwards to SLF4J. Swift: `OSLogHandler` (Apple
/// platforms) and `StandardErrorLogHandler`. Whatever it throws is logged
/// nowhere else and never fails the call.
#[uniffi::export(with_foreign)]
pub trait LogHandler: Send + Sync {
    /// Takes one record (`record.message` is the whole line).
    fn log(&self, record: LogRecord) -> Result<(), HeadshotProError>;
}

/// An attempt about to be sent, as a [`RequestHook`] sees it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RequestEvent {
    /// The operation, e.g. `models.retrieve` (`request` for `client.request`).
    pub operation: String,
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: i32,
}

/// An attempt that ended (answered, or failed without an answer), as a
/// [`ResponseHook`] sees it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ResponseEvent {
    /// The operation, e.g. `models.retrieve`.
    pub operation: String,
    /// The HTTP method.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: i32,
    /// The HTTP status, when the server answered.
    pub status: Option<i32>,
    /// From sending the request to the end of the answer (or the failure).
    pub duration: Duration,
    /// The error class (`ServerError`, `APIConnectionError`, …) when the
    /// attempt failed; nil/null for a successful answer.
    pub error: Option<String>,
    /// `X-RateLimit-Remaining` of the answer, when sent.
    pub rate_limit_remaining: Option<i64>,
    /// Whether the call sends another attempt after this one.
    pub will_retry: bool,
}

/// Told before each attempt is sent (retries too), on the thread making the
/// call: keep it quick. Whatever it throws is logged at warn and ignored.
#[uniffi::export(with_foreign)]
pub trait RequestHook: Send + Sync {
    /// An attempt is about to be sent.
    fn on_request(&self, event: RequestEvent) -> Result<(), HeadshotProError>;
}

/// Told after each attempt ended, with its status, duration and error
/// class: for metrics. Whatever it throws is logged at warn and ignored.
#[uniffi::export(with_foreign)]
pub trait ResponseHook: Send + Sync {
    /// An attempt has ended.
    fn on_response(&self, event: ResponseEvent) -> Result<(), HeadshotProError>;
}

/// The handler of clients built without `logger`, when logging is on
/// (`logLevel` or `HEADSHOTPRO_LOG`).
static DEFAULT_HANDLER: RwLock<Option<Arc<dyn LogHandler>>> = RwLock::new(None);

/// Sets the log handler of every client built afterwards without its own
/// `logger` (nil/null: back to standard error). Kotlin's
/// `Slf4jLogHandler.install()` and Swift's `HeadshotProLogging.bootstrap`
/// call it.
#[uniffi::export]
pub fn set_default_log_handler(handler: Option<Arc<dyn LogHandler>>) {
    *DEFAULT_HANDLER
        .write()
        .unwrap_or_else(PoisonError::into_inner) = handler;
}

/// The handler set by [`set_default_log_handler`], if any.
pub(crate) fn default_handler() -> Option<Arc<dyn LogHandler>> {
    DEFAULT_HANDLER
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
}

/// A foreign [`LogHandler`] as the core's [`LogSink`].
pub(crate) struct ForeignSink(pub Arc<dyn LogHandler>);

impl LogSink for ForeignSink {
    fn log(&self, record: &LogRecord) {
        if let Err(error) = self.0.log(record.clone()) {
            resume_unwind(Box::new(error.to_string()));
        }
    }
}

/// The core's request hook calling a foreign [`RequestHook`].
pub(crate) fn request_hook(
    hook: Arc<dyn RequestHook>,
) -> impl Fn(&headshotpro::RequestEvent<'_>) + Send + Sync + 'static {
    move |event| {
        let event = RequestEvent {
            operation: event.operation.to_owned(),
            method: event.method.to_owned(),
            path: event.path.to_owned(),
            attempt: i32::try_from(event.attempt).unwrap_or(i32::MAX),
        };
        if let Err(error) = hook.on_request(event) {
            resume_unwind(Box::new(error.to_string()));
        }
    }
}

/// The core's response hook calling a foreign [`ResponseHook`].
pub(crate) fn response_hook(
    hook: Arc<dyn ResponseHook>,
) -> impl Fn(&headshotpro::ResponseEvent<'_>) + Send + Sync + 'static {
    move |event| {
        let event = ResponseEvent {
            operation: event.operation.to_owned(),
            method: event.method.to_owned(),
            path: event.path.to_owned(),
            attempt: i32::try_from(event.attempt).unwrap_or(i32::MAX),
            status: event.status.map(i32::from),
            duration: event.duration,
            error: event.error.map(str::to_owned),
            rate_limit_remaining: event.rate_limit_remaining,
            will_retry: event.will_retry,
        };
        if let Err(error) = hook.on_response(event) {
            resume_unwind(Box::new(error.to_string()));
        }
    }
}
