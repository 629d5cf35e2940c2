//! The native client: builds a core `Client` from the JS settings. Its
//! operations are declared in [`crate::operations`].

use std::time::Duration;

use headshotpro::{AppInfo, ClientBuilder, CustomHeaders, RequestOptions, ResponseCapture};
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::NativeError;
use crate::observe::{HookFn, Hooks, LogFn};
use crate::types_v2::RateLimit;

/// Settings of a client; unset ones fall back to the environment, then core's defaults.
#[napi(object, object_to_js = false)]
pub struct ClientOptions {
    /// The API key (else `HEADSHOTPRO_API_KEY`).
    pub api_key: Option<String>,
    /// The base URL (else `HEADSHOTPRO_BASE_URL`, else production).
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (60000).
    pub timeout_ms: Option<f64>,
    /// Connect timeout in milliseconds (10000).
    pub connect_timeout_ms: Option<f64>,
    /// Retries after the first attempt (2); 0 disables them.
    pub max_retries: Option<u32>,
    /// Allows plain `http://` to non-loopback hosts.
    pub allow_insecure_http: Option<bool>,
    /// Every request through this proxy (else the system's; never for loopback).
    pub proxy: Option<String>,
    /// PEM root certificates trusted besides the system's.
    pub extra_root_certificates: Option<Buffer>,
    /// At most this many requests in any 60 seconds.
    pub max_requests_per_minute: Option<u32>,
    /// Headers sent with every API request, in the order given.
    pub default_headers: Option<Vec<HeaderPair>>,
    /// The application named in the user agent.
    pub app_info: Option<AppInfoOptions>,
    /// The most detailed log level passed on (`off`, `error`, `warn`,
    /// `info`, `debug`); else `HEADSHOTPRO_LOG`, else `warn` with a logger
    /// and `off` without.
    pub log_level: Option<String>,
    /// Receives each log record; without it, records go to standard error.
    pub logger: Option<LogFn>,
    /// Receives each attempt's request and response events while the JS
    /// client has listeners.
    pub hooks: Option<HookFn>,
}

/// One header: its name and value.
#[napi(object)]
pub struct HeaderPair {
    /// The header's name.
    pub name: String,
    /// Its value.
    pub value: String,
}

/// The application named in the user agent: `name/version (url)`.
#[napi(object)]
pub struct AppInfoOptions {
    /// The application's name.
    pub name: String,
    /// Its version.
    pub version: Option<String>,
    /// Where to learn about it.
    pub url: Option<String>,
}

/// Settings changed for the calls of a client made by `withOptions`; unset
/// ones keep the original client's.
#[napi(object)]
pub struct PerCallOptions {
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt; 0 disables them.
    pub max_retries: Option<u32>,
    /// Headers for these calls, replacing the client's of the same name.
    pub headers: Option<Vec<HeaderPair>>,
}

/// A core client shared by every call made through it (one connection pool).
#[napi]
pub struct NativeClient {
    pub(crate) inner: headshotpro::Client,
    /// Whether JS listens to hook events, shared with `withOptions` children.
    pub(crate) hooks: Hooks,
    /// The facts of the latest answer, for a client made by `capturing()`.
    pub(crate) capture: Option<ResponseCapture>,
}

impl NativeClient {
    /// A client for `inner` sharing this one's hook switch, not capturing.
    pub(crate) fn child(&self, inner: headshotpro::Client) -> Self {
        Self {
            inner,
            hooks: self.hooks.clone(),
            capture: None,
        }
    }
}

/// Checked headers from JS pairs.
fn headers(pairs: Vec<HeaderPair>) -> headshotpro::Result<CustomHeaders> {
    CustomHeaders::from_pairs(pairs.into_iter().map(|p| (p.name, p.value)))
}

/// Milliseconds from JS as a `Duration`, refusing negative or non-finite values.
pub(crate) fn millis(name: &str, ms: f64) -> headshotpro::Result<Duration> {
    Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| headshotpro::Error::InvalidArgument {
        message: format!("{name} must be a non-negative number of milliseconds, got {ms}"),
    })
}

fn builder(options: ClientOptions, hooks: &Hooks) -> headshotpro::Result<ClientBuilder> {
    let mut builder = headshotpro::Client::builder()
        .user_agent_prefix(concat!("headshotpro-node/", env!("CARGO_PKG_VERSION")));
    if let Some(key) = options.api_key {
        builder = builder.api_key(key);
    }
    if let Some(url) = options.base_url {
        builder = builder.base_url(url);
    }
    if let Some(ms) = options.timeout_ms {
        builder = builder.timeout(millis("timeoutMs", ms)?);
    }
    if let Some(ms) = options.connect_timeout_ms {
        builder = builder.connect_timeout(millis("connectTimeoutMs", ms)?);
    }
    if let Some(retries) = options.max_retries {
        builder = builder.max_retries(retries);
    }
    if let Some(allow) = options.allow_insecure_http {
        builder = builder.allow_insecure_http(allow);
    }
    if let Some(proxy) = options.proxy {
        builder = builder.proxy(proxy);
    }
    if let Some(pem) = options.extra_root_certificates {
        builder = builder.extra_root_certificates(pem.as_ref());
    }
    if let Some(limit) = options.max_requests_per_minute {
        builder = builder.max_requests_per_minute(limit);
    }
    if let Some(pairs) = options.default_headers {
        builder = builder.default_headers(headers(pairs)?);
    }
    if let Some(app) = options.app_info {
        let mut info = AppInfo::new(app.name);
        info.version = app.version;
        info.url = app.url;
        builder = builder.app_info(info);
    }
    builder = crate::observe::logging(builder, options.log_level.as_deref(), options.logger)?;
    if let Some(hook) = options.hooks {
        builder = hooks.install(builder, hook);
    }
    Ok(builder)
}

fn request_options(options: PerCallOptions) -> headshotpro::Result<RequestOptions> {
    let mut request = RequestOptions::new();
    if let Some(ms) = options.timeout_ms {
        request = request.timeout(millis("timeoutMs", ms)?);
    }
    if let Some(retries) = options.max_retries {
        request = request.max_retries(retries);
    }
    if let Some(pairs) = options.headers {
        request = request.headers(headers(pairs)?);
    }
    Ok(request)
}

/// Builds a client, or explains why the settings are unusable (e.g. no key).
#[napi(catch_unwind)]
pub fn create_client(options: ClientOptions) -> Either<NativeClient, NativeError> {
    let hooks = Hooks::default();
    match builder(options, &hooks).and_then(ClientBuilder::build) {
        Ok(inner) => Either::A(NativeClient {
            inner,
            hooks,
            capture: None,
        }),
        Err(err) => Either::B(NativeError::construction(err)),
    }
}

#[napi]
impl NativeClient {
    /// The base URL requests go to.
    #[napi(getter)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// The user agent sent with every request.
    #[napi(getter)]
    pub fn user_agent(&self) -> String {
        self.inner.user_agent().to_owned()
    }

    /// The per-attempt timeout, in milliseconds.
    #[napi(getter)]
    pub fn timeout_ms(&self) -> f64 {
        self.inner.timeout().as_nanos() as f64 / 1e6
    }

    /// The retries made after a failed attempt.
    #[napi(getter)]
    pub fn max_retries(&self) -> u32 {
        self.inner.max_retries()
    }

    /// The `X-RateLimit-*` headers of the last answer that carried them,
    /// shared with every client made by `withOptions`; `null` before any.
    #[napi(getter)]
    pub fn last_rate_limit(&self) -> Option<RateLimit> {
        self.inner.last_rate_limit().map(RateLimit::from)
    }

    /// The most detailed log level passed on: `off`, `error`, `warn`,
    /// `info` or `debug`.
    #[napi(getter)]
    pub fn log_level(&self) -> String {
        self.inner.log_level().as_str().to_owned()
    }

    /// Turns the delivery of hook events to JS on or off (on while the JS
    /// client has `request` or `response` listeners).
    #[napi]
    pub fn set_hooks_active(&self, active: bool) {
        self.hooks.set_active(active);
    }

    /// The local cap on requests per minute, if one was set.
    #[napi(getter)]
    pub fn max_requests_per_minute(&self) -> Option<u32> {
        self.inner.max_requests_per_minute()
    }

    /// A client with other settings for some calls, sharing this one's
    /// connection pool; this client is unchanged.
    #[napi(catch_unwind)]
    pub fn with_options(&self, options: PerCallOptions) -> Either<NativeClient, NativeError> {
        match request_options(options) {
            Ok(request) => Either::A(self.child(self.inner.with_options(request))),
            Err(err) => Either::B(NativeError::from(&err)),
        }
    }
}
