//! The control API under `/__mock/` over HTTP: no auth; each call runs the same
//! operation as the matching [`crate::MockServer`] method and answers it as JSON.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::ops::{InviteStep, ModelStep};
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::routes::body;
use crate::state::{LikedStatus, SeedRequest};

/// The control router.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/__mock/health", get(health))
        .route("/__mock/state", get(state))
        .route("/__mock/reset", post(reset))
        .route(
            "/__mock/organization",
            get(organization).put(update_organization),
        )
        .route("/__mock/invites/{id}/{action}", post(invite_action))
        .route("/__mock/models/{id}/favorite", post(choose_favorite))
        .route("/__mock/models/{id}/{action}", post(model_action))
        .route("/__mock/photos/{id}/like", post(like_photo))
        .route("/__mock/seed", post(seed))
        .route(
            "/__mock/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/__mock/requests", get(requests).delete(clear_requests))
        .route("/__mock/webhooks", get(webhooks).delete(clear_webhooks))
        .fallback(|| async { ApiError::not_found("No such control endpoint") })
        .with_state(app)
}

type Answer = ApiResult<Json<Value>>;

fn ok(mut fields: Value) -> Json<Value> {
    fields["success"] = json!(true);
    Json(fields)
}

/// Any serializable record as JSON.
fn value(record: &impl serde::Serialize) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

async fn health() -> Json<Value> {
    ok(json!({"status": "ok"}))
}

async fn state(State(app): State<Arc<App>>) -> Json<Value> {
    let mut state = app.read(crate::state::Store::to_json);
    state["faults"] = app.faults.to_json();
    ok(state)
}

async fn reset(State(app): State<Arc<App>>) -> Json<Value> {
    app.reset();
    ok(json!({}))
}

/// The organization addressed by `?key=` (default: the default organization).
fn org_index(app: &App, query: &HashMap<String, String>) -> ApiResult<usize> {
    app.org_for_key(query.get("key").map(String::as_str))
}

async fn organization(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    let org = org_index(&app, &query)?;
    let settings = app.settings(org)?;
    Ok(ok(json!({"organization": settings.to_json()})))
}

async fn update_organization(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
    bytes: Bytes,
) -> Answer {
    let org = org_index(&app, &query)?;
    let changes = match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => map,
        _ if bytes.iter().all(u8::is_ascii_whitespace) => Map::new(),
        _ => return Err(ApiError::invalid("the body must be a JSON object")),
    };
    let settings = app.update_settings(org, &changes)?;
    Ok(ok(json!({"organization": settings.to_json()})))
}

async fn invite_action(
    State(app): State<Arc<App>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let step = match action.as_str() {
        "accept" => InviteStep::Accept,
        "upload" => InviteStep::Upload,
        "advance" => InviteStep::Advance,
        _ => return Err(ApiError::not_found(format!("No invite action {action}"))),
    };
    let (invite, credits) = app.invite_step(&id, step)?;
    Ok(ok(json!({"invite": value(&invite), "credits": credits})))
}

async fn model_action(
    State(app): State<Arc<App>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let step = match action.as_str() {
        "complete-onboarding" => ModelStep::CompleteOnboarding,
        "advance" => ModelStep::Advance,
        "fail" => ModelStep::Fail,
        _ => return Err(ApiError::not_found(format!("No model action {action}"))),
    };
    let (model, credits) = app.model_step(&id, step)?;
    Ok(ok(json!({"model": value(&model), "credits": credits})))
}

/// `POST /__mock/models/{id}/favorite {"photoId"}`: the user picks a favorite; sends
/// `model.favorite_selected`.
async fn choose_favorite(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Answer {
    let photo_id = body::string(&body::object(&bytes)?, "photoId")?;
    let model = app.choose_favorite(&id, &photo_id)?;
    Ok(ok(json!({"model": value(&model), "photoId": photo_id})))
}

/// `POST /__mock/photos/{id}/like {"status": "liked"|"loved"|"none"}`.
async fn like_photo(State(app): State<Arc<App>>, Path(id): Path<String>, bytes: Bytes) -> Answer {
    let status = body::string(&body::object(&bytes)?, "status")?;
    let liked = LikedStatus::parse(&status).ok_or_else(|| {
        ApiError::invalid(format!("status must be liked, loved or none, not {status}"))
    })?;
    let photo = app.like_photo(&id, liked)?;
    Ok(ok(json!({
        "photo": value(&photo),
        "photoId": photo.id,
        "modelId": photo.model_id,
        "likedStatus": photo.liked_status,
    })))
}

/// `POST /__mock/seed[?key=K] {members?, models?, teamId?}`: many accepted members and
/// finished models at once, without webhooks.
async fn seed(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
    bytes: Bytes,
) -> Answer {
    let org = org_index(&app, &query)?;
    let input = body::object(&bytes)?;
    let count = |field: &str| -> ApiResult<u32> {
        match input.get(field) {
            None | Some(Value::Null) => Ok(0),
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| {
                    ApiError::invalid(format!("{field} must be a non-negative integer"))
                }),
        }
    };
    let request = SeedRequest {
        members: count("members")?,
        models: count("models")?,
        team_id: body::optional_string(&input, "teamId")?,
    };
    let report = app.seed(org, &request)?;
    Ok(ok(value(&report)))
}

async fn list_faults(State(app): State<Arc<App>>) -> Json<Value> {
    ok(json!({"faults": app.faults.to_json()}))
}

async fn add_fault(State(app): State<Arc<App>>, bytes: Bytes) -> Answer {
    let spec: Value = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::invalid(format!("invalid JSON body: {e}")))?;
    let id = app.faults.add(&spec)?;
    Ok(ok(json!({"id": id})))
}

async fn clear_faults(State(app): State<Arc<App>>) -> Json<Value> {
    app.faults.clear();
    ok(json!({}))
}

async fn requests(State(app): State<Arc<App>>) -> Json<Value> {
    ok(json!({"requests": app.requests.to_json()}))
}

async fn clear_requests(State(app): State<Arc<App>>) -> Json<Value> {
    app.requests.clear();
    ok(json!({}))
}

async fn webhooks(State(app): State<Arc<App>>) -> Json<Value> {
    ok(json!({"webhooks": value(&app.webhooks.log())}))
}

async fn clear_webhooks(State(app): State<Arc<App>>) -> Json<Value> {
    app.webhooks.clear_log();
    ok(json!({}))
}
