//! Client settings and the builder that checks them.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;

use crate::custom_headers::{AppInfo, CustomHeaders};
use crate::error::{Error, Result};
use crate::hooks::{Hooks, RequestEvent, ResponseEvent};
use crate::log::{env_log_level, LogLevel, LogSink, SharedLogSink, StderrSink};
use crate::observers::Observers;
use crate::proxy::ProxyUrl;
use crate::secret::ApiKey;
use crate::tls::ExtraRoots;

/// The production API.
pub const DEFAULT_BASE_URL: &str = "https://server.headshotpro.com";
/// Per-attempt timeout.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Connect timeout.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Retries after the first attempt.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Environment variable read for the API key.
pub const ENV_API_KEY: &str = "HEADSHOTPRO_API_KEY";
/// Environment variable read for the base URL.
pub const ENV_BASE_URL: &str = "HEADSHOTPRO_BASE_URL";
/// This crate's version, sent in the user agent.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Checked settings of a client.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub api_key: ApiKey,
    pub base_url: String,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    pub user_agent: String,
    /// The explicit proxy, if any (checked).
    pub proxy: Option<ProxyUrl>,
    /// Roots trusted besides the platform's.
    pub extra_roots: ExtraRoots,
    /// The local cap on requests per minute, if any.
    pub max_requests_per_minute: Option<u32>,
    /// Extra headers sent with every request.
    pub custom_headers: CustomHeaders,
    /// The application named in the user agent, if any.
    pub app_info: Option<AppInfo>,
    /// The log threshold, sink and hooks.
    pub observers: Arc<Observers>,
}

/// The logging and hook settings of a builder.
#[derive(Clone, Default)]
struct Observing {
    level: Option<LogLevel>,
    sink: Option<SharedLogSink>,
    hooks: Hooks,
}

impl fmt::Debug for Observing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Observing")
            .field("level", &self.level)
            .field("sink", &self.sink.as_ref().map(|_| "<sink>"))
            .field("hooks", &self.hooks)
            .finish()
    }
}

/// Builds a [`crate::Client`]. Unset values come from the environment
/// (`HEADSHOTPRO_API_KEY`, `HEADSHOTPRO_BASE_URL`), then the defaults.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    api_key: Option<ApiKey>,
    base_url: Option<String>,
    timeout: Option<Duration>,
    connect_timeout: Option<Duration>,
    max_retries: Option<u32>,
    user_agent_prefix: Option<String>,
    allow_insecure_http: bool,
    proxy: Option<ProxyUrl>,
    extra_roots: Option<Result<ExtraRoots>>,
    max_requests_per_minute: Option<u32>,
    default_headers: CustomHeaders,
    app_info: Option<AppInfo>,
    observing: Observing,
}

impl ClientBuilder {
    /// The API key (else `HEADSHOTPRO_API_KEY`).
    pub fn api_key(mut self, key: impl Into<ApiKey>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// The API's base URL (else `HEADSHOTPRO_BASE_URL`, else production).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Time allowed for each attempt, from connecting to the last byte (60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time allowed to connect (10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt (2); 0 disables retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// The first part of the user agent, e.g. `headshotpro-python/1.2.0`;
    /// ` core/<version>` is appended. Bindings set their own.
    pub fn user_agent_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.user_agent_prefix = Some(prefix.into());
        self
    }

    /// Allows `http://` to hosts other than loopback. The key then travels in
    /// clear text: only for trusted networks.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Sends every request through this proxy (`http://` or `https://`, with
    /// optional `user:password@`), instead of the system's proxies. Requests to
    /// loopback hosts never go through a proxy.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(ProxyUrl::new(url));
        self
    }

    /// Also trusts these root certificates (PEM text, one or more
    /// `CERTIFICATE` blocks): a corporate CA, or the mock's `--tls`
    /// certificate. The platform's roots stay trusted.
    pub fn extra_root_certificates(mut self, pem: impl AsRef<[u8]>) -> Self {
        self.extra_roots = Some(ExtraRoots::from_pem(pem.as_ref()));
        self
    }

    /// Sends at most this many requests in any 60 seconds, below the
    /// server's own limit (300 a minute, 1,000 on Enterprise); calls past it
    /// wait in the client. Shared by every clone and `with_options` child.
    pub fn max_requests_per_minute(mut self, limit: u32) -> Self {
        self.max_requests_per_minute = Some(limit);
        self
    }

    /// Headers sent with every request of the client and its
    /// `with_options` children (a call's own headers win). Checked when
    /// built: see [`CustomHeaders`].
    pub fn default_headers(mut self, headers: CustomHeaders) -> Self {
        self.default_headers = headers;
        self
    }

    /// Names your application in the user agent, after the SDK's own:
    /// `headshotpro-rust/0.1.0 core/0.1.0 Acme/1.2 (https://acme.example)`.
    pub fn app_info(mut self, app: AppInfo) -> Self {
        self.app_info = Some(app);
        self
    }

    /// The most detailed records the log sink receives: `Info` gives one
    /// line per attempt, `Debug` adds the (redacted) bodies. Default: the
    /// `HEADSHOTPRO_LOG` environment variable, else `Off`. `tracing`
    /// events are emitted whatever this says; the subscriber filters them.
    pub fn log_level(mut self, level: LogLevel) -> Self {
        self.observing.level = Some(level);
        self
    }

    /// Where log records go besides `tracing`: a binding's bridge to its
    /// language's logger, or any `Fn(&LogRecord)`. Without one, a client
    /// whose level is not `Off` writes to standard error ([`StderrSink`]).
    pub fn log_sink(mut self, sink: impl LogSink + 'static) -> Self {
        self.observing.sink = Some(Arc::new(sink));
        self
    }

    /// [`ClientBuilder::log_sink`] with a sink already shared.
    pub fn shared_log_sink(mut self, sink: SharedLogSink) -> Self {
        self.observing.sink = Some(sink);
        self
    }

    /// Calls `hook` before each attempt is sent (each retry too). Several
    /// hooks run in the order added. Shared by every clone and
    /// `with_options` child; a hook that panics is logged and ignored.
    pub fn on_request(mut self, hook: impl Fn(&RequestEvent<'_>) + Send + Sync + 'static) -> Self {
        self.observing.hooks.on_request.push(Arc::new(hook));
        self
    }

    /// Calls `hook` after each attempt, with its status (when answered),
    /// duration and error class (when it failed).
    pub fn on_response(
        mut self,
        hook: impl Fn(&ResponseEvent<'_>) + Send + Sync + 'static,
    ) -> Self {
        self.observing.hooks.on_response.push(Arc::new(hook));
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<crate::Client> {
        crate::Client::from_config(self.into_config()?)
    }

    pub(crate) fn into_config(self) -> Result<Config> {
        let api_key = self
            .api_key
            .or_else(|| std::env::var(ENV_API_KEY).ok().map(ApiKey::new))
            .ok_or_else(|| {
                Error::invalid(format!(
                    "no API key: pass one or set the {ENV_API_KEY} environment variable"
                ))
            })?;
        if api_key.is_blank() {
            return Err(Error::invalid("the API key is empty"));
        }
        if !api_key.expose().bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::invalid(
                "the API key contains characters that cannot be sent in an HTTP header",
            ));
        }
        let base_url = self
            .base_url
            .or_else(|| std::env::var(ENV_BASE_URL).ok().filter(|u| !u.is_empty()))
            .unwrap_or_else(|| DEFAULT_BASE_URL.to_owned());
        let base_url = check_base_url(&base_url, self.allow_insecure_http)?;
        if self.max_requests_per_minute == Some(0) {
            return Err(Error::invalid(
                "max_requests_per_minute must be at least 1 (leave it unset for no local cap)",
            ));
        }
        if let Some(proxy) = &self.proxy {
            proxy.url()?;
        }
        let prefix = self
            .user_agent_prefix
            .unwrap_or_else(|| format!("headshotpro-rust/{VERSION}"));
        let mut user_agent = format!("{prefix} core/{VERSION}");
        if let Some(app) = &self.app_info {
            user_agent.push(' ');
            user_agent.push_str(&app.user_agent_part()?);
        }
        let level = self.observing.level.unwrap_or_else(env_log_level);
        let sink = match self.observing.sink {
            Some(sink) => Some(sink),
            None if level != LogLevel::Off => Some(Arc::new(StderrSink) as SharedLogSink),
            None => None,
        };
        let observers = Observers::new(level, sink, self.observing.hooks, api_key.clone());
        Ok(Config {
            api_key,
            base_url,
            timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
            connect_timeout: self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
            max_retries: self.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
            user_agent,
            proxy: self.proxy,
            extra_roots: self.extra_roots.transpose()?.unwrap_or_default(),
            max_requests_per_minute: self.max_requests_per_minute,
            custom_headers: self.default_headers,
            app_info: self.app_info,
            observers: Arc::new(observers),
        })
    }
}

/// Settings that [`crate::Client::with_options`] changes for some calls; unset
/// ones keep the client's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// Time allowed for each attempt.
    pub timeout: Option<Duration>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Headers added to the client's own (same names replace theirs).
    pub headers: Option<CustomHeaders>,
}

impl RequestOptions {
    /// No change.
    pub fn new() -> Self {
        Self::default()
    }

    /// Another per-attempt timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Another number of retries.
    pub fn max_retries(mut self, retries: u32) -> Self {
        self.max_retries = Some(retries);
        self
    }

    /// More headers, checked when made (see [`CustomHeaders`]):
    /// `RequestOptions::new().headers(CustomHeaders::from_pairs([("X-Trace", "t1")])?)`.
    pub fn headers(mut self, headers: CustomHeaders) -> Self {
        self.headers = Some(headers);
        self
    }
}

/// Parses the base URL, refuses clear text to non-loopback hosts, and strips
/// the trailing slash.
fn check_base_url(raw: &str, allow_insecure_http: bool) -> Result<String> {
    let url = Url::parse(raw).map_err(|e| Error::invalid(format!("base URL {raw:?}: {e}")))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&url) => {}
        "http" => {
            return Err(Error::invalid(format!(
                "base URL {raw:?} uses plain http to a non-loopback host, which would send the \
                 API key in clear text; use https, or set the client option allow_insecure_http \
                 (allowInsecureHttp in Node, Swift and Kotlin) to true for a trusted network"
            )))
        }
        other => {
            return Err(Error::invalid(format!(
                "base URL {raw:?} has scheme {other:?}; expected https"
            )))
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::invalid(format!(
            "base URL {raw:?} must not have a query or fragment"
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

/// Whether the URL's host is this machine: `localhost`, 127.0.0.0/8 or ::1.
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(key: &str, url: &str) -> Result<Config> {
        ClientBuilder::default()
            .api_key(key)
            .base_url(url)
            .into_config()
    }

    #[test]
    fn refuses_clear_text_off_loopback() {
        assert!(build("k", "http://127.0.0.1:8080/").is_ok());
        assert!(build("k", "http://localhost:1").is_ok());
        assert!(build("k", "http://[::1]:1").is_ok());
        assert!(build("k", "http://example.com").is_err());
        assert!(build("k", "ftp://example.com").is_err());
        let c = ClientBuilder::default()
            .api_key("k")
            .base_url("http://10.0.0.1")
            .allow_insecure_http(true)
            .into_config()
            .unwrap();
        assert_eq!(c.base_url, "http://10.0.0.1");
    }

    #[test]
    fn blank_key_and_user_agent() {
        assert!(build("  ", "https://x.test").is_err());
        let c = build("k", "https://x.test/api/").unwrap();
        assert_eq!(c.base_url, "https://x.test/api");
        assert!(c.user_agent.starts_with("headshotpro-rust/"));
        assert!(c.user_agent.contains(" core/"));
    }
}
