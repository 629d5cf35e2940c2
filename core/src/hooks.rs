//! Request and response hooks: callbacks told about every attempt, for
//! metrics and tracing (stripe-node's `request`/`response` events, OkHttp's
//! interceptors without the power to change anything).
//!
//! Hooks run on the task making the call, before the attempt is sent and
//! after its answer (or failure); keep them quick. A hook that panics is
//! caught, logged at warn, and never breaks the call.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// An attempt about to be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestEvent<'a> {
    /// The operation, e.g. `models.retrieve` (`request` for [`crate::Client::request`]).
    pub operation: &'a str,
    /// The HTTP method, e.g. `GET`.
    pub method: &'a str,
    /// The path under the base URL, without the query.
    pub path: &'a str,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
}

/// An attempt that ended: answered, or failed without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseEvent<'a> {
    /// The operation, e.g. `models.retrieve`.
    pub operation: &'a str,
    /// The HTTP method.
    pub method: &'a str,
    /// The path under the base URL, without the query.
    pub path: &'a str,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
    /// The HTTP status, when the server answered.
    pub status: Option<u16>,
    /// From sending the request to the end of the answer (or the failure).
    #[serde(rename = "durationMs", with = "crate::duration_ms")]
    pub duration: Duration,
    /// The error class (`ServerError`, `APIConnectionError`, …) when the
    /// attempt failed; `None` for a successful answer.
    pub error: Option<&'a str>,
    /// `X-RateLimit-Remaining` of the answer, when sent.
    pub rate_limit_remaining: Option<i64>,
    /// Whether the call sends another attempt after this one.
    pub will_retry: bool,
}

/// A hook told about each attempt before it is sent.
pub type RequestHook = Arc<dyn Fn(&RequestEvent<'_>) + Send + Sync>;
/// A hook told about each attempt once it ended.
pub type ResponseHook = Arc<dyn Fn(&ResponseEvent<'_>) + Send + Sync>;

/// The hooks of a client, shared by its clones and `with_options` children.
#[derive(Clone, Default)]
pub(crate) struct Hooks {
    pub on_request: Vec<RequestHook>,
    pub on_response: Vec<ResponseHook>,
}

impl fmt::Debug for Hooks {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hooks")
            .field("on_request", &self.on_request.len())
            .field("on_response", &self.on_response.len())
            .finish()
    }
}
