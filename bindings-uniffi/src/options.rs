//! The settings a Swift or Kotlin caller may give when building a client,
//! and those it may change for some calls.

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

/// Settings `Client.withOptions` changes for some calls; a field
/// left nil/null keeps the client's own value.
#[derive(Debug, Clone, Copy, Default, uniffi::Record)]
pub struct RequestOptions {
    /// Time allowed for each attempt, in milliseconds.
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt; 0 disables retries.
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
}

impl From<RequestOptions> for headshotpro::RequestOptions {
    fn from(options: RequestOptions) -> Self {
        let mut request = Self::new();
        if let Some(ms) = options.timeout_ms {
            request = request.timeout(std::time::Duration::from_millis(ms));
        }
        if let Some(retries) = options.max_retries {
            request = request.max_retries(retries);
        }
        request
    }
}
