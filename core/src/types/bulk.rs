//! Bulk invites: what [`crate::Invites::create_many`] takes, reports as it
//! goes, and returns for each email.

use std::fmt;
use std::sync::Arc;

use super::open_enum::open_enum;
use super::Invite;
use crate::error::{Error, Result};

/// Invites sent at once when [`CreateManyOptions::concurrency`] is unset.
pub const DEFAULT_BULK_CONCURRENCY: i64 = 4;
/// The most invites [`CreateManyOptions::concurrency`] may send at once.
pub const MAX_BULK_CONCURRENCY: i64 = 32;

open_enum! {
    /// How one email of a bulk invite ended.
    pub enum BulkOutcome {
        /// The invite was sent; the result carries it.
        Created => "created",
        /// The email already has a pending invite; nothing was sent again.
        Exists => "exists",
        /// The email is not a valid address (rejected locally, or by the
        /// server as INVALID_EMAIL).
        Invalid => "invalid",
        /// The invite was not sent; the result carries the error.
        Failed => "failed",
    }
}

/// One invite to send: an email and, optionally, its own team (which wins
/// over [`CreateManyOptions::team_id`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InviteRequest {
    /// The email to invite.
    pub email: String,
    /// The team the member joins; `None` takes the options' team.
    pub team_id: Option<String>,
}

impl InviteRequest {
    /// An invite to this email, into the options' team.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            team_id: None,
        }
    }

    /// An invite to this email into this team.
    pub fn with_team(email: impl Into<String>, team_id: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            team_id: Some(team_id.into()),
        }
    }
}

/// What became of one input of a bulk invite.
#[derive(Debug, Clone)]
pub struct BulkInviteResult {
    /// The email as given (surrounding spaces removed).
    pub email: String,
    /// The team it was (or would have been) invited into.
    pub team_id: Option<String>,
    /// How it ended.
    pub outcome: BulkOutcome,
    /// The invite, when `created`.
    pub invite: Option<Invite>,
    /// Why, when `failed` or `invalid`.
    pub error: Option<Error>,
}

/// One input has settled. Inputs that repeat an earlier email settle with it.
#[derive(Debug, Clone)]
pub struct BulkProgress {
    /// The input's position.
    pub index: usize,
    /// What became of it.
    pub result: BulkInviteResult,
    /// Inputs settled so far, this one included.
    pub completed: usize,
    /// Inputs in this call.
    pub total: usize,
}

/// An invite is about to be sent (after local checks and de-duplication).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkSend {
    /// The position of the input (the first one with this email).
    pub index: usize,
    /// The email being invited.
    pub email: String,
    /// The team it is invited into.
    pub team_id: Option<String>,
}

/// Called once per input as it settles.
pub type BulkProgressCallback = Arc<dyn Fn(&BulkProgress) + Send + Sync>;
/// Called just before each invite is sent, e.g. to record the intent in a
/// journal. It runs on the task that sends, so it must be quick.
pub type BulkSendCallback = Arc<dyn Fn(&BulkSend) + Send + Sync>;

/// How [`crate::Invites::create_many`] runs: the team, how many invites at
/// once, and whom to tell.
#[derive(Clone, Default)]
pub struct CreateManyOptions {
    /// The team of every input that names none.
    pub team_id: Option<String>,
    /// Invites in flight at once, 1..=32 (default 4). The client's shared
    /// rate limiter paces them whatever this is.
    pub concurrency: Option<i64>,
    /// Told about each input as it settles.
    pub on_progress: Option<BulkProgressCallback>,
    /// Told about each invite just before it is sent.
    pub before_send: Option<BulkSendCallback>,
}

impl CreateManyOptions {
    /// No team, 4 at once, no callbacks.
    pub fn new() -> Self {
        Self::default()
    }

    /// Invites every input that names no team into this one.
    pub fn team_id(mut self, team_id: impl Into<String>) -> Self {
        self.team_id = Some(team_id.into());
        self
    }

    /// Invites in flight at once, 1..=32.
    pub fn concurrency(mut self, concurrency: i64) -> Self {
        self.concurrency = Some(concurrency);
        self
    }

    /// Calls `progress` once per input as it settles.
    pub fn on_progress(mut self, progress: impl Fn(&BulkProgress) + Send + Sync + 'static) -> Self {
        self.on_progress = Some(Arc::new(progress));
        self
    }

    /// Calls `hook` just before each invite is sent.
    pub fn before_send(mut self, hook: impl Fn(&BulkSend) + Send + Sync + 'static) -> Self {
        self.before_send = Some(Arc::new(hook));
        self
    }

    /// The concurrency, checked.
    pub(crate) fn checked_concurrency(&self) -> Result<usize> {
        let n = self.concurrency.unwrap_or(DEFAULT_BULK_CONCURRENCY);
        if !(1..=MAX_BULK_CONCURRENCY).contains(&n) {
            return Err(Error::invalid(format!(
                "concurrency must be between 1 and {MAX_BULK_CONCURRENCY}, got {n}"
            )));
        }
        usize::try_from(n).map_err(|_| Error::invalid("concurrency does not fit this platform"))
    }
}

impl fmt::Debug for CreateManyOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let callback = |set: bool| if set { Some("<callback>") } else { None };
        f.debug_struct("CreateManyOptions")
            .field("team_id", &self.team_id)
            .field("concurrency", &self.concurrency)
            .field("on_progress", &callback(self.on_progress.is_some()))
            .field("before_send", &callback(self.before_send.is_some()))
            .finish()
    }
}
