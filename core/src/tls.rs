//! TLS: rustls with the ring provider and the platform's trust store.

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

use crate::error::{Error, Result};

/// A rustls configuration that does not depend on a process-wide provider.
pub(crate) fn client_config() -> Result<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::invalid(format!("TLS setup failed: {e}")))?
        .with_platform_verifier()
        .map_err(|e| Error::invalid(format!("TLS setup failed: {e}")))?
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}
