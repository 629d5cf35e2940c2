//! Injected faults: the next N matching API requests get a chosen answer, a delay, or a
//! dropped connection.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::error::{ApiError, ApiResult};
use crate::lock::lock;

/// The most padding a fault may add to its body (64 MiB).
const MAX_PADDING: usize = 64 * 1024 * 1024;

/// What a "process, then fail" fault does once the request has taken effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Close the connection without an answer.
    Drop,
    /// Answer this status instead of the real answer.
    Status(StatusCode),
}

/// One fault as added by `POST /__mock/faults`.
#[derive(Debug, Clone)]
pub struct Fault {
    id: u64,
    method: Option<Method>,
    path: String,
    status: Option<StatusCode>,
    body: Option<Vec<u8>>,
    /// Spaces appended to the injected body (JSON stays valid).
    padding: usize,
    headers: HeaderMap,
    /// Wait this long before answering (or dropping).
    pub delay: Option<Duration>,
    /// Close the connection without an answer.
    pub drop: bool,
    /// Process the request first, then drop the connection or answer a status.
    pub after: Option<After>,
    times: u32,
    spec: Value,
}

impl Fault {
    /// Reads a fault from its JSON description.
    pub fn parse(spec: &Value, id: u64) -> ApiResult<Self> {
        let obj = spec
            .as_object()
            .ok_or_else(|| ApiError::invalid("a fault must be a JSON object"))?;
        let path = match obj.get("path") {
            Some(Value::String(p)) if !p.is_empty() => p.clone(),
            _ => return Err(ApiError::invalid("path is required")),
        };
        let method = match obj.get("method") {
            None | Some(Value::Null) => None,
            Some(Value::String(m)) => Some(
                Method::from_bytes(m.to_ascii_uppercase().as_bytes())
                    .map_err(|_| ApiError::invalid(format!("invalid method {m}")))?,
            ),
            Some(_) => return Err(ApiError::invalid("method must be a string")),
        };
        let status = match obj.get("status") {
            None | Some(Value::Null) => None,
            Some(v) => Some(
                v.as_u64()
                    .and_then(|s| u16::try_from(s).ok())
                    .and_then(|s| StatusCode::from_u16(s).ok())
                    .ok_or_else(|| ApiError::invalid("status must be an HTTP status code"))?,
            ),
        };
        let body = match obj.get("body") {
            None | Some(Value::Null) => None,
            Some(Value::String(raw)) => Some(raw.clone().into_bytes()),
            Some(other) => Some(other.to_string().into_bytes()),
        };
        let padding = match obj.get("padding") {
            None | Some(Value::Null) => 0,
            Some(v) => v
                .as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .filter(|&n| n <= MAX_PADDING)
                .ok_or_else(|| {
                    ApiError::invalid(format!(
                        "padding must be an integer between 0 and {MAX_PADDING}"
                    ))
                })?,
        };
        let headers = parse_headers(obj.get("headers"))?;
        let delay = match obj.get("delay_ms") {
            None | Some(Value::Null) => None,
            Some(v) => Some(Duration::from_millis(v.as_u64().ok_or_else(|| {
                ApiError::invalid("delay_ms must be a non-negative integer")
            })?)),
        };
        let drop = match obj.get("drop") {
            None | Some(Value::Null) => false,
            Some(v) => v
                .as_bool()
                .ok_or_else(|| ApiError::invalid("drop must be a boolean"))?,
        };
        let after = match obj.get("after") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s == "drop" => Some(After::Drop),
            Some(v) => Some(After::Status(
                v.as_u64()
                    .and_then(|s| u16::try_from(s).ok())
                    .and_then(|s| StatusCode::from_u16(s).ok())
                    .ok_or_else(|| {
                        ApiError::invalid("after must be \"drop\" or an HTTP status code")
                    })?,
            )),
        };
        if after.is_some() && (status.is_some() || drop) {
            return Err(ApiError::invalid(
                "after replaces status and drop: give only one of them",
            ));
        }
        let times = match obj.get("times") {
            None | Some(Value::Null) => 1,
            Some(v) => v
                .as_u64()
                .and_then(|t| u32::try_from(t).ok())
                .filter(|&t| t >= 1)
                .ok_or_else(|| ApiError::invalid("times must be a positive integer"))?,
        };
        let mut spec = spec.clone();
        spec["id"] = json!(id);
        Ok(Self {
            id,
            method,
            path,
            status,
            body,
            padding,
            headers,
            delay,
            drop,
            after,
            times,
            spec,
        })
    }

    fn matches(&self, method: &Method, path: &str) -> bool {
        self.method.as_ref().map_or(true, |m| m == method) && path.starts_with(&self.path)
    }

    /// The injected answer, when the fault has a status or a body.
    pub fn response(&self) -> Option<Response> {
        if self.status.is_none() && self.body.is_none() {
            return None;
        }
        Some(self.response_with(self.status.unwrap_or(StatusCode::OK)))
    }

    /// The injected answer with this status: the fault's body (or the standard
    /// `INJECTED` error body) and headers.
    pub fn response_with(&self, status: StatusCode) -> Response {
        let mut body = self.body.clone().unwrap_or_else(|| {
            br#"{"success": false, "error": "injected fault", "code": "INJECTED"}"#.to_vec()
        });
        body.resize(body.len() + self.padding, b' ');
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = status;
        response
            .headers_mut()
            .insert("content-type", HeaderValue::from_static("application/json"));
        self.add_headers(response.headers_mut());
        response
    }

    /// Adds the fault's extra headers to an answer.
    pub fn add_headers(&self, headers: &mut HeaderMap) {
        for (name, value) in &self.headers {
            headers.insert(name.clone(), value.clone());
        }
    }
}

/// `headers`: an object of header names to strings (numbers are written out).
fn parse_headers(value: Option<&Value>) -> ApiResult<HeaderMap> {
    let mut headers = HeaderMap::new();
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(headers);
    };
    let obj: &Map<String, Value> = value
        .as_object()
        .ok_or_else(|| ApiError::invalid("headers must be an object"))?;
    for (name, value) in obj {
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            _ => return Err(ApiError::invalid(format!("header {name} must be a string"))),
        };
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| ApiError::invalid(format!("invalid header name {name}")))?;
        let value = HeaderValue::from_str(&text)
            .map_err(|_| ApiError::invalid(format!("invalid value for header {name}")))?;
        headers.insert(name, value);
    }
    Ok(headers)
}

/// The faults still to fire, in the order added.
#[derive(Debug, Default)]
pub struct Faults {
    pending: AtomicUsize,
    next_id: AtomicU64,
    list: Mutex<VecDeque<Fault>>,
}

impl Faults {
    /// Adds a fault from its JSON description; answers its id.
    pub fn add(&self, spec: &Value) -> ApiResult<u64> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed) + 1;
        let fault = Fault::parse(spec, id)?;
        let mut list = lock(&self.list);
        list.push_back(fault);
        self.pending.store(list.len(), Ordering::Release);
        Ok(id)
    }

    /// Uses up one firing of the first fault matching this request.
    pub fn take(&self, method: &Method, path: &str) -> Option<Fault> {
        if self.pending.load(Ordering::Acquire) == 0 {
            return None;
        }
        let mut list = lock(&self.list);
        let index = list.iter().position(|f| f.matches(method, path))?;
        let fault = list.get_mut(index)?;
        fault.times -= 1;
        let fired = fault.clone();
        if fault.times == 0 {
            list.remove(index);
        }
        self.pending.store(list.len(), Ordering::Release);
        Some(fired)
    }

    /// The faults still pending, with the firings left.
    pub fn to_json(&self) -> Value {
        let list = lock(&self.list);
        Value::Array(
            list.iter()
                .map(|f| {
                    let mut spec = f.spec.clone();
                    spec["remaining"] = json!(f.times);
                    spec["id"] = json!(f.id);
                    spec
                })
                .collect(),
        )
    }

    /// Removes every fault.
    pub fn clear(&self) {
        let mut list = lock(&self.list);
        list.clear();
        self.pending.store(0, Ordering::Release);
    }
}
