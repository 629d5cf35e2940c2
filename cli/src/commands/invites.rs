//! `invites create|list|retrieve|retrieve-by-email|revoke|import`.

use serde_json::json;

use crate::args::InvitesCommand;
use crate::context::Context;
use crate::failure::Outcome;
use crate::output::{self, Table};

/// Runs an `invites` subcommand.
pub async fn run(ctx: &Context, command: InvitesCommand) -> Outcome {
    if let InvitesCommand::Import(args) = command {
        return crate::import::run(ctx, args).await;
    }
    let client = ctx.client()?;
    let invites = client.invites();
    match command {
        InvitesCommand::Create { email, team } => {
            let invite = invites.create(&email, team.as_deref()).await?;
            if ctx.json() {
                return output::json(&invite);
            }
            output::fields(&[
                ("id", invite.id),
                ("email", invite.email),
                ("link", invite.link),
                ("team", output::opt(invite.team_id)),
            ])
        }
        InvitesCommand::List => {
            let list = invites.list().await?;
            if ctx.json() {
                return output::json(&list);
            }
            let mut table = Table::new(&["ID", "EMAIL", "VALID", "USED", "TEAM", "CREATED"]);
            for invite in list {
                table.row(vec![
                    invite.id,
                    invite.email,
                    invite.valid.to_string(),
                    invite.used.to_string(),
                    output::opt(invite.team_id),
                    invite.created_at.to_rfc3339(),
                ]);
            }
            table.print()
        }
        InvitesCommand::Retrieve { invite_id } => {
            let details = invites.retrieve(&invite_id).await?;
            if ctx.json() {
                return output::json(&details);
            }
            output::fields(&[
                ("email", details.email),
                ("status", details.status.to_string()),
                ("team", output::opt(details.team_id)),
            ])
        }
        InvitesCommand::RetrieveByEmail { email } => {
            let invite = invites.retrieve_by_email(&email).await?;
            if ctx.json() {
                return output::json(&invite);
            }
            output::fields(&[
                ("id", output::opt(invite.id)),
                ("email", invite.email),
                ("status", invite.status.to_string()),
                ("model", output::opt(invite.model_id)),
                ("team", output::opt(invite.team_id)),
                ("team name", output::opt(invite.team_name)),
                (
                    "created",
                    output::opt(invite.created_at.map(|t| t.to_rfc3339())),
                ),
            ])
        }
        InvitesCommand::Revoke { email } => {
            invites.revoke(&email).await?;
            if ctx.json() {
                return output::json(&json!({ "revoked": email }));
            }
            output::line(&format!("revoked the pending invites of {email}"))
        }
        InvitesCommand::Import(_) => Ok(()),
    }
}
