//! Webhook parsing, verification and signing: thin wrappers of `headshotpro::webhook`.

use std::time::Duration;

use headshotpro::webhook;
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::NativeError;
use crate::types::WebhookEvent;

/// One request header, as the JS layer flattens Node's `req.headers`.
#[napi(object)]
pub struct HeaderEntry {
    /// The header name, any case.
    pub name: String,
    /// The header value.
    pub value: String,
}

/// Parses a webhook payload strictly, without checking any signature.
#[napi(catch_unwind)]
pub fn parse_webhook(raw: Buffer) -> Either<WebhookEvent, NativeError> {
    match webhook::parse(&raw) {
        Ok(event) => Either::A(event.into()),
        Err(err) => Either::B(NativeError::from(&err)),
    }
}

/// Checks the signature and timestamp age of a webhook, then parses it.
/// `tolerance_sec` defaults to core's `DEFAULT_TOLERANCE` (300 s).
#[napi(catch_unwind)]
pub fn verify_webhook(
    raw: Buffer,
    headers: Vec<HeaderEntry>,
    secret: String,
    tolerance_sec: Option<f64>,
) -> Either<WebhookEvent, NativeError> {
    let tolerance = match tolerance_sec {
        None => webhook::DEFAULT_TOLERANCE,
        Some(sec) => match Duration::try_from_secs_f64(sec) {
            Ok(tolerance) => tolerance,
            Err(_) => {
                return Either::B(NativeError::invalid(format!(
                    "toleranceSec must be a non-negative number of seconds, got {sec}"
                )))
            }
        },
    };
    let pairs = headers.into_iter().map(|h| (h.name, h.value));
    match webhook::verify(&raw, pairs, &secret, tolerance) {
        Ok(event) => Either::A(event.into()),
        Err(err) => Either::B(NativeError::from(&err)),
    }
}

/// The `X-HeadshotPro-Signature` value (`sha256=<hex>`) for a payload signed
/// at `timestamp` (unix seconds), to test one's own webhook endpoint.
#[napi(catch_unwind)]
pub fn sign_webhook(raw: Buffer, secret: String, timestamp: i64) -> String {
    webhook::sign(&raw, &secret, timestamp)
}

/// The name of the signature header.
#[napi]
pub const SIGNATURE_HEADER: &str = webhook::SIGNATURE_HEADER;

/// The name of the timestamp header.
#[napi]
pub const TIMESTAMP_HEADER: &str = webhook::TIMESTAMP_HEADER;
