//! Results of the current API (V2) as plain JS objects: members, invites by
//! email, model summaries, photos, favorites, download links, and the
//! rate-limit headers. Statuses are their wire strings (unknown ones kept as
//! sent), timestamps `Date`s.

use chrono::{DateTime, Utc};
use napi_derive::napi;

use crate::types::{Team, ToJs};

/// The `X-RateLimit-*` headers of an answer.
#[napi(object, object_from_js = false)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed per window.
    pub limit: Option<f64>,
    /// `X-RateLimit-Remaining`: requests left in this window.
    pub remaining: Option<f64>,
    /// `X-RateLimit-Reset`: when the window resets.
    pub reset_at: Option<DateTime<Utc>>,
}

/// A member of the organization (`members.list`).
#[napi(object, object_from_js = false)]
pub struct Member {
    /// The member's id (the invite's id for a pending invitee).
    pub id: String,
    /// The member's email.
    pub email: String,
    /// Display name, once known.
    pub name: Option<String>,
    /// The wire status: `accepted`, `pending`, `finished`.
    pub status: String,
    /// The member's team, if any.
    pub team_id: Option<String>,
    /// The team's name, if any.
    pub team_name: Option<String>,
    /// The member's model, once there is one.
    pub model_id: Option<String>,
    /// That model's wire status.
    pub model_status: Option<String>,
    /// When the member joined.
    pub joined_at: Option<DateTime<Utc>>,
}

/// An invite looked up by email (`invites.retrieveByEmail`).
#[napi(object, object_from_js = false)]
pub struct InviteV2 {
    /// The invite's id, when sent.
    pub id: Option<String>,
    /// The invited email.
    pub email: String,
    /// The wire status, e.g. `accepted`.
    pub status: String,
    /// The member's model, once there is one.
    pub model_id: Option<String>,
    /// The team, if any.
    pub team_id: Option<String>,
    /// The team's name, if any.
    pub team_name: Option<String>,
    /// When the invite was sent.
    pub created_at: Option<DateTime<Utc>>,
}

/// One entry of the model list (`models.list`).
#[napi(object, object_from_js = false)]
pub struct ModelSummary {
    /// The model's id.
    pub id: String,
    /// The model's UID, when sent.
    pub uid: Option<String>,
    /// The user's email.
    pub email: String,
    /// Human-readable title, when sent.
    pub title: Option<String>,
    /// The wire status.
    pub status: String,
    /// The team, if any.
    pub team_id: Option<String>,
    /// The team's name, if any.
    pub team_name: Option<String>,
    /// Whether it is a development model.
    pub is_development: bool,
    /// The wire version (`lora`, `one-shot`), when sent.
    pub version: Option<String>,
    /// When the model was created.
    pub created_at: DateTime<Utc>,
    /// When processing finished.
    pub finished_at: Option<DateTime<Utc>>,
}

/// The signed URLs of a photo.
#[napi(object, object_from_js = false)]
pub struct PhotoUrls {
    /// The photo itself.
    pub main: String,
    /// A small preview (`include: 'all'`).
    pub thumbnail: Option<String>,
    /// The full-resolution original (`include: 'all'`).
    pub original: Option<String>,
}

/// A generated headshot.
#[napi(object, object_from_js = false)]
pub struct Photo {
    /// The photo's id.
    pub id: String,
    /// Its model, when sent.
    pub model_id: Option<String>,
    /// The wire status: `active`, `deleted`.
    pub status: String,
    /// The wire reaction: `none`, `liked`, `loved`.
    pub liked_status: String,
    /// When it was generated.
    pub created_at: DateTime<Utc>,
    /// Its signed URLs.
    pub urls: PhotoUrls,
    /// When the signed URLs stop working.
    pub expires_at: DateTime<Utc>,
}

/// A member's favorite photo: the photo's fields and whose it is, flat.
#[napi(object, object_from_js = false)]
pub struct FavoritePhoto {
    /// The photo's id.
    pub id: String,
    /// Its model, when sent.
    pub model_id: Option<String>,
    /// The wire status.
    pub status: String,
    /// The wire reaction.
    pub liked_status: String,
    /// When it was generated.
    pub created_at: DateTime<Utc>,
    /// Its signed URLs.
    pub urls: PhotoUrls,
    /// When the signed URLs stop working.
    pub expires_at: DateTime<Utc>,
    /// The member's email, when sent.
    pub email: Option<String>,
    /// The member's name, when sent.
    pub name: Option<String>,
    /// The member's team, when sent.
    pub team_id: Option<String>,
    /// The team's name, when sent.
    pub team_name: Option<String>,
}

/// One photo's signed download URL.
#[napi(object, object_from_js = false)]
pub struct DownloadLink {
    /// The photo's id.
    pub photo_id: String,
    /// The signed URL (a CDN: fetch it without credentials).
    pub url: String,
}

/// Signed download URLs for a model's photos.
#[napi(object, object_from_js = false)]
pub struct DownloadLinks {
    /// One link per photo.
    pub downloads: Vec<DownloadLink>,
    /// When the links stop working.
    pub expires_at: DateTime<Utc>,
}

impl From<headshotpro::RateLimitInfo> for RateLimit {
    fn from(r: headshotpro::RateLimitInfo) -> Self {
        Self {
            limit: r.limit.map(|n| n as f64),
            remaining: r.remaining.map(|n| n as f64),
            reset_at: r.reset_at,
        }
    }
}

impl From<headshotpro::Member> for Member {
    fn from(m: headshotpro::Member) -> Self {
        Self {
            id: m.id,
            email: m.email,
            name: m.name,
            status: m.status.as_str().to_owned(),
            team_id: m.team_id,
            team_name: m.team_name,
            model_id: m.model_id,
            model_status: m.model_status.map(|s| s.as_str().to_owned()),
            joined_at: m.joined_at,
        }
    }
}

impl From<headshotpro::InviteV2> for InviteV2 {
    fn from(i: headshotpro::InviteV2) -> Self {
        Self {
            id: i.id,
            email: i.email,
            status: i.status.as_str().to_owned(),
            model_id: i.model_id,
            team_id: i.team_id,
            team_name: i.team_name,
            created_at: i.created_at,
        }
    }
}

impl From<headshotpro::ModelSummary> for ModelSummary {
    fn from(m: headshotpro::ModelSummary) -> Self {
        Self {
            id: m.id,
            uid: m.uid,
            email: m.email,
            title: m.title,
            status: m.status.as_str().to_owned(),
            team_id: m.team_id,
            team_name: m.team_name,
            is_development: m.is_development,
            version: m.version.map(|v| v.as_str().to_owned()),
            created_at: m.created_at,
            finished_at: m.finished_at,
        }
    }
}

impl From<headshotpro::PhotoUrls> for PhotoUrls {
    fn from(u: headshotpro::PhotoUrls) -> Self {
        Self {
            main: u.main,
            thumbnail: u.thumbnail,
            original: u.original,
        }
    }
}

impl From<headshotpro::Photo> for Photo {
    fn from(p: headshotpro::Photo) -> Self {
        Self {
            id: p.id,
            model_id: p.model_id,
            status: p.status.as_str().to_owned(),
            liked_status: p.liked_status.as_str().to_owned(),
            created_at: p.created_at,
            urls: p.urls.into(),
            expires_at: p.expires_at,
        }
    }
}

impl From<headshotpro::FavoritePhoto> for FavoritePhoto {
    fn from(f: headshotpro::FavoritePhoto) -> Self {
        let p = f.photo;
        Self {
            id: p.id,
            model_id: p.model_id,
            status: p.status.as_str().to_owned(),
            liked_status: p.liked_status.as_str().to_owned(),
            created_at: p.created_at,
            urls: p.urls.into(),
            expires_at: p.expires_at,
            email: f.email,
            name: f.name,
            team_id: f.team_id,
            team_name: f.team_name,
        }
    }
}

impl From<headshotpro::DownloadLinks> for DownloadLinks {
    fn from(l: headshotpro::DownloadLinks) -> Self {
        Self {
            downloads: l
                .downloads
                .into_iter()
                .map(|d| DownloadLink {
                    photo_id: d.photo_id,
                    url: d.url,
                })
                .collect(),
            expires_at: l.expires_at,
        }
    }
}

/// `ToJs` for the current API's results that convert with `From`.
macro_rules! to_js_by_from {
    ($($core:ty => $js:ty),* $(,)?) => {
        $(impl ToJs for $core {
            type Js = $js;
            fn to_js(self) -> $js {
                <$js>::from(self)
            }
        })*
    };
}

to_js_by_from! {
    headshotpro::Team => Team,
    headshotpro::Member => Member,
    headshotpro::InviteV2 => InviteV2,
    headshotpro::ModelSummary => ModelSummary,
    headshotpro::Photo => Photo,
    headshotpro::FavoritePhoto => FavoritePhoto,
    headshotpro::DownloadLinks => DownloadLinks,
}

impl<T: ToJs> ToJs for Option<T> {
    type Js = Option<T::Js>;
    fn to_js(self) -> Self::Js {
        self.map(ToJs::to_js)
    }
}
