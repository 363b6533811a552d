//! Reads the CMS SignedData of a signature made by any tool: a small DER
//! walk, so that the signed attributes are checked over the very bytes the
//! signer wrote (re-encoding them would reorder a SET a tool left unsorted).

use der::asn1::ObjectIdentifier;
use x509_cert::Certificate;

use crate::pkix::{self, DigestKind};

/// What a signature's CMS says.
pub(crate) struct Cms {
    pub digest: Option<DigestKind>,
    pub digest_oid: String,
    /// The signed attributes as signed (tagged as a SET).
    pub signed_attrs: Option<Vec<u8>>,
    pub message_digest: Option<Vec<u8>>,
    /// The signing-time attribute, in Unix seconds.
    pub signing_time: Option<i64>,
    pub signature_algorithm: String,
    pub signature: Vec<u8>,
    pub certificates: Vec<Certificate>,
    /// The certificate the signer identifier names, if it is carried.
    pub signer: Option<Certificate>,
}

#[derive(Clone, Copy)]
struct Tlv<'a> {
    tag: u8,
    /// The whole element, header and content.
    whole: &'a [u8],
    content: &'a [u8],
}

/// Reads one element at the start of `data`.
fn tlv(data: &[u8]) -> Result<(Tlv<'_>, &[u8]), String> {
    let short = || "the signature's DER ends early".to_string();
    let tag = *data.first().ok_or_else(short)?;
    if tag & 0x1f == 0x1f {
        return Err("a DER tag of more than one byte".into());
    }
    let first = *data.get(1).ok_or_else(short)?;
    let (len, header) = if first < 0x80 {
        (first as usize, 2)
    } else if first == 0x80 {
        return Err("BER indefinite lengths are not read".into());
    } else {
        let n = (first & 0x7f) as usize;
        if n > 4 {
            return Err("a DER length beyond 4 bytes".into());
        }
        let bytes = data.get(2..2 + n).ok_or_else(short)?;
        (
            bytes.iter().fold(0usize, |a, &b| a << 8 | b as usize),
            2 + n,
        )
    };
    let end = header.checked_add(len).ok_or_else(short)?;
    if end > data.len() {
        return Err(short());
    }
    Ok((
        Tlv {
            tag,
            whole: &data[..end],
            content: &data[header..end],
        },
        &data[end..],
    ))
}

/// The elements inside a constructed one.
fn children(content: &[u8]) -> Result<Vec<Tlv<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = content;
    while !rest.is_empty() {
        let (t, r) = tlv(rest)?;
        out.push(t);
        rest = r;
        if out.len() > 10_000 {
            return Err("more than 10,000 elements in one DER value".into());
        }
    }
    Ok(out)
}

fn expect(t: &Tlv, tag: u8, what: &str) -> Result<(), String> {
    if t.tag == tag {
        Ok(())
    } else {
        Err(format!(
            "{what}: DER tag {:#04x} where {tag:#04x} was expected",
            t.tag
        ))
    }
}

fn oid(t: &Tlv) -> Result<String, String> {
    expect(t, 0x06, "an object identifier")?;
    ObjectIdentifier::from_bytes(t.content)
        .map(|o| o.to_string())
        .map_err(|e| e.to_string())
}

/// The OID of an AlgorithmIdentifier.
fn algorithm(t: &Tlv) -> Result<String, String> {
    expect(t, 0x30, "an algorithm")?;
    let parts = children(t.content)?;
    oid(parts.first().ok_or("an empty algorithm")?)
}

/// UTCTime or GeneralizedTime (`…Z`) in Unix seconds.
fn time(t: &Tlv) -> Option<i64> {
    let s = std::str::from_utf8(t.content).ok()?.strip_suffix('Z')?;
    let full = match t.tag {
        0x17 if s.len() == 12 => {
            let yy: i64 = s[..2].parse().ok()?;
            format!("{}{s}", if yy >= 50 { 19 } else { 20 })
        }
        0x18 if s.len() >= 14 => s[..14].to_string(),
        _ => return None,
    };
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &full[..4],
        &full[4..6],
        &full[6..8],
        &full[8..10],
        &full[10..12],
        &full[12..14]
    );
    crate::time::SigningTime::parse_iso(&iso)
        .ok()
        .map(|t| t.unix)
}

/// Reads the DER of a ContentInfo holding a SignedData (trailing zero
/// padding, as /Contents carries, is ignored). The walk has a fixed depth:
/// it never recurses on what the input nests.
pub(crate) fn read(der: &[u8]) -> Result<Cms, String> {
    let (info, _) = tlv(der)?;
    expect(&info, 0x30, "the ContentInfo")?;
    let parts = children(info.content)?;
    if parts.len() < 2 || oid(&parts[0])? != "1.2.840.113549.1.7.2" {
        return Err("not a CMS SignedData".into());
    }
    expect(&parts[1], 0xa0, "the SignedData wrapper")?;
    let (signed, _) = tlv(parts[1].content)?;
    expect(&signed, 0x30, "the SignedData")?;
    let fields = children(signed.content)?;
    let mut certificates = Vec::new();
    let mut signer_infos = None;
    for f in fields.iter().skip(3) {
        match f.tag {
            0xa0 => {
                for c in children(f.content)? {
                    // Other certificate formats (tagged) are skipped; a
                    // certificate x509-cert cannot read is left out.
                    if c.tag == 0x30 {
                        if let Ok(cert) = pkix::certificate(c.whole) {
                            certificates.push(cert);
                        }
                    }
                }
            }
            0x31 => signer_infos = Some(*f),
            _ => {}
        }
    }
    let infos = children(signer_infos.ok_or("no SignerInfos")?.content)?;
    let info = infos.first().ok_or("no SignerInfo")?;
    expect(info, 0x30, "the SignerInfo")?;
    let items = children(info.content)?;
    if items.len() < 5 {
        return Err("a SignerInfo with missing fields".into());
    }
    let sid = items[1];
    let digest_oid = algorithm(&items[2])?;
    let mut next = 3;
    let mut signed_attrs = None;
    let mut message_digest = None;
    let mut signing_time = None;
    if items[next].tag == 0xa0 {
        let raw = items[next].whole;
        let mut as_set = raw.to_vec();
        as_set[0] = 0x31;
        signed_attrs = Some(as_set);
        for attr in children(items[next].content)? {
            let kv = children(attr.content)?;
            let (Some(k), Some(values)) = (kv.first(), kv.get(1)) else {
                continue;
            };
            let value = children(values.content)?.into_iter().next();
            match (oid(k)?.as_str(), value) {
                ("1.2.840.113549.1.9.4", Some(v)) if v.tag == 0x04 => {
                    message_digest = Some(v.content.to_vec())
                }
                ("1.2.840.113549.1.9.5", Some(v)) => signing_time = time(&v),
                _ => {}
            }
        }
        next += 1;
    }
    let signature_algorithm = algorithm(items.get(next).ok_or("no signature algorithm")?)?;
    let sig = items.get(next + 1).ok_or("no signature value")?;
    expect(sig, 0x04, "the signature value")?;
    let signer = find_signer(&sid, &certificates);
    Ok(Cms {
        digest: DigestKind::from_oid(&digest_oid),
        digest_oid,
        signed_attrs,
        message_digest,
        signing_time,
        signature_algorithm,
        signature: sig.content.to_vec(),
        certificates,
        signer,
    })
}

/// The certificate an IssuerAndSerialNumber or a SubjectKeyIdentifier
/// names.
fn find_signer(sid: &Tlv, certificates: &[Certificate]) -> Option<Certificate> {
    use der::{Decode, Encode};
    match sid.tag {
        0x30 => {
            let id = cms::cert::IssuerAndSerialNumber::from_der(sid.whole).ok()?;
            certificates
                .iter()
                .find(|c| {
                    c.tbs_certificate.issuer == id.issuer
                        && c.tbs_certificate.serial_number == id.serial_number
                })
                .cloned()
        }
        0x80 => certificates
            .iter()
            .find(|c| {
                c.tbs_certificate.extensions.iter().flatten().any(|e| {
                    e.extn_id.to_string() == "2.5.29.14"
                        && e.extn_value.as_bytes().get(2..) == Some(sid.content)
                })
            })
            .cloned(),
        _ => None,
    }
    .filter(|c| c.to_der().is_ok())
}
