//! The log of every API and CDN request received, for `GET /__mock/requests`.

use std::sync::Mutex;

use axum::http::request::Parts;
use serde_json::{Map, Value};

use crate::control::types::RecordedRequest;
use crate::lock::lock;

/// One API request as received.
#[derive(Debug, Clone)]
pub struct LoggedRequest {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl LoggedRequest {
    /// Captures a request's head and body.
    pub fn new(parts: &Parts, body: &[u8]) -> Self {
        Self {
            method: parts.method.as_str().to_owned(),
            path: parts.uri.path().to_owned(),
            query: parts.uri.query().unwrap_or_default().to_owned(),
            headers: parts
                .headers
                .iter()
                .map(|(name, value)| {
                    (
                        name.as_str().to_owned(),
                        String::from_utf8_lossy(value.as_bytes()).into_owned(),
                    )
                })
                .collect(),
            body: String::from_utf8_lossy(body).into_owned(),
        }
    }

    /// `{method, path, query, headers, body}`; repeated headers are joined with `, `.
    pub fn to_json(&self) -> Value {
        let mut headers = Map::new();
        for (name, value) in &self.headers {
            match headers.get_mut(name) {
                Some(Value::String(existing)) => {
                    existing.push_str(", ");
                    existing.push_str(value);
                }
                _ => {
                    headers.insert(name.clone(), Value::String(value.clone()));
                }
            }
        }
        let mut entry = Map::new();
        entry.insert("method".to_owned(), Value::String(self.method.clone()));
        entry.insert("path".to_owned(), Value::String(self.path.clone()));
        entry.insert("query".to_owned(), Value::String(self.query.clone()));
        entry.insert("headers".to_owned(), Value::Object(headers));
        entry.insert("body".to_owned(), Value::String(self.body.clone()));
        Value::Object(entry)
    }
}

/// Every API request received, in order.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: Mutex<Vec<LoggedRequest>>,
}

impl RequestLog {
    /// Appends a request.
    pub fn push(&self, request: LoggedRequest) {
        lock(&self.entries).push(request);
    }

    /// Every entry, typed.
    pub fn entries(&self) -> Vec<RecordedRequest> {
        lock(&self.entries)
            .iter()
            .map(|e| RecordedRequest {
                method: e.method.clone(),
                path: e.path.clone(),
                query: e.query.clone(),
                headers: e.headers.clone(),
                body: e.body.clone(),
            })
            .collect()
    }

    /// The log as a JSON array.
    pub fn to_json(&self) -> Value {
        let entries = lock(&self.entries).clone();
        Value::Array(entries.iter().map(LoggedRequest::to_json).collect())
    }

    /// Forgets every entry.
    pub fn clear(&self) {
        lock(&self.entries).clear();
    }
}
