//! The control API: transitions, credit rules, settings, reset, logs, rate limit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::Mock;
use headshotpro_mock::{MockConfig, OrganizationConfig};
use serde_json::{json, Value};

const CREDITS_PATH: &str = "/api/v1/organization/credits";

#[tokio::test]
async fn health_and_state() {
    let mock = Mock::start().await;
    let health = mock.control_ok("GET", "/__mock/health", None).await;
    assert_eq!(health["status"], "ok");
    mock.invite("a@b.co").await;
    let state = mock.control_ok("GET", "/__mock/state", None).await;
    let org = &state["organizations"][0];
    assert_eq!(org["settings"]["apiKey"], mock.key.as_str());
    assert_eq!(org["settings"]["credits"], 100);
    assert_eq!(org["invites"][0]["email"], "a@b.co");
    mock.control("GET", "/__mock/nothing", None)
        .await
        .assert_error(404, "NOT_FOUND");
}

async fn invite_status(mock: &Mock, id: &str) -> Value {
    let path = format!("/api/v1/organization/invite/id/{id}");
    mock.api("GET", &path, None).await.json["invite"]["status"].clone()
}

#[tokio::test]
async fn invite_life_cycle_spends_a_credit_on_upload() {
    let mock = Mock::with(MockConfig {
        credits: 1,
        ..MockConfig::default()
    })
    .await;
    let id = mock.invite("ada@example.com").await;
    let second = mock.invite("bob@example.com").await;

    mock.control("POST", &format!("/__mock/invites/{id}/upload"), None)
        .await
        .assert_error(409, "INVALID_STATE");
    let accepted = mock
        .control_ok("POST", &format!("/__mock/invites/{id}/accept"), None)
        .await;
    assert_eq!(accepted["invite"]["status"], "waiting-for-upload");
    assert_eq!(invite_status(&mock, &id).await, "waiting-for-upload");
    let list = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(list.json["invites"][0]["valid"], false);
    assert_eq!(list.json["invites"][0]["used"], true);

    let uploaded = mock
        .control_ok("POST", &format!("/__mock/invites/{id}/upload"), None)
        .await;
    assert_eq!(uploaded["invite"]["status"], "generating-headshots");
    assert_eq!(uploaded["credits"], 0);
    assert_eq!(mock.credits().await, 0);

    let active = mock
        .control_ok("POST", &format!("/__mock/invites/{id}/advance"), None)
        .await;
    assert_eq!(active["invite"]["status"], "active");
    mock.control("POST", &format!("/__mock/invites/{id}/advance"), None)
        .await
        .assert_error(409, "INVALID_STATE");

    // With no credit left the upload is refused and nothing changes.
    mock.control_ok("POST", &format!("/__mock/invites/{second}/advance"), None)
        .await;
    mock.control("POST", &format!("/__mock/invites/{second}/advance"), None)
        .await
        .assert_error(402, "INSUFFICIENT_CREDITS");
    assert_eq!(invite_status(&mock, &second).await, "waiting-for-upload");

    mock.control("POST", "/__mock/invites/nope/accept", None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.control("POST", &format!("/__mock/invites/{id}/explode"), None)
        .await
        .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn model_life_cycle_and_credit_rules() {
    let mock = Mock::with(MockConfig {
        credits: 1,
        ..MockConfig::default()
    })
    .await;
    let id = mock.model("one@b.co", false).await;
    let spare = mock.model("two@b.co", false).await;
    assert_eq!(mock.credits().await, 1);
    let act = |action: &str, id: &str| format!("/__mock/models/{id}/{action}");

    mock.control("POST", &act("fail", &id), None)
        .await
        .assert_error(409, "INVALID_STATE");
    let waiting = mock
        .control_ok("POST", &act("complete-onboarding", &id), None)
        .await;
    assert_eq!(waiting["model"]["status"], "waiting");
    assert_eq!(waiting["credits"], 0);
    mock.control("POST", &act("complete-onboarding", &id), None)
        .await
        .assert_error(409, "INVALID_STATE");
    for expected in ["pending", "generatingHeadshots"] {
        let step = mock.control_ok("POST", &act("advance", &id), None).await;
        assert_eq!(step["model"]["status"], expected);
        assert_eq!(mock.model_status(&id).await, expected);
    }
    let failed = mock.control_ok("POST", &act("fail", &id), None).await;
    assert_eq!(failed["model"]["status"], "failed");
    assert_eq!(mock.model_status(&id).await, "failed");
    let restarted = mock.control_ok("POST", &act("advance", &id), None).await;
    assert_eq!(restarted["model"]["status"], "pending");
    mock.control_ok("POST", &act("advance", &id), None).await;
    let active = mock.control_ok("POST", &act("advance", &id), None).await;
    assert_eq!(active["model"]["status"], "active");
    assert!(active["model"]["finishedAt"].is_string());
    mock.control("POST", &act("advance", &id), None)
        .await
        .assert_error(409, "INVALID_STATE");

    // No credit left: onboarding cannot complete, nothing changes.
    mock.control("POST", &act("complete-onboarding", &spare), None)
        .await
        .assert_error(402, "INSUFFICIENT_CREDITS");
    mock.control("POST", &act("advance", &spare), None)
        .await
        .assert_error(402, "INSUFFICIENT_CREDITS");
    assert_eq!(mock.model_status(&spare).await, "onboarding");

    // Development models never need or spend credits.
    let dev = mock.model("dev@b.co", true).await;
    let waiting = mock
        .control_ok("POST", &act("complete-onboarding", &dev), None)
        .await;
    assert_eq!(waiting["credits"], 0);

    mock.control("POST", &act("advance", "nope"), None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.control("POST", &act("explode", &id), None)
        .await
        .assert_error(404, "NOT_FOUND");
    mock.api(
        "DELETE",
        &format!("/api/v2/organization/whitelabel/model/delete/{spare}"),
        None,
    )
    .await;
    mock.control("POST", &act("advance", &spare), None)
        .await
        .assert_error(409, "INVALID_STATE");
}

#[tokio::test]
async fn development_models_advance_by_themselves_until_active() {
    let mock = Mock::with(MockConfig {
        dev_step: std::time::Duration::from_millis(30),
        ..MockConfig::default()
    })
    .await;
    let id = mock.model("dev@b.co", true).await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(
        mock.model_status(&id).await,
        "onboarding",
        "development models wait for onboarding"
    );
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{id}/complete-onboarding"),
        None,
    )
    .await;
    common::eventually("the development model to become active", || async {
        (mock.model_status(&id).await == "active").then_some(())
    })
    .await;
    assert_eq!(mock.credits().await, 100);
}

#[tokio::test]
async fn organization_settings_can_be_changed() {
    let mock = Mock::start().await;
    let answer = mock
        .control_ok(
            "PUT",
            "/__mock/organization",
            Some(
                json!({"credits": 7, "whitelabel": false, "webhookUrl": "http://127.0.0.1:9/h",
                        "webhookSecret": "s3cret", "inviteLimit": 1, "rateLimit": 50}),
            ),
        )
        .await;
    let org = &answer["organization"];
    assert_eq!(org["credits"], 7);
    assert_eq!(org["whitelabel"], false);
    assert_eq!(org["webhookUrl"], "http://127.0.0.1:9/h");
    assert_eq!(org["webhookSecret"], "s3cret");
    assert_eq!(org["inviteLimit"], 1);
    assert_eq!(org["rateLimit"], 50);
    assert_eq!(mock.credits().await, 7);
    mock.api(
        "POST",
        "/api/v2/organization/whitelabel/model/create",
        Some(json!({"email": "a@b.co"})),
    )
    .await
    .assert_error(403, "FORBIDDEN");

    let cleared = mock
        .control_ok(
            "PUT",
            "/__mock/organization",
            Some(json!({"webhookUrl": null, "webhookSecret": null, "inviteLimit": null, "rateLimit": null})),
        )
        .await;
    let org = &cleared["organization"];
    assert_eq!(org["webhookUrl"], Value::Null);
    assert_eq!(org["webhookSecret"], Value::Null);
    assert_eq!(org["inviteLimit"], Value::Null);
    assert_eq!(org["rateLimit"], Value::Null);
    assert_eq!(org["credits"], 7, "fields left out stay");
    let got = mock.control_ok("GET", "/__mock/organization", None).await;
    assert_eq!(got["organization"], cleared["organization"]);
    let unchanged = mock.send("PUT", "/__mock/organization", None, None).await;
    assert_eq!(unchanged.status, 200, "an empty body changes nothing");
    assert_eq!(unchanged.json["organization"], cleared["organization"]);

    for bad in [
        json!({"credits": "many"}),
        json!({"credits": -1}),
        json!({"whitelabel": 1}),
        json!({"creditz": 1}),
        json!([1]),
    ] {
        mock.control("PUT", "/__mock/organization", Some(bad))
            .await
            .assert_error(400, "INVALID_REQUEST");
    }
    mock.send("PUT", "/__mock/organization", None, Some("{"))
        .await
        .assert_error(400, "INVALID_REQUEST");
    assert_eq!(mock.credits().await, 7, "a refused change changes nothing");
}

#[tokio::test]
async fn settings_of_another_organization_by_key() {
    let mock = Mock::with(MockConfig {
        organizations: vec![OrganizationConfig::new("hp_test_other")],
        ..MockConfig::default()
    })
    .await;
    mock.control_ok(
        "PUT",
        "/__mock/organization?key=hp_test_other",
        Some(json!({"credits": 2})),
    )
    .await;
    let other = mock
        .api_as("hp_test_other", "GET", "/api/v1/organization/credits", None)
        .await;
    assert_eq!(other.json["credits"], 2);
    assert_eq!(mock.credits().await, 100);
    mock.control(
        "PUT",
        "/__mock/organization?key=unknown",
        Some(json!({"credits": 2})),
    )
    .await
    .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn reset_restores_the_start_state() {
    let mock = Mock::with(MockConfig {
        credits: 10,
        organizations: vec![OrganizationConfig::new("hp_test_other")],
        ..MockConfig::default()
    })
    .await;
    let uid =
        mock.api("GET", "/api/v1/organization", None).await.json["organization"]["uid"].clone();
    mock.invite("a@b.co").await;
    mock.api(
        "POST",
        "/api/v1/organization/teams",
        Some(json!({"name": "T"})),
    )
    .await;
    mock.control_ok("PUT", "/__mock/organization", Some(json!({"credits": 1})))
        .await;
    mock.control_ok(
        "POST",
        "/__mock/faults",
        Some(json!({"path": "/api/v1/organization", "status": 500, "times": 5})),
    )
    .await;
    mock.control_ok("POST", "/__mock/reset", None).await;

    assert!(mock.requests().await.is_empty());
    let faults = mock.control_ok("GET", "/__mock/faults", None).await;
    assert_eq!(faults["faults"], json!([]));
    assert_eq!(mock.credits().await, 10);
    let org = mock.api("GET", "/api/v1/organization", None).await;
    assert_eq!(org.json["organization"]["teams"], json!([]));
    assert_eq!(org.json["organization"]["uid"], uid);
    let invites = mock.api("GET", "/api/v1/organization/invites", None).await;
    assert_eq!(invites.json["invites"], json!([]));
    let other = mock
        .api_as("hp_test_other", "GET", "/api/v1/organization/credits", None)
        .await;
    assert_eq!(other.status, 200);
}

#[tokio::test]
async fn reset_forgets_models_and_stops_their_timers() {
    let mock = Mock::with(MockConfig {
        dev_step: std::time::Duration::from_millis(200),
        ..MockConfig::default()
    })
    .await;
    let id = mock.model("dev@b.co", true).await;
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{id}/complete-onboarding"),
        None,
    )
    .await;
    mock.control_ok("POST", "/__mock/reset", None).await;
    mock.api(
        "GET",
        &format!("/api/v2/organization/whitelabel/model/get/{id}"),
        None,
    )
    .await
    .assert_error(404, "NOT_FOUND");
}

#[tokio::test]
async fn the_request_log_keeps_every_api_request_in_order() {
    let mock = Mock::start().await;
    mock.send("GET", "/api/v1/organization?expand=teams", None, None)
        .await;
    mock.send(
        "POST",
        "/api/v1/organization/invite",
        Some(&mock.key),
        Some("{\"email\": \"a@b.co\"}"),
    )
    .await;
    mock.send(
        "POST",
        "/api/v1/organization/invite",
        Some(&mock.key),
        Some("{"),
    )
    .await;
    mock.control_ok("GET", "/__mock/state", None).await;
    let log = mock.requests().await;
    assert_eq!(log.len(), 3, "{log:?}");
    assert_eq!(log[0]["method"], "GET");
    assert_eq!(log[0]["path"], "/api/v1/organization");
    assert_eq!(log[0]["query"], "expand=teams");
    assert!(log[0]["headers"].get("authorization").is_none());
    assert_eq!(log[1]["method"], "POST");
    assert_eq!(log[1]["body"], "{\"email\": \"a@b.co\"}");
    assert_eq!(
        log[1]["headers"]["authorization"],
        format!("Bearer {}", mock.key)
    );
    assert_eq!(log[1]["headers"]["content-type"], "application/json");
    assert_eq!(log[2]["body"], "{");
    mock.control_ok("DELETE", "/__mock/requests", None).await;
    assert!(mock.requests().await.is_empty());
}

#[tokio::test]
async fn rate_limit_headers_and_429() {
    let mock = Mock::with(MockConfig {
        rate_limit: Some(3),
        ..MockConfig::default()
    })
    .await;
    for remaining in [2, 1, 0] {
        let answer = mock.api("GET", "/api/v1/organization/credits", None).await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("x-ratelimit-limit"), Some("3"));
        assert_eq!(
            answer.header("x-ratelimit-remaining"),
            Some(remaining.to_string().as_str())
        );
        let reset = answer.header("x-ratelimit-reset").unwrap();
        let reset = chrono::DateTime::parse_from_rfc3339(reset).unwrap();
        assert!(reset > chrono::Utc::now());
    }
    let refused = mock.api("GET", "/api/v1/organization", None).await;
    refused.assert_error(429, "RATE_LIMIT_EXCEEDED");
    let retry_after: u64 = refused.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after));
    assert_eq!(refused.header("x-ratelimit-remaining"), Some("0"));
    assert!(refused.header("x-ratelimit-reset").is_some());

    // Per key: another organization has its own window.
    mock.control_ok("POST", "/__mock/reset", None).await;
    assert_eq!(
        mock.api("GET", "/api/v1/organization", None).await.status,
        200,
        "reset starts a new window"
    );

    // Without a limit, no headers.
    let free = Mock::start().await;
    let answer = free.api("GET", "/api/v1/organization/credits", None).await;
    assert!(answer.header("x-ratelimit-limit").is_none());
    free.control_ok("PUT", "/__mock/organization", Some(json!({"rateLimit": 1})))
        .await;
    assert_eq!(
        free.api("GET", "/api/v1/organization/credits", None)
            .await
            .status,
        200
    );
    free.api("GET", "/api/v1/organization/credits", None)
        .await
        .assert_error(429, "RATE_LIMIT_EXCEEDED");
}

#[tokio::test]
async fn rate_limits_count_per_key() {
    let mut other = OrganizationConfig::new("hp_test_other");
    other.rate_limit = Some(1);
    let mock = Mock::with(MockConfig {
        rate_limit: Some(1),
        organizations: vec![other],
        ..MockConfig::default()
    })
    .await;
    assert_eq!(
        mock.api("GET", "/api/v1/organization", None).await.status,
        200
    );
    let other = mock
        .api_as("hp_test_other", "GET", "/api/v1/organization", None)
        .await;
    assert_eq!(other.status, 200);
    mock.api("GET", "/api/v1/organization", None)
        .await
        .assert_error(429, "RATE_LIMIT_EXCEEDED");
}

#[tokio::test]
async fn config_files_add_organizations() {
    let dir = std::env::temp_dir().join(format!("hp-mock-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("orgs.json");
    std::fs::write(
        &path,
        r#"{"organizations": [{"apiKey": "hp_test_file", "name": "From file", "credits": 4, "whitelabel": false}]}"#,
    )
    .unwrap();
    let mut config = MockConfig::default();
    config.load_file(&path).unwrap();
    let mock = Mock::with(config).await;
    let org = mock
        .api_as("hp_test_file", "GET", "/api/v1/organization", None)
        .await;
    assert_eq!(org.json["organization"]["name"], "From file");
    let credits = mock
        .api_as("hp_test_file", "GET", "/api/v1/organization/credits", None)
        .await;
    assert_eq!(credits.json["credits"], 4);
    assert!(MockConfig::default()
        .load_file(&dir.join("missing.json"))
        .is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_short_rate_window_reopens_at_its_reset() {
    let mock = Mock::with(MockConfig {
        rate_limit: Some(2),
        rate_window: Duration::from_millis(400),
        ..MockConfig::default()
    })
    .await;
    let first = mock.api("GET", CREDITS_PATH, None).await;
    let reset = first.header("x-ratelimit-reset").unwrap().to_owned();
    let reset_at = chrono::DateTime::parse_from_rfc3339(&reset).unwrap();
    let left = reset_at.with_timezone(&chrono::Utc) - chrono::Utc::now();
    assert!(left <= chrono::Duration::milliseconds(400), "{left}");
    // Every answer carries the headers: an error answer and a V2 answer too.
    let missing = mock
        .api("GET", "/api/v2/organization/models/nope", None)
        .await;
    missing.assert_error(404, "NOT_FOUND");
    assert_eq!(missing.header("x-ratelimit-remaining"), Some("0"));
    let refused = mock.api("GET", "/api/v2/organization/teams", None).await;
    refused.assert_error(429, "RATE_LIMIT_EXCEEDED");
    assert_eq!(refused.header("x-ratelimit-reset"), Some(reset.as_str()));

    // Once the reported reset has passed, a new window opens.
    let wait = (reset_at.with_timezone(&chrono::Utc) - chrono::Utc::now())
        .to_std()
        .unwrap_or_default();
    tokio::time::sleep(wait + Duration::from_millis(20)).await;
    let again = mock.api("GET", CREDITS_PATH, None).await;
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(again.header("x-ratelimit-remaining"), Some("1"));
    assert_ne!(again.header("x-ratelimit-reset"), Some(reset.as_str()));
}

#[tokio::test]
async fn the_rate_window_is_an_organization_setting() {
    let mock = Mock::start().await;
    let org = mock
        .control_ok(
            "PUT",
            "/__mock/organization",
            Some(json!({"rateLimit": 1, "rateWindowMs": 250})),
        )
        .await;
    assert_eq!(org["organization"]["rateWindowMs"], 250);
    let first = mock.api("GET", CREDITS_PATH, None).await;
    let reset = chrono::DateTime::parse_from_rfc3339(first.header("x-ratelimit-reset").unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert!(reset - chrono::Utc::now() <= chrono::Duration::milliseconds(250));
    mock.control(
        "PUT",
        "/__mock/organization",
        Some(json!({"rateWindowMs": 0})),
    )
    .await
    .assert_error(400, "INVALID_REQUEST");
}
