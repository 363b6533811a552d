//! Certificates: names, RSA public keys, signatures checked with them, and
//! the chain from a signer's certificate to a trusted one.

use der::asn1::{BmpString, Ia5String, PrintableStringRef, TeletexStringRef, Utf8StringRef};
use der::{Decode, Encode, Tag, Tagged};
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::{Pkcs1v15Sign, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::name::Name;
use x509_cert::Certificate;

pub const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
pub const SHA1_WITH_RSA: &str = "1.2.840.113549.1.1.5";
pub const SHA256_WITH_RSA: &str = "1.2.840.113549.1.1.11";
pub const SHA384_WITH_RSA: &str = "1.2.840.113549.1.1.12";
pub const SHA512_WITH_RSA: &str = "1.2.840.113549.1.1.13";
pub const SHA1: &str = "1.3.14.3.2.26";
pub const SHA256: &str = "2.16.840.1.101.3.4.2.1";
pub const SHA384: &str = "2.16.840.1.101.3.4.2.2";
pub const SHA512: &str = "2.16.840.1.101.3.4.2.3";
const COMMON_NAME: &str = "2.5.4.3";

/// Most certificates followed from a signer to a trusted one.
const MAX_CHAIN: usize = 10;

/// The digests signatures here may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DigestKind {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl DigestKind {
    pub fn from_oid(oid: &str) -> Option<DigestKind> {
        Some(match oid {
            SHA1 => DigestKind::Sha1,
            SHA256 => DigestKind::Sha256,
            SHA384 => DigestKind::Sha384,
            SHA512 => DigestKind::Sha512,
            _ => return None,
        })
    }

    /// The digest of `parts` one after another.
    pub fn digest(self, parts: &[&[u8]]) -> Vec<u8> {
        fn run<D: Digest>(parts: &[&[u8]]) -> Vec<u8> {
            let mut d = D::new();
            for p in parts {
                d.update(p);
            }
            d.finalize().to_vec()
        }
        match self {
            DigestKind::Sha1 => run::<Sha1>(parts),
            DigestKind::Sha256 => run::<Sha256>(parts),
            DigestKind::Sha384 => run::<Sha384>(parts),
            DigestKind::Sha512 => run::<Sha512>(parts),
        }
    }

    fn scheme(self) -> Pkcs1v15Sign {
        match self {
            DigestKind::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
            DigestKind::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
            DigestKind::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
            DigestKind::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
        }
    }
}

/// A directory string's text, whichever string type the CA chose.
fn text_of(value: &der::Any) -> Option<String> {
    let bytes = value.value();
    match value.tag() {
        Tag::Utf8String => Utf8StringRef::new(bytes).ok().map(|s| s.to_string()),
        Tag::PrintableString => PrintableStringRef::new(bytes).ok().map(|s| s.to_string()),
        Tag::TeletexString => TeletexStringRef::new(bytes).ok().map(|s| s.to_string()),
        Tag::Ia5String => Ia5String::new(bytes).ok().map(|s| s.to_string()),
        Tag::BmpString => BmpString::from_ucs2(bytes.to_vec())
            .ok()
            .map(|s| s.to_string()),
        _ => None,
    }
}

/// The first common name (CN) of a name.
pub fn common_name(name: &Name) -> Option<String> {
    name.0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|atv| atv.oid.to_string() == COMMON_NAME)
        .and_then(|atv| text_of(&atv.value))
}

/// The certificate's RSA public key.
pub fn rsa_public_key(cert: &Certificate) -> Result<RsaPublicKey, String> {
    let spki = &cert.tbs_certificate.subject_public_key_info;
    if spki.algorithm.oid.to_string() != RSA_ENCRYPTION {
        return Err(format!(
            "its key is not RSA (algorithm {}), which vanban does not check",
            spki.algorithm.oid
        ));
    }
    RsaPublicKey::from_pkcs1_der(spki.subject_public_key.raw_bytes())
        .map_err(|e| format!("its RSA key cannot be read: {e}"))
}

/// Checks `signature` over `message` by `signer`'s key, with the digest
/// named by the signature algorithm (or by `digest` for rsaEncryption).
pub fn verify_rsa(
    signer: &Certificate,
    algorithm: &str,
    digest: Option<DigestKind>,
    message: &[u8],
    signature: &[u8],
) -> Result<(), String> {
    let kind = match algorithm {
        SHA1_WITH_RSA => DigestKind::Sha1,
        SHA256_WITH_RSA => DigestKind::Sha256,
        SHA384_WITH_RSA => DigestKind::Sha384,
        SHA512_WITH_RSA => DigestKind::Sha512,
        RSA_ENCRYPTION => digest.ok_or("no digest algorithm named")?,
        other => {
            return Err(format!(
                "signature algorithm {other} is not checked by vanban"
            ))
        }
    };
    let key = rsa_public_key(signer)?;
    let hashed = kind.digest(&[message]);
    key.verify(kind.scheme(), &hashed, signature)
        .map_err(|_| "the signature does not match the signer's key".to_string())
}

/// Whether `issuer` signed `cert`.
fn issued_by(cert: &Certificate, issuer: &Certificate) -> bool {
    if cert.tbs_certificate.issuer != issuer.tbs_certificate.subject {
        return false;
    }
    let Ok(tbs) = cert.tbs_certificate.to_der() else {
        return false;
    };
    let algorithm = cert.signature_algorithm.oid.to_string();
    let Some(signature) = cert.signature.as_bytes() else {
        return false;
    };
    verify_rsa(issuer, &algorithm, None, &tbs, signature).is_ok()
}

/// Whether `cert` was valid at `unix` seconds.
fn valid_at(cert: &Certificate, unix: i64) -> bool {
    let v = &cert.tbs_certificate.validity;
    let secs = |t: &x509_cert::time::Time| t.to_unix_duration().as_secs() as i64;
    secs(&v.not_before) <= unix && unix <= secs(&v.not_after)
}

/// Whether `leaf` chains to one of `anchors` through `pool` (the
/// certificates the signature carries), each link's signature checked and
/// each certificate valid at `time`.
pub fn chains_to(
    leaf: &Certificate,
    pool: &[Certificate],
    anchors: &[Certificate],
    time: i64,
) -> bool {
    let mut current = leaf.clone();
    for _ in 0..MAX_CHAIN {
        if !valid_at(&current, time) {
            return false;
        }
        if anchors.contains(&current) {
            return true;
        }
        if let Some(anchor) = anchors.iter().find(|a| issued_by(&current, a)) {
            return valid_at(anchor, time);
        }
        match pool
            .iter()
            .find(|c| **c != current && issued_by(&current, c))
        {
            Some(next) => current = next.clone(),
            None => return false,
        }
    }
    false
}

/// Reads the certificates of a PEM file (`--trust`).
pub fn certificates_from_pem(text: &str) -> Result<Vec<Certificate>, String> {
    let certs = Certificate::load_pem_chain(text.as_bytes()).map_err(|e| e.to_string())?;
    if certs.is_empty() {
        return Err("no certificate in it".into());
    }
    Ok(certs)
}

/// A certificate from its DER.
pub fn certificate(der: &[u8]) -> Result<Certificate, String> {
    Certificate::from_der(der).map_err(|e| e.to_string())
}
