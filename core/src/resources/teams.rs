//! Teams under `/api/v1/organization/teams`, and their list under
//! `/api/v2/organization/teams`.

use std::collections::HashSet;

use reqwest::Method;
use serde::Serialize;

use super::OrganizationEnvelope;
use crate::envelope::Answer;
use crate::error::{Error, Result};
use crate::transport::{Call, Sent};
use crate::types::{Organization, Team};
use crate::validate;
use crate::Client;

/// Emails per `add-members` request: the reference sets no limit, and 100
/// keeps each request small enough for any server's body limit.
pub const ADD_MEMBERS_CHUNK: usize = 100;

/// Teams of the organization. Each call answers the updated organization.
#[derive(Debug, Clone, Copy)]
pub struct Teams<'a> {
    client: &'a Client,
}

#[derive(Serialize)]
struct NameBody<'b> {
    name: &'b str,
}

#[derive(Serialize)]
struct MembersBody<'b> {
    emails: &'b [String],
}

impl<'a> Teams<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Every team of the organization.
    pub async fn list(&self) -> Result<Vec<Team>> {
        let call = Call::new("teams.list", Method::GET, "/api/v2/organization/teams");
        let (status, body) = self.client.transport.send_raw(&call).await?;
        let teams = Answer::parse(call.operation, status, &body).and_then(|a| a.list(&["teams"]));
        self.client.transport.logged(teams)
    }

    /// Creates a team. Team names are unique, so when the request may have
    /// arrived but the answer was lost it is resent; a team has no timestamp,
    /// so a resend that meets ALREADY_EXISTS cannot tell whose team it is and
    /// raises the original failure (`may_have_reached_server` true).
    pub async fn create(&self, name: &str) -> Result<Organization> {
        validate::non_empty("name", name)?;
        let call = Call::new("teams.create", Method::POST, "/api/v1/organization/teams")
            .json(&NameBody { name })?;
        match self
            .client
            .transport
            .send_create::<OrganizationEnvelope>(&call)
            .await?
        {
            Sent::Answer(envelope) => Ok(envelope.organization),
            Sent::Exists(ambiguous) => Err(ambiguous.error),
        }
    }

    /// Renames a team.
    pub async fn update(&self, team_id: &str, name: &str) -> Result<Organization> {
        let id = validate::path_segment("team_id", team_id)?;
        validate::non_empty("name", name)?;
        let call = Call::new(
            "teams.update",
            Method::PUT,
            format!("/api/v1/organization/teams/{id}"),
        )
        .json(&NameBody { name })?;
        self.organization(call).await
    }

    /// Deletes a team; its members stay in the organization without a team.
    /// When an attempt's answer was lost and the resend finds the team gone,
    /// the delete counts as done and the organization is fetched.
    pub async fn delete(&self, team_id: &str) -> Result<Organization> {
        let id = validate::path_segment("team_id", team_id)?;
        let call = Call::new(
            "teams.delete",
            Method::DELETE,
            format!("/api/v1/organization/teams/{id}"),
        );
        match self
            .client
            .transport
            .send_delete::<OrganizationEnvelope>(&call)
            .await?
        {
            Some(envelope) => Ok(envelope.organization),
            None => self.client.organization().retrieve().await,
        }
    }

    /// Adds existing organization members to a team, any number of them:
    /// the emails (each once, compared without regard to case) go in chunks
    /// of [`ADD_MEMBERS_CHUNK`], one request each, and the organization of
    /// the last answer is returned. Every email is checked before anything is
    /// sent. If a chunk fails, the chunks before it have been applied and the
    /// error is returned; calling again with the same emails is safe (adding
    /// a member twice changes nothing).
    pub async fn add_members(&self, team_id: &str, emails: &[String]) -> Result<Organization> {
        let id = validate::path_segment("team_id", team_id)?;
        validate::emails(emails)?;
        let mut seen = HashSet::with_capacity(emails.len());
        let unique: Vec<String> = emails
            .iter()
            .filter(|e| seen.insert(e.trim().to_lowercase()))
            .cloned()
            .collect();
        let mut organization = None;
        for chunk in unique.chunks(ADD_MEMBERS_CHUNK) {
            let call = Call::new(
                "teams.add_members",
                Method::POST,
                format!("/api/v1/organization/teams/{id}/add-members"),
            )
            .json(&MembersBody { emails: chunk })?;
            organization = Some(self.organization(call).await?);
        }
        organization.ok_or_else(|| Error::invalid("emails must not be empty"))
    }

    async fn organization(&self, call: Call) -> Result<Organization> {
        let envelope: OrganizationEnvelope = self.client.transport.send(&call).await?;
        Ok(envelope.organization)
    }
}
