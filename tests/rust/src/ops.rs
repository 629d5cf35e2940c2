//! Each matrix `op` mapped onto the public API of the `headshotpro` crate.

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use headshotpro::{webhook, Client, Error, ModelStatus};
use serde_json::Value;

use crate::canonical;
use crate::ops_v2;

/// The outcome of one SDK call: its canonical result or the SDK's error.
pub type Outcome = std::result::Result<Value, Error>;

/// Runs `op` with `args`; `photos.save` writes into `save_dir`. The outer
/// error is a problem of the case (unknown op, missing argument); the inner
/// one is what the SDK answered.
pub async fn call(
    client: &Client,
    vectors: &Path,
    save_dir: &Path,
    op: &str,
    args: &Value,
) -> Result<Outcome> {
    let a = Args::new(args);
    Ok(match op {
        "organization.retrieve" => client
            .organization()
            .retrieve()
            .await
            .map(|o| canonical::organization(&o)),
        "organization.credits" => client.organization().credits().await.map(Value::from),
        "invites.create" => client
            .invites()
            .create(a.str("email")?, a.opt_str("team_id")?)
            .await
            .map(|i| canonical::invite(&i)),
        "invites.revoke" => client
            .invites()
            .revoke(a.str("email")?)
            .await
            .map(|()| Value::Null),
        "invites.list" => client
            .invites()
            .list()
            .await
            .map(|list| list.iter().map(canonical::invite_summary).collect()),
        "invites.retrieve" => client
            .invites()
            .retrieve(a.str("invite_id")?)
            .await
            .map(|i| canonical::invite_details(&i)),
        "teams.create" => client
            .teams()
            .create(a.str("name")?)
            .await
            .map(|o| canonical::organization(&o)),
        "teams.update" => client
            .teams()
            .update(a.str("team_id")?, a.str("name")?)
            .await
            .map(|o| canonical::organization(&o)),
        "teams.delete" => client
            .teams()
            .delete(a.str("team_id")?)
            .await
            .map(|o| canonical::organization(&o)),
        "teams.add_members" => client
            .teams()
            .add_members(a.str("team_id")?, &a.strings("emails")?)
            .await
            .map(|o| canonical::organization(&o)),
        "models.create" if a.get("version").is_some() => client
            .models()
            .create_with(ops_v2::model_create_params(&a)?)
            .await
            .map(|m| canonical::model(&m)),
        "models.create" => client
            .models()
            .create(
                a.str("email")?,
                a.opt_str("team_id")?,
                a.opt_bool("is_development")?.unwrap_or(false),
            )
            .await
            .map(|m| canonical::model(&m)),
        "models.retrieve" => client
            .models()
            .retrieve(a.str("model_id")?)
            .await
            .map(|m| canonical::model(&m)),
        "models.delete" => client
            .models()
            .delete(a.str("model_id")?)
            .await
            .map(|d| canonical::deleted_model(&d)),
        "models.wait" => client
            .models()
            .wait(
                a.str("model_id")?,
                ModelStatus::from(a.str("until")?),
                Duration::from_millis(a.u64("timeout_ms")?),
            )
            .await
            .map(|m| canonical::model(&m)),
        "webhook.parse" => {
            let vector = Vector::load(vectors, a.str("vector")?)?;
            webhook::parse(vector.body.as_bytes()).map(|e| canonical::webhook_event(&e))
        }
        "webhook.verify" => {
            let vector = Vector::load(vectors, a.str("vector")?)?;
            let secret = a.opt_str("secret")?.unwrap_or(&vector.secret);
            let tolerance = a
                .opt_u64("tolerance_sec")?
                .map_or(webhook::DEFAULT_TOLERANCE, Duration::from_secs);
            webhook::verify(vector.body.as_bytes(), vector.headers, secret, tolerance)
                .map(|e| canonical::webhook_event(&e))
        }
        other => match ops_v2::call(client, save_dir, other, &a).await? {
            Some(outcome) => outcome,
            None => bail!("unknown op {other:?}"),
        },
    })
}

/// A step's `args` object; `null` counts as absent.
pub struct Args<'a>(&'a Value);

impl<'a> Args<'a> {
    /// A step's `args` (any JSON; `null` has no arguments).
    pub fn new(args: &'a Value) -> Self {
        Self(args)
    }

    /// The argument, unless absent or null.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// A required string.
    pub fn str(&self, key: &str) -> Result<&str> {
        self.opt_str(key)?
            .with_context(|| format!("missing argument {key}"))
    }

    /// An optional string.
    pub fn opt_str(&self, key: &str) -> Result<Option<&str>> {
        self.get(key)
            .map(|v| {
                v.as_str()
                    .with_context(|| format!("{key} must be a string"))
            })
            .transpose()
    }

    /// An optional boolean.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)
            .map(|v| {
                v.as_bool()
                    .with_context(|| format!("{key} must be a boolean"))
            })
            .transpose()
    }

    fn opt_u64(&self, key: &str) -> Result<Option<u64>> {
        self.get(key)
            .map(|v| {
                v.as_u64()
                    .with_context(|| format!("{key} must be an integer"))
            })
            .transpose()
    }

    fn u64(&self, key: &str) -> Result<u64> {
        self.opt_u64(key)?
            .with_context(|| format!("missing argument {key}"))
    }

    /// An optional signed integer (negative values reach the SDK, which refuses them).
    pub fn opt_i64(&self, key: &str) -> Result<Option<i64>> {
        self.get(key)
            .map(|v| {
                v.as_i64()
                    .with_context(|| format!("{key} must be an integer"))
            })
            .transpose()
    }

    fn strings(&self, key: &str) -> Result<Vec<String>> {
        self.opt_strings(key)?
            .with_context(|| format!("missing argument {key}"))
    }

    /// An optional array of strings.
    pub fn opt_strings(&self, key: &str) -> Result<Option<Vec<String>>> {
        self.get(key)
            .map(|list| {
                list.as_array()
                    .with_context(|| format!("{key} must be an array"))?
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .map(str::to_owned)
                            .with_context(|| format!("{key} must hold strings"))
                    })
                    .collect()
            })
            .transpose()
    }
}

/// A webhook vector: `vectors/<name>.json`.
struct Vector {
    body: String,
    headers: Vec<(String, String)>,
    secret: String,
}

impl Vector {
    fn load(dir: &Path, name: &str) -> Result<Self> {
        let path = dir.join(format!("{name}.json"));
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let value: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        let body = value
            .get("body")
            .and_then(Value::as_str)
            .context("vector body must be a string")?
            .to_owned();
        let headers = value
            .get("headers")
            .and_then(Value::as_object)
            .map(|h| {
                h.iter()
                    .map(|(k, v)| {
                        Ok((
                            k.clone(),
                            v.as_str().context("header values are strings")?.to_owned(),
                        ))
                    })
                    .collect::<Result<Vec<_>>>()
            })
            .transpose()?
            .unwrap_or_default();
        let secret = value
            .get("secret")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        Ok(Self {
            body,
            headers,
            secret,
        })
    }
}
