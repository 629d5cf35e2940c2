//! Headers the caller adds to every request (`default_headers`, or per call
//! through `with_options`), and the application named in the user agent.
//!
//! Headers are checked when they are given, so a bad one is an
//! [`Error::InvalidArgument`] before any client is built: names must be
//! HTTP tokens, values must not contain CR, LF or other control bytes, and
//! the headers the SDK owns (`Authorization`, `Host`, `Content-Length`,
//! `Content-Type`, `User-Agent`, the hop-by-hop ones) cannot be replaced.

use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::redact::is_secret_name;

/// Headers the SDK sets itself or the connection needs, never replaced.
const RESERVED: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "host",
    "content-length",
    "content-type",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "te",
    "upgrade",
    "user-agent",
];

/// A checked set of extra request headers. Names compare without regard to
/// case; setting a name again replaces its value.
///
/// ```
/// let headers = headshotpro::CustomHeaders::from_pairs([("X-Team", "growth")])?;
/// assert_eq!(headers.get("x-team"), Some("growth"));
/// assert!(headshotpro::CustomHeaders::from_pairs([("Authorization", "Bearer x")]).is_err());
/// # Ok::<(), headshotpro::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CustomHeaders {
    map: HeaderMap,
}

impl CustomHeaders {
    /// No headers.
    pub fn new() -> Self {
        Self::default()
    }

    /// These headers, each checked; a later pair replaces an earlier one of
    /// the same name.
    pub fn from_pairs<I, K, V>(pairs: I) -> Result<Self>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut headers = Self::new();
        for (name, value) in pairs {
            headers.insert(name.as_ref(), value.as_ref())?;
        }
        Ok(headers)
    }

    /// Sets one header, replacing a value of the same name.
    pub fn insert(&mut self, name: &str, value: &str) -> Result<()> {
        let (name, value) = check(name, value)?;
        self.map.insert(name, value);
        Ok(())
    }

    /// The value of a header, by name in any case.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).and_then(|v| v.to_str().ok())
    }

    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every header as (lower-case name, value).
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.map
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)))
    }

    /// These headers with `over`'s set on top (theirs win).
    pub(crate) fn merged(&self, over: &Self) -> Self {
        let mut map = self.map.clone();
        for (name, value) in &over.map {
            map.insert(name.clone(), value.clone());
        }
        Self { map }
    }

    /// The headers as sent.
    pub(crate) fn map(&self) -> &HeaderMap {
        &self.map
    }
}

impl fmt::Debug for CustomHeaders {
    /// Values of secret-looking names (`X-Api-Key`, `X-Token`, …) are hidden.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        for (name, value) in self.iter() {
            if is_secret_name(name) {
                map.entry(&name, &"[redacted]");
            } else {
                map.entry(&name, &value);
            }
        }
        map.finish()
    }
}

/// Checks one header.
fn check(name: &str, value: &str) -> Result<(HeaderName, HeaderValue)> {
    if name.is_empty() {
        return Err(Error::invalid("a header name must not be empty"));
    }
    if name.contains(['\r', '\n']) || value.contains(['\r', '\n']) {
        return Err(Error::invalid(format!(
            "header {:?} contains a CR or LF, which could inject other headers",
            name.trim()
        )));
    }
    let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        Error::invalid(format!(
            "header name {name:?} is not a valid HTTP header name"
        ))
    })?;
    if RESERVED.contains(&header.as_str()) {
        let hint = match header.as_str() {
            "user-agent" => ": name your application with app_info instead",
            "authorization" => ": the client sends the API key itself",
            _ => "",
        };
        return Err(Error::invalid(format!(
            "header {name:?} is set by the SDK and cannot be replaced{hint}"
        )));
    }
    let value = HeaderValue::from_str(value).map_err(|_| {
        Error::invalid(format!(
            "the value of header {name:?} contains bytes a header cannot carry"
        ))
    })?;
    Ok((header, value))
}

/// The application using the SDK, appended to the user agent as Stripe's
/// `set_app_info` does: `name/version (url)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppInfo {
    /// The application's name, e.g. `AcmeOnboarding`.
    pub name: String,
    /// Its version, e.g. `1.4.2`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default)]
    pub version: Option<String>,
    /// Where to learn about it, e.g. `https://acme.example`.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[serde(default)]
    pub url: Option<String>,
}

impl AppInfo {
    /// An application with this name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            version: None,
            url: None,
        }
    }

    /// Its version.
    pub fn version(mut self, version: impl Into<String>) -> Self {
        self.version = Some(version.into());
        self
    }

    /// Its URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// `name`, `name/version`, `name (url)` or `name/version (url)`, after
    /// checking that each part is non-blank and fits in a header.
    pub(crate) fn user_agent_part(&self) -> Result<String> {
        let parts = [
            ("name", Some(&self.name)),
            ("version", self.version.as_ref()),
            ("url", self.url.as_ref()),
        ];
        for (field, part) in parts {
            let Some(part) = part else { continue };
            if part.trim().is_empty() {
                return Err(Error::invalid(format!(
                    "app_info {field} must not be empty"
                )));
            }
            if part.chars().any(char::is_control) {
                return Err(Error::invalid(format!(
                    "app_info {field} {part:?} contains control characters"
                )));
            }
        }
        let mut text = self.name.trim().to_owned();
        if let Some(version) = &self.version {
            text.push('/');
            text.push_str(version.trim());
        }
        if let Some(url) = &self.url {
            text.push_str(&format!(" ({})", url.trim()));
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_names_and_injections_are_refused() {
        for name in [
            "Authorization",
            "AUTHORIZATION",
            "host",
            "Content-Length",
            "User-Agent",
        ] {
            let err = CustomHeaders::from_pairs([(name, "x")]).unwrap_err();
            assert_eq!(err.class_name(), "InvalidArgumentError", "{name}");
        }
        for (name, value) in [
            ("X-A", "1\r\nX-Evil: 1"),
            ("X-A\n", "1"),
            ("X A", "1"),
            ("", "1"),
            ("X-A", "nul\0"),
        ] {
            assert!(
                CustomHeaders::from_pairs([(name, value)]).is_err(),
                "{name:?}"
            );
        }
    }

    #[test]
    fn later_values_replace_and_merge_overrides() {
        let base = CustomHeaders::from_pairs([("X-A", "1"), ("x-a", "2"), ("X-B", "b")]).unwrap();
        assert_eq!((base.len(), base.get("X-A")), (2, Some("2")));
        let over = CustomHeaders::from_pairs([("X-B", "call")]).unwrap();
        let merged = base.merged(&over);
        assert_eq!(merged.get("x-b"), Some("call"));
        assert_eq!(merged.get("x-a"), Some("2"));
        let secret = CustomHeaders::from_pairs([("X-Proxy-Token", "t0p")]).unwrap();
        assert!(!format!("{secret:?}").contains("t0p"));
    }

    #[test]
    fn app_info_follows_stripe_format() {
        let full = AppInfo::new("Acme")
            .version("1.2")
            .url("https://acme.example");
        assert_eq!(
            full.user_agent_part().unwrap(),
            "Acme/1.2 (https://acme.example)"
        );
        assert_eq!(AppInfo::new("Acme").user_agent_part().unwrap(), "Acme");
        assert!(AppInfo::new(" ").user_agent_part().is_err());
        assert!(AppInfo::new("A\r\nX: y").user_agent_part().is_err());
    }
}
