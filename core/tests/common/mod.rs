//! A mock server per test, a client pointed at it, and control-API helpers.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

pub mod observe;
pub mod raw;

use std::time::Duration;

use headshotpro::Client;
use headshotpro_mock::{MockConfig, MockServer};
use serde_json::{json, Value};

/// A running mock, a client for it, and a plain HTTP client for control calls.
pub struct Harness {
    pub server: MockServer,
    pub client: Client,
    http: reqwest::Client,
}

impl Harness {
    /// A mock with fast timers and a client with default retries.
    pub async fn start() -> Self {
        Self::with(|_| {}, |b| b).await
    }

    /// A mock and client adjusted by the two closures.
    pub async fn with(
        mock: impl FnOnce(&mut MockConfig),
        client: impl FnOnce(headshotpro::ClientBuilder) -> headshotpro::ClientBuilder,
    ) -> Self {
        let mut config = MockConfig {
            dev_step: Duration::from_millis(30),
            webhook_delay: Duration::ZERO,
            webhook_retry: Duration::from_millis(50),
            ..MockConfig::default()
        };
        mock(&mut config);
        let server = MockServer::start(config).await.expect("mock starts");
        // The control client is a plain reqwest client; the SDK brings its own TLS setup.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let builder = Client::builder()
            .api_key(server.api_key())
            .base_url(server.url());
        let client = client(builder).build().expect("client builds");
        Self {
            server,
            client,
            http: reqwest::Client::new(),
        }
    }

    /// A client for the same mock with other settings.
    pub fn client_with(
        &self,
        adjust: impl FnOnce(headshotpro::ClientBuilder) -> headshotpro::ClientBuilder,
    ) -> Client {
        adjust(
            Client::builder()
                .api_key(self.server.api_key())
                .base_url(self.server.url()),
        )
        .build()
        .unwrap()
    }

    /// Calls the control API and returns its JSON answer.
    pub async fn control(&self, method: &str, path: &str, body: Value) -> Value {
        let url = format!("{}{}", self.server.url(), path);
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let answer = self
            .http
            .request(method, url)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert!(
            answer.status().is_success(),
            "control {path}: {}",
            answer.status()
        );
        answer.json().await.unwrap()
    }

    /// Injects a fault for the next matching requests.
    pub async fn fault(&self, fault: Value) {
        self.control("POST", "/__mock/faults", fault).await;
    }

    /// Changes the default organization's settings.
    pub async fn organization(&self, settings: Value) {
        self.control("PUT", "/__mock/organization", settings).await;
    }

    /// The request log.
    pub async fn requests(&self) -> Vec<Value> {
        let url = format!("{}/__mock/requests", self.server.url());
        let log: Value = self
            .http
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        log["requests"].as_array().cloned().unwrap_or_default()
    }

    /// How many logged requests had this method and a path starting with `prefix`.
    pub async fn count(&self, method: &str, prefix: &str) -> usize {
        self.requests()
            .await
            .iter()
            .filter(|r| r["method"] == method && r["path"].as_str().unwrap().starts_with(prefix))
            .count()
    }

    /// Creates a team and returns its id.
    pub async fn team(&self, name: &str) -> String {
        let org = self.client.teams().create(name).await.unwrap();
        org.teams
            .iter()
            .find(|t| t.name == name)
            .unwrap()
            .id
            .clone()
    }

    /// Creates an invite and has the invitee accept it, making them a member.
    pub async fn member(&self, email: &str) -> String {
        let invite = self.client.invites().create(email, None).await.unwrap();
        self.control(
            "POST",
            &format!("/__mock/invites/{}/accept", invite.id),
            json!({}),
        )
        .await;
        invite.id
    }
}

/// A loopback URL where nothing listens.
pub async fn closed_port_url() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}
