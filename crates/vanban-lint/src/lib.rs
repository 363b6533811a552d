//! vanban-lint: checks any DOCX or PDF against Decree 30/2020/NĐ-CP.
//!
//! A file is read into one neutral model ([`model::ReadDoc`]), its elements
//! are recognised by text and position, and every rule runs on that model,
//! so the same rule judges a DOCX and the PDF made of it.

pub mod docx;
pub mod error;
pub mod model;
pub mod pdf;

pub use error::ReadError;
pub use model::ReadDoc;

/// Reads a DOCX or a PDF, told apart by their first bytes.
pub fn read(bytes: &[u8]) -> Result<ReadDoc, ReadError> {
    if bytes.starts_with(b"%PDF") || bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        pdf::read(bytes)
    } else if bytes.starts_with(b"PK") {
        docx::read(bytes)
    } else {
        Err(ReadError::UnknownFormat)
    }
}
