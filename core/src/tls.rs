//! TLS: rustls with the ring provider and the platform's trust store, falling
//! back to Mozilla's root certificates where the platform has none (minimal
//! containers, chroots).

use std::sync::Arc;

use rustls::client::WantsClientCert;
use rustls::{ClientConfig, ConfigBuilder, RootCertStore};
use rustls_platform_verifier::BuilderVerifierExt;

use crate::error::{Error, Result};

/// A rustls configuration that does not depend on a process-wide provider.
pub(crate) fn client_config() -> Result<ClientConfig> {
    let mut config = with_roots()?.with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

fn with_roots() -> Result<ConfigBuilder<ClientConfig, WantsClientCert>> {
    let builder = || {
        ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid(format!("TLS setup failed: {e}")))
    };
    match builder()?.with_platform_verifier() {
        Ok(platform) => Ok(platform),
        Err(err) => {
            tracing::debug!(error = %err, "no usable platform trust store; using bundled roots");
            let roots = RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            Ok(builder()?.with_root_certificates(roots))
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn builds_a_config() {
        let config = super::client_config().unwrap();
        assert_eq!(config.alpn_protocols.len(), 2);
    }
}
