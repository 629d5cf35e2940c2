//! Runs one operation's core future for Swift and Kotlin. A panic inside it
//! becomes an `InternalError` naming the operation (uniffi alone would report
//! an anonymous Rust panic), and the future is never polled again.

use std::any::Any;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::task::Poll;

use crate::error::HeadshotProError;

/// `work`'s result, with core errors and panics as [`HeadshotProError`].
pub(crate) async fn guard<T>(
    operation: &'static str,
    work: impl Future<Output = headshotpro::Result<T>>,
) -> Result<T, HeadshotProError> {
    let mut work = std::pin::pin!(work);
    std::future::poll_fn(move |cx| {
        match catch_unwind(AssertUnwindSafe(|| work.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => Poll::Ready(result.map_err(HeadshotProError::from)),
            Err(payload) => Poll::Ready(Err(HeadshotProError::internal(
                operation,
                panic_text(payload.as_ref()),
            ))),
        }
    })
    .await
}

/// The message a panic carried.
fn panic_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}
