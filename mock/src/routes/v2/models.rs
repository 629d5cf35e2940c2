//! `GET /models` (ModelSummary, paginated and filtered).

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
use crate::routes::models::require_whitelabel;
use crate::state::ModelStatus;

/// `GET /models?status&teamId&limit&offset` → `{success, models: [ModelSummary],
/// pagination}` in creation order.
pub async fn list(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let params = Params::new(query)?;
    let status = params.parse("status", ModelStatus::parse)?;
    let team = params.get("teamId").map(str::to_owned);
    let paging = params.paging()?;
    let (models, pagination) = app.org(org, |o| {
        require_whitelabel(o)?;
        if let Some(team) = &team {
            o.require_team(team)?;
        }
        let matching: Vec<_> = o
            .models
            .iter()
            .filter(|m| status.map_or(true, |s| m.status == s))
            .filter(|m| team.is_none() || m.team_id == team)
            .collect();
        let (page, pagination) = paging.apply(matching);
        let models: Vec<Value> = page
            .iter()
            .map(|m| m.to_summary_json(m.team_id.as_deref().and_then(|t| o.team_name(t))))
            .collect();
        Ok((models, pagination))
    })?;
    Ok(Json(
        json!({"success": true, "models": models, "pagination": pagination}),
    ))
}
