//! Every data type of the SDK round-trips through JSON in the API's wire
//! form (camelCase, ISO timestamps), using real answers from the mock, so
//! the bindings' `to_json()` / `toJSON()` / `toJson()` need no logic.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::fmt::Debug;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::observe::Collected;
use common::Harness;
use headshotpro::{
    from_json, to_json, to_json_value, AppInfo, DownloadLinks, Error, FavoriteListParams,
    FavoritePhoto, InviteStatus, LogLevel, LogRecord, Member, MemberListParams, MemberStatus,
    ModelCreateParams, ModelListParams, ModelStatus, ModelSummary, ModelVersion, Page, Photo,
    PhotoInclude, PhotoListParams, RateLimitInfo, RequestEvent, ResponseEvent, SaveOptions,
    SaveProgress, SaveReport, WebhookEvent, WithResponse,
};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

/// Writes, reads back and compares: the same value, and the same JSON.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> Value {
    let text = to_json(value).unwrap();
    let back: T = from_json(&text).unwrap();
    assert_eq!(&back, value);
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(to_json_value(&back).unwrap(), json);
    json
}

/// For types without `PartialEq` (or with clocks finer than JSON keeps):
/// JSON → value → the same JSON.
fn round_trip_json<T: Serialize + DeserializeOwned>(value: &T) -> (Value, T) {
    let json = to_json_value(value).unwrap();
    let back: T = from_json(&json.to_string()).unwrap();
    assert_eq!(to_json_value(&back).unwrap(), json);
    (json, back)
}

fn is_iso(value: &Value) -> bool {
    let text = value.as_str().unwrap_or_default();
    chrono::DateTime::parse_from_rfc3339(text).is_ok() && text.ends_with('Z')
}

/// A mock with an active development model (with photos) and a member.
async fn seeded() -> (Harness, String) {
    let h = Harness::start().await;
    let answer = h
        .control("POST", "/__mock/seed", json!({"members": 2, "models": 1}))
        .await;
    let model = answer["modelIds"][0].as_str().unwrap().to_owned();
    (h, model)
}

#[tokio::test]
async fn organization_and_teams() {
    let h = Harness::start().await;
    let org = h.client.teams().create("Design").await.unwrap();
    let json = round_trip(&org);
    assert_eq!(json["teams"][0]["name"], "Design");
    round_trip(&org.teams[0]);
    for team in h.client.teams().list().await.unwrap() {
        round_trip(&team);
    }
}

#[tokio::test]
async fn invites_in_every_shape() {
    let h = Harness::start().await;
    let invite = h
        .client
        .invites()
        .create("ga@example.com", None)
        .await
        .unwrap();
    assert!(round_trip(&invite).get("link").is_some());
    let list = h.client.invites().list().await.unwrap();
    let json = round_trip(&list[0]);
    assert!(is_iso(&json["createdAt"]), "{json}");
    let details = h.client.invites().retrieve(&invite.id).await.unwrap();
    assert_eq!(round_trip(&details)["status"], "pending-invite");
    let v2 = h
        .client
        .invites()
        .retrieve_by_email("ga@example.com")
        .await
        .unwrap();
    round_trip(&v2);
    round_trip(&InviteStatus::Unknown("paused".into()));
}

#[tokio::test]
async fn members_and_their_pages() {
    let (h, _) = seeded().await;
    let page: Page<Member> = h
        .client
        .members()
        .list(MemberListParams::new().limit(1))
        .await
        .unwrap();
    let json = round_trip(&page.items[0]);
    assert!(json.get("teamId").is_some() && json.get("team_id").is_none());
    let (json, back) = round_trip_json(&page);
    assert_eq!(json["pagination"]["hasMore"], true);
    assert_eq!(back.items, page.items);
    assert!(back.has_next_page());
    let err = back.next_page().await.unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    round_trip(&MemberStatus::Finished);
}

#[tokio::test]
async fn models_summaries_and_deletions() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create_with(ModelCreateParams::new("ha@example.com").development(true))
        .await
        .unwrap();
    let json = round_trip(&model);
    assert!(json["signedUrl"].as_str().unwrap().contains("token="));
    let page: Page<ModelSummary> = h
        .client
        .models()
        .list(ModelListParams::new())
        .await
        .unwrap();
    assert!(is_iso(&round_trip(&page.items[0])["createdAt"]));
    round_trip_json(&page);
    let deleted = h.client.models().delete(&model.model_id).await.unwrap();
    round_trip(&deleted);
    round_trip(&ModelStatus::GeneratingHeadshots);
    round_trip(&ModelVersion::OneShot);
}

#[tokio::test]
async fn photos_favorites_and_download_links() {
    let (h, model) = seeded().await;
    let page: Page<Photo> = h
        .client
        .photos()
        .list(&model, PhotoListParams::new().include(PhotoInclude::All))
        .await
        .unwrap();
    let photo = &page.items[0];
    let json = round_trip(photo);
    assert!(is_iso(&json["expiresAt"]) && json.get("likedStatus").is_some());
    round_trip(&photo.urls);
    round_trip_json(&page);
    h.control(
        "POST",
        &format!("/__mock/models/{model}/favorite"),
        json!({"photoId": photo.id}),
    )
    .await;
    let favorites: Page<FavoritePhoto> = h
        .client
        .photos()
        .favorites(FavoriteListParams::new())
        .await
        .unwrap();
    let json = round_trip(&favorites.items[0]);
    assert_eq!(json["id"], photo.id.as_str());
    assert!(json.get("email").is_some());
    round_trip_json(&favorites);
    let links: DownloadLinks = h
        .client
        .photos()
        .download_links(&model, None, None)
        .await
        .unwrap();
    let json = round_trip(&links);
    assert!(json["downloads"][0].get("photoId").is_some());
    round_trip(&links.downloads[0]);
}

#[tokio::test]
async fn save_reports_with_failures() {
    let (h, model) = seeded().await;
    let dir = std::env::temp_dir().join(format!(
        "headshotpro-serde-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    let progress = Arc::new(Mutex::new(Vec::<SaveProgress>::new()));
    let seen = Arc::clone(&progress);
    let first = h
        .client
        .photos()
        .save(
            &model,
            &dir,
            SaveOptions::new().on_progress(move |p| seen.lock().unwrap().push(p.clone())),
        )
        .await
        .unwrap();
    let again = h
        .client
        .photos()
        .save(&model, &dir, SaveOptions::new())
        .await
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let (json, _) = round_trip_json(&first);
    assert!(json["saved"][0].get("photoId").is_some());
    round_trip(&first.saved[0]);
    round_trip(&progress.lock().unwrap()[0]);
    let (json, back): (Value, SaveReport) = round_trip_json(&again);
    assert_eq!(json["failed"][0]["error"]["type"], "InvalidArgumentError");
    assert_eq!(back.failed.len(), again.failed.len());
    round_trip_json(&again.failed[0]);
}

#[test]
fn webhook_events() {
    let body = r#"{"id":"evt_1","event":"model.favorite_selected","createdAt":"2024-01-15T10:30:00Z",
        "objectType":"model","photoId":"p_1","object":{"_id":"m1","uid":"u1","title":"T",
        "trigger":"male","status":"active","isDevelopment":true,"finishedAt":null,"deletedAt":null,
        "inviteExpiresAt":"2024-12-31T23:59:59Z","createdAt":"2024-01-15T10:30:00Z","organization":"o1"}}"#;
    let event: WebhookEvent = headshotpro::webhook::parse(body.as_bytes()).unwrap();
    let json = round_trip(&event);
    assert_eq!(json["object"]["_id"], "m1");
    assert_eq!(json["createdAt"], "2024-01-15T10:30:00Z");
    round_trip(&event.object);
    round_trip(&event.event);
}

#[test]
fn parameters_rate_limits_and_app_info() {
    round_trip(
        &MemberListParams::new()
            .status(MemberStatus::Pending)
            .limit(5),
    );
    let json = round_trip(&ModelListParams::new().team_id("t1").offset(10));
    assert_eq!(json["teamId"], "t1");
    round_trip(&PhotoListParams::new().include(PhotoInclude::All));
    round_trip(&FavoriteListParams::new().team_id("t2"));
    let json = round_trip(&ModelCreateParams::new("a@b.co").version(ModelVersion::Lora));
    assert_eq!(json["isDevelopment"], false);
    let limits = RateLimitInfo {
        limit: Some(300),
        remaining: Some(12),
        reset_at: Some(
            chrono::DateTime::parse_from_rfc3339("2025-01-01T00:01:00Z")
                .unwrap()
                .into(),
        ),
    };
    assert!(is_iso(&round_trip(&limits)["resetAt"]));
    round_trip(&AppInfo::new("Acme").version("1.0"));
    round_trip(&LogLevel::Debug);
}

#[tokio::test]
async fn errors_responses_log_records_and_hook_events() {
    let sink = Collected::default();
    let events = Arc::new(Mutex::new(Vec::<Value>::new()));
    let (on_req, on_res) = (Arc::clone(&events), Arc::clone(&events));
    let h = Harness::with(|m| m.rate_limit = Some(100), {
        let sink = sink.clone();
        move |b| {
            b.log_level(LogLevel::Info)
                .log_sink(sink)
                .on_request(move |e| on_req.lock().unwrap().push(to_json_value(e).unwrap()))
                .on_response(move |e| on_res.lock().unwrap().push(to_json_value(e).unwrap()))
        }
    })
    .await;
    let err = h.client.models().retrieve("nope").await.unwrap_err();
    let (json, back): (Value, Error) = round_trip_json(&err);
    assert_eq!(
        (json["type"].as_str(), json["status"].as_u64()),
        (Some("NotFoundError"), Some(404))
    );
    assert_eq!(back.to_string(), err.to_string());
    assert_eq!(back.rate_limit(), err.rate_limit());

    let answer = h
        .client
        .organization()
        .retrieve()
        .with_response()
        .await
        .unwrap();
    let (json, _) = round_trip_json(&answer);
    assert_eq!(json["status"], 200);
    assert!(json["elapsedMs"].as_f64().unwrap() > 0.0);
    assert_eq!(json["rateLimit"]["limit"], 100);
    let (_, meta) = answer.into_parts();
    round_trip_json(&meta);

    for record in sink.records() {
        let back: LogRecord = from_json(&to_json(&record).unwrap()).unwrap();
        assert_eq!(back, record);
    }
    let events = events.lock().unwrap().clone();
    assert_eq!(events.len(), 4);
    let texts: Vec<String> = events.iter().map(Value::to_string).collect();
    let request: RequestEvent<'_> = serde_json::from_str(&texts[0]).unwrap();
    assert_eq!(request.operation, "models.retrieve");
    let response: ResponseEvent<'_> = serde_json::from_str(&texts[1]).unwrap();
    assert_eq!(
        (response.status, response.error),
        (Some(404), Some("NotFoundError"))
    );
    assert!(response.duration > Duration::ZERO);
    assert_eq!(serde_json::to_value(response).unwrap(), events[1]);
}
