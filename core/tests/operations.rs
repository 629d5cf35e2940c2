//! Every operation's happy path against the mock, over real HTTP.
#![allow(clippy::unwrap_used)]

mod common;

use std::time::Duration;

use common::Harness;
use headshotpro::{InviteStatus, ModelStatus};
use serde_json::json;

#[tokio::test]
async fn organization_and_credits() {
    let h = Harness::start().await;
    let org = h.client.organization().retrieve().await.unwrap();
    assert!(!org.uid.is_empty());
    assert!(!org.name.is_empty());
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
}

#[tokio::test]
async fn teams_lifecycle() {
    let h = Harness::start().await;
    let org = h.client.teams().create("Design").await.unwrap();
    let team = org
        .teams
        .iter()
        .find(|t| t.name == "Design")
        .unwrap()
        .clone();

    let org = h.client.teams().update(&team.id, "Brand").await.unwrap();
    assert!(org
        .teams
        .iter()
        .any(|t| t.id == team.id && t.name == "Brand"));

    h.member("ada@example.com").await;
    let org = h
        .client
        .teams()
        .add_members(&team.id, &["ada@example.com".to_owned()])
        .await
        .unwrap();
    assert!(org.teams.iter().any(|t| t.id == team.id));

    let org = h.client.teams().delete(&team.id).await.unwrap();
    assert!(org.teams.iter().all(|t| t.id != team.id));
}

#[tokio::test]
async fn invites_lifecycle() {
    let h = Harness::start().await;
    let team = h.team("Sales").await;
    let invite = h
        .client
        .invites()
        .create("grace@example.com", Some(&team))
        .await
        .unwrap();
    assert_eq!(invite.email, "grace@example.com");
    assert_eq!(invite.team_id.as_deref(), Some(team.as_str()));
    assert!(invite.link.contains(&invite.id));

    let details = h.client.invites().retrieve(&invite.id).await.unwrap();
    assert_eq!(details.status, InviteStatus::PendingInvite);

    let list = h.client.invites().list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert!(list[0].valid && !list[0].used);
    assert_eq!(list[0].id, invite.id);

    h.client
        .invites()
        .revoke("grace@example.com")
        .await
        .unwrap();
    let details = h.client.invites().retrieve(&invite.id).await.unwrap();
    assert_eq!(details.status, InviteStatus::Revoked);
}

#[tokio::test]
async fn invite_credit_is_spent_on_upload() {
    let h = Harness::start().await;
    let id = h.member("lin@example.com").await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    h.control("POST", &format!("/__mock/invites/{id}/upload"), json!({}))
        .await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 99);
    let details = h.client.invites().retrieve(&id).await.unwrap();
    assert_eq!(details.status, InviteStatus::GeneratingHeadshots);
}

#[tokio::test]
async fn models_lifecycle_and_credits() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("user@example.com", None, false)
        .await
        .unwrap();
    assert_eq!(model.status, ModelStatus::Onboarding);
    assert!(!model.is_development);
    assert!(model.signed_url.starts_with("https://"));

    h.control(
        "POST",
        &format!("/__mock/models/{}/complete-onboarding", model.model_id),
        json!({}),
    )
    .await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 99);
    let fetched = h.client.models().retrieve(&model.model_id).await.unwrap();
    assert_eq!(fetched.status, ModelStatus::Waiting);

    let deleted = h.client.models().delete(&model.model_id).await.unwrap();
    assert_eq!(deleted.model_id, model.model_id);
    assert!(!deleted.message.is_empty());
    let fetched = h.client.models().retrieve(&model.model_id).await.unwrap();
    assert_eq!(fetched.status, ModelStatus::Deleted);
}

#[tokio::test]
async fn development_model_waits_to_active_for_free() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("dev@example.com", None, true)
        .await
        .unwrap();
    assert!(model.is_development);
    h.control(
        "POST",
        &format!("/__mock/models/{}/complete-onboarding", model.model_id),
        json!({}),
    )
    .await;
    let active = h
        .client
        .models()
        .wait(
            &model.model_id,
            ModelStatus::Active,
            Duration::from_secs(30),
        )
        .await
        .unwrap();
    assert_eq!(active.status, ModelStatus::Active);
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
}

#[tokio::test]
async fn wait_returns_a_deleted_model_and_times_out_otherwise() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("gone@example.com", None, false)
        .await
        .unwrap();
    let err = h
        .client
        .models()
        .wait(
            &model.model_id,
            ModelStatus::Active,
            Duration::from_millis(600),
        )
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "APITimeoutError");
    assert!(err.message().contains("onboarding"), "{err}");

    h.client.models().delete(&model.model_id).await.unwrap();
    let waited = h
        .client
        .models()
        .wait(&model.model_id, ModelStatus::Active, Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(waited.status, ModelStatus::Deleted);
}

#[tokio::test]
async fn wait_goes_on_through_failed() {
    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("flaky@example.com", None, false)
        .await
        .unwrap();
    let id = model.model_id.clone();
    h.control(
        "POST",
        &format!("/__mock/models/{id}/complete-onboarding"),
        json!({}),
    )
    .await;
    h.control("POST", &format!("/__mock/models/{id}/fail"), json!({}))
        .await;
    let waiter = {
        let client = h.client.clone();
        let id = id.clone();
        tokio::spawn(async move {
            client
                .models()
                .wait(&id, ModelStatus::Active, Duration::from_secs(30))
                .await
        })
    };
    for _ in 0..3 {
        h.control("POST", &format!("/__mock/models/{id}/advance"), json!({}))
            .await;
    }
    let model = waiter.await.unwrap().unwrap();
    assert_eq!(model.status, ModelStatus::Active);
}

#[tokio::test]
async fn sends_key_user_agent_and_encoded_paths() {
    let h = Harness::start().await;
    let _ = h.client.models().retrieve("a/../b?c=1#d").await;
    let log = h.requests().await;
    let last = log.last().unwrap();
    assert_eq!(
        last["path"],
        "/api/v2/organization/whitelabel/model/get/a%2F..%2Fb%3Fc%3D1%23d"
    );
    let headers = &last["headers"];
    assert_eq!(
        headers["authorization"],
        format!("Bearer {}", h.server.api_key())
    );
    let agent = headers["user-agent"].as_str().unwrap();
    assert!(agent.starts_with("headshotpro-rust/") && agent.contains(" core/"));
}

#[tokio::test]
async fn concurrent_calls_share_one_client() {
    let h = Harness::start().await;
    let calls = (0..50).map(|i| {
        let client = h.client.clone();
        async move {
            client
                .invites()
                .create(&format!("user{i}@example.com"), None)
                .await
        }
    });
    let results = join_all(calls).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(h.client.invites().list().await.unwrap().len(), 50);
}

/// Runs every future on its own task and collects the outputs in order.
async fn join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

#[tokio::test]
async fn a_models_signed_url_is_redacted_when_printed_but_kept_whole() {
    let model = headshotpro::Model {
        model_id: "m1".into(),
        status: headshotpro::ModelStatus::Onboarding,
        is_development: false,
        signed_url: "https://www.yourproheadshots.com/auth/social?token=SECRET_TOKEN&anonymous=1"
            .into(),
    };
    let shown = format!("{model:?} {model:#?}");
    assert!(!shown.contains("SECRET_TOKEN"), "{shown}");
    assert!(
        shown.contains("www.yourproheadshots.com/auth/social"),
        "{shown}"
    );
    assert!(model.signed_url.contains("SECRET_TOKEN"));

    let h = Harness::start().await;
    let model = h
        .client
        .models()
        .create("url@example.com", None, true)
        .await
        .unwrap();
    let token = model.signed_url.split_once('?').unwrap().1.to_owned();
    assert!(!format!("{model:?}").contains(&token));
}
