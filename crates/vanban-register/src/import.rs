//! Starting mid-year: an office's existing register for the year, from a
//! .xlsx/.ods/.xls sheet or a .csv (read by vanban-report's bounded
//! readers), recorded with its own numbers in one transaction — all rows or
//! none. The header row names the columns: `number`, `symbol`, `date`,
//! `kind`, `summary`, `signer`, `recipients` (`;` between), `archive`,
//! `copies`, `note`, `status` (`issued`, `void`), `void_reason`; or the
//! book's Vietnamese headings (`Số`, `Ký hiệu`, `Ngày`, `Trích yếu` …).

use std::path::Path;

use serde_json::Value;
use vanban::{Date, Kind};
use vanban_i18n::{msg, Message};

use crate::entry::Status;
use crate::error::{Error, Result};
use crate::register::{record_in, NewEntry, Register};

/// The field a header names (English or the book's Vietnamese).
fn field(header: &str) -> Option<&'static str> {
    let h = crate::lookup::fold(header.trim());
    Some(match h.as_str() {
        "number" | "số" | "so" | "số, ký hiệu văn bản" | "số, ký hiệu" => "number",
        "symbol" | "ký hiệu" | "ky hieu" => "symbol",
        "date" | "ngày" | "ngày tháng" | "ngày tháng văn bản" => "date",
        "kind" | "loại" | "tên loại" => "kind",
        "summary" | "trích yếu" | "trích yếu nội dung" | "tên loại và trích yếu nội dung" => {
            "summary"
        }
        "signer" | "người ký" => "signer",
        "recipients" | "nơi nhận" | "nơi nhận văn bản" => "recipients",
        "archive" | "lưu" | "đơn vị, người nhận bản lưu" => "archive",
        "copies" | "số lượng bản" | "số bản" => "copies",
        "note" | "ghi chú" => "note",
        "status" => "status",
        "void_reason" => "void_reason",
        _ => return None,
    })
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The entries of a file, or every problem found (each naming its row and
/// column).
pub fn read_entries(path: &Path, sheet: Option<&str>) -> Result<Vec<NewEntry>> {
    let rows = vanban_report::data::read_rows_in(path, sheet)
        .map_err(|e| Error::Invalid(Message::from(e)))?;
    let shown = path.display().to_string();
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for row in rows {
        let at = match row.line {
            Some(line) => Message::text(format!("{shown}:{line}")),
            None => msg!("register-import-row", file = &shown, row = row.number),
        };
        let problem = |reason: Message| msg!("register-import-problem", at = &at, reason = reason);
        let object = match row.data {
            Ok(Value::Object(map)) => map,
            Ok(_) => continue,
            Err(e) => {
                problems.push(problem(e));
                continue;
            }
        };
        let mut entry = NewEntry::default();
        let mut number_text = String::new();
        let mut date_text = String::new();
        let mut status = String::new();
        for (key, value) in &object {
            let value = text(value);
            match field(key) {
                Some("number") => number_text = value,
                Some("symbol") => entry.symbol = value,
                Some("date") => date_text = value,
                Some("kind") => {
                    entry.kind = match Kind::parse(&value) {
                        Some(kind) => kind.id().to_owned(),
                        None => {
                            problems.push(problem(msg!("register-unknown-kind", kind = &value)));
                            continue;
                        }
                    }
                }
                Some("summary") => entry.summary = value,
                Some("signer") => entry.signer = value,
                Some("recipients") => {
                    entry.recipients = value
                        .split(';')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect()
                }
                Some("archive") => entry.archive = value,
                Some("copies") if !value.is_empty() => match value.parse() {
                    Ok(n) => entry.copies = Some(n),
                    Err(_) => {
                        problems.push(problem(msg!("register-import-copies", value = &value)))
                    }
                },
                Some("note") if !value.is_empty() => entry.note = Some(value),
                Some("status") => status = value,
                Some("void_reason") if !value.is_empty() => entry.note = Some(value),
                _ => {}
            }
        }
        // `15/KH-VP` in the number column gives both.
        if let Some((n, s)) = number_text.split_once('/') {
            if entry.symbol.is_empty() {
                entry.symbol = s.trim().to_owned();
            }
            number_text = n.trim().to_owned();
        }
        match number_text.trim_end_matches(".0").parse::<i64>() {
            Ok(n) if n > 0 => entry.number = Some(n),
            _ => problems.push(problem(msg!(
                "register-import-number",
                value = &number_text
            ))),
        }
        match Date::parse(&date_text) {
            Ok(d) => entry.date = Some(d),
            Err(e) => problems.push(problem(msg!("register-import-date", reason = e))),
        }
        if entry.symbol.is_empty() {
            problems.push(problem(msg!("register-import-symbol")));
        }
        if entry.kind.is_empty() {
            // The symbol's first group names the kind (`KH-VP`).
            match entry.symbol.split('-').next().and_then(Kind::parse) {
                Some(kind) => entry.kind = kind.id().to_owned(),
                None => entry.kind = "cong-van".into(),
            }
        }
        // The printed book's summary starts with the kind's name, and a void
        // entry's note with `Hủy:` (as `register export` writes them).
        if let Some(kind) = Kind::parse(&entry.kind) {
            if let Some(rest) = entry.summary.strip_prefix(kind.name()) {
                entry.summary = rest.trim().to_owned();
            }
        }
        if let Some(reason) = entry.note.as_deref().and_then(|n| n.strip_prefix("Hủy:")) {
            entry.note = Some(reason.trim().to_owned());
            status = "void".into();
        }
        entry.status = Some(match status.as_str() {
            "" | "issued" => Status::Issued,
            "void" => Status::Void,
            other => {
                problems.push(problem(msg!("register-import-status", value = other)));
                Status::Issued
            }
        });
        entries.push(entry);
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(Error::Problems(problems))
    }
}

impl Register {
    /// Records `entries` (each with its own number and date) in one
    /// transaction; a number already held refuses the whole import.
    pub fn import(&mut self, entries: &[NewEntry]) -> Result<usize> {
        self.writable()?;
        let sequences: Vec<String> = entries
            .iter()
            .map(|e| self.sequence_for(e))
            .collect::<Result<_>>()?;
        let stamp = self.now_stamp();
        self.conn().write(|tx| {
            for (entry, sequence) in entries.iter().zip(&sequences) {
                let date = entry.date.ok_or_else(|| {
                    Error::Invalid(msg!("register-import-date-missing", symbol = &entry.symbol))
                })?;
                let recorded = record_in(tx, entry, sequence, date, &stamp)?;
                if entry.status == Some(Status::Void) {
                    tx.exec(
                        "UPDATE vanban_entries SET void_reason = ? WHERE id = ?",
                        &[
                            entry
                                .note
                                .clone()
                                .unwrap_or_else(|| "imported void".into())
                                .into(),
                            recorded.id.into(),
                        ],
                    )?;
                }
            }
            Ok(entries.len())
        })
    }
}
