//! Which proxy API requests go through. Loopback hosts never use one (the key
//! must not leave the machine for a request to a local mock); otherwise the
//! builder's `proxy` setting, else the system's proxies (`HTTPS_PROXY`,
//! `HTTP_PROXY`, `ALL_PROXY` and `NO_PROXY`, and the macOS and Windows
//! settings).

use std::fmt;

use reqwest::{NoProxy, Proxy, Url};

use crate::config::is_loopback;
use crate::error::{Error, Result};

/// Hosts an explicit proxy never sees, whatever the base URL.
const LOOPBACK: &str = "localhost,127.0.0.1,::1";

/// A proxy URL as given to the builder, e.g. `http://user:pass@proxy:3128`.
/// Its `Debug` hides the credentials.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ProxyUrl(String);

impl ProxyUrl {
    /// Wraps a URL; [`ProxyUrl::url`] checks it.
    pub fn new(raw: impl Into<String>) -> Self {
        Self(raw.into())
    }

    /// The checked URL: `http` or `https`, with a host.
    pub fn url(&self) -> Result<Url> {
        let url = Url::parse(self.0.trim())
            .map_err(|e| Error::invalid(format!("proxy URL {self:?} is not a URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::invalid(format!(
                "proxy URL {self:?} has scheme {:?}; expected http or https",
                url.scheme()
            )));
        }
        if url.host().is_none() {
            return Err(Error::invalid(format!("proxy URL {self:?} has no host")));
        }
        Ok(url)
    }
}

impl fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match Url::parse(self.0.trim()) {
            Ok(mut url) => {
                if url.password().is_some() {
                    let _ = url.set_password(Some("redacted"));
                }
                if !url.username().is_empty() {
                    let _ = url.set_username("redacted");
                }
                write!(f, "{:?}", url.as_str())
            }
            Err(_) => f.write_str("\"<not a URL>\""),
        }
    }
}

/// Sets the proxy of the HTTP client that talks to `base_url`.
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
    proxy: Option<&ProxyUrl>,
    base_url: &str,
) -> Result<reqwest::ClientBuilder> {
    let base =
        Url::parse(base_url).map_err(|e| Error::invalid(format!("base URL {base_url:?}: {e}")))?;
    if is_loopback(&base) {
        return Ok(builder.no_proxy());
    }
    let Some(proxy) = proxy else {
        return Ok(builder);
    };
    let proxy = Proxy::all(proxy.url()?)
        .map_err(|e| Error::invalid(format!("proxy URL {proxy:?}: {e}")))?
        .no_proxy(NoProxy::from_string(LOOPBACK));
    Ok(builder.proxy(proxy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_credentials_and_bad_urls_are_refused() {
        let proxy = ProxyUrl::new("http://alice:s3cret@proxy.internal:3128");
        let shown = format!("{proxy:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("alice"),
            "{shown}"
        );
        assert!(shown.contains("proxy.internal:3128"));
        assert!(proxy.url().is_ok());
        for bad in ["socks5://p:1", "not a url", "ftp://p", "http://"] {
            let err = ProxyUrl::new(bad).url().unwrap_err();
            assert_eq!(err.class_name(), "InvalidArgumentError", "{bad}");
        }
    }
}
