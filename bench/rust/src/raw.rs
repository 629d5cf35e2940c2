//! The baseline: what a user would write by hand with reqwest.

use serde::Deserialize;

/// A hand-written client over reqwest with the SDK's pool settings.
pub struct RawClient {
    http: reqwest::Client,
    base: String,
    auth: String,
}

#[derive(Deserialize)]
struct Credits {
    credits: i64,
}

#[derive(Deserialize)]
struct Invite {
    id: String,
}

impl RawClient {
    /// Builds the client: connect timeout, idle pool timeout and nodelay as the SDK.
    pub fn new(base: &str, key: &str) -> Result<Self, reqwest::Error> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(10))
            .pool_idle_timeout(std::time::Duration::from_secs(60))
            .tcp_nodelay(true)
            .user_agent(concat!(
                "bench-raw-reqwest/",
                env!("CARGO_PKG_VERSION"),
                " core/0.1.0"
            ))
            .build()?;
        Ok(Self {
            http,
            base: base.trim_end_matches('/').to_owned(),
            auth: format!("Bearer {key}"),
        })
    }

    /// GET credits and parse them.
    pub async fn credits(&self) -> Result<usize, String> {
        let answer: Credits = self
            .http
            .get(format!("{}/api/v1/organization/credits", self.base))
            .header("Authorization", &self.auth)
            .header("Accept", "application/json")
            .timeout(std::time::Duration::from_secs(60))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        Ok(usize::try_from(answer.credits).unwrap_or(0))
    }

    /// POST an invite and parse the answer.
    pub async fn invite(&self, email: &str) -> Result<usize, String> {
        let answer: Invite = self
            .http
            .post(format!("{}/api/v1/organization/invite", self.base))
            .header("Authorization", &self.auth)
            .header("Accept", "application/json")
            .timeout(std::time::Duration::from_secs(60))
            .json(&serde_json::json!({ "email": email }))
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| e.to_string())?
            .json()
            .await
            .map_err(|e| e.to_string())?;
        Ok(answer.id.len())
    }
}
