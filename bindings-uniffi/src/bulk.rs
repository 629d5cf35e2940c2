//! `invites().createMany(...)`: invite many people in one call, at the API's
//! rate limit, each email once, one result per input in input order. The
//! core does the work; this file converts its results and progress.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

use headshotpro::{BulkOutcome, CreateManyOptions, Invite};

use crate::error::HeadshotProError;
use crate::guard::guard;
use crate::resources::InvitesApi;

/// What became of one input of `createMany`.
#[derive(Debug, uniffi::Record)]
pub struct BulkInviteResult {
    /// The email as given (surrounding spaces removed).
    pub email: String,
    /// The team it was (or would have been) invited into.
    pub team_id: Option<String>,
    /// `created`, `exists` (a pending invite already existed; nothing sent),
    /// `invalid` (rejected locally and never sent, or refused as
    /// INVALID_EMAIL) or `failed`.
    pub outcome: BulkOutcome,
    /// The invite, when `created`.
    pub invite: Option<Invite>,
    /// Why, when `failed` or `invalid`: e.g. `InsufficientCreditsError`
    /// for every input left when the credits ran out.
    pub error: Option<HeadshotProError>,
}

/// One input has settled (a repeated email settles with its first).
#[derive(Debug, uniffi::Record)]
pub struct BulkProgress {
    /// The input's position.
    pub index: i64,
    /// What became of it.
    pub result: BulkInviteResult,
    /// Inputs settled so far, this one included.
    pub completed: i64,
    /// Inputs in this call.
    pub total: i64,
}

/// Told about each input of `createMany` as it settles, on the thread
/// driving the sends: keep it quick. Whatever it throws is ignored: a
/// listener never stops the invites.
#[uniffi::export(with_foreign)]
pub trait BulkProgressListener: Send + Sync {
    /// One input has settled.
    fn on_progress(&self, progress: BulkProgress) -> Result<(), HeadshotProError>;
}

#[uniffi::export(async_runtime = "tokio")]
impl InvitesApi {
    /// Invites every email (into `team_id` if set) and returns one result
    /// per input, in input order. Invalid emails are rejected locally and
    /// never sent; an email repeated in the input is sent once; one failure
    /// never stops the others, except insufficient credits and the
    /// pending-invite limit, which stop the sends left (those inputs end
    /// `failed` with that error). Every send waits in the client's shared
    /// rate limiter and is never duplicated after a lost answer.
    ///
    /// `concurrency` is the number of invites in flight, 1..=32 (4 unless
    /// set). Throws `InvalidArgumentError` only for bad options (concurrency
    /// out of range, a blank team id); per-email failures are results.
    #[uniffi::method(default(team_id = None, concurrency = None, on_progress = None))]
    pub async fn create_many(
        &self,
        emails: Vec<String>,
        team_id: Option<String>,
        concurrency: Option<i64>,
        on_progress: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<Vec<BulkInviteResult>, HeadshotProError> {
        let mut options = CreateManyOptions::new();
        options.team_id = team_id;
        options.concurrency = concurrency;
        if let Some(listener) = on_progress {
            options = options.on_progress(move |progress| notify(listener.as_ref(), progress));
        }
        let results = guard(
            "invites.create_many",
            self.core().invites().create_many(emails, options),
        )
        .await?;
        Ok(results.into_iter().map(convert).collect())
    }
}

fn convert(result: headshotpro::BulkInviteResult) -> BulkInviteResult {
    BulkInviteResult {
        email: result.email,
        team_id: result.team_id,
        outcome: result.outcome,
        invite: result.invite,
        error: result.error.map(HeadshotProError::from),
    }
}

fn signed(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Hands one settled input to the listener; what it throws is ignored.
fn notify(listener: &dyn BulkProgressListener, progress: &headshotpro::BulkProgress) {
    let progress = BulkProgress {
        index: signed(progress.index),
        result: convert(progress.result.clone()),
        completed: signed(progress.completed),
        total: signed(progress.total),
    };
    if !matches!(
        catch_unwind(AssertUnwindSafe(|| listener.on_progress(progress))),
        Ok(Ok(()))
    ) {
        tracing::warn!("an invites.create_many progress listener failed; the invites go on");
    }
}
