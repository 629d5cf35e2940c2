//! `headshotpro-bench CLIENT WORKLOAD URL KEY CALLS CONCURRENCY`: runs one
//! benchmark in this process and prints one JSON line of results.
//!
//! CLIENT is `sdk` (the headshotpro crate) or `reqwest` (raw reqwest with the
//! same pool settings, building the request, sending the key and parsing the
//! JSON into a struct, as a hand-written client would). WORKLOAD is
//! `credits` (GET) or `invite` (POST).
//!
//! Variants of the SDK measure what operability costs: `sdk-hooks` (a no-op
//! `on_request` and `on_response` hook), `sdk-log` (logging at info into a
//! sink that drops each record: formatting and redaction of one line per
//! attempt), `sdk-response` (every call through `.with_response()`).

mod measure;
mod raw;

use std::process::ExitCode;
use std::sync::Arc;

use headshotpro::WithResponse;
use measure::{run, Report};

#[tokio::main(flavor = "multi_thread")]
async fn main() -> ExitCode {
    match start().await {
        Ok(report) => {
            println!("{}", report.to_json());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("headshotpro-bench: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn start() -> Result<Report, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [client, workload, url, key, calls, concurrency] = args.as_slice() else {
        return Err(
            "usage: headshotpro-bench sdk|sdk-hooks|sdk-log|sdk-response|reqwest credits|invite URL KEY CALLS CONCURRENCY".into(),
        );
    };
    let calls: usize = calls.parse()?;
    let concurrency: usize = concurrency.parse()?;
    let invite = workload == "invite";
    let report = match client.as_str() {
        "sdk" | "sdk-hooks" | "sdk-log" | "sdk-response" => {
            let label: &'static str = match client.as_str() {
                "sdk-hooks" => "sdk-hooks",
                "sdk-log" => "sdk-log",
                "sdk-response" => "sdk-response",
                _ => "sdk",
            };
            let mut builder = headshotpro::Client::builder()
                .api_key(key.as_str())
                .base_url(url.as_str())
                .log_level(headshotpro::LogLevel::Off);
            if label == "sdk-hooks" {
                builder = builder.on_request(|_| {}).on_response(|_| {});
            }
            if label == "sdk-log" {
                builder = builder.log_level(headshotpro::LogLevel::Info).log_sink(
                    |record: &headshotpro::LogRecord| {
                        std::hint::black_box(record);
                    },
                );
            }
            let sdk = builder.build()?;
            let with_response = label == "sdk-response";
            run(label, workload, calls, concurrency, move |i| {
                let sdk = sdk.clone();
                async move {
                    if invite {
                        let email = format!("rust-{label}-{i}@bench.example");
                        let invites = sdk.invites();
                        let invite = if with_response {
                            invites
                                .create(&email, None)
                                .with_response()
                                .await
                                .map(|r| r.data)
                        } else {
                            invites.create(&email, None).await
                        };
                        invite
                            .map(|invite| invite.id.len())
                            .map_err(|e| e.to_string())
                    } else {
                        let organization = sdk.organization();
                        let credits = if with_response {
                            organization.credits().with_response().await.map(|r| r.data)
                        } else {
                            organization.credits().await
                        };
                        credits
                            .map(|c| usize::try_from(c).unwrap_or(0))
                            .map_err(|e| e.to_string())
                    }
                }
            })
            .await
        }
        "reqwest" => {
            let raw = Arc::new(raw::RawClient::new(url, key)?);
            run("reqwest", workload, calls, concurrency, move |i| {
                let raw = Arc::clone(&raw);
                async move {
                    if invite {
                        raw.invite(&format!("rust-raw-{i}@bench.example")).await
                    } else {
                        raw.credits().await
                    }
                }
            })
            .await
        }
        other => return Err(format!("unknown client {other}").into()),
    };
    Ok(report)
}
