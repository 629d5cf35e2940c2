//! Case files (`tests/cases/<name>.json`) and their steps, as `tests/README.md`
//! describes them.

use std::path::Path;

use anyhow::{bail, ensure, Context, Result};
use serde_json::{Map, Value};

/// One case file, read but not yet checked.
#[derive(Debug)]
pub struct Loaded {
    /// The file stem.
    pub name: String,
    /// The case, or why the file is not a valid case.
    pub case: Result<Case>,
}

/// A checked case.
#[derive(Debug)]
pub struct Case {
    /// Client settings for this case.
    pub client: ClientSettings,
    /// `PUT /__mock/organization` body, if any.
    pub mock: Option<Value>,
    /// `POST /__mock/faults` bodies.
    pub faults: Vec<Value>,
    /// Raw steps; each is checked after variable substitution.
    pub steps: Vec<Value>,
}

/// The `client` object of a case.
#[derive(Debug, Default)]
pub struct ClientSettings {
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Per-attempt timeout.
    pub timeout_ms: Option<u64>,
    /// A key other than the mock's.
    pub api_key: Option<String>,
    /// A base URL other than the mock's (`$closed_port` is special).
    pub base_url: Option<String>,
    /// Headers sent with every request, in the case's order.
    pub default_headers: Option<Vec<(String, String)>>,
    /// The application named in the user agent.
    pub app_info: Option<AppInfoSettings>,
    /// The client's own cap on requests per minute.
    pub max_requests_per_minute: Option<u32>,
}

/// The `app_info` object of a client: `{name, version?, url?}`.
#[derive(Debug, Clone)]
pub struct AppInfoSettings {
    /// The application's name.
    pub name: String,
    /// Its version.
    pub version: Option<String>,
    /// Its URL.
    pub url: Option<String>,
}

/// One step, after variable substitution.
#[derive(Debug)]
pub enum Step {
    /// Call the SDK.
    Op {
        /// e.g. `invites.create`.
        op: String,
        /// snake_case arguments.
        args: Value,
        /// Per-call options (`timeout_ms`, `max_retries`, `headers`), if any.
        options: Option<CallOptions>,
        /// Whether the call goes through the raw-response form.
        raw: bool,
        /// Variable to store the canonical result in.
        save: Option<String>,
        /// What must happen.
        expect: Expect,
    },
    /// A call to the mock's control API.
    Control {
        /// HTTP method.
        method: String,
        /// Path under the mock's URL.
        path: String,
        /// JSON body, if any.
        body: Option<Value>,
        /// The status required instead of any 2xx.
        expect_status: Option<u16>,
    },
    /// Count entries of the mock's request log.
    Requests {
        /// Method to match, if any.
        method: Option<String>,
        /// Path prefix to match.
        path: String,
        /// Required number of matching entries.
        count: u64,
        /// A pattern every matching entry's headers (lower-case names) must match.
        headers: Option<Value>,
    },
    /// Count first delivery attempts in the mock's webhook log.
    Webhooks {
        /// Event name to match, if any.
        event: Option<String>,
        /// Model id to match, if any.
        model_id: Option<String>,
        /// Required number of matching events.
        count: u64,
    },
    /// Wait this many milliseconds.
    Sleep(u64),
}

/// What an `op` step must produce.
#[derive(Debug, Default)]
pub struct Expect {
    /// The required outcome.
    pub outcome: Outcome,
    /// Lower bound on the step's duration.
    pub min_elapsed_ms: Option<u64>,
}

/// Success (optionally matching a pattern) or a given error.
#[derive(Debug, Default)]
pub enum Outcome {
    /// Any success.
    #[default]
    Success,
    /// A success whose canonical result matches this pattern.
    Result(Value),
    /// A failure matching `{class, code?, status?, message_contains?}`.
    Error(Map<String, Value>),
}

/// Every `*.json` in `dir`, sorted by file name, optionally only names containing `only`.
pub fn load_dir(dir: &Path, only: Option<&str>) -> Result<Vec<Loaded>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut cases = Vec::new();
    for path in paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if only.is_some_and(|o| !name.contains(o)) {
            continue;
        }
        let case = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))
            .and_then(|text| serde_json::from_str(&text).context("not JSON"))
            .and_then(|value| parse_case(&name, &value));
        cases.push(Loaded { name, case });
    }
    Ok(cases)
}

fn parse_case(stem: &str, value: &Value) -> Result<Case> {
    let obj = value.as_object().context("a case must be an object")?;
    for key in obj.keys() {
        ensure!(
            ["name", "description", "client", "mock", "faults", "steps"].contains(&key.as_str()),
            "unknown key {key:?}"
        );
    }
    ensure!(
        obj.get("name").and_then(Value::as_str) == Some(stem),
        "name must equal the file stem {stem:?}"
    );
    let client = match obj.get("client") {
        None => ClientSettings::default(),
        Some(c) => parse_client(c)?,
    };
    let faults = match obj.get("faults") {
        None => Vec::new(),
        Some(f) => f.as_array().context("faults must be an array")?.clone(),
    };
    let steps = obj
        .get("steps")
        .and_then(Value::as_array)
        .context("steps must be an array")?
        .clone();
    ensure!(!steps.is_empty(), "a case needs at least one step");
    Ok(Case {
        client,
        mock: obj.get("mock").cloned(),
        faults,
        steps,
    })
}

/// The per-call options of an op step.
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
    /// Per-attempt timeout for this call.
    pub timeout_ms: Option<u64>,
    /// Retries for this call.
    pub max_retries: Option<u32>,
    /// Extra headers for this call, in the case's order.
    pub headers: Option<Vec<(String, String)>>,
}

fn parse_options(value: &Value) -> Result<CallOptions> {
    let obj = value.as_object().context("options must be an object")?;
    let mut options = CallOptions::default();
    for (key, v) in obj {
        match key.as_str() {
            "max_retries" => {
                let n = v.as_u64().context("max_retries must be an integer")?;
                options.max_retries = Some(u32::try_from(n)?);
            }
            "timeout_ms" => options.timeout_ms = Some(v.as_u64().context("timeout_ms")?),
            "headers" => options.headers = Some(header_pairs(v).context("options.headers")?),
            other => bail!("unknown option {other:?}"),
        }
    }
    Ok(options)
}

/// The `client` object of a case, or the args of a `client.create` step.
pub fn parse_client(value: &Value) -> Result<ClientSettings> {
    let obj = value.as_object().context("client must be an object")?;
    let mut settings = ClientSettings::default();
    for (key, v) in obj {
        match key.as_str() {
            "max_retries" => {
                let n = v.as_u64().context("max_retries must be an integer")?;
                settings.max_retries = Some(u32::try_from(n)?);
            }
            "timeout_ms" => settings.timeout_ms = Some(v.as_u64().context("timeout_ms")?),
            "api_key" => settings.api_key = Some(v.as_str().context("api_key")?.to_owned()),
            "base_url" => settings.base_url = Some(v.as_str().context("base_url")?.to_owned()),
            "default_headers" => {
                settings.default_headers = Some(header_pairs(v).context("default_headers")?);
            }
            "app_info" => settings.app_info = Some(parse_app_info(v)?),
            "max_requests_per_minute" => {
                let n = v
                    .as_u64()
                    .context("max_requests_per_minute must be an integer")?;
                settings.max_requests_per_minute = Some(u32::try_from(n)?);
            }
            other => bail!("unknown client key {other:?}"),
        }
    }
    Ok(settings)
}

/// An object of header name → string value, as (name, value) pairs.
fn header_pairs(value: &Value) -> Result<Vec<(String, String)>> {
    value
        .as_object()
        .context("headers must be an object")?
        .iter()
        .map(|(name, v)| {
            let v = v
                .as_str()
                .with_context(|| format!("the value of header {name:?} must be a string"))?;
            Ok((name.clone(), v.to_owned()))
        })
        .collect()
}

fn parse_app_info(value: &Value) -> Result<AppInfoSettings> {
    let obj = value.as_object().context("app_info must be an object")?;
    let optional = |key: &str| -> Result<Option<String>> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => Ok(Some(
                v.as_str()
                    .with_context(|| format!("app_info.{key} must be a string"))?
                    .to_owned(),
            )),
        }
    };
    for key in obj.keys() {
        ensure!(
            ["name", "version", "url"].contains(&key.as_str()),
            "unknown app_info key {key:?}"
        );
    }
    Ok(AppInfoSettings {
        name: text(obj, "name").context("app_info")?,
        version: optional("version")?,
        url: optional("url")?,
    })
}

impl Step {
    /// Reads a step (variables already substituted).
    pub fn parse(value: &Value) -> Result<Self> {
        let obj = value.as_object().context("a step must be an object")?;
        if let Some(op) = obj.get("op") {
            let op = op.as_str().context("op must be a string")?.to_owned();
            let save = match obj.get("save") {
                None => None,
                Some(s) => Some(s.as_str().context("save must be a string")?.to_owned()),
            };
            let expect = match obj.get("expect") {
                None => Expect::default(),
                Some(e) => parse_expect(e)?,
            };
            let args = obj.get("args").cloned().unwrap_or(Value::Null);
            let options = obj.get("options").map(parse_options).transpose()?;
            let raw = match obj.get("raw") {
                None => false,
                Some(r) => r.as_bool().context("raw must be a boolean")?,
            };
            return Ok(Self::Op {
                op,
                args,
                options,
                raw,
                save,
                expect,
            });
        }
        if let Some(control) = obj.get("control") {
            let c = control.as_object().context("control must be an object")?;
            let status = c.get("expect_status").or_else(|| obj.get("expect_status"));
            return Ok(Self::Control {
                method: text(c, "method")?,
                path: text(c, "path")?,
                body: c.get("body").cloned(),
                expect_status: match status {
                    None => None,
                    Some(s) => Some(u16::try_from(s.as_u64().context("expect_status")?)?),
                },
            });
        }
        if let Some(requests) = obj.get("requests") {
            let r = requests.as_object().context("requests must be an object")?;
            return Ok(Self::Requests {
                method: r.get("method").and_then(Value::as_str).map(str::to_owned),
                path: text(r, "path")?,
                count: r
                    .get("count")
                    .and_then(Value::as_u64)
                    .context("requests.count must be an integer")?,
                headers: match r.get("headers") {
                    None => None,
                    Some(h) if h.is_object() => Some(h.clone()),
                    Some(_) => bail!("requests.headers must be an object"),
                },
            });
        }
        if let Some(webhooks) = obj.get("webhooks") {
            let w = webhooks.as_object().context("webhooks must be an object")?;
            return Ok(Self::Webhooks {
                event: w.get("event").and_then(Value::as_str).map(str::to_owned),
                model_id: w.get("model_id").and_then(Value::as_str).map(str::to_owned),
                count: w
                    .get("count")
                    .and_then(Value::as_u64)
                    .context("webhooks.count must be an integer")?,
            });
        }
        if let Some(ms) = obj.get("sleep_ms") {
            return Ok(Self::Sleep(
                ms.as_u64().context("sleep_ms must be an integer")?,
            ));
        }
        bail!("a step needs one of op, control, requests, webhooks, sleep_ms")
    }
}

fn parse_expect(value: &Value) -> Result<Expect> {
    let obj = value.as_object().context("expect must be an object")?;
    let min_elapsed_ms = match obj.get("min_elapsed_ms") {
        None => None,
        Some(v) => Some(v.as_u64().context("min_elapsed_ms must be an integer")?),
    };
    let outcome = match (obj.get("result"), obj.get("error")) {
        (Some(_), Some(_)) => bail!("expect has both result and error"),
        (Some(r), None) => Outcome::Result(r.clone()),
        (None, Some(e)) => {
            let e = e.as_object().context("expect.error must be an object")?;
            ensure!(e.contains_key("class"), "expect.error needs a class");
            Outcome::Error(e.clone())
        }
        (None, None) => Outcome::Success,
    };
    Ok(Expect {
        outcome,
        min_elapsed_ms,
    })
}

fn text(obj: &Map<String, Value>, key: &str) -> Result<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .with_context(|| format!("{key} must be a string"))
}
