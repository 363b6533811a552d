//! A workbook's bytes held to the limits before calamine reads them.
//!
//! calamine allocates what a file says: a sheet's cells as one rectangle
//! from its first to its last used cell (one cell at `XFD1048576` asks for
//! 17 billion cells), shared strings by their declared count, every `.ods`
//! sheet at once. So the package is first read here, as a stream and once:
//! the zip parts within the inflation limits (`zip_limits`), and in the
//! XML the rectangle each sheet's cells with content really span, the
//! shared strings counted, against `max_cells`. Only a workbook that passes
//! reaches calamine. (`.xls` is checked in `xls_limits.rs`.)

use std::io::{BufReader, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::sheet::cell_name;
use vanban::limits::{exceeded_message as exceeded, Limits};
use vanban::zip_limits;
use vanban_i18n::Message;

/// Checks an `.xlsx`/`.xlsm` (`ods` false) or `.ods` (`ods` true) package.
pub fn check_package(bytes: &[u8], ods: bool, limits: &Limits) -> Result<(), Message> {
    let mut ods_cells = 0u64;
    zip_limits::each_part(bytes, limits, |name, part| {
        if ods && name == "content.xml" {
            ods_cells = ods_span(part, limits.max_cells)?;
        } else if !ods && name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            xlsx_span(part, limits.max_cells)
                .map_err(|why| Message::at(Message::text(name), why))?;
        } else if !ods && name == "xl/sharedStrings.xml" {
            shared_strings(part, limits.max_cells)?;
        }
        Ok(())
    })?;
    debug_assert!(ods_cells <= limits.max_cells);
    Ok(())
}

/// A rectangle of cells: first and last row and column (0-based).
#[derive(Default)]
struct Span(Option<(u64, u64, u64, u64)>);

impl Span {
    fn add(&mut self, row: u64, col: u64) {
        self.0 = Some(match self.0 {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn cells(&self) -> u64 {
        self.0.map_or(0, |(r0, r1, c0, c1)| {
            (r1 - r0 + 1).saturating_mul(c1 - c0 + 1)
        })
    }

    fn check(&self, max: u64) -> Result<(), Message> {
        let cells = self.cells();
        match self.0 {
            Some((r0, r1, c0, c1)) if cells > max => Err(exceeded(
                vanban_i18n::msg!(
                    "limit-cells-span",
                    from = cell_name(c0 as usize, r0 as usize + 1),
                    to = cell_name(c1 as usize, r1 as usize + 1),
                    cells = vanban_i18n::Arg::count(cells)
                ),
                max,
                "max-cells",
            )),
            _ => Ok(()),
        }
    }
}

/// Streams XML events to `f` (local name, the tag, whether it opens);
/// end tags come as `None`.
fn each_tag(
    part: &mut dyn Read,
    mut f: impl FnMut(&[u8], Option<&BytesStart<'_>>, bool) -> Result<(), Message>,
) -> Result<(), Message> {
    let mut reader = Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => f(e.local_name().as_ref(), Some(&e), true)?,
            Ok(Event::Empty(e)) => f(e.local_name().as_ref(), Some(&e), false)?,
            Ok(Event::End(e)) => f(e.local_name().as_ref(), None, false)?,
            Ok(Event::Eof) => return Ok(()),
            // calamine reports malformed XML itself, with its own words.
            Err(_) => return Ok(()),
            _ => {}
        }
    }
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<Vec<u8>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name || a.key.local_name().as_ref() == name)
        .map(|a| a.value.into_owned())
}

fn number(bytes: &[u8]) -> Option<u64> {
    std::str::from_utf8(bytes).ok()?.trim().parse().ok()
}

/// `XFD1048576` → (row 1048575, column 16383), 0-based.
fn reference(bytes: &[u8]) -> Option<(u64, u64)> {
    let letters = bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let col = bytes[..letters].iter().fold(0u64, |n, b| {
        n * 26 + u64::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row = number(&bytes[letters..])?;
    Some((row.checked_sub(1)?, col - 1))
}

/// The cells with content of one `.xlsx` sheet, placed as calamine places
/// them (a cell or row without `r` follows the one before).
fn xlsx_span(part: &mut dyn Read, max: u64) -> Result<(), Message> {
    let mut span = Span::default();
    let (mut row, mut col) = (0u64, 0u64);
    let mut first_row = true;
    let mut in_cell = false;
    let mut has_value = false;
    each_tag(part, |name, tag, open| {
        match (name, tag) {
            (b"row", Some(e)) => {
                row = match attr(e, b"r").as_deref().and_then(number) {
                    Some(r) => r.saturating_sub(1),
                    None if first_row => 0,
                    None => row + 1,
                };
                first_row = false;
                col = u64::MAX;
            }
            (b"c", Some(e)) => {
                match attr(e, b"r").as_deref().and_then(reference) {
                    Some((r, c)) => (row, col) = (r, c),
                    None => col = col.wrapping_add(1),
                }
                in_cell = open;
                has_value = false;
            }
            (b"v" | b"is", Some(_)) if in_cell => has_value = true,
            (b"c", None) => {
                if has_value {
                    span.add(row, col);
                    span.check(max)?;
                }
                in_cell = false;
            }
            _ => {}
        }
        Ok(())
    })
}

/// calamine reserves room for the count the shared strings declare.
fn shared_strings(part: &mut dyn Read, max: u64) -> Result<(), Message> {
    let mut count = 0u64;
    each_tag(part, |name, tag, _| {
        match (name, tag) {
            (b"sst", Some(e)) => {
                for key in [&b"uniqueCount"[..], b"count"] {
                    if let Some(n) = attr(e, key).as_deref().and_then(number) {
                        if n > max {
                            return Err(exceeded(
                                vanban_i18n::msg!(
                                    "limit-shared-strings-declared",
                                    count = vanban_i18n::Arg::count(n)
                                ),
                                max,
                                "max-cells",
                            ));
                        }
                    }
                }
            }
            (b"si", Some(_)) => {
                count += 1;
                if count > max {
                    return Err(exceeded(
                        vanban_i18n::msg!("limit-shared-strings-more"),
                        max,
                        "max-cells",
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    })
}

/// The cells calamine would hold for every sheet of an `.ods` (it reads
/// them all at once): per table, the rows up to the last with content
/// (repeats counted) times the widest row up to its last cell with
/// content. Returns the total, refused past `max`.
fn ods_span(part: &mut dyn Read, max: u64) -> Result<u64, Message> {
    let mut total = 0u64;
    // Per table: rows so far, rows up to the last with content, widest.
    let (mut rows, mut used_rows, mut width) = (0u64, 0u64, 0u64);
    // Per row: its repeat, columns so far, up to the last with content.
    let (mut row_repeat, mut cols, mut used_cols) = (1u64, 0u64, 0u64);
    // The cell open now: its repeat, and whether it has content.
    let mut cell: Option<(u64, bool)> = None;
    let repeat = |e: &BytesStart<'_>, key: &[u8]| {
        attr(e, key).as_deref().and_then(number).unwrap_or(1).max(1)
    };
    let mut table_name = String::new();
    each_tag(part, |name, tag, open| {
        match (name, tag) {
            (b"table", Some(e)) => {
                (rows, used_rows, width) = (0, 0, 0);
                table_name = attr(e, b"name")
                    .map(|n| String::from_utf8_lossy(&n).into_owned())
                    .unwrap_or_default();
            }
            (b"table-row", Some(e)) => {
                row_repeat = repeat(e, b"number-rows-repeated");
                (cols, used_cols) = (0, 0);
                if !open {
                    rows = rows.saturating_add(row_repeat);
                }
            }
            (b"table-cell" | b"covered-table-cell", Some(e)) => {
                let n = repeat(e, b"number-columns-repeated");
                let typed = attr(e, b"value-type").is_some();
                if open {
                    cell = Some((n, typed));
                } else {
                    cols = cols.saturating_add(n);
                    if typed {
                        used_cols = cols;
                    }
                }
            }
            (b"p", Some(_)) => {
                if let Some((_, content)) = cell.as_mut() {
                    *content = true;
                }
            }
            (b"table-cell" | b"covered-table-cell", None) => {
                if let Some((n, content)) = cell.take() {
                    cols = cols.saturating_add(n);
                    if content {
                        used_cols = cols;
                    }
                }
            }
            (b"table-row", None) => {
                rows = rows.saturating_add(row_repeat);
                if used_cols > 0 {
                    used_rows = rows;
                    width = width.max(used_cols);
                }
            }
            (b"table", None) => {
                let cells = used_rows.saturating_mul(width);
                total = total.saturating_add(cells);
                if total > max {
                    return Err(exceeded(
                        vanban_i18n::msg!(
                            "limit-sheet-cells",
                            sheet = table_name.as_str(),
                            rows = vanban_i18n::Arg::count(used_rows),
                            columns = vanban_i18n::Arg::count(width),
                            cells = vanban_i18n::Arg::count(cells),
                            total = vanban_i18n::Arg::count(total)
                        ),
                        max,
                        "max-cells",
                    ));
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    #[test]
    fn references_read_as_rows_and_columns() {
        assert_eq!(reference(b"A1"), Some((0, 0)));
        assert_eq!(reference(b"XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(reference(b"AB10"), Some((9, 27)));
        assert_eq!(reference(b"10"), None);
    }

    fn span(xml: &str, max: u64) -> Result<(), Message> {
        xlsx_span(&mut Cursor::new(xml.as_bytes()), max)
    }

    #[test]
    fn the_span_is_that_of_cells_with_content() {
        let far = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>
            <row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="2"/></row>
            <row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>
            </sheetData></worksheet>"#;
        let err = span(far, 4_000_000).unwrap_err().english();
        assert!(
            err.contains("span A1:XFD1048576 (17179869184 cells)") && err.contains("--max-cells"),
            "{err}"
        );
        // A declared dimension and an empty styled cell far away cost nothing.
        let near = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>
            <row><c><v>1</v></c><c><v>2</v></c></row><row><c/><c><v>3</v></c></row>
            <row r="9"><c r="XFD9" s="1"/></row></sheetData></worksheet>"#;
        assert!(span(near, 4).is_ok());
        assert!(span(near, 3)
            .unwrap_err()
            .english()
            .contains("span A1:B2 (4 cells)"));
    }

    #[test]
    fn ods_repeats_count_only_up_to_content() {
        let content = r#"<office:document-content><office:body><office:spreadsheet>
            <table:table table:name="Trang 1">
              <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell>
                <table:table-cell table:number-columns-repeated="16383"/></table:table-row>
              <table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>
            </table:table>
            <table:table table:name="Bom">
              <table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row>
            </table:table></office:spreadsheet></office:body></office:document-content>"#;
        let err = ods_span(&mut Cursor::new(content.as_bytes()), 4_000_000)
            .unwrap_err()
            .english();
        assert!(
            err.contains("sheet `Bom`: its cells span 100000 rows × 1000 columns")
                && err.contains("--max-cells"),
            "{err}"
        );
        let first = content
            .split("<table:table table:name=\"Bom\">")
            .next()
            .unwrap();
        let total = ods_span(&mut Cursor::new(first.as_bytes()), 4_000_000).unwrap();
        assert_eq!(total, 1);
    }

    #[test]
    fn a_declared_string_count_is_not_trusted() {
        let sst = r#"<sst count="99999999999" uniqueCount="99999999999"><si><t>a</t></si></sst>"#;
        let err = shared_strings(&mut Cursor::new(sst.as_bytes()), 4_000_000)
            .unwrap_err()
            .english();
        assert!(err.contains("declares 99999999999 shared strings"), "{err}");
    }
}
