//! The current API (V2) under `/api/v2/organization`: teams, members, invites, models,
//! photos, with pagination and the organization's envelope. The V2 spellings of the
//! seed's operations share the v1 handlers, so state and errors are the same.

mod envelope;
mod invites;
mod members;
mod models;
mod photos;
mod query;

use std::sync::Arc;

use axum::routing::{get, post, put};
use axum::Router;

use crate::app::App;

/// Where every V2 path starts.
const BASE: &str = "/api/v2/organization";

/// The V2 routes, wrapped in the envelope layer.
pub fn router(app: Arc<App>) -> Router<Arc<App>> {
    let at = |path: &str| format!("{BASE}{path}");
    Router::new()
        .route(
            &at("/teams"),
            get(members::teams).post(super::teams::create_v2),
        )
        .route(
            &at("/teams/{team_id}"),
            put(super::teams::update).delete(super::teams::remove),
        )
        .route(
            &at("/teams/{team_id}/members"),
            post(super::teams::add_members),
        )
        .route(&at("/team"), get(members::list))
        .route(
            &at("/invites"),
            get(invites::list).post(super::invites::create),
        )
        .route(&at("/invites/revoke"), post(super::invites::revoke))
        .route(&at("/invites/{email}"), get(invites::by_email))
        .route(
            &at("/models"),
            get(models::list).post(super::models::create),
        )
        .route(
            &at("/models/{model_id}"),
            get(super::models::retrieve).delete(super::models::remove),
        )
        .route(&at("/models/{model_id}/photos"), get(photos::list))
        .route(
            &at("/models/{model_id}/photos/favorite"),
            get(photos::favorite),
        )
        .route(
            &at("/models/{model_id}/photos/download"),
            post(photos::download),
        )
        .route(
            &at("/models/{model_id}/photos/{photo_id}"),
            get(photos::retrieve),
        )
        .route(&at("/photos/favorites"), get(photos::favorites))
        .layer(axum::middleware::from_fn_with_state(app, envelope::apply))
}
