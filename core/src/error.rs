//! The error hierarchy shared by every language: one type, one variant per family.

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::response::Headers;

/// Everything that can go wrong in a call. Mirrors the SDK-wide hierarchy:
/// `InvalidArgument`, `Api` (with an [`ApiErrorKind`]), `Connection`, `Timeout`,
/// `ResponseDecode` and `WebhookVerification`.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Rejected locally before anything was sent (bad email, empty id, missing key…).
    #[error("invalid argument: {message}")]
    InvalidArgument {
        /// What was wrong.
        message: String,
    },
    /// The server answered with an error.
    #[error(transparent)]
    Api(Box<ApiError>),
    /// No answer: refused, reset, DNS or TLS failure.
    #[error("connection error in {operation}: {message}")]
    Connection {
        /// The operation, e.g. `invites.create`.
        operation: String,
        /// What the transport reported.
        message: String,
        /// False only when the request provably never reached the server.
        may_have_reached_server: bool,
    },
    /// The attempt (or a `models.wait`) ran out of time.
    #[error("timed out in {operation}: {message}")]
    Timeout {
        /// The operation, e.g. `models.retrieve`.
        operation: String,
        /// What timed out.
        message: String,
        /// False only when the request provably never reached the server.
        may_have_reached_server: bool,
    },
    /// A 2xx answer whose body is not what the API reference documents.
    #[error("could not decode the answer to {operation} (HTTP {status}): {message}")]
    ResponseDecode {
        /// The operation whose answer failed to decode.
        operation: String,
        /// HTTP status of the answer.
        status: u16,
        /// Why decoding failed.
        message: String,
        /// The raw body, truncated.
        body: String,
    },
    /// A webhook whose signature, timestamp or payload is not acceptable.
    #[error("webhook verification failed: {message}")]
    WebhookVerification {
        /// Why the webhook was rejected.
        message: String,
    },
}

/// Which family of server error an [`ApiError`] belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400: INVALID_REQUEST, INVALID_EMAIL, ALREADY_EXISTS, ALREADY_DELETED.
    BadRequest,
    /// 401.
    Authentication,
    /// 402, or INSUFFICIENT_CREDITS at any status.
    InsufficientCredits,
    /// 403, e.g. whitelabel not enabled.
    PermissionDenied,
    /// 404.
    NotFound,
    /// 429 RATE_LIMIT_EXCEEDED: retried with the server's wait.
    RateLimit,
    /// 429 INVITE_LIMIT_EXCEEDED: a business limit, never retried.
    InviteLimit,
    /// 5xx.
    Server,
    /// Any other status, or `success: false` on a 2xx without a known code.
    Other,
}

impl ApiErrorKind {
    /// The class name used in every language (`NotFoundError`, …).
    pub fn class_name(self) -> &'static str {
        match self {
            Self::BadRequest => "BadRequestError",
            Self::Authentication => "AuthenticationError",
            Self::InsufficientCredits => "InsufficientCreditsError",
            Self::PermissionDenied => "PermissionDeniedError",
            Self::NotFound => "NotFoundError",
            Self::RateLimit => "RateLimitError",
            Self::InviteLimit => "InviteLimitError",
            Self::Server => "ServerError",
            Self::Other => "APIError",
        }
    }

    /// The kind with this class name (`NotFoundError` → `NotFound`).
    pub fn from_class_name(name: &str) -> Option<Self> {
        Some(match name {
            "BadRequestError" => Self::BadRequest,
            "AuthenticationError" => Self::Authentication,
            "InsufficientCreditsError" => Self::InsufficientCredits,
            "PermissionDeniedError" => Self::PermissionDenied,
            "NotFoundError" => Self::NotFound,
            "RateLimitError" => Self::RateLimit,
            "InviteLimitError" => Self::InviteLimit,
            "ServerError" => Self::Server,
            "APIError" => Self::Other,
            _ => return None,
        })
    }
}

/// The rate-limit headers of an answer, when the server sent them. Counts are
/// signed (never negative) so that every language, Java included, reads them
/// as plain integers.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct RateLimitInfo {
    /// `X-RateLimit-Limit`: requests allowed per window.
    #[serde(default)]
    pub limit: Option<i64>,
    /// `X-RateLimit-Remaining`: requests left in this window.
    #[serde(default)]
    pub remaining: Option<i64>,
    /// `X-RateLimit-Reset`: when the window resets.
    #[serde(default)]
    pub reset_at: Option<DateTime<Utc>>,
}

/// An error answer from the server, with everything needed to act on it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError {
    /// The error family.
    pub kind: ApiErrorKind,
    /// HTTP status.
    pub status: u16,
    /// The API's code (`NOT_FOUND`, …): from the body, else derived from the
    /// message or status, else `UNKNOWN`.
    pub code: String,
    /// The server's text.
    pub message: String,
    /// The raw body, truncated.
    pub body: String,
    /// The operation, e.g. `models.create`.
    pub operation: String,
    /// Rate-limit headers, if any.
    pub rate_limit: RateLimitInfo,
    /// The server's `Retry-After`, if any.
    pub retry_after: Option<Duration>,
    /// Every header of the answer.
    pub headers: Headers,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} in {}: HTTP {} {}: {}",
            self.kind.class_name(),
            self.operation,
            self.status,
            self.code,
            self.message
        )
    }
}

impl std::error::Error for ApiError {}

impl From<ApiError> for Error {
    fn from(err: ApiError) -> Self {
        Self::Api(Box::new(err))
    }
}

impl Error {
    /// The class name used in every language (`InvalidArgumentError`, `NotFoundError`, …).
    pub fn class_name(&self) -> &'static str {
        match self {
            Self::InvalidArgument { .. } => "InvalidArgumentError",
            Self::Api(api) => api.kind.class_name(),
            Self::Connection { .. } => "APIConnectionError",
            Self::Timeout { .. } => "APITimeoutError",
            Self::ResponseDecode { .. } => "ResponseDecodeError",
            Self::WebhookVerification { .. } => "WebhookVerificationError",
        }
    }

    /// The server error, when this is one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(api) => Some(api),
            _ => None,
        }
    }

    /// Whether no answer came: a connection failure or a timeout. A timeout is
    /// a kind of connection error in every language (`APITimeoutError`
    /// extends `APIConnectionError`).
    pub fn is_connection(&self) -> bool {
        matches!(self, Self::Connection { .. } | Self::Timeout { .. })
    }

    /// Whether an attempt or a `models.wait` ran out of time.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Self::Timeout { .. })
    }

    /// The rate-limit headers of the answer, for every server error (their
    /// fields are empty when the server sent none).
    pub fn rate_limit(&self) -> Option<&RateLimitInfo> {
        self.as_api().map(|api| &api.rate_limit)
    }

    /// The HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(api) => Some(api.status),
            Self::ResponseDecode { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API error code, when the server answered with an error.
    pub fn code(&self) -> Option<&str> {
        self.as_api().map(|api| api.code.as_str())
    }

    /// The bare message, without the class or operation prefix.
    pub fn message(&self) -> &str {
        match self {
            Self::InvalidArgument { message }
            | Self::Connection { message, .. }
            | Self::Timeout { message, .. }
            | Self::ResponseDecode { message, .. }
            | Self::WebhookVerification { message } => message,
            Self::Api(api) => &api.message,
        }
    }

    /// Whether a request may have reached the server (so a credit-consuming
    /// call might have gone through). False for local and webhook errors.
    pub fn may_have_reached_server(&self) -> bool {
        match self {
            Self::Connection {
                may_have_reached_server,
                ..
            }
            | Self::Timeout {
                may_have_reached_server,
                ..
            } => *may_have_reached_server,
            Self::Api(_) | Self::ResponseDecode { .. } => true,
            Self::InvalidArgument { .. } | Self::WebhookVerification { .. } => false,
        }
    }

    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::InvalidArgument {
            message: message.into(),
        }
    }

    pub(crate) fn webhook(message: impl Into<String>) -> Self {
        Self::WebhookVerification {
            message: message.into(),
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
