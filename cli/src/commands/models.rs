//! `models create|retrieve|list|wait|delete`.

use headshotpro::{Model, ModelCreateParams, ModelListParams, ModelStatus, ModelSummary};

use super::open;
use crate::args::ModelsCommand;
use crate::commands::paging::{self, Listed};
use crate::context::{seconds_arg, Context};
use crate::failure::Outcome;
use crate::output::{self, Table};

/// Runs a `models` subcommand.
pub async fn run(ctx: &Context, command: ModelsCommand) -> Outcome {
    let client = ctx.client()?;
    let models = client.models();
    match command {
        ModelsCommand::Create {
            email,
            team,
            development,
            model_version,
        } => {
            let mut params = ModelCreateParams::new(email);
            params.team_id = team;
            params.is_development = development;
            params.version = open(model_version);
            print_model(ctx, &models.create_with(params).await?)
        }
        ModelsCommand::Retrieve { model_id } => {
            print_model(ctx, &models.retrieve(&model_id).await?)
        }
        ModelsCommand::Wait {
            model_id,
            until,
            wait_timeout,
        } => {
            let timeout = seconds_arg("--wait-timeout", wait_timeout)?;
            let until = ModelStatus::from(until);
            print_model(ctx, &models.wait(&model_id, until, timeout).await?)
        }
        ModelsCommand::Delete { model_id } => {
            let deleted = models.delete(&model_id).await?;
            if ctx.json() {
                return output::json(&deleted);
            }
            output::line(&format!("{}: {}", deleted.model_id, deleted.message))
        }
        ModelsCommand::List {
            status,
            team,
            paging,
        } => {
            let mut params = ModelListParams::new();
            params.status = open(status);
            params.team_id = team;
            params.limit = paging.limit;
            params.offset = paging.offset;
            let listed = if paging.all {
                paging::all(models.stream(params)).await?
            } else {
                Listed::from_page(models.list(params).await?)
            };
            print_list(ctx, &listed)
        }
    }
}

fn print_model(ctx: &Context, model: &Model) -> Outcome {
    if ctx.json() {
        return output::json(model);
    }
    output::fields(&[
        ("model id", model.model_id.clone()),
        ("status", model.status.to_string()),
        ("development", model.is_development.to_string()),
        ("signed url", model.signed_url.clone()),
    ])
}

fn print_list(ctx: &Context, listed: &Listed<ModelSummary>) -> Outcome {
    if ctx.json() {
        return output::json(listed);
    }
    let mut table = Table::new(&["ID", "EMAIL", "STATUS", "TEAM", "DEV", "CREATED"]);
    for m in &listed.data {
        table.row(vec![
            m.id.clone(),
            m.email.clone(),
            m.status.to_string(),
            output::opt(m.team_name.as_ref().or(m.team_id.as_ref())),
            m.is_development.to_string(),
            m.created_at.to_rfc3339(),
        ]);
    }
    table.print()?;
    listed.print_footer()
}
