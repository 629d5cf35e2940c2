//! Log records as every language receives them: a level, one formatted line,
//! and the same facts as named fields. The core formats and redacts them;
//! a binding only hands each record to its language's logger through a
//! [`LogSink`].

use std::fmt;
use std::io::Write;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Environment variable that turns logging on without code:
/// `HEADSHOTPRO_LOG=debug|info|warn|error|off`.
pub const ENV_LOG: &str = "HEADSHOTPRO_LOG";

/// The target of every record and `tracing` event of the SDK.
pub const LOG_TARGET: &str = "headshotpro";

/// How much is logged. Ordered from quiet to verbose: a record is passed on
/// when its level is at most the client's threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogLevel {
    /// Nothing (a threshold only; no record has this level).
    #[default]
    Off,
    /// A call failed for good.
    Error,
    /// An attempt failed and will be retried; a hook or sink misbehaved.
    Warn,
    /// One line per attempt that got its answer.
    Info,
    /// Request and response bodies (redacted, truncated), rate-limit waits.
    Debug,
}

impl LogLevel {
    /// The level's name: `off`, `error`, `warn`, `info`, `debug`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
            Self::Debug => "debug",
        }
    }
}

impl fmt::Display for LogLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LogLevel {
    type Err = Error;

    /// Reads a level name in any case; `warning` and `trace` are accepted
    /// for `warn` and `debug`, an empty string for `off`.
    fn from_str(raw: &str) -> Result<Self, Error> {
        Ok(match raw.trim().to_ascii_lowercase().as_str() {
            "" | "off" | "none" => Self::Off,
            "error" => Self::Error,
            "warn" | "warning" => Self::Warn,
            "info" => Self::Info,
            "debug" | "trace" => Self::Debug,
            other => {
                return Err(Error::invalid(format!(
                    "log level {other:?} is not one of off, error, warn, info, debug"
                )))
            }
        })
    }
}

/// The level `HEADSHOTPRO_LOG` asks for, read once per process. An unset or
/// unreadable value is `Off` (an unreadable one is reported once through
/// `tracing`).
pub fn env_log_level() -> LogLevel {
    static LEVEL: OnceLock<LogLevel> = OnceLock::new();
    *LEVEL.get_or_init(|| match std::env::var(ENV_LOG) {
        Ok(raw) => raw.parse().unwrap_or_else(|err: Error| {
            tracing::warn!(target: LOG_TARGET, "{ENV_LOG} ignored: {}", err.message());
            LogLevel::Off
        }),
        Err(_) => LogLevel::Off,
    })
}

/// One named fact of a record, e.g. `status` = `200`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LogField {
    /// The field's name (snake_case: `operation`, `duration_ms`, …).
    pub name: String,
    /// Its value as text.
    pub value: String,
}

/// One log record: what a binding passes to its language's logger.
///
/// `message` is the whole line, already redacted; `fields` repeat its facts
/// by name for structured loggers (Python `extra`, SLF4J key-values,
/// swift-log metadata).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LogRecord {
    /// How important it is.
    pub level: LogLevel,
    /// Always `headshotpro`: the logger name to use.
    pub target: String,
    /// The formatted line.
    pub message: String,
    /// The line's facts by name.
    pub fields: Vec<LogField>,
}

impl LogRecord {
    /// A record with a message and no fields yet.
    pub(crate) fn new(level: LogLevel, message: String) -> Self {
        Self {
            level,
            target: LOG_TARGET.to_owned(),
            message,
            fields: Vec::new(),
        }
    }

    /// Adds a field.
    pub(crate) fn field(mut self, name: &'static str, value: impl fmt::Display) -> Self {
        self.fields.push(LogField {
            name: name.to_owned(),
            value: value.to_string(),
        });
        self
    }

    /// The value of a field, by name.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }
}

/// Receives the SDK's log records. Bindings implement it to feed Python
/// `logging`, a Node logger, SLF4J or swift-log; Rust code may pass a
/// closure. A sink that panics never breaks a call: the panic is caught and
/// reported once through `tracing`.
pub trait LogSink: Send + Sync {
    /// Takes one record.
    fn log(&self, record: &LogRecord);
}

impl<F: Fn(&LogRecord) + Send + Sync> LogSink for F {
    fn log(&self, record: &LogRecord) {
        self(record);
    }
}

/// A shared sink, as the client holds it.
pub type SharedLogSink = Arc<dyn LogSink>;

/// Writes each record as one line on standard error:
/// `2025-01-01T12:00:00.123Z INFO headshotpro: <message>`. The sink a client
/// uses when a level is set (e.g. by `HEADSHOTPRO_LOG`) but no sink is.
#[derive(Debug, Clone, Copy, Default)]
pub struct StderrSink;

impl LogSink for StderrSink {
    fn log(&self, record: &LogRecord) {
        let now = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ");
        let level = record.level.as_str().to_ascii_uppercase();
        let line = format!("{now} {level} {}: {}\n", record.target, record.message);
        // Standard error may be closed; a log line is not worth failing for.
        let _ = std::io::stderr().lock().write_all(line.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_parse_and_order() {
        assert_eq!("DEBUG".parse::<LogLevel>().unwrap(), LogLevel::Debug);
        assert_eq!("warning".parse::<LogLevel>().unwrap(), LogLevel::Warn);
        assert_eq!(" ".parse::<LogLevel>().unwrap(), LogLevel::Off);
        assert!("loud".parse::<LogLevel>().is_err());
        assert!(LogLevel::Off < LogLevel::Error && LogLevel::Info < LogLevel::Debug);
        assert_eq!(LogLevel::Warn.to_string(), "warn");
    }

    #[test]
    fn records_carry_named_fields() {
        let record = LogRecord::new(LogLevel::Info, "line".into())
            .field("status", 200)
            .field("operation", "models.retrieve");
        assert_eq!(record.get("status"), Some("200"));
        assert_eq!(record.get("missing"), None);
        assert_eq!(record.target, "headshotpro");
    }
}
