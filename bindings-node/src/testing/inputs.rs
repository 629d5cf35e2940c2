//! What the JS `MockServer` passes in: start options, organization changes,
//! faults and seeds, converted to the mock crate's types. Numbers arrive as
//! JS numbers; durations are milliseconds.

use std::collections::BTreeMap;
use std::time::Duration;

use headshotpro_mock::{
    Envelope, FaultAfter, FaultBody, FaultSpec, LikedStatus, MockConfig, OrganizationUpdate,
    SeedRequest,
};
use napi::bindgen_prelude::Either;
use napi_derive::napi;

use super::errors::{invalid, Failure};
use crate::client::millis;
use crate::error::NativeError;

type Converted<T> = Result<T, Failure>;

/// Settings of a mock server; unset ones take the mock's defaults.
#[napi(object, object_to_js = false)]
pub struct MockOptions {
    /// The default organization's key (`hp_test_mock_key`).
    pub api_key: Option<String>,
    /// The port (0: an ephemeral one; a busy port falls back to one).
    pub port: Option<u32>,
    /// Starting credits (100).
    pub credits: Option<i64>,
    /// Whether whitelabel endpoints answer (true).
    pub whitelabel: Option<bool>,
    /// Where webhooks go (none).
    pub webhook_url: Option<String>,
    /// The webhook signing secret (none: unsigned).
    pub webhook_secret: Option<String>,
    /// Wait before the first delivery attempt, ms (5000).
    pub webhook_delay_ms: Option<f64>,
    /// Wait between delivery attempts, ms (5000).
    pub webhook_retry_ms: Option<f64>,
    /// Time a development model spends in each status, ms (1000).
    pub dev_step_ms: Option<f64>,
    /// Requests allowed per rate window (none).
    pub rate_limit: Option<u32>,
    /// The rate window, ms (60000).
    pub rate_window_ms: Option<f64>,
    /// Pending invites allowed (none).
    pub invite_limit: Option<u32>,
    /// Photos a model gets when it turns active (8).
    pub photos_per_model: Option<u32>,
    /// How long signed photo URLs stay valid, ms (24 h).
    pub photo_url_ttl_ms: Option<f64>,
    /// HTTPS with HTTP/2 and a certificate made at start.
    pub tls: Option<bool>,
    /// More organizations, as the mock's `--config` JSON text.
    pub config_json: Option<String>,
}

fn duration(name: &str, ms: f64) -> Converted<Duration> {
    millis(name, ms).map_err(|e| Box::new(NativeError::from(e)))
}

impl TryFrom<MockOptions> for MockConfig {
    type Error = Failure;

    fn try_from(o: MockOptions) -> Converted<MockConfig> {
        let mut config = MockConfig::default();
        if let Some(key) = o.api_key {
            config.api_key = key;
        }
        if let Some(port) = o.port {
            config.port = u16::try_from(port)
                .map_err(|_| invalid(format!("port must be at most 65535, got {port}")))?;
        }
        if let Some(credits) = o.credits {
            config.credits = credits;
        }
        if let Some(whitelabel) = o.whitelabel {
            config.whitelabel = whitelabel;
        }
        config.webhook_url = o.webhook_url;
        config.webhook_secret = o.webhook_secret;
        if let Some(ms) = o.webhook_delay_ms {
            config.webhook_delay = duration("webhookDelayMs", ms)?;
        }
        if let Some(ms) = o.webhook_retry_ms {
            config.webhook_retry = duration("webhookRetryMs", ms)?;
        }
        if let Some(ms) = o.dev_step_ms {
            config.dev_step = duration("devStepMs", ms)?;
        }
        config.rate_limit = o.rate_limit;
        if let Some(ms) = o.rate_window_ms {
            config.rate_window = duration("rateWindowMs", ms)?;
        }
        config.invite_limit = o.invite_limit;
        if let Some(n) = o.photos_per_model {
            config.photos_per_model = n;
        }
        if let Some(ms) = o.photo_url_ttl_ms {
            config.photo_url_ttl = duration("photoUrlTtlMs", ms)?;
        }
        config.tls = o.tls.unwrap_or(false);
        if let Some(text) = o.config_json {
            config
                .load_json(&text)
                .map_err(|why| invalid(format!("organizations: {why}")))?;
        }
        Ok(config)
    }
}

/// Changes to an organization's settings; `clear` names the optional
/// settings set to `null` (`webhookUrl`, `webhookSecret`, `inviteLimit`,
/// `rateLimit`).
#[napi(object, object_to_js = false)]
pub struct OrganizationChanges {
    /// Credits left.
    pub credits: Option<i64>,
    /// Whether whitelabel endpoints answer.
    pub whitelabel: Option<bool>,
    /// Where webhooks go.
    pub webhook_url: Option<String>,
    /// The webhook signing secret.
    pub webhook_secret: Option<String>,
    /// Pending invites allowed.
    pub invite_limit: Option<u32>,
    /// Requests allowed per rate window.
    pub rate_limit: Option<u32>,
    /// The rate window, ms.
    pub rate_window_ms: Option<f64>,
    /// Photos per model.
    pub photos_per_model: Option<u32>,
    /// How long signed photo URLs stay valid, ms.
    pub photo_url_ttl_ms: Option<f64>,
    /// `top` or `data`: where V2 answers put their fields.
    pub envelope: Option<String>,
    /// The display name.
    pub name: Option<String>,
    /// The website.
    pub website: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// Settings to clear.
    pub clear: Vec<String>,
}

/// `Some(None)` when `name` is to be cleared, else the value given.
fn set_or_clear<T>(clear: &[String], name: &str, value: Option<T>) -> Option<Option<T>> {
    if clear.iter().any(|c| c == name) {
        Some(None)
    } else {
        value.map(Some)
    }
}

impl TryFrom<OrganizationChanges> for OrganizationUpdate {
    type Error = Failure;

    fn try_from(c: OrganizationChanges) -> Converted<OrganizationUpdate> {
        let envelope = match c.envelope {
            None => None,
            Some(text) => Some(Envelope::parse(&text).ok_or_else(|| {
                invalid(format!("envelope must be 'top' or 'data', got {text:?}"))
            })?),
        };
        Ok(OrganizationUpdate {
            credits: c.credits,
            whitelabel: c.whitelabel,
            webhook_url: set_or_clear(&c.clear, "webhookUrl", c.webhook_url),
            webhook_secret: set_or_clear(&c.clear, "webhookSecret", c.webhook_secret),
            invite_limit: set_or_clear(&c.clear, "inviteLimit", c.invite_limit),
            rate_limit: set_or_clear(&c.clear, "rateLimit", c.rate_limit),
            rate_window: c
                .rate_window_ms
                .map(|ms| duration("rateWindowMs", ms))
                .transpose()?,
            photos_per_model: c.photos_per_model,
            photo_url_ttl: c
                .photo_url_ttl_ms
                .map(|ms| duration("photoUrlTtlMs", ms))
                .transpose()?,
            envelope,
            name: c.name,
            website: c.website,
            description: c.description,
        })
    }
}

/// A fault for the next `times` matching requests (see the mock's README).
#[napi(object, object_to_js = false)]
pub struct FaultInput {
    /// The method to match (any when unset).
    pub method: Option<String>,
    /// The path prefix to match.
    pub path: String,
    /// Answer this status.
    pub status: Option<u32>,
    /// Answer these exact bytes.
    pub raw_body: Option<String>,
    /// Answer this JSON (its text).
    pub json_body: Option<String>,
    /// Extra response headers.
    pub headers: Option<BTreeMap<String, String>>,
    /// Wait this long first, ms.
    pub delay_ms: Option<f64>,
    /// Close the connection without an answer, unprocessed.
    pub drop: Option<bool>,
    /// Process the request, then `'drop'` or answer this status.
    pub after: Option<Either<u32, String>>,
    /// How many requests it applies to (1).
    pub times: Option<u32>,
}

fn status(name: &str, status: u32) -> Converted<u16> {
    u16::try_from(status)
        .map_err(|_| invalid(format!("{name} must be an HTTP status, got {status}")))
}

impl TryFrom<FaultInput> for FaultSpec {
    type Error = Failure;

    fn try_from(f: FaultInput) -> Converted<FaultSpec> {
        let body = match (f.raw_body, f.json_body) {
            (Some(raw), _) => Some(FaultBody::Raw(raw)),
            (None, Some(text)) => Some(FaultBody::Json(
                serde_json::from_str(&text).map_err(|e| invalid(format!("body: {e}")))?,
            )),
            (None, None) => None,
        };
        let after = match f.after {
            None => None,
            Some(Either::A(code)) => Some(FaultAfter::Status(status("after", code)?)),
            Some(Either::B(word)) if word == "drop" => Some(FaultAfter::Drop),
            Some(Either::B(word)) => {
                return Err(invalid(format!(
                    "after must be 'drop' or an HTTP status, got {word:?}"
                )))
            }
        };
        Ok(FaultSpec {
            method: f.method,
            status: f.status.map(|s| status("status", s)).transpose()?,
            body,
            headers: f.headers.unwrap_or_default().into_iter().collect(),
            delay: f.delay_ms.map(|ms| duration("delayMs", ms)).transpose()?,
            drop: f.drop.unwrap_or(false),
            after,
            times: f.times.unwrap_or(1),
            ..FaultSpec::new(f.path)
        })
    }
}

/// Members and models to create at once.
#[napi(object, object_to_js = false)]
pub struct SeedInput {
    /// Accepted members (`seed-N@example.com`).
    pub members: Option<u32>,
    /// Active development models with their photos (`seed-model-N@example.com`).
    pub models: Option<u32>,
    /// The team they all join.
    pub team_id: Option<String>,
}

impl From<SeedInput> for SeedRequest {
    fn from(s: SeedInput) -> Self {
        SeedRequest {
            members: s.members.unwrap_or(0),
            models: s.models.unwrap_or(0),
            team_id: s.team_id,
        }
    }
}

/// A reaction to a photo: `none`, `liked` or `loved`.
pub(crate) fn liked_status(text: &str) -> Converted<LikedStatus> {
    match text {
        "none" => Ok(LikedStatus::None),
        "liked" => Ok(LikedStatus::Liked),
        "loved" => Ok(LikedStatus::Loved),
        other => Err(invalid(format!(
            "status must be 'none', 'liked' or 'loved', got {other:?}"
        ))),
    }
}
