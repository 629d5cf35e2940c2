//! The escape hatch and response metadata of the Swift/Kotlin client:
//! `requestJson` (the JSON-text form under Kotlin's and Swift's
//! `request(method, path, body, query)`), and `capturing()`, the one
//! generic piece under Kotlin's and Swift's `withResponse { }`.

use std::collections::HashMap;
use std::sync::Arc;

use headshotpro::{ResponseCapture, ResponseMeta};
use serde_json::Value;

use crate::client::Client;
use crate::error::HeadshotProError;
use crate::guard::guard;

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// Calls an endpoint the SDK does not wrap yet, with the same key,
    /// retries, rate limiter, errors, hooks and logs as every call, and
    /// returns the answer's JSON as text (`null` for an empty answer).
    ///
    /// `method` is `GET`, `POST`, `PUT`, `PATCH` or `DELETE`; `path` starts
    /// with `/` under the base URL (absolute URLs, `..`, `?`, CR/LF… are
    /// refused with `InvalidArgumentError` before anything is sent);
    /// `body_json` is JSON text (text that is not JSON is an
    /// `InvalidArgumentError`); `query` holds the query parameters. An answer
    /// that is not JSON is a `ResponseDecodeError`. Kotlin's and Swift's
    /// `request(...)` take and return the languages' JSON values instead.
    #[uniffi::method(default(body_json = None, query = None))]
    pub async fn request_json(
        &self,
        method: String,
        path: String,
        body_json: Option<String>,
        query: Option<HashMap<String, String>>,
    ) -> Result<String, HeadshotProError> {
        let body = body_json
            .map(|text| headshotpro::from_json::<Value>(&text))
            .transpose()
            .map_err(|e| HeadshotProError::InvalidArgumentError {
                message: format!("the request body is not JSON: {}", e.message()),
            })?;
        let query: Vec<(String, String)> = query.unwrap_or_default().into_iter().collect();
        let answer = guard(
            headshotpro::RAW_OPERATION,
            self.core().request(&method, &path, body, &query),
        )
        .await?;
        Ok(headshotpro::to_json(&answer)?)
    }

    /// A client like this one (same pool, settings and hooks) that keeps the
    /// status, headers and rate limit of its latest answer: what
    /// `withResponse { }` is built on. Capture one call at a time with it.
    pub fn capturing(&self) -> Arc<CapturingClient> {
        let (client, capture) = self.core().capturing();
        Arc::new(CapturingClient {
            client: Arc::new(Client::from_core(client)),
            capture,
        })
    }
}

/// A client that records the facts of its latest answer: `client()` makes
/// the calls, `lastResponse()` reads what the last one received.
#[derive(Debug, uniffi::Object)]
pub struct CapturingClient {
    client: Arc<Client>,
    capture: ResponseCapture,
}

#[uniffi::export]
impl CapturingClient {
    /// The client whose answers are recorded.
    pub fn client(&self) -> Arc<Client> {
        Arc::clone(&self.client)
    }

    /// The operation, method, path, status, headers (names in lower case,
    /// repeated ones joined with `, `), rate limit, attempt and duration of
    /// the latest answer; nil/null when the latest request got none.
    pub fn last_response(&self) -> Option<ResponseMeta> {
        self.capture.last()
    }
}
