//! Reading template data from spreadsheets (`.xlsx`, `.xlsm`, `.xls`,
//! `.ods`) through calamine: one item per row below a header row.
//!
//! The header row holds data paths, as CSV columns do (`issuer.name`,
//! `indicators.0.plan`, or plain names like `plan`). Cells keep the type the
//! spreadsheet stores: numbers stay numbers, date cells become ISO dates
//! (`2024-12-16`), text is trimmed, empty cells are left out (absent, so a
//! template's `{{#if}}` sees them as such). A cell Excel holds as an error
//! (`#DIV/0!`) is refused, naming the sheet, the cell (`B7`) and the field.
//!
//! Percentages read as people see them: an `.xlsx` number cell formatted
//! as a percentage (stored `0.951`, shown `95,1 %`) gives `95.1`; a figure
//! typed as text (`95,1%`, `185.420`) is read, in the data's number format,
//! where a number is wanted.
//!
//! An office's own indicator table (a header in Vietnamese, title rows
//! above it, group rows) is read by `workbook.rs`; formulas whose result
//! was never saved are refused here for both.
//!
//! In `.xls` and `.ods` a formatted percentage still reads as its stored
//! fraction (the reader does not expose their formats): type rates there as
//! plain numbers.

use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Ods, Range, Reader, Sheets, Xls, Xlsx};
use serde_json::{Map, Value};

use crate::data::{self, Row};
use crate::workbook;
use vanban::limits::Limits;
use vanban_i18n::{msg, Arg, Message};

/// The file extensions read as spreadsheets.
pub const EXTENSIONS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// Whether a path names a spreadsheet, by its extension.
pub fn is_sheet(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| EXTENSIONS.contains(&e.as_str()))
}

/// Every data row of sheet `sheet` (the first sheet when `None`) of the
/// workbook at `path`. Only a workbook or sheet that cannot be read is an
/// `Err`; a bad cell is its row's error, naming sheet, cell and field.
pub fn read_rows(path: &Path, sheet: Option<&str>) -> Result<Vec<Row>, Message> {
    read_rows_limited(path, sheet, &Limits::default())
}

/// [`read_rows`] within `limits`: the file is read once (a pipe too), at
/// most `max_file_bytes`, and checked (`book.rs`) before calamine sees it.
pub fn read_rows_limited(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<Vec<Row>, Message> {
    read_rows_counted(path, sheet, limits, &data::Skipped::default())
}

/// [`read_rows_limited`], counting the empty rows below the header (which
/// are skipped) in `skipped`.
pub fn read_rows_counted(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
    skipped: &data::Skipped,
) -> Result<Vec<Row>, Message> {
    read_book(path, sheet, limits, skipped, &workbook::Context::default())
}

/// [`read_rows_limited`], knowing the report's year, the data's number
/// format and its `columns:` mapping, for an office's own table.
pub fn read_rows_with(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
    context: &workbook::Context<'_>,
) -> Result<Vec<Row>, Message> {
    read_book(path, sheet, limits, &data::Skipped::default(), context)
}

fn read_book(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
    skipped: &data::Skipped,
    context: &workbook::Context<'_>,
) -> Result<Vec<Row>, Message> {
    let fail = |e: Message| Message::at(data::shown(path), e);
    let bytes = vanban::limits::read_bytes(path, limits.max_file_bytes).map_err(fail)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    rows_of_book(&bytes, &extension, sheet, limits, skipped, context).map_err(fail)
}

/// The rows of a workbook held in memory (`extension`: `xlsx`, `xlsm`,
/// `xls`, `ods`; anything else is read as CSV), within `limits`: what
/// [`read_rows_limited`] does once the file is read.
pub fn rows_from_bytes(
    bytes: &[u8],
    extension: &str,
    sheet: Option<&str>,
    limits: &Limits,
) -> Result<Vec<Row>, Message> {
    let skipped = data::Skipped::default();
    if is_sheet(Path::new(&format!("x.{extension}"))) {
        let context = workbook::Context::default();
        return rows_of_book(bytes, extension, sheet, limits, &skipped, &context);
    }
    let text =
        std::str::from_utf8(bytes).map_err(|e| msg!("file-not-utf8", offset = e.valid_up_to()))?;
    data::rows_from_csv(text)
}

fn rows_of_book(
    bytes: &[u8],
    extension: &str,
    sheet: Option<&str>,
    limits: &Limits,
    skipped: &data::Skipped,
    context: &workbook::Context<'_>,
) -> Result<Vec<Row>, Message> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(vanban::limits::exceeded_message(
            msg!("sheet-workbook-bytes", bytes = Arg::count(bytes.len())),
            limits.max_file_bytes,
            "max-file-bytes",
        ));
    }
    match extension {
        "ods" => crate::book::check_package(bytes, true, limits),
        "xls" => crate::xls_limits::check(bytes, limits),
        _ => crate::book::check_package(bytes, false, limits),
    }?;
    let mut book = open(bytes, extension)?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(wanted) => find_sheet(&names, wanted)
            .ok_or_else(|| msg!("sheet-not-found", name = wanted, names = quoted(&names)))?,
        None => names.first().cloned().ok_or_else(|| msg!("sheet-none"))?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| Message::at(msg!("sheet-name", name = &name), reader_error(e)))?;
    let percent = match extension {
        "xlsx" | "xlsm" => crate::xlsx_percent::percent_cells(bytes, &name),
        _ => HashSet::new(),
    };
    let blank: Vec<bool> = range.rows().map(|r| r.iter().all(is_blank)).collect();
    let leading = blank.iter().take_while(|b| **b).count();
    skipped.add(blank.iter().skip(leading + 1).filter(|b| **b).count());
    let stale =
        matches!(extension, "xlsx" | "xlsm") && crate::xlsx_calc::recalculated_on_load(bytes);
    let uncomputed = match book.worksheet_formula(&name) {
        Ok(formulas) => uncomputed_cells(&formulas, &range, stale),
        Err(_) => HashSet::new(),
    };
    let grid = grid_of(&name, &range, &percent, &uncomputed);
    workbook::office_rows(&grid, context).unwrap_or_else(|| rows_from_grid(&grid))
}

/// The reader the extension names, as checked: never guessed from the
/// content, where an `.xlsx` holding a binary workbook would reach a
/// reader nothing checked.
fn open<'a>(bytes: &'a [u8], extension: &str) -> Result<Sheets<Cursor<&'a [u8]>>, Message> {
    let input = Cursor::new(bytes);
    Ok(match extension {
        "ods" => Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(input).map_err(reader_error)?),
        "xls" => Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(input).map_err(reader_error)?),
        _ => Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(input).map_err(reader_error)?),
    })
}

/// The spreadsheet reader's own words, quoted after ours in Vietnamese.
fn reader_error(e: impl std::fmt::Display) -> Message {
    msg!("sheet-reader-error", detail = e.to_string())
}

/// The sheet named `wanted`, compared in NFC: a name typed on macOS
/// (decomposed, NFD) finds the sheet Excel stored composed, and back.
fn find_sheet(names: &[String], wanted: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let wanted: String = wanted.nfc().collect();
    names.iter().find(|n| n.nfc().eq(wanted.chars())).cloned()
}

/// Cells holding a formula whose result was never saved (a file written
/// by a program that does not compute formulas): refused, never read as
/// empty or as the 0 such programs save. With `stale`, the workbook says
/// no saved result is current: every formula cell is refused.
fn uncomputed_cells(
    formulas: &Range<String>,
    values: &Range<Data>,
    stale: bool,
) -> HashSet<String> {
    let Some((top, left)) = formulas.start() else {
        return HashSet::new();
    };
    formulas
        .cells()
        .filter(|(_, _, f)| !f.trim().is_empty())
        .map(|(r, c, _)| (top as usize + r, left as usize + c))
        .filter(|(r, c)| {
            stale
                || values
                    .get_value((*r as u32, *c as u32))
                    .is_none_or(|v| matches!(v, Data::Empty))
        })
        .map(|(r, c)| cell_name(c, r + 1))
        .collect()
}

/// The used range as rows of cells with their names and values.
fn grid_of<'a>(
    sheet: &'a str,
    range: &Range<Data>,
    percent: &HashSet<String>,
    uncomputed: &HashSet<String>,
) -> workbook::Grid<'a> {
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let line = first_row as usize + i + 1;
            let cells = cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let at = cell_name(first_col as usize + c, line);
                    let value = if uncomputed.contains(&at) {
                        Err(msg!("sheet-formula-unsaved"))
                    } else {
                        match cell_value(cell) {
                            Ok(Some(value)) if percent.contains(&at) => Ok(Some(as_percent(value))),
                            other => other,
                        }
                    };
                    workbook::GridCell { at, value }
                })
                .collect();
            (line, cells)
        })
        .collect();
    workbook::Grid { sheet, rows }
}

/// Rows of a sheet's used range: the first non-empty row is the header.
/// Number cells in `percent` (`B7`) are percentages, read × 100.
pub fn rows_from_range(
    sheet: &str,
    range: &Range<Data>,
    percent: &HashSet<String>,
) -> Result<Vec<Row>, Message> {
    rows_from_grid(&grid_of(sheet, range, percent, &HashSet::new()))
}

/// Rows below a header of data paths: the first non-empty row.
fn rows_from_grid(grid: &workbook::Grid<'_>) -> Result<Vec<Row>, Message> {
    let sheet = grid.sheet;
    let blank = |cells: &[workbook::GridCell]| cells.iter().all(|c| matches!(c.value, Ok(None)));
    let mut lines = grid.rows.iter().skip_while(|(_, cells)| blank(cells));
    let Some((header_line, header_cells)) = lines.next() else {
        return Ok(Vec::new());
    };
    let mut headers: Vec<Option<Vec<String>>> = Vec::new();
    let mut problems = Vec::new();
    for cell in header_cells {
        let at = &cell.at;
        headers.push(match &cell.value {
            Ok(None) => None,
            Ok(Some(Value::String(s))) => Some(s.trim().split('.').map(str::to_string).collect()),
            Ok(Some(other)) => {
                let why = msg!("sheet-header-not-name", found = describe(other));
                problems.push(Message::at(cell_at(sheet, at), why));
                None
            }
            Err(why) => {
                problems.push(Message::at(cell_at(sheet, at), why.clone()));
                None
            }
        });
    }
    let named = headers
        .iter()
        .zip(header_cells)
        .filter_map(|(h, cell)| Some((cell.at.clone(), h.as_ref()?.join("."))));
    problems.extend(
        duplicate_headers(named)
            .into_iter()
            .map(|p| msg!("sheet-cells", sheet = sheet, cells = p)),
    );
    for (header, cell) in headers.iter().zip(header_cells) {
        if let Some(why) = header.as_deref().and_then(too_deep) {
            problems.push(Message::at(cell_at(sheet, &cell.at), why));
        }
    }
    if !problems.is_empty() {
        return Err(Message::join(problems, "; "));
    }
    let mut rows = Vec::new();
    for (line, cells) in lines {
        if blank(cells) {
            continue;
        }
        let mut item = Value::Object(Map::new());
        let mut problems = Vec::new();
        let mut origins = Vec::new();
        for (i, cell) in cells.iter().enumerate() {
            let at = &cell.at;
            let path = headers.get(i).and_then(Option::as_ref);
            let value = match &cell.value {
                Ok(Some(value)) => value.clone(),
                Ok(None) => continue,
                Err(why) => {
                    let place = match path {
                        Some(p) => Message::concat([
                            cell_at(sheet, at),
                            msg!("sheet-field", field = p.join(".")),
                        ]),
                        None => cell_at(sheet, at),
                    };
                    problems.push(Message::at(place, why.clone()));
                    continue;
                }
            };
            let Some(path) = path else {
                let why = msg!("sheet-value-without-header", row = *header_line);
                problems.push(Message::at(cell_at(sheet, at), why));
                continue;
            };
            match data::set_path(&mut item, path, value) {
                Ok(()) => origins.push((path.join("."), cell_at(sheet, at))),
                Err(why) => problems.push(Message::at(cell_at(sheet, at), why)),
            }
        }
        let data = if problems.is_empty() {
            Ok(data::compact(item))
        } else {
            Err(Message::join(problems, "; "))
        };
        rows.push(Row {
            number: rows.len() + 1,
            line: Some(*line),
            data,
            cells: origins,
        });
    }
    Ok(rows)
}

/// Two columns with one header would each set the field, the second
/// silently dropping the first's value: every such pair, naming both
/// columns (`B1 and E1`, or in CSV `2 and 5`).
pub(crate) fn duplicate_headers(headers: impl Iterator<Item = (String, String)>) -> Vec<Message> {
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut problems = Vec::new();
    for (at, header) in headers {
        match seen.get(&header) {
            Some(first) => problems.push(msg!(
                "sheet-header-twice",
                first = first,
                second = &at,
                header = &header
            )),
            None => {
                seen.insert(header, at);
            }
        }
    }
    problems
}

/// A header path nested deeper than data may be (`a.b.c…` 100,000 times
/// would be followed, and its value compacted, by recursion).
pub(crate) fn too_deep(path: &[String]) -> Option<Message> {
    let max = Limits::default().max_depth;
    (path.len() > max).then(|| {
        vanban::limits::exceeded_message(
            msg!("sheet-header-depth", depth = path.len()),
            max as u64,
            "max-depth",
        )
    })
}

fn is_blank(cell: &Data) -> bool {
    match cell {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// A cell as data: `None` for an empty cell.
fn cell_value(cell: &Data) -> Result<Option<Value>, Message> {
    Ok(match cell {
        Data::Empty => None,
        Data::String(s) if s.trim().is_empty() => None,
        Data::String(s) => Some(text_value(s.trim())),
        Data::Int(n) => Some(Value::from(*n)),
        Data::Float(x) => Some(number(*x)),
        Data::Bool(b) => Some(Value::Bool(*b)),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            Some(Value::String(if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}")
            }))
        }
        Data::DateTime(_) | Data::DurationIso(_) => return Err(msg!("sheet-duration")),
        // ODS dates; a date without a time keeps only the date.
        Data::DateTimeIso(s) => Some(Value::String(
            s.strip_suffix("T00:00:00").unwrap_or(s).to_string(),
        )),
        Data::Error(e) => return Err(msg!("sheet-cell-error", error = e.to_string())),
    })
}

/// A number shown as a percentage, as shown: `0.951` → `95.1`.
fn as_percent(value: Value) -> Value {
    match value.as_f64() {
        // Rounded to drop float noise (0.951 × 100 = 95.10000000000001).
        Some(x) if value.is_number() => number((x * 100.0 * 1e9).round() / 1e9),
        _ => value,
    }
}

/// Text as typed. A figure typed as text (`185.420`, `95,1%`) stays text
/// here and is read where a number is wanted, in the data's
/// `number_format`, so a cell is never read in the wrong convention.
fn text_value(text: &str) -> Value {
    Value::String(text.to_string())
}

/// A whole float stays whole (`1150`, as YAML would give it, not `1150.0`).
fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

fn describe(value: &Value) -> Message {
    match value {
        Value::Number(n) => msg!("sheet-the-number", value = n.to_string()),
        other => msg!("sheet-the-value", value = other.to_string()),
    }
}

/// `sheet `Biểu 01`, cell B7`, in the language it is shown in.
pub(crate) fn cell_at(sheet: &str, at: &str) -> Message {
    msg!("sheet-cell", sheet = sheet, cell = at)
}

/// `B7` from a 0-based column and a 1-based row.
pub fn cell_name(column: usize, row: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push((b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    use serde_json::json;

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(0, 1), "A1");
        assert_eq!(cell_name(1, 7), "B7");
        assert_eq!(cell_name(25, 2), "Z2");
        assert_eq!(cell_name(26, 3), "AA3");
        assert_eq!(cell_name(27, 10), "AB10");
    }

    fn workbook(path: &Path) {
        let mut book = Workbook::new();
        let first = book.add_worksheet().set_name("Ghi chú").unwrap();
        first.write_string(0, 0, "not data").unwrap();
        let sheet = book.add_worksheet().set_name("Chỉ tiêu").unwrap();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        // A blank first row: the header is the first row with something in it.
        for (c, h) in ["name", "unit", "plan", "actual", "date", "group.name"]
            .iter()
            .enumerate()
        {
            sheet.write_string(1, c as u16, *h).unwrap();
        }
        sheet
            .write_string(2, 0, "Diện tích m² * _x_ #1 & co")
            .unwrap();
        sheet.write_string(2, 1, "ha").unwrap();
        sheet.write_number(2, 2, 1200).unwrap();
        sheet.write_number(2, 3, 1185.5).unwrap();
        let day = ExcelDateTime::from_ymd(2024, 12, 16).unwrap();
        sheet.write_datetime_with_format(2, 4, &day, &date).unwrap();
        sheet.write_string(2, 5, "Kinh tế").unwrap();
        // Row 4: an empty actual (absent) and a percentage typed as text.
        sheet.write_string(3, 0, "Tỷ lệ").unwrap();
        sheet.write_string(3, 2, "95,1%").unwrap();
        sheet.write_string(3, 3, "  ").unwrap();
        // A number formatted as a percentage: stored 0.951, shown 95,1 %.
        let percent = Format::new().set_num_format("0.0%");
        sheet
            .write_number_with_format(3, 4, 0.951, &percent)
            .unwrap();
        // Row 5: a formula error in D5.
        sheet.write_string(4, 0, "Hỏng").unwrap();
        sheet.write_formula(4, 3, "=1/0").unwrap();
        book.save(path).unwrap();
    }

    #[test]
    fn rows_keep_cell_types_and_name_bad_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.xlsx");
        workbook(&path);
        let rows = read_rows(&path, Some("Chỉ tiêu")).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].line, Some(3));
        // rust_xlsxwriter saves no result for a formula: refused, not empty.
        let uncomputed = rows[2].data.as_ref().unwrap_err().english();
        assert!(
            uncomputed.contains("cell D5") && uncomputed.contains("never saved"),
            "{uncomputed}"
        );
        assert_eq!(
            rows[0].data.as_ref().unwrap(),
            &json!({"name": "Diện tích m² * _x_ #1 & co", "unit": "ha", "plan": 1200,
                    "actual": 1185.5, "date": "2024-12-16", "group": {"name": "Kinh tế"}})
        );
        assert_eq!(
            rows[1].data.as_ref().unwrap(),
            &json!({"name": "Tỷ lệ", "plan": 95.1, "date": 95.1})
        );
        // An error value is tested below on a hand-made range.
        let first = read_rows(&path, None).unwrap();
        assert!(first.is_empty(), "the first sheet has a header only");
        let missing = read_rows(&path, Some("Không có")).unwrap_err().english();
        assert!(
            missing.contains("no sheet `Không có`") && missing.contains("`Chỉ tiêu`"),
            "{missing}"
        );
    }

    #[test]
    fn a_sheet_named_in_nfd_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("book.xlsx");
        workbook(&path);
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Chỉ tiêu".nfd().collect();
        assert_ne!(nfd, "Chỉ tiêu");
        assert_eq!(read_rows(&path, Some(&nfd)).unwrap().len(), 3);
    }

    #[test]
    fn cells_far_apart_are_refused_before_calamine_allocates_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("far.xlsx");
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "name").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        book.save(&path).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
        let err = read_rows(&path, None).unwrap_err().english();
        assert!(
            err.contains("its cells span A1:XFD1048576 (17179869184 cells), more than the limit of 4000000 (raise it with --max-cells)"),
            "{err}"
        );
        let small = Limits {
            max_file_bytes: 100,
            ..Limits::default()
        };
        let err = read_rows_limited(&path, None, &small)
            .unwrap_err()
            .english();
        assert!(err.contains("--max-file-bytes"), "{err}");
    }

    #[test]
    fn a_duplicate_header_names_both_columns() {
        let mut range = Range::new((0, 0), (1, 2));
        range.set_value((0, 0), Data::String("plan".into()));
        range.set_value((0, 1), Data::String("name".into()));
        range.set_value((0, 2), Data::String(" plan ".into()));
        range.set_value((1, 0), Data::Int(1));
        let err = rows_from_range("Chỉ tiêu", &range, &HashSet::new())
            .unwrap_err()
            .english();
        assert!(
            err.contains("A1 and C1 both have the header `plan`"),
            "{err}"
        );
    }

    #[test]
    fn an_error_cell_names_sheet_cell_and_field() {
        let mut range = Range::new((0, 0), (2, 2));
        range.set_value((0, 0), Data::String("name".into()));
        range.set_value((0, 1), Data::String("plan".into()));
        range.set_value((1, 0), Data::String("A".into()));
        range.set_value((1, 1), Data::Error(calamine::CellErrorType::Div0));
        range.set_value((2, 0), Data::String("B".into()));
        range.set_value((2, 2), Data::Int(3));
        let rows = rows_from_range("Chỉ tiêu", &range, &HashSet::new()).unwrap();
        let bad = rows[0].data.as_ref().unwrap_err().english();
        assert!(
            bad.contains("sheet `Chỉ tiêu`, cell B2, field `plan`") && bad.contains("#DIV/0!"),
            "{bad}"
        );
        let stray = rows[1].data.as_ref().unwrap_err().english();
        assert!(stray.contains("cell C3"), "{stray}");
    }
}
