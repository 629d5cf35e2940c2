//! Clients built from a case's `client` object (or a `client.create` step),
//! and the per-call options of an op step.

use std::time::Duration;

use anyhow::Result;
use headshotpro::{AppInfo, Client, CustomHeaders, RequestOptions};

use crate::case::{AppInfoSettings, CallOptions, ClientSettings};
use crate::mock::MockServer;

/// The user agent's first part for this runner's clients.
const USER_AGENT_PREFIX: &str = "headshotpro-matrix-rust";

/// A client for the mock with these settings. The outer error is a problem
/// of the runner; the inner one is the SDK refusing the settings.
pub fn build(mock: &MockServer, settings: &ClientSettings) -> Result<headshotpro::Result<Client>> {
    let base_url = match settings.base_url.as_deref() {
        None => mock.url.clone(),
        Some("$closed_port") => closed_port_url()?,
        Some(other) => other.to_owned(),
    };
    let mut builder = Client::builder()
        .api_key(
            settings
                .api_key
                .clone()
                .unwrap_or_else(|| mock.api_key.clone()),
        )
        .base_url(base_url)
        .user_agent_prefix(USER_AGENT_PREFIX);
    if let Some(retries) = settings.max_retries {
        builder = builder.max_retries(retries);
    }
    if let Some(ms) = settings.timeout_ms {
        builder = builder.timeout(Duration::from_millis(ms));
    }
    if let Some(pairs) = &settings.default_headers {
        match CustomHeaders::from_pairs(pairs.iter().map(|(n, v)| (n, v))) {
            Ok(headers) => builder = builder.default_headers(headers),
            Err(error) => return Ok(Err(error)),
        }
    }
    if let Some(app) = &settings.app_info {
        builder = builder.app_info(app_info(app));
    }
    if let Some(limit) = settings.max_requests_per_minute {
        builder = builder.max_requests_per_minute(limit);
    }
    Ok(builder.build())
}

fn app_info(settings: &AppInfoSettings) -> AppInfo {
    let mut app = AppInfo::new(settings.name.clone());
    if let Some(version) = &settings.version {
        app = app.version(version.clone());
    }
    if let Some(url) = &settings.url {
        app = app.url(url.clone());
    }
    app
}

/// The SDK's per-call options for a step's `options`; a refused header is
/// the SDK's error, which the step then answers.
pub fn request_options(options: &CallOptions) -> headshotpro::Result<RequestOptions> {
    let mut request = RequestOptions::new();
    if let Some(ms) = options.timeout_ms {
        request = request.timeout(Duration::from_millis(ms));
    }
    if let Some(retries) = options.max_retries {
        request = request.max_retries(retries);
    }
    if let Some(pairs) = &options.headers {
        request = request.headers(CustomHeaders::from_pairs(
            pairs.iter().map(|(n, v)| (n, v)),
        )?);
    }
    Ok(request)
}

/// `http://127.0.0.1:<port>` of a port just bound and closed: nothing listens there.
pub fn closed_port_url() -> Result<String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    drop(listener);
    Ok(format!("http://127.0.0.1:{port}"))
}
