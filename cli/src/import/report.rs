//! `--report out.csv`: one row per input row, `email,outcome,invite_id,error`.

use std::path::Path;

use super::RowResult;
use crate::failure::{Failure, Outcome};

/// Writes the report, replacing the file.
pub fn write(path: &Path, results: &[RowResult]) -> Outcome {
    let shown = path.display();
    let fail =
        |e: &dyn std::fmt::Display| Failure::other(format!("cannot write the report {shown}: {e}"));
    let mut writer = csv::Writer::from_path(path).map_err(|e| fail(&e))?;
    writer
        .write_record(["email", "outcome", "invite_id", "error"])
        .map_err(|e| fail(&e))?;
    for result in results {
        writer
            .write_record([
                result.email.as_str(),
                result.outcome.as_str(),
                result.invite_id.as_deref().unwrap_or(""),
                result.error.as_deref().unwrap_or(""),
            ])
            .map_err(|e| fail(&e))?;
    }
    writer.flush().map_err(|e| fail(&e))
}
