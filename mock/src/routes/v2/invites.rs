//! `GET /invites` (paginated) and `GET /invites/{email}` (InviteV2).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::query::Params;
use crate::app::App;
use crate::error::{ApiError, ApiResult};
use crate::gateway::OrgId;
use crate::routes::path_id;
use crate::state::{email_key, Invite, InviteStatus, Org};

/// `GET /invites?limit&offset` → `{success, invites: [InviteSummary], pagination}`.
pub async fn list(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let paging = Params::new(query)?.paging()?;
    let all: Vec<Value> = app.org(org, |o| {
        Ok(o.invites.iter().map(Invite::to_summary_json).collect())
    })?;
    let (invites, pagination) = paging.apply(all);
    Ok(Json(
        json!({"success": true, "invites": invites, "pagination": pagination}),
    ))
}

/// `GET /invites/{email}` → `{success, invite: {id, email, status, modelId, teamId,
/// teamName, createdAt}}`: the latest invite of that email, or 404.
pub async fn by_email(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Value>> {
    let email = path_id(path)?;
    let invite = app.org(org, |o| invite_v2(o, &email))?;
    Ok(Json(json!({"success": true, "invite": invite})))
}

/// The V2 view of an email's latest invite.
fn invite_v2(org: &Org, email: &str) -> ApiResult<Value> {
    let key = email_key(email);
    let invite = org
        .invites
        .iter()
        .filter(|i| email_key(&i.email) == key)
        .last()
        .ok_or_else(|| ApiError::not_found(format!("No invite found for {email}")))?;
    let model = org.models_by_email().get(&key).map(|m| m.id.clone());
    let team_name = invite.team_id.as_deref().and_then(|t| org.team_name(t));
    Ok(json!({
        "id": invite.id,
        "email": invite.email,
        "status": v2_status(invite.status),
        "modelId": model,
        "teamId": invite.team_id,
        "teamName": team_name,
        "createdAt": crate::ids::iso(invite.created_at),
    }))
}

/// The V2 name of an invite status.
fn v2_status(status: InviteStatus) -> &'static str {
    match status {
        InviteStatus::PendingInvite => "pending",
        InviteStatus::Revoked => "revoked",
        InviteStatus::WaitingForUpload => "accepted",
        InviteStatus::GeneratingHeadshots => "generating",
        InviteStatus::Active => "completed",
    }
}
