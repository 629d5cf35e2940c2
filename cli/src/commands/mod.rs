//! Runs a parsed subcommand.

mod invites;
mod members;
mod models;
mod organization;
mod paging;
mod photos;
mod teams;

use crate::args::{Command, WebhooksCommand};
use crate::context::Context;
use crate::failure::Outcome;

/// Runs one subcommand to its end.
pub async fn run(ctx: &Context, command: Command) -> Outcome {
    match command {
        Command::Credits => organization::credits(ctx).await,
        Command::Organization => organization::retrieve(ctx).await,
        Command::Invites(command) => invites::run(ctx, command).await,
        Command::Teams(command) => teams::run(ctx, command).await,
        Command::Members(command) => members::run(ctx, command).await,
        Command::Models(command) => models::run(ctx, command).await,
        Command::Photos(command) => photos::run(ctx, command).await,
        Command::Webhooks(WebhooksCommand::Serve(args)) => crate::webhooks::serve(ctx, args).await,
        Command::Webhooks(WebhooksCommand::Verify(args)) => crate::webhooks::verify(ctx, &args),
        Command::Mock(args) => crate::mock_cmd::run(*args).await,
    }
}

/// Parses an open-enum option (`--status active`): any value is passed on,
/// known or not, as the SDK does.
pub fn open<T: From<String>>(value: Option<String>) -> Option<T> {
    value.map(T::from)
}
