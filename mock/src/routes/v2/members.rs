//! `GET /teams` and `GET /team` (the member list).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::{Extension, Json};
use serde_json::{json, Value};

use super::query::Params;
use crate::app::App;
use crate::error::ApiResult;
use crate::gateway::OrgId;
use crate::state::{MemberStatus, MemberView, Team};

/// `GET /teams` → `{success, teams: [{id, name}]}`.
pub async fn teams(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
) -> ApiResult<Json<Value>> {
    let teams: Vec<Value> = app.org(org, |o| Ok(o.teams.iter().map(Team::to_json).collect()))?;
    Ok(Json(json!({"success": true, "teams": teams})))
}

/// `GET /team?status=accepted|pending|finished&limit&offset` →
/// `{success, members: [Member], pagination}`.
pub async fn list(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let params = Params::new(query)?;
    let status = params.parse("status", MemberStatus::parse)?;
    let paging = params.paging()?;
    let views = app.org(org, |o| Ok(o.member_views(status)))?;
    let (page, pagination) = paging.apply(views);
    let members: Vec<Value> = page.iter().map(MemberView::to_json).collect();
    Ok(Json(
        json!({"success": true, "members": members, "pagination": pagination}),
    ))
}
