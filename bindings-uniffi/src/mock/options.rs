//! How a Swift or Kotlin test starts its `MockServer`: every setting of the
//! mock, with defaults chosen for tests (webhooks at once, development models
//! stepping every 50 ms).

use std::time::Duration;

use headshotpro_mock::MockConfig;

use crate::error::HeadshotProError;
use crate::options::millis;

/// The settings of an in-process `MockServer`. Numbers are signed (Java can
/// pass them); a negative one fails with `InvalidArgumentError`.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MockServerOptions {
    /// The default organization's API key.
    #[uniffi(default = "hp_test_mock_key")]
    pub api_key: String,
    /// Its starting credits.
    #[uniffi(default = 100)]
    pub credits: i64,
    /// Whether its whitelabel endpoints answer (else 403).
    #[uniffi(default = true)]
    pub whitelabel: bool,
    /// Where its webhooks go (none: no deliveries).
    #[uniffi(default = None)]
    pub webhook_url: Option<String>,
    /// Its webhook signing secret (none: unsigned webhooks).
    #[uniffi(default = None)]
    pub webhook_secret: Option<String>,
    /// The wait before a webhook's first delivery attempt (the binary's
    /// default is 5 000).
    #[uniffi(default = 0)]
    pub webhook_delay_ms: i64,
    /// The wait between delivery attempts (4 attempts at most).
    #[uniffi(default = 50)]
    pub webhook_retry_ms: i64,
    /// The time a development model spends in each status after onboarding
    /// (the binary's default is 1 000).
    #[uniffi(default = 50)]
    pub dev_step_ms: i64,
    /// Requests allowed per rate window (none: unlimited); answers carry
    /// `X-RateLimit-*` when set.
    #[uniffi(default = None)]
    pub rate_limit: Option<i32>,
    /// The length of the rate window.
    #[uniffi(default = 60000)]
    pub rate_window_ms: i64,
    /// Pending invites allowed (none: unlimited).
    #[uniffi(default = None)]
    pub invite_limit: Option<i32>,
    /// Photos a model gets when it turns active.
    #[uniffi(default = 8)]
    pub photos_per_model: i32,
    /// How long a signed photo URL stays valid (0: expired at once).
    #[uniffi(default = 86400000)]
    pub photo_url_ttl_ms: i64,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate made at start:
    /// `caPem()` is its authority, and `client()` trusts it.
    #[uniffi(default = false)]
    pub tls: bool,
    /// The port on 127.0.0.1; 0 (the default) picks a free one, and a busy
    /// port falls back to a free one: read `url()`.
    #[uniffi(default = 0)]
    pub port: i32,
}

impl Default for MockServerOptions {
    fn default() -> Self {
        Self {
            api_key: headshotpro_mock::DEFAULT_API_KEY.to_owned(),
            credits: headshotpro_mock::DEFAULT_CREDITS,
            whitelabel: true,
            webhook_url: None,
            webhook_secret: None,
            webhook_delay_ms: 0,
            webhook_retry_ms: 50,
            dev_step_ms: 50,
            rate_limit: None,
            rate_window_ms: 60_000,
            invite_limit: None,
            photos_per_model: 8,
            photo_url_ttl_ms: 86_400_000,
            tls: false,
            port: 0,
        }
    }
}

impl MockServerOptions {
    /// The mock's configuration, every number checked.
    pub(crate) fn config(self) -> Result<MockConfig, HeadshotProError> {
        if self.credits < 0 {
            return Err(invalid(format!(
                "credits must be zero or more, got {}",
                self.credits
            )));
        }
        Ok(MockConfig {
            host: "127.0.0.1".to_owned(),
            port: u16::try_from(self.port)
                .map_err(|_| invalid(format!("port must be 0..=65535, got {}", self.port)))?,
            api_key: self.api_key,
            credits: self.credits,
            whitelabel: self.whitelabel,
            webhook_url: self.webhook_url,
            webhook_secret: self.webhook_secret,
            webhook_delay: millis("webhookDelayMs", self.webhook_delay_ms)?,
            webhook_retry: millis("webhookRetryMs", self.webhook_retry_ms)?,
            dev_step: millis("devStepMs", self.dev_step_ms)?,
            rate_limit: self.rate_limit.map(|n| count("rateLimit", n)).transpose()?,
            rate_window: positive("rateWindowMs", self.rate_window_ms)?,
            invite_limit: self
                .invite_limit
                .map(|n| count("inviteLimit", n))
                .transpose()?,
            photos_per_model: count("photosPerModel", self.photos_per_model)?,
            photo_url_ttl: millis("photoUrlTtlMs", self.photo_url_ttl_ms)?,
            tls: self.tls,
            organizations: Vec::new(),
        })
    }
}

/// A count, refusing a negative one.
pub(crate) fn count(field: &str, value: i32) -> Result<u32, HeadshotProError> {
    u32::try_from(value).map_err(|_| invalid(format!("{field} must be zero or more, got {value}")))
}

/// A duration of at least a millisecond.
pub(crate) fn positive(field: &str, ms: i64) -> Result<Duration, HeadshotProError> {
    if ms < 1 {
        return Err(invalid(format!("{field} must be at least 1, got {ms}")));
    }
    millis(field, ms)
}

fn invalid(message: String) -> HeadshotProError {
    HeadshotProError::InvalidArgumentError { message }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_fast_for_tests_and_checked() {
        let config = MockServerOptions::default().config().unwrap();
        assert_eq!(config.webhook_delay, Duration::ZERO);
        assert_eq!(config.dev_step, Duration::from_millis(50));
        assert_eq!(config.port, 0);
        assert_eq!(config.api_key, "hp_test_mock_key");

        let bad = MockServerOptions {
            dev_step_ms: -1,
            ..MockServerOptions::default()
        };
        let err = bad.config().unwrap_err().to_string();
        assert!(err.contains("devStepMs must be zero or more"), "{err}");
        let bad = MockServerOptions {
            port: 70_000,
            ..MockServerOptions::default()
        };
        assert!(bad.config().is_err());
    }
}
