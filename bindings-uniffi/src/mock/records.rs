//! What `MockServer`'s control methods take and answer, as uniffi records
//! converted from and to the mock crate's own types. Statuses are the SDK's
//! open enums; timestamps are the mock's ISO 8601 text.

use std::collections::HashMap;

use headshotpro::{InviteStatus, LikedStatus, ModelStatus, ModelVersion, PhotoStatus};
use headshotpro_mock::{
    MockError, MockErrorKind, MockInvite as CoreInvite, MockModel as CoreModel,
    MockPhoto as CorePhoto, OrganizationSettings, RecordedRequest, WebhookDelivery,
};

use crate::error::{ApiErrorDetails, HeadshotProError};

/// An invite as the mock holds it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
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
    /// `pending-invite` … `active`.
    pub status: InviteStatus,
}

/// A whitelabel model as the mock holds it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockModel {
    /// Its id.
    pub model_id: String,
    /// Its uid.
    pub uid: String,
    /// The user's email.
    pub email: String,
    /// Its team.
    pub team_id: Option<String>,
    /// Its status.
    pub status: ModelStatus,
    /// A development model.
    pub is_development: bool,
    /// When it was created (ISO 8601).
    pub created_at: String,
    /// When it became active (ISO 8601).
    pub finished_at: Option<String>,
    /// When it was deleted (ISO 8601).
    pub deleted_at: Option<String>,
    /// `lora` or `one-shot`.
    pub version: ModelVersion,
    /// How many photos it has.
    pub photo_count: i64,
    /// The photo chosen as favorite.
    pub favorite_photo_id: Option<String>,
}

/// A photo as the mock holds it (the API adds its signed URLs).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockPhoto {
    /// Its id.
    pub id: String,
    /// Its model.
    pub model_id: String,
    /// `active` or `deleted`.
    pub status: PhotoStatus,
    /// What the user thinks of it.
    pub liked_status: LikedStatus,
    /// When it was made (ISO 8601).
    pub created_at: String,
}

/// The default organization's settings (its API key is `apiKey()` of the
/// server; the webhook secret is not shown).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockOrganization {
    /// Its uid.
    pub uid: String,
    /// Its name.
    pub name: String,
    /// Credits left.
    pub credits: i64,
    /// Whether the whitelabel endpoints answer.
    pub whitelabel: bool,
    /// Where its webhooks go.
    pub webhook_url: Option<String>,
    /// Whether its webhooks are signed.
    pub signs_webhooks: bool,
    /// Pending invites allowed.
    pub invite_limit: Option<i64>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<i64>,
    /// The rate window, in milliseconds.
    pub rate_window_ms: i64,
    /// Photos per model.
    pub photos_per_model: i64,
    /// How long signed photo URLs stay valid, in milliseconds.
    pub photo_url_ttl_ms: i64,
    /// Whether V2 answers carry their fields inside `data`.
    pub data_envelope: bool,
}

/// A setting `setOrganization` can clear (back to none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
pub enum MockSetting {
    /// No webhook deliveries.
    WebhookUrl,
    /// Unsigned webhooks.
    WebhookSecret,
    /// No limit on pending invites.
    InviteLimit,
    /// No rate limit.
    RateLimit,
}

/// Changes to the default organization; a field left nil/null keeps its
/// value, and `clear` sets optional settings back to none.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct MockOrganizationUpdate {
    /// Credits left (not negative).
    #[uniffi(default = None)]
    pub credits: Option<i64>,
    /// The whitelabel feature.
    #[uniffi(default = None)]
    pub whitelabel: Option<bool>,
    /// Where webhooks go.
    #[uniffi(default = None)]
    pub webhook_url: Option<String>,
    /// The webhook signing secret.
    #[uniffi(default = None)]
    pub webhook_secret: Option<String>,
    /// Pending invites allowed.
    #[uniffi(default = None)]
    pub invite_limit: Option<i32>,
    /// Requests allowed per rate window.
    #[uniffi(default = None)]
    pub rate_limit: Option<i32>,
    /// The rate window in milliseconds (at least 1).
    #[uniffi(default = None)]
    pub rate_window_ms: Option<i64>,
    /// Photos per model (at most 1000).
    #[uniffi(default = None)]
    pub photos_per_model: Option<i32>,
    /// How long signed photo URLs stay valid, in milliseconds.
    #[uniffi(default = None)]
    pub photo_url_ttl_ms: Option<i64>,
    /// V2 answers with their fields inside `data` (true) or at the top level.
    #[uniffi(default = None)]
    pub data_envelope: Option<bool>,
    /// Settings set back to none.
    #[uniffi(default = [])]
    pub clear: Vec<MockSetting>,
}

/// What a "process, then fail" fault does once the request took effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum MockFaultAfter {
    /// Close the connection without an answer.
    Drop,
    /// Answer this HTTP status instead of the real answer.
    Status {
        /// The status.
        code: i32,
    },
}

/// One API or CDN request the mock received.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockRequest {
    /// The method.
    pub method: String,
    /// The path as received, still percent-encoded.
    pub path: String,
    /// The raw query string (empty when none).
    pub query: String,
    /// The headers, names in lower case (repeated ones joined with `, `).
    pub headers: HashMap<String, String>,
    /// The body as text.
    pub body: String,
}

/// One webhook delivery attempt.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockWebhook {
    /// The event, e.g. `model.status.updated`.
    pub event: String,
    /// The event's id (`evt_…`).
    pub event_id: String,
    /// The model it is about.
    pub model_id: String,
    /// Where it was sent.
    pub url: String,
    /// 1 for the first attempt.
    pub attempt: i32,
    /// The receiver's HTTP status; none when no answer came.
    pub status: Option<i32>,
    /// Why no answer came.
    pub error: Option<String>,
    /// When the attempt ended (ISO 8601).
    pub at: String,
}

/// What `seed` created.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct MockSeedReport {
    /// Members created (`seed-N@example.com`).
    pub members: i64,
    /// The ids of the active models created, in order (`seed-model-N@example.com`).
    pub model_ids: Vec<String>,
}

impl From<CoreInvite> for MockInvite {
    fn from(invite: CoreInvite) -> Self {
        Self {
            id: invite.id,
            email: invite.email,
            valid: invite.valid,
            team_id: invite.team_id,
            created_at: invite.created_at,
            used: invite.used,
            link: invite.link,
            status: InviteStatus::from(invite.status),
        }
    }
}

impl From<CoreModel> for MockModel {
    fn from(model: CoreModel) -> Self {
        Self {
            model_id: model.model_id,
            uid: model.uid,
            email: model.email,
            team_id: model.team_id,
            status: ModelStatus::from(model.status),
            is_development: model.is_development,
            created_at: model.created_at,
            finished_at: model.finished_at,
            deleted_at: model.deleted_at,
            version: ModelVersion::from(model.version),
            photo_count: i64::try_from(model.photo_count).unwrap_or(i64::MAX),
            favorite_photo_id: model.favorite_photo_id,
        }
    }
}

impl From<CorePhoto> for MockPhoto {
    fn from(photo: CorePhoto) -> Self {
        Self {
            id: photo.id,
            model_id: photo.model_id,
            status: PhotoStatus::from(photo.status),
            liked_status: LikedStatus::from(photo.liked_status),
            created_at: photo.created_at,
        }
    }
}

impl From<OrganizationSettings> for MockOrganization {
    fn from(settings: OrganizationSettings) -> Self {
        let ms = |d: std::time::Duration| i64::try_from(d.as_millis()).unwrap_or(i64::MAX);
        Self {
            uid: settings.uid,
            name: settings.name,
            credits: settings.credits,
            whitelabel: settings.whitelabel,
            webhook_url: settings.webhook_url,
            signs_webhooks: settings.webhook_secret.is_some(),
            invite_limit: settings.invite_limit.map(i64::from),
            rate_limit: settings.rate_limit.map(i64::from),
            rate_window_ms: ms(settings.rate_window),
            photos_per_model: i64::from(settings.photos_per_model),
            photo_url_ttl_ms: ms(settings.photo_url_ttl),
            data_envelope: settings.envelope == headshotpro_mock::Envelope::Data,
        }
    }
}

impl From<RecordedRequest> for MockRequest {
    fn from(request: RecordedRequest) -> Self {
        let mut headers: HashMap<String, String> = HashMap::new();
        for (name, value) in request.headers {
            headers
                .entry(name)
                .and_modify(|joined| {
                    joined.push_str(", ");
                    joined.push_str(&value);
                })
                .or_insert(value);
        }
        Self {
            method: request.method,
            path: request.path,
            query: request.query,
            headers,
            body: request.body,
        }
    }
}

impl From<WebhookDelivery> for MockWebhook {
    fn from(delivery: WebhookDelivery) -> Self {
        Self {
            event: delivery.event,
            event_id: delivery.event_id,
            model_id: delivery.model_id,
            url: delivery.url,
            attempt: i32::try_from(delivery.attempt).unwrap_or(i32::MAX),
            status: delivery.status.map(i32::from),
            error: delivery.error,
            at: delivery.at,
        }
    }
}

/// A control call's failure as the SDK's own error: an unknown id is a
/// `NotFoundError` (404), a step that does not apply an `ApiError` (409), a
/// bad argument an `InvalidArgumentError`, no credit an
/// `InsufficientCreditsError` (402).
pub(crate) fn control_error(operation: &str, error: MockError) -> HeadshotProError {
    let details = |status: i32| ApiErrorDetails {
        status,
        code: error.code.to_owned(),
        message: error.message.clone(),
        body: String::new(),
        operation: operation.to_owned(),
        retry_after: None,
        rate_limit: headshotpro::RateLimitInfo::default(),
    };
    match error.kind {
        MockErrorKind::NotFound => HeadshotProError::NotFoundError {
            details: details(404),
        },
        MockErrorKind::InvalidArgument => HeadshotProError::InvalidArgumentError {
            message: format!("{operation}: {}", error.message),
        },
        MockErrorKind::InsufficientCredits => HeadshotProError::InsufficientCreditsError {
            details: details(402),
        },
        MockErrorKind::InvalidState => HeadshotProError::APIError {
            details: details(409),
        },
        _ => HeadshotProError::APIError {
            details: details(500),
        },
    }
}
