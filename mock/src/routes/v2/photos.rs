//! Photos: list, retrieve, favorite, download links, and the organization's favorites.
//! URLs are signed for the organization's photo URL lifetime at the time of the answer.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::{Extension, Json};
use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::query::{self, Params};
use crate::app::App;
use crate::cdn::Cdn;
use crate::error::{ApiError, ApiResult};
use crate::gateway::OrgId;
use crate::ids;
use crate::image::Variant;
use crate::routes::body;
use crate::routes::models::require_whitelabel;
use crate::state::{LikedStatus, Model, Org, Photo};

/// How photos are rendered in one answer.
struct Render<'a> {
    cdn: &'a Cdn,
    all: bool,
    expires: DateTime<Utc>,
}

impl<'a> Render<'a> {
    fn new(cdn: &'a Cdn, org: &Org, all: bool) -> Self {
        let ttl =
            chrono::Duration::from_std(org.settings.photo_url_ttl).unwrap_or(chrono::Duration::MAX);
        let expires = Utc::now()
            .checked_add_signed(ttl)
            .unwrap_or(DateTime::<Utc>::MAX_UTC);
        Self { cdn, all, expires }
    }

    /// `{main, thumbnail?, original?}`.
    fn urls(&self, photo_id: &str) -> Value {
        let mut urls = Map::new();
        for variant in Variant::ALL {
            if self.all || variant == Variant::Main {
                let url = self.cdn.url(photo_id, variant, self.expires);
                urls.insert(variant.as_str().to_owned(), Value::String(url));
            }
        }
        Value::Object(urls)
    }

    /// `{id, modelId, status, likedStatus, createdAt, urls, expiresAt}`.
    fn photo(&self, model_id: &str, photo: &Photo) -> Value {
        json!({
            "id": photo.id,
            "modelId": model_id,
            "status": photo.status(),
            "likedStatus": photo.liked.as_str(),
            "createdAt": ids::iso(photo.created_at),
            "urls": self.urls(&photo.id),
            "expiresAt": ids::iso(self.expires),
        })
    }
}

/// The two path ids of `/models/{id}/photos/{photo_id}`.
fn two_ids(path: Result<Path<(String, String)>, PathRejection>) -> ApiResult<(String, String)> {
    match path {
        Ok(Path((a, b))) if !a.trim().is_empty() && !b.trim().is_empty() => Ok((a, b)),
        Ok(_) => Err(ApiError::invalid("the id must not be empty")),
        Err(e) => Err(ApiError::invalid(e.body_text())),
    }
}

/// `GET /models/{id}/photos?status&likedStatus&include&limit&offset` →
/// `{success, photos: [Photo], pagination}`.
pub async fn list(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let model_id = crate::routes::path_id(path)?;
    let params = Params::new(query)?;
    let status = params.parse("status", |s| {
        matches!(s, "active" | "deleted").then(|| s.to_owned())
    })?;
    let liked = params.parse("likedStatus", LikedStatus::parse)?;
    let all = params.include_all()?;
    let paging = params.paging()?;
    let (photos, pagination) = app.org(org, |o| {
        require_whitelabel(o)?;
        let model = o.model(&model_id)?;
        let matching: Vec<&Photo> = model
            .photos
            .iter()
            .filter(|p| status.as_deref().map_or(true, |s| p.status() == s))
            .filter(|p| liked.map_or(true, |l| p.liked == l))
            .collect();
        let (page, pagination) = paging.apply(matching);
        let render = Render::new(&app.cdn, o, all);
        let photos: Vec<Value> = page.iter().map(|p| render.photo(&model_id, p)).collect();
        Ok((photos, pagination))
    })?;
    Ok(Json(
        json!({"success": true, "photos": photos, "pagination": pagination}),
    ))
}

/// `GET /models/{id}/photos/{photo_id}?include` → `{success, photo}`.
pub async fn retrieve(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let (model_id, photo_id) = two_ids(path)?;
    let all = Params::new(query)?.include_all()?;
    let photo = app.org(org, |o| {
        require_whitelabel(o)?;
        let photo = o.photo(&model_id, &photo_id)?;
        Ok(Render::new(&app.cdn, o, all).photo(&model_id, photo))
    })?;
    Ok(Json(json!({"success": true, "photo": photo})))
}

/// `GET /models/{id}/photos/favorite?include` → `{success, photo}`, `photo: null` when
/// none is chosen.
pub async fn favorite(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let model_id = crate::routes::path_id(path)?;
    let all = Params::new(query)?.include_all()?;
    let photo = app.org(org, |o| {
        require_whitelabel(o)?;
        let model = o.model(&model_id)?;
        let chosen = model
            .favorite
            .as_deref()
            .and_then(|id| model.photos.iter().find(|p| p.id == id));
        Ok(chosen.map_or(Value::Null, |p| {
            Render::new(&app.cdn, o, all).photo(&model_id, p)
        }))
    })?;
    Ok(Json(json!({"success": true, "photo": photo})))
}

/// `POST /models/{id}/photos/download {photoIds?, include?}` →
/// `{success, downloads: [{photoId, url, urls}], expiresAt}`; without `photoIds`, every
/// photo that is not deleted. Read-only.
pub async fn download(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    path: Result<Path<String>, PathRejection>,
    bytes: Bytes,
) -> ApiResult<Json<Value>> {
    let model_id = crate::routes::path_id(path)?;
    let input = if bytes.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        body::object(&bytes)?
    };
    let wanted = body::optional_strings(&input, "photoIds")?;
    let all = match body::optional_string(&input, "include")? {
        None => false,
        Some(text) => query::include(&text)
            .ok_or_else(|| ApiError::invalid(format!("invalid value for include: {text}")))?,
    };
    let (downloads, expires) = app.org(org, |o| {
        require_whitelabel(o)?;
        let model = o.model(&model_id)?;
        let photos: Vec<&Photo> = match &wanted {
            None => model.photos.iter().filter(|p| !p.deleted).collect(),
            Some(ids) => ids
                .iter()
                .map(|id| {
                    model
                        .photos
                        .iter()
                        .find(|p| &p.id == id && !p.deleted)
                        .ok_or_else(|| ApiError::not_found(format!("Photo not found: {id}")))
                })
                .collect::<ApiResult<_>>()?,
        };
        let render = Render::new(&app.cdn, o, all);
        let downloads: Vec<Value> = photos
            .iter()
            .map(|p| {
                let urls = render.urls(&p.id);
                json!({"photoId": p.id, "url": urls["main"], "urls": urls})
            })
            .collect();
        Ok((downloads, ids::iso(render.expires)))
    })?;
    Ok(Json(
        json!({"success": true, "downloads": downloads, "expiresAt": expires}),
    ))
}

/// `GET /photos/favorites?teamId&include&limit&offset` → `{success, photos:
/// [FavoritePhoto], pagination}`: every model's chosen photo with the member's email,
/// name and team, in model creation order.
pub async fn favorites(
    State(app): State<Arc<App>>,
    Extension(OrgId(org)): Extension<OrgId>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult<Json<Value>> {
    let params = Params::new(query)?;
    let team = params.get("teamId").map(str::to_owned);
    let all = params.include_all()?;
    let paging = params.paging()?;
    let (photos, pagination) = app.org(org, |o| {
        require_whitelabel(o)?;
        if let Some(team) = &team {
            o.require_team(team)?;
        }
        let team_of = |model: &Model| {
            model
                .team_id
                .clone()
                .or_else(|| o.member(&model.email).and_then(|m| m.team_id.clone()))
        };
        let chosen: Vec<_> = o
            .models
            .iter()
            .filter(|m| team.is_none() || team_of(m) == team)
            .filter_map(|m| {
                let id = m.favorite.as_deref()?;
                let photo = m.photos.iter().find(|p| p.id == id && !p.deleted)?;
                Some((m, photo))
            })
            .collect();
        let (page, pagination) = paging.apply(chosen);
        let render = Render::new(&app.cdn, o, all);
        let photos: Vec<Value> = page
            .iter()
            .map(|(model, photo)| {
                let mut value = render.photo(&model.id, photo);
                let team_id = team_of(model);
                value["email"] = json!(model.email);
                value["name"] = json!(o.member(&model.email).map(|m| m.name.clone()));
                value["teamName"] = json!(team_id.as_deref().and_then(|t| o.team_name(t)));
                value["teamId"] = json!(team_id);
                value
            })
            .collect();
        Ok((photos, pagination))
    })?;
    Ok(Json(
        json!({"success": true, "photos": photos, "pagination": pagination}),
    ))
}
