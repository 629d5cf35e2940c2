//! Telling the outside world about each attempt: one log line (through
//! `tracing`, target `headshotpro`, and the client's [`LogSink`]), the
//! request and response bodies at debug, and the request/response hooks.
//!
//! Levels: a 2xx answer is `info`; a failed attempt that will be retried is
//! `warn`; the failure the caller gets is `error`; bodies and rate-limit
//! waits are `debug`. Nothing is formatted unless someone listens at that
//! level, so a client without a sink, hooks or subscriber pays a few
//! comparisons per attempt.
//!
//! Everything logged is redacted first: the API key wherever it appears,
//! every URL's query values (signed-URL tokens), and the values of fields
//! named like secrets (`token`, `signature`, `webhookSecret`, …). A sink or
//! hook that panics never breaks the call.

use std::any::Any;
use std::fmt;
use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::error::Error;
use crate::hooks::{Hooks, RequestEvent, ResponseEvent};
use crate::log::{LogLevel, LogRecord, SharedLogSink, LOG_TARGET};
use crate::redact::{redact_body, redact_text};
use crate::secret::ApiKey;

/// Emits a `tracing` event at a level chosen at run time.
macro_rules! event_at {
    ($level:expr, $($rest:tt)+) => {
        match $level {
            LogLevel::Error => tracing::error!(target: LOG_TARGET, $($rest)+),
            LogLevel::Warn => tracing::warn!(target: LOG_TARGET, $($rest)+),
            LogLevel::Info => tracing::info!(target: LOG_TARGET, $($rest)+),
            LogLevel::Debug | LogLevel::Off => tracing::debug!(target: LOG_TARGET, $($rest)+),
        }
    };
}

/// What follows an attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Next {
    /// The call returns this answer.
    Done,
    /// Another attempt after this wait.
    Retry(Duration),
    /// The call fails with this attempt's error.
    Fail,
    /// A DELETE resent after a lost answer found its object gone: done.
    Gone,
    /// A create resent after a lost answer met ALREADY_EXISTS: looked up next.
    LookUp,
}

impl Next {
    fn level(self) -> LogLevel {
        match self {
            Self::Done | Self::Gone => LogLevel::Info,
            Self::Retry(_) | Self::LookUp => LogLevel::Warn,
            Self::Fail => LogLevel::Error,
        }
    }

    fn outcome(self) -> &'static str {
        match self {
            Self::Done => "ok",
            Self::Retry(_) => "retry",
            Self::Fail => "failed",
            Self::Gone => "gone",
            Self::LookUp => "look_up",
        }
    }
}

/// One attempt as it ended.
pub(crate) struct Attempt<'a> {
    pub operation: &'a str,
    pub method: &'a str,
    pub path: &'a str,
    pub attempt: u32,
    pub status: Option<u16>,
    pub duration: Duration,
    pub remaining: Option<i64>,
    pub error: Option<&'a Error>,
    pub next: Next,
}

/// The log threshold, sink and hooks of a client, shared by its clones and
/// `with_options` children.
pub(crate) struct Observers {
    level: LogLevel,
    sink: Option<SharedLogSink>,
    hooks: Hooks,
    key: ApiKey,
    /// Whether a sink panic was reported already.
    sink_panicked: AtomicBool,
}

impl fmt::Debug for Observers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Observers")
            .field("level", &self.level)
            .field("sink", &self.sink.as_ref().map(|_| "<sink>"))
            .field("hooks", &self.hooks)
            .finish()
    }
}

impl Observers {
    pub fn new(level: LogLevel, sink: Option<SharedLogSink>, hooks: Hooks, key: ApiKey) -> Self {
        Self {
            level,
            sink,
            hooks,
            key,
            sink_panicked: AtomicBool::new(false),
        }
    }

    /// The threshold of the sink.
    pub fn level(&self) -> LogLevel {
        self.level
    }

    /// Whether the sink takes records of this level.
    fn sink_wants(&self, level: LogLevel) -> bool {
        level != LogLevel::Off && level <= self.level && self.sink.is_some()
    }

    /// Whether anyone (sink, `tracing` subscriber, `log` logger) takes
    /// records of this level.
    pub fn wants(&self, level: LogLevel) -> bool {
        self.sink_wants(level) || tracing_wants(level)
    }

    /// A line for the log, built only when someone reads it.
    pub fn log(&self, level: LogLevel, message: impl FnOnce() -> String) {
        if self.wants(level) {
            let message = redact_text(&message(), &[self.key.expose()]);
            event_at!(level, "{}", message);
            self.to_sink(level, || LogRecord::new(level, message.clone()));
        }
    }

    /// The request hooks, before an attempt is sent.
    pub fn before(&self, operation: &str, method: &str, path: &str, attempt: u32) {
        if self.hooks.on_request.is_empty() {
            return;
        }
        let event = RequestEvent {
            operation,
            method,
            path,
            attempt,
        };
        for hook in &self.hooks.on_request {
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| hook(&event))) {
                self.hook_panicked("on_request", &*panic);
            }
        }
    }

    /// The response hooks and the attempt's log line, once it ended.
    pub fn after(&self, attempt: &Attempt<'_>) {
        if !self.hooks.on_response.is_empty() {
            let event = ResponseEvent {
                operation: attempt.operation,
                method: attempt.method,
                path: attempt.path,
                attempt: attempt.attempt,
                status: attempt.status,
                duration: attempt.duration,
                error: attempt.error.map(Error::class_name),
                rate_limit_remaining: attempt.remaining,
                will_retry: matches!(attempt.next, Next::Retry(_)),
            };
            for hook in &self.hooks.on_response {
                if let Err(panic) = catch_unwind(AssertUnwindSafe(|| hook(&event))) {
                    self.hook_panicked("on_response", &*panic);
                }
            }
        }
        let level = attempt.next.level();
        if self.wants(level) {
            self.attempt_line(level, attempt);
        }
    }

    /// A request or response body at debug, redacted and cut.
    pub fn body(&self, operation: &str, attempt: u32, direction: &'static str, body: &[u8]) {
        if !self.wants(LogLevel::Debug) {
            return;
        }
        let shown = redact_body(body, &[self.key.expose()]);
        let message = format!("{operation}: {direction} body: {shown}");
        tracing::debug!(
            target: LOG_TARGET,
            operation,
            attempt,
            direction,
            body = %shown,
            "{}",
            message
        );
        self.to_sink(LogLevel::Debug, || {
            LogRecord::new(LogLevel::Debug, message.clone())
                .field("operation", operation)
                .field("attempt", attempt)
                .field("direction", direction)
                .field("body", &shown)
        });
    }

    fn attempt_line(&self, level: LogLevel, a: &Attempt<'_>) {
        let duration_ms = (a.duration.as_secs_f64() * 1000.0 * 1000.0).round() / 1000.0;
        let retry_in_ms = match a.next {
            Next::Retry(wait) => Some(u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
            _ => None,
        };
        let class = a.error.map(Error::class_name);
        let code = a.error.and_then(Error::code);
        let mut line = format!("{}: {} {} -> ", a.operation, a.method, a.path);
        match (a.status, class) {
            (Some(status), None) => {
                let _ = write!(line, "{status}");
            }
            (Some(status), Some(class)) => {
                let _ = write!(line, "{status} {class}");
            }
            (None, Some(class)) => {
                let _ = write!(line, "no answer, {class}");
            }
            (None, None) => line.push_str("no answer"),
        }
        if let Some(code) = code {
            let _ = write!(line, " ({code})");
        }
        let _ = write!(line, " in {duration_ms} ms (attempt {}", a.attempt);
        if let Some(remaining) = a.remaining {
            let _ = write!(line, ", rate limit remaining {remaining}");
        }
        line.push(')');
        match a.next {
            Next::Done => {}
            Next::Retry(wait) => {
                let _ = write!(line, "; retrying in {:.2} s", wait.as_secs_f64());
            }
            Next::Fail => line.push_str("; failed"),
            Next::Gone => line.push_str("; already gone after a lost answer: done"),
            Next::LookUp => line.push_str("; exists after a lost answer: looking it up"),
        }
        if let Some(error) = a.error {
            let _ = write!(line, ": {}", error.message());
        }
        let line = redact_text(&line, &[self.key.expose()]);
        let outcome = a.next.outcome();
        event_at!(
            level,
            operation = a.operation,
            method = a.method,
            path = a.path,
            status = a.status,
            attempt = a.attempt,
            duration_ms,
            rate_limit_remaining = a.remaining,
            error = class,
            code,
            retry_in_ms,
            outcome,
            "{}",
            line
        );
        self.to_sink(level, || {
            let mut record = LogRecord::new(level, line.clone())
                .field("operation", a.operation)
                .field("method", a.method)
                .field("path", a.path);
            if let Some(status) = a.status {
                record = record.field("status", status);
            }
            record = record
                .field("attempt", a.attempt)
                .field("duration_ms", duration_ms);
            if let Some(remaining) = a.remaining {
                record = record.field("rate_limit_remaining", remaining);
            }
            if let Some(class) = class {
                record = record.field("error", class);
            }
            if let Some(code) = code {
                record = record.field("code", code);
            }
            if let Some(wait) = retry_in_ms {
                record = record.field("retry_in_ms", wait);
            }
            record.field("outcome", outcome)
        });
    }

    /// Hands a record to the sink, if it takes its level; a panicking sink
    /// is reported once through `tracing` and never reaches the caller.
    fn to_sink(&self, level: LogLevel, record: impl FnOnce() -> LogRecord) {
        let Some(sink) = &self.sink else { return };
        if !self.sink_wants(level) {
            return;
        }
        let record = record();
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| sink.log(&record))) {
            if !self.sink_panicked.swap(true, Ordering::Relaxed) {
                let message = redact_text(&panic_message(&*panic), &[self.key.expose()]);
                tracing::warn!(
                    target: LOG_TARGET,
                    "the log sink panicked ({message}); the call goes on, later panics are not reported"
                );
            }
        }
    }

    fn hook_panicked(&self, hook: &str, panic: &(dyn Any + Send)) {
        let message = panic_message(panic);
        self.log(LogLevel::Warn, || {
            format!("the {hook} hook panicked ({message}); the call goes on")
        });
    }
}

/// What a panic said, when it said it with text.
fn panic_message(panic: &(dyn Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "no message".to_owned())
}

/// Whether a `tracing` subscriber, or a `log` logger when there is no
/// subscriber (`tracing`'s `log` feature forwards to it), takes this level.
fn tracing_wants(level: LogLevel) -> bool {
    let by_tracing = match level {
        LogLevel::Off => false,
        LogLevel::Error => tracing::enabled!(target: LOG_TARGET, tracing::Level::ERROR),
        LogLevel::Warn => tracing::enabled!(target: LOG_TARGET, tracing::Level::WARN),
        LogLevel::Info => tracing::enabled!(target: LOG_TARGET, tracing::Level::INFO),
        LogLevel::Debug => tracing::enabled!(target: LOG_TARGET, tracing::Level::DEBUG),
    };
    by_tracing || log_wants(level)
}

/// Whether the `log` crate's logger takes this level (Python's `logging`
/// bridge listens there).
fn log_wants(level: LogLevel) -> bool {
    let level = match level {
        LogLevel::Off => return false,
        LogLevel::Error => log::Level::Error,
        LogLevel::Warn => log::Level::Warn,
        LogLevel::Info => log::Level::Info,
        LogLevel::Debug => log::Level::Debug,
    };
    level <= log::max_level()
        && !tracing::dispatcher::has_been_set()
        && log::logger().enabled(
            &log::Metadata::builder()
                .level(level)
                .target(LOG_TARGET)
                .build(),
        )
}
