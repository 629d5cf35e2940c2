//! A mock server on its own runtime, and the built `headshotpro` binary.
#![allow(dead_code)]

use std::process::{Command, Output};

use headshotpro_mock::{MockConfig, MockServer};

/// A mock server serving on a runtime of its own while a test runs the binary.
pub struct Mock {
    pub server: MockServer,
    runtime: tokio::runtime::Runtime,
}

impl Mock {
    /// A mock with fast timers, adjusted by `adjust`.
    pub fn start(adjust: impl FnOnce(&mut MockConfig)) -> Self {
        let mut config = MockConfig {
            webhook_delay: std::time::Duration::ZERO,
            webhook_retry: std::time::Duration::from_millis(50),
            dev_step: std::time::Duration::from_millis(30),
            ..MockConfig::default()
        };
        adjust(&mut config);
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = runtime.block_on(MockServer::start(config)).unwrap();
        Self { server, runtime }
    }

    /// The command with the mock's URL and key.
    pub fn cli(&self) -> Command {
        let mut command = bare();
        command
            .env("HEADSHOTPRO_API_KEY", self.server.api_key())
            .arg("--base-url")
            .arg(self.server.url());
        command
    }

    /// The emails of the organization's invites.
    pub fn invite_emails(&self) -> Vec<String> {
        let state = self.server.state();
        let mut emails: Vec<String> = state["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|o| o["invites"].as_array().cloned().unwrap_or_default())
            .map(|i| i["email"].as_str().unwrap().to_owned())
            .collect();
        emails.sort();
        emails
    }

    /// How many invite POSTs reached the mock.
    pub fn invite_posts(&self) -> usize {
        self.server
            .requests()
            .iter()
            .filter(|r| r.method == "POST" && r.path == "/api/v1/organization/invite")
            .count()
    }

    /// The runtime the mock serves on, for in-test servers.
    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        &self.runtime
    }

    /// Runs a future on the mock's runtime.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

/// The binary with no key and no base URL from the environment.
pub fn bare() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_headshotpro"));
    command
        .env_remove("HEADSHOTPRO_API_KEY")
        .env_remove("HEADSHOTPRO_BASE_URL");
    command
}

/// Exit code, stdout and stderr.
pub fn run(command: &mut Command) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().unwrap();
    let stderr = String::from_utf8(stderr).unwrap();
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    (
        status.code().unwrap_or(-1),
        String::from_utf8(stdout).unwrap(),
        stderr,
    )
}

/// Runs and parses stdout as JSON, asserting exit 0.
pub fn json(command: &mut Command) -> serde_json::Value {
    let (code, stdout, stderr) = run(command.arg("--json"));
    assert_eq!(code, 0, "stdout: {stdout}\nstderr: {stderr}");
    serde_json::from_str(&stdout).unwrap()
}
