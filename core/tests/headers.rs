//! Default and per-call headers, the application in the user agent, and the
//! headers that are refused before any client is built.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::Harness;
use headshotpro::{AppInfo, Client, CustomHeaders, RequestOptions};
use serde_json::Value;

/// The headers of the last request the mock received.
async fn last_headers(h: &Harness) -> Value {
    h.requests().await.pop().unwrap()["headers"].clone()
}

#[tokio::test]
async fn default_headers_go_with_every_request_and_calls_add_their_own() {
    let defaults = CustomHeaders::from_pairs([("X-Team", "growth"), ("X-Env", "staging")]).unwrap();
    let h = Harness::with(|_| {}, |b| b.default_headers(defaults)).await;
    h.client.organization().credits().await.unwrap();
    let sent = last_headers(&h).await;
    assert_eq!(sent["x-team"], "growth");
    assert_eq!(sent["x-env"], "staging");
    assert!(sent["authorization"]
        .as_str()
        .unwrap()
        .starts_with("Bearer "));

    let call = CustomHeaders::from_pairs([("X-Env", "canary"), ("Idempotency-Key", "k1")]).unwrap();
    let child = h.client.with_options(RequestOptions::new().headers(call));
    child.teams().create("Ops").await.unwrap();
    let sent = last_headers(&h).await;
    assert_eq!(
        (&sent["x-team"], &sent["x-env"], &sent["idempotency-key"]),
        (
            &Value::from("growth"),
            &Value::from("canary"),
            &Value::from("k1")
        )
    );
    assert_eq!(sent["content-type"], "application/json");
    assert_eq!(child.default_headers().get("x-env"), Some("canary"));

    // The parent is unchanged, and a custom Accept replaces the SDK's.
    h.client.organization().credits().await.unwrap();
    assert_eq!(last_headers(&h).await["x-env"], "staging");
    let accept = CustomHeaders::from_pairs([("Accept", "application/json; v=2")]).unwrap();
    h.client
        .with_options(RequestOptions::new().headers(accept))
        .organization()
        .credits()
        .await
        .unwrap();
    assert_eq!(last_headers(&h).await["accept"], "application/json; v=2");
}

#[tokio::test]
async fn app_info_is_appended_to_the_user_agent() {
    let app = AppInfo::new("AcmeOnboarding")
        .version("1.4.2")
        .url("https://acme.example");
    let h = Harness::with(|_| {}, |b| b.app_info(app.clone())).await;
    let expected = format!(
        "headshotpro-rust/{v} core/{v} AcmeOnboarding/1.4.2 (https://acme.example)",
        v = headshotpro::VERSION
    );
    assert_eq!(h.client.user_agent(), expected);
    assert_eq!(h.client.app_info(), Some(&app));
    h.client.organization().credits().await.unwrap();
    assert_eq!(last_headers(&h).await["user-agent"], expected.as_str());
}

#[test]
fn refused_headers_are_invalid_arguments_before_any_client_exists() {
    for (name, value) in [
        ("Authorization", "Bearer other"),
        ("authorization", "x"),
        ("AuThOrIzAtIoN", "x"),
        ("Host", "evil.test"),
        ("Content-Length", "0"),
        ("User-Agent", "mine"),
        ("X-Ok", "a\r\nAuthorization: Bearer stolen"),
        ("X-Ok", "line\nbreak"),
        ("X-Bad\r\n", "1"),
        ("Bad Name", "1"),
        ("X-Nul", "a\0b"),
    ] {
        let err = CustomHeaders::from_pairs([(name, value)]).unwrap_err();
        assert_eq!(
            err.class_name(),
            "InvalidArgumentError",
            "{name:?}: {value:?}"
        );
        assert!(!err.to_string().contains("stolen"), "{err}");
    }
    let err = Client::builder()
        .api_key("k")
        .app_info(AppInfo::new("Acme").version("1\r\nX-Evil: 1"))
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    let err = Client::builder()
        .api_key("k")
        .app_info(AppInfo::new(""))
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
}
