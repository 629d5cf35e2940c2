//! The explicit `proxy` setting, checked with a tiny proxy that records what
//! reaches it.
#![allow(clippy::unwrap_used)]

mod common;

use common::raw::{RawServer, Reply};
use common::Harness;
use headshotpro::Client;
use serde_json::json;

async fn recording_proxy() -> RawServer {
    RawServer::start(|_| Reply::json(200, json!({"success": true, "credits": 7}))).await
}

#[tokio::test]
async fn explicit_proxy_carries_remote_calls_with_its_credentials() {
    let proxy = recording_proxy().await;
    let with_auth = proxy.url.replace("http://", "http://alice:s3cret@");
    let builder = Client::builder()
        .api_key("hp_remote_key")
        .base_url("http://api.example.test")
        .allow_insecure_http(true)
        .proxy(&with_auth);
    assert!(!format!("{builder:?}").contains("s3cret"));
    let client = builder.build().unwrap();
    assert!(!format!("{client:?}").contains("s3cret"));
    assert_eq!(client.organization().credits().await.unwrap(), 7);
    let seen = proxy.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].target,
        "http://api.example.test/api/v1/organization/credits"
    );
    assert!(seen[0]
        .header("proxy-authorization")
        .unwrap()
        .starts_with("Basic "));
}

#[tokio::test]
async fn loopback_hosts_bypass_even_an_explicit_proxy() {
    let proxy = recording_proxy().await;
    let h = Harness::start().await;
    let client = h.client_with(|b| b.proxy(&proxy.url));
    assert_eq!(client.organization().credits().await.unwrap(), 100);
    let localhost = h.server.url().replace("127.0.0.1", "localhost");
    let client = h.client_with(|b| b.base_url(localhost).proxy(&proxy.url));
    assert_eq!(client.organization().credits().await.unwrap(), 100);
    assert!(proxy.requests().is_empty());
}

#[tokio::test]
async fn a_bad_proxy_url_is_refused_at_build() {
    let err = Client::builder()
        .api_key("k")
        .proxy("socks9://nowhere")
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert!(err.message().contains("proxy"));
}
