//! The settings a Swift or Kotlin caller may give when building a client,
//! and those it may change for some calls.
//!
//! Numbers are signed (`Long`/`Int` in Kotlin, `Int64`/`Int32` in Swift) so
//! that plain Java can pass them; a negative one fails with
//! `InvalidArgumentError` naming the field.

use std::time::Duration;

use crate::error::HeadshotProError;

/// Client settings; every field is optional and falls back to the
/// environment (`HEADSHOTPRO_BASE_URL`) or the SDK's defaults.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct ClientOptions {
    /// The API's base URL (else `HEADSHOTPRO_BASE_URL`, else production).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Time allowed for each attempt, in milliseconds (60 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Retries after the first attempt (2); 0 disables retries.
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
    /// Time allowed to connect, in milliseconds (10 000).
    #[uniffi(default = None)]
    pub connect_timeout_ms: Option<i64>,
    /// Allows `http://` to hosts other than loopback (false). The key then
    /// travels in clear text: only for trusted networks.
    #[uniffi(default = false)]
    pub allow_insecure_http: bool,
}

/// Settings `Client.withOptions` changes for some calls; a field
/// left nil/null keeps the client's own value.
#[derive(Debug, Clone, Copy, Default, uniffi::Record)]
pub struct RequestOptions {
    /// Time allowed for each attempt, in milliseconds.
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Retries after the first attempt; 0 disables retries.
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
}

/// Milliseconds as a `Duration`, refusing a negative count.
pub(crate) fn millis(field: &str, ms: i64) -> Result<Duration, HeadshotProError> {
    u64::try_from(ms)
        .map(Duration::from_millis)
        .map_err(|_| negative(field, ms))
}

/// A retry count, refusing a negative one.
pub(crate) fn retries(field: &str, count: i32) -> Result<u32, HeadshotProError> {
    u32::try_from(count).map_err(|_| negative(field, count.into()))
}

fn negative(field: &str, value: i64) -> HeadshotProError {
    HeadshotProError::InvalidArgumentError {
        message: format!("{field} must be zero or more, got {value}"),
    }
}

impl TryFrom<RequestOptions> for headshotpro::RequestOptions {
    type Error = HeadshotProError;

    fn try_from(options: RequestOptions) -> Result<Self, HeadshotProError> {
        let mut request = Self::new();
        if let Some(ms) = options.timeout_ms {
            request = request.timeout(millis("timeoutMs", ms)?);
        }
        if let Some(count) = options.max_retries {
            request = request.max_retries(retries("maxRetries", count)?);
        }
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_negative_timeout_is_an_invalid_argument_naming_the_field() {
        let err = millis("timeoutMs", -1).unwrap_err();
        assert!(
            matches!(&err, HeadshotProError::InvalidArgumentError { message } if message == "timeoutMs must be zero or more, got -1"),
            "{err:?}"
        );
        assert_eq!(
            millis("timeoutMs", 1500).unwrap(),
            Duration::from_millis(1500)
        );
    }

    #[test]
    fn a_negative_retry_count_is_refused_and_zero_kept() {
        assert!(retries("maxRetries", -3).is_err());
        assert_eq!(retries("maxRetries", 0).unwrap(), 0);
        let options = RequestOptions {
            timeout_ms: None,
            max_retries: Some(-1),
        };
        assert!(headshotpro::RequestOptions::try_from(options).is_err());
    }
}
