//! Whitelabel models: create, retrieve, delete. Every one needs the whitelabel feature.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::{body, path_id};
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::gateway::OrgId;
use crate::state::Org;

/// 403 unless the organization has the whitelabel feature.
pub(crate) fn require_whitelabel(org: &Org) -> ApiResult<()> {
    if org.settings.whitelabel {
        Ok(())
    } else {
        Err(ApiError::forbidden(
            "Whitelabel is not enabled for this organization",
        ))
    }
}

/// `POST /api/v2/organization/whitelabel/model/create {email, teamId?, isDevelopment?,
/// version?}` (also `POST /api/v2/organization/models`) →
/// `{success, modelId, status, isDevelopment (only when true), signedUrl}`.
pub async fn create(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    app.org(org, require_whitelabel)?;
    let input = body::object(&bytes)?;
    let email = body::email(&input)?;
    let team_id = body::optional_string(&input, "teamId")?;
    let is_development = body::optional_bool(&input, "isDevelopment")?.unwrap_or(false);
    let version = body::optional_string(&input, "version")?;
    let answer = app.change(org, |o| {
        require_whitelabel(o)?;
        o.create_model(&email, team_id, is_development, version)
    })?;
    Ok(Json(answer))
}

/// `GET /api/v2/organization/whitelabel/model/get/{model_id}` (a fresh signed URL each time).
pub async fn retrieve(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Value>> {
    let id = path_id(path)?;
    let answer = app.org(org, |o| {
        require_whitelabel(o)?;
        Ok(o.model(&id)?.to_answer_json())
    })?;
    Ok(Json(answer))
}

/// `DELETE /api/v2/organization/whitelabel/model/delete/{model_id}` →
/// `{success, message, modelId}`.
pub async fn remove(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Value>> {
    let id = path_id(path)?;
    app.change(org, |o| {
        require_whitelabel(o)?;
        Ok(((), o.delete_model(&id)?))
    })?;
    Ok(Json(json!({
        "success": true,
        "message": "Model deleted successfully",
        "modelId": id,
    })))
}
