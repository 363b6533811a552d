//! vanban-sign: PAdES signatures for e-documents (Decree 30, Art. 5 and
//! Appendix I): sign a PDF as an incremental update (the signer's, then
//! the office's, each leaving the ones before valid) and verify every
//! signature a PDF carries.
//!
//! `sign` reads the file with the linter's bounded reader
//! (`vanban_lint::pdf::load`, `LintLimits`), appends a signature field, its
//! widget and appearance ([`appearance`]) and a /Sig dictionary whose
//! /Contents holds a CMS SignedData ([`cms_build`]) over the byte ranges;
//! `verify` reads each signature back ([`verify`]).

pub mod appearance;
mod cms_build;
mod cms_read;
mod identity;
pub mod marks;
mod pkix;
pub mod placement;
mod sign;
pub mod time;
pub mod verify;
mod write;

pub use appearance::{Appearance, Rect};
pub use identity::{Identity, MAX_P12_BYTES};
pub use placement::Signing;
pub use sign::{sign, SignOptions};
pub use time::SigningTime;
pub use vanban_lint::LintLimits;
pub use verify::{verify, Report, SignatureReport};
pub use x509_cert::Certificate;

/// Who a signature is by, as the decree names them (ô 7c and ô 8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The competent person who signs the document.
    Signer,
    /// The issuing (or copying) office, whose signature stands for its seal.
    Office,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Signer => "signer",
            Role::Office => "office",
        }
    }

    /// The /Reason written into the signature dictionary.
    fn reason(self) -> &'static str {
        match self {
            Role::Signer => "Người có thẩm quyền ký",
            Role::Office => "Cơ quan, tổ chức ký",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        match s {
            "signer" => Ok(Role::Signer),
            "office" => Ok(Role::Office),
            other => Err(format!("role `{other}`: expected signer or office")),
        }
    }
}

/// Why a PDF could not be signed or read.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    /// The key file: unreadable, wrong password, not RSA.
    #[error("the key: {0}")]
    Key(String),
    /// The PDF could not be read (or passed a reading limit).
    #[error("{0}")]
    Read(#[from] vanban_lint::ReadError),
    /// The PDF lacks what a signature needs (a catalog, a page).
    #[error("the PDF: {0}")]
    Pdf(String),
    /// The appearance (image or text) could not be drawn.
    #[error("{0}")]
    Appearance(String),
    /// Building the CMS failed.
    #[error("the signature: {0}")]
    Cms(String),
}

/// A number as PDF content streams write it.
pub(crate) fn write_real(v: f32) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Reads a PEM file's certificates (the trust store of `verify --trust`).
pub fn trust_anchors(pem: &str) -> Result<Vec<Certificate>, String> {
    pkix::certificates_from_pem(pem)
}
