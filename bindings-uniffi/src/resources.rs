//! The resource objects returned by `Client`: each holds a clone of the core
//! client (one shared connection pool) and turns core results into FFI ones.

use std::time::Duration;

use headshotpro::{
    DeletedModel, Invite, InviteDetails, InviteSummary, Model, ModelStatus, Organization,
};

use crate::error::HeadshotProError;

type Result<T> = std::result::Result<T, HeadshotProError>;

/// Organization details and credits: `client.organization()`.
#[derive(Debug, uniffi::Object)]
pub struct OrganizationApi {
    client: headshotpro::Client,
}

impl OrganizationApi {
    pub(crate) fn new(client: headshotpro::Client) -> Self {
        Self { client }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl OrganizationApi {
    /// The organization behind the API key, with its teams.
    pub async fn retrieve(&self) -> Result<Organization> {
        Ok(self.client.organization().retrieve().await?)
    }

    /// The organization's remaining credits.
    pub async fn credits(&self) -> Result<i64> {
        Ok(self.client.organization().credits().await?)
    }
}

/// Team-member invites: `client.invites()`.
#[derive(Debug, uniffi::Object)]
pub struct InvitesApi {
    client: headshotpro::Client,
}

impl InvitesApi {
    pub(crate) fn new(client: headshotpro::Client) -> Self {
        Self { client }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl InvitesApi {
    /// Invites a member by email, optionally into a team. Never retried
    /// unless the server provably did not process it.
    #[uniffi::method(default(team_id = None))]
    pub async fn create(&self, email: String, team_id: Option<String>) -> Result<Invite> {
        Ok(self
            .client
            .invites()
            .create(&email, team_id.as_deref())
            .await?)
    }

    /// Revokes the pending invite of this email.
    pub async fn revoke(&self, email: String) -> Result<()> {
        Ok(self.client.invites().revoke(&email).await?)
    }

    /// Every invite of the organization.
    pub async fn list(&self) -> Result<Vec<InviteSummary>> {
        Ok(self.client.invites().list().await?)
    }

    /// One invite's status.
    pub async fn retrieve(&self, invite_id: String) -> Result<InviteDetails> {
        Ok(self.client.invites().retrieve(&invite_id).await?)
    }
}

/// Teams of the organization: `client.teams()`.
#[derive(Debug, uniffi::Object)]
pub struct TeamsApi {
    client: headshotpro::Client,
}

impl TeamsApi {
    pub(crate) fn new(client: headshotpro::Client) -> Self {
        Self { client }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl TeamsApi {
    /// Creates a team; returns the organization with its teams.
    pub async fn create(&self, name: String) -> Result<Organization> {
        Ok(self.client.teams().create(&name).await?)
    }

    /// Renames a team.
    pub async fn update(&self, team_id: String, name: String) -> Result<Organization> {
        Ok(self.client.teams().update(&team_id, &name).await?)
    }

    /// Deletes a team.
    pub async fn delete(&self, team_id: String) -> Result<Organization> {
        Ok(self.client.teams().delete(&team_id).await?)
    }

    /// Adds members to a team by email.
    pub async fn add_members(&self, team_id: String, emails: Vec<String>) -> Result<Organization> {
        Ok(self.client.teams().add_members(&team_id, &emails).await?)
    }
}

/// Whitelabel models: `client.models()`.
#[derive(Debug, uniffi::Object)]
pub struct ModelsApi {
    client: headshotpro::Client,
}

impl ModelsApi {
    pub(crate) fn new(client: headshotpro::Client) -> Self {
        Self { client }
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl ModelsApi {
    /// Creates a model for this email. Never retried unless the server
    /// provably did not process it.
    #[uniffi::method(default(team_id = None, is_development = false))]
    pub async fn create(
        &self,
        email: String,
        team_id: Option<String>,
        is_development: bool,
    ) -> Result<Model> {
        Ok(self
            .client
            .models()
            .create(&email, team_id.as_deref(), is_development)
            .await?)
    }

    /// One model.
    pub async fn retrieve(&self, model_id: String) -> Result<Model> {
        Ok(self.client.models().retrieve(&model_id).await?)
    }

    /// Deletes a model.
    pub async fn delete(&self, model_id: String) -> Result<DeletedModel> {
        Ok(self.client.models().delete(&model_id).await?)
    }

    /// Polls the model with backoff until it reaches `until` (or the final
    /// `deleted`); `failed` is not final. Fails with `APITimeoutError` after
    /// `timeout_ms`.
    pub async fn wait(
        &self,
        model_id: String,
        until: ModelStatus,
        timeout_ms: u64,
    ) -> Result<Model> {
        Ok(self
            .client
            .models()
            .wait(&model_id, until, Duration::from_millis(timeout_ms))
            .await?)
    }
}
