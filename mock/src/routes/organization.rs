//! `GET /api/v1/organization` and `GET /api/v1/organization/credits`.

use std::sync::Arc;

use axum::extract::State;
use axum::{Extension, Json};
use serde_json::{json, Value};

use crate::app::App;
use crate::error::ApiResult;
use crate::gateway::OrgId;

/// `{success, organization: {uid, name, website, teams}}`.
pub async fn retrieve(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
) -> ApiResult<Json<Value>> {
    let organization = app.org(org, |o| Ok(o.organization_json(false)))?;
    Ok(Json(json!({"success": true, "organization": organization})))
}

/// `{success, credits}`.
pub async fn credits(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
) -> ApiResult<Json<Value>> {
    let credits = app.org(org, |o| Ok(o.settings.credits))?;
    Ok(Json(json!({"success": true, "credits": credits})))
}
