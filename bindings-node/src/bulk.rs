//! `invites.createMany`: the core's bulk invite with its options from JS,
//! its progress reported to a JS callback, and one result per input.

use headshotpro::{BulkInviteResult, CreateManyOptions};
use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Status;
use napi_derive::napi;

use crate::error::NativeError;
use crate::types::{Invite, ToJs};

/// The JS progress callback: called as each input settles, then once with
/// `null` when the call has ended (so every report reaches JS before the
/// promise settles). The JS layer guards it: it never throws.
pub(crate) type BulkProgressFn =
    ThreadsafeFunction<Option<BulkProgressJs>, (), Option<BulkProgressJs>, Status, false>;

/// What became of one input.
#[napi(object, object_from_js = false)]
pub struct BulkInviteResultJs {
    /// The email as given (surrounding spaces removed).
    pub email: String,
    /// The team it was (or would have been) invited into.
    pub team_id: Option<String>,
    /// `created`, `exists`, `invalid` or `failed`.
    pub outcome: String,
    /// The invite, when `created`.
    pub invite: Option<Invite>,
    /// Why, when `failed` or `invalid`, as an error record.
    pub error: Option<NativeError>,
}

/// One input has settled.
#[napi(object, object_from_js = false)]
pub struct BulkProgressJs {
    /// The input's position.
    pub index: u32,
    /// What became of it.
    pub result: BulkInviteResultJs,
    /// Inputs settled so far, this one included.
    pub completed: u32,
    /// Inputs in this call.
    pub total: u32,
}

fn result(r: BulkInviteResult) -> BulkInviteResultJs {
    BulkInviteResultJs {
        email: r.email,
        team_id: r.team_id,
        outcome: r.outcome.as_str().to_owned(),
        invite: r.invite.map(Invite::from),
        error: r.error.as_ref().map(NativeError::from),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The results of a bulk invite, in input order.
pub struct BulkResults(Vec<BulkInviteResult>);

impl ToJs for BulkResults {
    type Js = Vec<BulkInviteResultJs>;
    fn to_js(self) -> Vec<BulkInviteResultJs> {
        self.0.into_iter().map(result).collect()
    }
}

/// Runs `invites.createMany`; every progress report reaches JS before this
/// returns.
pub(crate) async fn create_many(
    client: headshotpro::Client,
    emails: Vec<String>,
    team_id: Option<String>,
    concurrency: Option<i64>,
    on_progress: Option<BulkProgressFn>,
) -> headshotpro::Result<BulkResults> {
    let mut options = CreateManyOptions::new();
    options.team_id = team_id;
    options.concurrency = concurrency;
    let callback = on_progress.map(std::sync::Arc::new);
    if let Some(callback) = &callback {
        let callback = std::sync::Arc::clone(callback);
        options = options.on_progress(move |p| {
            let progress = BulkProgressJs {
                index: count(p.index),
                result: result(p.result.clone()),
                completed: count(p.completed),
                total: count(p.total),
            };
            callback.call(Some(progress), ThreadsafeFunctionCallMode::NonBlocking);
        });
    }
    let results = client.invites().create_many(emails, options).await;
    if let Some(callback) = callback {
        // Calls reach JS in order: once this one has run, every report has.
        let _ = callback.call_async(None).await;
    }
    results.map(BulkResults)
}
