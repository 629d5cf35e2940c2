//! System proxies from the environment: used for remote hosts, never for
//! loopback. One test in its own binary, because it sets process-wide
//! environment variables.
#![allow(clippy::unwrap_used)]

mod common;

use common::raw::{RawServer, Reply};
use common::Harness;
use headshotpro::Client;
use serde_json::json;

#[tokio::test]
async fn env_proxy_is_used_for_remote_hosts_and_bypassed_for_loopback() {
    let proxy =
        RawServer::start(|_| Reply::json(200, json!({"success": true, "credits": 7}))).await;
    for name in [
        "NO_PROXY",
        "no_proxy",
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
    ] {
        std::env::remove_var(name);
    }
    std::env::set_var("HTTP_PROXY", &proxy.url);
    std::env::set_var("http_proxy", &proxy.url);

    let h = Harness::start().await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert!(
        proxy.requests().is_empty(),
        "the key went to the proxy for a loopback host: {:?}",
        proxy.requests()
    );

    let remote = Client::builder()
        .api_key("hp_remote_key")
        .base_url("http://api.example.test")
        .allow_insecure_http(true)
        .max_retries(0)
        .build()
        .unwrap();
    assert_eq!(remote.organization().credits().await.unwrap(), 7);
    let seen = proxy.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        seen[0].target,
        "http://api.example.test/api/v1/organization/credits"
    );
}
