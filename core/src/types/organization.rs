//! Organization and team.

use serde::{Deserialize, Serialize};

/// An organization with its teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    /// The organization's unique id.
    pub uid: String,
    /// Display name.
    pub name: String,
    /// Website, when set.
    #[serde(default)]
    pub website: Option<String>,
    /// Description, when set.
    #[serde(default)]
    pub description: Option<String>,
    /// Its teams.
    #[serde(default)]
    pub teams: Vec<Team>,
}

/// A team inside an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Team {
    /// The team's id.
    pub id: String,
    /// The team's name.
    pub name: String,
}
