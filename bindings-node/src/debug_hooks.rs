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

/// Reads `text` as the core type named `kind` (`Model`, `Page<Member>`,
/// `Error`, …) and writes it back as the core's JSON: the check that what
/// `JSON.stringify` makes of a Node result is the wire form.
#[napi(js_name = "__wireJson", skip_typescript, catch_unwind)]
pub fn wire_json(kind: String, text: String) -> Either<String, NativeError> {
    use headshotpro as hp;
    fn again<T: serde::Serialize + serde::de::DeserializeOwned>(text: &str) -> hp::Result<String> {
        hp::to_json(&hp::from_json::<T>(text)?)
    }
    let out = match kind.as_str() {
        "Organization" => again::<hp::Organization>(&text),
        "Invite" => again::<hp::Invite>(&text),
        "InviteSummary" => again::<hp::InviteSummary>(&text),
        "InviteDetails" => again::<hp::InviteDetails>(&text),
        "InviteV2" => again::<hp::InviteV2>(&text),
        "Team" => again::<hp::Team>(&text),
        "Model" => again::<hp::Model>(&text),
        "DeletedModel" => again::<hp::DeletedModel>(&text),
        "ModelSummary" => again::<hp::ModelSummary>(&text),
        "Photo" => again::<hp::Photo>(&text),
        "FavoritePhoto" => again::<hp::FavoritePhoto>(&text),
        "DownloadLinks" => again::<hp::DownloadLinks>(&text),
        "RateLimitInfo" => again::<hp::RateLimitInfo>(&text),
        "Page<Member>" => again::<hp::Page<hp::Member>>(&text),
        "Page<ModelSummary>" => again::<hp::Page<hp::ModelSummary>>(&text),
        "Page<Photo>" => again::<hp::Page<hp::Photo>>(&text),
        "WebhookEvent" => again::<hp::WebhookEvent>(&text),
        "Error" => again::<hp::Error>(&text),
        other => Err(hp::Error::InvalidArgument {
            message: format!("no wire type {other}"),
        }),
    };
    match out {
        Ok(json) => Either::A(json),
        Err(e) => Either::B(NativeError::from(&e)),
    }
}
