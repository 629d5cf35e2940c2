//! Invites: create, revoke, list, retrieve.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::{body, path_id};
use crate::app::App;
use crate::error::ApiResult;
use crate::gateway::OrgId;
use crate::state::Invite;

/// `POST /api/v1/organization/invite {email, teamId?}` →
/// `{success, input: {email}, message, link, id, teamId}`.
pub async fn create(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let input = body::object(&bytes)?;
    let email = body::email(&input)?;
    let team_id = body::optional_string(&input, "teamId")?;
    let invite = app.change(org, |o| Ok((o.create_invite(&email, team_id)?, Vec::new())))?;
    Ok(Json(json!({
        "success": true,
        "input": {"email": email},
        "message": "Invite sent",
        "link": invite.link(),
        "id": invite.id,
        "teamId": invite.team_id,
    })))
}

/// `POST /api/v1/organization/invite/revoke {email}` → `{success, message, input: {email}}`.
pub async fn revoke(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let input = body::object(&bytes)?;
    let email = body::email(&input)?;
    app.change(org, |o| Ok((o.revoke_invites(&email)?, Vec::new())))?;
    Ok(Json(json!({
        "success": true,
        "message": "Invite revoked",
        "input": {"email": email},
    })))
}

/// `GET /api/v1/organization/invites` → `{success, invites: [InviteSummary]}`.
pub async fn list(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
) -> ApiResult<Json<Value>> {
    let invites: Vec<Value> = app.org(org, |o| {
        Ok(o.invites.iter().map(Invite::to_summary_json).collect())
    })?;
    Ok(Json(json!({"success": true, "invites": invites})))
}

/// `GET /api/v1/organization/invite/id/{id}` → `{success, invite: {email, status, teamId}}`.
pub async fn retrieve(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Value>> {
    let id = path_id(path)?;
    let invite = app.org(org, |o| Ok(o.invite(&id)?.to_details_json()))?;
    Ok(Json(json!({"success": true, "invite": invite})))
}
