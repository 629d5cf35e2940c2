//! `headshotpro mock`: the API emulator, with the flags and behaviour of
//! `headshotpro-mock` (both come from `headshotpro_mock::cli`).

pub use headshotpro_mock::cli::MockArgs;
use headshotpro_mock::cli::ServeError;

use crate::failure::{Failure, Outcome};

/// Starts the mock, prints `{"url": ..., "api_key": ...}` (plus `ca_pem`
/// with `--tls`) as the first line, and serves until Ctrl-C, SIGTERM or (with
/// `--exit-on-stdin-close`) the end of standard input.
pub async fn run(args: MockArgs) -> Outcome {
    headshotpro_mock::cli::serve(args)
        .await
        .map_err(|e| match e {
            ServeError::Usage(message) => Failure::usage(message),
            ServeError::Io(message) => Failure::other(format!("the mock: {message}")),
        })
}
