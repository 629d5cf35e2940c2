//! The native client: builds a core `Client` from the JS settings. Its
//! operations are declared in [`crate::operations`].

use std::time::Duration;

use headshotpro::{ClientBuilder, RequestOptions};
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::NativeError;
use crate::types_v2::RateLimit;

/// Settings of a client; unset ones fall back to the environment, then core's defaults.
#[napi(object)]
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
}

/// Settings changed for the calls of a client made by `withOptions`; unset
/// ones keep the original client's.
#[napi(object)]
pub struct PerCallOptions {
    /// Per-attempt timeout in milliseconds.
    pub timeout_ms: Option<f64>,
    /// Retries after the first attempt; 0 disables them.
    pub max_retries: Option<u32>,
}

/// A core client shared by every call made through it (one connection pool).
#[napi]
pub struct NativeClient {
    pub(crate) inner: headshotpro::Client,
}

/// Milliseconds from JS as a `Duration`, refusing negative or non-finite values.
pub(crate) fn millis(name: &str, ms: f64) -> headshotpro::Result<Duration> {
    Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| headshotpro::Error::InvalidArgument {
        message: format!("{name} must be a non-negative number of milliseconds, got {ms}"),
    })
}

fn builder(options: ClientOptions) -> headshotpro::Result<ClientBuilder> {
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
    Ok(request)
}

/// Builds a client, or explains why the settings are unusable (e.g. no key).
#[napi(catch_unwind)]
pub fn create_client(options: ClientOptions) -> Either<NativeClient, NativeError> {
    match builder(options).and_then(ClientBuilder::build) {
        Ok(inner) => Either::A(NativeClient { inner }),
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
            Ok(request) => Either::A(NativeClient {
                inner: self.inner.with_options(request),
            }),
            Err(err) => Either::B(NativeError::from(&err)),
        }
    }
}
