//! Response metadata: `.with_response()` on any call, the capturing client
//! the bindings build on, and the headers an API error carries.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{closed_port_url, Harness};
use headshotpro::{Error, ModelListParams, WithResponse};
use serde_json::json;

async fn rate_limited() -> Harness {
    Harness::with(|m| m.rate_limit = Some(1000), |b| b).await
}

#[tokio::test]
async fn with_response_gives_status_headers_and_rate_limit() {
    let h = rate_limited().await;
    h.fault(
        json!({"method": "GET", "path": "/api/v1/organization/credits",
                   "headers": {"x-request-id": "req_42"}}),
    )
    .await;
    let answer = h
        .client
        .organization()
        .credits()
        .with_response()
        .await
        .unwrap();
    assert_eq!(answer.data, 100);
    assert_eq!(answer.status, 200);
    assert_eq!(answer.request_id(), Some("req_42"));
    assert_eq!(answer.rate_limit.limit, Some(1000));
    assert_eq!(answer.rate_limit.remaining, Some(999));
    assert_eq!(answer.headers.get("X-RateLimit-Remaining"), Some("999"));
    assert_eq!(
        (
            answer.operation.as_str(),
            answer.method.as_str(),
            answer.attempt
        ),
        ("organization.credits", "GET", 1)
    );
    assert_eq!(answer.path, "/api/v1/organization/credits");
    // The plain call still returns the data alone, and the client's view agrees.
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert_eq!(h.client.last_rate_limit().unwrap().remaining, Some(998));
}

#[tokio::test]
async fn a_retried_call_reports_the_answering_attempt() {
    let h = Harness::start().await;
    h.fault(json!({"method": "GET", "path": "/api/v2/organization/teams", "status": 503}))
        .await;
    let answer = h.client.teams().list().with_response().await.unwrap();
    assert_eq!((answer.status, answer.attempt), (200, 2));
    assert!(answer.data.is_empty());
}

#[tokio::test]
async fn a_failed_call_is_the_error_with_its_status_and_headers() {
    let h = rate_limited().await;
    h.fault(
        json!({"method": "GET", "path": "/api/v2/organization/whitelabel/model/get/",
                   "status": 404, "headers": {"x-request-id": "req_7"}}),
    )
    .await;
    let err = h
        .client
        .models()
        .retrieve("m1")
        .with_response()
        .await
        .unwrap_err();
    let api = err.as_api().unwrap();
    assert_eq!(api.status, 404);
    assert_eq!(api.headers.get("x-request-id"), Some("req_7"));
    // The injected answer skipped the server's limiter; this one counts.
    let err = h.client.models().retrieve("m2").await.unwrap_err();
    assert_eq!(err.rate_limit().unwrap().remaining, Some(999));
    assert!(err
        .as_api()
        .unwrap()
        .headers
        .get("x-ratelimit-limit")
        .is_some());
}

#[tokio::test]
async fn pages_deletes_the_escape_hatch_and_composed_futures() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("ed@example.com", None, true)
        .with_response()
        .await
        .unwrap();
    assert_eq!(model.operation, "models.create");
    let page = h
        .client
        .models()
        .list(ModelListParams::new().limit(5))
        .with_response()
        .await
        .unwrap();
    assert_eq!((page.status, page.data.items.len()), (200, 1));
    let raw = h
        .client
        .request("GET", "/api/v1/organization/credits", None, &[])
        .with_response()
        .await
        .unwrap();
    assert_eq!(
        (raw.operation.as_str(), raw.data["credits"].as_i64()),
        ("request", Some(100))
    );
    let client = &h.client;
    let both = async {
        client.organization().credits().await?;
        client.models().delete(&model.data.model_id).await
    }
    .with_response()
    .await
    .unwrap();
    assert_eq!(both.operation, "models.delete");
    assert_eq!(both.data.model_id, model.data.model_id);
}

#[tokio::test]
async fn with_response_futures_can_be_spawned() {
    let h = Harness::start().await;
    let client = h.client.clone();
    let task = tokio::spawn(async move {
        let organization = client.organization();
        organization.credits().with_response().await
    });
    assert_eq!(task.await.unwrap().unwrap().data, 100);
}

#[tokio::test]
async fn a_future_without_an_answer_is_an_error() {
    let err = async { Ok::<_, Error>(1) }
        .with_response()
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
}

#[tokio::test]
async fn a_capturing_client_keeps_its_latest_answer() {
    let h = rate_limited().await;
    let (capturing, capture) = h.client.capturing();
    assert!(capture.last().is_none());
    capturing.organization().retrieve().await.unwrap();
    let meta = capture.last().unwrap();
    assert_eq!(
        (meta.operation.as_str(), meta.status),
        ("organization.retrieve", 200)
    );
    assert_eq!(meta.rate_limit.remaining, Some(999));

    // Calls through the parent are not captured; errors are.
    h.client.organization().credits().await.unwrap();
    assert_eq!(capture.last().unwrap().operation, "organization.retrieve");
    assert!(capturing.models().retrieve("nope").await.is_err());
    assert_eq!(capture.take().unwrap().status, 404);
    assert!(capture.last().is_none());

    // A call that gets no answer leaves nothing behind.
    let dead = headshotpro::Client::builder()
        .api_key("k")
        .base_url(closed_port_url().await)
        .max_retries(0)
        .build()
        .unwrap();
    let (dead, capture) = dead.capturing();
    assert!(dead.organization().credits().await.is_err());
    assert!(capture.last().is_none());
}
