//! `members list`.

use headshotpro::{Member, MemberListParams};

use super::open;
use crate::args::MembersCommand;
use crate::commands::paging::{self, Listed};
use crate::context::Context;
use crate::failure::Outcome;
use crate::output::{self, Table};

/// Runs a `members` subcommand.
pub async fn run(ctx: &Context, command: MembersCommand) -> Outcome {
    let MembersCommand::List { status, paging } = command;
    let client = ctx.client()?;
    let mut params = MemberListParams::new();
    params.status = open(status);
    params.limit = paging.limit;
    params.offset = paging.offset;
    let listed = if paging.all {
        paging::all(client.members().stream(params)).await?
    } else {
        Listed::from_page(client.members().list(params).await?)
    };
    print(ctx, &listed)
}

fn print(ctx: &Context, listed: &Listed<Member>) -> Outcome {
    if ctx.json() {
        return output::json(listed);
    }
    let mut table = Table::new(&[
        "ID",
        "EMAIL",
        "NAME",
        "STATUS",
        "TEAM",
        "MODEL",
        "MODEL STATUS",
    ]);
    for m in &listed.data {
        table.row(vec![
            m.id.clone(),
            m.email.clone(),
            output::opt(m.name.as_ref()),
            m.status.to_string(),
            output::opt(m.team_name.as_ref().or(m.team_id.as_ref())),
            output::opt(m.model_id.as_ref()),
            output::opt(m.model_status.as_ref()),
        ]);
    }
    table.print()?;
    listed.print_footer()
}
