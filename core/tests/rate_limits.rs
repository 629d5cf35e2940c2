//! The client's rate limiter: fed by `X-RateLimit-*`, shared by clones and
//! `with_options` children, with an optional local cap. Counted from the
//! mock's request log.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Harness;
use headshotpro::RequestOptions;
use serde_json::json;

const CREDITS: &str = "/api/v1/organization/credits";

fn iso_in(ms: i64) -> String {
    (chrono::Utc::now() + chrono::Duration::milliseconds(ms))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[tokio::test]
async fn calls_wait_for_the_reset_instead_of_drawing_429s() {
    let h = Harness::with(|m| m.rate_limit = Some(3), |b| b).await;
    for _ in 0..3 {
        h.client.organization().credits().await.unwrap();
    }
    let waiting = tokio::time::timeout(
        Duration::from_millis(500),
        h.client.organization().credits(),
    )
    .await;
    assert!(waiting.is_err(), "answered: {waiting:?}");
    assert_eq!(h.count("GET", CREDITS).await, 3, "a 429 was drawn");
}

#[tokio::test]
async fn the_limiter_is_shared_and_dropped_waits_send_nothing() {
    let h = Harness::start().await;
    h.fault(json!({"path": CREDITS,
        "headers": {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": iso_in(1500)}}))
        .await;
    h.client.organization().credits().await.unwrap();
    let child = h
        .client
        .with_options(RequestOptions::new().timeout(Duration::from_secs(5)));
    let clone = h.client.clone();
    let short = Duration::from_millis(300);
    assert!(tokio::time::timeout(short, child.organization().credits())
        .await
        .is_err());
    assert!(tokio::time::timeout(short, clone.organization().credits())
        .await
        .is_err());
    let spawned = tokio::spawn({
        let c = h.client.clone();
        async move {
            tokio::time::timeout(short, c.organization().retrieve())
                .await
                .is_err()
        }
    });
    assert!(spawned.await.unwrap());
    // Past the reset: the dropped waits sent nothing.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(h.requests().await.len(), 1);
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
}

#[tokio::test]
async fn the_last_answers_headers_are_readable() {
    let h = Harness::start().await;
    assert!(h.client.last_rate_limit().is_none());
    h.fault(json!({"path": CREDITS,
        "headers": {"X-RateLimit-Limit": "300", "X-RateLimit-Remaining": "299", "X-RateLimit-Reset": "2031-01-01T00:00:00.000Z"}}))
        .await;
    h.client.organization().credits().await.unwrap();
    let info = h
        .client
        .with_options(RequestOptions::new())
        .last_rate_limit()
        .unwrap();
    assert_eq!((info.limit, info.remaining), (Some(300), Some(299)));
    assert_eq!(
        info.reset_at.unwrap().to_rfc3339(),
        "2031-01-01T00:00:00+00:00"
    );
}

#[tokio::test]
async fn max_requests_per_minute_caps_the_rate() {
    let h = Harness::start().await;
    // 600 a minute: 100 ms apart.
    let spaced = h.client_with(|b| b.max_requests_per_minute(600));
    let started = std::time::Instant::now();
    for _ in 0..3 {
        spaced.organization().credits().await.unwrap();
    }
    assert!(started.elapsed() >= Duration::from_millis(200));
    // 2 a minute: the second call waits 30 s in the client, sending nothing.
    let capped = h.client_with(|b| b.max_requests_per_minute(2));
    capped.organization().retrieve().await.unwrap();
    let waiting =
        tokio::time::timeout(Duration::from_millis(300), capped.organization().credits()).await;
    assert!(waiting.is_err());
    assert_eq!(h.requests().await.len(), 4);

    let err = headshotpro::Client::builder()
        .api_key("k")
        .max_requests_per_minute(0)
        .build()
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
}
