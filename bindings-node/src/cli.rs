//! The `headshotpro` command of the npm package's `bin`: the CLI crate's
//! `run`, embedded, so no second binary ships.

use napi_derive::napi;

/// Runs the command with `args` (the whole argv, program name first) and
/// returns its exit code: 0 ok, 1 an API or connection error, 2 usage. It
/// blocks the calling thread for the whole command, which owns its runtime,
/// Ctrl-C handling, standard output and error; the `bin` script calls it
/// and exits with the code.
#[napi(catch_unwind)]
pub fn run_cli(args: Vec<String>) -> i32 {
    headshotpro_cli::run(args)
}
