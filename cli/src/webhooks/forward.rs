//! Passing a verified webhook on to the user's app, byte for byte, with the
//! headers that sign it.

use std::sync::Arc;
use std::time::Duration;

use axum::http::HeaderMap;
use rustls::ClientConfig;

use crate::failure::{Failure, Outcome};

/// Time the app has to answer a forwarded webhook.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);

/// Headers passed on besides every `X-HeadshotPro-*` one.
const KEPT: &[&str] = &["content-type", "user-agent"];

/// Where verified webhooks go.
#[derive(Debug, Clone)]
pub struct Forwarder {
    http: reqwest::Client,
    url: reqwest::Url,
}

/// The app's answer to a forwarded webhook.
#[derive(Debug)]
pub struct Forwarded {
    /// Its HTTP status.
    pub status: u16,
    /// Its body.
    pub body: Vec<u8>,
}

impl Forwarder {
    /// A forwarder to `url` (`http://` or `https://`).
    pub fn new(url: &str) -> Outcome<Self> {
        let url = reqwest::Url::parse(url)
            .map_err(|e| Failure::usage(format!("--forward-to {url:?}: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Failure::usage(format!(
                "--forward-to {url} must be an http:// or https:// URL"
            )));
        }
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        let tls =
            ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
                .with_safe_default_protocol_versions()
                .map_err(|e| Failure::other(format!("TLS setup failed: {e}")))?
                .with_root_certificates(roots)
                .with_no_client_auth();
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(FORWARD_TIMEOUT)
            .no_proxy()
            .build()
            .map_err(|e| Failure::other(format!("cannot build the forwarding client: {e}")))?;
        Ok(Self { http, url })
    }

    /// The target URL.
    pub fn url(&self) -> &str {
        self.url.as_str()
    }

    /// POSTs the body as received with its signing headers.
    pub async fn send(&self, headers: &HeaderMap, body: Vec<u8>) -> Result<Forwarded, String> {
        let mut request = self.http.post(self.url.clone()).body(body);
        for (name, value) in headers {
            let lower = name.as_str();
            if lower.starts_with("x-headshotpro-") || KEPT.contains(&lower) {
                request = request.header(name.as_str(), value.as_bytes());
            }
        }
        let answer = request.send().await.map_err(|e| e.to_string())?;
        let status = answer.status().as_u16();
        let body = answer.bytes().await.map_err(|e| e.to_string())?.to_vec();
        Ok(Forwarded { status, body })
    }
}
