//! Retries as the contract says, counted from the mock's request log.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::{Duration, Instant};

use common::{closed_port_url, Harness};
use headshotpro::Client;
use serde_json::json;

const CREDITS: &str = "/api/v1/organization/credits";
const INVITE: &str = "/api/v1/organization/invite";
const REVOKE: &str = "/api/v1/organization/invite/revoke";

#[tokio::test]
async fn get_is_retried_on_503_then_succeeds() {
    let h = Harness::start().await;
    h.fault(json!({"method": "GET", "path": CREDITS, "status": 503, "times": 2}))
        .await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert_eq!(h.count("GET", CREDITS).await, 3);
}

#[tokio::test]
async fn retries_stop_at_max_retries() {
    let h = Harness::start().await;
    h.fault(json!({"path": CREDITS, "status": 502, "times": 10}))
        .await;
    let err = h.client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "ServerError");
    assert_eq!(h.count("GET", CREDITS).await, 3);

    let none = h.client_with(|b| b.max_retries(0));
    h.control("POST", "/__mock/reset", json!({})).await;
    h.fault(json!({"path": CREDITS, "status": 502, "times": 10}))
        .await;
    none.organization().credits().await.unwrap_err();
    assert_eq!(h.count("GET", CREDITS).await, 1);
}

#[tokio::test]
async fn put_and_delete_are_retried_too() {
    let h = Harness::start().await;
    let team = h.team("Ops").await;
    h.fault(json!({"method": "PUT", "path": "/api/v1/organization/teams/", "status": 500}))
        .await;
    h.client.teams().update(&team, "Ops 2").await.unwrap();
    assert_eq!(h.count("PUT", "/api/v1/organization/teams/").await, 2);
    h.fault(json!({"method": "DELETE", "path": "/api/v1/organization/teams/", "status": 504}))
        .await;
    h.client.teams().delete(&team).await.unwrap();
    assert_eq!(h.count("DELETE", "/api/v1/organization/teams/").await, 2);
}

#[tokio::test]
async fn retry_after_is_waited() {
    let h = Harness::start().await;
    h.fault(json!({"path": CREDITS, "status": 429, "headers": {"Retry-After": "1"}}))
        .await;
    let started = Instant::now();
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert!(started.elapsed() >= Duration::from_millis(950));
    assert_eq!(h.count("GET", CREDITS).await, 2);
}

#[tokio::test]
async fn rate_limit_reset_is_waited_when_there_is_no_retry_after() {
    let h = Harness::start().await;
    let reset = chrono::Utc::now() + chrono::Duration::milliseconds(1500);
    h.fault(json!({"path": CREDITS, "status": 429,
        "headers": {"X-RateLimit-Reset": reset.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)}}))
        .await;
    let started = chrono::Utc::now();
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert!(
        chrono::Utc::now() >= reset,
        "answered before the reset time"
    );
    assert!(chrono::Utc::now() - started >= chrono::Duration::milliseconds(1000));
}

#[tokio::test]
async fn post_is_not_retried_after_500_or_a_dropped_connection() {
    let h = Harness::start().await;
    h.fault(json!({"method": "POST", "path": INVITE, "status": 500}))
        .await;
    let err = h
        .client
        .invites()
        .create("a@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "ServerError");
    assert_eq!(h.count("POST", INVITE).await, 1);

    // A POST that is not a create cannot be reconciled: never resent.
    h.fault(json!({"method": "POST", "path": REVOKE, "drop": true, "times": 3}))
        .await;
    let err = h
        .client
        .invites()
        .revoke("a@example.com")
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "APIConnectionError");
    assert!(err.may_have_reached_server());
    assert_eq!(h.count("POST", REVOKE).await, 1);
}

#[tokio::test]
async fn a_dropped_invite_create_is_resent_and_made_once() {
    let h = Harness::start().await;
    h.fault(json!({"method": "POST", "path": INVITE, "drop": true}))
        .await;
    let invite = h
        .client
        .invites()
        .create("b@example.com", None)
        .await
        .unwrap();
    assert_eq!(h.count("POST", INVITE).await, 2);
    let list = h.client.invites().list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, invite.id);
}

#[tokio::test]
async fn post_is_retried_after_rate_limit_but_never_after_invite_limit() {
    let h = Harness::start().await;
    h.fault(
        json!({"method": "POST", "path": INVITE, "status": 429, "headers": {"Retry-After": "0"},
        "body": {"success": false, "error": "slow down", "code": "RATE_LIMIT_EXCEEDED"}}),
    )
    .await;
    h.client
        .invites()
        .create("c@example.com", None)
        .await
        .unwrap();
    assert_eq!(h.count("POST", INVITE).await, 2);

    h.fault(json!({"method": "POST", "path": INVITE, "status": 429,
        "body": {"success": false, "error": "Too many pending invites", "code": "INVITE_LIMIT_EXCEEDED"}}))
        .await;
    let err = h
        .client
        .invites()
        .create("d@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InviteLimitError");
    assert_eq!(h.count("POST", INVITE).await, 3);
}

#[tokio::test]
async fn get_is_retried_after_a_dropped_connection() {
    let h = Harness::start().await;
    h.fault(json!({"method": "GET", "path": CREDITS, "drop": true}))
        .await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert_eq!(h.count("GET", CREDITS).await, 2);
}

#[tokio::test]
async fn timeouts_per_attempt() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.timeout(Duration::from_millis(200)).max_retries(1));
    h.fault(json!({"path": CREDITS, "delay_ms": 1500, "times": 2}))
        .await;
    let err = client.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "APITimeoutError");
    assert!(err.may_have_reached_server());
    assert_eq!(h.count("GET", CREDITS).await, 2);

    h.fault(json!({"method": "POST", "path": REVOKE, "status": 503, "delay_ms": 1500, "times": 2}))
        .await;
    let err = client
        .invites()
        .revoke("slow@example.com")
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "APITimeoutError");
    assert_eq!(h.count("POST", REVOKE).await, 1);
}

#[tokio::test]
async fn connection_refused_is_retried_even_for_post() {
    let url = closed_port_url().await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&url)
        .max_retries(2)
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .invites()
        .create("e@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "APIConnectionError");
    assert!(!err.may_have_reached_server());
    assert!(started.elapsed() < Duration::from_secs(30));
}

#[tokio::test]
async fn with_options_changes_timeout_and_retries_for_some_calls() {
    let h = Harness::start().await;
    let strict = h.client.with_options(
        headshotpro::RequestOptions::new()
            .timeout(Duration::from_millis(200))
            .max_retries(0),
    );
    assert_eq!(strict.max_retries(), 0);
    assert_eq!(h.client.max_retries(), 2);
    h.fault(json!({"path": CREDITS, "status": 503, "delay_ms": 1000}))
        .await;
    let err = strict.organization().credits().await.unwrap_err();
    assert_eq!(err.class_name(), "APITimeoutError");
    assert_eq!(h.count("GET", CREDITS).await, 1);
    h.fault(json!({"path": CREDITS, "status": 503})).await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
}

#[tokio::test]
async fn post_answered_500_rate_limit_text_goes_out_once() {
    let h = Harness::start().await;
    h.fault(json!({"method": "POST", "path": INVITE, "status": 500,
        "body": {"success": false, "message": "Email rate limit exceeded"}}))
        .await;
    let err = h
        .client
        .invites()
        .create("once@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "ServerError");
    assert_eq!(h.count("POST", INVITE).await, 1);
}

#[tokio::test]
async fn post_is_resent_only_on_http_429() {
    let h = Harness::start().await;
    h.fault(
        json!({"method": "POST", "path": INVITE, "status": 400, "headers": {"Retry-After": "0"},
        "body": {"success": false, "error": "slow down", "code": "RATE_LIMIT_EXCEEDED"}}),
    )
    .await;
    let err = h
        .client
        .invites()
        .create("four@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(h.count("POST", INVITE).await, 1);

    h.fault(
        json!({"method": "POST", "path": INVITE, "status": 429, "headers": {"Retry-After": "0"},
        "body": {"success": false, "error": "busy", "code": "INVALID_REQUEST"}}),
    )
    .await;
    let err = h
        .client
        .invites()
        .create("five@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "BadRequestError");
    assert_eq!(h.count("POST", INVITE).await, 2);

    h.fault(
        json!({"method": "POST", "path": INVITE, "status": 429, "headers": {"Retry-After": "0"}}),
    )
    .await;
    h.client
        .invites()
        .create("six@example.com", None)
        .await
        .unwrap();
    assert_eq!(h.count("POST", INVITE).await, 4);
}

#[tokio::test]
async fn hostile_retry_after_is_clamped_not_a_panic() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.max_retries(0));
    for value in ["1e20", "inf", "-3", "Fri, 31 Dec 9999 23:59:59 GMT"] {
        h.fault(json!({"path": CREDITS, "status": 429,
            "headers": {"Retry-After": value, "X-RateLimit-Reset": "99999999999999999999"}}))
            .await;
        let err = client.organization().credits().await.unwrap_err();
        let api = err.as_api().unwrap();
        assert_eq!(err.class_name(), "RateLimitError", "{value}");
        assert!(
            api.retry_after.unwrap_or_default() <= Duration::from_secs(86_400),
            "{value}"
        );
    }
}

#[tokio::test]
async fn huge_timeouts_are_not_an_overflow() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.timeout(Duration::MAX).connect_timeout(Duration::MAX));
    assert_eq!(client.organization().credits().await.unwrap(), 100);
    let model = client
        .models()
        .create("forever@example.com", None, true)
        .await
        .unwrap();
    let done = client
        .models()
        .wait(
            &model.model_id,
            headshotpro::ModelStatus::Onboarding,
            Duration::MAX,
        )
        .await
        .unwrap();
    assert_eq!(done.model_id, model.model_id);
}

#[tokio::test]
async fn a_delete_resent_after_a_lost_answer_that_finds_it_gone_is_done() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("gone@example.com", None, true)
        .await
        .unwrap();
    h.client.models().delete(&model.model_id).await.unwrap();
    // The answer to the first attempt is lost (the server may have processed
    // it); the resend finds the model already deleted: that is success.
    h.fault(json!({"method": "DELETE", "path": "/api/v2/", "status": 502}))
        .await;
    let deleted = h.client.models().delete(&model.model_id).await.unwrap();
    assert_eq!(deleted.model_id, model.model_id);
    assert!(!deleted.message.is_empty());

    let team = h.team("Gone").await;
    h.client.teams().delete(&team).await.unwrap();
    h.fault(json!({"method": "DELETE", "path": "/api/v1/organization/teams/", "drop": true}))
        .await;
    let org = h.client.teams().delete(&team).await.unwrap();
    assert!(org.teams.iter().all(|t| t.id != team));
}

#[tokio::test]
async fn a_delete_that_finds_it_gone_at_once_is_still_an_error() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("twice@example.com", None, true)
        .await
        .unwrap();
    h.client.models().delete(&model.model_id).await.unwrap();
    let err = h.client.models().delete(&model.model_id).await.unwrap_err();
    assert_eq!(err.code(), Some("ALREADY_DELETED"));
    // A rate limit is no lost answer: nothing was processed.
    h.fault(json!({"method": "DELETE", "path": "/api/v2/", "status": 429, "headers": {"Retry-After": "0"}}))
        .await;
    let err = h.client.models().delete(&model.model_id).await.unwrap_err();
    assert_eq!(err.code(), Some("ALREADY_DELETED"));
    let err = h.client.teams().delete("no-such-team").await.unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");
}
