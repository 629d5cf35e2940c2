//! `headshotpro-bench CLIENT WORKLOAD URL KEY CALLS CONCURRENCY`: runs one
//! benchmark in this process and prints one JSON line of results.
//!
//! CLIENT is `sdk` (the headshotpro crate) or `reqwest` (raw reqwest with the
//! same pool settings, building the request, sending the key and parsing the
//! JSON into a struct, as a hand-written client would). WORKLOAD is
//! `credits` (GET) or `invite` (POST).

mod measure;
mod raw;

use std::process::ExitCode;
use std::sync::Arc;

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
            "usage: headshotpro-bench sdk|reqwest credits|invite URL KEY CALLS CONCURRENCY".into(),
        );
    };
    let calls: usize = calls.parse()?;
    let concurrency: usize = concurrency.parse()?;
    let invite = workload == "invite";
    let report = match client.as_str() {
        "sdk" => {
            let sdk = headshotpro::Client::builder()
                .api_key(key.as_str())
                .base_url(url.as_str())
                .build()?;
            run("sdk", workload, calls, concurrency, move |i| {
                let sdk = sdk.clone();
                async move {
                    if invite {
                        sdk.invites()
                            .create(&format!("rust-sdk-{i}@bench.example"), None)
                            .await
                            .map(|invite| invite.id.len())
                            .map_err(|e| e.to_string())
                    } else {
                        sdk.organization()
                            .credits()
                            .await
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
