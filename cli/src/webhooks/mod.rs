//! `webhooks serve` and `webhooks verify`, and what they share: the secret
//! file and how a long-running command hears that it should stop.

mod forward;
mod serve;
mod verify;

use std::path::Path;

pub use serve::serve;
pub use verify::verify;

use crate::failure::{Failure, Outcome};

/// The signing secret in a file: its text without surrounding whitespace.
pub fn read_secret(path: &Path) -> Outcome<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Failure::usage(format!("cannot read --secret-file {}: {e}", path.display()))
    })?;
    let secret = text.trim();
    if secret.is_empty() {
        return Err(Failure::usage(format!(
            "--secret-file {} is empty",
            path.display()
        )));
    }
    Ok(secret.to_owned())
}
