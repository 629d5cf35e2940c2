//! The settings a Swift or Kotlin caller may give when building a client,
//! and those it may change for some calls.
//!
//! Numbers are signed (`Long`/`Int` in Kotlin, `Int64`/`Int32` in Swift) so
//! that plain Java can pass them; a negative one fails with
//! `InvalidArgumentError` naming the field.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use headshotpro::{AppInfo, CustomHeaders, LogLevel};

use crate::error::HeadshotProError;
use crate::observe::{self, ForeignSink, LogHandler, RequestHook, ResponseHook};

/// Client settings; every field is optional and falls back to the
/// environment (`HEADSHOTPRO_BASE_URL`, `HEADSHOTPRO_LOG`) or the SDK's
/// defaults.
///
/// Kotlin: `ClientOptions(baseUrl = …, defaultHeaders = mapOf("X-Team" to "growth"),
/// appInfo = AppInfo("AcmeOnboarding", "1.4.2"), logLevel = LogLevel.INFO,
/// logger = Slf4jLogHandler())`. Swift: `ClientOptions(appInfo: AppInfo(name:
/// "AcmeOnboarding"), logLevel: .info)`.
#[derive(Clone, Default, uniffi::Record)]
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
    /// Sends every request through this proxy (`http://` or `https://`, with
    /// optional `user:password@`) instead of the system's proxies
    /// (`HTTPS_PROXY`, …). Loopback base URLs never use a proxy.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// More root certificates to trust (PEM text, one or more `CERTIFICATE`
    /// blocks), beside the platform's: a corporate CA, or the `caPem` of a
    /// `MockServer` started with TLS.
    #[uniffi(default = None)]
    pub extra_root_certificates: Option<String>,
    /// Sends at most this many requests in any 60 seconds, below the server's
    /// own limit; calls past it wait in the client. At least 1.
    #[uniffi(default = None)]
    pub max_requests_per_minute: Option<i32>,
    /// Headers sent with every API request (never to the photo CDN). A name
    /// the SDK owns (`Authorization`, `Host`, `User-Agent`, …) or a CR/LF
    /// fails the client's construction with `InvalidArgumentError`.
    #[uniffi(default = None)]
    pub default_headers: Option<HashMap<String, String>>,
    /// Your application, appended to the user agent as `name/version (url)`;
    /// a blank part fails with `InvalidArgumentError`.
    #[uniffi(default = None)]
    pub app_info: Option<AppInfo>,
    /// The most detailed log records passed on (else `HEADSHOTPRO_LOG`,
    /// else off): `info` is one line per attempt, `debug` adds the redacted
    /// bodies.
    #[uniffi(default = None)]
    pub log_level: Option<LogLevel>,
    /// Where log records go (else the handler set with
    /// `setDefaultLogHandler`, else standard error). Only records at or
    /// above `logLevel` reach it.
    #[uniffi(default = None)]
    pub logger: Option<Arc<dyn LogHandler>>,
    /// Told before each attempt is sent.
    #[uniffi(default = None)]
    pub on_request: Option<Arc<dyn RequestHook>>,
    /// Told after each attempt ended.
    #[uniffi(default = None)]
    pub on_response: Option<Arc<dyn ResponseHook>>,
}

impl fmt::Debug for ClientOptions {
    /// The settings, with callbacks shown only as set or not.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let set = |present: bool| if present { "<set>" } else { "<none>" };
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("connect_timeout_ms", &self.connect_timeout_ms)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("proxy", &self.proxy.as_ref().map(|_| "<set>"))
            .field("max_requests_per_minute", &self.max_requests_per_minute)
            .field(
                "default_headers",
                &self.default_headers.as_ref().map(HashMap::len),
            )
            .field("app_info", &self.app_info)
            .field("log_level", &self.log_level)
            .field("logger", &set(self.logger.is_some()))
            .field("on_request", &set(self.on_request.is_some()))
            .field("on_response", &set(self.on_response.is_some()))
            .finish_non_exhaustive()
    }
}

/// Settings `Client.withOptions` changes for some calls; a field
/// left nil/null keeps the client's own value.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct RequestOptions {
    /// Time allowed for each attempt, in milliseconds.
    #[uniffi(default = None)]
    pub timeout_ms: Option<i64>,
    /// Retries after the first attempt; 0 disables retries.
    #[uniffi(default = None)]
    pub max_retries: Option<i32>,
    /// Extra headers for these calls, replacing the client's default headers
    /// of the same name (compared without regard to case). A name the SDK
    /// owns or a CR/LF fails `withOptions` with `InvalidArgumentError`.
    #[uniffi(default = None)]
    pub headers: Option<HashMap<String, String>>,
}

/// Checked headers from a map.
fn custom_headers(map: HashMap<String, String>) -> Result<CustomHeaders, HeadshotProError> {
    Ok(CustomHeaders::from_pairs(map)?)
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

impl ClientOptions {
    /// A core client builder with these settings applied (the key and user
    /// agent are the caller's to add).
    pub(crate) fn apply(
        self,
        mut builder: headshotpro::ClientBuilder,
    ) -> Result<headshotpro::ClientBuilder, HeadshotProError> {
        if let Some(url) = self.base_url {
            builder = builder.base_url(url);
        }
        if let Some(ms) = self.timeout_ms {
            builder = builder.timeout(millis("timeoutMs", ms)?);
        }
        if let Some(ms) = self.connect_timeout_ms {
            builder = builder.connect_timeout(millis("connectTimeoutMs", ms)?);
        }
        if let Some(count) = self.max_retries {
            builder = builder.max_retries(retries("maxRetries", count)?);
        }
        if let Some(proxy) = self.proxy {
            builder = builder.proxy(proxy);
        }
        if let Some(pem) = self.extra_root_certificates {
            builder = builder.extra_root_certificates(pem);
        }
        if let Some(limit) = self.max_requests_per_minute {
            builder = builder.max_requests_per_minute(retries("maxRequestsPerMinute", limit)?);
        }
        if let Some(headers) = self.default_headers {
            builder = builder.default_headers(custom_headers(headers)?);
        }
        if let Some(app) = self.app_info {
            builder = builder.app_info(app);
        }
        if let Some(level) = self.log_level {
            builder = builder.log_level(level);
        }
        if let Some(handler) = self.logger.or_else(observe::default_handler) {
            builder = builder.log_sink(ForeignSink(handler));
        }
        if let Some(hook) = self.on_request {
            builder = builder.on_request(observe::request_hook(hook));
        }
        if let Some(hook) = self.on_response {
            builder = builder.on_response(observe::response_hook(hook));
        }
        Ok(builder.allow_insecure_http(self.allow_insecure_http))
    }
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
        if let Some(headers) = options.headers {
            request = request.headers(custom_headers(headers)?);
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
            max_retries: Some(-1),
            ..RequestOptions::default()
        };
        assert!(headshotpro::RequestOptions::try_from(options).is_err());
    }

    #[test]
    fn a_negative_rate_cap_is_refused_naming_the_field() {
        let options = ClientOptions {
            max_requests_per_minute: Some(-5),
            ..ClientOptions::default()
        };
        let err = options.apply(headshotpro::Client::builder()).unwrap_err();
        assert!(
            err.to_string()
                .contains("maxRequestsPerMinute must be zero or more, got -5"),
            "{err}"
        );
    }
}
