//! Why a file could not be read at all (exit status 2), as opposed to a
//! finding about a document that was read.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// Neither a ZIP (DOCX) nor a PDF.
    UnknownFormat,
    /// A DOCX whose ZIP container cannot be opened.
    Zip(String),
    /// A part the DOCX must have is missing.
    MissingPart(String),
    /// A part that is not well-formed XML.
    Xml { part: String, message: String },
    /// A part whose values no word processor writes.
    Invalid { part: String, message: String },
    /// A PDF the parser cannot load.
    Pdf(String),
    /// A PDF that is encrypted: its text cannot be judged without the key.
    Encrypted,
    /// A reading limit was passed (see [`crate::limits`]).
    Limit(crate::limits::Exceeded),
    /// `--fix` would not be safe: nothing is written (the reason says why).
    FixRefused(String),
    /// The file itself cannot be read.
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::UnknownFormat => write!(f, "neither a DOCX nor a PDF"),
            ReadError::Zip(e) => write!(f, "not a readable DOCX (ZIP): {e}"),
            ReadError::MissingPart(p) => write!(f, "DOCX without its part {p}"),
            ReadError::Xml { part, message } => write!(f, "{part}: not well-formed XML: {message}"),
            ReadError::Invalid { part, message } => write!(f, "{part}: {message}"),
            ReadError::Pdf(e) => write!(f, "not a readable PDF: {e}"),
            ReadError::Encrypted => write!(
                f,
                "an encrypted PDF: its text cannot be read to be judged; lint the unencrypted file"
            ),
            ReadError::Limit(e) => write!(f, "{e}"),
            ReadError::FixRefused(e) => write!(f, "nothing written: {e}"),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}
