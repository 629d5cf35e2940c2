//! `invites.create_many`: invite many people in one call, at the API's rate
//! limit, each email once, reporting one result per input in input order.
//!
//! Every send is an ordinary [`Invites::create`]: it waits in the client's
//! shared rate limiter and never duplicates an invite after a lost answer.
//! One failure never stops the others, except the two that would fail every
//! later send the same way: insufficient credits and the pending-invite
//! limit. Then nothing more is sent and every input not yet sent ends
//! `failed` with that error.

use std::sync::{Mutex, PoisonError};

use chrono::{DateTime, Utc};
use futures_util::StreamExt;

use super::Invites;
use crate::bulk_plan::{plan_invites, InvitePlan};
use crate::error::{ApiErrorKind, Error, Result};
use crate::types::{
    BulkInviteResult, BulkOutcome, BulkProgress, BulkSend, CreateManyOptions, Invite, InviteRequest,
};
use crate::validate;

/// Clock skew allowed when matching a lost invite by its creation time.
const LOOKUP_SKEW_SECONDS: i64 = 5;

/// One invite to send: the first input with its email.
struct Send {
    index: usize,
    email: String,
    team_id: Option<String>,
}

impl Invites<'_> {
    /// Invites every email, into `options.team_id` if set, and returns one
    /// result per input, in input order: `created` (with the invite),
    /// `exists` (the email already has a pending invite), `invalid`
    /// (rejected locally and never sent, or refused by the server as
    /// INVALID_EMAIL) or `failed` (with the error). An email repeated in the
    /// input is sent once and every repeat ends as the first did. An invite
    /// whose every attempt lost its answer is looked up in the invite list at
    /// the end: it is reported `created`, not `failed`, when it was made.
    ///
    /// Fails as a whole only for bad options (concurrency outside 1..=32, a
    /// blank team id).
    pub async fn create_many<I, S>(
        &self,
        emails: I,
        options: CreateManyOptions,
    ) -> Result<Vec<BulkInviteResult>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let requests = emails.into_iter().map(InviteRequest::new).collect();
        self.create_many_requests(requests, options).await
    }

    /// [`Invites::create_many`] where each input may name its own team
    /// (an input without one takes `options.team_id`).
    pub async fn create_many_requests(
        &self,
        requests: Vec<InviteRequest>,
        options: CreateManyOptions,
    ) -> Result<Vec<BulkInviteResult>> {
        let concurrency = options.checked_concurrency()?;
        validate::optional_id("team_id", options.team_id.as_deref())?;
        for request in &requests {
            validate::optional_id("team_id", request.team_id.as_deref())?;
        }
        let started = Utc::now();
        let plan = plan_invites(&requests);
        let total = requests.len();
        let mut results: Vec<Option<BulkInviteResult>> = vec![None; total];
        // The later inputs with each sent email: (position, email as given).
        let mut repeats: Vec<Vec<(usize, String)>> = vec![Vec::new(); total];
        let mut sends = Vec::new();
        let mut completed = 0;
        for (index, (request, planned)) in requests.into_iter().zip(plan).enumerate() {
            let email = request.email.trim().to_owned();
            let team_id = request.team_id.or_else(|| options.team_id.clone());
            match planned {
                InvitePlan::Send => sends.push(Send {
                    index,
                    email,
                    team_id,
                }),
                InvitePlan::Duplicate(first) => repeats[first].push((index, email)),
                InvitePlan::Invalid(why) => {
                    let result = BulkInviteResult {
                        email,
                        team_id,
                        outcome: BulkOutcome::Invalid,
                        invite: None,
                        error: Some(Error::invalid(why)),
                    };
                    completed += 1;
                    report(&options, index, &result, completed, total);
                    results[index] = Some(result);
                }
            }
        }

        let stop: Mutex<Option<Error>> = Mutex::new(None);
        let mut outcomes = futures_util::stream::iter(sends)
            .map(|send| self.send_one(send, &stop, &options))
            .buffer_unordered(concurrency);
        while let Some((index, result)) = outcomes.next().await {
            completed += 1;
            report(&options, index, &result, completed, total);
            for (repeat, email) in std::mem::take(&mut repeats[index]) {
                let same = BulkInviteResult {
                    email,
                    ..result.clone()
                };
                completed += 1;
                report(&options, repeat, &same, completed, total);
                results[repeat] = Some(same);
            }
            results[index] = Some(result);
        }
        drop(outcomes);
        let mut results: Vec<BulkInviteResult> = results.into_iter().flatten().collect();
        self.settle_lost(&mut results, started).await;
        Ok(results)
    }

    /// Invites whose every attempt lost its answer (each may have been
    /// processed) are looked up once in the invite list: one made for the
    /// email since the call started is theirs, and the result is `created`.
    /// Without a match, or when the list cannot be read, they stay `failed`
    /// with an error that says the request may have reached the server.
    async fn settle_lost(&self, results: &mut [BulkInviteResult], started: DateTime<Utc>) {
        let lost = |r: &BulkInviteResult| {
            r.outcome == BulkOutcome::Failed
                && r.error.as_ref().is_some_and(|e| {
                    e.may_have_reached_server()
                        && (e.is_connection() || e.status().is_some_and(|s| s >= 500))
                })
        };
        if !results.iter().any(lost) {
            return;
        }
        let Ok(list) = self.list().await else {
            return;
        };
        let since = started - chrono::Duration::seconds(LOOKUP_SKEW_SECONDS);
        for result in results.iter_mut().filter(|r| lost(r)) {
            let found = list
                .iter()
                .filter(|i| i.email.trim().eq_ignore_ascii_case(&result.email))
                .filter(|i| i.created_at >= since)
                .max_by_key(|i| i.created_at);
            if let Some(found) = found {
                result.outcome = BulkOutcome::Created;
                result.error = None;
                result.invite = Some(Invite {
                    id: found.id.clone(),
                    email: found.email.clone(),
                    link: found.link.clone(),
                    team_id: found.team_id.clone(),
                    message: None,
                });
            }
        }
    }

    /// Sends one invite unless a stopping error came first.
    async fn send_one(
        &self,
        send: Send,
        stop: &Mutex<Option<Error>>,
        options: &CreateManyOptions,
    ) -> (usize, BulkInviteResult) {
        let stopped = stop.lock().unwrap_or_else(PoisonError::into_inner).clone();
        let ended = |outcome, invite, error| BulkInviteResult {
            email: send.email.clone(),
            team_id: send.team_id.clone(),
            outcome,
            invite,
            error,
        };
        if let Some(error) = stopped {
            return (send.index, ended(BulkOutcome::Failed, None, Some(error)));
        }
        if let Some(hook) = &options.before_send {
            hook(&BulkSend {
                index: send.index,
                email: send.email.clone(),
                team_id: send.team_id.clone(),
            });
        }
        let result = match self.create(&send.email, send.team_id.as_deref()).await {
            Ok(invite) => ended(BulkOutcome::Created, Some(invite), None),
            Err(error) => {
                let outcome = outcome_of(&error);
                if stops_the_rest(&error) {
                    let mut first = stop.lock().unwrap_or_else(PoisonError::into_inner);
                    if first.is_none() {
                        tracing::warn!(error = %error, "bulk invite stopped: nothing more is sent");
                        *first = Some(error.clone());
                    }
                }
                match outcome {
                    BulkOutcome::Exists => ended(outcome, None, None),
                    _ => ended(outcome, None, Some(error)),
                }
            }
        };
        (send.index, result)
    }
}

/// The outcome of a failed create.
fn outcome_of(error: &Error) -> BulkOutcome {
    match error.code() {
        Some("ALREADY_EXISTS") => BulkOutcome::Exists,
        Some("INVALID_EMAIL") => BulkOutcome::Invalid,
        _ => BulkOutcome::Failed,
    }
}

/// Errors that every later send would meet too.
fn stops_the_rest(error: &Error) -> bool {
    error.as_api().is_some_and(|api| {
        matches!(
            api.kind,
            ApiErrorKind::InsufficientCredits | ApiErrorKind::InviteLimit
        )
    })
}

fn report(
    options: &CreateManyOptions,
    index: usize,
    result: &BulkInviteResult,
    completed: usize,
    total: usize,
) {
    if let Some(progress) = &options.on_progress {
        progress(&BulkProgress {
            index,
            result: result.clone(),
            completed,
            total,
        });
    }
}
