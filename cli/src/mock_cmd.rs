//! `headshotpro mock`: the API emulator with the same flags as
//! `headshotpro-mock` (the mock crate keeps its flag parsing in its binary,
//! so the flags are declared here again, mapped onto the same `MockConfig`).

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use headshotpro_mock::{MockConfig, MockServer, DEFAULT_API_KEY};

use crate::failure::{Failure, Outcome};

/// The flags of `headshotpro-mock`.
#[derive(Args, Debug, Clone)]
pub struct MockArgs {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// Address to listen on (keep it on loopback: the control API has no auth).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Api key of the default organization.
    #[arg(long, default_value = DEFAULT_API_KEY)]
    pub api_key: String,
    /// Starting credits of the default organization.
    #[arg(long, default_value_t = 100)]
    pub credits: i64,
    /// Disable the whitelabel feature of the default organization.
    #[arg(long)]
    pub no_whitelabel: bool,
    /// Where the default organization's webhooks are POSTed.
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,
    /// Webhook signing secret (HMAC-SHA256 key: the string's own bytes).
    #[arg(long, value_name = "SECRET")]
    pub webhook_secret: Option<String>,
    /// Wait before the first delivery attempt of a webhook, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub webhook_delay_ms: u64,
    /// Wait between webhook delivery attempts, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub webhook_retry_ms: u64,
    /// Time a development model spends in each status, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub dev_step_ms: u64,
    /// Requests allowed per api key and rate window; unlimited without it.
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// The length of a rate-limit window, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 60_000)]
    pub rate_window_ms: u64,
    /// Photos each model gets when it turns active.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub photos_per_model: u32,
    /// How long a signed photo URL stays valid, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 86_400_000)]
    pub photo_url_ttl_ms: u64,
    /// Pending invites allowed per organization; unlimited without it.
    #[arg(long, value_name = "N")]
    pub invite_limit: Option<u32>,
    /// JSON file with more organizations (see the mock's README).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate made at start.
    #[arg(long)]
    pub tls: bool,
    /// Exit when standard input closes.
    #[arg(long)]
    pub exit_on_stdin_close: bool,
}

impl MockArgs {
    /// The mock's configuration, as `headshotpro-mock` builds it.
    pub fn into_config(self) -> Result<MockConfig, String> {
        let mut config = MockConfig {
            host: self.host,
            port: self.port,
            api_key: self.api_key,
            credits: self.credits,
            whitelabel: !self.no_whitelabel,
            webhook_url: self.webhook_url,
            webhook_secret: self.webhook_secret,
            webhook_delay: Duration::from_millis(self.webhook_delay_ms),
            webhook_retry: Duration::from_millis(self.webhook_retry_ms),
            dev_step: Duration::from_millis(self.dev_step_ms),
            rate_limit: self.rate_limit,
            rate_window: Duration::from_millis(self.rate_window_ms),
            invite_limit: self.invite_limit,
            photos_per_model: self.photos_per_model,
            photo_url_ttl: Duration::from_millis(self.photo_url_ttl_ms),
            tls: self.tls,
            organizations: Vec::new(),
        };
        if let Some(path) = &self.config {
            config.load_file(path)?;
        }
        Ok(config)
    }
}

/// Starts the mock, prints `{"url": ..., "api_key": ...}` (plus `ca_pem`
/// with `--tls`) as the first line, and serves until Ctrl-C, SIGTERM or (with
/// `--exit-on-stdin-close`) the end of standard input.
pub async fn run(args: MockArgs) -> Outcome {
    let watch_stdin = args.exit_on_stdin_close;
    let config = args.into_config().map_err(Failure::usage)?;
    let stop = crate::webhooks::stop_signal(watch_stdin);
    let server = MockServer::start(config)
        .await
        .map_err(|e| Failure::other(format!("the mock cannot listen: {e}")))?;
    let text = |s: &str| serde_json::Value::from(s).to_string();
    let mut line = format!(
        "{{\"url\": {}, \"api_key\": {}",
        text(server.url()),
        text(server.api_key())
    );
    if let Some(pem) = server.ca_pem() {
        line.push_str(&format!(", \"ca_pem\": {}", text(pem)));
    }
    line.push('}');
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .map_err(|e| Failure::other(format!("cannot write to stdout: {e}")))?;
    drop(stdout);
    stop.await;
    server.shutdown().await;
    Ok(())
}
