//! Cancellation of one call, driven by the JS `AbortSignal`.

use napi_derive::napi;
use tokio::sync::watch;

/// A one-shot cancel switch. The JS layer creates one per call that has a
/// `signal`, and calls `cancel()` when the signal aborts; the call's Rust
/// future is then dropped and its promise settles with an abort error.
#[napi]
pub struct CancelToken {
    tx: watch::Sender<bool>,
}

impl Default for CancelToken {
    fn default() -> Self {
        Self {
            tx: watch::channel(false).0,
        }
    }
}

#[napi]
impl CancelToken {
    /// A token that has not been cancelled.
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels the call this token was passed to (idempotent).
    #[napi]
    pub fn cancel(&self) {
        self.tx.send_replace(true);
    }
}

impl CancelToken {
    /// A receiver that sees the cancellation, for the running call.
    pub(crate) fn subscribe(&self) -> watch::Receiver<bool> {
        self.tx.subscribe()
    }
}

/// Resolves once the token is cancelled; never if it is dropped uncancelled.
pub(crate) async fn cancelled(mut rx: watch::Receiver<bool>) {
    if rx.wait_for(|cancelled| *cancelled).await.is_err() {
        std::future::pending::<()>().await;
    }
}
