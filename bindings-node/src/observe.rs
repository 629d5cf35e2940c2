//! The client's log records and hook events, handed to JS.
//!
//! Both cross threads through weak threadsafe functions (they never keep
//! Node's event loop alive) in non-blocking mode: a call never waits for
//! JS. The JS layer (`lib/observe.js`) guards what it calls, so a logger or
//! listener that throws never reaches a call.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use headshotpro::{ClientBuilder, LogLevel, LogRecord, RequestEvent, ResponseEvent, ENV_LOG};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Status;
use napi_derive::napi;

/// One log record as JS receives it.
#[napi(object, object_from_js = false)]
pub struct LogRecordJs {
    /// `error`, `warn`, `info` or `debug`.
    pub level: String,
    /// Always `headshotpro`.
    pub target: String,
    /// The whole line, already redacted.
    pub message: String,
    /// The line's facts by name (`operation`, `status`, `duration_ms`, …).
    pub fields: HashMap<String, String>,
}

/// One hook event: an attempt about to be sent, or one that ended.
#[napi(object, object_from_js = false)]
pub struct HookEventJs {
    /// `request` or `response`.
    pub kind: String,
    /// The operation, e.g. `models.retrieve` (`request` for `client.request`).
    pub operation: String,
    /// The HTTP method.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
    /// The HTTP status, when the server answered (response events).
    pub status: Option<u32>,
    /// How long the attempt took, in milliseconds (response events).
    pub duration_ms: Option<f64>,
    /// The error class when the attempt failed (response events).
    pub error: Option<String>,
    /// `X-RateLimit-Remaining` of the answer, when sent.
    pub rate_limit_remaining: Option<f64>,
    /// Whether another attempt follows (response events).
    pub will_retry: Option<bool>,
}

/// The JS logger bridge.
pub(crate) type LogFn = ThreadsafeFunction<LogRecordJs, (), LogRecordJs, Status, false, true>;
/// The JS hook dispatcher.
pub(crate) type HookFn = ThreadsafeFunction<HookEventJs, (), HookEventJs, Status, false, true>;

/// Sets the client's log level and sink: `level` when given; else
/// `HEADSHOTPRO_LOG`; else `warn` when a logger is given (a logger is
/// passed to see something) and off without one. Without a logger, the
/// core writes each record to standard error.
pub(crate) fn logging(
    mut builder: ClientBuilder,
    level: Option<&str>,
    logger: Option<LogFn>,
) -> headshotpro::Result<ClientBuilder> {
    match level {
        Some(level) => builder = builder.log_level(level.parse()?),
        None if logger.is_some() && std::env::var_os(ENV_LOG).is_none() => {
            builder = builder.log_level(LogLevel::Warn);
        }
        None => {}
    }
    if let Some(logger) = logger {
        builder = builder.log_sink(move |record: &LogRecord| {
            logger.call(to_js(record), ThreadsafeFunctionCallMode::NonBlocking);
        });
    }
    Ok(builder)
}

fn to_js(record: &LogRecord) -> LogRecordJs {
    LogRecordJs {
        level: record.level.as_str().to_owned(),
        target: record.target.clone(),
        message: record.message.clone(),
        fields: record
            .fields
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect(),
    }
}

/// Whether JS has hook listeners: while it has none, the hooks cost one
/// atomic load per attempt. Shared by a client and its `withOptions`
/// children, as the core shares the hooks.
#[derive(Clone, Default)]
pub(crate) struct Hooks(Arc<AtomicBool>);

impl Hooks {
    /// Turns delivery on or off.
    pub(crate) fn set_active(&self, active: bool) {
        self.0.store(active, Ordering::Relaxed);
    }

    /// Adds the core hooks that forward each event to `dispatch`.
    pub(crate) fn install(&self, builder: ClientBuilder, dispatch: HookFn) -> ClientBuilder {
        let dispatch = Arc::new(dispatch);
        let (active, on_request) = (Arc::clone(&self.0), Arc::clone(&dispatch));
        let builder = builder.on_request(move |e: &RequestEvent<'_>| {
            if active.load(Ordering::Relaxed) {
                on_request.call(request_event(e), ThreadsafeFunctionCallMode::NonBlocking);
            }
        });
        let active = Arc::clone(&self.0);
        builder.on_response(move |e: &ResponseEvent<'_>| {
            if active.load(Ordering::Relaxed) {
                dispatch.call(response_event(e), ThreadsafeFunctionCallMode::NonBlocking);
            }
        })
    }
}

fn request_event(e: &RequestEvent<'_>) -> HookEventJs {
    HookEventJs {
        kind: "request".to_owned(),
        operation: e.operation.to_owned(),
        method: e.method.to_owned(),
        path: e.path.to_owned(),
        attempt: e.attempt,
        status: None,
        duration_ms: None,
        error: None,
        rate_limit_remaining: None,
        will_retry: None,
    }
}

fn response_event(e: &ResponseEvent<'_>) -> HookEventJs {
    HookEventJs {
        kind: "response".to_owned(),
        operation: e.operation.to_owned(),
        method: e.method.to_owned(),
        path: e.path.to_owned(),
        attempt: e.attempt,
        status: e.status.map(u32::from),
        duration_ms: Some(e.duration.as_secs_f64() * 1000.0),
        error: e.error.map(str::to_owned),
        rate_limit_remaining: e.rate_limit_remaining.map(|n| n as f64),
        will_retry: Some(e.will_retry),
    }
}
