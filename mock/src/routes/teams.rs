//! Teams: create, update, delete, add members. Each answers the organization with its
//! description, as in the reference.

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

/// `{success, organization: {uid, name, description, website, teams}}`.
fn answer(org: &Org) -> Value {
    json!({"success": true, "organization": org.organization_json(true)})
}

/// `POST /api/v1/organization/teams {name}`.
pub async fn create(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let (answer, _) = create_team(&app, org, &bytes)?;
    Ok(Json(answer))
}

/// `POST /api/v2/organization/teams {name}`: the v1 answer plus the new `team: {name, id}`.
pub async fn create_v2(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let (mut answer, team) = create_team(&app, org, &bytes)?;
    answer["team"] = team;
    Ok(Json(answer))
}

/// Creates a team: the organization answer and the team.
fn create_team(app: &Arc<App>, org: usize, bytes: &[u8]) -> ApiResult<(Value, Value)> {
    let name = body::string(&body::object(bytes)?, "name")?;
    app.change(org, |o| {
        let team = o.create_team(&name)?.to_json();
        Ok(((answer(o), team), Vec::new()))
    })
}

/// `PUT /api/v1/organization/teams/{team_id} {name}`.
pub async fn update(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let team_id = path_id(path)?;
    let name = body::string(&body::object(&bytes)?, "name")?;
    app.change(org, |o| {
        o.update_team(&team_id, &name)?;
        Ok((Json(answer(o)), Vec::new()))
    })
}

/// `DELETE /api/v1/organization/teams/{team_id}`: members stay, without a team.
pub async fn remove(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Json<Value>> {
    let team_id = path_id(path)?;
    app.change(org, |o| {
        o.delete_team(&team_id)?;
        Ok((Json(answer(o)), Vec::new()))
    })
}

/// `POST /api/v1/organization/teams/{team_id}/add-members {emails: [...]}`.
pub async fn add_members(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let team_id = path_id(path)?;
    let input = body::object(&bytes)?;
    let emails = match input.get("emails") {
        Some(Value::Array(items)) if !items.is_empty() => items
            .iter()
            .map(|e| match e {
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
                _ => Err(ApiError::invalid("emails must be non-empty strings")),
            })
            .collect::<ApiResult<Vec<String>>>()?,
        Some(Value::Array(_)) => return Err(ApiError::invalid("emails must not be empty")),
        None | Some(Value::Null) => return Err(ApiError::invalid("emails is required")),
        Some(_) => return Err(ApiError::invalid("emails must be an array of strings")),
    };
    app.change(org, |o| {
        o.add_members(&team_id, &emails)?;
        Ok((Json(answer(o)), Vec::new()))
    })
}
