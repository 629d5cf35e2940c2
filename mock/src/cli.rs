//! The `headshotpro-mock` command line as a library (feature `cli`), so that other
//! programs (the `headshotpro mock` subcommand) offer the same flags and behaviour:
//! [`MockArgs`] parses the flags, [`serve`] starts the server, prints the first line and
//! serves until a stop signal.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::{MockConfig, MockServer, DEFAULT_API_KEY};

/// The control API and fault reference printed after `--help`.
pub const CONTROL_API: &str = "\
CONTROL API (no auth; answers 200 {\"success\": true, ...}; 404 for an unknown id):
  POST   /__mock/reset                         back to the start state (incl. these flags);
                                               cancels pending webhooks and timers, clears logs and faults
  GET    /__mock/organization[?key=K]          the organization's settings
  PUT    /__mock/organization[?key=K]          {credits?, whitelabel?, webhookUrl?, webhookSecret?,
                                               inviteLimit?, rateLimit?, rateWindowMs?, photosPerModel?,
                                               photoUrlTtlMs?, envelope? (top|data), name?, website?,
                                               description?}
                                               (null clears the optional ones); default: the --api-key org
  POST   /__mock/invites/{id}/accept           pending-invite -> waiting-for-upload (email becomes a member)
  POST   /__mock/invites/{id}/upload           waiting-for-upload -> generating-headshots (spends a credit)
  POST   /__mock/invites/{id}/advance          the next step (accept, upload, or -> active)
  POST   /__mock/models/{id}/complete-onboarding   onboarding -> waiting (spends a credit unless development)
  POST   /__mock/models/{id}/advance           waiting -> pending -> generatingHeadshots -> active; failed -> pending
  POST   /__mock/models/{id}/fail              waiting/pending/generatingHeadshots -> failed
  POST   /__mock/models/{id}/favorite          {photoId}: the user picks a favorite (model.favorite_selected)
  POST   /__mock/photos/{id}/like              {status: liked|loved|none}
  POST   /__mock/seed[?key=K]                  {members?, models?, teamId?}: bulk accepted members and
                                               active models with photos, without webhooks
  POST   /__mock/faults                        {method?, path, status?, body?, headers?, delay_ms?, drop?,
                                               after?, times?}
  GET    /__mock/faults                        the faults still pending
  DELETE /__mock/faults                        removes every fault
  GET    /__mock/requests                      {success, requests: [{method, path, query, headers, body}]}
  DELETE /__mock/requests                      clears the request log
  GET    /__mock/webhooks                      {success, webhooks: [{event, eventId, modelId, url, attempt, status, error, at}]}
  DELETE /__mock/webhooks                      clears the delivery log
  GET    /__mock/state                         the whole state as JSON
  GET    /__mock/health                        {success: true, status: \"ok\"}
A transition that does not apply to the current status answers 409 INVALID_STATE; a spend
with 0 credits answers 402 INSUFFICIENT_CREDITS and changes nothing.

FAULTS apply to the next `times` (default 1) API requests whose method matches (absent: any)
and whose path starts with `path`, in the order added. `status` alone answers
{\"success\": false, \"error\": \"injected fault\", \"code\": \"INJECTED\"}; `body` is sent raw when
it is a JSON string, serialized otherwise (200 without `status`); `headers` adds response
headers; `delay_ms` waits first (alone: then answers normally); `drop: true` reads the
request and closes the connection without an answer. `after` processes the request first
(it takes effect), then `\"after\": \"drop\"` closes the connection without an answer
and `\"after\": 502` (any status) answers that status instead. Faults match CDN paths
(/cdn/) too.

The first line on stdout is {\"url\": \"http://127.0.0.1:PORT\", \"api_key\": \"...\"}; with --tls
the url is https:// and the line adds \"ca_pem\": the PEM of the certificate authority to trust.
Photo URLs point at http(s)://localhost:PORT/cdn/... (the same server under another host name).";

/// The command-line flags of `headshotpro-mock` (also `headshotpro mock`).
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
    /// Disable the whitelabel feature of the default organization (its endpoints answer 403).
    #[arg(long)]
    pub no_whitelabel: bool,
    /// Where the default organization's webhooks are POSTed.
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,
    /// Webhook signing secret (HMAC-SHA256 key: the string's own bytes); unsigned without it.
    #[arg(long, value_name = "SECRET")]
    pub webhook_secret: Option<String>,
    /// Wait before the first delivery attempt of a webhook, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub webhook_delay_ms: u64,
    /// Wait between webhook delivery attempts, in milliseconds (4 attempts at most).
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub webhook_retry_ms: u64,
    /// Time a development model spends in each status after onboarding, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub dev_step_ms: u64,
    /// Requests allowed per api key and rate window (fixed window); unlimited without it.
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,
    /// The length of a rate-limit window, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 60_000)]
    pub rate_window_ms: u64,
    /// Photos each model gets when it turns active.
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub photos_per_model: u32,
    /// How long a signed photo URL stays valid, in milliseconds (0: already expired).
    #[arg(long, value_name = "N", default_value_t = 86_400_000)]
    pub photo_url_ttl_ms: u64,
    /// Pending invites allowed per organization; unlimited without it.
    #[arg(long, value_name = "N")]
    pub invite_limit: Option<u32>,
    /// JSON file with more organizations: {"organizations": [{"apiKey": "...", "name": "...",
    /// "credits": 10, "whitelabel": true, "webhookUrl": null, "webhookSecret": null,
    /// "inviteLimit": null, "rateLimit": null}]}; left-out fields take the flags' values.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate made at start; the first line
    /// then also carries "ca_pem", the certificate authority to trust.
    #[arg(long)]
    pub tls: bool,
    /// Exit when standard input closes (for harnesses that may die without killing the mock).
    #[arg(long)]
    pub exit_on_stdin_close: bool,
}

impl MockArgs {
    /// The configuration these flags describe (and the `--config` file adds to).
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

/// Why [`serve`] could not run.
#[derive(Debug)]
pub enum ServeError {
    /// The flags or the `--config` file are unusable (exit code 2).
    Usage(String),
    /// The server could not listen or its first line could not be written.
    Io(String),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Usage(message) | Self::Io(message) => f.write_str(message),
        }
    }
}

/// The first line printed on stdout: `{"url": ..., "api_key": ...}` plus `"ca_pem"` in
/// TLS mode.
pub fn first_line(server: &MockServer) -> String {
    let text = |s: &str| serde_json::Value::from(s).to_string();
    let mut line = format!(
        "{{\"url\": {}, \"api_key\": {}",
        text(server.url()),
        text(server.api_key())
    );
    if let Some(ca) = server.ca_pem() {
        line.push_str(&format!(", \"ca_pem\": {}", text(ca)));
    }
    line.push('}');
    line
}

/// Starts the mock these flags describe, prints [`first_line`], and serves until SIGINT,
/// SIGTERM or (with `--exit-on-stdin-close`) the end of standard input. Run it on a tokio
/// runtime with the time, net, IO and signal drivers enabled.
pub async fn serve(args: MockArgs) -> Result<(), ServeError> {
    let watch_stdin = args.exit_on_stdin_close;
    let config = args.into_config().map_err(ServeError::Usage)?;
    let stop = stop_signal(watch_stdin);
    let server = MockServer::start(config)
        .await
        .map_err(|e| ServeError::Io(format!("cannot listen: {e}")))?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{}", first_line(&server))
        .and_then(|()| stdout.flush())
        .map_err(|e| ServeError::Io(format!("cannot write to stdout: {e}")))?;
    drop(stdout);
    stop.await;
    server.shutdown().await;
    Ok(())
}

/// Installs the SIGINT and SIGTERM handlers now (before the first line is printed, so a
/// harness that signals right after reading it is heard), and answers a future that
/// resolves when one arrives or standard input closes (if asked).
pub fn stop_signal(watch_stdin: bool) -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let (mut interrupt, mut terminate) = {
        use tokio::signal::unix::{signal, SignalKind};
        (
            signal(SignalKind::interrupt()).ok(),
            signal(SignalKind::terminate()).ok(),
        )
    };
    async move {
        let stdin_closed = async {
            if watch_stdin {
                stdin_eof().await;
            } else {
                std::future::pending::<()>().await;
            }
        };
        #[cfg(unix)]
        let signalled = async {
            let wait = |s: Option<tokio::signal::unix::Signal>| async move {
                match s {
                    Some(mut s) => {
                        s.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt.take()) => {}
                () = wait(terminate.take()) => {}
            }
        };
        #[cfg(not(unix))]
        let signalled = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        tokio::select! {
            () = signalled => {}
            () = stdin_closed => {}
        }
    }
}

/// Resolves when standard input reaches its end. The read runs on a detached
/// thread of its own: a read on tokio's blocking pool cannot be interrupted,
/// and the runtime's shutdown would wait for it, so a signal could not stop
/// the process while standard input stays open.
async fn stdin_eof() {
    let (done, closed) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("stdin-watch".to_owned())
        .spawn(move || {
            let mut stdin = std::io::stdin().lock();
            let mut buf = [0u8; 1024];
            while matches!(std::io::Read::read(&mut stdin, &mut buf), Ok(n) if n > 0) {}
            let _ = done.send(());
        });
    match spawned {
        Ok(_) => {
            let _ = closed.await;
        }
        Err(_) => std::future::pending::<()>().await,
    }
}
