//! `HEADSHOTPRO_LOG` turns logging on without code. It is read once per
//! process, so this file holds one test (its own process).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::observe::Collected;
use common::Harness;
use headshotpro::{LogLevel, ENV_LOG};
use serde_json::json;

#[tokio::test]
async fn the_environment_sets_the_threshold_and_the_builder_overrides_it() {
    std::env::set_var(ENV_LOG, "WARN");
    let sink = Collected::default();
    let h = Harness::with(|_| {}, {
        let sink = sink.clone();
        |b| b.log_sink(sink)
    })
    .await;
    assert_eq!(h.client.log_level(), LogLevel::Warn);
    assert_eq!(headshotpro::env_log_level(), LogLevel::Warn);
    h.fault(json!({"method": "GET", "path": "/api/v1/organization/credits", "status": 502}))
        .await;
    h.client.organization().credits().await.unwrap();
    let records = sink.records();
    assert_eq!(records.len(), 1, "only the retried attempt: {records:?}");
    assert_eq!(records[0].level, LogLevel::Warn);

    let verbose = Collected::default();
    let client = h.client_with(|b| b.log_level(LogLevel::Info).log_sink(verbose.clone()));
    client.organization().credits().await.unwrap();
    assert_eq!(verbose.records().len(), 1);
    assert_eq!(client.log_level(), LogLevel::Info);
}
