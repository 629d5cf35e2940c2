//! The native client: builds a core `Client` and exposes every operation as
//! a promise. Arguments arrive already shaped by the JS layer.

use std::time::Duration;

use headshotpro::{ClientBuilder, ModelStatus, RequestOptions};
use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use crate::cancel::CancelToken;
use crate::error::NativeError;
use crate::run::spawn;
use crate::types::{DeletedModel, Invite, InviteDetails, InviteSummary, Model, Organization};

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
    inner: headshotpro::Client,
}

/// Milliseconds from JS as a `Duration`, refusing negative or non-finite values.
fn millis(name: &str, ms: f64) -> headshotpro::Result<Duration> {
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
        Err(err) => Either::B(NativeError::from(&err)),
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

    /// `GET /api/v1/organization`.
    #[napi(catch_unwind)]
    pub fn organization_retrieve<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Organization, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.organization().retrieve().await.map(Organization::from)
        })
    }

    /// `GET /api/v1/organization/credits`.
    #[napi(catch_unwind)]
    pub fn organization_credits<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<i64, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move { c.organization().credits().await })
    }

    /// `POST /api/v1/organization/invite`.
    #[napi(catch_unwind)]
    pub fn invites_create<'env>(
        &self,
        env: &'env Env,
        email: String,
        team_id: Option<String>,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Invite, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.invites()
                .create(&email, team_id.as_deref())
                .await
                .map(Invite::from)
        })
    }

    /// `POST /api/v1/organization/invite/revoke`.
    #[napi(catch_unwind)]
    pub fn invites_revoke<'env>(
        &self,
        env: &'env Env,
        email: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<(), NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move { c.invites().revoke(&email).await })
    }

    /// `GET /api/v1/organization/invites`.
    #[napi(catch_unwind)]
    pub fn invites_list<'env>(
        &self,
        env: &'env Env,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Vec<InviteSummary>, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            let list = c.invites().list().await?;
            Ok(list.into_iter().map(InviteSummary::from).collect())
        })
    }

    /// `GET /api/v1/organization/invite/id/{id}`.
    #[napi(catch_unwind)]
    pub fn invites_retrieve<'env>(
        &self,
        env: &'env Env,
        invite_id: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<InviteDetails, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.invites()
                .retrieve(&invite_id)
                .await
                .map(InviteDetails::from)
        })
    }

    /// `POST /api/v1/organization/teams`.
    #[napi(catch_unwind)]
    pub fn teams_create<'env>(
        &self,
        env: &'env Env,
        name: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Organization, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.teams().create(&name).await.map(Organization::from)
        })
    }

    /// `PUT /api/v1/organization/teams/{team_id}`.
    #[napi(catch_unwind)]
    pub fn teams_update<'env>(
        &self,
        env: &'env Env,
        team_id: String,
        name: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Organization, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.teams()
                .update(&team_id, &name)
                .await
                .map(Organization::from)
        })
    }

    /// `DELETE /api/v1/organization/teams/{team_id}`.
    #[napi(catch_unwind)]
    pub fn teams_delete<'env>(
        &self,
        env: &'env Env,
        team_id: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Organization, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.teams().delete(&team_id).await.map(Organization::from)
        })
    }

    /// `POST /api/v1/organization/teams/{team_id}/add-members`.
    #[napi(catch_unwind)]
    pub fn teams_add_members<'env>(
        &self,
        env: &'env Env,
        team_id: String,
        emails: Vec<String>,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Organization, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.teams()
                .add_members(&team_id, &emails)
                .await
                .map(Organization::from)
        })
    }

    /// `POST /api/v2/organization/whitelabel/model/create`.
    #[napi(catch_unwind)]
    pub fn models_create<'env>(
        &self,
        env: &'env Env,
        email: String,
        team_id: Option<String>,
        is_development: bool,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Model, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.models()
                .create(&email, team_id.as_deref(), is_development)
                .await
                .map(Model::from)
        })
    }

    /// `GET /api/v2/organization/whitelabel/model/get/{model_id}`.
    #[napi(catch_unwind)]
    pub fn models_retrieve<'env>(
        &self,
        env: &'env Env,
        model_id: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Model, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.models().retrieve(&model_id).await.map(Model::from)
        })
    }

    /// `DELETE /api/v2/organization/whitelabel/model/delete/{model_id}`.
    #[napi(catch_unwind)]
    pub fn models_delete<'env>(
        &self,
        env: &'env Env,
        model_id: String,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<DeletedModel, NativeError>>> {
        let c = self.inner.clone();
        spawn(env, cancel, async move {
            c.models().delete(&model_id).await.map(DeletedModel::from)
        })
    }

    /// Polls `models.retrieve` until the model reaches `until` (a wire status)
    /// or `deleted`, for at most `timeout_ms`.
    #[napi(catch_unwind)]
    pub fn models_wait<'env>(
        &self,
        env: &'env Env,
        model_id: String,
        until: String,
        timeout_ms: f64,
        cancel: Option<&CancelToken>,
    ) -> Result<PromiseRaw<'env, Either<Model, NativeError>>> {
        let c = self.inner.clone();
        let timeout = millis("timeoutMs", timeout_ms);
        spawn(env, cancel, async move {
            c.models()
                .wait(&model_id, ModelStatus::from(until.as_str()), timeout?)
                .await
                .map(Model::from)
        })
    }
}
