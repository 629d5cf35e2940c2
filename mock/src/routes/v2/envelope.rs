//! The V2 envelope: an organization set to `data` gets its V2 success bodies as
//! `{"success": true, "data": {...}}`; errors never change.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{json, Value};

use crate::app::App;
use crate::config::Envelope;
use crate::gateway::OrgId;

/// The largest answer the envelope rewrites (larger ones pass unchanged).
const REWRITE_LIMIT: usize = 64 * 1024 * 1024;

/// Moves the fields of a 2xx JSON object body under `data` when the organization asks.
pub async fn apply(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let envelope = request
        .extensions()
        .get::<OrgId>()
        .and_then(|&OrgId(org)| app.read(|s| s.orgs.get(org).map(|o| o.settings.envelope)));
    let response = next.run(request).await;
    if envelope != Some(Envelope::Data) || !response.status().is_success() {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, REWRITE_LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(Value::Object(mut fields)) = serde_json::from_slice::<Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let success = fields.remove("success").unwrap_or(Value::Bool(true));
    let wrapped = json!({"success": success, "data": fields});
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(wrapped.to_string()))
}
