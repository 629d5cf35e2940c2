//! When to try again and how long to wait first.

use std::time::Duration;

use chrono::Utc;

use crate::error::{ApiError, ApiErrorKind, Error};
use crate::rate_limit::until;

/// First backoff step.
const BASE: Duration = Duration::from_millis(500);
/// Longest backoff step.
const CAP: Duration = Duration::from_secs(8);
/// Longest wait honoured from `Retry-After` / `X-RateLimit-Reset`.
pub(crate) const MAX_SERVER_WAIT: Duration = Duration::from_secs(60);

/// Whether a failed attempt may be retried. Idempotent calls (GET, PUT,
/// DELETE) retry transient failures; a POST only when the request provably
/// was not processed: nothing reached the server, or HTTP 429
/// RATE_LIMIT_EXCEEDED (a 429 without a code counts as one).
pub(crate) fn should_retry(idempotent: bool, error: &Error) -> bool {
    match error {
        Error::Connection {
            may_have_reached_server,
            ..
        }
        | Error::Timeout {
            may_have_reached_server,
            ..
        } => idempotent || !may_have_reached_server,
        Error::Api(api) => {
            is_rate_limited(api)
                || (idempotent && matches!(api.status, 408 | 500 | 502 | 503 | 504))
        }
        _ => false,
    }
}

/// An HTTP 429 classed as a rate limit (code RATE_LIMIT_EXCEEDED, no code, or
/// a code this SDK does not know): the server refused without processing.
/// The class alone is not enough: a code can say RATE_LIMIT_EXCEEDED at any
/// status, and only a 429 proves nothing was done.
pub(crate) fn is_rate_limited(api: &ApiError) -> bool {
    api.status == 429 && api.kind == ApiErrorKind::RateLimit
}

/// Whether the server may have processed the call before this failure: no
/// answer after sending, a 408, or a 5xx. (A 429 proves it did not.)
pub(crate) fn may_have_processed(error: &Error) -> bool {
    match error {
        Error::Connection {
            may_have_reached_server,
            ..
        }
        | Error::Timeout {
            may_have_reached_server,
            ..
        } => *may_have_reached_server,
        Error::Api(api) => api.status == 408 || (500..=599).contains(&api.status),
        _ => false,
    }
}

/// A failure after which a create is resent to reconcile: a timeout or a
/// reset after sending, or a 502/503/504 (a gateway that lost the answer).
pub(crate) fn is_ambiguous(error: &Error) -> bool {
    match error {
        Error::Api(api) => matches!(api.status, 502..=504),
        _ => error.is_connection() && error.may_have_reached_server(),
    }
}

/// The object of a DELETE no longer exists.
pub(crate) fn is_gone(error: &Error) -> bool {
    error.as_api().is_some_and(|api| {
        api.code == "ALREADY_DELETED"
            || api.code == "NOT_FOUND"
            || api.kind == ApiErrorKind::NotFound
    })
}

/// A create met the server's uniqueness rule.
pub(crate) fn is_already_exists(error: &Error) -> bool {
    error.code() == Some("ALREADY_EXISTS")
}

/// How long to wait before retry number `retry` (0 for the first retry):
/// the server's wait on a 429, else exponential backoff with full jitter.
pub(crate) fn delay(retry: u32, error: &Error) -> Duration {
    if let Some(wait) = server_wait(error) {
        return wait.min(MAX_SERVER_WAIT);
    }
    let ceiling = BASE
        .saturating_mul(2u32.saturating_pow(retry.min(16)))
        .min(CAP);
    ceiling.mul_f64(fastrand::f64())
}

/// `Retry-After`, else the time until `X-RateLimit-Reset`, for a 429.
fn server_wait(error: &Error) -> Option<Duration> {
    let api = error.as_api().filter(|a| is_rate_limited(a))?;
    api.retry_after
        .or_else(|| api.rate_limit.reset_at.map(|at| until(at, Utc::now())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::RateLimitInfo;

    fn api(status: u16, kind: ApiErrorKind) -> Error {
        let code = match kind {
            ApiErrorKind::RateLimit => "RATE_LIMIT_EXCEEDED",
            ApiErrorKind::InviteLimit => "INVITE_LIMIT_EXCEEDED",
            _ => "UNKNOWN",
        };
        Error::from(ApiError {
            kind,
            status,
            code: code.to_owned(),
            message: String::new(),
            body: String::new(),
            operation: "op".into(),
            rate_limit: RateLimitInfo::default(),
            retry_after: None,
            headers: Default::default(),
        })
    }

    fn connection(reached: bool) -> Error {
        Error::Connection {
            operation: "op".into(),
            message: String::new(),
            may_have_reached_server: reached,
        }
    }

    #[test]
    fn post_retries_only_when_not_processed() {
        assert!(should_retry(false, &connection(false)));
        assert!(!should_retry(false, &connection(true)));
        assert!(!should_retry(false, &api(500, ApiErrorKind::Server)));
        assert!(should_retry(false, &api(429, ApiErrorKind::RateLimit)));
        assert!(!should_retry(false, &api(400, ApiErrorKind::RateLimit)));
        assert!(!should_retry(false, &api(500, ApiErrorKind::RateLimit)));
        assert!(!should_retry(false, &api(429, ApiErrorKind::InviteLimit)));
    }

    #[test]
    fn idempotent_retries_transient_failures() {
        assert!(should_retry(true, &connection(true)));
        for s in [408, 500, 502, 503, 504] {
            assert!(should_retry(true, &api(s, ApiErrorKind::Other)), "{s}");
        }
        assert!(should_retry(true, &api(429, ApiErrorKind::RateLimit)));
        assert!(!should_retry(true, &api(501, ApiErrorKind::Server)));
        assert!(!should_retry(true, &api(404, ApiErrorKind::NotFound)));
        assert!(!should_retry(true, &api(429, ApiErrorKind::InviteLimit)));
    }

    #[test]
    fn backoff_is_jittered_and_capped() {
        for retry in 0..20 {
            let d = delay(retry, &connection(false));
            assert!(d <= CAP);
        }
        let mut e = api(429, ApiErrorKind::RateLimit);
        if let Error::Api(a) = &mut e {
            a.retry_after = Some(Duration::from_secs(3600));
        }
        assert_eq!(delay(0, &e), MAX_SERVER_WAIT);
    }
}
