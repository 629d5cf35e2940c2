//! The current API against the mock: pages and walks, the loop guards, photos
//! and favorites, `photos.save` through the mock's signed CDN, both envelopes,
//! and the typed webhooks.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::routing::post;
use common::Harness;
use futures_util::{StreamExt, TryStreamExt};
use headshotpro::{
    FavoriteListParams, InviteV2Status, LikedStatus, Member, MemberListParams, MemberStatus,
    ModelCreateParams, ModelListParams, ModelStatus, ModelVersion, PhotoInclude, PhotoListParams,
    SaveOptions, WebhookEventType,
};
use serde_json::{json, Value};
use tokio::sync::mpsc;

/// Seeds accepted members and active development models (with photos).
async fn seed(h: &Harness, members: u32, models: u32) -> Vec<String> {
    let answer = h
        .control(
            "POST",
            "/__mock/seed",
            json!({"members": members, "models": models}),
        )
        .await;
    answer["modelIds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// The GET requests to an API path (no query), in order.
async fn gets(h: &Harness, path: &str) -> Vec<Value> {
    h.requests()
        .await
        .into_iter()
        .filter(|r| r["method"] == "GET" && r["path"] == path)
        .collect()
}

/// The raw JSON the mock answers for a members page.
async fn raw_members_page(h: &Harness, limit: u32, offset: u32) -> Value {
    reqwest::Client::new()
        .get(format!(
            "{}/api/v2/organization/team?limit={limit}&offset={offset}",
            h.server.url()
        ))
        .bearer_auth(h.server.api_key())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn directory(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "headshotpro-mock-save-{name}-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ))
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[tokio::test]
async fn walks_members_across_three_pages() {
    let h = Harness::start().await;
    seed(&h, 450, 0).await;
    let members: Vec<Member> = h
        .client
        .members()
        .stream(
            MemberListParams::new()
                .limit(200)
                .status(MemberStatus::Accepted),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(members.len(), 450);
    let mut emails: Vec<&str> = members.iter().map(|m| m.email.as_str()).collect();
    emails.dedup();
    assert_eq!(emails.len(), 450, "no member twice");
    let pages = gets(&h, "/api/v2/organization/team").await;
    assert_eq!(pages.len(), 3);

    let page = h
        .client
        .members()
        .list(MemberListParams::new().limit(200).offset(400))
        .await
        .unwrap();
    assert_eq!(
        (page.items.len(), page.total, page.offset, page.has_more),
        (50, 450, 400, false)
    );
    assert!(page.next_page().await.unwrap().is_none());
}

#[tokio::test]
async fn a_repeated_page_from_the_server_stops_the_walk_with_an_error() {
    let h = Harness::start().await;
    seed(&h, 10, 0).await;
    let first_raw = raw_members_page(&h, 3, 0).await;
    let page = h
        .client
        .members()
        .list(MemberListParams::new().limit(3))
        .await
        .unwrap();
    h.fault(
        json!({"method": "GET", "path": "/api/v2/organization/team", "status": 200,
                   "body": first_raw, "times": 5}),
    )
    .await;
    let err = page.next_page().await.unwrap_err();
    assert_eq!(err.class_name(), "ResponseDecodeError");
    assert!(err.message().contains("same 3 items"), "{err}");
    assert_eq!(gets(&h, "/api/v2/organization/team").await.len(), 3);
}

#[tokio::test]
async fn an_empty_page_saying_has_more_ends_the_walk() {
    let h = Harness::start().await;
    seed(&h, 10, 0).await;
    let mut stream = h.client.members().stream(MemberListParams::new().limit(3));
    for _ in 0..3 {
        stream.next().await.unwrap().unwrap();
    }
    h.fault(
        json!({"method": "GET", "path": "/api/v2/organization/team", "status": 200,
                   "body": {"success": true, "members": [],
                            "pagination": {"total": 10, "limit": 3, "offset": 3, "hasMore": true}},
                   "times": 5}),
    )
    .await;
    assert!(stream.next().await.is_none());
    assert_eq!(gets(&h, "/api/v2/organization/team").await.len(), 2);
}

#[tokio::test]
async fn bad_limits_fail_locally() {
    let h = Harness::start().await;
    for params in [
        PhotoListParams::new().limit(0),
        PhotoListParams::new().limit(201),
        PhotoListParams::new().offset(-1),
    ] {
        let err = h.client.photos().list("m1", params).await.unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError");
    }
    assert!(h.requests().await.is_empty());
}

#[tokio::test]
async fn photos_favorites_and_likes() {
    let h = Harness::start().await;
    let model = seed(&h, 0, 1).await.remove(0);

    assert!(h
        .client
        .photos()
        .favorite(&model, None)
        .await
        .unwrap()
        .is_none());

    let page = h
        .client
        .photos()
        .list(&model, PhotoListParams::new().include(PhotoInclude::All))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 8);
    let photo = &page.items[2];
    assert!(photo.urls.thumbnail.is_some() && photo.urls.original.is_some());
    assert_eq!(photo.model_id.as_deref(), Some(model.as_str()));
    assert!(photo.expires_at > chrono::Utc::now());

    h.control(
        "POST",
        &format!("/__mock/photos/{}/like", photo.id),
        json!({"status": "loved"}),
    )
    .await;
    let loved = h
        .client
        .photos()
        .list(
            &model,
            PhotoListParams::new().liked_status(LikedStatus::Loved),
        )
        .await
        .unwrap();
    assert_eq!(loved.items.len(), 1);
    assert_eq!(loved.items[0].id, photo.id);

    h.control(
        "POST",
        &format!("/__mock/models/{model}/favorite"),
        json!({"photoId": photo.id}),
    )
    .await;
    let favorite = h
        .client
        .photos()
        .favorite(&model, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(favorite.id, photo.id);
    assert!(favorite.urls.thumbnail.is_none());
    let one = h
        .client
        .photos()
        .retrieve(&model, &photo.id, Some(PhotoInclude::All))
        .await
        .unwrap();
    assert_eq!(one.liked_status, LikedStatus::Loved);

    let favorites: Vec<_> = h
        .client
        .photos()
        .favorites_stream(FavoriteListParams::new())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(favorites.len(), 1);
    assert_eq!(favorites[0].id, photo.id);
    assert!(favorites[0].email.as_deref().unwrap().contains('@'));

    let err = h
        .client
        .photos()
        .retrieve(&model, "nope", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");
}

#[tokio::test]
async fn the_data_envelope_reads_the_same() {
    let h = Harness::start().await;
    let model = seed(&h, 3, 1).await.remove(0);
    h.organization(json!({"envelope": "data"})).await;
    let page = h
        .client
        .members()
        .list(MemberListParams::new().limit(2))
        .await
        .unwrap();
    assert_eq!((page.items.len(), page.total), (2, 3));
    assert!(page.has_next_page());
    let models = h
        .client
        .models()
        .list(ModelListParams::new().status(ModelStatus::Active))
        .await
        .unwrap();
    assert_eq!(models.items[0].id, model);
    assert!(h
        .client
        .photos()
        .favorite(&model, None)
        .await
        .unwrap()
        .is_none());
    let links = h
        .client
        .photos()
        .download_links(&model, None, None)
        .await
        .unwrap();
    assert_eq!(links.downloads.len(), 8);
    assert_eq!(h.client.teams().list().await.unwrap().len(), 0);
}

#[tokio::test]
async fn teams_invites_and_models_of_the_current_api() {
    let h = Harness::start().await;
    let team = h.team("Design").await;
    let teams = h.client.teams().list().await.unwrap();
    assert_eq!(teams.len(), 1);
    assert_eq!(
        (teams[0].id.as_str(), teams[0].name.as_str()),
        (team.as_str(), "Design")
    );

    h.client
        .invites()
        .create("ada@example.com", Some(&team))
        .await
        .unwrap();
    let invite = h
        .client
        .invites()
        .retrieve_by_email("ADA@example.com")
        .await
        .unwrap();
    assert_eq!(invite.status, InviteV2Status::Pending);
    assert_eq!(invite.team_name.as_deref(), Some("Design"));
    let err = h
        .client
        .invites()
        .retrieve_by_email("nobody@example.com")
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");

    let model = h
        .client
        .models()
        .create_with(
            ModelCreateParams::new("grace@example.com")
                .team_id(&team)
                .development(true)
                .version(ModelVersion::OneShot),
        )
        .await
        .unwrap();
    let page = h
        .client
        .models()
        .list(ModelListParams::new().team_id(&team))
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let summary = &page.items[0];
    assert_eq!(summary.id, model.model_id);
    assert_eq!(summary.version, Some(ModelVersion::OneShot));
    assert_eq!(summary.team_name.as_deref(), Some("Design"));
    assert!(summary.is_development);

    let members = h
        .client
        .members()
        .list(MemberListParams::new().status(MemberStatus::Pending))
        .await
        .unwrap();
    assert_eq!(members.items[0].email, "ada@example.com");
}

#[tokio::test]
async fn save_writes_every_photo_and_never_sends_the_key_to_the_cdn() {
    let h = Harness::start().await;
    let model = seed(&h, 0, 1).await.remove(0);
    let dir = directory("all");
    let report = h
        .client
        .photos()
        .save(&model, &dir, SaveOptions::new())
        .await
        .unwrap();
    assert!(report.is_complete(), "{:?}", report.failed);
    assert_eq!(report.saved.len(), 8);
    for saved in &report.saved {
        let bytes = std::fs::read(&saved.path).unwrap();
        assert_eq!(&bytes[..4], b"\x89PNG");
        assert_eq!(bytes.len() as u64, saved.bytes);
        assert_eq!(saved.path, dir.join(format!("{}.png", saved.photo_id)));
    }
    assert_eq!(entries(&dir).len(), 8);

    let cdn: Vec<Value> = h
        .requests()
        .await
        .into_iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/cdn/"))
        .collect();
    assert_eq!(cdn.len(), 8);
    for r in &cdn {
        let headers = r["headers"].to_string().to_ascii_lowercase();
        assert!(!headers.contains("authorization"), "{headers}");
        assert!(!headers.contains(&h.server.api_key().to_ascii_lowercase()));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn save_keeps_finished_files_when_one_url_fails() {
    let h = Harness::start().await;
    let model = seed(&h, 0, 1).await.remove(0);
    let photos = h
        .client
        .photos()
        .list(&model, PhotoListParams::new())
        .await
        .unwrap();
    let victim = photos.items[3].id.clone();
    h.fault(
        json!({"method": "GET", "path": format!("/cdn/photos/{victim}/"), "status": 403,
                   "body": {"success": false, "error": "Request has expired", "code": "FORBIDDEN"},
                   "times": 3}),
    )
    .await;
    let dir = directory("one-fails");
    let report = h
        .client
        .photos()
        .save(&model, &dir, SaveOptions::new())
        .await
        .unwrap();
    assert_eq!(report.saved.len(), 7);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].photo_id, victim);
    assert_eq!(report.failed[0].error.class_name(), "PermissionDeniedError");
    assert_eq!(report.failed[0].error.message(), "Request has expired");
    let names = entries(&dir);
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(names
        .iter()
        .all(|n| !n.starts_with('.') && !n.contains(&victim)));

    // Every URL expired at once: all fail, nothing is written.
    h.organization(json!({"photoUrlTtlMs": 0})).await;
    let expired_dir = directory("expired");
    let report = h
        .client
        .photos()
        .save(&model, &expired_dir, SaveOptions::new())
        .await
        .unwrap();
    assert_eq!(report.failed.len(), 8);
    assert!(report
        .failed
        .iter()
        .all(|f| f.error.status() == Some(403) && f.error.message() == "Request has expired"));
    assert!(entries(&expired_dir).is_empty());
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&expired_dir).unwrap();
}

#[tokio::test]
async fn save_refuses_to_overwrite_and_to_write_nowhere() {
    let h = Harness::start().await;
    let model = seed(&h, 0, 1).await.remove(0);
    let dir = directory("overwrite");
    let ids = vec![h
        .client
        .photos()
        .list(&model, PhotoListParams::new().limit(1))
        .await
        .unwrap()
        .items[0]
        .id
        .clone()];
    std::fs::create_dir_all(&dir).unwrap();
    let existing = dir.join(format!("{}.png", ids[0]));
    std::fs::write(&existing, b"keep me").unwrap();
    let report = h
        .client
        .photos()
        .save(&model, &dir, SaveOptions::new().photo_ids(ids.clone()))
        .await
        .unwrap();
    assert_eq!(report.failed[0].error.class_name(), "InvalidArgumentError");
    assert_eq!(std::fs::read(&existing).unwrap(), b"keep me");
    let report = h
        .client
        .photos()
        .save(
            &model,
            &dir,
            SaveOptions::new().photo_ids(ids).overwrite(true),
        )
        .await
        .unwrap();
    assert!(report.is_complete());
    assert_eq!(&std::fs::read(&existing).unwrap()[..4], b"\x89PNG");

    let before = h.requests().await.len();
    let err = h
        .client
        .photos()
        .save(&model, existing.join("sub"), SaveOptions::new())
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert_eq!(h.requests().await.len(), before, "nothing was requested");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn photos_ready_and_favorite_selected_arrive_typed() {
    let (tx, mut rx) = mpsc::unbounded_channel::<Vec<u8>>();
    let app = axum::Router::new().route(
        "/hook",
        post(move |body: axum::body::Bytes| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(body.to_vec());
                "ok"
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let receiver = tokio::spawn(async move { axum::serve(listener, app).await });

    let h = Harness::start().await;
    h.organization(json!({"webhookUrl": url})).await;
    let model = h
        .client
        .models()
        .create("hook@example.com", None, true)
        .await
        .unwrap();
    h.control(
        "POST",
        &format!("/__mock/models/{}/complete-onboarding", model.model_id),
        json!({}),
    )
    .await;
    h.client
        .models()
        .wait(
            &model.model_id,
            ModelStatus::Active,
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    let photo = h
        .client
        .photos()
        .list(&model.model_id, PhotoListParams::new().limit(1))
        .await
        .unwrap()
        .items
        .remove(0);
    h.control(
        "POST",
        &format!("/__mock/models/{}/favorite", model.model_id),
        json!({"photoId": photo.id}),
    )
    .await;

    let mut ready = None;
    let mut favorite = None;
    while ready.is_none() || favorite.is_none() {
        let raw = tokio::time::timeout(Duration::from_secs(20), rx.recv())
            .await
            .expect("webhooks arrive")
            .unwrap();
        let event = headshotpro::webhook::parse(&raw).unwrap();
        assert!(event.id.as_deref().unwrap().starts_with("evt_"));
        assert!(event.created_at.is_some());
        match event.event {
            WebhookEventType::ModelPhotosReady => ready = Some(event),
            WebhookEventType::ModelFavoriteSelected => favorite = Some(event),
            _ => {}
        }
    }
    assert_eq!(ready.unwrap().object.status, ModelStatus::Active);
    assert_eq!(
        favorite.unwrap().photo_id.as_deref(),
        Some(photo.id.as_str())
    );
    receiver.abort();
}
