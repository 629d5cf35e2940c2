//! Keeping the facts of answers for callers who ask: per call with
//! [`WithResponse::with_response`], or per client with
//! [`crate::Client::capturing`] (what the bindings' `with_raw_response`,
//! `.withResponse()` and `withResponse { }` are built on).
//!
//! The transport records each answer into the slot of the client it was
//! sent through, if that client captures, and into the slot of the
//! `with_response()` being polled on this thread, if any. Nothing is copied
//! when nobody asks.

use std::cell::RefCell;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use crate::error::{Error, Result};
use crate::response::{Response, ResponseMeta};

/// Where the facts of the latest answer are kept.
#[derive(Debug, Default)]
pub(crate) struct Slot(Mutex<Option<ResponseMeta>>);

impl Slot {
    fn put(&self, meta: Option<ResponseMeta>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = meta;
    }

    fn get(&self) -> Option<ResponseMeta> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn take(&self) -> Option<ResponseMeta> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

thread_local! {
    /// The slot of the `with_response()` future being polled on this thread.
    static CURRENT: RefCell<Option<Arc<Slot>>> = const { RefCell::new(None) };
}

/// The capture a request records into: the client's own and the ambient one.
pub(crate) struct Recorder<'a> {
    own: Option<&'a Slot>,
    ambient: Option<Arc<Slot>>,
}

impl<'a> Recorder<'a> {
    /// The captures active for a request sent through a client with `own`.
    pub fn active(own: Option<&'a Arc<Slot>>) -> Self {
        let ambient = CURRENT.with(|current| current.borrow().clone());
        Self {
            own: own.map(Arc::as_ref),
            ambient,
        }
    }

    /// Whether anyone wants the facts (so headers are worth copying).
    pub fn wanted(&self) -> bool {
        self.own.is_some() || self.ambient.is_some()
    }

    /// Forgets the previous answer: a request that gets none leaves nothing.
    pub fn clear(&self) {
        if self.wanted() {
            self.store(None);
        }
    }

    /// Keeps the facts of an answer.
    pub fn record(&self, meta: impl FnOnce() -> ResponseMeta) {
        if self.wanted() {
            self.store(Some(meta()));
        }
    }

    fn store(&self, meta: Option<ResponseMeta>) {
        if let Some(own) = self.own {
            own.put(meta.clone());
        }
        if let Some(ambient) = &self.ambient {
            ambient.put(meta);
        }
    }
}

/// The handle of a capturing client ([`crate::Client::capturing`]): the
/// facts of the latest answer to a call made through that client.
///
/// Each request clears it, so after a call that got no answer (a
/// connection failure) it is empty. Calls running at once through the same
/// capturing client overwrite each other's facts: capture one call at a
/// time, or use one capturing client per call (they are cheap).
#[derive(Clone, Default)]
pub struct ResponseCapture {
    slot: Arc<Slot>,
}

impl ResponseCapture {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    pub(crate) fn slot(&self) -> &Arc<Slot> {
        &self.slot
    }

    /// The facts of the latest answer, if there was one.
    pub fn last(&self) -> Option<ResponseMeta> {
        self.slot.get()
    }

    /// The same, emptying the handle.
    pub fn take(&self) -> Option<ResponseMeta> {
        self.slot.take()
    }
}

impl fmt::Debug for ResponseCapture {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseCapture")
            .field("last", &self.last().map(|m| (m.operation, m.status)))
            .finish()
    }
}

/// `.with_response()` on any call of the client: the call's data with the
/// status, headers and rate limit of its answer, as a [`Response`].
///
/// ```no_run
/// use headshotpro::WithResponse;
/// # async fn demo(client: headshotpro::Client) -> headshotpro::Result<()> {
/// let credits = client.organization().credits().with_response().await?;
/// println!("{} credits, {:?} requests left", credits.data, credits.rate_limit.remaining);
/// # Ok(()) }
/// ```
///
/// It works on any future that makes calls of this SDK, as `tracing`'s
/// `instrument` does: the facts are those of the last answer received
/// while the future ran (on its own task; work it spawns elsewhere is not
/// seen). A failed call is the error as usual; an API error carries its
/// status, headers and rate limit itself.
pub trait WithResponse<T>: Future<Output = Result<T>> + Sized {
    /// The data with the facts of the last answer.
    fn with_response(self) -> ResponseFuture<Self> {
        ResponseFuture {
            inner: Box::pin(self),
            slot: Arc::new(Slot::default()),
        }
    }
}

impl<T, F: Future<Output = Result<T>>> WithResponse<T> for F {}

/// The future of [`WithResponse::with_response`].
#[must_use = "futures do nothing unless awaited"]
pub struct ResponseFuture<F> {
    inner: Pin<Box<F>>,
    slot: Arc<Slot>,
}

impl<F> fmt::Debug for ResponseFuture<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ResponseFuture")
    }
}

impl<T, F: Future<Output = Result<T>>> Future for ResponseFuture<F> {
    type Output = Result<Response<T>>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = &mut *self;
        let polled = {
            let _scope = Scope::enter(Arc::clone(&this.slot));
            this.inner.as_mut().poll(cx)
        };
        match polled {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            Poll::Ready(Ok(data)) => Poll::Ready(match this.slot.take() {
                Some(meta) => Ok(Response::new(data, meta)),
                None => Err(Error::invalid(
                    "with_response: the call finished without receiving an answer",
                )),
            }),
        }
    }
}

/// Makes a slot this thread's ambient capture until dropped (also when the
/// poll panics), restoring the one before it.
struct Scope {
    previous: Option<Arc<Slot>>,
}

impl Scope {
    fn enter(slot: Arc<Slot>) -> Self {
        let previous = CURRENT.with(|current| current.replace(Some(slot)));
        Self { previous }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        let previous = self.previous.take();
        CURRENT.with(|current| *current.borrow_mut() = previous);
    }
}
