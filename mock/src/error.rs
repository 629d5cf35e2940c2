//! The API's error answer: `{"success": false, "error": "...", "code": "..."}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answer with its HTTP status and machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// The machine-readable code, e.g. `NOT_FOUND`.
    pub code: &'static str,
    /// The human-readable text.
    pub message: String,
}

impl ApiError {
    /// An error with any status and code.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
        }
    }

    /// 401 UNAUTHORIZED.
    pub fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "UNAUTHORIZED", message)
    }

    /// 403 FORBIDDEN.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "FORBIDDEN", message)
    }

    /// 400 INVALID_REQUEST.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "INVALID_REQUEST", message)
    }

    /// 400 INVALID_EMAIL.
    pub fn invalid_email(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "INVALID_EMAIL", message)
    }

    /// 404 NOT_FOUND.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "NOT_FOUND", message)
    }

    /// 400 ALREADY_EXISTS.
    pub fn already_exists(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "ALREADY_EXISTS", message)
    }

    /// 400 ALREADY_DELETED.
    pub fn already_deleted(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "ALREADY_DELETED", message)
    }

    /// 402 INSUFFICIENT_CREDITS.
    pub fn insufficient_credits() -> Self {
        Self::new(
            StatusCode::PAYMENT_REQUIRED,
            "INSUFFICIENT_CREDITS",
            "Insufficient credits",
        )
    }

    /// 429 RATE_LIMIT_EXCEEDED.
    pub fn rate_limited() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMIT_EXCEEDED",
            "Rate limit exceeded",
        )
    }

    /// 429 INVITE_LIMIT_EXCEEDED.
    pub fn invite_limit(limit: u32) -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "INVITE_LIMIT_EXCEEDED",
            format!("Invite limit exceeded: at most {limit} pending invites"),
        )
    }

    /// 409 INVALID_STATE (control API only): the transition does not apply to the current status.
    pub fn invalid_state(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, "INVALID_STATE", message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({"success": false, "error": self.message, "code": self.code});
        (self.status, axum::Json(body)).into_response()
    }
}

/// The result type of every handler and state operation.
pub type ApiResult<T> = Result<T, ApiError>;
