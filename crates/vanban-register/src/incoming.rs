//! The incoming book (sổ đăng ký văn bản đến): each received document gets
//! the next incoming number of the year (số đến, one sequence for paper and
//! electronic documents, Art. 22.2) and its arrival date; the same file
//! (by SHA-256) is never registered twice.

use vanban::Date;
use vanban_i18n::msg;

use crate::db::{self, Value};
use crate::entry::IncomingEntry;
use crate::error::{Error, Result};
use crate::lookup::{matches_words, Filter};
use crate::register::{allocate, iso, Register};

/// The name of the incoming sequence.
pub(crate) const SEQUENCE: &str = "incoming";

/// What was read (or typed) of a received document.
#[derive(Clone, Debug, Default)]
pub struct Received {
    pub issuer: String,
    pub number: i64,
    pub symbol: String,
    pub date: Option<Date>,
    /// A kind id (`cong-van`).
    pub kind: String,
    pub summary: String,
    pub file_name: String,
    pub sha256: String,
    /// Ngày đến; `None`: today in Vietnam.
    pub received_on: Option<Date>,
    pub recipient: Option<String>,
    pub note: Option<String>,
}

impl Register {
    /// Registers a received document.
    pub fn receive(&mut self, received: &Received) -> Result<IncomingEntry> {
        self.writable()?;
        let mut missing = Vec::new();
        for (field, value) in [
            ("issuer", &received.issuer),
            ("symbol", &received.symbol),
            ("kind", &received.kind),
            ("summary", &received.summary),
            ("sha256", &received.sha256),
        ] {
            if value.trim().is_empty() {
                missing.push(field);
            }
        }
        if received.number <= 0 {
            missing.push("number");
        }
        if !missing.is_empty() {
            return Err(Error::Invalid(msg!(
                "register-receive-missing",
                file = &received.file_name,
                fields = missing.join(", ")
            )));
        }
        let on = received.received_on.unwrap_or_else(|| self.today());
        let year = i32::from(on.year());
        let stamp = self.now_stamp();
        let file = received.file_name.clone();
        let result = self.conn().write(|tx| {
            if let Some(row) = tx.query_one(
                "SELECT year, incoming_number, received_on FROM vanban_incoming WHERE sha256 = ?",
                &[received.sha256.as_str().into()],
            )? {
                return Err(Error::AlreadyReceived {
                    file: file.clone(),
                    year: row.int(0) as i32,
                    incoming_number: row.int(1),
                    received_on: row.text(2),
                });
            }
            let number = allocate(tx, year, SEQUENCE)?;
            let sql = format!(
                "INSERT INTO vanban_incoming (year, incoming_number, received_on, issuer, number, symbol, date, \
                 kind, summary, file_name, sha256, recipient, note, recorded_at) \
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING {}",
                IncomingEntry::COLUMNS
            );
            let params: Vec<Value> = vec![
                year.into(),
                number.into(),
                iso(on).into(),
                received.issuer.trim().into(),
                received.number.into(),
                received.symbol.trim().into(),
                received.date.map(iso).into(),
                received.kind.as_str().into(),
                received.summary.trim().into(),
                received.file_name.as_str().into(),
                received.sha256.as_str().into(),
                received.recipient.clone().into(),
                received.note.clone().into(),
                stamp.as_str().into(),
            ];
            tx.query_one(&sql, &params)?
                .map(|r| IncomingEntry::from_row(&r))
                .ok_or_else(|| Error::Invalid(msg!("register-incoming-not-returned")))
        });
        match result {
            Err(e) if db::is_conflict(&e) => Err(Error::AlreadyReceived {
                file,
                year,
                incoming_number: 0,
                received_on: "the same moment, by another clerk".into(),
            }),
            other => other,
        }
    }

    /// The incoming entries matching `filter` (year, kind, words), in the
    /// order of their incoming numbers.
    pub fn incoming(&mut self, filter: &Filter) -> Result<Vec<IncomingEntry>> {
        let mut sql = format!(
            "SELECT {} FROM vanban_incoming WHERE 1 = 1",
            IncomingEntry::COLUMNS
        );
        let mut params: Vec<Value> = Vec::new();
        if let Some(year) = filter.year {
            sql.push_str(" AND year = ?");
            params.push(year.into());
        }
        if let Some(kind) = &filter.kind {
            sql.push_str(" AND kind = ?");
            params.push(kind.as_str().into());
        }
        sql.push_str(" ORDER BY year, incoming_number");
        let rows = self.conn().read(|tx| tx.query(&sql, &params))?;
        Ok(rows
            .iter()
            .map(IncomingEntry::from_row)
            .filter(|e| match &filter.text {
                Some(words) => matches_words(
                    &format!(
                        "{} {} {} {} {}",
                        e.number_symbol(),
                        e.issuer,
                        e.kind,
                        e.summary,
                        e.file_name
                    ),
                    words,
                ),
                None => true,
            })
            .collect())
    }
}
