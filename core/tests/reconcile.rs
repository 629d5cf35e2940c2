//! Exactly-once creates without idempotency keys: a create that the server
//! processed but whose answer was lost is resent, meets ALREADY_EXISTS, and is
//! found by email. An in-test server plays the API and processes, then fails.
#![allow(clippy::unwrap_used)]

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{Duration as Age, Utc};
use common::raw::{RawServer, Recorded, Reply};
use headshotpro::Client;
use serde_json::{json, Value};

const INVITE: &str = "/api/v1/organization/invite";
const INVITES: &str = "/api/v1/organization/invites";
const MODEL_CREATE: &str = "/api/v2/organization/whitelabel/model/create";
const MODEL_LIST: &str = "/api/v2/organization/models";
const MODEL_GET: &str = "/api/v2/organization/whitelabel/model/get/";

/// How the server fails the first create after processing it.
#[derive(Clone, Copy)]
enum Fail {
    Drop,
    BadGateway,
}

impl Fail {
    fn reply(self) -> Reply {
        match self {
            Self::Drop => Reply::Drop,
            Self::BadGateway => Reply::Answer {
                status: 502,
                headers: vec![],
                body: "<html>Bad Gateway</html>".into(),
            },
        }
    }
}

fn exists() -> Reply {
    Reply::json(
        400,
        json!({"success": false, "error": "User with this email already exists", "code": "ALREADY_EXISTS"}),
    )
}

/// A stateful invite API: one invite per email; the first create of an email
/// is processed and then fails as `fail` says.
async fn invite_server(fail: Fail, existing: Vec<Value>) -> (RawServer, Arc<Mutex<Vec<Value>>>) {
    let invites = Arc::new(Mutex::new(existing));
    let state = invites.clone();
    let server = RawServer::start(move |r: &Recorded| {
        let mut invites = state.lock().unwrap();
        match (r.method.as_str(), r.target.as_str()) {
            ("POST", INVITE) => {
                let email = r.json()["email"].as_str().unwrap().to_owned();
                if invites.iter().any(|i| i["email"] == email.as_str()) {
                    return exists();
                }
                let n = invites.len();
                invites.push(
                    json!({"id": format!("inv{n}"), "email": email, "valid": true,
                    "teamId": r.json()["teamId"], "createdAt": Utc::now().to_rfc3339(),
                    "used": false, "link": format!("https://x.test/signup?invite=inv{n}")}),
                );
                fail.reply()
            }
            ("GET", INVITES) => Reply::json(200, json!({"success": true, "invites": *invites})),
            _ => Reply::json(
                404,
                json!({"success": false, "error": "no", "code": "NOT_FOUND"}),
            ),
        }
    })
    .await;
    (server, invites)
}

fn client(url: &str) -> Client {
    Client::builder()
        .api_key("k")
        .base_url(url)
        .build()
        .unwrap()
}

fn count(server: &RawServer, method: &str, path: &str) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.method == method && r.target.starts_with(path))
        .count()
}

#[tokio::test]
async fn an_invite_processed_then_dropped_is_found_not_duplicated() {
    for fail in [Fail::Drop, Fail::BadGateway] {
        let (server, invites) = invite_server(fail, vec![]).await;
        let invite = client(&server.url)
            .invites()
            .create("ada@example.com", Some("t1"))
            .await
            .unwrap();
        assert_eq!(invite.id, "inv0");
        assert_eq!(invite.team_id.as_deref(), Some("t1"));
        assert_eq!(invite.link, "https://x.test/signup?invite=inv0");
        assert_eq!(invites.lock().unwrap().len(), 1);
        assert_eq!(count(&server, "POST", INVITE), 2);
        assert_eq!(count(&server, "GET", INVITES), 1);
    }
}

#[tokio::test]
async fn an_older_invite_for_the_email_leaves_the_create_ambiguous() {
    let old = json!({"id": "old", "email": "ada@example.com", "valid": true, "teamId": null,
        "createdAt": (Utc::now() - Age::hours(1)).to_rfc3339(), "used": false, "link": "https://x.test/old"});
    let first = AtomicBool::new(true);
    let server =
        RawServer::start(
            move |r: &Recorded| match (r.method.as_str(), r.target.as_str()) {
                // The first attempt's answer is lost; the server had refused it anyway.
                ("POST", INVITE) if first.swap(false, Ordering::SeqCst) => Reply::Drop,
                ("GET", INVITES) => Reply::json(200, json!({"success": true, "invites": [old]})),
                _ => exists(),
            },
        )
        .await;
    let err = client(&server.url)
        .invites()
        .create("ada@example.com", None)
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "APIConnectionError", "{err}");
    assert!(err.may_have_reached_server());
    assert_eq!(count(&server, "GET", INVITES), 1);
}

#[tokio::test]
async fn without_retries_an_ambiguous_create_is_not_resent() {
    let (server, _) = invite_server(Fail::Drop, vec![]).await;
    let client = Client::builder()
        .api_key("k")
        .base_url(&server.url)
        .max_retries(0)
        .build()
        .unwrap();
    let err = client
        .invites()
        .create("ada@example.com", None)
        .await
        .unwrap_err();
    assert!(err.is_connection() && err.may_have_reached_server());
    assert_eq!(count(&server, "POST", INVITE), 1);
}

#[tokio::test]
async fn a_team_create_processed_then_dropped_stays_ambiguous() {
    let created = Arc::new(AtomicBool::new(false));
    let seen = created.clone();
    let server = RawServer::start(move |_| {
        if seen.swap(true, Ordering::SeqCst) {
            exists()
        } else {
            Reply::Drop
        }
    })
    .await;
    let err = client(&server.url).teams().create("Ops").await.unwrap_err();
    assert!(
        err.is_connection() && err.may_have_reached_server(),
        "{err}"
    );
    assert_eq!(server.requests().len(), 2, "resent once, then ambiguous");
}

#[tokio::test]
async fn a_model_processed_then_lost_is_found_and_retrieved_for_a_fresh_url() {
    for (fail, envelope_in_data) in [(Fail::Drop, true), (Fail::BadGateway, false)] {
        let models = Arc::new(Mutex::new(Vec::<Value>::new()));
        let state = models.clone();
        let server = RawServer::start(move |r: &Recorded| {
            let mut models = state.lock().unwrap();
            let target = r.target.as_str();
            if r.method == "POST" && target == MODEL_CREATE {
                let email = r.json()["email"].as_str().unwrap().to_owned();
                if models.iter().any(|m| m["email"] == email.as_str()) {
                    return exists();
                }
                models.push(json!({"id": "m1", "email": email, "status": "onboarding",
                    "isDevelopment": true, "createdAt": Utc::now().to_rfc3339()}));
                return fail.reply();
            }
            if r.method == "GET" && target.starts_with(MODEL_LIST) {
                assert!(target.contains("limit=200"), "{target}");
                assert!(!target.contains("offset=") || target.contains("offset=0"), "{target}");
                let older = json!({"id": "m0", "email": "other@example.com", "status": "active",
                    "createdAt": "2024-01-01T00:00:00.000Z"});
                let mut items = vec![older];
                items.extend(models.iter().cloned());
                let page = json!({"models": items, "pagination": {"total": 2, "limit": 200, "offset": 0, "hasMore": false}});
                return if envelope_in_data {
                    Reply::json(200, json!({"success": true, "data": page}))
                } else {
                    let mut top = page;
                    top["success"] = json!(true);
                    Reply::json(200, top)
                };
            }
            if r.method == "GET" && target == format!("{MODEL_GET}m1") {
                return Reply::json(200, json!({"success": true, "modelId": "m1", "status": "onboarding",
                    "isDevelopment": true, "signedUrl": "https://x.test/auth/social?token=fresh"}));
            }
            Reply::json(404, json!({"success": false, "error": "no", "code": "NOT_FOUND"}))
        })
        .await;
        let model = client(&server.url)
            .models()
            .create("grace@example.com", None, true)
            .await
            .unwrap();
        assert_eq!(model.model_id, "m1");
        assert!(model.signed_url.ends_with("token=fresh"));
        assert_eq!(models.lock().unwrap().len(), 1);
        assert_eq!(count(&server, "POST", MODEL_CREATE), 2);
        assert_eq!(count(&server, "GET", MODEL_LIST), 1);
        assert_eq!(count(&server, "GET", MODEL_GET), 1);
    }
}
