//! Webhook delivery: payload, signature, delay, retries, order, logs, reset.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::{eventually, Hit, Mock, Receiver};
use headshotpro_mock::MockConfig;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

fn config(url: &str, secret: Option<&str>) -> MockConfig {
    MockConfig {
        webhook_url: Some(url.to_owned()),
        webhook_secret: secret.map(str::to_owned),
        webhook_delay: Duration::ZERO,
        webhook_retry: Duration::from_millis(30),
        dev_step: Duration::from_millis(20),
        ..MockConfig::default()
    }
}

/// Recomputes `sha256=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))` independently.
fn expected_signature(secret: &str, hit: &Hit) -> String {
    let timestamp = &hit.headers["x-headshotpro-timestamp"];
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{timestamp}.{}", hit.body).as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

#[tokio::test]
async fn signed_delivery_is_retried_until_2xx() {
    let receiver = Receiver::start(&[500]).await;
    let mock = Mock::with(config(&receiver.url, Some("whsec_test"))).await;
    let id = mock.model("user@example.com", false).await;
    let hits = receiver.wait_for(2).await;

    for hit in &hits {
        assert_eq!(hit.headers["content-type"], "application/json");
        assert_eq!(
            hit.headers["x-headshotpro-signature"],
            expected_signature("whsec_test", hit)
        );
        let ts: i64 = hit.headers["x-headshotpro-timestamp"].parse().unwrap();
        assert!((chrono::Utc::now().timestamp() - ts).abs() < 60);
    }
    assert_eq!(hits[0].body, hits[1].body, "a retry resends the same event");
    let payload = hits[0].json();
    assert!(payload["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(payload["id"].as_str().unwrap().len(), 28);
    assert_eq!(payload["event"], "model.created");
    assert_eq!(payload["objectType"], "model");
    assert!(chrono::DateTime::parse_from_rfc3339(payload["createdAt"].as_str().unwrap()).is_ok());
    let object = &payload["object"];
    assert_eq!(object["_id"], id.as_str());
    assert_eq!(object["status"], "onboarding");
    assert!(
        object.get("isDevelopment").is_none(),
        "only present when true"
    );
    assert_eq!(object["finishedAt"], Value::Null);
    assert_eq!(object["deletedAt"], Value::Null);
    for field in [
        "uid",
        "title",
        "trigger",
        "inviteExpiresAt",
        "createdAt",
        "organization",
    ] {
        assert!(object[field].is_string(), "{field} in {object}");
    }
    let org = mock.api("GET", "/api/v1/organization", None).await;
    assert_eq!(object["organization"], org.json["organization"]["uid"]);

    let log = eventually("two log entries", || async {
        let log = mock.webhook_log().await;
        (log.len() >= 2).then_some(log)
    })
    .await;
    let event_id = payload["id"].clone();
    assert_eq!(log[0]["event"], "model.created");
    assert_eq!(log[0]["eventId"], event_id);
    assert_eq!(log[0]["modelId"], id.as_str());
    assert_eq!(log[0]["url"], receiver.url.as_str());
    assert_eq!(log[0]["attempt"], 1);
    assert_eq!(log[0]["status"], 500);
    assert_eq!(log[1]["attempt"], 2);
    assert_eq!(log[1]["status"], 200);
    assert!(
        hits[1].at.duration_since(hits[0].at) >= Duration::from_millis(30),
        "the retry waits --webhook-retry-ms"
    );
    mock.control_ok("DELETE", "/__mock/webhooks", None).await;
    assert!(mock.webhook_log().await.is_empty());
}

#[tokio::test]
async fn unsigned_without_a_secret() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(config(&receiver.url, None)).await;
    mock.model("user@example.com", true).await;
    let hits = receiver.wait_for(1).await;
    assert!(!hits[0].headers.contains_key("x-headshotpro-signature"));
    assert!(!hits[0].headers.contains_key("x-headshotpro-timestamp"));
    assert_eq!(hits[0].json()["object"]["isDevelopment"], true);
}

#[tokio::test]
async fn the_first_attempt_waits_the_configured_delay() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(MockConfig {
        webhook_delay: Duration::from_millis(400),
        ..config(&receiver.url, None)
    })
    .await;
    let start = Instant::now();
    mock.model("user@example.com", false).await;
    let hits = receiver.wait_for(1).await;
    assert!(hits[0].at.duration_since(start) >= Duration::from_millis(400));
}

#[tokio::test]
async fn at_most_four_attempts_and_null_status_when_unreachable() {
    let receiver = Receiver::start(&[500, 500, 500, 500, 500, 500]).await;
    let mock = Mock::with(config(&receiver.url, None)).await;
    mock.model("user@example.com", false).await;
    receiver.wait_for(4).await;
    let log = eventually("four attempts logged", || async {
        let log = mock.webhook_log().await;
        (log.len() >= 4).then_some(log)
    })
    .await;
    let attempts: Vec<_> = log.iter().map(|e| e["attempt"].clone()).collect();
    assert_eq!(attempts, [json!(1), json!(2), json!(3), json!(4)]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(receiver.hits().len(), 4, "no fifth attempt");

    // Nobody listening: the attempts are logged with a null status.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/hook", closed.local_addr().unwrap());
    drop(closed);
    let mock = Mock::with(config(&url, None)).await;
    mock.model("user@example.com", false).await;
    let log = eventually("four failed attempts", || async {
        let log = mock.webhook_log().await;
        (log.len() >= 4).then_some(log)
    })
    .await;
    assert!(log.iter().all(|e| e["status"].is_null()));
    assert_eq!(log.len(), 4);
}

#[tokio::test]
async fn every_change_is_delivered_in_order_despite_retries() {
    let receiver = Receiver::start(&[500, 200, 503, 200, 500]).await;
    let mock = Mock::with(config(&receiver.url, Some("s"))).await;
    let id = mock.model("user@example.com", false).await;
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{id}/complete-onboarding"),
        None,
    )
    .await;
    for _ in 0..3 {
        mock.control_ok("POST", &format!("/__mock/models/{id}/advance"), None)
            .await;
    }
    mock.api(
        "DELETE",
        &format!("/api/v2/organization/whitelabel/model/delete/{id}"),
        None,
    )
    .await;
    let expected = [
        ("model.created", "onboarding"),
        ("model.status.updated", "waiting"),
        ("model.status.updated", "pending"),
        ("model.status.updated", "generatingHeadshots"),
        ("model.status.updated", "active"),
        ("model.photos_ready", "active"),
        ("model.deleted", "deleted"),
    ];
    let delivered = eventually("every event delivered", || async {
        let mut seen: Vec<Value> = Vec::new();
        for hit in receiver.hits() {
            let payload = hit.json();
            if seen.last().map(|p| &p["id"]) != Some(&payload["id"]) {
                seen.push(payload);
            }
        }
        (seen.len() >= expected.len()).then_some(seen)
    })
    .await;
    let got: Vec<(String, String)> = delivered
        .iter()
        .map(|p| {
            (
                p["event"].as_str().unwrap().to_owned(),
                p["object"]["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(e, s)| ((*e).to_owned(), (*s).to_owned()))
        .collect();
    assert_eq!(got, expected);
    assert!(delivered[4]["object"]["finishedAt"].is_string());
    assert!(delivered[6]["object"]["deletedAt"].is_string());
}

#[tokio::test]
async fn development_models_report_each_automatic_step() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(config(&receiver.url, None)).await;
    let id = mock.model("dev@example.com", true).await;
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{id}/complete-onboarding"),
        None,
    )
    .await;
    let hits = receiver.wait_for(6).await;
    let statuses: Vec<_> = hits
        .iter()
        .map(|h| h.json()["object"]["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        statuses,
        [
            "onboarding",
            "waiting",
            "pending",
            "generatingHeadshots",
            "active",
            "active"
        ]
    );
    assert_eq!(hits[5].json()["event"], "model.photos_ready");
    assert_eq!(mock.model_status(&id).await, "active");
}

#[tokio::test]
async fn webhook_settings_change_at_runtime_and_reset_cancels_pending_deliveries() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(MockConfig {
        webhook_delay: Duration::from_millis(300),
        ..MockConfig::default()
    })
    .await;
    mock.model("nobody@example.com", false).await;
    mock.control_ok(
        "PUT",
        "/__mock/organization",
        Some(json!({"webhookUrl": receiver.url, "webhookSecret": "later"})),
    )
    .await;
    mock.model("someone@example.com", false).await;
    let hits = receiver.wait_for(1).await;
    assert_eq!(hits[0].json()["event"], "model.created");
    assert_eq!(
        hits[0].headers["x-headshotpro-signature"],
        expected_signature("later", &hits[0])
    );

    eventually("the delivery to be logged", || async {
        (mock.webhook_log().await.len() == 1).then_some(())
    })
    .await;
    mock.model("third@example.com", false).await;
    mock.control_ok("POST", "/__mock/reset", None).await;
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(receiver.hits().len(), 1, "reset cancels pending webhooks");
    assert!(mock.webhook_log().await.is_empty());
}

#[tokio::test]
async fn photos_ready_and_favorite_selected_carry_an_id_and_a_timestamp() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(config(&receiver.url, Some("whsec_v2"))).await;
    let id = mock.active_model("fav@example.com").await;
    // created, waiting, pending, generatingHeadshots, active, photos_ready
    let hits = receiver.wait_for(6).await;
    let ready = hits[5].json();
    assert_eq!(ready["event"], "model.photos_ready");
    assert_eq!(ready["object"]["status"], "active");
    assert!(ready["object"]["finishedAt"].is_string());

    let photos = mock.v2("GET", &format!("/models/{id}/photos"), None).await;
    let photo = photos["photos"][2]["id"].as_str().unwrap().to_owned();
    mock.control_ok(
        "POST",
        &format!("/__mock/models/{id}/favorite"),
        Some(json!({"photoId": photo})),
    )
    .await;
    let hits = receiver.wait_for(7).await;
    let chosen = hits[6].json();
    assert_eq!(chosen["event"], "model.favorite_selected");
    assert_eq!(chosen["photoId"], photo.as_str());
    assert_eq!(chosen["object"]["_id"], id.as_str());
    assert_eq!(
        hits[6].headers["x-headshotpro-signature"],
        expected_signature("whsec_v2", &hits[6])
    );

    let mut event_ids = Vec::new();
    for hit in &hits {
        let payload = hit.json();
        let event_id = payload["id"].as_str().unwrap().to_owned();
        assert!(event_id.starts_with("evt_"), "{event_id}");
        assert!(
            chrono::DateTime::parse_from_rfc3339(payload["createdAt"].as_str().unwrap()).is_ok()
        );
        assert!(!event_ids.contains(&event_id), "event ids are unique");
        event_ids.push(event_id);
    }
    let log = eventually("the favorite in the log", || async {
        let log = mock.webhook_log().await;
        (log.len() >= 7).then_some(log)
    })
    .await;
    assert_eq!(log[6]["event"], "model.favorite_selected");
}
