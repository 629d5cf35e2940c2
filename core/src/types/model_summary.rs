//! A model as `models.list` answers it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::status::{ModelStatus, ModelVersion};

/// One entry of the organization's model list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct ModelSummary {
    /// The model's id.
    pub id: String,
    /// The model's UID, when sent.
    #[serde(default)]
    pub uid: Option<String>,
    /// The user's email.
    pub email: String,
    /// Human-readable title, when sent.
    #[serde(default)]
    pub title: Option<String>,
    /// Where the model stands.
    pub status: ModelStatus,
    /// The team, if any.
    #[serde(default)]
    pub team_id: Option<String>,
    /// The team's name, if any.
    #[serde(default)]
    pub team_name: Option<String>,
    /// Whether this is a development (test-data, no-credit) model.
    #[serde(default)]
    pub is_development: bool,
    /// Which kind of model it is, when sent.
    #[serde(default)]
    pub version: Option<ModelVersion>,
    /// When the model was created.
    pub created_at: DateTime<Utc>,
    /// When processing finished.
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
}
