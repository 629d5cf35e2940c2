//! Team-member invites under `/api/v1/organization/invite…`.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::reconcile;
use crate::transport::{Call, Sent};
use crate::types::{Invite, InviteDetails, InviteSummary, InviteV2};
use crate::validate;
use crate::Client;

/// Team-member invites.
#[derive(Debug, Clone, Copy)]
pub struct Invites<'a> {
    client: &'a Client,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody<'b> {
    email: &'b str,
    #[serde(skip_serializing_if = "Option::is_none")]
    team_id: Option<&'b str>,
}

#[derive(Serialize)]
struct RevokeBody<'b> {
    email: &'b str,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Created {
    id: String,
    link: String,
    #[serde(default)]
    team_id: Option<String>,
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    input: Option<CreatedInput>,
}

#[derive(Deserialize)]
struct CreatedInput {
    email: Option<String>,
}

impl<'a> Invites<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Self { client }
    }

    /// Invites a member by email, optionally into a team. A credit is spent
    /// when the member uploads photos. When the request may have arrived but
    /// the answer was lost, it is resent; if the resend meets ALREADY_EXISTS
    /// the invite is found in the invite list (never a duplicate invite).
    pub async fn create(&self, email: &str, team_id: Option<&str>) -> Result<Invite> {
        validate::email(email)?;
        validate::optional_id("team_id", team_id)?;
        let call = Call::new(
            "invites.create",
            Method::POST,
            "/api/v1/organization/invite",
        )
        .json(&CreateBody { email, team_id })?;
        let created: Created = match self.client.transport.send_create(&call).await? {
            Sent::Answer(created) => created,
            Sent::Exists(ambiguous) => {
                return reconcile::invite(self.client, email, team_id, ambiguous).await
            }
        };
        Ok(Invite {
            id: created.id,
            email: created
                .input
                .and_then(|i| i.email)
                .unwrap_or_else(|| email.to_owned()),
            link: created.link,
            team_id: created.team_id,
            message: created.message,
        })
    }

    /// Revokes the pending invites sent to this email.
    pub async fn revoke(&self, email: &str) -> Result<()> {
        validate::email(email)?;
        let call = Call::new(
            "invites.revoke",
            Method::POST,
            "/api/v1/organization/invite/revoke",
        )
        .json(&RevokeBody { email })?;
        /// The answer: a JSON object whose fields are not needed.
        #[derive(Deserialize)]
        struct Revoked {}
        let _: Revoked = self.client.transport.send(&call).await?;
        Ok(())
    }

    /// Every invite of the organization.
    pub async fn list(&self) -> Result<Vec<InviteSummary>> {
        #[derive(Deserialize)]
        struct List {
            invites: Vec<InviteSummary>,
        }
        let call = Call::new("invites.list", Method::GET, "/api/v1/organization/invites");
        let list: List = self.client.transport.send(&call).await?;
        Ok(list.invites)
    }

    /// One invite's email, status and team.
    pub async fn retrieve(&self, invite_id: &str) -> Result<InviteDetails> {
        #[derive(Deserialize)]
        struct One {
            invite: InviteDetails,
        }
        let id = validate::path_segment("invite_id", invite_id)?;
        let call = Call::new(
            "invites.retrieve",
            Method::GET,
            format!("/api/v1/organization/invite/id/{id}"),
        );
        let one: One = self.client.transport.send(&call).await?;
        Ok(one.invite)
    }

    /// The invite sent to this email, as the current API describes it
    /// (`GET /api/v2/organization/invites/{email}`).
    pub async fn retrieve_by_email(&self, email: &str) -> Result<InviteV2> {
        validate::email(email)?;
        let segment = validate::path_segment("email", email)?;
        let call = Call::new(
            "invites.retrieve_by_email",
            Method::GET,
            format!("/api/v2/organization/invites/{segment}"),
        );
        self.client
            .transport
            .send_answer(&call, |answer| answer.object("invite"))
            .await
    }
}
