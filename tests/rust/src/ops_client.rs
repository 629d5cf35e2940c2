//! The matrix ops on the client itself: the escape hatch (`client.request`),
//! `client.last_rate_limit`, and `client.create` (building a second client
//! from settings, to show which ones the SDK refuses).

use anyhow::{Context, Result};
use headshotpro::Client;
use serde_json::Value;

use crate::canonical;
use crate::case;
use crate::client_setup;
use crate::mock::MockServer;
use crate::ops::{Args, Outcome};

/// Runs a client op; `None` when `op` is not one of them.
pub async fn call(
    client: &Client,
    mock: &MockServer,
    op: &str,
    args: &Value,
) -> Result<Option<Outcome>> {
    let a = Args::new(args);
    Ok(Some(match op {
        "client.request" => {
            let query = query(&a)?;
            client
                .request(
                    a.str("method")?,
                    a.str("path")?,
                    a.get("body").cloned(),
                    &query,
                )
                .await
        }
        "client.last_rate_limit" => Ok(client
            .last_rate_limit()
            .map_or(Value::Null, |info| canonical::rate_limit(&info))),
        "client.create" => {
            let settings = if args.is_null() {
                case::ClientSettings::default()
            } else {
                case::parse_client(args).context("client.create args")?
            };
            client_setup::build(mock, &settings)?.map(|_| Value::Null)
        }
        _ => return Ok(None),
    }))
}

/// `query`: an object of strings, as (name, value) pairs.
fn query(a: &Args<'_>) -> Result<Vec<(String, String)>> {
    let Some(query) = a.get("query") else {
        return Ok(Vec::new());
    };
    query
        .as_object()
        .context("query must be an object")?
        .iter()
        .map(|(name, value)| {
            let value = value
                .as_str()
                .with_context(|| format!("query value {name:?} must be a string"))?;
            Ok((name.clone(), value.to_owned()))
        })
        .collect()
}
