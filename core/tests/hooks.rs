//! Request and response hooks: one call each per attempt, shared by
//! `with_options` children, and a hook that panics never breaks a call.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::observe::Collected;
use common::{closed_port_url, Harness};
use headshotpro::{LogLevel, RequestOptions};
use serde_json::json;

/// What the hooks saw, as owned text: `request op attempt` and
/// `response op attempt status error will_retry timed`.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn push(&self, line: String) {
        self.0.lock().unwrap().push(line);
    }

    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }

    fn builder(&self, b: headshotpro::ClientBuilder) -> headshotpro::ClientBuilder {
        let (req, res) = (self.clone(), self.clone());
        b.on_request(move |e| {
            req.push(format!(
                "request {} {} {} {}",
                e.operation, e.method, e.path, e.attempt
            ))
        })
        .on_response(move |e| {
            let timed = if e.duration > Duration::ZERO {
                "timed"
            } else {
                "untimed"
            };
            res.push(format!(
                "response {} {} {:?} {:?} {} {timed}",
                e.operation, e.attempt, e.status, e.error, e.will_retry
            ))
        })
    }
}

#[tokio::test]
async fn hooks_see_every_attempt_with_status_and_error_class() {
    let seen = Seen::default();
    let h = Harness::with(|_| {}, |b| seen.builder(b)).await;
    h.fault(json!({"method": "GET", "path": "/api/v1/organization/credits", "status": 503}))
        .await;
    h.client.organization().credits().await.unwrap();
    assert!(h.client.models().retrieve("nope").await.is_err());
    assert_eq!(
        seen.lines(),
        [
            "request organization.credits GET /api/v1/organization/credits 1",
            "response organization.credits 1 Some(503) Some(\"ServerError\") true timed",
            "request organization.credits GET /api/v1/organization/credits 2",
            "response organization.credits 2 Some(200) None false timed",
            "request models.retrieve GET /api/v2/organization/whitelabel/model/get/nope 1",
            "response models.retrieve 1 Some(404) Some(\"NotFoundError\") false timed",
        ]
    );
}

#[tokio::test]
async fn a_connection_failure_has_no_status() {
    let seen = Seen::default();
    let url = closed_port_url().await;
    let client = seen
        .builder(headshotpro::Client::builder().api_key("k").base_url(url))
        .max_retries(1)
        .build()
        .unwrap();
    assert!(client.organization().credits().await.is_err());
    assert_eq!(
        seen.lines()[1],
        "response organization.credits 1 None Some(\"APIConnectionError\") true timed"
    );
    assert_eq!(seen.lines().len(), 4);
}

#[tokio::test]
async fn with_options_children_share_the_hooks() {
    let seen = Seen::default();
    let h = Harness::with(|_| {}, |b| seen.builder(b)).await;
    let child = h.client.with_options(RequestOptions::new().max_retries(0));
    child.teams().list().await.unwrap();
    let (capturing, _capture) = child.capturing();
    capturing.teams().list().await.unwrap();
    assert_eq!(seen.lines().len(), 4);
}

#[tokio::test]
async fn panicking_hooks_are_logged_and_the_call_goes_on() {
    let sink = Collected::default();
    let h = Harness::with(|_| {}, {
        let sink = sink.clone();
        |b| {
            b.log_level(LogLevel::Warn)
                .log_sink(sink)
                .on_request(|_| panic!("request hook bug"))
                .on_response(|e| {
                    if e.status == Some(200) {
                        std::panic::resume_unwind(Box::new("a foreign exception".to_owned()))
                    }
                })
        }
    })
    .await;
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    assert_eq!(h.client.organization().credits().await.unwrap(), 100);
    let warnings: Vec<String> = sink
        .at(LogLevel::Warn)
        .into_iter()
        .map(|r| r.message)
        .collect();
    assert_eq!(warnings.len(), 4, "{warnings:#?}");
    assert!(warnings[0].contains("on_request hook panicked (request hook bug)"));
    assert!(warnings[1].contains("on_response hook panicked (a foreign exception)"));
}
