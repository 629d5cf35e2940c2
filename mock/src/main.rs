//! The `headshotpro-mock` command: starts the mock server and prints where it listens.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use headshotpro_mock::{MockConfig, MockServer, DEFAULT_API_KEY};

const CONTROL_API: &str = "\
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

/// A stateful emulator of the HeadshotPro API for tests and local development.
#[derive(Parser, Debug)]
#[command(name = "headshotpro-mock", version, about, after_help = CONTROL_API)]
struct Cli {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Address to listen on (keep it on loopback: the control API has no auth).
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Api key of the default organization.
    #[arg(long, default_value = DEFAULT_API_KEY)]
    api_key: String,
    /// Starting credits of the default organization.
    #[arg(long, default_value_t = 100)]
    credits: i64,
    /// Disable the whitelabel feature of the default organization (its endpoints answer 403).
    #[arg(long)]
    no_whitelabel: bool,
    /// Where the default organization's webhooks are POSTed.
    #[arg(long, value_name = "URL")]
    webhook_url: Option<String>,
    /// Webhook signing secret (HMAC-SHA256 key: the string's own bytes); unsigned without it.
    #[arg(long, value_name = "SECRET")]
    webhook_secret: Option<String>,
    /// Wait before the first delivery attempt of a webhook, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 5000)]
    webhook_delay_ms: u64,
    /// Wait between webhook delivery attempts, in milliseconds (4 attempts at most).
    #[arg(long, value_name = "N", default_value_t = 5000)]
    webhook_retry_ms: u64,
    /// Time a development model spends in each status after onboarding, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    dev_step_ms: u64,
    /// Requests allowed per api key and rate window (fixed window); unlimited without it.
    #[arg(long, value_name = "N")]
    rate_limit: Option<u32>,
    /// The length of a rate-limit window, in milliseconds.
    #[arg(long, value_name = "N", default_value_t = 60_000)]
    rate_window_ms: u64,
    /// Photos each model gets when it turns active.
    #[arg(long, value_name = "N", default_value_t = 8)]
    photos_per_model: u32,
    /// How long a signed photo URL stays valid, in milliseconds (0: already expired).
    #[arg(long, value_name = "N", default_value_t = 86_400_000)]
    photo_url_ttl_ms: u64,
    /// Pending invites allowed per organization; unlimited without it.
    #[arg(long, value_name = "N")]
    invite_limit: Option<u32>,
    /// JSON file with more organizations: {"organizations": [{"apiKey": "...", "name": "...",
    /// "credits": 10, "whitelabel": true, "webhookUrl": null, "webhookSecret": null,
    /// "inviteLimit": null, "rateLimit": null}]}; left-out fields take the flags' values.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate made at start; the first line
    /// then also carries "ca_pem", the certificate authority to trust.
    #[arg(long)]
    tls: bool,
    /// Exit when standard input closes (for harnesses that may die without killing the mock).
    #[arg(long)]
    exit_on_stdin_close: bool,
}

impl Cli {
    fn into_config(self) -> Result<MockConfig, String> {
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

/// Installs the SIGINT and SIGTERM handlers now (before the first line is printed, so a
/// harness that signals right after reading it is heard), and answers a future that
/// resolves when one arrives or standard input closes (if asked).
fn stop_signal(watch_stdin: bool) -> impl std::future::Future<Output = ()> {
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

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let watch_stdin = cli.exit_on_stdin_close;
    let config = match cli.into_config() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("headshotpro-mock: {e}");
            return ExitCode::from(2);
        }
    };
    let stop = stop_signal(watch_stdin);
    let server = match MockServer::start(config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("headshotpro-mock: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut line = format!(
        "{{\"url\": {}, \"api_key\": {}",
        serde_json::Value::from(server.url()),
        serde_json::Value::from(server.api_key())
    );
    if let Some(ca) = server.ca_pem() {
        line.push_str(&format!(", \"ca_pem\": {}", serde_json::Value::from(ca)));
    }
    line.push('}');
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{line}")
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::FAILURE;
    }
    drop(stdout);
    stop.await;
    server.shutdown().await;
    ExitCode::SUCCESS
}
