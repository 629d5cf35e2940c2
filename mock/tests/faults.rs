//! Injected faults: status, body, headers, delay, drop, times, method and order.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::Mock;
use serde_json::json;

const CREDITS: &str = "/api/v1/organization/credits";

#[tokio::test]
async fn status_faults_fire_times_then_stop() {
    let mock = Mock::start().await;
    let added = mock
        .control_ok(
            "POST",
            "/__mock/faults",
            Some(json!({"method": "GET", "path": CREDITS, "status": 503, "times": 2})),
        )
        .await;
    assert!(added["id"].is_u64());
    for _ in 0..2 {
        let answer = mock.api("GET", CREDITS, None).await;
        assert_eq!(answer.status, 503);
        assert_eq!(
            answer.json,
            json!({"success": false, "error": "injected fault", "code": "INJECTED"})
        );
    }
    assert_eq!(mock.api("GET", CREDITS, None).await.status, 200);
    // Faulted requests are logged too.
    assert_eq!(mock.requests().await.len(), 3);
}

#[tokio::test]
async fn faults_match_method_and_path_prefix_and_fire_in_order() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"method": "post", "path": "/api/v1/organization", "status": 500})),
    )
    .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": "/api/v1/organization", "status": 502})),
    )
    .await;
    // A GET skips the POST-only fault and takes the second one.
    assert_eq!(mock.api("GET", CREDITS, None).await.status, 502);
    assert_eq!(mock.api("GET", CREDITS, None).await.status, 200);
    let post = mock
        .api(
            "POST",
            "/api/v1/organization/invite",
            Some(json!({"email": "a@b.co"})),
        )
        .await;
    assert_eq!(post.status, 500);
    assert_eq!(
        mock.api(
            "POST",
            "/api/v1/organization/invite",
            Some(json!({"email": "a@b.co"}))
        )
        .await
        .status,
        200
    );
    // Paths outside the prefix and control calls are never faulted.
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": "/api/v2", "status": 500})),
    )
    .await;
    assert_eq!(mock.api("GET", CREDITS, None).await.status, 200);
    mock.control_ok("GET", "/__mock/state", None).await;
    let pending = mock.control_ok("GET", "/__mock/faults", None).await;
    assert_eq!(pending["faults"].as_array().unwrap().len(), 1);
    assert_eq!(pending["faults"][0]["remaining"], 1);
    mock.control_ok("DELETE", "/__mock/faults", None).await;
    let none = mock.control_ok("GET", "/__mock/faults", None).await;
    assert_eq!(none["faults"], json!([]));
    assert_eq!(
        mock.api("GET", "/api/v2/organization/whitelabel/model/get/x", None)
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn bodies_are_raw_strings_or_serialized_json() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "body": "{\"success\": tru"})),
    )
    .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "status": 400, "body": {"message": "Insufficient credits"}})),
    )
    .await;
    let raw = mock.api("GET", CREDITS, None).await;
    assert_eq!(raw.status, 200);
    assert_eq!(raw.text, "{\"success\": tru");
    let old = mock.api("GET", CREDITS, None).await;
    assert_eq!(old.status, 400);
    assert_eq!(old.json, json!({"message": "Insufficient credits"}));
}

#[tokio::test]
async fn padding_appends_spaces_so_the_body_stays_json() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(
            json!({"path": CREDITS, "status": 200, "body": {"success": true, "credits": 7},
                    "padding": 5_000_000}),
        ),
    )
    .await;
    let padded = mock.api("GET", CREDITS, None).await;
    assert_eq!(padded.status, 200);
    assert_eq!(padded.text.trim_end().len() + 5_000_000, padded.text.len());
    assert_eq!(padded.json["credits"], 7);
    mock.control(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "status": 200, "padding": -1})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
}

#[tokio::test]
async fn headers_are_added_to_faulted_and_normal_answers() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "status": 429, "headers": {"Retry-After": "2", "X-RateLimit-Reset": "2030-01-01T00:00:00.000Z"},
                    "body": {"success": false, "error": "slow down", "code": "RATE_LIMIT_EXCEEDED"}})),
    )
    .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "headers": {"X-Extra": 7}})),
    )
    .await;
    let limited = mock.api("GET", CREDITS, None).await;
    limited.assert_error(429, "RATE_LIMIT_EXCEEDED");
    assert_eq!(limited.header("retry-after"), Some("2"));
    assert_eq!(
        limited.header("x-ratelimit-reset"),
        Some("2030-01-01T00:00:00.000Z")
    );
    let normal = mock.api("GET", CREDITS, None).await;
    assert_eq!(normal.status, 200);
    assert_eq!(normal.json["credits"], 100);
    assert_eq!(normal.header("x-extra"), Some("7"));
}

#[tokio::test]
async fn delays_hold_the_answer_back() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "delay_ms": 300})),
    )
    .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": CREDITS, "delay_ms": 300, "status": 504})),
    )
    .await;
    let start = Instant::now();
    let slow = mock.api("GET", CREDITS, None).await;
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(slow.status, 200);
    assert_eq!(slow.json["credits"], 100);
    let start = Instant::now();
    let failed = mock.api("GET", CREDITS, None).await;
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(failed.status, 504);
    assert_eq!(failed.code(), "INJECTED");
}

#[tokio::test]
async fn dropped_connections_get_no_answer() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"method": "POST", "path": "/api/v1/organization/invite", "drop": true})),
    )
    .await;
    let error = mock
        .try_send(
            "POST",
            "/api/v1/organization/invite",
            Some(&mock.key),
            Some("{\"email\": \"a@b.co\"}"),
        )
        .await
        .unwrap_err();
    assert!(!error.is_status(), "{error:?}");
    let log = mock.requests().await;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0]["body"], "{\"email\": \"a@b.co\"}");
    // The request was read but not processed.
    let invites = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(invites.json["invites"], json!([]));
    // The server keeps serving.
    assert_eq!(mock.api("GET", CREDITS, None).await.status, 200);
}

#[tokio::test]
async fn bad_fault_specs_are_refused() {
    let mock = Mock::start().await;
    for bad in [
        json!({}),
        json!({"path": ""}),
        json!({"path": "/x", "status": 99_999}),
        json!({"path": "/x", "times": 0}),
        json!({"path": "/x", "headers": ["a"]}),
        json!({"path": "/x", "delay_ms": -1}),
        json!({"path": "/x", "drop": "yes"}),
        json!({"path": "/x", "method": 3}),
        json!([]),
    ] {
        mock.control("POST", "/__mock/faults", Some(bad))
            .await
            .assert_error(400, "INVALID_REQUEST");
    }
    mock.send("POST", "/__mock/faults", None, Some("{"))
        .await
        .assert_error(400, "INVALID_REQUEST");
}

#[tokio::test]
async fn after_drop_processes_the_request_then_closes_the_connection() {
    let mock = Mock::start().await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"method": "POST", "path": "/api/v1/organization/invite", "after": "drop"})),
    )
    .await;
    let sent = mock
        .try_send(
            "POST",
            "/api/v1/organization/invite",
            Some(&mock.key.clone()),
            Some(r#"{"email": "once@example.com"}"#),
        )
        .await;
    assert!(sent.is_err(), "no answer comes back");
    // ...but the invite exists, exactly once.
    let list = mock.api("GET", "/api/v1/organization/invites", None).await;
    let invites = list.json["invites"].as_array().unwrap();
    assert_eq!(invites.len(), 1);
    assert_eq!(invites[0]["email"], "once@example.com");
    let posts = mock
        .requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "POST")
        .count();
    assert_eq!(posts, 1);
}

#[tokio::test]
async fn after_a_status_processes_the_request_then_answers_that_status() {
    let mock = Mock::start().await;
    const CREATE: &str = "/api/v2/organization/models";
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"method": "POST", "path": CREATE, "after": 502, "times": 1})),
    )
    .await;
    let first = mock
        .api("POST", CREATE, Some(json!({"email": "m@example.com"})))
        .await;
    first.assert_error(502, "INJECTED");
    // The model was created: a resend meets "already exists", and the list holds one.
    mock.api("POST", CREATE, Some(json!({"email": "m@example.com"})))
        .await
        .assert_error(400, "ALREADY_EXISTS");
    let list = mock.api("GET", CREATE, None).await;
    assert_eq!(list.json["pagination"]["total"], 1);

    // With a body and headers of its own, and the rate-limit headers of the real answer.
    mock.control_ok(
        "PUT",
        "/__mock/organization",
        Some(json!({"rateLimit": 100})),
    )
    .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": "/api/v1/organization/teams", "after": 504,
                    "body": {"message": "Gateway Timeout"}, "headers": {"x-fault": "yes"}})),
    )
    .await;
    let team = mock
        .api(
            "POST",
            "/api/v1/organization/teams",
            Some(json!({"name": "Ops"})),
        )
        .await;
    assert_eq!(team.status, 504);
    assert_eq!(team.json, json!({"message": "Gateway Timeout"}));
    assert_eq!(team.header("x-fault"), Some("yes"));
    assert!(team.header("x-ratelimit-remaining").is_some());
    let org = mock.api("GET", "/api/v1/organization", None).await;
    assert_eq!(org.json["organization"]["teams"][0]["name"], "Ops");
}

#[tokio::test]
async fn after_conflicting_with_status_or_drop_or_malformed_is_refused() {
    let mock = Mock::start().await;
    for spec in [
        json!({"path": "/api/", "after": 502, "status": 500}),
        json!({"path": "/api/", "after": "drop", "drop": true}),
        json!({"path": "/api/", "after": "explode"}),
        json!({"path": "/api/", "after": 99}),
    ] {
        mock.control("POST", "/__mock/faults", Some(spec))
            .await
            .assert_error(400, "INVALID_REQUEST");
    }
}
