//! The client object: construction from a key and options, and the resource
//! groups.

use std::sync::Arc;

use crate::error::HeadshotProError;
use crate::options::{millis, retries, ClientOptions, RequestOptions};
use crate::resources::{InvitesApi, ModelsApi, OrganizationApi, TeamsApi};

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
    /// key, an unusable base URL or a negative number fails here with
    /// `InvalidArgumentError`.
    #[uniffi::constructor(default(api_key = None, options = None))]
    pub fn new(
        api_key: Option<String>,
        options: Option<ClientOptions>,
    ) -> Result<Arc<Self>, HeadshotProError> {
        let options = options.unwrap_or_default();
        let mut builder = headshotpro::Client::builder().user_agent_prefix(user_agent_prefix());
        if let Some(key) = api_key {
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
        if let Some(count) = options.max_retries {
            builder = builder.max_retries(retries("maxRetries", count)?);
        }
        builder = builder.allow_insecure_http(options.allow_insecure_http);
        Ok(Arc::new(Self {
            inner: builder.build()?,
        }))
    }

    /// A client for some calls with another per-attempt timeout and/or
    /// number of retries (unset fields keep this client's), sharing this
    /// client's connection pool. This client is unchanged. A negative number
    /// fails with `InvalidArgumentError`.
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
}
