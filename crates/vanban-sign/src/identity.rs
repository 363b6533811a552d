//! Who signs: a private key and its certificate chain, read from a PKCS#12
//! (.p12/.pfx) file as Vietnamese CAs and OpenSSL export them.

use der::Decode;
use rsa::pkcs8::DecodePrivateKey;
use rsa::RsaPrivateKey;
use x509_cert::Certificate;

use crate::SignError;

/// Largest .p12 file read (a key and a chain of a few certificates take
/// some 10 kB).
pub const MAX_P12_BYTES: u64 = 1 << 20;

/// A signing key with the certificate it belongs to and the rest of its
/// chain (issuer first), as embedded in each signature.
#[derive(Clone)]
pub struct Identity {
    pub(crate) key: RsaPrivateKey,
    pub(crate) cert: Certificate,
    pub(crate) chain: Vec<Certificate>,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity")
            .field("subject", &self.subject())
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// Reads a PKCS#12 file's bytes with its password. Only RSA keys are
    /// taken (every Vietnamese public CA issues RSA).
    pub fn from_p12(bytes: &[u8], password: &str) -> Result<Identity, SignError> {
        if bytes.len() as u64 > MAX_P12_BYTES {
            return Err(SignError::Key(format!(
                "{} bytes, more than a PKCS#12 file holds (limit {MAX_P12_BYTES})",
                bytes.len()
            )));
        }
        let store = p12_keystore::KeyStore::from_pkcs12(bytes, password).map_err(|e| {
            SignError::Key(format!(
                "not a PKCS#12 file this password opens ({e:?}); check VANBAN_P12_PASSWORD"
            ))
        })?;
        let (_, chain) = store.private_key_chain().ok_or_else(|| {
            SignError::Key("the PKCS#12 file holds no private key with its certificate".into())
        })?;
        let key = RsaPrivateKey::from_pkcs8_der(chain.key()).map_err(|e| {
            SignError::Key(format!(
                "the private key is not an RSA key vanban can use ({e})"
            ))
        })?;
        let mut certs = Vec::new();
        for c in chain.chain() {
            certs.push(
                Certificate::from_der(c.as_der())
                    .map_err(|e| SignError::Key(format!("a certificate in the file: {e}")))?,
            );
        }
        let mut certs = certs.into_iter();
        let cert = certs
            .next()
            .ok_or_else(|| SignError::Key("the PKCS#12 file holds no certificate".into()))?;
        let identity = Identity {
            key,
            cert,
            chain: certs.collect(),
        };
        identity.check_key_matches()?;
        Ok(identity)
    }

    /// The certificate's subject, as RFC 4514 writes it.
    pub fn subject(&self) -> String {
        self.cert.tbs_certificate.subject.to_string()
    }

    /// The certificate's common name (the person or the office).
    pub fn common_name(&self) -> String {
        crate::pkix::common_name(&self.cert.tbs_certificate.subject)
            .unwrap_or_else(|| self.subject())
    }

    fn check_key_matches(&self) -> Result<(), SignError> {
        use rsa::traits::PublicKeyParts;
        let public = crate::pkix::rsa_public_key(&self.cert)
            .map_err(|e| SignError::Key(format!("the certificate: {e}")))?;
        if public.n() != self.key.n() || public.e() != self.key.e() {
            return Err(SignError::Key(
                "the private key does not belong to the certificate in the file".into(),
            ));
        }
        Ok(())
    }
}
