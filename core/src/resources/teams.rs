//! Teams under `/api/v1/organization/teams`, and their list under
//! `/api/v2/organization/teams`.

use reqwest::Method;
use serde::Serialize;

use super::OrganizationEnvelope;
use crate::envelope::Answer;
use crate::error::Result;
use crate::transport::Call;
use crate::types::{Organization, Team};
use crate::validate;
use crate::Client;

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

    /// Creates a team.
    pub async fn create(&self, name: &str) -> Result<Organization> {
        validate::non_empty("name", name)?;
        let call = Call::new("teams.create", Method::POST, "/api/v1/organization/teams")
            .json(&NameBody { name })?;
        self.organization(call).await
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

    /// Adds existing organization members to a team.
    pub async fn add_members(&self, team_id: &str, emails: &[String]) -> Result<Organization> {
        let id = validate::path_segment("team_id", team_id)?;
        validate::emails(emails)?;
        let call = Call::new(
            "teams.add_members",
            Method::POST,
            format!("/api/v1/organization/teams/{id}/add-members"),
        )
        .json(&MembersBody { emails })?;
        self.organization(call).await
    }

    async fn organization(&self, call: Call) -> Result<Organization> {
        let envelope: OrganizationEnvelope = self.client.transport.send(&call).await?;
        Ok(envelope.organization)
    }
}
