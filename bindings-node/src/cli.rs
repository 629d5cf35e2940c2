//! The `headshotpro` command of the npm package's `bin`: the CLI crate's
//! `run`, embedded, so no second binary ships.

use napi_derive::napi;

/// Runs the command with `args` (the whole argv, program name first) and
/// returns its exit code: 0 ok, 1 an API or connection error, 2 usage,
/// 130 interrupted. It blocks the calling thread for the whole command,
/// which owns its runtime, Ctrl-C handling, standard output and error; the
/// `bin` script calls it and exits with the code.
#[napi(catch_unwind)]
pub fn run_cli(args: Vec<String>) -> i32 {
    default_interrupts();
    headshotpro_cli::run(args)
}

/// Gives SIGINT and SIGTERM back their default action before the command
/// installs its own handlers. Node's handlers re-raise the signal expecting
/// the default action to follow; chained behind the command's handlers,
/// they would raise it forever and Ctrl-C would never reach the command.
/// The command is the whole process, so nothing of Node's needs them.
fn default_interrupts() {
    #[cfg(unix)]
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // SAFETY: setting a signal's disposition to SIG_DFL is always sound;
        // no handler of this process's Rust code is replaced.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
        }
    }
}
