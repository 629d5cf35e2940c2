//! The way into the API: every request is logged, may hit an injected fault, is
//! authenticated and rate limited, then routed. CDN requests (photo images) are logged
//! and may be faulted too, but carry no key and are never rate limited.

use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::request::Parts;
use axum::http::Request;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::sync::Notify;
use tower::ServiceExt;

use crate::app::App;
use crate::auth::bearer_key;
use crate::cdn;
use crate::error::ApiError;
use crate::faults::After;
use crate::request_log::LoggedRequest;

/// The largest request body read.
const BODY_LIMIT: usize = 16 * 1024 * 1024;

/// The organization a request is authenticated as (an index into the store).
#[derive(Debug, Clone, Copy)]
pub struct OrgId(pub usize);

/// Answers one API request.
pub async fn handle(
    app: Arc<App>,
    api: Router,
    drop_connection: Arc<Notify>,
    request: Request<Body>,
) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, BODY_LIMIT).await;
    let bytes = body.as_ref().map(|b| b.as_ref()).unwrap_or_default();
    app.requests.push(LoggedRequest::new(&parts, bytes));
    let Ok(bytes) = body else {
        return ApiError::invalid("could not read the request body").into_response();
    };

    let fault = app.faults.take(&parts.method, parts.uri.path());
    if let Some(fault) = &fault {
        if let Some(delay) = fault.delay {
            tokio::time::sleep(delay).await;
        }
        if fault.after.is_none() {
            if fault.drop {
                drop_connection.notify_one();
                return std::future::pending().await;
            }
            if let Some(response) = fault.response() {
                return response;
            }
        }
    }

    let mut response = process(&app, api, parts, bytes).await;
    let Some(fault) = fault else {
        return response;
    };
    match fault.after {
        Some(After::Drop) => {
            drop_connection.notify_one();
            std::future::pending().await
        }
        Some(After::Status(status)) => {
            let mut failed = fault.response_with(status);
            for name in RATE_LIMIT_HEADERS {
                if let Some(value) = response.headers().get(name) {
                    failed.headers_mut().insert(name, value.clone());
                }
            }
            failed
        }
        None => {
            fault.add_headers(response.headers_mut());
            response
        }
    }
}

/// The rate-limit headers a "process, then answer a status" fault keeps.
const RATE_LIMIT_HEADERS: [&str; 3] = [
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
];

/// Serves a request for real: the CDN, or an authenticated, rate-limited API call.
async fn process(app: &Arc<App>, api: Router, mut parts: Parts, bytes: Bytes) -> Response {
    if cdn::is_cdn(parts.uri.path()) {
        let path = parts.uri.path();
        let query = parts.uri.query().unwrap_or_default();
        return app
            .cdn
            .serve(path, query, |photo| app.read(|s| s.photo_exists(photo)));
    }

    let Some(key) = bearer_key(&parts.headers) else {
        return ApiError::unauthorized("Missing API key: send Authorization: Bearer <key>")
            .into_response();
    };
    let Some((org, rate_limit)) = app.read(|s| {
        s.org_index(key).map(|i| {
            let limit = s
                .orgs
                .get(i)
                .and_then(|o| o.settings.rate_limit.map(|l| (l, o.settings.rate_window)));
            (i, limit)
        })
    }) else {
        return ApiError::unauthorized("Invalid API key").into_response();
    };

    let decision = rate_limit.map(|(limit, window)| app.limiter.check(org, limit, window));
    let mut response = match decision {
        Some(d) if !d.allowed => ApiError::rate_limited().into_response(),
        _ => {
            parts.extensions.insert(OrgId(org));
            let request = Request::from_parts(parts, Body::from(bytes));
            match api.oneshot(request).await {
                Ok(response) => response,
                Err(never) => match never {},
            }
        }
    };
    if let Some(decision) = decision {
        decision.apply(response.headers_mut());
    }
    response
}
