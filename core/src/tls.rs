//! TLS: rustls with the ring provider. Trust comes from the platform's
//! verifier (the system store, plus the builder's extra roots), except on
//! Android, where Mozilla's bundled roots are used so that no JNI set-up is
//! needed. Where the platform has no trust store at all (minimal containers),
//! the bundled roots are used; but when `SSL_CERT_FILE` / `SSL_CERT_DIR` name a
//! bundle that yields no certificate, building a client fails instead of
//! silently trusting more than the user chose.
//!
//! A configuration is built once per process for each distinct set of extra
//! roots and shared by every client (and by every later client).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use rustls::client::WantsClientCert;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use rustls::{ClientConfig, ConfigBuilder, RootCertStore};

use crate::error::{Error, Result};

/// Root certificates trusted in addition to the platform's, as DER.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct ExtraRoots(Vec<Vec<u8>>);

impl ExtraRoots {
    /// Reads every `CERTIFICATE` block of a PEM text; each must be a usable
    /// trust anchor.
    pub fn from_pem(pem: &[u8]) -> Result<Self> {
        let bad = |why: String| Error::invalid(format!("extra_root_certificates: {why}"));
        let certs = CertificateDer::pem_slice_iter(pem)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| bad(format!("not PEM certificates ({e})")))?;
        if certs.is_empty() {
            return Err(bad("no -----BEGIN CERTIFICATE----- block found".into()));
        }
        let mut store = RootCertStore::empty();
        for cert in &certs {
            store
                .add(cert.clone())
                .map_err(|e| bad(format!("not a usable root certificate ({e})")))?;
        }
        Ok(Self(certs.iter().map(|c| c.to_vec()).collect()))
    }

    fn certificates(&self) -> impl Iterator<Item = CertificateDer<'static>> + '_ {
        self.0.iter().map(|der| CertificateDer::from(der.clone()))
    }
}

impl fmt::Debug for ExtraRoots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ExtraRoots({} certificates)", self.0.len())
    }
}

/// The shared configuration for this set of extra roots, built on first use.
pub(crate) fn client_config_for(extra: &ExtraRoots) -> Result<Arc<ClientConfig>> {
    static CONFIGS: OnceLock<Mutex<HashMap<ExtraRoots, Arc<ClientConfig>>>> = OnceLock::new();
    let configs = CONFIGS.get_or_init(Mutex::default);
    let mut configs = configs.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(config) = configs.get(extra) {
        return Ok(config.clone());
    }
    let mut config = with_roots(extra)?.with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    let config = Arc::new(config);
    configs.insert(extra.clone(), config.clone());
    Ok(config)
}

fn builder() -> Result<ConfigBuilder<ClientConfig, rustls::WantsVerifier>> {
    ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::invalid(format!("TLS setup failed: {e}")))
}

/// Mozilla's roots, bundled in the binary, plus the extra ones.
fn bundled(extra: &ExtraRoots) -> Result<ConfigBuilder<ClientConfig, WantsClientCert>> {
    let mut roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    roots.add_parsable_certificates(extra.certificates());
    Ok(builder()?.with_root_certificates(roots))
}

#[cfg(target_os = "android")]
fn with_roots(extra: &ExtraRoots) -> Result<ConfigBuilder<ClientConfig, WantsClientCert>> {
    bundled(extra)
}

#[cfg(not(target_os = "android"))]
fn with_roots(extra: &ExtraRoots) -> Result<ConfigBuilder<ClientConfig, WantsClientCert>> {
    let builder = builder()?;
    let provider = builder.crypto_provider().clone();
    match rustls_platform_verifier::Verifier::new_with_extra_roots(extra.certificates(), provider) {
        Ok(verifier) => Ok(builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))),
        Err(err) => {
            if let Some((name, value)) = chosen_bundle() {
                return Err(Error::invalid(format!(
                    "TLS trust: {name}={value} yields no usable certificate ({err}); fix or unset \
                     {name} (the SDK will not fall back to its bundled roots, which would trust \
                     more than you chose), or pass extra_root_certificates"
                )));
            }
            tracing::info!(error = %err, "no platform trust store; using the bundled Mozilla roots");
            bundled(extra)
        }
    }
}

/// The trust-store variable the platform verifier reads, when one is set.
#[cfg(not(target_os = "android"))]
fn chosen_bundle() -> Option<(&'static str, String)> {
    if !cfg!(all(unix, not(target_vendor = "apple"))) {
        return None;
    }
    ["SSL_CERT_FILE", "SSL_CERT_DIR"]
        .into_iter()
        .find_map(|name| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(|v| (name, v.to_string_lossy().into_owned()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CA: &str = include_str!("../tests/fixtures/ca.pem");

    #[test]
    fn builds_a_config() {
        let config = client_config_for(&ExtraRoots::default()).unwrap();
        assert_eq!(config.alpn_protocols.len(), 2);
    }

    #[test]
    fn one_config_per_root_set() {
        let none = ExtraRoots::default();
        let ca = ExtraRoots::from_pem(CA.as_bytes()).unwrap();
        let twice = ExtraRoots::from_pem(format!("{CA}\n").as_bytes()).unwrap();
        let a = client_config_for(&none).unwrap();
        assert!(Arc::ptr_eq(&a, &client_config_for(&none).unwrap()));
        let b = client_config_for(&ca).unwrap();
        assert!(!Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(&b, &client_config_for(&twice).unwrap()));
        assert_eq!(format!("{ca:?}"), "ExtraRoots(1 certificates)");
    }
}
