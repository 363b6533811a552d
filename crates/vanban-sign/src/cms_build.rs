//! The CMS SignedData a PAdES baseline B-B signature holds (ETSI EN 319
//! 142-1 §6.3): detached, SHA-256, signed attributes content-type,
//! message-digest and signing-certificate-v2, and no signing-time (the
//! time is the signature dictionary's /M). RSA PKCS#1 v1.5 is
//! deterministic, so the same digest and key give the same bytes.

use cms::cert::IssuerAndSerialNumber;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{ObjectIdentifier as Oid, OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence};
use rsa::Pkcs1v15Sign;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::{GeneralName, GeneralNames};
use x509_cert::serial_number::SerialNumber;

use crate::identity::Identity;
use crate::SignError;

const ID_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_CERTIFICATE_V2: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.47");
const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");

/// ESS SigningCertificateV2 (RFC 5035): the signer's certificate by its
/// SHA-256 hash (the default algorithm, so not written) and its issuer and
/// serial number.
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

#[derive(Sequence)]
struct IssuerSerial {
    issuer: GeneralNames,
    serial_number: SerialNumber,
}

fn der_err(e: der::Error) -> SignError {
    SignError::Cms(e.to_string())
}

fn attribute(oid: Oid, value: impl Encode) -> Result<Attribute, SignError> {
    let value = Any::from_der(&value.to_der().map_err(der_err)?).map_err(der_err)?;
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value]).map_err(der_err)?,
    })
}

fn null_params(oid: Oid) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid,
        parameters: Some(Any::null()),
    }
}

/// The DER of a ContentInfo holding the SignedData that signs
/// `document_digest` (SHA-256 of the byte ranges) as `identity`.
pub(crate) fn signed_data(
    identity: &Identity,
    document_digest: &[u8],
) -> Result<Vec<u8>, SignError> {
    let cert = &identity.cert;
    let cert_der = cert.to_der().map_err(der_err)?;
    let tbs = &cert.tbs_certificate;
    let signing_certificate = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(Sha256::digest(&cert_der).to_vec()).map_err(der_err)?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(tbs.issuer.clone())],
                serial_number: tbs.serial_number.clone(),
            },
        }],
    };
    let signed_attrs = SetOfVec::try_from(vec![
        attribute(CONTENT_TYPE, ID_DATA)?,
        attribute(
            MESSAGE_DIGEST,
            OctetString::new(document_digest.to_vec()).map_err(der_err)?,
        )?,
        attribute(SIGNING_CERTIFICATE_V2, signing_certificate)?,
    ])
    .map_err(der_err)?;
    // The signature covers the attributes as a DER SET (RFC 5652 §5.4).
    let to_sign = signed_attrs.to_der().map_err(der_err)?;
    let signature = identity
        .key
        .sign(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(&to_sign))
        .map_err(|e| SignError::Cms(format!("RSA signing failed: {e}")))?;
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: tbs.issuer.clone(),
            serial_number: tbs.serial_number.clone(),
        }),
        digest_alg: AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        },
        signed_attrs: Some(signed_attrs),
        signature_algorithm: null_params(SHA256_WITH_RSA),
        signature: OctetString::new(signature).map_err(der_err)?,
        unsigned_attrs: None,
    };
    let mut certificates = Vec::new();
    for c in std::iter::once(cert).chain(&identity.chain) {
        certificates.push(cms::cert::CertificateChoices::Certificate(c.clone()));
    }
    let signed = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![AlgorithmIdentifierOwned {
            oid: SHA256,
            parameters: None,
        }])
        .map_err(der_err)?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(
            SetOfVec::try_from(certificates).map_err(der_err)?,
        )),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info]).map_err(der_err)?),
    };
    let info = ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed).map_err(der_err)?,
    };
    info.to_der().map_err(der_err)
}
