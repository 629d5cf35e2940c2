//! Running one case: reset and set up the mock, build the client, run the steps.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use headshotpro::Client;
use serde_json::{json, Map, Value};

use crate::canonical;
use crate::case::{CallOptions, Case, Expect, Outcome, Step};
use crate::case_dir::CaseDir;
use crate::client_setup::{self, closed_port_url};
use crate::matcher;
use crate::mock::MockServer;
use crate::ops;
use crate::ops_client;
use crate::raw;
use crate::vars::Vars;

/// No case may take longer than this, whatever hangs.
const CASE_TIMEOUT: Duration = Duration::from_secs(120);

/// How long a `webhooks` step waits for the deliveries it counts.
const WEBHOOK_WAIT: Duration = Duration::from_secs(10);
/// Pause between two reads of the webhook log.
const WEBHOOK_POLL: Duration = Duration::from_millis(25);

/// What every step of one case shares.
struct CaseContext<'a> {
    mock: &'a MockServer,
    client: Client,
    vectors: &'a Path,
    dir: CaseDir,
}

/// Runs a case; `Err` says why it failed.
pub async fn run_case(
    mock: &MockServer,
    vectors: &Path,
    name: &str,
    case: &Case,
) -> Result<(), String> {
    match tokio::time::timeout(CASE_TIMEOUT, run(mock, vectors, name, case)).await {
        Ok(result) => result.map_err(|e| format!("{e:#}")),
        Err(_) => Err(format!(
            "the case took longer than {} s",
            CASE_TIMEOUT.as_secs()
        )),
    }
}

async fn run(mock: &MockServer, vectors: &Path, name: &str, case: &Case) -> Result<()> {
    mock.control_ok("POST", "/__mock/reset", None)
        .await
        .context("resetting the mock")?;
    if let Some(settings) = &case.mock {
        mock.control_ok("PUT", "/__mock/organization", Some(settings))
            .await
            .context("setting up the organization")?;
    }
    for fault in &case.faults {
        mock.control_ok("POST", "/__mock/faults", Some(fault))
            .await
            .context("adding a fault")?;
    }
    let ctx = CaseContext {
        mock,
        client: client_setup::build(mock, &case.client)?
            .map_err(|e| anyhow!("building the client: {e}"))?,
        vectors,
        dir: CaseDir::create(name)?,
    };
    let mut vars = Vars::default();
    vars.save(
        "env",
        json!({"mock_url": mock.url, "closed_port_url": closed_port_url()?}),
    );
    for (index, raw) in case.steps.iter().enumerate() {
        let label = step_label(raw);
        let step = vars
            .substitute(raw)
            .and_then(|value| Step::parse(&value))
            .with_context(|| format!("step {} ({label})", index + 1))?;
        run_step(&ctx, &mut vars, step)
            .await
            .with_context(|| format!("step {} ({label})", index + 1))?;
    }
    Ok(())
}

fn step_label(raw: &Value) -> String {
    if let Some(op) = raw.get("op").and_then(Value::as_str) {
        return op.to_owned();
    }
    ["control", "requests", "webhooks", "sleep_ms"]
        .into_iter()
        .find(|k| raw.get(k).is_some())
        .unwrap_or("?")
        .to_owned()
}

async fn run_step(ctx: &CaseContext<'_>, vars: &mut Vars, step: Step) -> Result<()> {
    let mock = ctx.mock;
    match step {
        Step::Op {
            op,
            args,
            options,
            raw,
            save,
            expect,
        } => {
            if raw {
                raw::check_op(&op)?;
            }
            let started = Instant::now();
            let outcome = match step_client(&ctx.client, options.as_ref()) {
                Ok(client) if raw => raw::call(call_op(ctx, &client, &op, &args)).await?,
                Ok(client) => call_op(ctx, &client, &op, &args).await?,
                Err(refused) => Err(refused),
            };
            let elapsed = started.elapsed();
            let result = check_outcome(&expect, outcome)?;
            if let Some(min) = expect.min_elapsed_ms {
                if elapsed < Duration::from_millis(min) {
                    bail!(
                        "took {} ms, expected at least {min} ms",
                        elapsed.as_millis()
                    );
                }
            }
            if let (Some(name), Some(value)) = (save, result) {
                vars.save(&name, value);
            }
            Ok(())
        }
        Step::Control {
            method,
            path,
            body,
            expect_status,
        } => {
            let (status, answer) = mock.control(&method, &path, body.as_ref()).await?;
            let ok = match expect_status {
                Some(want) => status == want,
                None => (200..300).contains(&status),
            };
            if !ok {
                bail!("{method} {path} answered {status}: {answer}");
            }
            Ok(())
        }
        Step::Requests {
            method,
            path,
            count,
            headers,
        } => {
            let log = mock.requests().await?;
            let entries: Vec<&Value> = log
                .iter()
                .filter(|r| {
                    method.as_deref().is_none_or(|m| {
                        r.get("method")
                            .and_then(Value::as_str)
                            .is_some_and(|rm| rm.eq_ignore_ascii_case(m))
                    })
                })
                .filter(|r| {
                    r.get("path")
                        .and_then(Value::as_str)
                        .is_some_and(|p| p.starts_with(&path))
                })
                .collect();
            let matching = &entries;
            if matching.len() as u64 != count {
                let seen: Vec<String> = log
                    .iter()
                    .map(|r| {
                        format!(
                            "{} {}",
                            r.get("method").and_then(Value::as_str).unwrap_or("?"),
                            r.get("path").and_then(Value::as_str).unwrap_or("?")
                        )
                    })
                    .collect();
                bail!(
                    "expected {count} request(s) to {} {path}, found {}; request log: {seen:?}",
                    method.as_deref().unwrap_or("*"),
                    matching.len()
                );
            }
            if let Some(pattern) = headers {
                for entry in matching {
                    let got = entry.get("headers").unwrap_or(&Value::Null);
                    let lower = lower_case_keys(got);
                    matcher::check(&pattern, &lower).map_err(|e| {
                        anyhow!(
                            "headers of {} {}: {e}",
                            entry.get("method").and_then(Value::as_str).unwrap_or("?"),
                            entry.get("path").and_then(Value::as_str).unwrap_or("?")
                        )
                    })?;
                }
            }
            Ok(())
        }
        Step::Webhooks {
            event,
            model_id,
            count,
        } => check_webhooks(mock, event.as_deref(), model_id.as_deref(), count).await,
        Step::Sleep(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok(())
        }
    }
}

/// The client a step calls: the case's, or a `with_options` child of it.
fn step_client(client: &Client, options: Option<&CallOptions>) -> headshotpro::Result<Client> {
    match options {
        Some(options) => Ok(client.with_options(client_setup::request_options(options)?)),
        None => Ok(client.clone()),
    }
}

/// Runs one op: a client op (`client.*`), else a resource or webhook op.
async fn call_op(
    ctx: &CaseContext<'_>,
    client: &Client,
    op: &str,
    args: &Value,
) -> Result<ops::Outcome> {
    if let Some(outcome) = ops_client::call(client, ctx.mock, op, args).await? {
        return Ok(outcome);
    }
    ops::call(client, ctx.vectors, ctx.dir.path(), op, args).await
}

/// A header map with lower-case names (the mock's log already has them; a
/// pattern's names are compared in lower case too).
fn lower_case_keys(headers: &Value) -> Value {
    match headers {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Waits (up to [`WEBHOOK_WAIT`]) until the webhook log holds `count` first
/// delivery attempts of `event` for `model_id`, then requires exactly that many.
async fn check_webhooks(
    mock: &MockServer,
    event: Option<&str>,
    model_id: Option<&str>,
    count: u64,
) -> Result<()> {
    let deadline = Instant::now() + WEBHOOK_WAIT;
    loop {
        let log = mock.webhooks().await?;
        let matching = log
            .iter()
            .filter(|w| w.get("attempt").and_then(Value::as_u64) == Some(1))
            .filter(|w| event.is_none_or(|e| w.get("event").and_then(Value::as_str) == Some(e)))
            .filter(|w| {
                model_id.is_none_or(|m| w.get("modelId").and_then(Value::as_str) == Some(m))
            })
            .count() as u64;
        if matching == count {
            return Ok(());
        }
        if matching > count || Instant::now() >= deadline {
            let seen: Vec<String> = log
                .iter()
                .map(|w| {
                    format!(
                        "{} {} attempt {}",
                        w.get("event").and_then(Value::as_str).unwrap_or("?"),
                        w.get("modelId").and_then(Value::as_str).unwrap_or("?"),
                        w.get("attempt").unwrap_or(&Value::Null)
                    )
                })
                .collect();
            bail!(
                "expected {count} webhook event(s) {} for model {}, found {matching}; webhook log: {seen:?}",
                event.unwrap_or("*"),
                model_id.unwrap_or("*")
            );
        }
        tokio::time::sleep(WEBHOOK_POLL).await;
    }
}

/// Checks the SDK's outcome against `expect`; answers the result to save.
fn check_outcome(expect: &Expect, outcome: ops::Outcome) -> Result<Option<Value>> {
    match (&expect.outcome, outcome) {
        (Outcome::Success, Ok(value)) => Ok(Some(value)),
        (Outcome::Result(pattern), Ok(value)) => {
            matcher::check(pattern, &value).map_err(|e| anyhow!("result {e}; result: {value}"))?;
            Ok(Some(value))
        }
        (Outcome::Error(want), Ok(value)) => bail!(
            "expected {} but the call succeeded with {value}",
            want.get("class").unwrap_or(&Value::Null)
        ),
        (Outcome::Success | Outcome::Result(_), Err(error)) => bail!(
            "expected success, got {}: {error}",
            canonical::error(&error)
        ),
        (Outcome::Error(want), Err(error)) => {
            let got = canonical::error(&error);
            check_error(want, &got).map_err(|e| anyhow!("{e}; error: {got} ({error})"))?;
            Ok(None)
        }
    }
}

fn check_error(want: &Map<String, Value>, got: &Value) -> Result<(), String> {
    for (key, expected) in want {
        match key.as_str() {
            "class" | "code" | "status" => {
                let actual = got.get(key).unwrap_or(&Value::Null);
                matcher::check(expected, actual).map_err(|e| format!("error {key}: {e}"))?;
            }
            "message_contains" => {
                let needle = expected.as_str().unwrap_or_default();
                let message = got
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                if !message.contains(needle) {
                    return Err(format!("error message does not contain {needle:?}"));
                }
            }
            other => return Err(format!("unknown expect.error key {other:?}")),
        }
    }
    Ok(())
}
