//! Issuing: a document whose number (and date) are left out is numbered,
//! recorded, then rendered with the number filled in. The entry is
//! committed before the files are written; if writing fails (or the
//! process dies) the entry says so and [`Register::render_again`] writes
//! the files again.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use vanban::{Date, Document, Input};
use vanban_i18n::{msg, Lang, Message};
use vanban_output::Format;

use crate::entry::{Entry, FileRecord, RenderStatus, Status};
use crate::error::{Error, Result};
use crate::lookup::EntryRef;
use crate::register::{describe, entry_by_id, iso, NewEntry, Register};

/// Where and how an issued document is written.
#[derive(Clone, Debug)]
pub struct IssueOptions<'a> {
    pub dir: PathBuf,
    pub formats: Vec<Format>,
    /// The date of issue; `None`: today in Vietnam (or the document's own).
    pub date: Option<Date>,
    /// The advisory body whose sequence numbers it.
    pub body: Option<String>,
    pub render: vanban_output::Options<'a>,
}

impl IssueOptions<'_> {
    pub fn new(dir: impl Into<PathBuf>) -> IssueOptions<'static> {
        IssueOptions {
            dir: dir.into(),
            formats: Format::ALL.to_vec(),
            date: None,
            body: None,
            render: vanban_output::Options::default(),
        }
    }
}

/// The file stem of an issued document: `2026-15-KH-VP`.
pub fn file_stem(entry: &Entry) -> String {
    let symbol: String = entry
        .symbol
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{}-{:02}-{}", entry.year, entry.number, symbol)
}

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Register {
    /// Numbers, records and renders one document. `input` is kept in the
    /// entry to render it again; `doc` is it validated.
    pub fn issue(
        &mut self,
        input: &Input,
        doc: &Document,
        options: &IssueOptions<'_>,
    ) -> Result<Entry> {
        self.writable()?;
        let mut new = NewEntry::from_document(doc);
        new.date = options.date.or(doc.date);
        new.body = options.body.clone();
        new.source = Some(
            serde_json::to_string(input)
                .map_err(|e| Error::Invalid(Message::text(e.to_string())))?,
        );
        new.formats = Some(format_list(&options.formats));
        new.output_dir = Some(absolute(&options.dir).display().to_string());
        new.render_status = Some(RenderStatus::Pending);
        let entry = self.record(&new)?;
        self.write_files(entry, doc.clone(), options)
    }

    /// Completes a reserved number with its document: the entry takes the
    /// document's fields and is rendered.
    pub fn issue_reserved(
        &mut self,
        reserved: &EntryRef,
        input: &Input,
        doc: &Document,
        options: &IssueOptions<'_>,
    ) -> Result<Entry> {
        self.writable()?;
        let held = self.entry(reserved)?;
        if held.status != Status::Reserved {
            return Err(Error::Invalid(msg!(
                "register-not-reserved",
                entry = describe(&held),
                status = held.status.as_str()
            )));
        }
        let new = NewEntry::from_document(doc);
        if new.symbol != held.symbol {
            return Err(Error::Invalid(msg!(
                "register-reserved-symbol",
                symbol = &new.symbol,
                number = held.number_symbol(),
                reserved = &held.symbol
            )));
        }
        let source = serde_json::to_string(input)
            .map_err(|e| Error::Invalid(Message::text(e.to_string())))?;
        let date = options
            .date
            .or(doc.date)
            .map(iso)
            .unwrap_or(held.date.clone());
        if !date.starts_with(&held.year.to_string()) {
            return Err(Error::Invalid(msg!(
                "register-reserved-year",
                date = &date,
                number = held.number_symbol(),
                year = held.year
            )));
        }
        let recipients = serde_json::to_string(&new.recipients).unwrap_or_else(|_| "[]".into());
        let dir = absolute(&options.dir).display().to_string();
        let formats = format_list(&options.formats);
        let id = held.id;
        let entry = self.conn().write(|tx| {
            let changed = tx.exec(
                "UPDATE vanban_entries SET status = 'issued', date = ?, kind = ?, summary = ?, signer = ?, \
                 recipients = ?, archive = ?, copies = ?, drafter = ?, urgency = ?, source = ?, formats = ?, \
                 output_dir = ?, render_status = 'pending' WHERE id = ? AND status = 'reserved'",
                &[
                    date.into(),
                    new.kind.into(),
                    new.summary.into(),
                    new.signer.into(),
                    recipients.into(),
                    new.archive.into(),
                    new.copies.into(),
                    new.drafter.into(),
                    new.urgency.into(),
                    source.into(),
                    formats.into(),
                    dir.into(),
                    id.into(),
                ],
            )?;
            if changed == 0 {
                return Err(Error::Invalid(msg!("register-no-longer-reserved", id = id)));
            }
            entry_by_id(tx, id)
        })?;
        self.write_files(entry, doc.clone(), options)
    }

    /// Writes an entry's files again from the document it recorded (after
    /// a failed or interrupted render). `dir` and `formats` default to the
    /// recorded ones.
    pub fn render_again(
        &mut self,
        which: &EntryRef,
        dir: Option<&Path>,
        formats: Option<&[Format]>,
        render: vanban_output::Options<'_>,
    ) -> Result<Entry> {
        self.writable()?;
        let entry = self.entry(which)?;
        let source = self.source_of(entry.id)?;
        let Some((source, recorded_formats, recorded_dir)) = source else {
            return Err(Error::Invalid(msg!(
                "register-no-document",
                entry = describe(&entry)
            )));
        };
        let input: Input = serde_json::from_str(&source).map_err(|e| {
            Error::Invalid(msg!(
                "register-document-unreadable",
                entry = describe(&entry),
                reason = e.to_string()
            ))
        })?;
        let doc = Document::from_input(&input)?;
        let formats = match formats {
            Some(f) => f.to_vec(),
            None => Format::parse_list(&recorded_formats).unwrap_or_else(|_| Format::ALL.to_vec()),
        };
        let options = IssueOptions {
            dir: dir
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from(recorded_dir)),
            formats,
            date: None,
            body: None,
            render,
        };
        self.write_files(entry, doc, &options)
    }

    fn source_of(&mut self, id: i64) -> Result<Option<(String, String, String)>> {
        self.conn().read(|tx| {
            Ok(tx
                .query_one(
                    "SELECT source, formats, output_dir FROM vanban_entries WHERE id = ?",
                    &[id.into()],
                )?
                .and_then(|r| Some((r.opt_text(0)?, r.text(1), r.text(2)))))
        })
    }

    /// Renders `doc` with the entry's number and date and records the
    /// files (or the failure) in the entry.
    fn write_files(
        &mut self,
        entry: Entry,
        mut doc: Document,
        options: &IssueOptions<'_>,
    ) -> Result<Entry> {
        doc.number = u32::try_from(entry.number).ok();
        doc.date = Date::parse(&entry.date).ok();
        doc.date_year = None;
        let stem = file_stem(&entry);
        let written =
            vanban_output::render(&doc, &options.formats, &options.render).and_then(|rendered| {
                let paths = vanban_output::write_set(&options.dir, &stem, &rendered)?;
                Ok(paths
                    .iter()
                    .zip(&rendered.0)
                    .map(|(path, (_, bytes))| FileRecord {
                        path: absolute(path).display().to_string(),
                        sha256: sha256_hex(bytes),
                    })
                    .collect::<Vec<_>>())
            });
        match written {
            Ok(files) => self.set_rendered(entry.id, &files, None),
            Err(e) => {
                // The register keeps the English words; the error is shown
                // in the user's language.
                self.set_rendered(entry.id, &[], Some(&e.display_in(Lang::En)))?;
                Err(Error::RenderFailed {
                    entry: describe(&entry),
                    message: e.message(),
                })
            }
        }
    }
}

fn format_list(formats: &[Format]) -> String {
    formats
        .iter()
        .map(|f| f.extension())
        .collect::<Vec<_>>()
        .join(",")
}

/// The path made absolute against the current folder (the register may be
/// read from elsewhere).
pub(crate) fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}
