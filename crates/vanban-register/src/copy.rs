//! Copies (sao y, sao lục, trích sao): numbered in one sequence of their
//! own, shared by the three kinds and restarting each year (Appendix I,
//! part II: `Số: 05/SY-UBND`). `vanban copy --db` asks for the number here.

use vanban::Date;
use vanban_i18n::msg;

use crate::entry::{Book, Entry, RenderStatus};
use crate::error::{Error, Result};
use crate::register::{NewEntry, Register};

/// The three forms of copy (Art. 25), as the core names them: `SY`, `SL`,
/// `TrS` (Appendix III) in the symbol.
pub use vanban::copy::CopyKind;

/// A copy to number and record.
#[derive(Clone, Debug)]
pub struct CopyRequest {
    pub kind: CopyKind,
    /// The copying office's abbreviation (`UBND`): the symbol is `SY-UBND`.
    pub issuer_abbreviation: String,
    /// `None`: today in Vietnam.
    pub date: Option<Date>,
    /// What is copied (`Quyết định số 15/QĐ-UBND …`).
    pub summary: String,
    pub signer: String,
    pub recipients: Vec<String>,
    pub note: Option<String>,
}

impl Register {
    /// Numbers and records a copy (its files are written by the caller,
    /// who then records them with [`set_rendered`](Register::set_rendered)).
    pub fn issue_copy(&mut self, copy: &CopyRequest) -> Result<Entry> {
        let issuer = copy.issuer_abbreviation.trim();
        if issuer.is_empty() {
            return Err(Error::Invalid(msg!("register-copy-no-issuer")));
        }
        self.record(&NewEntry {
            book: Some(Book::Copy),
            kind: copy.kind.id().into(),
            symbol: format!("{}-{issuer}", copy.kind.abbreviation()),
            date: copy.date,
            summary: copy.summary.clone(),
            signer: copy.signer.clone(),
            recipients: copy.recipients.clone(),
            archive: "VT".into(),
            note: copy.note.clone(),
            render_status: Some(RenderStatus::Pending),
            ..NewEntry::default()
        })
    }
}
