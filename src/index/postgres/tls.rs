//! TLS to the store, with the URL's `sslmode` and `sslrootcert` read as libpq reads them, so
//! that a URL that works with psql works with silica:
//!
//! - `disable`: plain TCP.
//! - `prefer` (the default): TLS when the server offers it, else plain; `require`: TLS or
//!   nothing. Neither checks the server's certificate (encryption only, as in libpq),
//!   unless `sslrootcert` names a file: then the chain is checked as with `verify-ca`.
//! - `verify-ca`: the certificate must chain to `sslrootcert` (a PEM file; `system` or none
//!   for the system's roots). `verify-full`: that, and it must name the host.
//!
//! The driver knows only disable, prefer and require, and no `sslrootcert`; the verify
//! modes are `require` to it, with the checks in the rustls configuration given here. A
//! Unix socket never uses TLS (the server does not offer it there).

use anyhow::{bail, Context, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme,
};
use std::sync::Arc;
pub use tokio_postgres_rustls::MakeRustlsConnect;

/// How the server's certificate is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    /// Not at all (prefer and require without a root certificate).
    Nothing,
    /// It chains to the roots.
    Chain,
    /// It chains to the roots and names the host.
    ChainAndHost,
}

/// A store URL as the driver reads it, and the TLS connector for it.
pub struct TlsUrl {
    /// The URL with `sslrootcert` taken out and a verify mode written as `require`.
    pub url: String,
    pub connector: MakeRustlsConnect,
}

/// Reads `sslmode` and `sslrootcert` from `url`'s query and builds the connector.
pub fn tls_url(url: &str) -> Result<TlsUrl> {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, query),
        None => (url, ""),
    };
    let mut kept = Vec::new();
    let mut mode = None;
    let mut root_cert = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("sslmode", value)) => mode = Some(value.to_string()),
            Some(("sslrootcert", value)) => root_cert = Some(percent_decode(value)),
            _ => kept.push(pair.to_string()),
        }
    }
    let check = match (mode.as_deref(), &root_cert) {
        (None | Some("disable" | "allow" | "prefer" | "require"), None) => Check::Nothing,
        (None | Some("disable" | "allow" | "prefer" | "require"), Some(_)) => Check::Chain,
        (Some("verify-ca"), _) => Check::Chain,
        (Some("verify-full"), _) => Check::ChainAndHost,
        (Some(other), _) => bail!(
            "sslmode={other}: expected disable, allow, prefer, require, verify-ca or verify-full"
        ),
    };
    let driver_mode = match mode.as_deref() {
        Some("verify-ca" | "verify-full") => Some("require"),
        // The driver has no `allow` (plain first, TLS if refused); prefer is the nearest.
        Some("allow") => Some("prefer"),
        other => other,
    };
    if let Some(m) = driver_mode {
        kept.push(format!("sslmode={m}"));
    }
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    let config = client_config(check, root_cert.as_deref())?;
    Ok(TlsUrl {
        url,
        connector: MakeRustlsConnect::new(config),
    })
}

fn client_config(check: Check, root_cert: Option<&str>) -> Result<ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .context("TLS: no protocol version in common with rustls")?;
    let chain = match check {
        Check::Nothing => None,
        Check::Chain | Check::ChainAndHost => Some(
            WebPkiServerVerifier::builder_with_provider(
                Arc::new(roots(root_cert)?),
                provider.clone(),
            )
            .build()
            .context("TLS: the root certificates")?,
        ),
    };
    Ok(match (check, chain) {
        (Check::ChainAndHost, Some(webpki)) => {
            builder.with_webpki_verifier(webpki).with_no_client_auth()
        }
        (_, chain) => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Lenient { provider, chain }))
            .with_no_client_auth(),
    })
}

/// The roots from a PEM file, or the system's for none or `system` (as libpq 16 reads it).
fn roots(root_cert: Option<&str>) -> Result<RootCertStore> {
    let mut roots = RootCertStore::empty();
    match root_cert {
        None | Some("system") => {
            let found = rustls_native_certs::load_native_certs();
            let (added, _) = roots.add_parsable_certificates(found.certs);
            if added == 0 {
                bail!("TLS: no system root certificates found: give sslrootcert=FILE in the URL");
            }
        }
        Some(file) => {
            let certs = CertificateDer::pem_file_iter(file)
                .and_then(|certs| certs.collect::<std::result::Result<Vec<_>, _>>())
                .map_err(|e| anyhow::anyhow!("sslrootcert {file}: {e}"))?;
            let (added, _) = roots.add_parsable_certificates(certs);
            if added == 0 {
                bail!("sslrootcert {file}: no certificate in it");
            }
        }
    }
    Ok(roots)
}

/// `%2F` and the like in a query value (a path given in a URL).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// libpq's `require` (`chain` None) and `verify-ca`: the session is encrypted and the
/// handshake's signatures are checked against the certificate's key; who signed the
/// certificate is checked only with a `chain` verifier, and the name in it never.
#[derive(Debug)]
struct Lenient {
    provider: Arc<CryptoProvider>,
    chain: Option<Arc<WebPkiServerVerifier>>,
}

impl ServerCertVerifier for Lenient {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let Some(chain) = &self.chain else {
            return Ok(ServerCertVerified::assertion());
        };
        match chain.verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_modes_reach_the_driver_as_require_and_the_root_file_not_at_all() {
        let t = tls_url("postgres://u@db:5432/news?sslmode=disable").unwrap();
        assert_eq!(t.url, "postgres://u@db:5432/news?sslmode=disable");
        let t = tls_url("postgres://u@db/news").unwrap();
        assert_eq!(t.url, "postgres://u@db/news");
        let err = tls_url("postgres://u@db/news?sslmode=verify-full&sslrootcert=%2Fnone%2Fca.pem")
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("sslrootcert /none/ca.pem:"), "{err}");
        assert!(tls_url("postgres://u@db/news?sslmode=sometimes").is_err());
        assert_eq!(percent_decode("a%2Fb%20c%zz"), "a/b c%zz");
    }
}
