//! The client object: construction from a key and options, and the resource
//! groups.

use std::collections::HashMap;
use std::sync::Arc;

use headshotpro::{AppInfo, LogLevel, RateLimitInfo};

use crate::error::HeadshotProError;
use crate::options::{ClientOptions, RequestOptions};
use crate::resources::{InvitesApi, MembersApi, ModelsApi, OrganizationApi, PhotosApi, TeamsApi};

/// The user agent prefix of these bindings, `headshotpro-<language>/<version>`;
/// ` core/<version>` follows it.
fn user_agent_prefix() -> String {
    format!(
        "headshotpro-{}/{}",
        crate::platform::host_language(),
        env!("CARGO_PKG_VERSION")
    )
}

/// A HeadshotPro API client. Cheap to share: every resource object and call
/// uses the same connection pool.
#[derive(Debug, uniffi::Object)]
pub struct Client {
    inner: headshotpro::Client,
}

#[uniffi::export]
impl Client {
    /// A client for this key (else `HEADSHOTPRO_API_KEY`). A missing or blank
    /// key, an unusable base URL, proxy or certificate, or a negative number
    /// fails here with `InvalidArgumentError`.
    #[uniffi::constructor(default(api_key = None, options = None))]
    pub fn new(
        api_key: Option<String>,
        options: Option<ClientOptions>,
    ) -> Result<Arc<Self>, HeadshotProError> {
        Ok(Arc::new(Self::build(api_key, options.unwrap_or_default())?))
    }

    /// A client for some calls with another per-attempt timeout, number of
    /// retries and/or extra headers (unset fields keep this client's),
    /// sharing this client's connection pool, hooks and logger. This client
    /// is unchanged. A negative number or a refused header (`Authorization`,
    /// `Host`, CR/LF…) fails with `InvalidArgumentError`.
    pub fn with_options(&self, options: RequestOptions) -> Result<Arc<Self>, HeadshotProError> {
        Ok(Arc::new(Self {
            inner: self.inner.with_options(options.try_into()?),
        }))
    }

    /// The time allowed for each attempt of this client's calls, in milliseconds.
    pub fn timeout_ms(&self) -> i64 {
        i64::try_from(self.inner.timeout().as_millis()).unwrap_or(i64::MAX)
    }

    /// The retries this client makes after a failed attempt.
    pub fn max_retries(&self) -> i32 {
        i32::try_from(self.inner.max_retries()).unwrap_or(i32::MAX)
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_owned()
    }

    /// The user agent sent with every request.
    pub fn user_agent(&self) -> String {
        self.inner.user_agent().to_owned()
    }

    /// The `X-RateLimit-*` headers of the last answer that carried them
    /// (shared with every `withOptions` child); nil/null before any.
    pub fn last_rate_limit(&self) -> Option<RateLimitInfo> {
        self.inner.last_rate_limit()
    }

    /// The application named in the user agent, if one was set.
    pub fn app_info(&self) -> Option<AppInfo> {
        self.inner.app_info().cloned()
    }

    /// The headers sent with every API request (names in lower case).
    pub fn default_headers(&self) -> HashMap<String, String> {
        self.inner
            .default_headers()
            .iter()
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
            .collect()
    }

    /// The most detailed log records this client passes on (`off` unless
    /// `logLevel` or `HEADSHOTPRO_LOG` set one).
    pub fn log_level(&self) -> LogLevel {
        self.inner.log_level()
    }

    /// The local cap on requests per minute, if one was set.
    pub fn max_requests_per_minute(&self) -> Option<i32> {
        self.inner
            .max_requests_per_minute()
            .map(|n| i32::try_from(n).unwrap_or(i32::MAX))
    }

    /// Organization details and credits.
    pub fn organization(&self) -> Arc<OrganizationApi> {
        Arc::new(OrganizationApi::new(self.inner.clone()))
    }

    /// Team-member invites.
    pub fn invites(&self) -> Arc<InvitesApi> {
        Arc::new(InvitesApi::new(self.inner.clone()))
    }

    /// Teams of the organization.
    pub fn teams(&self) -> Arc<TeamsApi> {
        Arc::new(TeamsApi::new(self.inner.clone()))
    }

    /// Whitelabel models.
    pub fn models(&self) -> Arc<ModelsApi> {
        Arc::new(ModelsApi::new(self.inner.clone()))
    }

    /// Members of the organization.
    pub fn members(&self) -> Arc<MembersApi> {
        Arc::new(MembersApi::new(self.inner.clone()))
    }

    /// Generated headshots: pages, favorites, download links and `save`.
    pub fn photos(&self) -> Arc<PhotosApi> {
        Arc::new(PhotosApi::new(self.inner.clone()))
    }
}

impl Client {
    /// The core client behind this one.
    pub(crate) fn core(&self) -> &headshotpro::Client {
        &self.inner
    }

    /// A binding client around a core client.
    pub(crate) fn from_core(inner: headshotpro::Client) -> Self {
        Self { inner }
    }

    /// A client for this key (else `HEADSHOTPRO_API_KEY`) and options.
    pub(crate) fn build(
        api_key: Option<String>,
        options: ClientOptions,
    ) -> Result<Self, HeadshotProError> {
        crate::platform::ignore_sigpipe();
        let mut builder = headshotpro::Client::builder().user_agent_prefix(user_agent_prefix());
        if let Some(key) = api_key {
            builder = builder.api_key(key);
        }
        Ok(Self {
            inner: options.apply(builder)?.build()?,
        })
    }
}
