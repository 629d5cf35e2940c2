//! Hooks for the SDK's own Swift and Kotlin tests, compiled only with the
//! `test-hooks` feature (`scripts/generate-uniffi.sh --test-hooks`): the
//! libraries and bindings users get never have them.

use crate::error::HeadshotProError;
use crate::guard::guard;

/// Test builds only: panics inside the runtime, as a bug in the core would.
/// The call must still end, with `InternalError` naming `testing.panic`.
#[uniffi::export(async_runtime = "tokio")]
pub async fn debug_panic_in_runtime() -> Result<(), HeadshotProError> {
    guard("testing.panic", deliberate_panic()).await
}

async fn deliberate_panic() -> headshotpro::Result<()> {
    panic!("a deliberate panic, for the tests")
}
