//! The HeadshotPro API endpoints, at the reference's paths.

pub(crate) mod body;
mod invites;
pub(crate) mod models;
mod organization;
mod teams;
mod v2;

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::routing::{delete, get, post, put};
use axum::Router;

use crate::app::App;
use crate::error::{ApiError, ApiResult};

/// The API router; requests arrive authenticated, with an [`crate::gateway::OrgId`].
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/v1/organization", get(organization::retrieve))
        .route("/api/v1/organization/credits", get(organization::credits))
        .route("/api/v1/organization/invite", post(invites::create))
        .route("/api/v1/organization/invite/revoke", post(invites::revoke))
        .route("/api/v1/organization/invites", get(invites::list))
        .route(
            "/api/v1/organization/invite/id/{id}",
            get(invites::retrieve),
        )
        .route("/api/v1/organization/teams", post(teams::create))
        .route(
            "/api/v1/organization/teams/{team_id}",
            put(teams::update).delete(teams::remove),
        )
        .route(
            "/api/v1/organization/teams/{team_id}/add-members",
            post(teams::add_members),
        )
        .route(
            "/api/v2/organization/whitelabel/model/create",
            post(models::create),
        )
        .route(
            "/api/v2/organization/whitelabel/model/get/{model_id}",
            get(models::retrieve),
        )
        .route(
            "/api/v2/organization/whitelabel/model/delete/{model_id}",
            delete(models::remove),
        )
        .merge(v2::router(Arc::clone(&app)))
        .fallback(|| async { ApiError::not_found("No such endpoint") })
        .method_not_allowed_fallback(|| async {
            ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "METHOD_NOT_ALLOWED",
                "Method not allowed on this endpoint",
            )
        })
        .with_state(app)
}

/// A path id, non-empty.
pub(crate) fn path_id(path: Result<Path<String>, PathRejection>) -> ApiResult<String> {
    match path {
        Ok(Path(id)) if !id.trim().is_empty() => Ok(id),
        Ok(_) => Err(ApiError::invalid("the id must not be empty")),
        Err(e) => Err(ApiError::invalid(e.body_text())),
    }
}
