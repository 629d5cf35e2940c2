//! `credits` and `organization`.

use headshotpro::Organization;
use serde_json::json;

use crate::context::Context;
use crate::failure::Outcome;
use crate::output::{self, Table};

/// `credits`: `{"credits": N}` in JSON.
pub async fn credits(ctx: &Context) -> Outcome {
    let credits = ctx.client()?.organization().credits().await?;
    if ctx.json() {
        output::json(&json!({ "credits": credits }))
    } else {
        output::line(&credits.to_string())
    }
}

/// `organization`: the Organization object in JSON.
pub async fn retrieve(ctx: &Context) -> Outcome {
    let organization = ctx.client()?.organization().retrieve().await?;
    print_organization(ctx, &organization)
}

/// Prints an organization: its fields, then its teams.
pub fn print_organization(ctx: &Context, organization: &Organization) -> Outcome {
    if ctx.json() {
        return output::json(organization);
    }
    output::fields(&[
        ("uid", organization.uid.clone()),
        ("name", organization.name.clone()),
        ("website", output::opt(organization.website.as_ref())),
        (
            "description",
            output::opt(organization.description.as_ref()),
        ),
    ])?;
    output::line("")?;
    let mut table = Table::new(&["TEAM ID", "TEAM"]);
    for team in &organization.teams {
        table.row(vec![team.id.clone(), team.name.clone()]);
    }
    table.print()
}
