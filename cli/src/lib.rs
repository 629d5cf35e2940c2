//! # headshotpro-cli
//!
//! The `headshotpro` command: every operation of the HeadshotPro API, bulk
//! invite imports that resume from a journal, a local webhook receiver, and
//! the API emulator. The binary is a two-line wrapper around [`run`], which
//! the Python wheel and the npm package call too, so all three install the
//! same command:
//!
//! ```no_run
//! let code = headshotpro_cli::run(vec!["headshotpro".into(), "credits".into()]);
//! std::process::exit(code);
//! ```

mod args;
mod commands;
mod context;
mod failure;
mod import;
mod mock_cmd;
mod output;
mod webhooks;

use std::panic::{self, AssertUnwindSafe};

use clap::Parser;

use crate::args::{Cli, Command};
use crate::context::Context;
use crate::failure::Failure;
pub use crate::failure::{EXIT_API, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE};

/// Runs the command line `args` (the program name first, as in `argv`) and
/// returns the exit code: 0 ok, 1 an API or connection error, 2 usage, 130
/// interrupted.
///
/// It owns everything it needs, so any host can embed it: it builds and
/// drops its own tokio runtime (call it from a thread that is not inside
/// one), handles Ctrl-C itself (a command in progress stops, a bulk import
/// keeps its journal), writes to this process's stdout and stderr, and never
/// panics or prints a backtrace: an internal fault becomes one line on
/// stderr and exit code 1.
pub fn run(args: Vec<String>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return code;
        }
    };
    let previous = panic::take_hook();
    panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown fault".to_owned());
        eprintln!("headshotpro: internal error: {what}");
    }));
    let code = panic::catch_unwind(AssertUnwindSafe(|| run_parsed(cli))).unwrap_or(EXIT_API);
    panic::set_hook(previous);
    code
}

fn run_parsed(cli: Cli) -> i32 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("headshotpro: cannot start: {e}");
            return EXIT_API;
        }
    };
    let ctx = Context::new(cli.global);
    let own_interrupt = matches!(
        cli.command,
        Command::Mock(_) | Command::Webhooks(args::WebhooksCommand::Serve(_))
    );
    let result = runtime.block_on(async move {
        if own_interrupt {
            return Some(commands::run(&ctx, cli.command).await);
        }
        tokio::select! {
            result = commands::run(&ctx, cli.command) => Some(result),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    // Nothing left behind: pending tasks are cancelled, not awaited.
    runtime.shutdown_background();
    match result {
        Some(Ok(())) => EXIT_OK,
        Some(Err(failure)) => report(&failure),
        None => {
            eprintln!("headshotpro: interrupted");
            EXIT_INTERRUPTED
        }
    }
}

fn report(failure: &Failure) -> i32 {
    if !matches!(failure, Failure::Reported) {
        eprintln!("headshotpro: error: {failure}");
    }
    failure.exit_code()
}
