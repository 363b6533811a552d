//! Reading a received document (DOCX or PDF, made by anyone) with the lint
//! reader: issuer, number/symbol, date, kind and summary, each `None` when
//! it cannot be read, so the clerk is asked for exactly those.

use std::path::Path;

use vanban::{Date, Kind};
use vanban_i18n::{msg, Message};
use vanban_lint::recognize::{normal, recognise};
use vanban_lint::LintLimits;

use crate::error::{Error, Result};
use crate::incoming::Received;
use crate::issue::sha256_hex;

/// What was read of a received file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadFields {
    pub issuer: Option<String>,
    pub number: Option<i64>,
    pub symbol: Option<String>,
    pub date: Option<Date>,
    /// A kind id (`cong-van`).
    pub kind: Option<String>,
    pub summary: Option<String>,
    pub sha256: String,
}

/// Values the clerk typed (flags), which replace what was read.
pub type Given = ReadFields;

/// Reads a file within `limits`.
pub fn read_file(path: &Path, limits: &LintLimits) -> Result<ReadFields> {
    let at = |reason: Message| {
        Error::Invalid(msg!(
            "path-reason",
            path = path.display().to_string(),
            reason = reason
        ))
    };
    let bytes = vanban::limits::read_bytes(path, limits.max_file_bytes).map_err(at)?;
    read_bytes(&bytes, limits).map_err(at)
}

/// Why a file could not be read: what a clerk most often drops in (not a
/// DOCX or PDF, an encrypted PDF) in the user's language; the rest in
/// lint's words.
fn read_error(e: vanban_lint::ReadError) -> Message {
    match e {
        vanban_lint::ReadError::UnknownFormat => msg!("register-read-unknown-format"),
        vanban_lint::ReadError::Encrypted => msg!("register-read-encrypted"),
        other => Message::text(other.to_string()),
    }
}

/// Reads a DOCX or PDF held in memory.
pub fn read_bytes(bytes: &[u8], limits: &LintLimits) -> Result<ReadFields, Message> {
    let doc = vanban_lint::read_with(bytes, limits).map_err(read_error)?;
    let e = recognise(&doc);
    let text = |i: usize| normal(&doc.paras[i].text);
    let joined = |items: &[usize]| {
        let t = items.iter().map(|&i| text(i)).collect::<Vec<_>>().join(" ");
        (!t.trim().is_empty()).then_some(t)
    };
    let mut fields = ReadFields {
        issuer: joined(&e.issuer),
        sha256: sha256_hex(bytes),
        ..ReadFields::default()
    };
    if let Some(i) = e.number {
        let (number, symbol) = number_symbol(&text(i));
        fields.number = number;
        fields.symbol = symbol;
    }
    // The place-and-date line; a PDF may not place it in the header's
    // column, so the first lines that read as one will do; a narrow column
    // may have wrapped it (`… năm` / `2026`).
    let date_at = |i: usize| {
        date_of(&text(i)).or_else(|| {
            // The year alone on a line of its own, among the next few.
            (i + 1..doc.paras.len().min(i + 4))
                .map(|j| normal(&doc.paras[j].text))
                .filter(|t| t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
                .find_map(|year| date_of(&format!("{} {year}", text(i))))
        })
    };
    fields.date = e
        .place_date
        .and_then(date_at)
        .or_else(|| (0..doc.paras.len().min(12)).find_map(date_at));
    let kind = e
        .kind
        .or_else(|| (!e.subject.is_empty()).then_some(Kind::CongVan));
    fields.kind = kind.map(|k| k.id().to_owned());
    // The summary is bold (ô 5b): a plain line after it is the body's.
    let bold = |i: &usize| doc.paras[*i].visible_spans().all(|s| s.bold);
    let summary: Vec<usize> = if e.summary.iter().any(bold) {
        e.summary.iter().copied().take_while(bold).collect()
    } else {
        e.summary.clone()
    };
    fields.summary = if summary.is_empty() {
        joined(&e.subject).map(|s| s.trim_start_matches("V/v").trim().to_owned())
    } else {
        joined(&summary)
    };
    Ok(fields)
}

/// `Số: 15/KH-UBND` → (15, `KH-UBND`); a blank number gives `None`.
pub fn number_symbol(line: &str) -> (Option<i64>, Option<String>) {
    let rest = line.trim_start_matches("Số").trim_start_matches(':').trim();
    let token: String = rest.split_whitespace().collect::<Vec<_>>().join("");
    let token = token.replace(['\u{2011}', '\u{2010}', '\u{2013}'], "-");
    match token.split_once('/') {
        Some((n, s)) => {
            let digits: String = n.chars().filter(|c| c.is_ascii_digit()).collect();
            let symbol = s.trim_matches(|c: char| c == '.' || c == ',').to_owned();
            (digits.parse().ok(), (!symbol.is_empty()).then_some(symbol))
        }
        None => (None, None),
    }
}

/// `Tây Ninh, ngày 08 tháng 3 năm 2024` → 2024-03-08.
pub fn date_of(line: &str) -> Option<Date> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let after = |word: &str| -> Option<u16> {
        let at = words.iter().position(|w| w.eq_ignore_ascii_case(word))?;
        let digits: String = words
            .get(at + 1)?
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect();
        digits.parse().ok()
    };
    let (d, m, y) = (after("ngày")?, after("tháng")?, after("năm")?);
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()
}

/// What was read, with the clerk's values over it; every field still
/// missing is named at once.
pub fn received(file_name: &str, read: &ReadFields, given: &Given) -> Result<Received> {
    let pick = |g: &Option<String>, r: &Option<String>| g.clone().or_else(|| r.clone());
    let fields = Received {
        issuer: pick(&given.issuer, &read.issuer).unwrap_or_default(),
        number: given.number.or(read.number).unwrap_or(0),
        symbol: pick(&given.symbol, &read.symbol).unwrap_or_default(),
        date: given.date.or(read.date),
        kind: pick(&given.kind, &read.kind).unwrap_or_default(),
        summary: pick(&given.summary, &read.summary).unwrap_or_default(),
        file_name: file_name.to_owned(),
        sha256: read.sha256.clone(),
        ..Received::default()
    };
    let mut missing = Vec::new();
    for (flag, empty) in [
        ("--issuer", fields.issuer.is_empty()),
        ("--number", fields.number <= 0),
        ("--symbol", fields.symbol.is_empty()),
        ("--kind", fields.kind.is_empty()),
        ("--summary", fields.summary.is_empty()),
    ] {
        if empty {
            missing.push(flag);
        }
    }
    if missing.is_empty() {
        Ok(fields)
    } else {
        Err(Error::Invalid(msg!(
            "register-receive-unread",
            file = file_name,
            fields = missing
                .iter()
                .map(|f| f.trim_start_matches("--"))
                .collect::<Vec<_>>()
                .join(", "),
            flags = missing.join(", ")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_and_symbol_as_typed_by_others() {
        assert_eq!(
            number_symbol("Số: 15/KH-UBND"),
            (Some(15), Some("KH-UBND".into()))
        );
        assert_eq!(
            number_symbol("Số:  623 / KH‑UBND"),
            (Some(623), Some("KH-UBND".into()))
        );
        assert_eq!(
            number_symbol("Số:    /QĐ-UBND"),
            (None, Some("QĐ-UBND".into()))
        );
        assert_eq!(number_symbol("Số:"), (None, None));
    }

    #[test]
    fn dates_in_the_place_line() {
        assert_eq!(
            date_of("Tây Ninh, ngày 08 tháng 3 năm 2024"),
            Date::new(2024, 3, 8).ok()
        );
        assert_eq!(
            date_of("Hà Nội, ngày 31 tháng 12 năm 2026"),
            Date::new(2026, 12, 31).ok()
        );
        assert_eq!(date_of("Hà Nội, ngày    tháng    năm 2026"), None);
    }
}
