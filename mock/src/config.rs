//! How a mock server starts: [`MockConfig`], its organizations and the `--config` file.

use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

/// The api key of the default organization unless configured otherwise.
pub const DEFAULT_API_KEY: &str = "hp_test_mock_key";

/// The credits an organization starts with unless configured otherwise.
pub const DEFAULT_CREDITS: i64 = 100;

/// The photos a model gets when it turns active unless configured otherwise.
pub const DEFAULT_PHOTOS_PER_MODEL: u32 = 8;

/// How long a signed photo URL stays valid unless configured otherwise (24 hours).
pub const DEFAULT_PHOTO_URL_TTL: Duration = Duration::from_secs(24 * 60 * 60);

/// The length of a rate-limit window unless configured otherwise (a minute).
pub const DEFAULT_RATE_WINDOW: Duration = Duration::from_secs(60);

/// Where the V2 answers put their fields: the docs disagree, so the mock does both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Envelope {
    /// Fields beside `success` at the top level (the default).
    #[default]
    Top,
    /// Fields inside `data`: `{"success": true, "data": {...}}`.
    Data,
}

impl Envelope {
    /// The wire name: `top` or `data`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Top => "top",
            Self::Data => "data",
        }
    }

    /// Reads `top` or `data`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "top" => Some(Self::Top),
            "data" => Some(Self::Data),
            _ => None,
        }
    }
}

/// Everything a [`crate::MockServer`] needs to start. `Default` gives the SPEC's defaults:
/// loopback on an ephemeral port, key [`DEFAULT_API_KEY`], 100 credits, whitelabel
/// enabled, no webhook URL, webhooks after 5 s retried every 5 s, development models
/// stepping every second, no rate limit (a one-minute window when one is set), no invite
/// limit, 8 photos per active model behind URLs valid for 24 hours, plain HTTP, no extra
/// organizations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockConfig {
    /// The address to listen on (default `127.0.0.1`).
    pub host: String,
    /// The port to listen on; 0 picks a free one (default 0).
    pub port: u16,
    /// The api key of the default organization.
    pub api_key: String,
    /// The default organization's starting credits.
    pub credits: i64,
    /// Whether the default organization has the whitelabel feature.
    pub whitelabel: bool,
    /// Where the default organization's webhooks go (none: no deliveries).
    pub webhook_url: Option<String>,
    /// The default organization's webhook signing secret (none: unsigned webhooks).
    pub webhook_secret: Option<String>,
    /// The wait between an event and its first delivery attempt.
    pub webhook_delay: Duration,
    /// The wait between delivery attempts.
    pub webhook_retry: Duration,
    /// The time a development model spends in each status after onboarding.
    pub dev_step: Duration,
    /// Requests allowed per api key and rate window (none: unlimited).
    pub rate_limit: Option<u32>,
    /// The length of a rate-limit window (default a minute).
    pub rate_window: Duration,
    /// Pending invites allowed per organization (none: unlimited).
    pub invite_limit: Option<u32>,
    /// The photos a model gets when it turns active (default 8).
    pub photos_per_model: u32,
    /// How long a signed photo URL stays valid (default 24 hours; zero: already expired).
    pub photo_url_ttl: Duration,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate generated at start; see
    /// [`crate::MockServer::ca_pem`].
    pub tls: bool,
    /// More organizations, each with its own key. One with the default key replaces the
    /// default organization's settings.
    pub organizations: Vec<OrganizationConfig>,
}

impl Default for MockConfig {
    fn default() -> Self {
        Self {
            host: "127.0.0.1".to_owned(),
            port: 0,
            api_key: DEFAULT_API_KEY.to_owned(),
            credits: DEFAULT_CREDITS,
            whitelabel: true,
            webhook_url: None,
            webhook_secret: None,
            webhook_delay: Duration::from_millis(5000),
            webhook_retry: Duration::from_millis(5000),
            dev_step: Duration::from_millis(1000),
            rate_limit: None,
            rate_window: DEFAULT_RATE_WINDOW,
            invite_limit: None,
            photos_per_model: DEFAULT_PHOTOS_PER_MODEL,
            photo_url_ttl: DEFAULT_PHOTO_URL_TTL,
            tls: false,
            organizations: Vec::new(),
        }
    }
}

/// One organization's starting settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganizationConfig {
    /// The key its requests carry as `Authorization: Bearer <key>`.
    pub api_key: String,
    /// Its display name.
    pub name: String,
    /// Its website.
    pub website: String,
    /// Its description (shown by the team endpoints).
    pub description: String,
    /// Its starting credits.
    pub credits: i64,
    /// Whether the whitelabel endpoints are enabled.
    pub whitelabel: bool,
    /// Where its webhooks go.
    pub webhook_url: Option<String>,
    /// Its webhook signing secret.
    pub webhook_secret: Option<String>,
    /// Pending invites allowed (none: unlimited).
    pub invite_limit: Option<u32>,
    /// Requests allowed per rate window (none: unlimited).
    pub rate_limit: Option<u32>,
    /// The length of its rate-limit window.
    pub rate_window: Duration,
    /// The photos each of its models gets when it turns active.
    pub photos_per_model: u32,
    /// How long its signed photo URLs stay valid.
    pub photo_url_ttl: Duration,
    /// Where its V2 answers put their fields.
    pub envelope: Envelope,
}

impl OrganizationConfig {
    /// An organization with the given key and the defaults: 100 credits, whitelabel on,
    /// no webhooks, no limits, 8 photos per model behind 24-hour URLs, top-level fields.
    pub fn new(api_key: impl Into<String>) -> Self {
        Self {
            api_key: api_key.into(),
            name: "Mock Organization".to_owned(),
            website: "https://example.com".to_owned(),
            description: "An organization emulated by headshotpro-mock".to_owned(),
            credits: DEFAULT_CREDITS,
            whitelabel: true,
            webhook_url: None,
            webhook_secret: None,
            invite_limit: None,
            rate_limit: None,
            rate_window: DEFAULT_RATE_WINDOW,
            photos_per_model: DEFAULT_PHOTOS_PER_MODEL,
            photo_url_ttl: DEFAULT_PHOTO_URL_TTL,
            envelope: Envelope::Top,
        }
    }
}

impl Default for OrganizationConfig {
    fn default() -> Self {
        Self::new(DEFAULT_API_KEY)
    }
}

impl MockConfig {
    /// The default organization as described by the top-level fields.
    pub fn default_organization(&self) -> OrganizationConfig {
        OrganizationConfig {
            credits: self.credits,
            whitelabel: self.whitelabel,
            webhook_url: self.webhook_url.clone(),
            webhook_secret: self.webhook_secret.clone(),
            invite_limit: self.invite_limit,
            rate_limit: self.rate_limit,
            rate_window: self.rate_window,
            photos_per_model: self.photos_per_model,
            photo_url_ttl: self.photo_url_ttl,
            ..OrganizationConfig::new(self.api_key.clone())
        }
    }

    /// Every organization the server starts with, the default one first. Later entries
    /// with an already used key replace the earlier one.
    pub fn all_organizations(&self) -> Vec<OrganizationConfig> {
        let mut all = vec![self.default_organization()];
        for org in &self.organizations {
            match all.iter_mut().find(|o| o.api_key == org.api_key) {
                Some(existing) => *existing = org.clone(),
                None => all.push(org.clone()),
            }
        }
        all
    }

    /// Reads a `--config` file (see the README) and appends its organizations. Fields an
    /// organization leaves out take the top-level values of `self` (credits, whitelabel,
    /// webhook URL and secret, invite and rate limits, rate window, photos per model, photo
    /// URL lifetime).
    pub fn load_file(&mut self, path: &Path) -> Result<(), String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        self.load_json(&text)
            .map_err(|e| format!("invalid config {}: {e}", path.display()))
    }

    /// Like [`MockConfig::load_file`], from the file's text.
    pub fn load_json(&mut self, text: &str) -> Result<(), String> {
        let file: ConfigFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        for org in file.organizations {
            if org.api_key.trim().is_empty() {
                return Err("an organization has an empty apiKey".to_owned());
            }
            let base = OrganizationConfig::new(org.api_key.clone());
            self.organizations.push(OrganizationConfig {
                name: org.name.unwrap_or(base.name),
                website: org.website.unwrap_or(base.website),
                description: org.description.unwrap_or(base.description),
                credits: org.credits.unwrap_or(self.credits),
                whitelabel: org.whitelabel.unwrap_or(self.whitelabel),
                webhook_url: org.webhook_url.unwrap_or_else(|| self.webhook_url.clone()),
                webhook_secret: org
                    .webhook_secret
                    .unwrap_or_else(|| self.webhook_secret.clone()),
                invite_limit: org.invite_limit.unwrap_or(self.invite_limit),
                rate_limit: org.rate_limit.unwrap_or(self.rate_limit),
                rate_window: org
                    .rate_window_ms
                    .map_or(self.rate_window, Duration::from_millis),
                photos_per_model: org.photos_per_model.unwrap_or(self.photos_per_model),
                photo_url_ttl: org
                    .photo_url_ttl_ms
                    .map_or(self.photo_url_ttl, Duration::from_millis),
                envelope: match org.envelope.as_deref() {
                    None => Envelope::Top,
                    Some(text) => Envelope::parse(text).ok_or_else(|| {
                        format!("envelope must be \"top\" or \"data\", not {text:?}")
                    })?,
                },
                api_key: org.api_key,
            });
        }
        Ok(())
    }
}

/// The `--config` file: `{"organizations": [...]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    organizations: Vec<FileOrganization>,
}

/// One organization in the `--config` file. A field given as `null` is cleared; a field
/// left out is inherited.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FileOrganization {
    api_key: String,
    name: Option<String>,
    website: Option<String>,
    description: Option<String>,
    credits: Option<i64>,
    whitelabel: Option<bool>,
    #[serde(default, deserialize_with = "present")]
    webhook_url: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    webhook_secret: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    invite_limit: Option<Option<u32>>,
    #[serde(default, deserialize_with = "present")]
    rate_limit: Option<Option<u32>>,
    rate_window_ms: Option<u64>,
    photos_per_model: Option<u32>,
    photo_url_ttl_ms: Option<u64>,
    envelope: Option<String>,
}

/// Tells a field given as `null` (`Some(None)`) from a field left out (`None`).
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_organizations_inherit_and_override() {
        let mut config = MockConfig {
            credits: 7,
            webhook_url: Some("http://127.0.0.1:9/hook".to_owned()),
            ..MockConfig::default()
        };
        let text = r#"{"organizations": [
            {"apiKey": "k2", "name": "Two", "webhookUrl": null, "rateLimit": 5},
            {"apiKey": "hp_test_mock_key", "credits": 3}
        ]}"#;
        assert_eq!(config.load_json(text), Ok(()));
        let all = config.all_organizations();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].credits, 3);
        assert_eq!(all[1].name, "Two");
        assert_eq!(all[1].credits, 7);
        assert_eq!(all[1].webhook_url, None);
        assert_eq!(all[1].rate_limit, Some(5));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let mut config = MockConfig::default();
        assert!(config
            .load_json(r#"{"organizations": [{"apiKey": "k", "credit": 1}]}"#)
            .is_err());
    }
}
