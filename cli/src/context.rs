//! What every command needs: the global options, the client they build, and
//! where output goes.

use std::time::Duration;

use headshotpro::{Client, ENV_API_KEY};

use crate::args::Global;
use crate::failure::{Failure, Outcome};

/// The user agent prefix the command line sends.
const USER_AGENT: &str = concat!("headshotpro-cli/", env!("CARGO_PKG_VERSION"));

/// The global options of this run.
#[derive(Debug, Clone)]
pub struct Context {
    /// The options as parsed.
    pub global: Global,
}

impl Context {
    /// The options of this run.
    pub fn new(global: Global) -> Self {
        Self { global }
    }

    /// Whether output is JSON.
    pub fn json(&self) -> bool {
        self.global.json
    }

    /// A client with the key from `--api-key-file` or HEADSHOTPRO_API_KEY.
    /// Without either, a usage failure naming HEADSHOTPRO_API_KEY.
    pub fn client(&self) -> Outcome<Client> {
        let key = self.api_key()?;
        let mut builder = Client::builder().api_key(key).user_agent_prefix(USER_AGENT);
        if let Some(url) = &self.global.base_url {
            builder = builder.base_url(url.clone());
        }
        if let Some(retries) = self.global.max_retries {
            builder = builder.max_retries(retries);
        }
        if let Some(seconds) = self.global.timeout {
            builder = builder.timeout(seconds_arg("--timeout", seconds)?);
        }
        if let Some(limit) = self.global.max_requests_per_minute {
            builder = builder.max_requests_per_minute(limit);
        }
        Ok(builder.build()?)
    }

    fn api_key(&self) -> Outcome<String> {
        if let Some(path) = &self.global.api_key_file {
            let text = std::fs::read_to_string(path).map_err(|e| {
                Failure::usage(format!(
                    "cannot read --api-key-file {}: {e}",
                    path.display()
                ))
            })?;
            let key = text.trim();
            if key.is_empty() {
                return Err(Failure::usage(format!(
                    "--api-key-file {} is empty",
                    path.display()
                )));
            }
            return Ok(key.to_owned());
        }
        match std::env::var(ENV_API_KEY) {
            Ok(key) if !key.trim().is_empty() => Ok(key.trim().to_owned()),
            _ => Err(Failure::usage(format!(
                "no API key: set the {ENV_API_KEY} environment variable, or pass \
                 --api-key-file FILE (never the key itself as an argument)"
            ))),
        }
    }
}

/// A positive, finite number of seconds from an option.
pub fn seconds_arg(flag: &str, seconds: f64) -> Outcome<Duration> {
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| Failure::usage(format!("{flag} must be a positive number of seconds")))
}
