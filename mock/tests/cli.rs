//! The `headshotpro-mock` binary: first line, flags, signals, stdin close, --help.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

const BIN: &str = env!("CARGO_BIN_EXE_headshotpro-mock");

/// Starts the binary and reads its first stdout line.
async fn spawn(args: &[&str]) -> (Child, Value, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut line = String::new();
    tokio::time::timeout(
        Duration::from_secs(20),
        BufReader::new(stdout).read_line(&mut line),
    )
    .await
    .unwrap()
    .unwrap();
    let first: Value = serde_json::from_str(line.trim_end()).unwrap();
    (child, first, line)
}

async fn wait_exit(child: &mut Child) -> std::process::ExitStatus {
    tokio::time::timeout(Duration::from_secs(20), child.wait())
        .await
        .expect("the mock exits")
        .unwrap()
}

fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn prints_where_it_listens_serves_and_exits_cleanly_on_sigterm() {
    let (mut child, first, line) = spawn(&["--port", "0", "--credits", "7"]).await;
    assert!(line.starts_with("{\"url\": \"http://127.0.0.1:"), "{line}");
    let object = first.as_object().unwrap();
    assert_eq!(object.len(), 2);
    assert_eq!(first["api_key"], "hp_test_mock_key");
    let url = first["url"].as_str().unwrap();
    let credits: Value = client()
        .get(format!("{url}/api/v1/organization/credits"))
        .bearer_auth("hp_test_mock_key")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(credits["credits"], 7);

    let pid = child.id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut child).await;
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn sigterm_stops_it_while_stdin_stays_open() {
    let (mut child, _, _) = spawn(&["--exit-on-stdin-close"]).await;
    let pid = child.id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut child).await;
    assert_eq!(status.code(), Some(0));
    drop(child.stdin.take());
}

#[tokio::test]
async fn exits_when_stdin_closes_if_asked() {
    let (mut child, first, _) = spawn(&["--exit-on-stdin-close", "--api-key", "k_custom"]).await;
    assert_eq!(first["api_key"], "k_custom");
    drop(child.stdin.take());
    let status = wait_exit(&mut child).await;
    assert_eq!(status.code(), Some(0));
}

#[tokio::test]
async fn reads_a_config_file_and_flags() {
    let dir = std::env::temp_dir().join(format!("hp-mock-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.json");
    std::fs::write(
        &path,
        r#"{"organizations": [{"apiKey": "hp_test_b", "name": "B", "credits": 1}]}"#,
    )
    .unwrap();
    let (mut child, first, _) = spawn(&[
        "--config",
        path.to_str().unwrap(),
        "--rate-limit",
        "50",
        "--rate-window-ms",
        "2000",
        "--host",
        "127.0.0.1",
    ])
    .await;
    let url = first["url"].as_str().unwrap();
    let answer = client()
        .get(format!("{url}/api/v1/organization"))
        .bearer_auth("hp_test_b")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers()["x-ratelimit-limit"], "50");
    let reset = answer.headers()["x-ratelimit-reset"].to_str().unwrap();
    let reset = chrono::DateTime::parse_from_rfc3339(reset).unwrap();
    let left = reset.with_timezone(&chrono::Utc) - chrono::Utc::now();
    assert!(left <= chrono::Duration::seconds(2), "{left}");
    let org: Value = answer.json().await.unwrap();
    assert_eq!(org["organization"]["name"], "B");
    child.start_kill().unwrap();
    wait_exit(&mut child).await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn bad_config_fails_with_a_message() {
    let output = Command::new(BIN)
        .args(["--config", "/nonexistent/mock-config.json"])
        .stdin(Stdio::null())
        .output()
        .await
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty());
    assert!(String::from_utf8_lossy(&output.stderr).contains("mock-config.json"));
}

#[tokio::test]
async fn help_documents_every_flag_and_the_control_api() {
    let output = Command::new(BIN).arg("--help").output().await.unwrap();
    assert!(output.status.success());
    let help = String::from_utf8_lossy(&output.stdout);
    for flag in [
        "--port",
        "--host",
        "--api-key",
        "--credits",
        "--webhook-url",
        "--webhook-secret",
        "--webhook-delay-ms",
        "--webhook-retry-ms",
        "--dev-step-ms",
        "--rate-limit",
        "--rate-window-ms",
        "--photos-per-model",
        "--photo-url-ttl-ms",
        "--invite-limit",
        "--config",
        "--exit-on-stdin-close",
        "--tls",
        "ca_pem",
        "/__mock/reset",
        "/__mock/faults",
        "/__mock/requests",
        "/__mock/webhooks",
        "/__mock/organization",
        "/__mock/state",
        "/__mock/seed",
        "/__mock/photos/{id}/like",
        "/__mock/models/{id}/favorite",
        "after",
    ] {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
}

#[tokio::test]
async fn tls_prints_the_ca_and_serves_http2() {
    let (mut child, first, line) = spawn(&["--tls", "--exit-on-stdin-close"]).await;
    assert!(line.starts_with("{\"url\": \"https://127.0.0.1:"), "{line}");
    assert!(!line.trim_end().contains('\n'));
    let ca = first["ca_pem"].as_str().unwrap();
    assert!(ca.starts_with("-----BEGIN CERTIFICATE-----"));
    let _ = client();
    let trusting = reqwest::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(ca.as_bytes()).unwrap())
        .no_proxy()
        .build()
        .unwrap();
    let answer = trusting
        .get(format!(
            "{}/api/v1/organization",
            first["url"].as_str().unwrap()
        ))
        .bearer_auth(first["api_key"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.version(), reqwest::Version::HTTP_2);
    assert_eq!(answer.status(), 200);
    drop(child.stdin.take());
    assert_eq!(wait_exit(&mut child).await.code(), Some(0));
}
