//! A small scripted HTTP server on loopback for the current API's tests: it
//! records every request and answers with what the test's handler returns.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use headshotpro::Client;
use serde_json::Value;

/// One request as the server received it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub host: String,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    /// The first query parameter with this name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first header with this name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

type Handler =
    Arc<dyn Fn(Recorded) -> Pin<Box<dyn Future<Output = Response> + Send>> + Send + Sync>;

/// A running fake server; stopped when dropped.
pub struct Fake {
    pub port: u16,
    log: Arc<Mutex<Vec<Recorded>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Fake {
    /// A server answering with `handler`'s response.
    pub async fn start(handler: impl Fn(&Recorded) -> Response + Send + Sync + 'static) -> Self {
        let handler = Arc::new(handler);
        Self::start_async(move |r| {
            let handler = Arc::clone(&handler);
            async move { handler(&r) }
        })
        .await
    }

    /// A server whose handler may wait.
    pub async fn start_async<F, Fut>(handler: F) -> Self
    where
        F: Fn(Recorded) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Response> + Send + 'static,
    {
        let handler: Handler = Arc::new(move |r| Box::pin(handler(r)));
        let log = Arc::new(Mutex::new(Vec::new()));
        let app_log = Arc::clone(&log);
        let app = axum::Router::new().fallback(move |request: Request<Body>| {
            let handler = Arc::clone(&handler);
            let log = Arc::clone(&app_log);
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX).await.unwrap();
                let recorded = Recorded {
                    method: parts.method.to_string(),
                    host: parts
                        .headers
                        .get("host")
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or_default()
                        .to_owned(),
                    path: parts.uri.path().to_owned(),
                    query: url::form_urlencoded::parse(parts.uri.query().unwrap_or("").as_bytes())
                        .into_owned()
                        .collect(),
                    headers: parts
                        .headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                        .collect(),
                    body: body.to_vec(),
                };
                log.lock().unwrap().push(recorded.clone());
                handler(recorded).await
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { port, log, task }
    }

    /// The API's base URL (host 127.0.0.1).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// A CDN-like URL on another host name (localhost) of the same server.
    pub fn cdn(&self, path: &str) -> String {
        format!("http://localhost:{}{path}", self.port)
    }

    /// A client for this server with its API key, without retries' waits mattering.
    pub fn client(&self) -> Client {
        self.client_with(|b| b)
    }

    /// A client adjusted by `adjust`.
    pub fn client_with(
        &self,
        adjust: impl FnOnce(headshotpro::ClientBuilder) -> headshotpro::ClientBuilder,
    ) -> Client {
        adjust(Client::builder().api_key(KEY).base_url(self.url()))
            .build()
            .unwrap()
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.log.lock().unwrap().clone()
    }

    /// Requests whose path starts with `prefix`.
    pub fn requests_to(&self, prefix: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.path.starts_with(prefix))
            .collect()
    }
}

impl Drop for Fake {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The API key the fake's clients use.
pub const KEY: &str = "hp_test_fake_key_v2";

/// A JSON answer.
pub fn json(status: u16, body: Value) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        [("content-type", "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// A 404 in the API's error shape.
pub fn not_found() -> Response {
    json(
        404,
        serde_json::json!({"success": false, "error": "Not found", "code": "NOT_FOUND"}),
    )
}
