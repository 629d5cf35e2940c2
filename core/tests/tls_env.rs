//! A broken `SSL_CERT_FILE` never widens trust to the bundled roots: building a
//! client fails with a message naming the variable. One test in its own
//! binary, because it sets process-wide environment variables (and the TLS
//! configuration is built once per process).
#![allow(clippy::unwrap_used)]

mod common;

use common::raw::{RawServer, Reply};
use headshotpro::Client;
use serde_json::json;

#[cfg(all(unix, not(target_vendor = "apple"), not(target_os = "android")))]
#[tokio::test]
async fn a_broken_ssl_cert_file_is_an_error_not_a_fallback() {
    std::env::remove_var("SSL_CERT_DIR");
    std::env::set_var("SSL_CERT_FILE", "/nonexistent/headshotpro-test-bundle.pem");
    let err = Client::builder()
        .api_key("k")
        .base_url("https://server.headshotpro.com")
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert!(err.message().contains("SSL_CERT_FILE"), "{err}");
    assert!(
        err.message()
            .contains("/nonexistent/headshotpro-test-bundle.pem"),
        "{err}"
    );

    // Extra roots still narrow trust to exactly what the caller gave.
    let server =
        RawServer::start_tls(|_| Reply::json(200, json!({"success": true, "credits": 3}))).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&server.url)
        .extra_root_certificates(include_str!("fixtures/ca.pem"))
        .build()
        .unwrap();
    assert_eq!(client.organization().credits().await.unwrap(), 3);
}
