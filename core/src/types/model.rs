//! Whitelabel models.

use serde::{Deserialize, Serialize};

use super::status::ModelStatus;

/// A whitelabel model and a fresh signed URL for its user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct Model {
    /// The model's id.
    pub model_id: String,
    /// Where the model stands.
    pub status: ModelStatus,
    /// Whether this is a development (test-data, no-credit) model.
    #[serde(default)]
    pub is_development: bool,
    /// A temporary URL that opens the HeadshotPro interface for the user.
    pub signed_url: String,
}

/// The answer to a model deletion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(rename_all = "camelCase")]
pub struct DeletedModel {
    /// The deleted model's id.
    pub model_id: String,
    /// The server's message.
    pub message: String,
}
