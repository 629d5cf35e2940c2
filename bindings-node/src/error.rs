//! Core errors as a plain record the JS layer turns into `Error` classes.

use chrono::{DateTime, Utc};
use headshotpro::Error;
use napi_derive::napi;

/// How the core names the setting that allows plain http, in every language.
const CLEAR_TEXT_SETTING: &str =
    "set the client option allow_insecure_http (allowInsecureHttp in Node, Swift and Kotlin) to true";

/// Settings the core names in snake_case, with their Node names.
const SETTING_NAMES: [(&str, &str); 2] = [
    ("max_requests_per_minute", "maxRequestsPerMinute"),
    ("extra_root_certificates", "extraRootCertificates"),
];

/// Everything the JS layer needs to build the error class named by
/// `className` (core's `Error::class_name()`, or `APIUserAbortError` for an
/// aborted call). Never contains the API key: core errors never do.
#[napi(object)]
pub struct NativeError {
    /// The SDK-wide class name, e.g. `NotFoundError`.
    pub class_name: String,
    /// The bare message: the server's text for API errors.
    pub message: String,
    /// HTTP status, when the server answered.
    pub status: Option<u32>,
    /// The API error code (`NOT_FOUND`, …), for API errors.
    pub code: Option<String>,
    /// The raw answer body, truncated.
    pub body: Option<String>,
    /// The operation, e.g. `models.create`.
    pub operation: Option<String>,
    /// The server's `Retry-After`, in seconds.
    pub retry_after_sec: Option<f64>,
    /// `X-RateLimit-Limit`.
    pub rate_limit_limit: Option<f64>,
    /// `X-RateLimit-Remaining`.
    pub rate_limit_remaining: Option<f64>,
    /// `X-RateLimit-Reset`.
    pub reset_at: Option<DateTime<Utc>>,
    /// Whether the request may have reached the server.
    pub may_have_reached_server: bool,
}

impl NativeError {
    fn bare(class_name: &str, message: String, may_have_reached_server: bool) -> Self {
        Self {
            class_name: class_name.to_owned(),
            message,
            status: None,
            code: None,
            body: None,
            operation: None,
            retry_after_sec: None,
            rate_limit_limit: None,
            rate_limit_remaining: None,
            reset_at: None,
            may_have_reached_server,
        }
    }

    /// The call was cancelled through its `AbortSignal`.
    pub(crate) fn aborted() -> Self {
        Self::bare("APIUserAbortError", "Request was aborted.".to_owned(), true)
    }

    /// A bug inside the SDK (a panic while running `operation`, given by its
    /// native name: `invites_create` names `invites.create`), reported instead
    /// of crashing Node or leaving the promise pending.
    pub(crate) fn internal(operation: &str, what: &str) -> Self {
        let operation = operation.replacen('_', ".", 1);
        let mut out = Self::bare(
            "HeadshotProError",
            format!("internal error in headshotpro during {operation}: {what}"),
            true,
        );
        out.operation = Some(operation);
        out
    }

    /// A client-construction error in Node's terms: the refusal of plain http
    /// names the option to set, and settings carry their Node names.
    pub(crate) fn construction(err: Error) -> Self {
        match err {
            Error::InvalidArgument { message } => {
                let message = message.replace(
                    CLEAR_TEXT_SETTING,
                    "pass allowInsecureHttp: true in the client options",
                );
                Self::invalid(
                    SETTING_NAMES
                        .iter()
                        .fold(message, |text, (core, node)| text.replace(core, node)),
                )
            }
            other => Self::from(&other),
        }
    }

    /// An error of a class that has no core counterpart (e.g. a closed mock
    /// server), with the HTTP-like `status` and `code` when there are some.
    #[cfg(feature = "testing")]
    pub(crate) fn of_class(
        class_name: &str,
        message: String,
        status: Option<u32>,
        code: Option<&str>,
    ) -> Self {
        let mut out = Self::bare(class_name, message, false);
        out.status = status;
        out.code = code.map(str::to_owned);
        out
    }

    /// A JS argument that could not be converted (e.g. a negative timeout).
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self::from(&Error::InvalidArgument {
            message: message.into(),
        })
    }
}

impl From<Error> for NativeError {
    fn from(err: Error) -> Self {
        Self::from(&err)
    }
}

impl From<&Error> for NativeError {
    fn from(err: &Error) -> Self {
        let mut out = Self::bare(
            err.class_name(),
            err.message().to_owned(),
            err.may_have_reached_server(),
        );
        out.status = err.status().map(u32::from);
        out.code = err.code().map(str::to_owned);
        match err {
            Error::Api(api) => {
                out.body = Some(api.body.clone());
                out.operation = Some(api.operation.clone());
                out.retry_after_sec = api.retry_after.map(|d| d.as_secs_f64());
                out.rate_limit_limit = api.rate_limit.limit.map(|n| n as f64);
                out.rate_limit_remaining = api.rate_limit.remaining.map(|n| n as f64);
                out.reset_at = api.rate_limit.reset_at;
            }
            Error::Connection { operation, .. } | Error::Timeout { operation, .. } => {
                out.operation = Some(operation.clone());
            }
            Error::ResponseDecode {
                operation, body, ..
            } => {
                out.operation = Some(operation.clone());
                out.body = Some(body.clone());
            }
            _ => {}
        }
        out
    }
}
