//! `webhooks serve` receiving a signed webhook the mock delivers and
//! forwarding it, still signed, to an app; `webhooks verify` on saved files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::routing::post;
use common::{bare, json, run, Mock};
use headshotpro_mock::OrganizationUpdate;

const SECRET: &str = "whsec_cli_test";

/// What the app received: headers and body of each request.
type Received = Arc<Mutex<Vec<(HeaderMap, Bytes)>>>;

/// An app that records every POST to /hook and answers 200.
fn start_app(mock: &Mock) -> (String, Received) {
    let received: Received = Arc::default();
    let seen = Arc::clone(&received);
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: Bytes| {
            let seen = Arc::clone(&seen);
            async move {
                seen.lock().unwrap().push((headers, body));
                "ok from app"
            }
        }),
    );
    let listener = mock
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    mock.runtime().spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, received)
}

/// Kills the receiver if the test ends early, so none is left running.
struct KillOnDrop(u32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &self.0.to_string()])
            .stderr(Stdio::null())
            .status();
    }
}

/// Lines of a child's stdout, one at a time, with a timeout.
fn lines(stdout: std::process::ChildStdout) -> mpsc::Receiver<String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

#[test]
fn serve_verifies_prints_and_forwards_a_signed_webhook() {
    let mock = Mock::start(|c| c.webhook_secret = Some(SECRET.to_owned()));
    let (app_url, received) = start_app(&mock);
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("secret");
    std::fs::write(&secret_file, format!("{SECRET}\n")).unwrap();
    let mut serve = bare()
        .args([
            "--json",
            "webhooks",
            "serve",
            "--port",
            "0",
            "--secret-file",
        ])
        .arg(&secret_file)
        .args(["--forward-to", &app_url])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _guard = KillOnDrop(serve.id());
    let out = lines(serve.stdout.take().unwrap());
    let ready: serde_json::Value =
        serde_json::from_str(&out.recv_timeout(Duration::from_secs(30)).unwrap()).unwrap();
    let listening = ready["listening"].as_str().unwrap().to_owned();
    assert_eq!(ready["forwardTo"], app_url.as_str());
    let webhook_url = format!("{listening}/webhooks");
    mock.server
        .set_organization(OrganizationUpdate {
            webhook_url: Some(Some(webhook_url.clone())),
            ..OrganizationUpdate::default()
        })
        .unwrap();

    let model = json(
        mock.cli()
            .args(["models", "create", "w@example.com", "--development"]),
    );
    let model_id = model["modelId"].as_str().unwrap();
    let printed: serde_json::Value =
        serde_json::from_str(&out.recv_timeout(Duration::from_secs(30)).unwrap()).unwrap();
    assert_eq!(printed["verified"], true, "{printed}");
    assert_eq!(printed["event"]["event"], "model.created");
    assert_eq!(printed["event"]["object"]["_id"], model_id);
    assert_eq!(printed["forwarded"]["status"], 200);

    // The app got the body as sent, still signed: it verifies with the secret.
    let (headers, body) = received.lock().unwrap()[0].clone();
    let pairs = headers
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap().to_owned()));
    let event =
        headshotpro::webhook::verify(&body, pairs, SECRET, Duration::from_secs(300)).unwrap();
    assert_eq!(event.object.id, model_id);
    // The mock logs the delivery once the answer is back, just after serve printed it.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let delivered = loop {
        let delivered = mock.server.webhooks();
        if !delivered.is_empty() || std::time::Instant::now() > deadline {
            break delivered;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(delivered[0].url, webhook_url);
    assert_eq!(delivered[0].status, Some(200));

    // A forged webhook is refused with 400 and reported, not forwarded.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let forged = mock.block_on(async {
        reqwest::Client::builder()
            .no_proxy()
            .build()
            .unwrap()
            .post(&webhook_url)
            .header("X-HeadshotPro-Signature", "sha256=00")
            .header(
                "X-HeadshotPro-Timestamp",
                chrono::Utc::now().timestamp().to_string(),
            )
            .body(body.clone())
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(forged, 400);
    let printed: serde_json::Value =
        serde_json::from_str(&out.recv_timeout(Duration::from_secs(30)).unwrap()).unwrap();
    assert_eq!(printed["verified"], false);
    assert!(printed["error"]
        .as_str()
        .unwrap()
        .contains("WebhookVerificationError"));
    assert_eq!(received.lock().unwrap().len(), 1);

    std::process::Command::new("kill")
        .args(["-TERM", &serve.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(serve.wait().unwrap().code(), Some(0));
}

#[test]
fn verify_checks_a_saved_body_and_its_headers() {
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("secret");
    std::fs::write(&secret_file, SECRET).unwrap();
    let body = serde_json::json!({
        "id": "evt_1", "event": "model.status.updated", "createdAt": "2025-01-15T10:30:00.000Z",
        "objectType": "model",
        "object": {"_id": "m1", "uid": "u1", "title": "T", "trigger": "female",
                   "status": "active", "isDevelopment": false,
                   "createdAt": "2025-01-15T10:00:00.000Z", "organization": "o1"}
    })
    .to_string();
    let body_file = dir.path().join("body.json");
    std::fs::write(&body_file, &body).unwrap();
    let now = chrono::Utc::now().timestamp();
    let signature = headshotpro::webhook::sign(body.as_bytes(), SECRET, now);
    let verify = |signature: &str| {
        let mut command = bare();
        command
            .args(["webhooks", "verify", "--secret-file"])
            .arg(&secret_file)
            .arg("--body")
            .arg(&body_file)
            .args(["--header", &format!("X-HeadshotPro-Signature: {signature}")])
            .args(["--header", &format!("x-headshotpro-timestamp: {now}")]);
        command
    };
    let checked = json(&mut verify(&signature));
    assert_eq!(checked["verified"], true);
    assert_eq!(checked["event"]["id"], "evt_1");
    let (code, stdout, _) = run(&mut verify(&signature));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("verified: "), "{stdout}");

    let (code, _, stderr) = run(&mut verify("sha256=deadbeef"));
    assert_eq!(code, 1);
    assert!(stderr.contains("WebhookVerificationError"), "{stderr}");
    let (code, _, stderr) = run(bare()
        .args(["webhooks", "verify", "--secret-file"])
        .arg(&secret_file)
        .arg("--body")
        .arg(&body_file)
        .args(["--header", "no colon here"]));
    assert_eq!(code, 2, "{stderr}");
}
