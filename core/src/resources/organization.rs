//! `GET /api/v1/organization` and its credits.

use reqwest::Method;
use serde::Deserialize;

use super::OrganizationEnvelope;
use crate::error::Result;
use crate::transport::Call;
use crate::types::Organization;
use crate::Client;

/// Organization details and credits.
#[derive(Debug, Clone, Copy)]
pub struct OrganizationApi<'a> {
    client: &'a Client,
}

impl<'a> OrganizationApi<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// The organization and its teams.
    pub async fn retrieve(&self) -> Result<Organization> {
        let call = Call::new("organization.retrieve", Method::GET, "/api/v1/organization");
        let envelope: OrganizationEnvelope = self.client.transport.send(&call).await?;
        Ok(envelope.organization)
    }

    /// The credits available to the organization.
    pub async fn credits(&self) -> Result<i64> {
        #[derive(Deserialize)]
        struct Credits {
            credits: i64,
        }
        let call = Call::new(
            "organization.credits",
            Method::GET,
            "/api/v1/organization/credits",
        );
        let answer: Credits = self.client.transport.send(&call).await?;
        Ok(answer.credits)
    }
}
