//! The escape hatch (`client.request`) and response metadata (the
//! capturing clients behind `.withResponse()`).

use std::collections::HashMap;

use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use crate::cancel::CancelToken;
use crate::client::{HeaderPair, NativeClient};
use crate::error::NativeError;
use crate::run::spawn;
use crate::types_v2::RateLimit;

/// The facts of one answer, for `.withResponse()`.
#[napi(object, object_from_js = false)]
pub struct ResponseMetaJs {
    /// The HTTP status.
    pub status: u32,
    /// The answer's headers as sent (names in lower case; a repeated name
    /// appears once per value).
    pub headers: Vec<HeaderPair>,
    /// Its `X-RateLimit-*` headers.
    pub rate_limit: RateLimit,
    /// The operation that sent the request, e.g. `models.retrieve`.
    pub operation: String,
    /// The HTTP method.
    pub method: String,
    /// The path under the base URL, without the query.
    pub path: String,
    /// Which attempt got the answer (1 unless retried).
    pub attempt: u32,
    /// How long that attempt took, in milliseconds.
    pub elapsed_ms: f64,
    /// The server's `X-Request-Id`, when sent.
    pub request_id: Option<String>,
}

impl From<headshotpro::ResponseMeta> for ResponseMetaJs {
    fn from(meta: headshotpro::ResponseMeta) -> Self {
        Self {
            status: u32::from(meta.status),
            request_id: meta.request_id().map(str::to_owned),
            headers: meta
                .headers
                .iter()
                .map(|(name, value)| HeaderPair {
                    name: name.to_ascii_lowercase(),
                    value: value.to_owned(),
                })
                .collect(),
            rate_limit: RateLimit::from(meta.rate_limit),
            operation: meta.operation,
            method: meta.method,
            path: meta.path,
            attempt: meta.attempt,
            elapsed_ms: meta.elapsed.as_secs_f64() * 1000.0,
        }
    }
}

#[napi]
impl NativeClient {
    /// A client like this one that keeps the facts of its latest answer
    /// for `takeResponse()`; the JS layer makes one per `.withResponse()`
    /// call, so calls never see each other's answers.
    #[napi]
    pub fn capturing(&self) -> NativeClient {
        let (inner, capture) = self.inner.capturing();
        NativeClient {
            inner,
            hooks: self.hooks.clone(),
            capture: Some(capture),
        }
    }

    /// The facts of the latest answer to a call through this capturing
    /// client, emptying it; `null` when none came (or it does not capture).
    #[napi]
    pub fn take_response(&self) -> Option<ResponseMetaJs> {
        self.capture
            .as_ref()
            .and_then(headshotpro::ResponseCapture::take)
            .map(ResponseMetaJs::from)
    }

    /// `client.request`: `method` and `path` as given (the core checks
    /// them), `body` as JSON text the JS layer made, `query` as parameters.
    /// The promise's value is the answer's JSON text (`null` when empty).
    #[napi(catch_unwind)]
    pub fn request<'env>(
        &self,
        env: &'env Env,
        method: String,
        path: String,
        body: Option<String>,
        query: Option<HashMap<String, String>>,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<String, NativeError>>> {
        let client = self.inner.clone();
        spawn(env, cancel, "request", async move {
            let body = match body {
                Some(text) => Some(serde_json::from_str(&text).map_err(|e| {
                    headshotpro::Error::InvalidArgument {
                        message: format!("body is not JSON: {e}"),
                    }
                })?),
                None => None,
            };
            let mut pairs: Vec<(String, String)> = query.unwrap_or_default().into_iter().collect();
            pairs.sort();
            let answer = client.request(&method, &path, body, &pairs).await?;
            Ok::<_, headshotpro::Error>(answer.to_string())
        })
    }
}
