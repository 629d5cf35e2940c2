//! Invites: the one just sent, the list entries, and one invite's details.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::status::InviteStatus;

/// An invite just sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Invite {
    /// The invite's id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// The sign-up link sent to the member.
    pub link: String,
    /// The team the member joins, if any.
    #[serde(default)]
    pub team_id: Option<String>,
    /// The server's message, e.g. "Invite sent".
    #[serde(default)]
    pub message: Option<String>,
}

/// One entry of the organization's invite list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct InviteSummary {
    /// The invite's id.
    pub id: String,
    /// The invited email.
    pub email: String,
    /// Whether the invite can still be used.
    pub valid: bool,
    /// The team, if any.
    #[serde(default)]
    pub team_id: Option<String>,
    /// When the invite was created.
    pub created_at: DateTime<Utc>,
    /// Whether the invite has been used.
    pub used: bool,
    /// The sign-up link.
    pub link: String,
}

/// The details of one invite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct InviteDetails {
    /// The member's email: their active email once the invite is used.
    pub email: String,
    /// Where the invite stands.
    pub status: InviteStatus,
    /// The team, if any.
    #[serde(default)]
    pub team_id: Option<String>,
}
