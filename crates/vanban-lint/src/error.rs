//! Why a file could not be read at all (exit status 2), as opposed to a
//! finding about a document that was read.

use std::fmt;

use vanban_i18n::{msg, Message};

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
    /// A list in `word/numbering.xml` starting past Word's largest start.
    NumberingStart { start: u64, max: u64 },
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

impl ReadError {
    /// Why, as a catalogue message: shown in the reader's language (a
    /// parser's own words quoted after ours).
    pub fn message(&self) -> Message {
        match self {
            ReadError::UnknownFormat => msg!("lint-read-unknown-format"),
            ReadError::Zip(e) => msg!("lint-read-zip", reason = e),
            ReadError::MissingPart(p) => msg!("lint-read-missing-part", part = p),
            ReadError::Xml { part, message } => {
                msg!("lint-read-xml", part = part, reason = message)
            }
            ReadError::NumberingStart { start, max } => {
                msg!(
                    "lint-read-numbering-start",
                    start = vanban_i18n::Arg::count(*start),
                    max = *max
                )
            }
            ReadError::Pdf(e) => msg!("lint-read-pdf", reason = e),
            ReadError::Encrypted => msg!("lint-read-encrypted"),
            ReadError::Limit(e) => e.message(),
            ReadError::FixRefused(e) => msg!("lint-read-fix-refused", reason = e),
            ReadError::Io(e) => Message::text(e),
        }
    }
}

/// In the process's language (English unless `--lang` says otherwise).
impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl std::error::Error for ReadError {}
