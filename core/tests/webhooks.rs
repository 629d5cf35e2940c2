//! Webhooks delivered by the mock, verified by the SDK; and the forgeries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use axum::http::HeaderMap;
use axum::routing::post;
use common::Harness;
use headshotpro::webhook::{self, DEFAULT_TOLERANCE, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use headshotpro::{ModelStatus, WebhookEventType};
use serde_json::json;
use tokio::sync::mpsc;

const SECRET: &str = "whsec_core_tests";

/// One delivery as received: headers and raw body.
type Delivery = (Vec<(String, String)>, Vec<u8>);

/// A receiver that hands every delivery (headers, raw body) to the test.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Delivery>) {
    let (tx, rx) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/hook",
        post(move |headers: HeaderMap, body: axum::body::Bytes| {
            let tx = tx.clone();
            async move {
                let pairs = headers
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                    .collect();
                let _ = tx.send((pairs, body.to_vec()));
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, rx)
}

async fn next(rx: &mut mpsc::UnboundedReceiver<Delivery>) -> Delivery {
    tokio::time::timeout(Duration::from_secs(20), rx.recv())
        .await
        .expect("a webhook arrives")
        .expect("receiver open")
}

#[tokio::test]
async fn delivered_events_verify_and_parse() {
    let (url, mut rx) = receiver().await;
    let h = Harness::start().await;
    h.organization(json!({"webhookUrl": url, "webhookSecret": SECRET}))
        .await;
    let model = h
        .client
        .models()
        .create("hook@example.com", None, true)
        .await
        .unwrap();

    let (headers, body) = next(&mut rx).await;
    let event = webhook::verify(&body, headers.clone(), SECRET, DEFAULT_TOLERANCE).unwrap();
    assert_eq!(event.event, WebhookEventType::ModelCreated);
    assert_eq!(event.object.id, model.model_id);
    assert_eq!(event.object.status, ModelStatus::Onboarding);
    assert!(event.object.is_development);
    assert!(event.id.as_deref().unwrap().starts_with("evt_"));
    assert!(event.created_at.is_some());

    let forged = [
        webhook::verify(&body, headers.clone(), "whsec_wrong", DEFAULT_TOLERANCE),
        webhook::verify(
            &[body.as_slice(), b" "].concat(),
            headers.clone(),
            SECRET,
            DEFAULT_TOLERANCE,
        ),
        webhook::verify(
            &body,
            headers
                .iter()
                .filter(|(k, _)| !k.eq_ignore_ascii_case(SIGNATURE_HEADER))
                .cloned()
                .collect::<Vec<_>>(),
            SECRET,
            DEFAULT_TOLERANCE,
        ),
    ];
    for result in forged {
        assert_eq!(result.unwrap_err().class_name(), "WebhookVerificationError");
    }
}

#[tokio::test]
async fn stale_timestamps_are_rejected() {
    let body = br#"{"event":"model.deleted","objectType":"model","object":{"_id":"m","uid":"u","title":"t","trigger":"female","status":"deleted","createdAt":"2024-01-15T10:30:00.000Z","organization":"o"}}"#;
    let old = chrono::Utc::now().timestamp() - 600;
    let headers = [
        (SIGNATURE_HEADER, webhook::sign(body, SECRET, old)),
        (TIMESTAMP_HEADER, old.to_string()),
    ];
    let err = webhook::verify(body, headers.clone(), SECRET, DEFAULT_TOLERANCE).unwrap_err();
    assert_eq!(err.class_name(), "WebhookVerificationError");
    assert!(err.message().contains("tolerance"));
    let event = webhook::verify(body, headers, SECRET, Duration::from_secs(3600)).unwrap();
    assert_eq!(event.event, WebhookEventType::ModelDeleted);
    assert!(event.id.is_none());
}

#[tokio::test]
async fn unsigned_reference_payloads_parse_but_do_not_verify() {
    let (url, mut rx) = receiver().await;
    let h = Harness::start().await;
    h.organization(json!({"webhookUrl": url})).await;
    h.client
        .models()
        .create("plain@example.com", None, false)
        .await
        .unwrap();
    let (headers, body) = next(&mut rx).await;
    assert!(!headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case(SIGNATURE_HEADER)));
    assert_eq!(
        webhook::parse(&body).unwrap().event,
        WebhookEventType::ModelCreated
    );
    let err = webhook::verify(&body, headers, SECRET, DEFAULT_TOLERANCE).unwrap_err();
    assert!(err.message().contains("unsigned"));
}

#[tokio::test]
async fn malformed_payloads_are_rejected() {
    for raw in [
        &b"not json"[..],
        br#"{"event":"model.created"}"#,
        br#"{"event":"model.created","objectType":"model","object":{"_id":1}}"#,
    ] {
        let err = webhook::parse(raw).unwrap_err();
        assert_eq!(err.class_name(), "WebhookVerificationError");
    }
}
