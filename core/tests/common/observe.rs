//! A log sink and hooks that keep what they receive, for assertions.

use std::sync::{Arc, Mutex};

use headshotpro::{LogLevel, LogRecord, LogSink};

/// Keeps every record it is given.
#[derive(Clone, Default)]
pub struct Collected(Arc<Mutex<Vec<LogRecord>>>);

impl LogSink for Collected {
    fn log(&self, record: &LogRecord) {
        self.0.lock().unwrap().push(record.clone());
    }
}

impl Collected {
    /// Every record so far.
    pub fn records(&self) -> Vec<LogRecord> {
        self.0.lock().unwrap().clone()
    }

    /// The records of one level.
    pub fn at(&self, level: LogLevel) -> Vec<LogRecord> {
        self.records()
            .into_iter()
            .filter(|r| r.level == level)
            .collect()
    }

    /// The per-attempt lines (records with an `outcome` field).
    pub fn attempts(&self) -> Vec<LogRecord> {
        self.records()
            .into_iter()
            .filter(|r| r.get("outcome").is_some())
            .collect()
    }

    /// Forgets what was received.
    pub fn clear(&self) {
        self.0.lock().unwrap().clear();
    }
}

/// Panics if any record's message or field value contains any secret.
pub fn assert_no_secret(records: &[LogRecord], secrets: &[String]) {
    for record in records {
        let texts = std::iter::once(record.message.as_str())
            .chain(record.fields.iter().map(|f| f.value.as_str()));
        for text in texts {
            for secret in secrets {
                assert!(
                    !text.contains(secret.as_str()),
                    "secret {secret:?} logged in {:?} record: {text}",
                    record.level
                );
            }
        }
    }
}
