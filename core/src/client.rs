//! The client: settings, one shared connection pool, and the resource groups.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::capture::ResponseCapture;
use crate::config::{ClientBuilder, Config, RequestOptions};
use crate::custom_headers::{AppInfo, CustomHeaders};
use crate::error::{RateLimitInfo, Result};
use crate::log::LogLevel;
use crate::resources::{Invites, Members, Models, OrganizationApi, Photos, Teams};
use crate::transport::Transport;

/// A HeadshotPro API client. Cheap to clone: clones share one connection pool.
///
/// ```no_run
/// # async fn demo() -> headshotpro::Result<()> {
/// let client = headshotpro::Client::new("hp_live_...")?;
/// let credits = client.organization().credits().await?;
/// let invite = client.invites().create("ada@example.com", None).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Arc<Transport>,
}

impl Client {
    /// A client with this key and every other setting from the environment or
    /// the defaults.
    pub fn new(api_key: impl Into<crate::ApiKey>) -> Result<Self> {
        Self::builder().api_key(api_key).build()
    }

    /// A client configured from `HEADSHOTPRO_API_KEY` and `HEADSHOTPRO_BASE_URL`.
    pub fn from_env() -> Result<Self> {
        Self::builder().build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    pub(crate) fn from_config(config: Config) -> Result<Self> {
        Ok(Self {
            transport: Arc::new(Transport::new(config)?),
        })
    }

    /// A client with the same settings and a new connection pool. Use it in a
    /// child process after `fork()`, where inherited connections are unusable.
    pub fn rebuild(&self) -> Result<Self> {
        Self::from_config(self.transport.config().clone())
    }

    /// A client for some calls with other settings, sharing this client's
    /// connection pool, rate limiter, log sink and hooks (like OpenAI's
    /// `with_options`):
    /// `client.with_options(RequestOptions::new().timeout(Duration::from_secs(5)))`.
    pub fn with_options(&self, options: RequestOptions) -> Self {
        Self {
            transport: Arc::new(self.transport.with_options(&options)),
        }
    }

    /// A client like this one that keeps the status, headers and rate
    /// limit of its latest answer in the returned handle: the generic way
    /// to get response metadata without per-operation code (the bindings'
    /// raw-response forms are built on it). In Rust, `.with_response()` on a
    /// call ([`crate::WithResponse`]) is usually handier.
    ///
    /// ```no_run
    /// # async fn demo(client: headshotpro::Client) -> headshotpro::Result<()> {
    /// let (capturing, capture) = client.capturing();
    /// let model = capturing.models().retrieve("m_1").await?;
    /// let meta = capture.last().expect("an answer came");
    /// println!("{} {:?}", meta.status, meta.headers.get("x-ratelimit-remaining"));
    /// # Ok(()) }
    /// ```
    pub fn capturing(&self) -> (Self, ResponseCapture) {
        let capture = ResponseCapture::new();
        let client = Self {
            transport: Arc::new(self.transport.capturing(capture.slot().clone())),
        };
        (client, capture)
    }

    /// The per-attempt timeout of this client's calls.
    pub fn timeout(&self) -> Duration {
        self.transport.config().timeout
    }

    /// The retries this client makes after a failed attempt.
    pub fn max_retries(&self) -> u32 {
        self.transport.config().max_retries
    }

    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.transport.config().base_url
    }

    /// The user agent sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.transport.config().user_agent
    }

    /// The `X-RateLimit-*` headers of the last answer that carried them
    /// (limit, remaining, reset), shared with every clone and `with_options`
    /// child; `None` before any such answer.
    pub fn last_rate_limit(&self) -> Option<RateLimitInfo> {
        self.transport.limiter().last()
    }

    /// The application named in the user agent, if one was set.
    pub fn app_info(&self) -> Option<&AppInfo> {
        self.transport.config().app_info.as_ref()
    }

    /// The extra headers sent with every request of this client.
    pub fn default_headers(&self) -> &CustomHeaders {
        &self.transport.config().custom_headers
    }

    /// The most detailed level the client's log sink receives.
    pub fn log_level(&self) -> LogLevel {
        self.transport.config().observers.level()
    }

    /// The local cap on requests per minute, if one was set.
    pub fn max_requests_per_minute(&self) -> Option<u32> {
        self.transport.config().max_requests_per_minute
    }

    /// Organization details and credits.
    pub fn organization(&self) -> OrganizationApi<'_> {
        OrganizationApi::new(self)
    }

    /// Team-member invites.
    pub fn invites(&self) -> Invites<'_> {
        Invites::new(self)
    }

    /// Teams of the organization.
    pub fn teams(&self) -> Teams<'_> {
        Teams::new(self)
    }

    /// Whitelabel models.
    pub fn models(&self) -> Models<'_> {
        Models::new(self)
    }

    /// Members of the organization.
    pub fn members(&self) -> Members<'_> {
        Members::new(self)
    }

    /// Generated headshots and their downloads.
    pub fn photos(&self) -> Photos<'_> {
        Photos::new(self)
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let config = self.transport.config();
        f.debug_struct("Client")
            .field("base_url", &config.base_url)
            .field("api_key", &config.api_key)
            .field("timeout", &config.timeout)
            .field("max_retries", &config.max_retries)
            .finish()
    }
}
