//! Trust: the platform's roots plus the builder's extra root certificates,
//! against an in-test HTTPS server whose certificate a test CA issued.
#![allow(clippy::unwrap_used)]

mod common;

use common::raw::{RawServer, Reply};
use headshotpro::Client;
use serde_json::json;

const CA: &str = include_str!("fixtures/ca.pem");

async fn https_server() -> RawServer {
    RawServer::start_tls(|_| Reply::json(200, json!({"success": true, "credits": 3}))).await
}

#[tokio::test]
async fn extra_root_certificates_are_trusted() {
    let server = https_server().await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&server.url)
        .extra_root_certificates(CA)
        .build()
        .unwrap();
    assert_eq!(client.organization().credits().await.unwrap(), 3);
}

#[tokio::test]
async fn an_unknown_issuer_is_a_connection_error() {
    let server = https_server().await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&server.url)
        .max_retries(0)
        .build()
        .unwrap();
    let err = client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "APIConnectionError", "{err}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn extra_roots_that_are_not_pem_certificates_are_refused_at_build() {
    for bad in [
        "not pem at all",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        "",
    ] {
        let err = Client::builder()
            .api_key("k")
            .extra_root_certificates(bad)
            .build()
            .unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError", "{bad:?}");
        assert!(err.message().contains("extra_root_certificates"), "{err}");
    }
}
