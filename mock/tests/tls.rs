//! `--tls`: HTTPS with HTTP/2 by ALPN, a CA clients can trust, CDN URLs on https.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use headshotpro_mock::{MockConfig, MockServer};
use reqwest::Version;
use serde_json::{json, Value};

async fn tls_server() -> MockServer {
    let _ = rustls::crypto::ring::default_provider().install_default();
    MockServer::start(MockConfig {
        tls: true,
        ..MockConfig::default()
    })
    .await
    .unwrap()
}

fn trusting(server: &MockServer) -> reqwest::Client {
    let ca = reqwest::Certificate::from_pem(server.ca_pem().unwrap().as_bytes()).unwrap();
    reqwest::Client::builder()
        .add_root_certificate(ca)
        .no_proxy()
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_client_trusting_the_ca_gets_http2() {
    let server = tls_server().await;
    assert!(server.url().starts_with("https://127.0.0.1:"));
    assert!(server
        .ca_pem()
        .unwrap()
        .starts_with("-----BEGIN CERTIFICATE-----"));
    assert!(server.cdn_url().starts_with("https://localhost:"));
    let client = trusting(&server);
    let answer = client
        .get(format!("{}/api/v1/organization/credits", server.url()))
        .bearer_auth(server.api_key())
        .send()
        .await
        .unwrap();
    assert_eq!(answer.version(), Version::HTTP_2);
    assert_eq!(answer.status(), 200);
    let body: Value = answer.json().await.unwrap();
    assert_eq!(body["credits"], 100);

    // Many requests share the one HTTP/2 connection, in parallel.
    let calls = (0..20).map(|i| {
        let client = client.clone();
        let url = format!("{}/api/v1/organization/invite", server.url());
        let key = server.api_key().to_owned();
        async move {
            client
                .post(url)
                .bearer_auth(key)
                .json(&json!({"email": format!("p{i}@example.com")}))
                .send()
                .await
                .unwrap()
                .status()
        }
    });
    for status in futures_join(calls).await {
        assert_eq!(status, 200);
    }
    assert_eq!(server.requests().len(), 21);
    server.shutdown().await;
}

#[tokio::test]
async fn http1_still_works_and_cdn_urls_follow_the_scheme() {
    let server = tls_server().await;
    let ca = reqwest::Certificate::from_pem(server.ca_pem().unwrap().as_bytes()).unwrap();
    let client = reqwest::Client::builder()
        .add_root_certificate(ca)
        .http1_only()
        .no_proxy()
        .build()
        .unwrap();
    let model = client
        .post(format!("{}/api/v2/organization/models", server.url()))
        .bearer_auth(server.api_key())
        .json(&json!({"email": "tls@example.com"}))
        .send()
        .await
        .unwrap();
    assert_eq!(model.version(), Version::HTTP_11);
    let model: Value = model.json().await.unwrap();
    let id = model["modelId"].as_str().unwrap();
    for _ in 0..4 {
        server.advance(id).unwrap();
    }
    let photos: Value = client
        .get(format!(
            "{}/api/v2/organization/models/{id}/photos?limit=1",
            server.url()
        ))
        .bearer_auth(server.api_key())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = photos["photos"][0]["urls"]["main"].as_str().unwrap();
    assert!(url.starts_with("https://localhost:"), "{url}");
    let image = trusting(&server).get(url).send().await.unwrap();
    assert_eq!(image.status(), 200);
    assert_eq!(&image.bytes().await.unwrap()[..4], b"\x89PNG");
}

#[tokio::test]
async fn a_client_without_the_ca_is_refused_and_plain_http_has_no_ca() {
    let server = tls_server().await;
    let plain = reqwest::Client::builder().no_proxy().build().unwrap();
    let refused = plain
        .get(format!("{}/__mock/health", server.url()))
        .send()
        .await;
    assert!(refused.is_err());
    let http = MockServer::start(MockConfig::default()).await.unwrap();
    assert!(http.ca_pem().is_none());
    assert!(http.url().starts_with("http://"));
}

/// Runs futures concurrently and collects their outputs in order.
async fn futures_join<F>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}
