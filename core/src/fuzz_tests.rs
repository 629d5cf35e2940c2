//! Property tests: arbitrary bytes and arbitrary JSON fed to every decoder and
//! to the webhook functions. Errors are fine; panics never.

use std::time::Duration;

use proptest::prelude::*;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::Value;

use crate::classify::{api_error, reports_failure};
use crate::error::Error;
use crate::rate_limit::{rate_limit_info, retry_after, until, MAX_HEADER_WAIT};
use crate::retry;
use crate::types::{DeletedModel, Invite, InviteDetails, InviteSummary, Model, Organization};
use crate::webhook;

/// Arbitrary JSON values, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".*".prop_map(Value::String),
        prop::sample::select(vec![
            "success",
            "code",
            "error",
            "message",
            "status",
            "_id",
            "createdAt",
            "active",
            "model.created",
            "2024-01-15T10:30:00.000Z",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((field_name(), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

/// Field names of the API, so objects often look almost right.
fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "success",
            "error",
            "code",
            "message",
            "organization",
            "uid",
            "name",
            "teams",
            "id",
            "credits",
            "invites",
            "invite",
            "email",
            "valid",
            "used",
            "link",
            "teamId",
            "createdAt",
            "status",
            "modelId",
            "isDevelopment",
            "signedUrl",
            "event",
            "objectType",
            "object",
            "_id",
            "title",
            "trigger",
            "organization",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z_]{1,8}",
    ]
}

fn decode_everything(raw: &[u8]) {
    let _ = serde_json::from_slice::<Organization>(raw);
    let _ = serde_json::from_slice::<Invite>(raw);
    let _ = serde_json::from_slice::<InviteSummary>(raw);
    let _ = serde_json::from_slice::<InviteDetails>(raw);
    let _ = serde_json::from_slice::<Model>(raw);
    let _ = serde_json::from_slice::<DeletedModel>(raw);
    let _ = reports_failure(raw);
    for status in [200, 400, 401, 402, 403, 404, 429, 500, 503, 999] {
        let _ = api_error(status, &HeaderMap::new(), raw, "fuzz");
    }
    let _ = webhook::parse(raw);
    let headers = [
        ("X-HeadshotPro-Signature", "sha256=00"),
        ("X-HeadshotPro-Timestamp", "1"),
    ];
    let _ = webhook::verify(raw, headers, "secret", Duration::from_secs(300));
}

/// Header values as servers, proxies and attackers write them.
fn header_value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<f64>().prop_map(|f| f.to_string()),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        any::<i128>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        (any::<i64>(), 0u32..2_000_000_000).prop_map(|(s, n)| {
            chrono::DateTime::from_timestamp(s % 300_000_000_000, n)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default()
        }),
        // RFC 2822 has four-digit years.
        (0i64..253_402_300_799).prop_map(|s| {
            chrono::DateTime::from_timestamp(s, 0)
                .map(|d| d.to_rfc2822())
                .unwrap_or_default()
        }),
        prop::sample::select(vec![
            "inf", "-inf", "NaN", "1e20", "-0", "+5", "0x10", " 3 "
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,40}",
    ]
}

/// Runs every header reader on one set of headers; checks the clamps.
fn read_headers(pairs: &[(&'static str, String)]) {
    let mut headers = HeaderMap::new();
    for (name, value) in pairs {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(*name, value);
        }
    }
    let now = chrono::Utc::now();
    if let Some(wait) = retry_after(&headers, now) {
        assert!(wait <= MAX_HEADER_WAIT);
    }
    let info = rate_limit_info(&headers);
    if let Some(at) = info.reset_at {
        assert!(until(at, now) <= MAX_HEADER_WAIT);
    }
    for status in [200, 400, 429, 503] {
        let error = Error::from(api_error(status, &headers, b"{}", "fuzz"));
        for retry in [0, 1, 5, u32::MAX] {
            assert!(retry::delay(retry, &error) <= retry::MAX_SERVER_WAIT);
        }
    }
}

proptest! {
    #[test]
    fn arbitrary_rate_limit_headers_never_panic(
        retry in header_value(),
        limit in header_value(),
        remaining in header_value(),
        reset in header_value(),
    ) {
        read_headers(&[
            ("retry-after", retry),
            ("x-ratelimit-limit", limit),
            ("x-ratelimit-remaining", remaining),
            ("x-ratelimit-reset", reset),
        ]);
    }

    #[test]
    fn arbitrary_bytes_never_panic(raw in prop::collection::vec(any::<u8>(), 0..512)) {
        decode_everything(&raw);
    }

    #[test]
    fn arbitrary_json_never_panics(value in json_value()) {
        let raw = serde_json::to_vec(&value).unwrap_or_default();
        decode_everything(&raw);
    }

    #[test]
    fn arbitrary_signature_headers_never_panic(
        signature in ".*",
        timestamp in ".*",
        raw in prop::collection::vec(any::<u8>(), 0..128),
    ) {
        let headers = [("x-headshotpro-signature", signature), ("x-headshotpro-timestamp", timestamp)];
        let _ = webhook::verify(&raw, headers, "secret", Duration::from_secs(300));
    }

    #[test]
    fn signed_payloads_always_verify(raw in prop::collection::vec(any::<u8>(), 0..256), ts in 0i64..4_000_000_000) {
        let signature = webhook::sign(&raw, "k", ts);
        let headers = [("X-HeadshotPro-Signature", signature), ("X-HeadshotPro-Timestamp", ts.to_string())];
        let now = chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default();
        let result = webhook::verify_at(&raw, headers, "k", Duration::from_secs(1), now);
        if let Err(err) = result {
            prop_assert!(err.message().starts_with("invalid payload"), "{}", err);
        }
    }
}
