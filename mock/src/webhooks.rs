//! Webhook delivery: payloads, signatures, per-model ordered queues with retries, and
//! the delivery log.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::Sha256;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use crate::control::types::WebhookDelivery;
use crate::ids;
use crate::lock::lock;
use crate::state::{ModelEvent, ModelObject};

/// Attempts per event: one plus at most three retries.
pub const MAX_ATTEMPTS: u32 = 4;

/// The time one delivery attempt may take.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

/// The JSON body of a webhook: the reference's payload plus `id` and `createdAt` (and
/// `photoId` for `model.favorite_selected`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Payload<'a> {
    id: &'a str,
    event: &'a str,
    created_at: String,
    object_type: &'static str,
    object: &'a ModelObject,
    #[serde(skip_serializing_if = "Option::is_none")]
    photo_id: Option<&'a str>,
}

/// The signature header value: `sha256=<hex of HMAC-SHA256(secret, "{timestamp}.{body}")>`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        unreachable!("HMAC accepts keys of any length")
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// One event waiting for delivery.
#[derive(Clone)]
struct Pending {
    event: &'static str,
    event_id: String,
    model_id: String,
    url: String,
    secret: Option<String>,
    body: Arc<[u8]>,
    due: Instant,
}

/// The queues, one per model so that a model's events stay in order.
#[derive(Default)]
struct Queues {
    generation: u64,
    by_model: HashMap<String, VecDeque<Pending>>,
}

/// Sends webhooks and remembers every attempt.
pub struct Webhooks {
    client: Option<reqwest::Client>,
    delay: Duration,
    retry: Duration,
    queues: Mutex<Queues>,
    log: Mutex<Vec<WebhookDelivery>>,
}

impl Webhooks {
    /// A sender waiting `delay` before the first attempt and `retry` between attempts.
    pub fn new(delay: Duration, retry: Duration) -> Self {
        Self {
            client: http_client(),
            delay,
            retry,
            queues: Mutex::new(Queues::default()),
            log: Mutex::new(Vec::new()),
        }
    }

    /// Queues an event for `url`, signed when there is a secret. Call it while the state
    /// lock is held so that a model's events are queued in the order they happened.
    pub fn enqueue(
        self: &Arc<Self>,
        url: &str,
        secret: Option<&str>,
        event: &ModelEvent,
        cancel: &CancellationToken,
        runtime: &tokio::runtime::Handle,
    ) {
        let event_id = ids::event_id();
        let payload = Payload {
            id: &event_id,
            event: event.event,
            created_at: ids::now_iso(),
            object_type: "model",
            object: &event.object,
            photo_id: event.photo_id.as_deref(),
        };
        let Ok(body) = serde_json::to_vec(&payload) else {
            return;
        };
        let pending = Pending {
            event: event.event,
            model_id: event.object.id.clone(),
            event_id,
            url: url.to_owned(),
            secret: secret.map(str::to_owned),
            body: body.into(),
            due: Instant::now() + self.delay,
        };
        let mut queues = lock(&self.queues);
        let generation = queues.generation;
        let model_id = pending.model_id.clone();
        let queue = queues.by_model.entry(model_id.clone()).or_default();
        queue.push_back(pending);
        if queue.len() == 1 {
            let this = Arc::clone(self);
            let cancel = cancel.clone();
            runtime.spawn(async move {
                tokio::select! {
                    () = cancel.cancelled() => {}
                    () = this.drain(model_id, generation) => {}
                }
            });
        }
    }

    /// Delivers a model's queued events one after the other.
    async fn drain(&self, model_id: String, generation: u64) {
        loop {
            let next = {
                let queues = lock(&self.queues);
                if queues.generation != generation {
                    return;
                }
                queues
                    .by_model
                    .get(&model_id)
                    .and_then(|q| q.front().cloned())
            };
            let Some(pending) = next else { return };
            self.deliver(&pending).await;
            let mut queues = lock(&self.queues);
            if queues.generation != generation {
                return;
            }
            if let Some(queue) = queues.by_model.get_mut(&model_id) {
                queue.pop_front();
                if queue.is_empty() {
                    queues.by_model.remove(&model_id);
                    return;
                }
            }
        }
    }

    /// Waits until the event is due, then tries up to [`MAX_ATTEMPTS`] times until a 2xx.
    async fn deliver(&self, pending: &Pending) {
        tokio::time::sleep_until(pending.due).await;
        for attempt in 1..=MAX_ATTEMPTS {
            if attempt > 1 {
                tokio::time::sleep(self.retry).await;
            }
            let (status, error) = self.attempt(pending).await;
            lock(&self.log).push(WebhookDelivery {
                event: pending.event.to_owned(),
                event_id: pending.event_id.clone(),
                model_id: pending.model_id.clone(),
                url: pending.url.clone(),
                attempt,
                status,
                error,
                at: ids::now_iso(),
            });
            if status.is_some_and(|s| (200..300).contains(&s)) {
                return;
            }
        }
    }

    /// One POST; the status, or the error when no answer came.
    async fn attempt(&self, pending: &Pending) -> (Option<u16>, Option<String>) {
        let Some(client) = &self.client else {
            return (None, Some("no HTTP client available".to_owned()));
        };
        let mut request = client
            .post(&pending.url)
            .header("content-type", "application/json")
            .header("x-headshotpro-event", pending.event)
            .body(pending.body.to_vec());
        if let Some(secret) = &pending.secret {
            let timestamp = chrono::Utc::now().timestamp();
            request = request
                .header("x-headshotpro-timestamp", timestamp.to_string())
                .header(
                    "x-headshotpro-signature",
                    signature(secret, timestamp, &pending.body),
                );
        }
        match request.send().await {
            Ok(response) => (Some(response.status().as_u16()), None),
            Err(e) => (None, Some(e.to_string())),
        }
    }

    /// Every delivery attempt so far, oldest first.
    pub fn log(&self) -> Vec<WebhookDelivery> {
        lock(&self.log).clone()
    }

    /// Forgets the delivery log.
    pub fn clear_log(&self) {
        lock(&self.log).clear();
    }

    /// Drops every queued event and the log (running senders are cancelled by the caller).
    pub fn reset(&self) {
        let mut queues = lock(&self.queues);
        queues.generation += 1;
        queues.by_model.clear();
        drop(queues);
        self.clear_log();
    }
}

/// An HTTP client for deliveries: rustls with the ring provider and the
/// platform's roots, or Mozilla's bundled roots where the platform has none
/// (minimal containers, chroots).
fn http_client() -> Option<reqwest::Client> {
    use rustls_platform_verifier::BuilderVerifierExt;
    let builder = || {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .ok()
    };
    let tls = builder()?
        .with_platform_verifier()
        .ok()
        .or_else(|| {
            let roots = rustls::RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            builder().map(|b| b.with_root_certificates(roots))
        })?
        .with_no_client_auth();
    reqwest::Client::builder()
        .timeout(ATTEMPT_TIMEOUT)
        .user_agent(concat!("headshotpro-mock/", env!("CARGO_PKG_VERSION")))
        .no_proxy()
        .tls_backend_preconfigured(tls)
        .build()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::signature;

    #[test]
    fn signature_is_hmac_sha256_of_timestamp_dot_body() {
        // HMAC-SHA256(key = "secret", msg = "1700000000.{}"), computed with Python's hmac.
        assert_eq!(
            signature("secret", 1_700_000_000, b"{}"),
            "sha256=b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163"
        );
    }
}
