//! The mock server process this runner starts, and its control API.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use reqwest::Method;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, ChildStdin, Command};

/// How long the mock may take to print where it listens.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// Timeout of each control call.
const CONTROL_TIMEOUT: Duration = Duration::from_secs(30);

/// A running `headshotpro-mock`, stopped by [`MockServer::stop`] (or killed on drop).
pub struct MockServer {
    child: Child,
    stdin: Option<ChildStdin>,
    http: reqwest::Client,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The default organization's key.
    pub api_key: String,
}

impl MockServer {
    /// Starts the binary on an ephemeral port and reads its first stdout line.
    pub async fn start(bin: &Path) -> Result<Self> {
        // The control client's reqwest shares the core's `rustls-no-provider`
        // feature; it only speaks plain HTTP to loopback but needs a provider to build.
        // An error only means a provider is already installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut child = Command::new(bin)
            .args([
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--dev-step-ms",
                "50",
                "--webhook-delay-ms",
                "0",
                "--webhook-retry-ms",
                "50",
                "--exit-on-stdin-close",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {}", bin.display()))?;
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().context("the mock's stdout")?;
        let mut lines = BufReader::new(stdout).lines();
        let first = tokio::time::timeout(START_TIMEOUT, lines.next_line())
            .await
            .context("the mock printed nothing in 30 s")??
            .context("the mock exited before printing its address")?;
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        let hello: Value = serde_json::from_str(&first)
            .with_context(|| format!("the mock's first line is not JSON: {first}"))?;
        let field = |name: &str| {
            hello
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .with_context(|| format!("the mock's first line has no {name}: {first}"))
        };
        Ok(Self {
            url: field("url")?,
            api_key: field("api_key")?,
            child,
            stdin,
            http: reqwest::Client::builder()
                .timeout(CONTROL_TIMEOUT)
                .build()?,
        })
    }

    /// Sends a control call; answers the status and the JSON body (null if none).
    pub async fn control(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<(u16, Value)> {
        let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes())
            .with_context(|| format!("invalid method {method}"))?;
        let mut request = self.http.request(method, format!("{}{path}", self.url));
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request
            .send()
            .await
            .with_context(|| format!("control call {path}"))?;
        let status = response.status().as_u16();
        let bytes = response.bytes().await?;
        let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok((status, json))
    }

    /// A control call that must answer 2xx.
    pub async fn control_ok(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<Value> {
        let (status, json) = self.control(method, path, body).await?;
        if !(200..300).contains(&status) {
            bail!("{method} {path} answered {status}: {json}");
        }
        Ok(json)
    }

    /// Every API request received since the last reset.
    pub async fn requests(&self) -> Result<Vec<Value>> {
        self.log("requests").await
    }

    /// Every webhook delivery attempt since the last reset.
    pub async fn webhooks(&self) -> Result<Vec<Value>> {
        self.log("webhooks").await
    }

    /// `GET /__mock/<name>`'s `<name>` array.
    async fn log(&self, name: &str) -> Result<Vec<Value>> {
        let path = format!("/__mock/{name}");
        let answer = self.control_ok("GET", &path, None).await?;
        let list = match answer {
            Value::Array(items) => items,
            Value::Object(mut map) => match map.remove(name) {
                Some(Value::Array(items)) => items,
                _ => bail!("GET {path} has no {name} array"),
            },
            other => bail!("GET {path} answered {other}"),
        };
        Ok(list)
    }

    /// Closes the mock's stdin so it exits; kills it if it lingers.
    pub async fn stop(mut self) {
        drop(self.stdin.take());
        if tokio::time::timeout(Duration::from_secs(5), self.child.wait())
            .await
            .is_err()
        {
            let _ = self.child.kill().await;
        }
    }
}
