//! The control API under `/__mock/`: no auth; drives what people do in reality, injects
//! faults and shows the logs.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use crate::app::App;
use crate::config::Envelope;
use crate::error::{ApiError, ApiResult};
use crate::state::{LikedStatus, ModelEvent, Org, SeedRequest, Settings};

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
    let key = query.get("key").unwrap_or(&app.config.api_key);
    app.read(|s| s.org_index(key))
        .ok_or_else(|| ApiError::not_found("No organization has this key"))
}

async fn organization(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
) -> Answer {
    let org = org_index(&app, &query)?;
    let settings = app.org(org, |o| Ok(o.settings.to_json()))?;
    Ok(ok(json!({"organization": settings})))
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
    let settings = app.change(org, |o| {
        let mut settings = o.settings.clone();
        apply_settings(&mut settings, &changes)?;
        o.settings = settings;
        Ok((o.settings.to_json(), Vec::new()))
    })?;
    Ok(ok(json!({"organization": settings})))
}

/// The most photos a model may get.
const MAX_PHOTOS: u32 = 1000;

/// Applies `{credits?, whitelabel?, webhookUrl?, webhookSecret?, inviteLimit?, rateLimit?,
/// rateWindowMs?, photosPerModel?, photoUrlTtlMs?, envelope?, name?, website?,
/// description?}`; `null` clears the optional ones.
fn apply_settings(settings: &mut Settings, changes: &Map<String, Value>) -> ApiResult<()> {
    for (field, value) in changes {
        let bad = || ApiError::invalid(format!("invalid value for {field}"));
        match field.as_str() {
            "credits" => settings.credits = value.as_i64().filter(|c| *c >= 0).ok_or_else(bad)?,
            "whitelabel" => settings.whitelabel = value.as_bool().ok_or_else(bad)?,
            "webhookUrl" => settings.webhook_url = nullable_string(value).ok_or_else(bad)?,
            "webhookSecret" => settings.webhook_secret = nullable_string(value).ok_or_else(bad)?,
            "inviteLimit" => settings.invite_limit = nullable_u32(value).ok_or_else(bad)?,
            "rateLimit" => settings.rate_limit = nullable_u32(value).ok_or_else(bad)?,
            "rateWindowMs" => {
                settings.rate_window = value
                    .as_u64()
                    .filter(|ms| *ms >= 1)
                    .map(Duration::from_millis)
                    .ok_or_else(bad)?;
            }
            "photosPerModel" => {
                settings.photos_per_model = value
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok())
                    .filter(|n| *n <= MAX_PHOTOS)
                    .ok_or_else(bad)?;
            }
            "photoUrlTtlMs" => {
                settings.photo_url_ttl =
                    value.as_u64().map(Duration::from_millis).ok_or_else(bad)?;
            }
            "envelope" => {
                settings.envelope = value.as_str().and_then(Envelope::parse).ok_or_else(bad)?;
            }
            "name" => settings.name = value.as_str().ok_or_else(bad)?.to_owned(),
            "website" => settings.website = value.as_str().ok_or_else(bad)?.to_owned(),
            "description" => settings.description = value.as_str().ok_or_else(bad)?.to_owned(),
            _ => return Err(ApiError::invalid(format!("unknown setting {field}"))),
        }
    }
    Ok(())
}

/// `null` → `Some(None)`, a string → `Some(Some(..))`, anything else → `None`.
fn nullable_string(value: &Value) -> Option<Option<String>> {
    match value {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s.clone())),
        _ => None,
    }
}

/// `null` → `Some(None)`, a u32 → `Some(Some(..))`, anything else → `None`.
fn nullable_u32(value: &Value) -> Option<Option<u32>> {
    match value {
        Value::Null => Some(None),
        other => other.as_u64().and_then(|n| u32::try_from(n).ok()).map(Some),
    }
}

async fn invite_action(
    State(app): State<Arc<App>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let org = app
        .read(|s| s.org_of_invite(&id))
        .ok_or_else(|| ApiError::not_found(format!("Invite not found: {id}")))?;
    let (invite, credits) = app.change(org, |o| {
        let invite = match action.as_str() {
            "accept" => o.accept_invite(&id)?,
            "upload" => o.upload_invite(&id)?,
            "advance" => o.advance_invite(&id)?,
            _ => return Err(ApiError::not_found(format!("No invite action {action}"))),
        }
        .to_control_json();
        Ok(((invite, o.settings.credits), Vec::new()))
    })?;
    Ok(ok(json!({"invite": invite, "credits": credits})))
}

async fn model_action(
    State(app): State<Arc<App>>,
    Path((id, action)): Path<(String, String)>,
) -> Answer {
    let org = app
        .read(|s| s.org_of_model(&id))
        .ok_or_else(|| ApiError::not_found(format!("Model not found: {id}")))?;
    let step: fn(&mut Org, &str) -> ApiResult<Vec<ModelEvent>> = match action.as_str() {
        "complete-onboarding" => Org::complete_onboarding,
        "advance" => Org::advance_model,
        "fail" => Org::fail_model,
        _ => return Err(ApiError::not_found(format!("No model action {action}"))),
    };
    let (model, credits) = app.change(org, |o| {
        let events = step(o, &id)?;
        let model = o.model(&id)?.to_state_json();
        Ok(((model, o.settings.credits), events))
    })?;
    Ok(ok(json!({"model": model, "credits": credits})))
}

/// `POST /__mock/models/{id}/favorite {"photoId"}`: the user picks a favorite; sends
/// `model.favorite_selected`.
async fn choose_favorite(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    bytes: Bytes,
) -> Answer {
    let input = crate::routes::body::object(&bytes)?;
    let photo_id = crate::routes::body::string(&input, "photoId")?;
    let org = app
        .read(|s| s.org_of_model(&id))
        .ok_or_else(|| ApiError::not_found(format!("Model not found: {id}")))?;
    let model = app.change(org, |o| {
        let events = o.choose_favorite(&id, &photo_id)?;
        Ok((o.model(&id)?.to_state_json(), events))
    })?;
    Ok(ok(json!({"model": model, "photoId": photo_id})))
}

/// `POST /__mock/photos/{id}/like {"status": "liked"|"loved"|"none"}`.
async fn like_photo(State(app): State<Arc<App>>, Path(id): Path<String>, bytes: Bytes) -> Answer {
    let input = crate::routes::body::object(&bytes)?;
    let status = crate::routes::body::string(&input, "status")?;
    let liked = LikedStatus::parse(&status).ok_or_else(|| {
        ApiError::invalid(format!("status must be liked, loved or none, not {status}"))
    })?;
    let org = app
        .read(|s| s.org_of_photo(&id))
        .ok_or_else(|| ApiError::not_found(format!("Photo not found: {id}")))?;
    let model_id = app.change(org, |o| Ok((o.like_photo(&id, liked)?, Vec::new())))?;
    Ok(ok(
        json!({"photoId": id, "modelId": model_id, "likedStatus": liked.as_str()}),
    ))
}

/// `POST /__mock/seed[?key=K] {members?, models?, teamId?}`: many accepted members and
/// finished models at once, without webhooks.
async fn seed(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
    bytes: Bytes,
) -> Answer {
    let org = org_index(&app, &query)?;
    let input = crate::routes::body::object(&bytes)?;
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
        team_id: crate::routes::body::optional_string(&input, "teamId")?,
    };
    let report = app.change(org, |o| Ok((o.seed(&request)?, Vec::new())))?;
    Ok(ok(
        json!({"members": report.members, "modelIds": report.model_ids}),
    ))
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
    ok(json!({"webhooks": app.webhooks.log()}))
}

async fn clear_webhooks(State(app): State<Arc<App>>) -> Json<Value> {
    app.webhooks.clear_log();
    ok(json!({}))
}
