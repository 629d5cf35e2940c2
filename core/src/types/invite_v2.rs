//! An invite as the current API answers it (`GET /invites/{email}`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::status::InviteV2Status;

/// One invite, looked up by email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct InviteV2 {
    /// The invite's id, when sent.
    #[serde(default)]
    pub id: Option<String>,
    /// The invited email.
    pub email: String,
    /// Where the invite stands.
    pub status: InviteV2Status,
    /// The member's model, once there is one.
    #[serde(default)]
    pub model_id: Option<String>,
    /// The team, if any.
    #[serde(default)]
    pub team_id: Option<String>,
    /// The team's name, if any.
    #[serde(default)]
    pub team_name: Option<String>,
    /// When the invite was sent.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
}
