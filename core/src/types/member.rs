//! Members of the organization, as `members.list` answers them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::status::{MemberStatus, ModelStatus};

/// A member of the organization: invited, joined or finished.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Member {
    /// The member's id.
    pub id: String,
    /// The member's email.
    pub email: String,
    /// Display name, once known.
    #[serde(default)]
    pub name: Option<String>,
    /// Where the member stands.
    pub status: MemberStatus,
    /// The member's team, if any.
    #[serde(default)]
    pub team_id: Option<String>,
    /// The team's name, if any.
    #[serde(default)]
    pub team_name: Option<String>,
    /// The member's model, once photos are uploaded.
    #[serde(default)]
    pub model_id: Option<String>,
    /// That model's status.
    #[serde(default)]
    pub model_status: Option<ModelStatus>,
    /// When the member joined.
    #[serde(default)]
    pub joined_at: Option<DateTime<Utc>>,
}
