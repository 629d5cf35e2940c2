//! The `headshotpro-mock` command: starts the mock server and prints where it listens.

use std::process::ExitCode;

use clap::Parser;
use headshotpro_mock::cli::{serve, MockArgs, ServeError, CONTROL_API};

/// A stateful emulator of the HeadshotPro API for tests and local development.
#[derive(Parser, Debug)]
#[command(name = "headshotpro-mock", version, about, after_help = CONTROL_API)]
struct Cli {
    #[command(flatten)]
    args: MockArgs,
}

#[tokio::main]
async fn main() -> ExitCode {
    match serve(Cli::parse().args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(ServeError::Usage(e)) => {
            eprintln!("headshotpro-mock: {e}");
            ExitCode::from(2)
        }
        Err(ServeError::Io(e)) => {
            eprintln!("headshotpro-mock: {e}");
            ExitCode::FAILURE
        }
    }
}
