//! Verifying every signature of a PDF: that the bytes it claims to cover
//! are the ones hashed (/ByteRange leaves out exactly its own /Contents and
//! ends at a revision), that they hash to the signed message digest, that
//! the signer's key signed it, and whether the signer chains to a trusted
//! certificate.

use lopdf::{Document, Object};
use unicode_normalization::UnicodeNormalization;
use x509_cert::Certificate;

use crate::cms_read;
use crate::pkix;
use crate::time::{SigningTime, VIETNAM_OFFSET_MINUTES};
use crate::{Role, SignError};
use vanban_lint::LintLimits;

/// Most signature fields read from one file.
const MAX_SIGNATURES: usize = 100;
/// Most form fields walked looking for them, and how deep.
const MAX_FIELDS: usize = 10_000;
const MAX_FIELD_DEPTH: usize = 16;

/// One signature, as `vanban verify` reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct SignatureReport {
    /// The field's name.
    pub field: String,
    /// The signer's common name.
    pub signer: String,
    pub role: Role,
    /// The signing time, ISO 8601 in Vietnam's zone.
    pub time: Option<String>,
    /// The covered bytes hash to the signed digest and the signer's key
    /// signed it.
    pub intact: bool,
    /// The byte ranges reach the end of the file (the last revision).
    pub covers_whole_file: bool,
    /// The signer's certificate chains to a trusted one.
    pub trusted: bool,
    /// The byte ranges are well formed: they leave out exactly the
    /// signature's own /Contents and end where a revision ends.
    pub ranges_ok: bool,
    pub sub_filter: String,
    /// What is wrong, in words (empty when nothing is).
    pub problems: Vec<String>,
}

/// Every signature of a file, in the order they were made.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    pub signatures: Vec<SignatureReport>,
}

impl Report {
    /// No signature is broken and each covers what it claims.
    pub fn all_valid(&self) -> bool {
        self.signatures.iter().all(|s| s.intact && s.ranges_ok)
    }

    /// `{"signatures": [{"signer", "role", "time", "intact",
    /// "covers_whole_file", "trusted"}, …]}`.
    pub fn to_json(&self) -> serde_json::Value {
        let list: Vec<serde_json::Value> = self
            .signatures
            .iter()
            .map(|s| {
                serde_json::json!({
                    "signer": s.signer,
                    "role": s.role.as_str(),
                    "time": s.time,
                    "intact": s.intact,
                    "covers_whole_file": s.covers_whole_file,
                    "trusted": s.trusted,
                })
            })
            .collect();
        serde_json::json!({ "signatures": list })
    }
}

/// Verifies every signature of `pdf`; `trust` holds the trusted
/// certificates (none: no signature is trusted).
pub fn verify(pdf: &[u8], trust: &[Certificate], limits: &LintLimits) -> Result<Report, SignError> {
    if pdf.len() as u64 > limits.max_file_bytes {
        return Err(SignError::Read(vanban_lint::ReadError::Limit(
            vanban_lint::limits::Exceeded {
                place: "the file".into(),
                what: "bytes",
                limit: limits.max_file_bytes,
                flag: "--max-file-bytes",
            },
        )));
    }
    let doc = vanban_lint::pdf::load(pdf, limits)?;
    let mut found = Vec::new();
    signature_fields(&doc, &mut found)?;
    let mut signatures: Vec<(usize, SignatureReport)> = found
        .into_iter()
        .map(|(name, sig)| check(pdf, &name, &sig, trust))
        .collect();
    signatures.sort_by_key(|(end, _)| *end);
    Ok(Report {
        signatures: signatures.into_iter().map(|(_, s)| s).collect(),
    })
}

/// The signature fields with a value: (name, the /Sig dictionary).
fn signature_fields(
    doc: &Document,
    out: &mut Vec<(String, lopdf::Dictionary)>,
) -> Result<(), SignError> {
    let catalog = doc.catalog().map_err(|e| SignError::Pdf(e.to_string()))?;
    let form = match catalog.get(b"AcroForm") {
        Ok(o) => resolve(doc, o).and_then(|o| o.as_dict().ok()),
        Err(_) => None,
    };
    let Some(fields) = form
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
    else {
        return Ok(());
    };
    let mut stack: Vec<(Object, String, usize)> = fields
        .iter()
        .rev()
        .map(|f| (f.clone(), String::new(), 0))
        .collect();
    let mut walked = 0;
    while let Some((field, parent, depth)) = stack.pop() {
        walked += 1;
        if walked > MAX_FIELDS || depth > MAX_FIELD_DEPTH {
            return Err(SignError::Pdf(format!(
                "more than {MAX_FIELDS} form fields or deeper than {MAX_FIELD_DEPTH}"
            )));
        }
        let Some(dict) = resolve(doc, &field).and_then(|o| o.as_dict().ok()) else {
            continue;
        };
        let own = dict
            .get(b"T")
            .ok()
            .and_then(|t| t.as_str().ok())
            .map(pdf_text)
            .unwrap_or_default();
        let name = match (parent.is_empty(), own.is_empty()) {
            (true, _) => own,
            (false, true) => parent.clone(),
            (false, false) => format!("{parent}.{own}"),
        };
        if let Ok(kids) = dict.get(b"Kids").and_then(Object::as_array) {
            for kid in kids.iter().rev() {
                stack.push((kid.clone(), name.clone(), depth + 1));
            }
        }
        let is_sig = dict
            .get(b"FT")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"Sig");
        if let (true, Some(value)) = (
            is_sig,
            dict.get(b"V")
                .ok()
                .and_then(|v| resolve(doc, v))
                .and_then(|v| v.as_dict().ok()),
        ) {
            if out.len() >= MAX_SIGNATURES {
                return Err(SignError::Pdf(format!(
                    "more than {MAX_SIGNATURES} signatures"
                )));
            }
            out.push((name, value.clone()));
        }
    }
    Ok(())
}

fn resolve<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    match o {
        Object::Reference(id) => doc.get_object(*id).ok(),
        other => Some(other),
    }
}

/// A PDF text string (UTF-16BE with a mark, or PDFDocEncoding read as
/// Latin-1).
fn pdf_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

/// Checks one signature; returns where its ranges end (for the order).
fn check(
    pdf: &[u8],
    field: &str,
    sig: &lopdf::Dictionary,
    trust: &[Certificate],
) -> (usize, SignatureReport) {
    let mut problems = Vec::new();
    let sub_filter = sig
        .get(b"SubFilter")
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default();
    let claimed_time = sig
        .get(b"M")
        .and_then(Object::as_str)
        .ok()
        .and_then(|m| SigningTime::parse_pdf_date(&pdf_text(m)));
    let reason = sig
        .get(b"Reason")
        .and_then(Object::as_str)
        .ok()
        .map(pdf_text);
    let mut report = SignatureReport {
        field: field.to_string(),
        signer: String::new(),
        role: Role::Signer,
        time: None,
        intact: false,
        covers_whole_file: false,
        trusted: false,
        ranges_ok: false,
        sub_filter,
        problems: Vec::new(),
    };
    let ranges: Vec<i64> = sig
        .get(b"ByteRange")
        .and_then(Object::as_array)
        .map(|a| a.iter().filter_map(|o| o.as_i64().ok()).collect())
        .unwrap_or_default();
    let (cms_der, end) = match byte_ranges(pdf, &ranges) {
        Ok((der, end)) => {
            report.ranges_ok = true;
            report.covers_whole_file = end == pdf.len();
            if !report.covers_whole_file && !ends_a_revision(&pdf[..end]) {
                report.ranges_ok = false;
                problems
                    .push("its byte ranges do not end where a revision of the file ends".into());
            }
            (Some(der), end)
        }
        Err(e) => {
            problems.push(e);
            (None, usize::MAX)
        }
    };
    let contents = sig.get(b"Contents").and_then(Object::as_str).ok();
    if let (Some(der), Some(contents)) = (&cms_der, contents) {
        if trim_zeros(der) != trim_zeros(contents) {
            report.ranges_ok = false;
            problems.push("the bytes left out are not the signature's /Contents".into());
        }
    }
    let range_slices: Vec<&[u8]> = if cms_der.is_some() {
        let r: Vec<usize> = ranges.iter().map(|&v| v as usize).collect();
        vec![&pdf[r[0]..r[0] + r[1]], &pdf[r[2]..r[2] + r[3]]]
    } else {
        Vec::new()
    };
    let parsed = cms_der
        .as_deref()
        .or(contents)
        .ok_or_else(|| "no /Contents".to_string())
        .and_then(cms_read::read);
    match parsed {
        Err(e) => problems.push(format!("its CMS cannot be read: {e}")),
        Ok(cms) => {
            let time = cms.signing_time.or(claimed_time.map(|t| t.unix));
            report.time = time.map(|unix| {
                SigningTime {
                    unix,
                    offset_minutes: VIETNAM_OFFSET_MINUTES,
                }
                .iso()
            });
            match &cms.signer {
                None => problems.push("the signer's certificate is not in the signature".into()),
                Some(cert) => {
                    report.signer = pkix::common_name(&cert.tbs_certificate.subject)
                        .unwrap_or_else(|| cert.tbs_certificate.subject.to_string());
                    report.role = role(field, reason.as_deref(), cert);
                    let intact = intact(&cms, cert, &range_slices);
                    match intact {
                        Ok(()) => report.intact = !range_slices.is_empty(),
                        Err(e) => problems.push(e),
                    }
                    report.trusted = !trust.is_empty()
                        && pkix::chains_to(cert, &cms.certificates, trust, time.unwrap_or(0));
                }
            }
        }
    }
    report.problems = problems;
    (end, report)
}

/// The CMS between the two ranges, checked to be one hex string that the
/// ranges leave out exactly; and where the second range ends.
fn byte_ranges(pdf: &[u8], r: &[i64]) -> Result<(Vec<u8>, usize), String> {
    let [a, b, c, d] = r else {
        return Err("its /ByteRange is not four numbers".into());
    };
    let fits = *a == 0
        && *b > 0
        && c > b
        && *d >= 0
        && (*c as u64).saturating_add(*d as u64) <= pdf.len() as u64;
    if !fits {
        return Err(format!(
            "its /ByteRange [{a} {b} {c} {d}] does not fit the file"
        ));
    }
    let gap = &pdf[*b as usize..*c as usize];
    let hex = gap
        .strip_prefix(b"<")
        .and_then(|g| g.strip_suffix(b">"))
        .ok_or("the bytes its /ByteRange leaves out are not one hex string")?;
    if hex.len() % 2 != 0 || !hex.iter().all(u8::is_ascii_hexdigit) {
        return Err("the bytes its /ByteRange leaves out are not one hex string".into());
    }
    let der = hex
        .chunks_exact(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).unwrap_or("zz"), 16).unwrap_or(0))
        .collect();
    Ok((der, (*c + *d) as usize))
}

fn trim_zeros(b: &[u8]) -> &[u8] {
    let end = b.iter().rposition(|&x| x != 0).map_or(0, |i| i + 1);
    &b[..end]
}

/// Whether the bytes end with `%%EOF` (and an end of line): a revision.
fn ends_a_revision(bytes: &[u8]) -> bool {
    let trimmed = bytes
        .iter()
        .rposition(|b| !b" \r\n\t\0".contains(b))
        .map_or(&[][..], |i| &bytes[..=i]);
    trimmed.ends_with(b"%%EOF")
}

/// The digest of the ranges is the signed message digest, and the signer's
/// key signed the attributes (or, without them, the digest itself).
fn intact(cms: &cms_read::Cms, cert: &Certificate, ranges: &[&[u8]]) -> Result<(), String> {
    let kind = cms.digest.ok_or_else(|| {
        format!(
            "digest algorithm {} is not checked by vanban",
            cms.digest_oid
        )
    })?;
    let digest = kind.digest(ranges);
    match &cms.signed_attrs {
        Some(attrs) => {
            if cms.message_digest.as_deref() != Some(&digest[..]) {
                return Err(
                    "the file's bytes changed after it was signed (the digest differs)".into(),
                );
            }
            pkix::verify_rsa(
                cert,
                &cms.signature_algorithm,
                Some(kind),
                attrs,
                &cms.signature,
            )
        }
        None => {
            // Without signed attributes the signature is over the content.
            let content: Vec<u8> = ranges.concat();
            pkix::verify_rsa(
                cert,
                &cms.signature_algorithm,
                Some(kind),
                &content,
                &cms.signature,
            )
            .map_err(|_| "the file's bytes changed after it was signed".to_string())
        }
    }
}

/// Who signed, by vanban's field names and reasons, else by the
/// certificate: an office's certificate names an organisation (a tax or
/// budget code, or a CN that opens as office names do).
fn role(field: &str, reason: Option<&str>, cert: &Certificate) -> Role {
    if field.starts_with("signer") || reason == Some(Role::Signer.reason()) {
        return Role::Signer;
    }
    if field.starts_with("office") || reason == Some(Role::Office.reason()) {
        return Role::Office;
    }
    let subject = cert.tbs_certificate.subject.to_string();
    if subject.contains("MST:") || subject.contains("MNS:") {
        return Role::Office;
    }
    let cn: String = pkix::common_name(&cert.tbs_certificate.subject)
        .unwrap_or_default()
        .nfc()
        .collect::<String>()
        .to_uppercase();
    const OFFICES: [&str; 24] = [
        "ỦY BAN",
        "UỶ BAN",
        "UBND",
        "HĐND",
        "HỘI ĐỒNG",
        "SỞ ",
        "BỘ ",
        "CỤC ",
        "CHI CỤC",
        "TỔNG CỤC",
        "VĂN PHÒNG",
        "TRUNG TÂM",
        "BAN ",
        "PHÒNG ",
        "CÔNG TY",
        "TRƯỜNG",
        "BỆNH VIỆN",
        "VIỆN ",
        "KHO BẠC",
        "TỈNH ỦY",
        "THÀNH ỦY",
        "HUYỆN ỦY",
        "ĐẢNG ỦY",
        "CƠ QUAN",
    ];
    if OFFICES.iter().any(|o| cn.starts_with(o)) {
        Role::Office
    } else {
        Role::Signer
    }
}
