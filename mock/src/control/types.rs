//! The typed records of the control API: what [`crate::MockServer`]'s control methods take
//! and answer. The HTTP control API answers the same records as JSON (camelCase).

use std::time::Duration;

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::config::Envelope;
use crate::error::ApiError;

/// What kind of failure a control call met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MockErrorKind {
    /// No invite, model, photo, team or organization has that id or key (HTTP 404).
    NotFound,
    /// The transition does not apply to the current status (HTTP 409).
    InvalidState,
    /// An argument was malformed or out of range (HTTP 400).
    InvalidArgument,
    /// The organization has no credit left for this step (HTTP 402).
    InsufficientCredits,
    /// Anything else the state refused.
    Other,
}

/// A control call that did not apply. Its `kind` says why, as the HTTP status would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockError {
    /// Why it failed.
    pub kind: MockErrorKind,
    /// The machine-readable code, as the HTTP control API answers it (e.g. `NOT_FOUND`).
    pub code: &'static str,
    /// The human-readable text.
    pub message: String,
}

impl MockError {
    /// Whether an id or key was unknown.
    pub fn is_not_found(&self) -> bool {
        self.kind == MockErrorKind::NotFound
    }
}

impl std::fmt::Display for MockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for MockError {}

impl From<ApiError> for MockError {
    fn from(error: ApiError) -> Self {
        let kind = match error.code {
            "NOT_FOUND" => MockErrorKind::NotFound,
            "INVALID_STATE" => MockErrorKind::InvalidState,
            "INVALID_REQUEST" | "INVALID_EMAIL" => MockErrorKind::InvalidArgument,
            "INSUFFICIENT_CREDITS" => MockErrorKind::InsufficientCredits,
            _ => MockErrorKind::Other,
        };
        Self {
            kind,
            code: error.code,
            message: error.message,
        }
    }
}

/// The result of a control method.
pub type MockResult<T> = Result<T, MockError>;

/// An invite as the control API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MockInvite {
    /// Its id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// Still pending.
    pub valid: bool,
    /// The team the member joins.
    pub team_id: Option<String>,
    /// When it was created (ISO 8601).
    pub created_at: String,
    /// Accepted.
    pub used: bool,
    /// The signup link.
    pub link: String,
    /// `pending-invite`, `revoked`, `waiting-for-upload`, `generating-headshots` or `active`.
    pub status: String,
}

/// A whitelabel model as the control API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
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
    /// When it was created (ISO 8601).
    pub created_at: String,
    /// When it became active.
    pub finished_at: Option<String>,
    /// When it was deleted.
    pub deleted_at: Option<String>,
    /// When its signed access expires.
    pub invite_expires_at: String,
    /// `lora` or `one-shot`.
    pub version: String,
    /// How many photos it has.
    pub photo_count: usize,
    /// The photo chosen as favorite.
    pub favorite_photo_id: Option<String>,
}

/// A photo as the control API shows it (the API adds signed URLs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MockPhoto {
    /// Its id.
    pub id: String,
    /// Its model.
    pub model_id: String,
    /// `active` or `deleted`.
    pub status: String,
    /// `none`, `liked` or `loved`.
    pub liked_status: String,
    /// When it was made (ISO 8601).
    pub created_at: String,
}

/// An organization's settings.
#[derive(Clone, PartialEq, Eq)]
pub struct OrganizationSettings {
    /// The key its requests carry (redacted by `Debug`).
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
    /// Its webhook signing secret (redacted by `Debug`).
    pub webhook_secret: Option<String>,
    /// Pending invites allowed.
    pub invite_limit: Option<u32>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<u32>,
    /// The rate window.
    pub rate_window: Duration,
    /// Photos per model.
    pub photos_per_model: u32,
    /// How long signed photo URLs stay valid.
    pub photo_url_ttl: Duration,
    /// Where V2 answers put their fields.
    pub envelope: Envelope,
}

impl std::fmt::Debug for OrganizationSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrganizationSettings")
            .field("api_key", &"[redacted]")
            .field("uid", &self.uid)
            .field("name", &self.name)
            .field("credits", &self.credits)
            .field("whitelabel", &self.whitelabel)
            .field("webhook_url", &self.webhook_url)
            .field(
                "webhook_secret",
                &self.webhook_secret.as_ref().map(|_| "[redacted]"),
            )
            .field("invite_limit", &self.invite_limit)
            .field("rate_limit", &self.rate_limit)
            .field("rate_window", &self.rate_window)
            .field("photos_per_model", &self.photos_per_model)
            .field("photo_url_ttl", &self.photo_url_ttl)
            .field("envelope", &self.envelope)
            .finish_non_exhaustive()
    }
}

/// Changes to an organization's settings; `None` leaves a setting as it is. For the
/// optional settings, `Some(None)` clears them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganizationUpdate {
    /// Credits left (not negative).
    pub credits: Option<i64>,
    /// The whitelabel feature.
    pub whitelabel: Option<bool>,
    /// Where webhooks go.
    pub webhook_url: Option<Option<String>>,
    /// The webhook signing secret.
    pub webhook_secret: Option<Option<String>>,
    /// Pending invites allowed.
    pub invite_limit: Option<Option<u32>>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<Option<u32>>,
    /// The rate window (at least a millisecond).
    pub rate_window: Option<Duration>,
    /// Photos per model (at most 1000).
    pub photos_per_model: Option<u32>,
    /// How long signed photo URLs stay valid.
    pub photo_url_ttl: Option<Duration>,
    /// Where V2 answers put their fields.
    pub envelope: Option<Envelope>,
    /// The display name.
    pub name: Option<String>,
    /// The website.
    pub website: Option<String>,
    /// The description.
    pub description: Option<String>,
}

impl OrganizationUpdate {
    /// The same changes as the HTTP control API's JSON body.
    pub fn to_json(&self) -> Value {
        Value::Object(self.to_changes())
    }

    /// The changes as JSON fields.
    pub(crate) fn to_changes(&self) -> Map<String, Value> {
        let mut body = Map::new();
        let mut put = |name: &str, value: Option<Value>| {
            if let Some(value) = value {
                body.insert(name.to_owned(), value);
            }
        };
        put("credits", self.credits.map(|v| json!(v)));
        put("whitelabel", self.whitelabel.map(|v| json!(v)));
        put("webhookUrl", self.webhook_url.as_ref().map(|v| json!(v)));
        put(
            "webhookSecret",
            self.webhook_secret.as_ref().map(|v| json!(v)),
        );
        put("inviteLimit", self.invite_limit.map(|v| json!(v)));
        put("rateLimit", self.rate_limit.map(|v| json!(v)));
        put(
            "rateWindowMs",
            self.rate_window.map(|v| json!(v.as_millis())),
        );
        put("photosPerModel", self.photos_per_model.map(|v| json!(v)));
        put(
            "photoUrlTtlMs",
            self.photo_url_ttl.map(|v| json!(v.as_millis())),
        );
        put("envelope", self.envelope.map(|v| json!(v.as_str())));
        put("name", self.name.as_ref().map(|v| json!(v)));
        put("website", self.website.as_ref().map(|v| json!(v)));
        put("description", self.description.as_ref().map(|v| json!(v)));
        body
    }
}

/// What a "process, then fail" fault does after the request took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaultAfter {
    /// Close the connection without an answer.
    Drop,
    /// Answer this HTTP status instead.
    Status(u16),
}

/// The body a fault answers.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultBody {
    /// Sent as these exact bytes (for malformed bodies).
    Raw(String),
    /// Serialized JSON.
    Json(Value),
}

/// A fault for the next `times` requests whose method matches (`None`: any) and whose
/// path starts with `path` (API and CDN paths).
#[derive(Debug, Clone, PartialEq)]
pub struct FaultSpec {
    /// The method to match (`None`: any).
    pub method: Option<String>,
    /// The path prefix to match.
    pub path: String,
    /// Answer this status (with the `INJECTED` error body unless `body` is set).
    pub status: Option<u16>,
    /// Answer this body (200 unless `status` is set).
    pub body: Option<FaultBody>,
    /// Extra response headers.
    pub headers: Vec<(String, String)>,
    /// Wait this long first.
    pub delay: Option<Duration>,
    /// Close the connection without an answer (before processing).
    pub drop: bool,
    /// Process the request, then fail this way (instead of `status`/`drop`).
    pub after: Option<FaultAfter>,
    /// How many requests it applies to (at least 1).
    pub times: u32,
}

impl FaultSpec {
    /// A fault on requests whose path starts with `path`, once, doing nothing yet: set
    /// `status`, `body`, `delay`, `drop` or `after`.
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            method: None,
            path: path.into(),
            status: None,
            body: None,
            headers: Vec::new(),
            delay: None,
            drop: false,
            after: None,
            times: 1,
        }
    }

    /// The same fault as the HTTP control API's JSON body.
    pub fn to_json(&self) -> Value {
        let mut body = Map::new();
        body.insert("path".to_owned(), json!(self.path));
        body.insert("times".to_owned(), json!(self.times));
        if let Some(method) = &self.method {
            body.insert("method".to_owned(), json!(method));
        }
        if let Some(status) = self.status {
            body.insert("status".to_owned(), json!(status));
        }
        match &self.body {
            Some(FaultBody::Raw(text)) => {
                body.insert("body".to_owned(), json!(text));
            }
            Some(FaultBody::Json(value)) => {
                body.insert("body".to_owned(), value.clone());
            }
            None => {}
        }
        if !self.headers.is_empty() {
            let headers: Map<String, Value> = self
                .headers
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect();
            body.insert("headers".to_owned(), Value::Object(headers));
        }
        if let Some(delay) = self.delay {
            body.insert("delay_ms".to_owned(), json!(delay.as_millis()));
        }
        if self.drop {
            body.insert("drop".to_owned(), json!(true));
        }
        match self.after {
            Some(FaultAfter::Drop) => {
                body.insert("after".to_owned(), json!("drop"));
            }
            Some(FaultAfter::Status(status)) => {
                body.insert("after".to_owned(), json!(status));
            }
            None => {}
        }
        Value::Object(body)
    }
}

/// One request the mock received (API or CDN; control calls are not logged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method.
    pub method: String,
    /// The path.
    pub path: String,
    /// The raw query string (empty when none).
    pub query: String,
    /// The headers in order, names in lower case.
    pub headers: Vec<(String, String)>,
    /// The body as text.
    pub body: String,
}

impl RecordedRequest {
    /// The first value of a header (the name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One webhook delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WebhookDelivery {
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
    /// The receiver's HTTP status, or `None` when no answer came.
    pub status: Option<u16>,
    /// Why no answer came.
    pub error: Option<String>,
    /// When the attempt ended (ISO 8601).
    pub at: String,
}
