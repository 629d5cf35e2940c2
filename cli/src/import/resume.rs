//! Settling the sends an interrupted run started but never saw end: each is
//! looked up in the organization's invite list, never blindly sent again.
//! An invite for the email made since the send started (allowing for clock
//! skew) is that send's: the row is `created`. An older pending invite means
//! the email was already invited: `exists`. No invite means the send never
//! took effect, and the row is sent again.

use std::time::Duration;

use chrono::{DateTime, Utc};
use headshotpro::{Client, InviteSummary};

use super::journal::{Settled, Unsettled};
use crate::failure::Outcome;

/// Clock skew allowed between this machine and the server.
const SKEW: Duration = Duration::from_secs(5);

/// What the lookup found for one unsettled send.
#[derive(Debug)]
pub enum Found {
    /// The row settled (created by that send, or already invited before).
    Settled(Settled),
    /// No invite: the send never took effect.
    NotSent,
}

/// Looks every unsettled send up in one listing of the invites.
pub async fn settle(client: &Client, unsettled: &[Unsettled]) -> Outcome<Vec<Found>> {
    if unsettled.is_empty() {
        return Ok(Vec::new());
    }
    let invites = client.invites().list().await?;
    Ok(unsettled
        .iter()
        .map(|send| find(&invites, &send.email, send.at))
        .collect())
}

/// The invite a send that started at `at` made for `email`, if any.
pub fn find(invites: &[InviteSummary], email: &str, at: DateTime<Utc>) -> Found {
    let since = at - chrono::Duration::from_std(SKEW).unwrap_or_default();
    let mine = invites
        .iter()
        .filter(|i| i.email.trim().eq_ignore_ascii_case(email.trim()))
        .max_by_key(|i| i.created_at);
    match mine {
        Some(invite) if invite.created_at >= since => Found::Settled(Settled {
            outcome: "created".to_owned(),
            invite_id: Some(invite.id.clone()),
            error: None,
        }),
        Some(invite) if invite.valid => Found::Settled(Settled {
            outcome: "exists".to_owned(),
            invite_id: None,
            error: None,
        }),
        _ => Found::NotSent,
    }
}
