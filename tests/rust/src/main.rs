//! `matrix-runner`: the Rust column of the cross-language test matrix.
//!
//! Starts its own `headshotpro-mock`, runs every case of `tests/cases` through
//! the public API of the `headshotpro` crate only, and writes
//! `[{"case", "passed", "detail"}]` to the `--out` file (see `tests/README.md`).

mod args;
mod canonical;
mod canonical_v2;
mod case;
mod case_dir;
mod client_setup;
mod matcher;
mod mock;
mod ops;
mod ops_client;
mod ops_v2;
mod raw;
mod runner;
mod vars;

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::{json, Value};

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("matrix-runner: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<()> {
    let args = args::Args::parse(std::env::args().skip(1))?;
    let cases = case::load_dir(&args.cases, args.only.as_deref())?;
    let mock = match mock::MockServer::start(&args.mock_bin).await {
        Ok(mock) => mock,
        Err(error) => {
            let detail = format!("the mock server did not start: {error:#}");
            let results = cases
                .iter()
                .map(|c| outcome(&c.name, Err(detail.clone())))
                .collect();
            write_results(&args.out, results)?;
            return Err(error);
        }
    };
    let mut results = Vec::with_capacity(cases.len());
    let (mut passed, mut failed) = (0, 0);
    for loaded in &cases {
        let result = match &loaded.case {
            Ok(case) => runner::run_case(&mock, &args.vectors, &loaded.name, case).await,
            Err(error) => Err(format!("invalid case file: {error:#}")),
        };
        match &result {
            Ok(()) => {
                passed += 1;
                println!("PASS {}", loaded.name);
            }
            Err(detail) => {
                failed += 1;
                println!("FAIL {}: {detail}", loaded.name);
            }
        }
        results.push(outcome(&loaded.name, result));
    }
    mock.stop().await;
    write_results(&args.out, results)?;
    println!("rust: {passed} passed, {failed} failed");
    Ok(())
}

fn outcome(name: &str, result: Result<(), String>) -> Value {
    match result {
        Ok(()) => json!({"case": name, "passed": true, "detail": ""}),
        Err(detail) => json!({"case": name, "passed": false, "detail": detail}),
    }
}

fn write_results(out: &Path, results: Vec<Value>) -> Result<()> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(&Value::Array(results))?;
    std::fs::write(out, text + "\n").with_context(|| format!("writing {}", out.display()))
}
