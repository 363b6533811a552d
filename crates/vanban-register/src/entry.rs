//! The entries of the register books, as the library hands them out (and as
//! `--json` prints them).

use serde::{Deserialize, Serialize};

use crate::db::Row;

/// Which book an outgoing-side entry is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Book {
    /// Sổ đăng ký văn bản đi.
    Outgoing,
    /// Secret documents: a book and a sequence of their own (Art. 15.2).
    Secret,
    /// Bản sao (sao y, sao lục, trích sao): their own sequence.
    Copy,
}

impl Book {
    pub fn as_str(self) -> &'static str {
        match self {
            Book::Outgoing => "outgoing",
            Book::Secret => "secret",
            Book::Copy => "copy",
        }
    }

    pub fn parse(text: &str) -> Book {
        match text {
            "copy" => Book::Copy,
            "secret" => Book::Secret,
            _ => Book::Outgoing,
        }
    }
}

/// Where an entry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Issued,
    /// A number held for a document signed on paper, completed later.
    Reserved,
    /// Cancelled with a reason: the number stays in the book, never reused.
    Void,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Issued => "issued",
            Status::Reserved => "reserved",
            Status::Void => "void",
        }
    }

    fn parse(text: &str) -> Status {
        match text {
            "reserved" => Status::Reserved,
            "void" => Status::Void,
            _ => Status::Issued,
        }
    }
}

/// Whether the entry's files were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RenderStatus {
    /// Nothing to render (reserved, imported, recorded without files).
    None,
    /// Recorded; the files are being written (or the writer was killed:
    /// `vanban register render` writes them).
    Pending,
    Done,
    /// Recorded, but writing the files failed (`render_error` says why).
    Failed,
}

impl RenderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RenderStatus::None => "none",
            RenderStatus::Pending => "pending",
            RenderStatus::Done => "done",
            RenderStatus::Failed => "failed",
        }
    }

    fn parse(text: &str) -> RenderStatus {
        match text {
            "pending" => RenderStatus::Pending,
            "done" => RenderStatus::Done,
            "failed" => RenderStatus::Failed,
            _ => RenderStatus::None,
        }
    }
}

/// A file written for an entry, with its SHA-256 (hex) when written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRecord {
    pub path: String,
    pub sha256: String,
}

/// One line of the outgoing book (or of the copies).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub book: Book,
    pub year: i32,
    /// The sequence it was numbered in: `shared`, `kind:ke-hoach`,
    /// `body:<name>`, `secret`, `copy`.
    pub sequence: String,
    pub number: i64,
    pub symbol: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub status: Status,
    /// The kind's id (`ke-hoach`); for a copy `sao-y`, `sao-luc`, `trich-sao`.
    pub kind: String,
    pub summary: String,
    pub signer: String,
    pub recipients: Vec<String>,
    /// Đơn vị, người nhận bản lưu (`VT, VP`).
    pub archive: String,
    pub copies: Option<i64>,
    pub drafter: Option<String>,
    pub secrecy: Option<String>,
    pub urgency: Option<String>,
    /// The advisory body (Hội đồng, Ban, Tổ) whose sequence it is in.
    pub body: Option<String>,
    pub files: Vec<FileRecord>,
    pub render_status: RenderStatus,
    pub render_error: Option<String>,
    pub void_reason: Option<String>,
    pub note: Option<String>,
    /// When the entry was committed (UTC).
    pub recorded_at: String,
}

impl Entry {
    /// `15/KH-VP` (the number printed with at least two digits).
    pub fn number_symbol(&self) -> String {
        format!("{:02}/{}", self.number, self.symbol)
    }

    /// The columns [`from_row`](Entry::from_row) reads, in order.
    pub(crate) const COLUMNS: &'static str = "id, book, year, sequence, number, symbol, date, status, kind, summary, signer, recipients, archive, copies, drafter, secrecy, urgency, body, files, render_status, render_error, void_reason, note, recorded_at";

    pub(crate) fn from_row(row: &Row) -> Entry {
        Entry {
            id: row.int(0),
            book: Book::parse(&row.text(1)),
            year: row.int(2) as i32,
            sequence: row.text(3),
            number: row.int(4),
            symbol: row.text(5),
            date: row.text(6),
            status: Status::parse(&row.text(7)),
            kind: row.text(8),
            summary: row.text(9),
            signer: row.text(10),
            recipients: serde_json::from_str(&row.text(11)).unwrap_or_default(),
            archive: row.text(12),
            copies: row.opt_int(13),
            drafter: row.opt_text(14),
            secrecy: row.opt_text(15),
            urgency: row.opt_text(16),
            body: row.opt_text(17),
            files: serde_json::from_str(&row.text(18)).unwrap_or_default(),
            render_status: RenderStatus::parse(&row.text(19)),
            render_error: row.opt_text(20),
            void_reason: row.opt_text(21),
            note: row.opt_text(22),
            recorded_at: row.text(23),
        }
    }
}

/// One line of the incoming book (sổ đăng ký văn bản đến). `number`,
/// `symbol`, `date`, `kind`, `summary` are the received document's own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingEntry {
    pub id: i64,
    pub year: i32,
    /// Số đến: from 01 each year, one sequence for paper and electronic.
    pub incoming_number: i64,
    /// Ngày đến, `YYYY-MM-DD`.
    pub received_on: String,
    /// Tác giả: the issuing authority.
    pub issuer: String,
    pub number: i64,
    pub symbol: String,
    /// The document's date, `YYYY-MM-DD`, when it has one.
    pub date: Option<String>,
    /// The kind's id (`cong-van`).
    pub kind: String,
    pub summary: String,
    pub file_name: String,
    pub sha256: String,
    /// Đơn vị hoặc người nhận.
    pub recipient: Option<String>,
    pub note: Option<String>,
    pub recorded_at: String,
}

impl IncomingEntry {
    pub(crate) const COLUMNS: &'static str = "id, year, incoming_number, received_on, issuer, number, symbol, date, kind, summary, file_name, sha256, recipient, note, recorded_at";

    pub(crate) fn from_row(row: &Row) -> IncomingEntry {
        IncomingEntry {
            id: row.int(0),
            year: row.int(1) as i32,
            incoming_number: row.int(2),
            received_on: row.text(3),
            issuer: row.text(4),
            number: row.int(5),
            symbol: row.text(6),
            date: row.opt_text(7),
            kind: row.text(8),
            summary: row.text(9),
            file_name: row.text(10),
            sha256: row.text(11),
            recipient: row.opt_text(12),
            note: row.opt_text(13),
            recorded_at: row.text(14),
        }
    }

    /// `15/UBND-VX`.
    pub fn number_symbol(&self) -> String {
        format!("{:02}/{}", self.number, self.symbol)
    }
}
