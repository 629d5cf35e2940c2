//! Turning an error answer into an [`ApiError`]: by the body's `code`, else by
//! the message (the reference's `message` bodies), else by the status.

use chrono::Utc;
use reqwest::header::HeaderMap;
use serde_json::Value;

use crate::error::{ApiError, ApiErrorKind};
use crate::rate_limit::{rate_limit_info, retry_after};
use crate::response::Headers;

/// Raw bodies kept on errors are cut to this many bytes.
pub(crate) const MAX_ERROR_BODY: usize = 4096;

/// The code used when neither body, message nor status gives one.
const UNKNOWN: &str = "UNKNOWN";

/// Builds the error for an answer that is an error: a non-2xx status, or a 2xx
/// whose body says `"success": false`.
pub(crate) fn api_error(
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    operation: &str,
) -> ApiError {
    let json: Option<Value> = serde_json::from_slice(body).ok();
    let field = |name: &str| {
        json.as_ref()
            .and_then(|v| v.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let message = field("error")
        .or_else(|| field("message"))
        .unwrap_or_else(|| fallback_message(status, body));
    let body_code = field("code").filter(|c| !c.trim().is_empty());

    // The older message texts refine only answers whose status leaves the
    // family open; a 401, 403, 404 or 5xx keeps the class its status gives.
    let refinable = message_refines(status);
    let from_message = || refinable.then(|| code_from_message(&message)).flatten();
    let (code, kind) = match body_code {
        Some(code) => {
            let kind = kind_for_code(&code)
                .or_else(|| from_message().and_then(kind_for_code))
                .unwrap_or_else(|| kind_for_status(status));
            (code, kind)
        }
        None => match from_message().or_else(|| code_for_status(status)) {
            Some(code) => (
                code.to_owned(),
                kind_for_code(code).unwrap_or_else(|| kind_for_status(status)),
            ),
            None => (UNKNOWN.to_owned(), kind_for_status(status)),
        },
    };

    ApiError {
        kind,
        status,
        code,
        message,
        body: truncate(body),
        operation: operation.to_owned(),
        rate_limit: rate_limit_info(headers),
        retry_after: retry_after(headers, Utc::now()),
        headers: Headers::from_map(headers),
    }
}

/// Whether a 2xx body nevertheless reports failure (`"success": false`).
pub(crate) fn reports_failure(body: &[u8]) -> bool {
    // A body without the word `false` cannot say `"success": false`: skip the parse.
    if !body.windows(5).any(|w| w == b"false") {
        return false;
    }
    #[derive(serde::Deserialize)]
    struct Envelope {
        success: Option<bool>,
    }
    matches!(
        serde_json::from_slice::<Envelope>(body),
        Ok(Envelope {
            success: Some(false)
        })
    )
}

/// Whether the older `message` texts may refine the class of an answer with
/// this status: a 400, a 402, or a 2xx saying `"success": false`.
fn message_refines(status: u16) -> bool {
    matches!(status, 400 | 402 | 200..=299)
}

/// The body as text, cut at [`MAX_ERROR_BODY`] bytes on a character boundary.
pub(crate) fn truncate(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= MAX_ERROR_BODY {
        return text.into_owned();
    }
    let mut end = MAX_ERROR_BODY;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &text[..end])
}

fn fallback_message(status: u16, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if !text.is_empty() && text.len() <= 200 && !text.starts_with('<') && !text.starts_with('{') {
        return text.to_owned();
    }
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map_or_else(|| format!("HTTP {status}"), str::to_owned)
}

fn kind_for_code(code: &str) -> Option<ApiErrorKind> {
    Some(match code {
        "INVALID_REQUEST" | "INVALID_EMAIL" | "ALREADY_EXISTS" | "ALREADY_DELETED" => {
            ApiErrorKind::BadRequest
        }
        "UNAUTHORIZED" => ApiErrorKind::Authentication,
        "INSUFFICIENT_CREDITS" => ApiErrorKind::InsufficientCredits,
        "FORBIDDEN" => ApiErrorKind::PermissionDenied,
        "NOT_FOUND" => ApiErrorKind::NotFound,
        "RATE_LIMIT_EXCEEDED" => ApiErrorKind::RateLimit,
        "INVITE_LIMIT_EXCEEDED" => ApiErrorKind::InviteLimit,
        _ => return None,
    })
}

/// The reference's era answered `{"message": "..."}` without a code; these are
/// its documented texts.
fn code_from_message(message: &str) -> Option<&'static str> {
    let m = message.to_ascii_lowercase();
    let has = |needle: &str| m.contains(needle);
    Some(if has("insufficient credit") {
        "INSUFFICIENT_CREDITS"
    } else if has("already exists") {
        "ALREADY_EXISTS"
    } else if has("already deleted") {
        "ALREADY_DELETED"
    } else if has("invalid email") {
        "INVALID_EMAIL"
    } else if has("invite limit") || has("too many pending invites") {
        "INVITE_LIMIT_EXCEEDED"
    } else if has("rate limit") || has("too many requests") {
        "RATE_LIMIT_EXCEEDED"
    } else if has("not found") {
        "NOT_FOUND"
    } else if has("unauthorized") || has("invalid api key") {
        "UNAUTHORIZED"
    } else if has("not enabled") || has("forbidden") {
        "FORBIDDEN"
    } else {
        return None;
    })
}

fn code_for_status(status: u16) -> Option<&'static str> {
    Some(match status {
        401 => "UNAUTHORIZED",
        402 => "INSUFFICIENT_CREDITS",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        429 => "RATE_LIMIT_EXCEEDED",
        _ => return None,
    })
}

fn kind_for_status(status: u16) -> ApiErrorKind {
    match status {
        400 => ApiErrorKind::BadRequest,
        401 => ApiErrorKind::Authentication,
        402 => ApiErrorKind::InsufficientCredits,
        403 => ApiErrorKind::PermissionDenied,
        404 => ApiErrorKind::NotFound,
        429 => ApiErrorKind::RateLimit,
        500..=599 => ApiErrorKind::Server,
        _ => ApiErrorKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(status: u16, body: &str) -> ApiError {
        api_error(status, &HeaderMap::new(), body.as_bytes(), "test.op")
    }

    #[test]
    fn code_wins() {
        let e = classify(
            400,
            r#"{"success":false,"error":"nope","code":"INSUFFICIENT_CREDITS"}"#,
        );
        assert_eq!(e.kind, ApiErrorKind::InsufficientCredits);
        assert_eq!(e.code, "INSUFFICIENT_CREDITS");
        assert_eq!(e.message, "nope");
    }

    #[test]
    fn reference_era_messages() {
        let e = classify(400, r#"{"success":false,"message":"Insufficient credits"}"#);
        assert_eq!(e.kind, ApiErrorKind::InsufficientCredits);
        let e = classify(
            400,
            r#"{"success":false,"message":"User with this email already exists"}"#,
        );
        assert_eq!(
            (e.kind, e.code.as_str()),
            (ApiErrorKind::BadRequest, "ALREADY_EXISTS")
        );
        let e = classify(
            400,
            r#"{"success":false,"message":"Model is already deleted"}"#,
        );
        assert_eq!(e.code, "ALREADY_DELETED");
        let e = classify(404, r#"{"success":false,"message":"Team not found"}"#);
        assert_eq!(e.kind, ApiErrorKind::NotFound);
    }

    #[test]
    fn status_fallback() {
        assert_eq!(classify(429, "").kind, ApiErrorKind::RateLimit);
        assert_eq!(classify(429, "").code, "RATE_LIMIT_EXCEEDED");
        let e = classify(502, "<html>bad gateway</html>");
        assert_eq!((e.kind, e.code.as_str()), (ApiErrorKind::Server, "UNKNOWN"));
        assert_eq!(e.message, "Bad Gateway");
        assert_eq!(classify(418, "{}").kind, ApiErrorKind::Other);
        let e = classify(
            500,
            r#"{"success":false,"error":"injected fault","code":"INJECTED"}"#,
        );
        assert_eq!(
            (e.kind, e.code.as_str()),
            (ApiErrorKind::Server, "INJECTED")
        );
    }

    #[test]
    fn messages_refine_only_400_402_and_2xx() {
        let e = classify(401, r#"{"success":false,"message":"API key not found"}"#);
        assert_eq!(
            (e.kind, e.code.as_str()),
            (ApiErrorKind::Authentication, "UNAUTHORIZED")
        );
        let e = classify(500, r#"{"message":"Email rate limit exceeded"}"#);
        assert_eq!((e.kind, e.code.as_str()), (ApiErrorKind::Server, "UNKNOWN"));
        let e = classify(502, r#"{"code":"INJECTED","message":"rate limit"}"#);
        assert_eq!(e.kind, ApiErrorKind::Server);
        let e = classify(402, r#"{"message":"Too many pending invites"}"#);
        assert_eq!(e.kind, ApiErrorKind::InviteLimit);
        let e = classify(200, r#"{"success":false,"message":"Insufficient credits"}"#);
        assert_eq!(e.kind, ApiErrorKind::InsufficientCredits);
        let e = classify(429, r#"{"message":"Too many pending invites"}"#);
        assert_eq!(
            (e.kind, e.code.as_str()),
            (ApiErrorKind::RateLimit, "RATE_LIMIT_EXCEEDED")
        );
    }

    #[test]
    fn success_false_on_2xx() {
        assert!(reports_failure(br#"{"success":false,"error":"x"}"#));
        assert!(!reports_failure(br#"{"success":true}"#));
        assert!(!reports_failure(b"not json"));
        assert_eq!(
            classify(200, r#"{"success":false,"error":"x"}"#).kind,
            ApiErrorKind::Other
        );
    }

    #[test]
    fn truncates_on_char_boundary() {
        let long = "é".repeat(MAX_ERROR_BODY);
        let cut = truncate(long.as_bytes());
        assert!(cut.len() <= MAX_ERROR_BODY + '…'.len_utf8());
    }
}
