//! Finding entries: by id or `number/symbol`, lists by year and kind,
//! search by text; and the changes an entry may take afterwards (void),
//! and checking the recorded files (verify).

use std::str::FromStr;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use vanban_i18n::msg;

use crate::db::Value;
use crate::entry::{Book, Entry, RenderStatus, Status};
use crate::error::{Error, Result};
use crate::issue::sha256_hex;
use crate::register::{describe, entry_by_id, NewEntry, Register};

/// An entry named by its id (`12`, `#12`) or its number and symbol
/// (`15/KH-VP`, in `year` when given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryRef {
    Id(i64),
    Number {
        number: i64,
        symbol: String,
        year: Option<i32>,
    },
}

impl FromStr for EntryRef {
    type Err = Error;

    fn from_str(text: &str) -> Result<EntryRef> {
        let text = text.trim();
        let bad = || Error::Invalid(msg!("register-bad-ref", text = text));
        match text.split_once('/') {
            Some((number, symbol)) => Ok(EntryRef::Number {
                number: number.trim().parse().map_err(|_| bad())?,
                symbol: symbol.trim().to_owned(),
                year: None,
            }),
            None => text
                .trim_start_matches('#')
                .parse()
                .map(EntryRef::Id)
                .map_err(|_| bad()),
        }
    }
}

impl EntryRef {
    /// The same reference, in `year` (for `number/symbol`).
    pub fn in_year(self, year: Option<i32>) -> EntryRef {
        match self {
            EntryRef::Number { number, symbol, .. } => EntryRef::Number {
                number,
                symbol,
                year,
            },
            id => id,
        }
    }
}

/// Which entries to list.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub year: Option<i32>,
    /// A kind id (`ke-hoach`).
    pub kind: Option<String>,
    pub book: Option<Book>,
    pub status: Option<Status>,
    /// Words every listed entry holds (summary, symbol, signer,
    /// recipients, issuer), compared in NFC without case.
    pub text: Option<String>,
}

/// A recorded file as found now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileCheck {
    pub entry: String,
    pub path: String,
    /// `ok`, `changed` or `missing`.
    pub state: String,
}

/// Lower case NFC, for searching.
pub(crate) fn fold(text: &str) -> String {
    text.nfc().collect::<String>().to_lowercase()
}

pub(crate) fn matches_words(haystack: &str, words: &str) -> bool {
    let haystack = fold(haystack);
    fold(words).split_whitespace().all(|w| haystack.contains(w))
}

impl Register {
    /// One entry.
    pub fn entry(&mut self, which: &EntryRef) -> Result<Entry> {
        match which {
            EntryRef::Id(id) => self.conn().read(|tx| entry_by_id(tx, *id)),
            EntryRef::Number {
                number,
                symbol,
                year,
            } => {
                let mut sql = format!(
                    "SELECT {} FROM vanban_entries WHERE number = ? AND symbol = ?",
                    Entry::COLUMNS
                );
                let mut params: Vec<Value> = vec![(*number).into(), symbol.as_str().into()];
                if let Some(year) = year {
                    sql.push_str(" AND year = ?");
                    params.push((*year).into());
                }
                sql.push_str(" ORDER BY year DESC");
                let found: Vec<Entry> = self
                    .conn()
                    .read(|tx| tx.query(&sql, &params))?
                    .iter()
                    .map(Entry::from_row)
                    .collect();
                let name = format!("{number:02}/{symbol}");
                match found.as_slice() {
                    [] => Err(Error::NotFound(name)),
                    [one] => Ok(one.clone()),
                    many => Err(Error::Invalid(msg!(
                        "register-several-years",
                        entry = &name,
                        years = many
                            .iter()
                            .map(|e| e.year.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))),
                }
            }
        }
    }

    /// The outgoing-side entries (and copies) matching `filter`, in the
    /// order they were registered.
    pub fn entries(&mut self, filter: &Filter) -> Result<Vec<Entry>> {
        let mut sql = format!("SELECT {} FROM vanban_entries WHERE 1 = 1", Entry::COLUMNS);
        let mut params: Vec<Value> = Vec::new();
        if let Some(year) = filter.year {
            sql.push_str(" AND year = ?");
            params.push(year.into());
        }
        if let Some(kind) = &filter.kind {
            sql.push_str(" AND kind = ?");
            params.push(kind.as_str().into());
        }
        if let Some(book) = filter.book {
            sql.push_str(" AND book = ?");
            params.push(book.as_str().into());
        }
        if let Some(status) = filter.status {
            sql.push_str(" AND status = ?");
            params.push(status.as_str().into());
        }
        sql.push_str(" ORDER BY year, id");
        let rows = self.conn().read(|tx| tx.query(&sql, &params))?;
        Ok(rows
            .iter()
            .map(Entry::from_row)
            .filter(|e| match &filter.text {
                Some(words) => matches_words(&searchable(e), words),
                None => true,
            })
            .collect())
    }

    /// Holds the next number for a document signed on paper, completed
    /// later by [`issue_reserved`](Register::issue_reserved). `entry` needs
    /// at least its kind and symbol.
    pub fn reserve(&mut self, entry: &NewEntry) -> Result<Entry> {
        if entry.kind.trim().is_empty() || entry.symbol.trim().is_empty() {
            return Err(Error::Invalid(msg!("register-reserve-needs")));
        }
        let mut entry = entry.clone();
        entry.status = Some(Status::Reserved);
        entry.render_status = Some(RenderStatus::None);
        self.record(&entry)
    }

    /// Cancels an entry with a reason; its number stays in the book and is
    /// never given again.
    pub fn void(&mut self, which: &EntryRef, reason: &str) -> Result<Entry> {
        self.writable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::Invalid(msg!("register-void-reason")));
        }
        let entry = self.entry(which)?;
        if entry.status == Status::Void {
            return Err(Error::Invalid(msg!(
                "register-already-void",
                entry = describe(&entry)
            )));
        }
        self.conn().write(|tx| {
            tx.exec(
                "UPDATE vanban_entries SET status = 'void', void_reason = ? WHERE id = ?",
                &[reason.into(), entry.id.into()],
            )?;
            entry_by_id(tx, entry.id)
        })
    }

    /// Re-hashes every file recorded for the entries of `filter`; returns
    /// one line per file (`ok`, `changed`, `missing`).
    pub fn verify(&mut self, filter: &Filter, max_bytes: u64) -> Result<Vec<FileCheck>> {
        let mut checks = Vec::new();
        for entry in self.entries(filter)? {
            for file in &entry.files {
                let state =
                    match vanban::limits::read_bytes(std::path::Path::new(&file.path), max_bytes) {
                        Ok(bytes) if sha256_hex(&bytes) == file.sha256 => "ok",
                        Ok(_) => "changed",
                        Err(_) if !std::path::Path::new(&file.path).exists() => "missing",
                        Err(_) => "changed",
                    };
                checks.push(FileCheck {
                    entry: describe(&entry).english(),
                    path: file.path.clone(),
                    state: state.into(),
                });
            }
        }
        Ok(checks)
    }
}

fn searchable(e: &Entry) -> String {
    format!(
        "{} {} {} {} {} {} {}",
        e.number_symbol(),
        e.kind,
        e.summary,
        e.signer,
        e.recipients.join(" "),
        e.note.as_deref().unwrap_or(""),
        e.void_reason.as_deref().unwrap_or("")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_named_by_id_or_number_and_symbol() {
        assert_eq!("12".parse::<EntryRef>().unwrap(), EntryRef::Id(12));
        assert_eq!("#12".parse::<EntryRef>().unwrap(), EntryRef::Id(12));
        assert_eq!(
            "05/KH-VP".parse::<EntryRef>().unwrap(),
            EntryRef::Number {
                number: 5,
                symbol: "KH-VP".into(),
                year: None
            }
        );
        assert!("KH-VP".parse::<EntryRef>().is_err());
    }

    #[test]
    fn search_ignores_case_and_normalisation() {
        // "Kế hoạch" typed decomposed (NFD) still finds the NFC text.
        let nfd: String = "KẾ HOẠCH".nfd().collect();
        assert!(matches_words("Kế hoạch tuyên truyền", &nfd));
        assert!(!matches_words("Báo cáo", "kế"));
    }
}
