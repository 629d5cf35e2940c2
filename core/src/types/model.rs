//! Whitelabel models.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::status::ModelStatus;
use crate::redact::redact_url;

/// A whitelabel model and a fresh signed URL for its user. `Debug` prints
/// the signed URL with its token redacted; the field stays whole. Swift and
/// Kotlin print it through that `Debug` (`debugDescription`, `toString()`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "uniffi", uniffi::export(Debug))]
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

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("model_id", &self.model_id)
            .field("status", &self.status)
            .field("is_development", &self.is_development)
            .field("signed_url", &redact_url(&self.signed_url))
            .finish()
    }
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
