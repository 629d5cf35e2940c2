//! Logging through the client's sink and `tracing`: one line per attempt at
//! its level, bodies at debug, and never a secret — the API key, a signed
//! URL's token or signature, a webhook secret — in any record.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeSet;
use std::time::Duration;

use common::observe::{assert_no_secret, Collected};
use common::Harness;
use headshotpro::{
    FavoriteListParams, LogLevel, LogRecord, MemberListParams, ModelListParams, ModelStatus,
    PhotoListParams, SaveOptions,
};
use serde_json::json;

const WEBHOOK_SECRET: &str = "whsec_do_not_log_4c1d";

/// The values of a signed URL's credential parameters.
fn url_secrets(raw: &str) -> Vec<String> {
    let url = url::Url::parse(raw).unwrap();
    url.query_pairs()
        .filter(|(name, _)| matches!(name.as_ref(), "token" | "signature" | "sig"))
        .map(|(_, value)| value.into_owned())
        .collect()
}

#[tokio::test]
async fn debug_logging_of_every_operation_never_shows_a_secret() {
    let sink = Collected::default();
    let h = Harness::with(
        |mock| {
            mock.webhook_secret = Some(WEBHOOK_SECRET.to_owned());
            mock.rate_limit = Some(100_000);
        },
        {
            let sink = sink.clone();
            |b| b.log_level(LogLevel::Debug).log_sink(sink)
        },
    )
    .await;
    let c = &h.client;
    let mut secrets = vec![h.server.api_key().to_owned(), WEBHOOK_SECRET.to_owned()];

    c.organization().retrieve().await.unwrap();
    c.organization().credits().await.unwrap();
    let org = c.teams().create("Design").await.unwrap();
    let team = org.teams[0].id.clone();
    c.teams().list().await.unwrap();
    c.teams().update(&team, "Design 2").await.unwrap();
    let invite = c
        .invites()
        .create("ada@example.com", Some(&team))
        .await
        .unwrap();
    c.invites().list().await.unwrap();
    c.invites().retrieve(&invite.id).await.unwrap();
    c.invites()
        .retrieve_by_email("ada@example.com")
        .await
        .unwrap();
    h.member("bo@example.com").await;
    c.teams()
        .add_members(&team, &["bo@example.com".to_owned()])
        .await
        .unwrap();
    c.invites().revoke("ada@example.com").await.unwrap();
    c.members().list(MemberListParams::new()).await.unwrap();

    let model = c
        .models()
        .create("cy@example.com", None, true)
        .await
        .unwrap();
    secrets.extend(url_secrets(&model.signed_url));
    let again = c.models().retrieve(&model.model_id).await.unwrap();
    secrets.extend(url_secrets(&again.signed_url));
    h.control(
        "POST",
        &format!("/__mock/models/{}/complete-onboarding", model.model_id),
        json!({}),
    )
    .await;
    let active = c
        .models()
        .wait(
            &model.model_id,
            ModelStatus::Active,
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    secrets.extend(url_secrets(&active.signed_url));
    c.models().list(ModelListParams::new()).await.unwrap();

    let photos = c
        .photos()
        .list(&model.model_id, PhotoListParams::new())
        .await
        .unwrap();
    for photo in &photos.items {
        secrets.extend(url_secrets(&photo.urls.main));
    }
    let photo = &photos.items[0];
    c.photos()
        .retrieve(&model.model_id, &photo.id, None)
        .await
        .unwrap();
    assert!(c
        .photos()
        .favorite(&model.model_id, None)
        .await
        .unwrap()
        .is_none());
    h.control(
        "POST",
        &format!("/__mock/models/{}/favorite", model.model_id),
        json!({"photoId": photo.id}),
    )
    .await;
    let favorite = c
        .photos()
        .favorite(&model.model_id, None)
        .await
        .unwrap()
        .unwrap();
    secrets.extend(url_secrets(&favorite.urls.main));
    let favorites = c
        .photos()
        .favorites(FavoriteListParams::new())
        .await
        .unwrap();
    for f in &favorites.items {
        secrets.extend(url_secrets(&f.urls.main));
    }
    let links = c
        .photos()
        .download_links(&model.model_id, None, None)
        .await
        .unwrap();
    for link in &links.downloads {
        secrets.extend(url_secrets(&link.url));
    }
    let dir = std::env::temp_dir().join(format!(
        "headshotpro-logging-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    let report = c
        .photos()
        .save(&model.model_id, &dir, SaveOptions::new())
        .await
        .unwrap();
    assert!(report.is_complete());
    std::fs::remove_dir_all(&dir).unwrap();

    // Errors, a retried attempt, and the escape hatch carrying a webhook secret.
    assert!(c.models().retrieve("missing").await.is_err());
    h.fault(json!({"method": "GET", "path": "/api/v1/organization/credits", "status": 503}))
        .await;
    c.organization().credits().await.unwrap();
    c.request(
        "PUT",
        "/__mock/organization",
        Some(json!({"webhookSecret": WEBHOOK_SECRET})),
        &[],
    )
    .await
    .unwrap();
    let settings = c
        .request("GET", "/__mock/organization", None, &[])
        .await
        .unwrap();
    assert!(settings.to_string().contains(WEBHOOK_SECRET));
    c.models().delete(&model.model_id).await.unwrap();
    c.teams().delete(&team).await.unwrap();

    let records = sink.records();
    secrets.retain(|s| s.len() >= 8);
    assert!(secrets.len() > 20, "{} secrets collected", secrets.len());
    assert_no_secret(&records, &secrets);

    // Every operation logged its attempts, with the fields bindings read.
    let operations: BTreeSet<&str> = records
        .iter()
        .filter(|r| r.get("outcome").is_some())
        .filter_map(|r| r.get("operation"))
        .collect();
    for op in [
        "organization.retrieve",
        "organization.credits",
        "teams.create",
        "teams.list",
        "teams.update",
        "teams.add_members",
        "teams.delete",
        "invites.create",
        "invites.list",
        "invites.retrieve",
        "invites.retrieve_by_email",
        "invites.revoke",
        "members.list",
        "models.create",
        "models.retrieve",
        "models.list",
        "models.delete",
        "photos.list",
        "photos.retrieve",
        "photos.favorite",
        "photos.favorites",
        "photos.download_links",
        "request",
    ] {
        assert!(operations.contains(op), "no attempt line for {op}");
    }
    let line = records
        .iter()
        .find(|r| r.get("operation") == Some("teams.list") && r.get("outcome").is_some())
        .unwrap();
    assert_eq!(line.level, LogLevel::Info);
    for field in ["method", "path", "status", "attempt", "duration_ms"] {
        assert!(line.get(field).is_some(), "{field} missing: {line:?}");
    }
    assert!(line.get("rate_limit_remaining").is_some(), "{line:?}");
    assert!(line
        .message
        .contains("GET /api/v2/organization/teams -> 200"));

    // Bodies at debug, redacted rather than dropped.
    let bodies: Vec<&LogRecord> = records.iter().filter(|r| r.get("body").is_some()).collect();
    assert!(bodies.iter().any(|r| r.get("direction") == Some("request")));
    for shown in [
        "token=[redacted]",
        "signature=[redacted]",
        r#""apiKey":"[redacted]""#,
    ] {
        assert!(
            bodies.iter().any(|r| r.message.contains(shown)),
            "no body shows {shown}"
        );
    }
    let settings_body = bodies
        .iter()
        .rev()
        .find(|r| r.get("operation") == Some("request") && r.get("direction") == Some("response"))
        .unwrap();
    assert!(
        settings_body
            .message
            .contains(r#""webhookSecret":"[redacted]""#),
        "{}",
        settings_body.message
    );
    assert!(records
        .iter()
        .any(|r| r.level == LogLevel::Warn && r.message.contains("retrying")));
    assert!(records
        .iter()
        .any(|r| r.level == LogLevel::Error && r.get("error") == Some("NotFoundError")));
}

#[tokio::test]
async fn each_attempt_is_one_line_at_its_level() {
    let sink = Collected::default();
    let h = Harness::with(|_| {}, {
        let sink = sink.clone();
        |b| b.log_level(LogLevel::Info).log_sink(sink)
    })
    .await;
    h.fault(json!({"method": "GET", "path": "/api/v1/organization/credits", "status": 503}))
        .await;
    h.client.organization().credits().await.unwrap();
    let lines = sink.attempts();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[0].level, LogLevel::Warn);
    assert_eq!(
        (lines[0].get("status"), lines[0].get("outcome")),
        (Some("503"), Some("retry"))
    );
    assert_eq!(lines[0].get("error"), Some("ServerError"));
    assert!(lines[0].get("retry_in_ms").is_some());
    assert_eq!(lines[1].level, LogLevel::Info);
    assert_eq!(
        (lines[1].get("attempt"), lines[1].get("outcome")),
        (Some("2"), Some("ok"))
    );
    assert!(
        sink.at(LogLevel::Debug).is_empty(),
        "info threshold, no bodies"
    );

    sink.clear();
    let err = h.client.models().retrieve("nope").await.unwrap_err();
    assert_eq!(err.class_name(), "NotFoundError");
    let lines = sink.attempts();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].level, LogLevel::Error);
    assert_eq!(lines[0].get("code"), Some("NOT_FOUND"));
    assert!(lines[0]
        .message
        .ends_with(&format!("failed: {}", err.message())));

    // A connection failure has no status.
    sink.clear();
    let dead = h.client_with(|b| {
        b.base_url("http://127.0.0.1:9")
            .max_retries(0)
            .log_level(LogLevel::Info)
            .log_sink(sink.clone())
    });
    let err = dead.organization().credits().await.unwrap_err();
    assert!(err.is_connection());
    let lines = sink.attempts();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].get("status"), None);
    assert_eq!(lines[0].get("error"), Some("APIConnectionError"));
    assert!(lines[0]
        .message
        .contains("-> no answer, APIConnectionError"));
}

#[tokio::test]
async fn an_answer_that_does_not_decode_is_logged_as_the_error_it_becomes() {
    let sink = Collected::default();
    let h = Harness::with(|_| {}, {
        let sink = sink.clone();
        |b| b.log_level(LogLevel::Info).log_sink(sink)
    })
    .await;
    for (path, body) in [
        (
            "/api/v2/organization/teams",
            json!({"success": true, "teams": "none"}),
        ),
        (
            "/api/v2/organization/team",
            json!({"success": true, "members": 3}),
        ),
        ("/api/v1/organization/credits", json!({"success": true})),
    ] {
        h.fault(json!({"method": "GET", "path": path, "status": 200, "body": body}))
            .await;
    }
    let errors = [
        h.client.teams().list().await.unwrap_err(),
        h.client
            .members()
            .list(MemberListParams::new())
            .await
            .unwrap_err(),
        h.client.organization().credits().await.unwrap_err(),
    ];
    let logged = sink.at(LogLevel::Error);
    assert_eq!(logged.len(), 3, "{logged:#?}");
    for (error, record) in errors.iter().zip(&logged) {
        assert_eq!(error.class_name(), "ResponseDecodeError");
        assert_eq!(record.message, error.to_string());
    }
}

#[tokio::test]
async fn a_warn_threshold_keeps_only_failures_and_off_keeps_nothing() {
    let warn = Collected::default();
    let off = Collected::default();
    let h = Harness::start().await;
    let quiet = h.client_with(|b| b.log_level(LogLevel::Warn).log_sink(warn.clone()));
    let silent = h.client_with(|b| b.log_level(LogLevel::Off).log_sink(off.clone()));
    quiet.organization().credits().await.unwrap();
    silent.organization().credits().await.unwrap();
    assert!(warn.records().is_empty());
    assert!(quiet.models().retrieve("nope").await.is_err());
    assert!(silent.models().retrieve("nope").await.is_err());
    assert_eq!(warn.records().len(), 1);
    assert!(off.records().is_empty());
    assert_eq!(silent.log_level(), LogLevel::Off);
}

#[tokio::test]
async fn a_panicking_sink_never_breaks_a_call_and_is_reported_once() {
    let lines = subscriber::Lines::default();
    let _guard = tracing::subscriber::set_default(lines.clone());
    let h = Harness::start().await;
    let client = h.client_with(|b| {
        b.log_level(LogLevel::Debug)
            .log_sink(|_: &LogRecord| panic!("the sink is broken"))
    });
    for _ in 0..3 {
        assert_eq!(client.organization().credits().await.unwrap(), 100);
    }
    assert!(client.models().retrieve("nope").await.is_err());
    let reports: Vec<String> = lines
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|l| l.contains("the log sink panicked"))
        .cloned()
        .collect();
    assert_eq!(reports.len(), 1, "{reports:#?}");
    assert!(reports[0].starts_with("WARN") && reports[0].contains("the sink is broken"));
}

/// A `tracing` subscriber that keeps each event of target `headshotpro` as
/// `LEVEL message field=value…`.
mod subscriber {
    use std::fmt::Write as _;
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    #[derive(Clone, Default)]
    pub struct Lines(pub Arc<Mutex<Vec<String>>>);

    struct Text<'a>(&'a mut String);

    impl Visit for Text<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }

    impl Subscriber for Lines {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }
        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(1)
        }
        fn record(&self, _: &Id, _: &Record<'_>) {}
        fn record_follows_from(&self, _: &Id, _: &Id) {}
        fn event(&self, event: &Event<'_>) {
            if event.metadata().target() != "headshotpro" {
                return;
            }
            let mut line = event.metadata().level().to_string();
            event.record(&mut Text(&mut line));
            self.0.lock().unwrap().push(line);
        }
        fn enter(&self, _: &Id) {}
        fn exit(&self, _: &Id) {}
    }
}

#[tokio::test]
async fn tracing_gets_one_event_per_attempt_without_secrets() {
    let lines = subscriber::Lines::default();
    let _guard = tracing::subscriber::set_default(lines.clone());
    let h = Harness::with(|m| m.rate_limit = Some(1000), |b| b).await;
    let model = h
        .client
        .models()
        .create("di@example.com", None, true)
        .await
        .unwrap();
    h.client.organization().credits().await.unwrap();
    let lines = lines.0.lock().unwrap().clone();
    let attempts: Vec<&String> = lines.iter().filter(|l| l.contains("outcome=")).collect();
    assert_eq!(attempts.len(), 2, "{lines:#?}");
    assert!(attempts[0].starts_with("INFO"), "{}", attempts[0]);
    for field in [
        "operation=\"models.create\"",
        "method=\"POST\"",
        "status=200",
        "attempt=1",
        "duration_ms=",
        "rate_limit_remaining=",
    ] {
        assert!(attempts[0].contains(field), "{field} in {}", attempts[0]);
    }
    assert!(lines
        .iter()
        .any(|l| l.starts_with("DEBUG") && l.contains("body=")));
    let mut secrets = url_secrets(&model.signed_url);
    secrets.push(h.server.api_key().to_owned());
    for line in &lines {
        for secret in &secrets {
            assert!(!line.contains(secret.as_str()), "{secret} in {line}");
        }
    }
}
