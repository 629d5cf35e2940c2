//! Webhooks: strict parsing of the payload and verification of its signature.
//!
//! HeadshotPro signs `"{timestamp}.{raw body}"` with HMAC-SHA256, keyed with
//! the webhook secret string's own bytes, and sends
//! `X-HeadshotPro-Signature: sha256=<hex>` and `X-HeadshotPro-Timestamp: <unix seconds>`.
//! Always verify the raw bytes as received, never re-serialised JSON. An
//! unsigned event proves nothing: confirm with `models().retrieve` before
//! acting on it.

use std::time::Duration;

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::error::{Error, Result};
use crate::types::{ModelStatus, WebhookEventType};

/// The header carrying `sha256=<hex>`.
pub const SIGNATURE_HEADER: &str = "X-HeadshotPro-Signature";
/// The header carrying the signing time in unix seconds.
pub const TIMESTAMP_HEADER: &str = "X-HeadshotPro-Timestamp";
/// How far the timestamp may be from now by default.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

type HmacSha256 = Hmac<Sha256>;

/// A webhook notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct WebhookEvent {
    /// The event id (`evt_…`); absent from older, unsigned payloads.
    #[serde(default)]
    pub id: Option<String>,
    /// What happened.
    pub event: WebhookEventType,
    /// When the event was created; absent from older payloads.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// The kind of object, `model`.
    pub object_type: String,
    /// The chosen photo, on `model.favorite_selected`.
    #[serde(default)]
    pub photo_id: Option<String>,
    /// The model concerned.
    pub object: ModelObject,
}

/// The model inside a webhook event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ModelObject {
    /// The model id (`_id` on the wire).
    #[serde(rename = "_id")]
    pub id: String,
    /// The model's UID.
    pub uid: String,
    /// Human-readable title.
    pub title: String,
    /// The selected gender.
    pub trigger: String,
    /// The model's status.
    pub status: ModelStatus,
    /// Whether it is a development model.
    #[serde(default)]
    pub is_development: bool,
    /// When processing finished.
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    /// When it was deleted.
    #[serde(default)]
    pub deleted_at: Option<DateTime<Utc>>,
    /// When access expires.
    #[serde(default)]
    pub invite_expires_at: Option<DateTime<Utc>>,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// The owning organization's id.
    pub organization: String,
}

/// Parses a payload strictly (required fields and types checked; unknown
/// events and fields kept or ignored). Does not check any signature.
pub fn parse(raw: &[u8]) -> Result<WebhookEvent> {
    serde_json::from_slice(raw).map_err(|e| Error::webhook(format!("invalid payload: {e}")))
}

/// Checks the signature (constant time) and the timestamp's age against now,
/// then parses. `headers` are the request's headers; names match in any case.
pub fn verify<I, K, V>(
    raw: &[u8],
    headers: I,
    secret: &str,
    tolerance: Duration,
) -> Result<WebhookEvent>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    verify_at(raw, headers, secret, tolerance, Utc::now())
}

/// [`verify`] against a given time instead of the clock.
pub fn verify_at<I, K, V>(
    raw: &[u8],
    headers: I,
    secret: &str,
    tolerance: Duration,
    now: DateTime<Utc>,
) -> Result<WebhookEvent>
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    if secret.is_empty() {
        return Err(Error::invalid("the webhook secret is empty"));
    }
    let (mut signature, mut timestamp) = (None, None);
    for (name, value) in headers {
        let name = name.as_ref();
        if name.eq_ignore_ascii_case(SIGNATURE_HEADER) {
            signature = Some(value.as_ref().to_owned());
        } else if name.eq_ignore_ascii_case(TIMESTAMP_HEADER) {
            timestamp = Some(value.as_ref().to_owned());
        }
    }
    let signature = signature.ok_or_else(|| {
        Error::webhook(format!(
            "missing {SIGNATURE_HEADER} header: unsigned webhook"
        ))
    })?;
    let timestamp =
        timestamp.ok_or_else(|| Error::webhook(format!("missing {TIMESTAMP_HEADER} header")))?;
    let seconds: i64 = timestamp
        .trim()
        .parse()
        .map_err(|_| Error::webhook(format!("{TIMESTAMP_HEADER} is not unix seconds")))?;

    if !signature_matches(raw, secret, timestamp.trim(), &signature) {
        return Err(Error::webhook("signature does not match"));
    }
    let age = now.timestamp().abs_diff(seconds);
    if age > tolerance.as_secs() {
        return Err(Error::webhook(format!(
            "timestamp is {age} s away from now, more than the {} s tolerance",
            tolerance.as_secs()
        )));
    }
    parse(raw)
}

/// The `X-HeadshotPro-Signature` value for a payload: `sha256=<hex>`. Useful to
/// build test requests for your own webhook endpoint.
pub fn sign(raw: &[u8], secret: &str, timestamp: i64) -> String {
    let mac = keyed(secret, &timestamp.to_string(), raw);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

fn keyed(secret: &str, timestamp: &str, raw: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(raw);
    mac
}

/// Whether any `sha256=` entry of the header (comma-separated, for key
/// rotation) matches, compared in constant time.
fn signature_matches(raw: &[u8], secret: &str, timestamp: &str, header: &str) -> bool {
    header
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter_map(|part| part.trim().strip_prefix("sha256="))
        .filter_map(|hex_sig| hex::decode(hex_sig).ok())
        .any(|expected| {
            keyed(secret, timestamp, raw)
                .verify_slice(&expected)
                .is_ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = r#"{"id":"evt_1","event":"model.created","createdAt":"2024-01-15T10:30:00.000Z","objectType":"model","object":{"_id":"m1","uid":"u1","title":"T","trigger":"male","status":"onboarding","isDevelopment":true,"finishedAt":null,"deletedAt":null,"inviteExpiresAt":"2024-12-31T23:59:59.000Z","createdAt":"2024-01-15T10:30:00.000Z","organization":"o1"}}"#;

    fn headers(sig: &str, ts: i64) -> Vec<(String, String)> {
        vec![
            ("x-headshotpro-signature".into(), sig.into()),
            ("X-HEADSHOTPRO-TIMESTAMP".into(), ts.to_string()),
        ]
    }

    #[test]
    fn good_signature_verifies() {
        let now = Utc::now();
        let ts = now.timestamp();
        let sig = sign(BODY.as_bytes(), "whsec", ts);
        let event = verify_at(
            BODY.as_bytes(),
            headers(&sig, ts),
            "whsec",
            DEFAULT_TOLERANCE,
            now,
        )
        .unwrap();
        assert_eq!(event.event, WebhookEventType::ModelCreated);
        assert_eq!(event.object.id, "m1");
    }

    #[test]
    fn forgeries_fail() {
        let now = Utc::now();
        let ts = now.timestamp();
        let sig = sign(BODY.as_bytes(), "whsec", ts);
        let check = |body: &str, h: Vec<(String, String)>, secret: &str| {
            verify_at(body.as_bytes(), h, secret, DEFAULT_TOLERANCE, now)
        };
        assert!(check(BODY, headers(&sig, ts), "other").is_err());
        assert!(check(&BODY.replace("male", "female"), headers(&sig, ts), "whsec").is_err());
        let old = ts - 301;
        let old_sig = sign(BODY.as_bytes(), "whsec", old);
        assert!(check(BODY, headers(&old_sig, old), "whsec").is_err());
        assert!(check(BODY, Vec::new(), "whsec").is_err());
        assert!(check(BODY, headers("sha256=zz", ts), "whsec").is_err());
    }

    #[test]
    fn current_events_are_typed_with_id_and_time() {
        for (wire, typed) in [
            ("model.photos_ready", WebhookEventType::ModelPhotosReady),
            (
                "model.favorite_selected",
                WebhookEventType::ModelFavoriteSelected,
            ),
        ] {
            let body = BODY
                .replace("model.created", wire)
                .replace("evt_1", "evt_42")
                .replace(r#""objectType""#, r#""photoId":"ph_7","objectType""#);
            let event = parse(body.as_bytes()).unwrap();
            assert_eq!(event.photo_id.as_deref(), Some("ph_7"));
            assert_eq!(event.event, typed);
            assert!(!event.event.is_unknown());
            assert_eq!(event.id.as_deref(), Some("evt_42"));
            assert_eq!(
                event.created_at.map(|t| t.to_rfc3339()),
                Some("2024-01-15T10:30:00+00:00".to_owned())
            );
        }
        let legacy = BODY.replace(r#""id":"evt_1","#, "").replace(
            r#""createdAt":"2024-01-15T10:30:00.000Z","objectType""#,
            r#""objectType""#,
        );
        let event = parse(legacy.as_bytes()).unwrap();
        assert_eq!((event.id, event.created_at), (None, None));
    }

    #[test]
    fn unknown_event_is_kept() {
        let body = BODY.replace("model.created", "model.retrained");
        let event = parse(body.as_bytes()).unwrap();
        assert_eq!(
            event.event,
            WebhookEventType::Unknown("model.retrained".into())
        );
    }
}
