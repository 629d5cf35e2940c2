//! The SDK's error hierarchy as one uniffi error: a Swift `Error` enum whose
//! cases are the SPEC's class names, and a Kotlin sealed
//! `HeadshotProException` whose subclasses end in `Exception`.
//!
//! Neither language can give the cases a common parent class, so the families
//! are methods every case answers: `isApiError()` (every server error, each
//! carrying one [`ApiErrorDetails`] record, rate-limit headers included),
//! `isConnectionError()` (no answer: a refused connection or a timeout),
//! `apiDetails()`, `className()`, `operation()` and `mayHaveReachedServer()`.
//! `toString()` / `description` is the full one-line description.
//!
//! Nothing here formats the API key: the core never puts it in a message.

use std::fmt;
use std::time::Duration;

use headshotpro::{ApiError, ApiErrorKind, Error, RateLimitInfo};

/// Everything a server error carries, whatever its class. Numbers are
/// signed so Java can read them.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ApiErrorDetails {
    /// HTTP status.
    pub status: i32,
    /// The API's code (`NOT_FOUND`, …), or `UNKNOWN`.
    pub code: String,
    /// The server's text.
    pub message: String,
    /// The raw body, truncated.
    pub body: String,
    /// The operation, e.g. `invites.create`.
    pub operation: String,
    /// The server's `Retry-After`, if sent.
    pub retry_after: Option<Duration>,
    /// The `X-RateLimit-*` headers of the answer (fields unset when not sent).
    pub rate_limit: RateLimitInfo,
}

impl fmt::Display for ApiErrorDetails {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "in {}: HTTP {} {}: {}",
            self.operation, self.status, self.code, self.message
        )
    }
}

/// Every failure of the SDK.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi::export(Display)]
#[non_exhaustive]
pub enum HeadshotProError {
    /// Rejected locally before anything was sent (bad email, empty id, missing key…).
    #[error("InvalidArgumentError: {message}")]
    InvalidArgumentError {
        /// What was wrong.
        message: String,
    },
    /// 400: INVALID_REQUEST, INVALID_EMAIL, ALREADY_EXISTS, ALREADY_DELETED.
    #[error("BadRequestError {details}")]
    BadRequestError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 401: a missing or wrong API key.
    #[error("AuthenticationError {details}")]
    AuthenticationError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 402, or INSUFFICIENT_CREDITS at any status.
    #[error("InsufficientCreditsError {details}")]
    InsufficientCreditsError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 403, e.g. whitelabel not enabled.
    #[error("PermissionDeniedError {details}")]
    PermissionDeniedError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 404.
    #[error("NotFoundError {details}")]
    NotFoundError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 429 RATE_LIMIT_EXCEEDED, after the retries ran out.
    #[error("RateLimitError {details}")]
    RateLimitError {
        /// The server's answer; `retryAfter` and `rateLimit.resetAt` say when to retry.
        details: ApiErrorDetails,
    },
    /// 429 INVITE_LIMIT_EXCEEDED: too many pending invites; never retried.
    #[error("InviteLimitError {details}")]
    InviteLimitError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// 5xx.
    #[error("ServerError {details}")]
    ServerError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// Any other error answer (another status, or `success: false` on a 2xx).
    #[error("APIError {details}")]
    APIError {
        /// The server's answer.
        details: ApiErrorDetails,
    },
    /// No answer: refused, reset, DNS or TLS failure.
    #[error("APIConnectionError in {operation}: {message}")]
    APIConnectionError {
        /// What the transport reported.
        message: String,
        /// The operation.
        operation: String,
        /// False only when the request provably never reached the server.
        may_have_reached_server: bool,
    },
    /// The attempt (or a `models.wait`) ran out of time: a connection error
    /// too (`isConnectionError()`).
    #[error("APITimeoutError in {operation}: {message}")]
    APITimeoutError {
        /// What timed out.
        message: String,
        /// The operation.
        operation: String,
        /// False only when the request provably never reached the server.
        may_have_reached_server: bool,
    },
    /// A 2xx answer whose body is not what the API reference documents.
    #[error("ResponseDecodeError in {operation}: HTTP {status}: {message}")]
    ResponseDecodeError {
        /// HTTP status.
        status: i32,
        /// Why decoding failed.
        message: String,
        /// The raw body, truncated.
        body: String,
        /// The operation.
        operation: String,
    },
    /// A webhook whose signature, timestamp or payload is not acceptable.
    #[error("WebhookVerificationError: {message}")]
    WebhookVerificationError {
        /// Why the webhook was rejected.
        message: String,
    },
    /// A bug inside the SDK: a panic while running `operation`, reported
    /// instead of crashing the app.
    #[error("InternalError in {operation}: {message}")]
    InternalError {
        /// What went wrong.
        message: String,
        /// The operation.
        operation: String,
    },
}

#[uniffi::export]
impl HeadshotProError {
    /// The class name shared by every language (`NotFoundError`, …).
    pub fn class_name(&self) -> String {
        let name = match self {
            Self::InvalidArgumentError { .. } => "InvalidArgumentError",
            Self::BadRequestError { .. } => "BadRequestError",
            Self::AuthenticationError { .. } => "AuthenticationError",
            Self::InsufficientCreditsError { .. } => "InsufficientCreditsError",
            Self::PermissionDeniedError { .. } => "PermissionDeniedError",
            Self::NotFoundError { .. } => "NotFoundError",
            Self::RateLimitError { .. } => "RateLimitError",
            Self::InviteLimitError { .. } => "InviteLimitError",
            Self::ServerError { .. } => "ServerError",
            Self::APIError { .. } => "APIError",
            Self::APIConnectionError { .. } => "APIConnectionError",
            Self::APITimeoutError { .. } => "APITimeoutError",
            Self::ResponseDecodeError { .. } => "ResponseDecodeError",
            Self::WebhookVerificationError { .. } => "WebhookVerificationError",
            Self::InternalError { .. } => "InternalError",
        };
        name.to_owned()
    }

    /// Whether the server answered with an error (`APIError` and every class
    /// under it); [`Self::api_details`] then gives what it said.
    pub fn is_api_error(&self) -> bool {
        self.details().is_some()
    }

    /// Whether no answer came: a connection failure or a timeout.
    pub fn is_connection_error(&self) -> bool {
        matches!(
            self,
            Self::APIConnectionError { .. } | Self::APITimeoutError { .. }
        )
    }

    /// The server's answer, for every API error; none for other failures.
    pub fn api_details(&self) -> Option<ApiErrorDetails> {
        self.details().cloned()
    }

    /// The operation that failed (`invites.create`, …), when a call failed.
    pub fn operation(&self) -> Option<String> {
        match self {
            Self::APIConnectionError { operation, .. }
            | Self::APITimeoutError { operation, .. }
            | Self::ResponseDecodeError { operation, .. }
            | Self::InternalError { operation, .. } => Some(operation.clone()),
            other => other.details().map(|details| details.operation.clone()),
        }
    }

    /// Whether the request may have been processed, so that a
    /// credit-consuming call might have gone through.
    pub fn may_have_reached_server(&self) -> bool {
        match self {
            Self::APIConnectionError {
                may_have_reached_server,
                ..
            }
            | Self::APITimeoutError {
                may_have_reached_server,
                ..
            } => *may_have_reached_server,
            Self::ResponseDecodeError { .. } | Self::InternalError { .. } => true,
            other => other.is_api_error(),
        }
    }
}

impl HeadshotProError {
    /// A panic inside `operation`.
    pub(crate) fn internal(operation: &str, message: String) -> Self {
        Self::InternalError {
            message,
            operation: operation.to_owned(),
        }
    }

    fn details(&self) -> Option<&ApiErrorDetails> {
        match self {
            Self::BadRequestError { details }
            | Self::AuthenticationError { details }
            | Self::InsufficientCreditsError { details }
            | Self::PermissionDeniedError { details }
            | Self::NotFoundError { details }
            | Self::RateLimitError { details }
            | Self::InviteLimitError { details }
            | Self::ServerError { details }
            | Self::APIError { details } => Some(details),
            _ => None,
        }
    }
}

/// How the core names the setting that allows plain http, in every language.
const CLEAR_TEXT_SETTING: &str =
    "set the client option allow_insecure_http (allowInsecureHttp in Node, Swift and Kotlin) to true";

/// The core's names of client options, and how `ClientOptions` spells them
/// in Swift and Kotlin.
const OPTION_NAMES: &[(&str, &str)] = &[
    ("max_requests_per_minute", "maxRequestsPerMinute"),
    ("extra_root_certificates", "extraRootCertificates"),
];

/// The core's message in the host language's terms: options carry their
/// `ClientOptions` names, and the refusal of plain http shows how to set the
/// option there.
fn localised(message: String) -> String {
    let message = OPTION_NAMES
        .iter()
        .fold(message, |text, (core, here)| text.replace(core, here));
    let setting = match crate::platform::host_language() {
        "kotlin" => "pass ClientOptions(allowInsecureHttp = true)",
        "swift" => "pass ClientOptions(allowInsecureHttp: true)",
        _ => return message,
    };
    message.replace(CLEAR_TEXT_SETTING, setting)
}

impl From<Error> for HeadshotProError {
    fn from(err: Error) -> Self {
        match err {
            Error::InvalidArgument { message } => Self::InvalidArgumentError {
                message: localised(message),
            },
            Error::Api(api) => from_api(*api),
            Error::Connection {
                operation,
                message,
                may_have_reached_server,
            } => Self::APIConnectionError {
                message,
                operation,
                may_have_reached_server,
            },
            Error::Timeout {
                operation,
                message,
                may_have_reached_server,
            } => Self::APITimeoutError {
                message,
                operation,
                may_have_reached_server,
            },
            Error::ResponseDecode {
                operation,
                status,
                message,
                body,
            } => Self::ResponseDecodeError {
                status: status.into(),
                message,
                body,
                operation,
            },
            Error::WebhookVerification { message } => Self::WebhookVerificationError { message },
            // A family added to the core later: its message is kept, and it
            // arrives as an invalid argument until this mapping learns it.
            other => Self::InvalidArgumentError {
                message: other.to_string(),
            },
        }
    }
}

/// What a Swift or Kotlin callback (a progress listener, log handler or
/// hook) threw that is not a `HeadshotProError`.
impl From<uniffi::UnexpectedUniFFICallbackError> for HeadshotProError {
    fn from(error: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Self::InternalError {
            message: error.reason,
            operation: "callback".to_owned(),
        }
    }
}

fn from_api(api: ApiError) -> HeadshotProError {
    let details = ApiErrorDetails {
        status: api.status.into(),
        code: api.code,
        message: api.message,
        body: api.body,
        operation: api.operation,
        retry_after: api.retry_after,
        rate_limit: api.rate_limit,
    };
    match api.kind {
        ApiErrorKind::BadRequest => HeadshotProError::BadRequestError { details },
        ApiErrorKind::Authentication => HeadshotProError::AuthenticationError { details },
        ApiErrorKind::InsufficientCredits => HeadshotProError::InsufficientCreditsError { details },
        ApiErrorKind::PermissionDenied => HeadshotProError::PermissionDeniedError { details },
        ApiErrorKind::NotFound => HeadshotProError::NotFoundError { details },
        ApiErrorKind::RateLimit => HeadshotProError::RateLimitError { details },
        ApiErrorKind::InviteLimit => HeadshotProError::InviteLimitError { details },
        ApiErrorKind::Server => HeadshotProError::ServerError { details },
        _ => HeadshotProError::APIError { details },
    }
}
