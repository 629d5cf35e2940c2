//! The settings a Swift or Kotlin caller may give when building a client.

/// Client settings; every field is optional and falls back to the
/// environment (`HEADSHOTPRO_BASE_URL`) or the SDK's defaults.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct ClientOptions {
    /// The API's base URL (else `HEADSHOTPRO_BASE_URL`, else production).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Time allowed for each attempt, in milliseconds (60 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt (2); 0 disables retries.
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
}
