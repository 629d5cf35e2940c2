//! Against the mock's "process, then fail" faults: a create whose answer is
//! lost is made exactly once and returned; a delete whose answer is lost is
//! done; dropping a call stops its requests at once.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Harness;
use headshotpro::ModelStatus;
use serde_json::{json, Value};

const MODEL_CREATE: &str = "/api/v2/organization/whitelabel/model/create";
const MODEL_GET: &str = "/api/v2/organization/whitelabel/model/get/";
const MODEL_LIST: &str = "/api/v2/organization/models";
const CREDITS: &str = "/api/v1/organization/credits";

/// Every model of the mock's default organization, from the control state.
async fn models_for(h: &Harness, email: &str) -> Vec<Value> {
    let url = format!("{}{MODEL_LIST}?limit=200", h.server.url());
    let mut all = Vec::new();
    let mut offset = 0;
    loop {
        let page: Value = reqwest::Client::new()
            .get(format!("{url}&offset={offset}"))
            .bearer_auth(h.server.api_key())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let items = page["models"].as_array().cloned().unwrap_or_default();
        offset += items.len();
        all.extend(items);
        if page["pagination"]["hasMore"] != true {
            break;
        }
    }
    all.into_iter().filter(|m| m["email"] == email).collect()
}

#[tokio::test]
async fn a_model_create_processed_then_lost_is_made_once_and_returned() {
    for after in [json!("drop"), json!(502), json!(504)] {
        let h = Harness::start().await;
        h.fault(json!({"method": "POST", "path": MODEL_CREATE, "after": after}))
            .await;
        let model = h
            .client
            .models()
            .create("ada@example.com", None, false)
            .await
            .unwrap();
        let made = models_for(&h, "ada@example.com").await;
        assert_eq!(made.len(), 1, "{after}");
        assert_eq!(made[0]["id"], model.model_id.as_str());
        assert!(!model.signed_url.is_empty());
        assert_eq!(h.count("POST", MODEL_CREATE).await, 2);
        assert_eq!(h.count("GET", MODEL_GET).await, 1);
    }
}

#[tokio::test]
async fn the_lookup_finds_the_newest_model_past_the_first_page() {
    let h = Harness::start().await;
    for n in 0..230 {
        h.client
            .models()
            .create(&format!("user{n}@example.com"), None, true)
            .await
            .unwrap();
    }
    h.fault(json!({"method": "POST", "path": MODEL_CREATE, "after": "drop"}))
        .await;
    let model = h
        .client
        .models()
        .create("last@example.com", None, true)
        .await
        .unwrap();
    // The first page, then the last one, where a list in creation order
    // keeps the newest.
    assert_eq!(h.count("GET", MODEL_LIST).await, 2);
    let made = models_for(&h, "last@example.com").await;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["id"], model.model_id.as_str());
}

#[tokio::test]
async fn a_model_create_that_timed_out_is_made_once() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.timeout(Duration::from_millis(300)));
    h.fault(json!({"method": "POST", "path": MODEL_CREATE, "delay_ms": 1000}))
        .await;
    let model = client
        .models()
        .create("slow@example.com", None, false)
        .await
        .unwrap();
    // Past the delayed first attempt, whatever became of it.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    let made = models_for(&h, "slow@example.com").await;
    assert_eq!(made.len(), 1);
    assert_eq!(made[0]["id"], model.model_id.as_str());
}

#[tokio::test]
async fn deletes_processed_then_lost_are_done() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("del@example.com", None, true)
        .await
        .unwrap();
    h.fault(json!({"method": "DELETE", "path": "/api/v2/", "after": "drop"}))
        .await;
    let deleted = h.client.models().delete(&model.model_id).await.unwrap();
    assert_eq!(deleted.model_id, model.model_id);
    let model = h.client.models().retrieve(&model.model_id).await;
    assert!(model.map_or(true, |m| m.status == ModelStatus::Deleted));

    let team = h.team("Ops").await;
    h.fault(json!({"method": "DELETE", "path": "/api/v1/organization/teams/", "after": 502}))
        .await;
    let org = h.client.teams().delete(&team).await.unwrap();
    assert!(org.teams.is_empty());
}

/// Requests logged so far, and again after the client had every chance to
/// send more.
async fn settled_counts(h: &Harness, method: &str, path: &str) -> (usize, usize) {
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = h.count(method, path).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    (before, h.count(method, path).await)
}

#[tokio::test]
async fn dropping_models_wait_stops_the_polling() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("poll@example.com", None, false)
        .await
        .unwrap();
    let models = h.client.models();
    let wait = models.wait(
        &model.model_id,
        ModelStatus::Active,
        Duration::from_secs(600),
    );
    assert!(tokio::time::timeout(Duration::from_millis(700), wait)
        .await
        .is_err());
    let (before, after) = settled_counts(&h, "GET", MODEL_GET).await;
    assert!(before >= 2, "{before} polls");
    assert_eq!(before, after, "polling went on after the wait was dropped");
}

#[tokio::test]
async fn dropping_a_retrying_call_stops_its_retries() {
    let h = Harness::start().await;
    let client = h.client_with(|b| b.max_retries(1000));
    h.fault(json!({"path": CREDITS, "status": 429, "times": 100000,
        "headers": {"Retry-After": "0"}}))
        .await;
    assert!(
        tokio::time::timeout(Duration::from_millis(300), client.organization().credits())
            .await
            .is_err()
    );
    let (before, after) = settled_counts(&h, "GET", CREDITS).await;
    assert!(before >= 3, "{before} attempts");
    assert_eq!(before, after, "retries went on after the call was dropped");

    h.control("POST", "/__mock/reset", json!({})).await;
    h.fault(json!({"path": CREDITS, "status": 503, "times": 100}))
        .await;
    let organization = client.organization();
    let call = organization.credits();
    assert!(tokio::time::timeout(Duration::from_millis(100), call)
        .await
        .is_err());
    let (before, after) = settled_counts(&h, "GET", CREDITS).await;
    assert_eq!(before, after, "a backoff wait outlived its call");
}

#[tokio::test]
async fn a_short_rate_window_is_waited_in_the_client() {
    let h = Harness::start().await;
    h.organization(json!({"rateLimit": 2, "rateWindowMs": 1000}))
        .await;
    for _ in 0..3 {
        assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    }
    assert_eq!(h.count("GET", CREDITS).await, 3, "a 429 was drawn");
    let info = h.client.last_rate_limit().unwrap();
    assert_eq!(info.limit, Some(2));
}
