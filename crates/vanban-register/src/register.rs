//! The register: opening (by path or URL), its settings, and numbering —
//! a number is allocated and its entry recorded in one transaction, so a
//! number exists only as a committed entry: no gaps, no duplicates.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use vanban::Date;
use vanban_i18n::{msg, Message};

use crate::clock::{self, Clock, SystemClock};
use crate::db::{self, Conn, Settings, Tx, Value};
use crate::entry::{Book, Entry, FileRecord, RenderStatus, Status};
use crate::error::{Error, Result};
use crate::schema;

/// How outgoing documents are numbered (Art. 15.1.c: the head of the
/// office decides), set when the register is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// One sequence for every kind (the default).
    Shared,
    /// One sequence per kind (Kế hoạch 01, 02 …; Báo cáo 01, 02 …).
    PerKind,
}

impl Scheme {
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Shared => "shared",
            Scheme::PerKind => "per-kind",
        }
    }

    pub fn parse(text: &str) -> Result<Scheme> {
        match text.trim() {
            "shared" | "chung" => Ok(Scheme::Shared),
            "per-kind" | "kind" | "theo-loai" => Ok(Scheme::PerKind),
            other => Err(Error::Invalid(msg!("register-scheme", scheme = other))),
        }
    }
}

/// A register's settings, given to [`Register::init`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterSettings {
    pub scheme: Scheme,
    /// The office whose register it is (printed on the books' covers).
    pub office: String,
    /// Advisory bodies (Hội đồng, Ban, Tổ) that use the office's seal and
    /// number their documents in their own sequences.
    pub bodies: Vec<String>,
}

impl Default for RegisterSettings {
    fn default() -> Self {
        RegisterSettings {
            scheme: Scheme::Shared,
            office: String::new(),
            bodies: Vec::new(),
        }
    }
}

/// What `register info` shows.
#[derive(Clone, Debug, Serialize)]
pub struct Info {
    pub backend: String,
    pub database: String,
    pub schema_version: u32,
    pub read_only: bool,
    #[serde(flatten)]
    pub settings: RegisterSettings,
    /// The last number given in each sequence of each year.
    pub sequences: Vec<SequenceState>,
    pub outgoing_entries: i64,
    pub incoming_entries: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SequenceState {
    pub year: i32,
    pub name: String,
    pub last: i64,
}

/// Where a register lives: a file (SQLite) or a `postgres://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Target {
    pub fn parse(db: &str) -> Target {
        let lower = db.trim_start().to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Target::Postgres(db.trim().to_owned())
        } else {
            Target::Sqlite(PathBuf::from(db))
        }
    }
}

/// An entry to record: what the book holds of a document.
#[derive(Clone, Debug, Default)]
pub struct NewEntry {
    pub book: Option<Book>,
    pub kind: String,
    pub symbol: String,
    /// A number typed by the clerk (an import, a reservation completed);
    /// `None` takes the next of its sequence.
    pub number: Option<i64>,
    /// `None`: today in Vietnam.
    pub date: Option<Date>,
    pub summary: String,
    pub signer: String,
    pub recipients: Vec<String>,
    pub archive: String,
    pub copies: Option<i64>,
    pub drafter: Option<String>,
    pub secrecy: Option<String>,
    pub urgency: Option<String>,
    pub body: Option<String>,
    pub status: Option<Status>,
    pub note: Option<String>,
    /// The input document (JSON), kept to render it again.
    pub source: Option<String>,
    pub formats: Option<String>,
    pub output_dir: Option<String>,
    pub render_status: Option<RenderStatus>,
}

impl NewEntry {
    /// The book's fields of a validated document (its number, if any, is
    /// taken as typed).
    pub fn from_document(doc: &vanban::Document) -> NewEntry {
        let mut archive = vec!["VT".to_owned()];
        archive.extend(doc.archive.units.iter().cloned());
        NewEntry {
            book: Some(Book::Outgoing),
            kind: doc.kind.id().to_owned(),
            symbol: doc.symbol.clone(),
            number: doc.number.map(i64::from),
            date: doc.date,
            summary: doc.summary.clone(),
            signer: doc.signer.name.clone(),
            recipients: doc.recipients.iter().map(|r| r.text()).collect(),
            archive: archive.join(", "),
            copies: doc.drafter.as_ref().and_then(|d| d.copies).map(i64::from),
            drafter: doc.drafter.as_ref().map(|d| d.initials.clone()),
            secrecy: doc.secrecy.map(|s| s.text().to_owned()),
            urgency: doc.urgency.map(|u| u.text().to_owned()),
            ..NewEntry::default()
        }
    }
}

/// An open register. One connection; clone-free, but [`Register::url`]
/// recreates it anywhere (another thread, another process).
pub struct Register {
    conn: Conn,
    url: String,
    clock: Arc<dyn Clock>,
    settings: RegisterSettings,
    read_only: bool,
}

impl Register {
    /// Creates a new register at `db` (a file that must not exist yet, or
    /// a PostgreSQL database without one).
    pub fn init(db: &str, settings: &RegisterSettings, options: &Settings) -> Result<Register> {
        let mut seen = std::collections::BTreeSet::new();
        for body in &settings.bodies {
            if body.trim().is_empty() || !seen.insert(body.trim()) {
                return Err(Error::Invalid(msg!("register-body-names", body = body)));
            }
        }
        if options.read_only {
            return Err(Error::ReadOnly(db::postgres::redact(db)));
        }
        let mut conn = match Target::parse(db) {
            Target::Sqlite(path) => Conn::Sqlite(db::sqlite::Sqlite::create(&path, options)?),
            Target::Postgres(url) => {
                Conn::Postgres(db::postgres::Postgres::connect(&url, options)?)
            }
        };
        let bodies: Vec<String> = settings
            .bodies
            .iter()
            .map(|b| b.trim().to_owned())
            .collect();
        let meta = [
            ("scheme", settings.scheme.as_str().to_owned()),
            ("office", settings.office.trim().to_owned()),
            (
                "bodies",
                serde_json::to_string(&bodies).unwrap_or_else(|_| "[]".into()),
            ),
        ];
        if let Err(e) = schema::create(&mut conn, &meta) {
            if let Target::Sqlite(path) = Target::parse(db) {
                // A register that could not be made whole is not left behind.
                drop(conn);
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            return Err(e);
        }
        Register::open(db, options)
    }

    /// Opens an existing register; a foreign, newer or damaged database is
    /// refused without being changed.
    pub fn open(db: &str, options: &Settings) -> Result<Register> {
        let mut conn = match Target::parse(db) {
            Target::Sqlite(path) => {
                if !path.exists() {
                    return Err(Error::Refused {
                        target: path.display().to_string(),
                        why: msg!("register-no-such"),
                    });
                }
                Conn::Sqlite(db::sqlite::Sqlite::open(&path, options)?)
            }
            Target::Postgres(url) => {
                Conn::Postgres(db::postgres::Postgres::connect(&url, options)?)
            }
        };
        schema::check_and_migrate(&mut conn, options.read_only)?;
        let settings = conn.read(|tx| {
            let scheme = schema::meta(tx, "scheme")?.unwrap_or_else(|| "shared".into());
            Ok(RegisterSettings {
                scheme: Scheme::parse(&scheme)?,
                office: schema::meta(tx, "office")?.unwrap_or_default(),
                bodies: schema::meta(tx, "bodies")?
                    .and_then(|b| serde_json::from_str(&b).ok())
                    .unwrap_or_default(),
            })
        })?;
        Ok(Register {
            conn,
            url: db.to_owned(),
            clock: Arc::new(SystemClock),
            settings,
            read_only: options.read_only,
        })
    }

    /// Replaces the clock (tests; a fixed date).
    pub fn with_clock(mut self, clock: Arc<dyn Clock>) -> Register {
        self.clock = clock;
        self
    }

    /// The path or URL it was opened from (recreate it from this).
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn settings(&self) -> &RegisterSettings {
        &self.settings
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Today, in Vietnam.
    pub fn today(&self) -> Date {
        clock::vietnam_date(self.clock.now_utc())
    }

    pub(crate) fn now_stamp(&self) -> String {
        clock::utc_timestamp(self.clock.now_utc())
    }

    pub(crate) fn conn(&mut self) -> &mut Conn {
        &mut self.conn
    }

    pub(crate) fn writable(&self) -> Result<()> {
        if self.read_only {
            Err(Error::ReadOnly(self.conn.target().to_owned()))
        } else {
            Ok(())
        }
    }

    pub fn info(&mut self) -> Result<Info> {
        let (sequences, outgoing, incoming, version) = self.conn.read(|tx| {
            let sequences = tx
                .query(
                    "SELECT year, name, last FROM vanban_sequences ORDER BY year, name",
                    &[],
                )?
                .iter()
                .map(|r| SequenceState {
                    year: r.int(0) as i32,
                    name: r.text(1),
                    last: r.int(2),
                })
                .collect();
            let count = |tx: &mut Tx<'_>, sql: &str| -> Result<i64> {
                Ok(tx.query_one(sql, &[])?.map(|r| r.int(0)).unwrap_or(0))
            };
            let outgoing = count(tx, "SELECT COUNT(*) FROM vanban_entries")?;
            let incoming = count(tx, "SELECT COUNT(*) FROM vanban_incoming")?;
            let version = schema::meta(tx, "schema_version")?
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            Ok((sequences, outgoing, incoming, version))
        })?;
        Ok(Info {
            backend: self.conn.kind().to_owned(),
            database: self.conn.target().to_owned(),
            schema_version: version,
            read_only: self.read_only,
            settings: self.settings.clone(),
            sequences,
            outgoing_entries: outgoing,
            incoming_entries: incoming,
        })
    }

    /// The sequence an entry is numbered in: copies in theirs; secret
    /// documents in theirs, whatever the scheme (Art. 15.2); an advisory
    /// body's in its own; else the shared one or the kind's.
    pub fn sequence_for(&self, entry: &NewEntry) -> Result<String> {
        if entry.book == Some(Book::Copy) {
            return Ok("copy".into());
        }
        if entry.secrecy.is_some() {
            return Ok("secret".into());
        }
        if let Some(body) = &entry.body {
            let body = body.trim();
            if !self.settings.bodies.iter().any(|b| b == body) {
                let known = if self.settings.bodies.is_empty() {
                    msg!("register-no-bodies")
                } else {
                    Message::text(self.settings.bodies.join("; "))
                };
                return Err(Error::Invalid(msg!(
                    "register-unknown-body",
                    body = body,
                    known = known
                )));
            }
            return Ok(format!("body:{body}"));
        }
        Ok(match self.settings.scheme {
            Scheme::Shared => "shared".into(),
            Scheme::PerKind => format!("kind:{}", entry.kind),
        })
    }

    /// Allocates the next number of the entry's sequence (or takes its typed
    /// number) and records it, in one transaction.
    pub fn record(&mut self, entry: &NewEntry) -> Result<Entry> {
        self.writable()?;
        let sequence = self.sequence_for(entry)?;
        let date = entry.date.unwrap_or_else(|| self.today());
        let stamp = self.now_stamp();
        self.conn
            .write(|tx| record_in(tx, entry, &sequence, date, &stamp))
    }

    /// The number the next copy of `year` would take (nothing is consumed:
    /// [`issue_copy`](Register::issue_copy) takes it).
    pub fn next_copy_number(&mut self, year: i32) -> Result<i64> {
        self.conn.read(|tx| Ok(last(tx, year, "copy")? + 1))
    }

    /// Sets an entry's files and render status (after its files are
    /// written, or failed to be).
    pub fn set_rendered(
        &mut self,
        id: i64,
        files: &[FileRecord],
        error: Option<&str>,
    ) -> Result<Entry> {
        self.writable()?;
        let status = if error.is_some() {
            RenderStatus::Failed
        } else {
            RenderStatus::Done
        };
        let files = serde_json::to_string(files).unwrap_or_else(|_| "[]".into());
        self.conn.write(|tx| {
            tx.exec(
                "UPDATE vanban_entries SET files = ?, render_status = ?, render_error = ? WHERE id = ?",
                &[
                    files.into(),
                    status.as_str().into(),
                    error.map(str::to_owned).into(),
                    id.into(),
                ],
            )?;
            entry_by_id(tx, id)
        })
    }
}

/// The last number given in `sequence` of `year` (0 before the first).
pub(crate) fn last(tx: &mut Tx<'_>, year: i32, sequence: &str) -> Result<i64> {
    Ok(tx
        .query_one(
            "SELECT last FROM vanban_sequences WHERE year = ? AND name = ?",
            &[year.into(), sequence.into()],
        )?
        .map(|r| r.int(0))
        .unwrap_or(0))
}

/// Takes the next number of a sequence; the row lock (PostgreSQL) or the
/// write lock (SQLite) is held until the transaction ends.
pub(crate) fn allocate(tx: &mut Tx<'_>, year: i32, sequence: &str) -> Result<i64> {
    tx.exec(
        "INSERT INTO vanban_sequences (year, name, last) VALUES (?, ?, 0) ON CONFLICT (year, name) DO NOTHING",
        &[year.into(), sequence.into()],
    )?;
    let row = tx.query_one(
        "UPDATE vanban_sequences SET last = last + 1 WHERE year = ? AND name = ? RETURNING last",
        &[year.into(), sequence.into()],
    )?;
    row.map(|r| r.int(0)).ok_or_else(|| Error::Database {
        target: String::new(),
        message: msg!(
            "register-sequence-vanished",
            sequence = sequence,
            year = year
        ),
    })
}

/// Makes the sequence's last number at least `number` (a typed number).
pub(crate) fn raise(tx: &mut Tx<'_>, year: i32, sequence: &str, number: i64) -> Result<()> {
    tx.exec(
        "INSERT INTO vanban_sequences (year, name, last) VALUES (?, ?, 0) ON CONFLICT (year, name) DO NOTHING",
        &[year.into(), sequence.into()],
    )?;
    tx.exec(
        "UPDATE vanban_sequences SET last = CASE WHEN last < ? THEN ? ELSE last END WHERE year = ? AND name = ?",
        &[number.into(), number.into(), year.into(), sequence.into()],
    )?;
    Ok(())
}

pub(crate) fn record_in(
    tx: &mut Tx<'_>,
    entry: &NewEntry,
    sequence: &str,
    date: Date,
    stamp: &str,
) -> Result<Entry> {
    let year = i32::from(date.year());
    let number = match entry.number {
        Some(n) if n <= 0 => {
            return Err(Error::Invalid(msg!("register-number-positive", number = n)))
        }
        Some(n) => {
            raise(tx, year, sequence, n)?;
            n
        }
        None => allocate(tx, year, sequence)?,
    };
    let symbol = entry.symbol.trim();
    // Number + symbol are unique within a book and a year; secret
    // documents keep a book of their own.
    let book = match (entry.book, sequence) {
        (Some(Book::Copy), _) => Book::Copy,
        (_, "secret") => Book::Secret,
        _ => Book::Outgoing,
    };
    if let Some(holder) = holder(tx, year, book, sequence, number, symbol)? {
        return Err(Error::Taken {
            year,
            number,
            symbol: symbol.to_owned(),
            held_by: describe(&holder),
        });
    }
    let recipients = serde_json::to_string(&entry.recipients).unwrap_or_else(|_| "[]".into());
    let status = entry.status.unwrap_or(Status::Issued);
    let render = entry.render_status.unwrap_or(RenderStatus::None);
    let sql = format!(
        "INSERT INTO vanban_entries (book, year, sequence, number, symbol, date, status, kind, summary, signer, \
         recipients, archive, copies, drafter, secrecy, urgency, body, files, render_status, source, formats, \
         output_dir, note, recorded_at) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?) RETURNING {}",
        Entry::COLUMNS
    );
    let params: Vec<Value> = vec![
        book.as_str().into(),
        year.into(),
        sequence.into(),
        number.into(),
        symbol.into(),
        iso(date).into(),
        status.as_str().into(),
        entry.kind.as_str().into(),
        entry.summary.as_str().into(),
        entry.signer.as_str().into(),
        recipients.into(),
        entry.archive.as_str().into(),
        entry.copies.into(),
        entry.drafter.clone().into(),
        entry.secrecy.clone().into(),
        entry.urgency.clone().into(),
        entry.body.as_ref().map(|b| b.trim().to_owned()).into(),
        render.as_str().into(),
        entry.source.clone().into(),
        entry.formats.clone().into(),
        entry.output_dir.clone().into(),
        entry.note.clone().into(),
        stamp.into(),
    ];
    match tx.query_one(&sql, &params) {
        Ok(Some(row)) => Ok(Entry::from_row(&row)),
        Ok(None) => Err(Error::Database {
            target: String::new(),
            message: msg!("register-entry-not-returned"),
        }),
        Err(e) if db::is_conflict(&e) => Err(Error::Taken {
            year,
            number,
            symbol: symbol.to_owned(),
            held_by: msg!("register-held-same-moment"),
        }),
        Err(e) => Err(e),
    }
}

/// The entry that already holds `number` in `sequence`, or `number/symbol`
/// in `book`, in `year`.
fn holder(
    tx: &mut Tx<'_>,
    year: i32,
    book: Book,
    sequence: &str,
    number: i64,
    symbol: &str,
) -> Result<Option<Entry>> {
    let sql = format!(
        "SELECT {} FROM vanban_entries WHERE year = ? AND number = ? AND (sequence = ? OR (book = ? AND symbol = ?)) \
         ORDER BY id LIMIT 1",
        Entry::COLUMNS
    );
    let params = [
        year.into(),
        number.into(),
        sequence.into(),
        book.as_str().into(),
        symbol.into(),
    ];
    Ok(tx.query_one(&sql, &params)?.map(|r| Entry::from_row(&r)))
}

/// `#12 (15/KH-VP of 2026-03-08, issued)`.
pub(crate) fn describe(entry: &Entry) -> Message {
    msg!(
        "register-entry",
        id = entry.id,
        number = entry.number_symbol(),
        date = &entry.date,
        status = entry.status.as_str()
    )
}

pub(crate) fn entry_by_id(tx: &mut Tx<'_>, id: i64) -> Result<Entry> {
    let sql = format!("SELECT {} FROM vanban_entries WHERE id = ?", Entry::COLUMNS);
    tx.query_one(&sql, &[id.into()])?
        .map(|r| Entry::from_row(&r))
        .ok_or_else(|| Error::NotFound(format!("#{id}")))
}

/// `YYYY-MM-DD`.
pub fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}
