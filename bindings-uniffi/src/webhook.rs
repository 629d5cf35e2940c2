//! Webhook parsing, verification and signing: free functions, no client.

use std::collections::HashMap;
use std::time::Duration;

use headshotpro::{webhook, WebhookEvent};

use crate::error::HeadshotProError;

/// Parses a webhook payload strictly, without checking any signature.
#[uniffi::export]
pub fn parse_webhook(raw_body: Vec<u8>) -> Result<WebhookEvent, HeadshotProError> {
    Ok(webhook::parse(&raw_body)?)
}

/// Checks the `X-HeadshotPro-Signature` (constant time) and the
/// `X-HeadshotPro-Timestamp` age (default tolerance 300 s), then parses.
/// Pass the raw body exactly as received; header names match in any case.
#[uniffi::export(default(tolerance_sec = None))]
pub fn verify_webhook(
    raw_body: Vec<u8>,
    headers: HashMap<String, String>,
    secret: String,
    tolerance_sec: Option<u64>,
) -> Result<WebhookEvent, HeadshotProError> {
    let tolerance = tolerance_sec.map_or(webhook::DEFAULT_TOLERANCE, Duration::from_secs);
    Ok(webhook::verify(&raw_body, headers, &secret, tolerance)?)
}

/// The `X-HeadshotPro-Signature` value (`sha256=<hex>`) for a body signed at
/// `timestamp` (unix seconds): for tests and for servers that emit webhooks.
#[uniffi::export]
pub fn sign_webhook(raw_body: Vec<u8>, secret: String, timestamp: i64) -> String {
    webhook::sign(&raw_body, &secret, timestamp)
}
