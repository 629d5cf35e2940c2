//! `cli_main`: the `headshotpro` command (crate `headshotpro-cli`), linked
//! into the extension so the wheel's console script needs no second binary.

use pyo3::prelude::*;

/// Runs the command with `argv` (program name first) with the GIL released,
/// and returns its exit code: 0 ok, 1 an API or connection error, 2 usage.
/// The command handles Ctrl-C itself and writes to the process's stdout and
/// stderr.
#[pyfunction]
pub(crate) fn cli_main(py: Python<'_>, argv: Vec<String>) -> i32 {
    py.detach(move || headshotpro_cli::run(argv))
}
