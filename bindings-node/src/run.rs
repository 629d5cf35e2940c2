//! Running one core call as a JS promise: cancellation and the panic guard.

use std::future::Future;

use napi::bindgen_prelude::{Either, PromiseRaw, ToNapiValue};
use napi::{Env, Result};

use crate::cancel::{cancelled, CancelToken};
use crate::error::NativeError;

/// Spawns `call` (the operation `operation`, e.g. `invites_create`) on napi's
/// tokio runtime and returns its promise; its error is a core error or
/// anything else the binding reports as a [`NativeError`]. The promise always resolves: with
/// the value, or with a [`NativeError`] the JS layer throws as the matching
/// class. The call runs in its own task, so a panic becomes an error naming
/// the operation, and cancelling the token aborts (drops) it.
pub(crate) fn spawn<'env, T, E, F>(
    env: &'env Env,
    cancel: Option<&CancelToken>,
    operation: &'static str,
    call: F,
) -> Result<PromiseRaw<'env, Either<T, NativeError>>>
where
    T: ToNapiValue + Send + 'static,
    E: Into<NativeError> + Send + 'static,
    F: Future<Output = std::result::Result<T, E>> + Send + 'static,
{
    let cancel = cancel.map(CancelToken::subscribe);
    env.spawn_future(async move {
        let mut task = tokio::spawn(call);
        let joined = match cancel {
            Some(rx) => tokio::select! {
                joined = &mut task => joined,
                () = cancelled(rx) => {
                    task.abort();
                    return Ok(Either::B(NativeError::aborted()));
                }
            },
            None => task.await,
        };
        Ok(match joined {
            Ok(Ok(value)) => Either::A(value),
            Ok(Err(err)) => Either::B(err.into()),
            Err(join) => Either::B(NativeError::internal(operation, &join.to_string())),
        })
    })
}
