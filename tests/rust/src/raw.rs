//! `"raw": true` op steps: the call through `.with_response()`, its result
//! the data with the status, headers and rate limit of the answer.

use std::future::Future;

use anyhow::{bail, Result};
use headshotpro::WithResponse;
use serde_json::Value;

use crate::canonical;
use crate::ops::Outcome;

/// Ops that do not make exactly one call of the SDK's resources, for which
/// the matrix defines no raw form.
const NOT_RAW: &[&str] = &["models.wait", "photos.save"];

/// Refuses `raw` on an op the matrix defines no raw form for.
pub fn check_op(op: &str) -> Result<()> {
    if NOT_RAW.contains(&op)
        || op.ends_with("_all")
        || op.starts_with("webhook.")
        || op.starts_with("client.")
    {
        bail!("\"raw\" is not defined for {op}");
    }
    Ok(())
}

/// Runs an op's call under `.with_response()`. The outer error is a problem
/// of the case (it wins over whatever the SDK said), the inner one the SDK's.
pub async fn call(op: impl Future<Output = Result<Outcome>>) -> Result<Outcome> {
    let mut problem = None;
    let answer = async {
        match op.await {
            Ok(outcome) => outcome.map(Some),
            Err(error) => {
                problem = Some(error);
                Ok(None)
            }
        }
    }
    .with_response()
    .await;
    if let Some(problem) = problem {
        return Err(problem);
    }
    Ok(answer.map(|response| {
        let data = response.data.clone().unwrap_or(Value::Null);
        canonical::response(data, &response)
    }))
}
