//! `teams list|create|update|delete|add-members`.

use std::io::Read;

use crate::args::TeamsCommand;
use crate::commands::organization::print_organization;
use crate::context::Context;
use crate::failure::{Failure, Outcome};
use crate::output::{self, Table};

/// Runs a `teams` subcommand.
pub async fn run(ctx: &Context, command: TeamsCommand) -> Outcome {
    let client = ctx.client()?;
    let teams = client.teams();
    let organization = match command {
        TeamsCommand::List => {
            let list = teams.list().await?;
            if ctx.json() {
                return output::json(&list);
            }
            let mut table = Table::new(&["ID", "NAME"]);
            for team in list {
                table.row(vec![team.id, team.name]);
            }
            return table.print();
        }
        TeamsCommand::Create { name } => teams.create(&name).await?,
        TeamsCommand::Update { team_id, name } => teams.update(&team_id, &name).await?,
        TeamsCommand::Delete { team_id } => teams.delete(&team_id).await?,
        TeamsCommand::AddMembers {
            team_id,
            mut emails,
            emails_file,
        } => {
            if let Some(file) = emails_file {
                emails.extend(read_lines(&file)?);
            }
            teams.add_members(&team_id, &emails).await?
        }
    };
    print_organization(ctx, &organization)
}

/// The non-blank lines of a file (`-`: stdin), trimmed.
fn read_lines(file: &str) -> Outcome<Vec<String>> {
    let mut text = String::new();
    let read = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(drop)
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| Failure::usage(format!("cannot read {file}: {e}")))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}
