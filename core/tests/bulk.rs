//! `invites.create_many` and chunked `teams.add_members` against the mock:
//! outcomes in input order, each email sent once, local rejection, stopping
//! on credits and the invite limit, exactly-once sends through lost answers,
//! and the shared rate limiter keeping the server's 429s away.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::Harness;
use headshotpro::{BulkOutcome, CreateManyOptions, InviteRequest, ADD_MEMBERS_CHUNK};
use serde_json::{json, Value};

const INVITE: &str = "/api/v1/organization/invite";

/// The emails of every invite POST the mock received, in order.
async fn sent_emails(h: &Harness) -> Vec<String> {
    h.requests()
        .await
        .iter()
        .filter(|r| r["method"] == "POST" && r["path"] == INVITE)
        .map(|r| {
            let body: Value = serde_json::from_str(r["body"].as_str().unwrap()).unwrap();
            body["email"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn emails(n: usize, prefix: &str) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}@example.com")).collect()
}

#[tokio::test]
async fn one_result_per_input_in_order_each_email_sent_once() {
    let h = Harness::start().await;
    h.client
        .invites()
        .create("already@example.com", None)
        .await
        .unwrap();
    let mut input = emails(40, "p");
    input.insert(3, "not-an-email".to_owned());
    input.insert(7, " P1@Example.com ".to_owned());
    input.insert(10, "already@example.com".to_owned());
    input.push("p5@example.com".to_owned());
    input.push("a b@example.com".to_owned());

    let progress = Arc::new(Mutex::new(Vec::new()));
    let seen = progress.clone();
    let sends = Arc::new(Mutex::new(Vec::new()));
    let sent = sends.clone();
    let options = CreateManyOptions::new()
        .concurrency(8)
        .on_progress(move |p| seen.lock().unwrap().push(p.clone()))
        .before_send(move |s| sent.lock().unwrap().push(s.email.clone()));
    let results = h
        .client
        .invites()
        .create_many(input.clone(), options)
        .await
        .unwrap();

    assert_eq!(results.len(), input.len());
    for (result, email) in results.iter().zip(&input) {
        assert_eq!(result.email, email.trim());
    }
    let outcome = |i: usize| results[i].outcome.as_str().to_owned();
    assert_eq!(outcome(3), "invalid");
    assert!(results[3].error.is_some() && results[3].invite.is_none());
    assert_eq!(outcome(input.len() - 1), "invalid");
    assert_eq!(outcome(10), "exists");
    assert!(results[10].error.is_none());
    // " P1@Example.com " repeats p1 (index 1): it ends as p1 did, with its invite.
    assert_eq!(outcome(7), "created");
    assert_eq!(results[7].invite, results[1].invite);
    let last_dup = input.len() - 2;
    assert_eq!(results[last_dup].invite, results[6].invite);
    let created: Vec<_> = results
        .iter()
        .filter(|r| r.outcome == BulkOutcome::Created)
        .collect();
    assert_eq!(created.len(), 42);
    assert!(created.iter().all(|r| r.invite.is_some()));

    // Sent: the 40 distinct emails and the one that already existed; nothing else.
    let mut on_wire = sent_emails(&h).await;
    on_wire.remove(0); // the invite made before the bulk call
    assert_eq!(on_wire.len(), 41, "{on_wire:?}");
    let mut distinct = on_wire.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 41);
    assert!(!on_wire.iter().any(|e| e.contains(' ') || !e.contains('@')));
    assert_eq!(sends.lock().unwrap().len(), 41);

    let progress = progress.lock().unwrap();
    assert_eq!(progress.len(), input.len());
    assert_eq!(progress.last().unwrap().completed, input.len());
    let mut indices: Vec<usize> = progress.iter().map(|p| p.index).collect();
    indices.sort_unstable();
    assert_eq!(indices, (0..input.len()).collect::<Vec<_>>());
}

#[tokio::test]
async fn one_failure_never_aborts_the_rest() {
    let h = Harness::start().await;
    h.fault(json!({"method": "POST", "path": INVITE, "status": 400, "times": 2}))
        .await;
    let results = h
        .client
        .invites()
        .create_many(emails(10, "f"), CreateManyOptions::new().concurrency(1))
        .await
        .unwrap();
    let failed: Vec<_> = results
        .iter()
        .filter(|r| r.outcome == BulkOutcome::Failed)
        .collect();
    assert_eq!(failed.len(), 2);
    assert!(failed
        .iter()
        .all(|r| r.error.as_ref().unwrap().code() == Some("INJECTED")));
    assert_eq!(
        results
            .iter()
            .filter(|r| r.outcome == BulkOutcome::Created)
            .count(),
        8
    );
}

#[tokio::test]
async fn the_invite_limit_stops_the_remaining_sends() {
    let h = Harness::with(|c| c.invite_limit = Some(3), |b| b).await;
    let results = h
        .client
        .invites()
        .create_many(emails(10, "l"), CreateManyOptions::new().concurrency(1))
        .await
        .unwrap();
    let outcomes: Vec<&str> = results.iter().map(|r| r.outcome.as_str()).collect();
    assert_eq!(&outcomes[..3], ["created"; 3]);
    assert_eq!(&outcomes[3..], ["failed"; 7]);
    for result in &results[3..] {
        let error = result.error.as_ref().unwrap();
        assert_eq!(error.class_name(), "InviteLimitError");
        assert_eq!(error.code(), Some("INVITE_LIMIT_EXCEEDED"));
    }
    assert_eq!(
        sent_emails(&h).await.len(),
        4,
        "nothing sent after the limit"
    );
}

#[tokio::test]
async fn insufficient_credits_stop_the_remaining_sends_even_in_parallel() {
    let h = Harness::with(|c| c.credits = 0, |b| b).await;
    let results = h
        .client
        .invites()
        .create_many(emails(200, "c"), CreateManyOptions::new().concurrency(4))
        .await
        .unwrap();
    assert!(results.iter().all(|r| r.outcome == BulkOutcome::Failed
        && r.error.as_ref().unwrap().class_name() == "InsufficientCreditsError"));
    let sent = sent_emails(&h).await.len();
    assert!(sent <= 4, "at most the sends already in flight: {sent}");
}

#[tokio::test]
async fn lost_answers_never_make_a_second_invite() {
    // Three answers lost after processing; with four retries even one email
    // meeting all three ends with its invite found, whatever the order.
    let h = Harness::with(|_| {}, |b| b.max_retries(4)).await;
    h.fault(json!({"method": "POST", "path": INVITE, "after": "drop", "times": 3}))
        .await;
    let input = emails(30, "x");
    let results = h
        .client
        .invites()
        .create_many(input.clone(), CreateManyOptions::new().concurrency(4))
        .await
        .unwrap();
    assert!(
        results.iter().all(|r| r.outcome == BulkOutcome::Created),
        "{:?}",
        results
            .iter()
            .filter(|r| r.outcome != BulkOutcome::Created)
            .collect::<Vec<_>>()
    );
    let list = h.client.invites().list().await.unwrap();
    let mut per_email: HashMap<&str, usize> = HashMap::new();
    for invite in &list {
        *per_email.entry(invite.email.as_str()).or_default() += 1;
    }
    assert_eq!(list.len(), 30);
    assert!(per_email.values().all(|&n| n == 1));
    for result in &results {
        let invite = result.invite.as_ref().unwrap();
        assert!(list.iter().any(|i| i.id == invite.id));
    }
}

#[tokio::test]
async fn an_invite_whose_every_answer_was_lost_is_found_not_failed() {
    // Default retries: the first email's three attempts all lose their answer.
    let h = Harness::start().await;
    h.fault(json!({"method": "POST", "path": INVITE, "after": "drop", "times": 3}))
        .await;
    let results = h
        .client
        .invites()
        .create_many(emails(3, "z"), CreateManyOptions::new().concurrency(1))
        .await
        .unwrap();
    assert!(results.iter().all(|r| r.outcome == BulkOutcome::Created));
    let list = h.client.invites().list().await.unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!(results[0].invite.as_ref().unwrap().id, list[0].id);
    assert!(results[0].error.is_none());
}

#[tokio::test]
async fn the_rate_limiter_keeps_429s_away() {
    let h = Harness::with(
        |c| {
            c.rate_limit = Some(20);
            c.rate_window = Duration::from_millis(700);
        },
        |b| b,
    )
    .await;
    let results = h
        .client
        .invites()
        .create_many(emails(50, "r"), CreateManyOptions::new().concurrency(8))
        .await
        .unwrap();
    assert!(results.iter().all(|r| r.outcome == BulkOutcome::Created));
    // Every 429 would have been resent: exactly one POST per email means none.
    assert_eq!(sent_emails(&h).await.len(), 50);
}

#[tokio::test]
async fn each_input_may_name_its_team() {
    let h = Harness::start().await;
    let design = h.team("Design").await;
    let sales = h.team("Sales").await;
    let requests = vec![
        InviteRequest::new("one@example.com"),
        InviteRequest::with_team("two@example.com", sales.clone()),
    ];
    let results = h
        .client
        .invites()
        .create_many_requests(requests, CreateManyOptions::new().team_id(design.clone()))
        .await
        .unwrap();
    assert_eq!(results[0].invite.as_ref().unwrap().team_id, Some(design));
    assert_eq!(results[1].invite.as_ref().unwrap().team_id, Some(sales));
}

#[tokio::test]
async fn bad_options_fail_before_anything_is_sent() {
    let h = Harness::start().await;
    for concurrency in [0, 33, -1] {
        let err = h
            .client
            .invites()
            .create_many(
                ["a@example.com"],
                CreateManyOptions::new().concurrency(concurrency),
            )
            .await
            .unwrap_err();
        assert_eq!(err.class_name(), "InvalidArgumentError");
    }
    let err = h
        .client
        .invites()
        .create_many(["a@example.com"], CreateManyOptions::new().team_id(" "))
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
    assert!(h.requests().await.is_empty());
    let none = h
        .client
        .invites()
        .create_many(Vec::<String>::new(), CreateManyOptions::new())
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn add_members_sends_any_number_of_emails_in_chunks() {
    let h = Harness::start().await;
    let team = h.team("Everyone").await;
    h.control("POST", "/__mock/seed", json!({"members": 250}))
        .await;
    let mut members: Vec<String> = (1..=250).map(|i| format!("seed-{i}@example.com")).collect();
    members.push("SEED-1@example.com".to_owned());
    let org = h.client.teams().add_members(&team, &members).await.unwrap();
    assert!(org.teams.iter().any(|t| t.id == team));
    let chunks: Vec<usize> = h
        .requests()
        .await
        .iter()
        .filter(|r| r["path"].as_str().unwrap().ends_with("/add-members"))
        .map(|r| {
            let body: Value = serde_json::from_str(r["body"].as_str().unwrap()).unwrap();
            body["emails"].as_array().unwrap().len()
        })
        .collect();
    assert_eq!(chunks, [ADD_MEMBERS_CHUNK, ADD_MEMBERS_CHUNK, 50]);

    let err = h
        .client
        .teams()
        .add_members(&team, &["ok@example.com".to_owned(), "bad".to_owned()])
        .await
        .unwrap_err();
    assert_eq!(err.class_name(), "InvalidArgumentError");
}
