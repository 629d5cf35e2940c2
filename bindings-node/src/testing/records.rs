//! The mock's control records as plain JS objects (camelCase, `Date`
//! timestamps, durations in milliseconds).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use napi_derive::napi;

use super::errors::{bad_timestamp, Failure};

type Converted<T> = Result<T, Failure>;

fn at(field: &str, value: &str) -> Converted<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| bad_timestamp(field, value))
}

fn opt_at(field: &str, value: Option<&str>) -> Converted<Option<DateTime<Utc>>> {
    value.map(|v| at(field, v)).transpose()
}

/// An invite as the mock holds it.
#[napi(object, object_from_js = false)]
pub struct MockInvite {
    /// Its id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// Still pending.
    pub valid: bool,
    /// The team the member joins.
    pub team_id: Option<String>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// Accepted.
    pub used: bool,
    /// The sign-up link.
    pub link: String,
    /// `pending-invite`, `revoked`, `waiting-for-upload`, `generating-headshots` or `active`.
    pub status: String,
}

impl TryFrom<headshotpro_mock::MockInvite> for MockInvite {
    type Error = Failure;
    fn try_from(i: headshotpro_mock::MockInvite) -> Converted<Self> {
        Ok(Self {
            created_at: at("createdAt", &i.created_at)?,
            id: i.id,
            email: i.email,
            valid: i.valid,
            team_id: i.team_id,
            used: i.used,
            link: i.link,
            status: i.status,
        })
    }
}

/// A whitelabel model as the mock holds it.
#[napi(object, object_from_js = false)]
pub struct MockModel {
    /// Its id.
    pub model_id: String,
    /// Its uid.
    pub uid: String,
    /// The user's email.
    pub email: String,
    /// Its team.
    pub team_id: Option<String>,
    /// Its status (`onboarding` … `active`, `failed`, `deleted`).
    pub status: String,
    /// A development model.
    pub is_development: bool,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it became active.
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was deleted.
    pub deleted_at: Option<DateTime<Utc>>,
    /// When its signed access expires.
    pub invite_expires_at: DateTime<Utc>,
    /// `lora` or `one-shot`.
    pub version: String,
    /// How many photos it has.
    pub photo_count: u32,
    /// The photo chosen as favorite.
    pub favorite_photo_id: Option<String>,
}

impl TryFrom<headshotpro_mock::MockModel> for MockModel {
    type Error = Failure;
    fn try_from(m: headshotpro_mock::MockModel) -> Converted<Self> {
        Ok(Self {
            created_at: at("createdAt", &m.created_at)?,
            finished_at: opt_at("finishedAt", m.finished_at.as_deref())?,
            deleted_at: opt_at("deletedAt", m.deleted_at.as_deref())?,
            invite_expires_at: at("inviteExpiresAt", &m.invite_expires_at)?,
            model_id: m.model_id,
            uid: m.uid,
            email: m.email,
            team_id: m.team_id,
            status: m.status,
            is_development: m.is_development,
            version: m.version,
            photo_count: u32::try_from(m.photo_count).unwrap_or(u32::MAX),
            favorite_photo_id: m.favorite_photo_id,
        })
    }
}

/// A photo as the mock holds it (the API adds signed URLs).
#[napi(object, object_from_js = false)]
pub struct MockPhoto {
    /// Its id.
    pub id: String,
    /// Its model.
    pub model_id: String,
    /// `active` or `deleted`.
    pub status: String,
    /// `none`, `liked` or `loved`.
    pub liked_status: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

impl TryFrom<headshotpro_mock::MockPhoto> for MockPhoto {
    type Error = Failure;
    fn try_from(p: headshotpro_mock::MockPhoto) -> Converted<Self> {
        Ok(Self {
            created_at: at("createdAt", &p.created_at)?,
            id: p.id,
            model_id: p.model_id,
            status: p.status,
            liked_status: p.liked_status,
        })
    }
}

/// An organization's settings in the mock.
#[napi(object, object_from_js = false)]
pub struct MockOrganization {
    /// The key its requests carry.
    pub api_key: String,
    /// Its uid.
    pub uid: String,
    /// Its name.
    pub name: String,
    /// Its website.
    pub website: String,
    /// Its description.
    pub description: String,
    /// Credits left.
    pub credits: i64,
    /// Whether the whitelabel endpoints answer.
    pub whitelabel: bool,
    /// Where its webhooks go.
    pub webhook_url: Option<String>,
    /// Its webhook signing secret.
    pub webhook_secret: Option<String>,
    /// Pending invites allowed.
    pub invite_limit: Option<u32>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<u32>,
    /// The rate window, ms.
    pub rate_window_ms: f64,
    /// Photos per model.
    pub photos_per_model: u32,
    /// How long signed photo URLs stay valid, ms.
    pub photo_url_ttl_ms: f64,
    /// `top` or `data`.
    pub envelope: String,
}

impl From<headshotpro_mock::OrganizationSettings> for MockOrganization {
    fn from(o: headshotpro_mock::OrganizationSettings) -> Self {
        Self {
            api_key: o.api_key,
            uid: o.uid,
            name: o.name,
            website: o.website,
            description: o.description,
            credits: o.credits,
            whitelabel: o.whitelabel,
            webhook_url: o.webhook_url,
            webhook_secret: o.webhook_secret,
            invite_limit: o.invite_limit,
            rate_limit: o.rate_limit,
            rate_window_ms: o.rate_window.as_secs_f64() * 1000.0,
            photos_per_model: o.photos_per_model,
            photo_url_ttl_ms: o.photo_url_ttl.as_secs_f64() * 1000.0,
            envelope: o.envelope.as_str().to_owned(),
        }
    }
}

/// One request the mock received (API or CDN).
#[napi(object, object_from_js = false)]
pub struct MockRequest {
    /// The method.
    pub method: String,
    /// The path as received (still percent-encoded), without the query.
    pub path: String,
    /// The raw query string (`''` when none).
    pub query: String,
    /// The headers, names in lower case (repeated ones joined with `, `).
    pub headers: BTreeMap<String, String>,
    /// The body as text.
    pub body: String,
}

impl From<headshotpro_mock::RecordedRequest> for MockRequest {
    fn from(r: headshotpro_mock::RecordedRequest) -> Self {
        let mut headers = BTreeMap::<String, String>::new();
        for (name, value) in r.headers {
            headers
                .entry(name.to_ascii_lowercase())
                .and_modify(|joined| {
                    joined.push_str(", ");
                    joined.push_str(&value);
                })
                .or_insert(value);
        }
        Self {
            method: r.method,
            path: r.path,
            query: r.query,
            headers,
            body: r.body,
        }
    }
}

/// One webhook delivery attempt.
#[napi(object, object_from_js = false)]
pub struct MockWebhookDelivery {
    /// The event, e.g. `model.status.updated`.
    pub event: String,
    /// The event's id (`evt_…`).
    pub event_id: String,
    /// The model it is about.
    pub model_id: String,
    /// Where it was sent.
    pub url: String,
    /// 1 for the first attempt.
    pub attempt: u32,
    /// The receiver's HTTP status, or null when no answer came.
    pub status: Option<u32>,
    /// Why no answer came.
    pub error: Option<String>,
    /// When the attempt ended.
    pub at: DateTime<Utc>,
}

impl TryFrom<headshotpro_mock::WebhookDelivery> for MockWebhookDelivery {
    type Error = Failure;
    fn try_from(w: headshotpro_mock::WebhookDelivery) -> Converted<Self> {
        Ok(Self {
            at: at("at", &w.at)?,
            event: w.event,
            event_id: w.event_id,
            model_id: w.model_id,
            url: w.url,
            attempt: w.attempt,
            status: w.status.map(u32::from),
            error: w.error,
        })
    }
}

/// What a seed created.
#[napi(object, object_from_js = false)]
pub struct MockSeedReport {
    /// Members created.
    pub members: u32,
    /// The ids of the models created, in order.
    pub model_ids: Vec<String>,
}

impl From<headshotpro_mock::SeedReport> for MockSeedReport {
    fn from(s: headshotpro_mock::SeedReport) -> Self {
        Self {
            members: s.members,
            model_ids: s.model_ids,
        }
    }
}
