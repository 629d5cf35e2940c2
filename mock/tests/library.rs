//! The library API: typed control methods acting on the state directly, runtimes the
//! caller owns, idempotent shutdown, busy ports.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::{eventually, Mock, Receiver};
use headshotpro_mock::{
    Envelope, FaultAfter, FaultBody, FaultSpec, LikedStatus, MockConfig, MockErrorKind, MockServer,
    OrganizationUpdate, SeedRequest,
};
use serde_json::json;

/// A plain HTTP client (the rustls provider installed first, as reqwest needs).
fn client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().no_proxy().build().unwrap()
}

#[tokio::test]
async fn typed_control_methods_drive_invites_and_models() {
    let mock = Mock::start().await;
    let server = &mock.server;
    let invite = mock.invite("lib@example.com").await;
    let accepted = server.accept_invite(&invite).unwrap();
    assert_eq!(accepted.status, "waiting-for-upload");
    assert!(!accepted.valid && accepted.used);
    let uploaded = server.upload_photos(&invite).unwrap();
    assert_eq!(uploaded.status, "generating-headshots");
    assert_eq!(server.organization().unwrap().credits, 99);
    assert_eq!(server.advance_invite(&invite).unwrap().status, "active");

    let model = mock.model("m@example.com", false).await;
    assert_eq!(
        server.complete_onboarding(&model).unwrap().status,
        "waiting"
    );
    assert_eq!(server.fail(&model).unwrap().status, "failed");
    assert!(server.photos(&model).unwrap().is_empty());
    for expected in ["pending", "generatingHeadshots", "active"] {
        assert_eq!(server.advance(&model).unwrap().status, expected);
    }
    let photos = server.photos(&model).unwrap();
    assert_eq!(photos.len(), 8);
    let liked = server
        .like_photo(&photos[1].id, LikedStatus::Loved)
        .unwrap();
    assert_eq!(liked.liked_status, "loved");
    assert_eq!(liked.model_id, model);
    let chosen = server.choose_favorite(&model, &photos[1].id).unwrap();
    assert_eq!(
        chosen.favorite_photo_id.as_deref(),
        Some(photos[1].id.as_str())
    );
    assert_eq!(chosen.photo_count, 8);
    let favorite = mock
        .v2("GET", &format!("/models/{model}/photos/favorite"), None)
        .await;
    assert_eq!(favorite["photo"]["id"], photos[1].id.as_str());
    assert_eq!(favorite["photo"]["likedStatus"], "loved");
}

#[tokio::test]
async fn unknown_ids_are_not_found_and_wrong_steps_invalid_state() {
    let mock = Mock::start().await;
    let server = &mock.server;
    for error in [
        server.accept_invite("nope").unwrap_err(),
        server.upload_photos("nope").unwrap_err(),
        server.advance("nope").unwrap_err(),
        server.fail("nope").unwrap_err(),
        server.complete_onboarding("nope").unwrap_err(),
        server.like_photo("nope", LikedStatus::Liked).unwrap_err(),
        server.choose_favorite("nope", "nope").unwrap_err(),
        server.photos("nope").unwrap_err(),
        server.organization_for("no-such-key").unwrap_err(),
    ] {
        assert!(error.is_not_found(), "{error}");
        assert_eq!(error.kind, MockErrorKind::NotFound);
        assert_eq!(error.code, "NOT_FOUND");
    }
    let model = mock.model("s@example.com", false).await;
    let wrong = server.fail(&model).unwrap_err();
    assert_eq!(wrong.kind, MockErrorKind::InvalidState);
    let early = server.choose_favorite(&model, "x").unwrap_err();
    assert!(early.is_not_found());
    let bad = server
        .inject_fault(FaultSpec {
            after: Some(FaultAfter::Drop),
            drop: true,
            ..FaultSpec::new("/api/")
        })
        .unwrap_err();
    assert_eq!(bad.kind, MockErrorKind::InvalidArgument);
    let negative = server
        .set_organization(OrganizationUpdate {
            photos_per_model: Some(5000),
            ..OrganizationUpdate::default()
        })
        .unwrap_err();
    assert_eq!(negative.kind, MockErrorKind::InvalidArgument);
    server
        .set_organization(OrganizationUpdate {
            credits: Some(0),
            ..OrganizationUpdate::default()
        })
        .unwrap();
    server.complete_onboarding(&model).map(|_| ()).unwrap_err();
    assert_eq!(
        server.complete_onboarding(&model).unwrap_err().kind,
        MockErrorKind::InsufficientCredits
    );
}

#[tokio::test]
async fn settings_faults_logs_seed_and_reset() {
    let receiver = Receiver::start(&[]).await;
    let mock = Mock::with(MockConfig {
        webhook_delay: Duration::ZERO,
        ..MockConfig::default()
    })
    .await;
    let server = &mock.server;
    let settings = server
        .set_organization(OrganizationUpdate {
            credits: Some(7),
            webhook_url: Some(Some(receiver.url.clone())),
            webhook_secret: Some(Some("whsec_lib".to_owned())),
            rate_limit: Some(Some(1000)),
            rate_window: Some(Duration::from_secs(5)),
            envelope: Some(Envelope::Data),
            photo_url_ttl: Some(Duration::from_secs(60)),
            ..OrganizationUpdate::default()
        })
        .unwrap();
    assert_eq!(settings.credits, 7);
    assert_eq!(settings.envelope, Envelope::Data);
    assert_eq!(settings.rate_window, Duration::from_secs(5));
    let printed = format!("{settings:?}");
    assert!(!printed.contains(server.api_key()) && !printed.contains("whsec_lib"));
    assert_eq!(server.organization().unwrap(), settings);

    let id = server
        .inject_fault(FaultSpec {
            method: Some("GET".to_owned()),
            status: Some(503),
            body: Some(FaultBody::Json(json!({"message": "down"}))),
            headers: vec![("retry-after".to_owned(), "1".to_owned())],
            times: 2,
            ..FaultSpec::new("/api/v1/organization/credits")
        })
        .unwrap();
    assert!(id >= 1);
    let faulted = mock.api("GET", "/api/v1/organization/credits", None).await;
    assert_eq!(faulted.status, 503);
    assert_eq!(faulted.json, json!({"message": "down"}));
    assert_eq!(faulted.header("retry-after"), Some("1"));
    server.clear_faults();
    assert_eq!(
        mock.api("GET", "/api/v1/organization/credits", None)
            .await
            .json["credits"],
        7
    );
    server
        .inject_fault(FaultSpec {
            after: Some(FaultAfter::Status(502)),
            ..FaultSpec::new("/api/v2/organization/models")
        })
        .unwrap();
    let created = mock
        .v2_answer("POST", "/models", Some(json!({"email": "x@example.com"})))
        .await;
    assert_eq!(created.status, 502);

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[2].method, "POST");
    assert_eq!(requests[2].path, "/api/v2/organization/models");
    assert!(requests[2].header("Authorization").is_some());
    assert!(requests[2].body.contains("x@example.com"));

    let delivered = eventually("the model.created delivery", || async {
        let log = server.webhooks();
        (!log.is_empty()).then_some(log)
    })
    .await;
    assert_eq!(delivered[0].event, "model.created");
    assert_eq!(delivered[0].status, Some(200));
    assert!(delivered[0].event_id.starts_with("evt_"));
    server.clear_webhooks();
    assert!(server.webhooks().is_empty());
    server.clear_requests();
    assert!(server.requests().is_empty());

    let report = server
        .seed(SeedRequest {
            members: 3,
            models: 2,
            team_id: None,
        })
        .unwrap();
    assert_eq!(report.members, 3);
    assert_eq!(report.model_ids.len(), 2);
    assert_eq!(server.photos(&report.model_ids[0]).unwrap().len(), 8);
    assert_eq!(
        server.state()["organizations"][0]["members"]
            .as_array()
            .unwrap()
            .len(),
        3
    );

    server.reset();
    let after = server.organization().unwrap();
    assert_eq!(after.credits, 100);
    assert_eq!(after.envelope, Envelope::Top);
    assert!(server
        .photos(&report.model_ids[0])
        .unwrap_err()
        .is_not_found());
    assert!(server.requests().is_empty());
}

#[test]
fn runs_on_a_runtime_the_caller_owns_and_control_works_from_any_thread() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let server = runtime.block_on(MockServer::start(MockConfig {
        dev_step: Duration::from_millis(10),
        ..MockConfig::default()
    }));
    let server = std::sync::Arc::new(server.unwrap());
    let url = server.url().to_owned();
    let key = server.api_key().to_owned();
    let model = runtime.block_on(async {
        let answer: serde_json::Value = client()
            .post(format!("{url}/api/v2/organization/models"))
            .bearer_auth(&key)
            .json(&json!({"email": "dev@example.com", "isDevelopment": true}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        answer["modelId"].as_str().unwrap().to_owned()
    });
    // A plain thread, outside any runtime: completing onboarding starts the development
    // timer on the server's runtime, which then takes the model to active by itself.
    let from_thread = std::sync::Arc::clone(&server);
    let id = model.clone();
    std::thread::spawn(move || from_thread.complete_onboarding(&id).unwrap())
        .join()
        .unwrap();
    let start = std::time::Instant::now();
    while server.photos(&model).unwrap().is_empty() {
        assert!(
            start.elapsed() < common::DEADLINE,
            "the model never became active"
        );
        std::thread::sleep(Duration::from_millis(10));
    }

    // Dropping the caller's runtime stops the server: nothing else keeps it running.
    let addr = url.trim_start_matches("http://").to_owned();
    assert!(std::net::TcpStream::connect(&addr).is_ok());
    drop(runtime);
    assert!(std::net::TcpStream::connect(&addr).is_err());
    // Closing afterwards, twice, on another runtime, is harmless.
    let other = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    other.block_on(server.shutdown());
    other.block_on(server.shutdown());
}

#[tokio::test]
async fn shutdown_twice_is_harmless_and_stops_serving() {
    let server = MockServer::start(MockConfig::default()).await.unwrap();
    let addr = server.url().trim_start_matches("http://").to_owned();
    server.shutdown().await;
    server.shutdown().await;
    assert!(tokio::net::TcpStream::connect(&addr).await.is_err());
}

#[tokio::test]
async fn a_busy_fixed_port_falls_back_to_another_port() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = busy.local_addr().unwrap().port();
    let server = MockServer::start(MockConfig {
        port,
        ..MockConfig::default()
    })
    .await
    .unwrap();
    assert!(
        !server.url().ends_with(&format!(":{port}")),
        "{}",
        server.url()
    );
    let health = client()
        .get(format!("{}/__mock/health", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    drop(busy);
}
