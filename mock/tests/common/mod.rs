//! Helpers shared by the integration tests: a plain HTTP client against a started mock,
//! polling with generous deadlines, and a webhook receiver.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use headshotpro_mock::{MockConfig, MockServer};
use reqwest::Method;
use serde_json::Value;

/// How long any polling waits before the test fails.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// An answer: status, headers, raw text and the JSON (Null when not JSON).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub text: String,
    pub json: Value,
}

impl Answer {
    /// The `code` of an error answer.
    pub fn code(&self) -> &str {
        self.json["code"].as_str().unwrap_or_default()
    }

    /// A header as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a 200 answer with `success: true`.
    pub fn assert_ok(&self) {
        assert_eq!(self.status, 200, "{}", self.text);
        assert_eq!(self.json["success"], Value::Bool(true), "{}", self.text);
    }

    /// Asserts an error answer: status, code, `success: false` and a non-empty message.
    pub fn assert_error(&self, status: u16, code: &str) {
        assert_eq!(self.status, status, "{}", self.text);
        assert_eq!(self.code(), code, "{}", self.text);
        assert_eq!(self.json["success"], Value::Bool(false), "{}", self.text);
        assert!(
            !self.json["error"].as_str().unwrap_or_default().is_empty(),
            "{}",
            self.text
        );
    }
}

/// A started mock with a plain reqwest client.
pub struct Mock {
    pub server: MockServer,
    pub url: String,
    pub key: String,
    pub http: reqwest::Client,
}

impl Mock {
    /// A mock with the defaults.
    pub async fn start() -> Self {
        Self::with(MockConfig::default()).await
    }

    /// A mock with this configuration.
    pub async fn with(config: MockConfig) -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let server = MockServer::start(config).await.unwrap();
        Self {
            url: server.url().to_owned(),
            key: server.api_key().to_owned(),
            server,
            http: reqwest::Client::builder().no_proxy().build().unwrap(),
        }
    }

    /// Sends any request: `key` None sends no Authorization header; `body` is sent raw.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> Answer {
        self.try_send(method, path, key, body).await.unwrap()
    }

    /// Like [`Mock::send`], keeping connection errors.
    pub async fn try_send(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> reqwest::Result<Answer> {
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self.http.request(method, format!("{}{}", self.url, path));
        if let Some(key) = key {
            request = request.header("authorization", format!("Bearer {key}"));
        }
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_owned());
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await?;
        let json = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Answer {
            status,
            headers,
            text,
            json,
        })
    }

    /// An API call with the default key and an optional JSON body.
    pub async fn api(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        let body = body.map(|b| b.to_string());
        self.send(method, path, Some(&self.key.clone()), body.as_deref())
            .await
    }

    /// An API call with another key.
    pub async fn api_as(&self, key: &str, method: &str, path: &str, body: Option<Value>) -> Answer {
        let body = body.map(|b| b.to_string());
        self.send(method, path, Some(key), body.as_deref()).await
    }

    /// A control call; asserts nothing.
    pub async fn control(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        let body = body.map(|b| b.to_string());
        self.send(method, path, None, body.as_deref()).await
    }

    /// A control call that must answer 200 `{"success": true}`.
    pub async fn control_ok(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self.control(method, path, body).await;
        assert_eq!(answer.status, 200, "{method} {path}: {}", answer.text);
        assert_eq!(answer.json["success"], Value::Bool(true), "{}", answer.text);
        answer.json
    }

    /// The current credits of the default organization.
    pub async fn credits(&self) -> i64 {
        let answer = self.api("GET", "/api/v1/organization/credits", None).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        answer.json["credits"].as_i64().unwrap()
    }

    /// Creates an invite and answers its id.
    pub async fn invite(&self, email: &str) -> String {
        let answer = self
            .api(
                "POST",
                "/api/v1/organization/invite",
                Some(serde_json::json!({ "email": email })),
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        answer.json["id"].as_str().unwrap().to_owned()
    }

    /// Creates a model and answers its id.
    pub async fn model(&self, email: &str, is_development: bool) -> String {
        let answer = self
            .api(
                "POST",
                "/api/v2/organization/whitelabel/model/create",
                Some(serde_json::json!({ "email": email, "isDevelopment": is_development })),
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        answer.json["modelId"].as_str().unwrap().to_owned()
    }

    /// Creates a (non-development) model and drives it to `active`; answers its id.
    pub async fn active_model(&self, email: &str) -> String {
        let id = self.model(email, false).await;
        for _ in 0..4 {
            self.control_ok("POST", &format!("/__mock/models/{id}/advance"), None)
                .await;
        }
        id
    }

    /// A V2 call (`path` after `/api/v2/organization`) that must answer 200; the body.
    pub async fn v2(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let answer = self
            .api(method, &format!("/api/v2/organization{path}"), body)
            .await;
        assert_eq!(answer.status, 200, "{method} {path}: {}", answer.text);
        assert_eq!(answer.json["success"], Value::Bool(true), "{}", answer.text);
        answer.json
    }

    /// A V2 call answering whatever it answers.
    pub async fn v2_answer(&self, method: &str, path: &str, body: Option<Value>) -> Answer {
        self.api(method, &format!("/api/v2/organization{path}"), body)
            .await
    }

    /// A model's status as the API answers it.
    pub async fn model_status(&self, id: &str) -> String {
        let answer = self
            .api(
                "GET",
                &format!("/api/v2/organization/whitelabel/model/get/{id}"),
                None,
            )
            .await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        answer.json["status"].as_str().unwrap().to_owned()
    }

    /// The request log.
    pub async fn requests(&self) -> Vec<Value> {
        let log = self.control_ok("GET", "/__mock/requests", None).await;
        log["requests"].as_array().unwrap().clone()
    }

    /// The webhook delivery log.
    pub async fn webhook_log(&self) -> Vec<Value> {
        let log = self.control_ok("GET", "/__mock/webhooks", None).await;
        log["webhooks"].as_array().unwrap().clone()
    }
}

/// Polls `check` every 20 ms until it answers `Some`, failing after [`DEADLINE`].
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = check().await {
            return value;
        }
        assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One webhook the receiver got.
#[derive(Debug, Clone)]
pub struct Hit {
    pub headers: HashMap<String, String>,
    pub body: String,
    pub at: Instant,
}

impl Hit {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

#[derive(Clone, Default)]
struct Script {
    hits: Arc<Mutex<Vec<Hit>>>,
    statuses: Arc<Mutex<VecDeque<u16>>>,
}

/// A webhook receiver: answers the scripted statuses in order, then 200.
pub struct Receiver {
    pub url: String,
    script: Script,
}

impl Receiver {
    /// Starts a receiver that answers `statuses` first, then 200.
    pub async fn start(statuses: &[u16]) -> Self {
        let script = Script::default();
        script.statuses.lock().unwrap().extend(statuses);
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(receive))
            .with_state(script.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, script }
    }

    /// Every webhook received so far.
    pub fn hits(&self) -> Vec<Hit> {
        self.script.hits.lock().unwrap().clone()
    }

    /// Waits until at least `n` webhooks arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Hit> {
        eventually(&format!("{n} webhooks"), || async {
            let hits = self.hits();
            (hits.len() >= n).then_some(hits)
        })
        .await
    }
}

async fn receive(State(script): State<Script>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let headers = headers
        .iter()
        .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
        .collect();
    script.hits.lock().unwrap().push(Hit {
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        at: Instant::now(),
    });
    let status = script.statuses.lock().unwrap().pop_front().unwrap_or(200);
    StatusCode::from_u16(status).unwrap()
}
