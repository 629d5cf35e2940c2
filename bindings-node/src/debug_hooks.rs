//! Hooks for the package's own tests, compiled into debug builds only (the
//! modules users install are release builds and do not have them), and kept
//! out of the typings.

use napi::bindgen_prelude::{Either, PromiseRaw};
use napi::{Env, Result};
use napi_derive::napi;

use crate::error::NativeError;
use crate::run::spawn;

/// Panics inside the runtime, as a bug in the core would: the promise must
/// still settle, with a `HeadshotProError` naming the operation
/// (`testing.panic`).
#[napi(js_name = "__panicInRuntime", skip_typescript, catch_unwind)]
pub fn panic_in_runtime(env: &Env) -> Result<PromiseRaw<'_, Either<(), NativeError>>> {
    spawn(env, None, "testing_panic", deliberate_panic())
}

async fn deliberate_panic() -> headshotpro::Result<()> {
    panic!("a deliberate panic, for the tests")
}
