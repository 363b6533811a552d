//! The office's own indicator workbook, as clerks keep it: a title row or
//! two, then a header in Vietnamese (`TT`, `Chỉ tiêu`, `Đơn vị tính`, `Kế
//! hoạch năm 2025`, `Thực hiện năm 2025`, `Thực hiện năm 2024`, `Ghi chú`
//! …), group rows (`I. KINH TẾ`, or `I` in the TT column, with no figures)
//! and indicator rows. Read into the indicator fields of `indicators.rs`
//! (`name`, `unit`, `plan`, `actual`, `previous`, `direction`, `key`,
//! `note`, `group`, `measure`, `subtotal`).
//!
//! A header cell is known by its words (`header_field`), or named by the
//! data's `columns:` mapping (`{"Số liệu 2025": actual}`), which wins. The
//! year in a header is checked against the report's: `Kế hoạch năm 2025`
//! in a report on 2024 is refused with its cell. Columns vanban computes
//! itself (`So sánh (%)`, `Đánh giá`) are left out: the figures printed are
//! reckoned from plan and result, never copied.

use serde_json::{Map, Value};

use crate::data::Row;
use crate::numbers::{number_in, NumberFormat};
use vanban::vn;
use vanban_i18n::{msg, Message};

use crate::sheet::cell_at;

/// A column of the office's table.
#[derive(Debug, Clone, PartialEq)]
enum Column {
    /// An indicator field (`plan`), as a header names it.
    Field(&'static str),
    /// A field named by the data's `columns:` mapping.
    Named(String),
    /// `Thực hiện năm N`: the result of year N (actual or previous).
    Result(i32),
    /// `TT`: numbering, read only to find group rows.
    Number,
    /// Reckoned by vanban (`So sánh (%)`, `Đánh giá`): not read.
    Computed,
    /// A header of no known words: a data path (`weight`, `group.name`)
    /// is read as one; other text is refused where its column holds values.
    Other(String),
}

/// What the reader knows besides the sheet.
#[derive(Debug, Default, Clone)]
pub struct Context<'a> {
    /// The data's `columns:` mapping: header text → field.
    pub columns: Option<&'a Map<String, Value>>,
    /// The year the report is on (the data's `year`).
    pub year: Option<i32>,
    /// How figures typed as text are written (the data's `number_format`).
    pub numbers: NumberFormat,
    /// The data field the rows fill (`indicators`), to name a bad figure by
    /// its data path as well as its cell.
    pub field: Option<&'a str>,
}

/// Header text as compared: NFC, lower case, one space, no trailing `:`.
fn words(text: &str) -> String {
    let text = vn::nfc(text).to_lowercase();
    let text = text.trim().trim_end_matches(':').replace(['\n', '\r'], " ");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The year a header names (`Kế hoạch năm 2025`, `KH 2025`).
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=2200).contains(y))
}

/// The column a header cell names, by its words.
fn header_field(text: &str) -> Option<Column> {
    let w = words(text);
    // The header's words without a year or a unit in brackets.
    let bare: String = w
        .split(['(', '['])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect::<String>();
    let bare = bare
        .trim()
        .trim_end_matches(" năm")
        .trim_end_matches(':')
        .trim()
        .to_string();
    let starts = |prefixes: &[&str]| {
        prefixes
            .iter()
            .any(|p| bare == *p || bare.starts_with(&format!("{p} ")))
    };
    let is = |names: &[&str]| names.iter().any(|n| bare == *n);
    Some(if is(&["tt", "stt", "số tt", "số thứ tự", "no", "no."]) {
        Column::Number
    } else if w.contains("so sánh")
        || w.contains("so với")
        || w.contains("đánh giá")
        || w.contains('%') && (w.contains("kế hoạch") || w.contains("kh") || w.contains("cùng kỳ"))
        || is(&["tỷ lệ hoàn thành", "kết quả"])
    {
        Column::Computed
    } else if is(&[
        "chỉ tiêu chủ yếu",
        "chủ yếu",
        "trọng tâm",
        "chỉ tiêu trọng tâm",
        "key",
    ]) {
        Column::Field("key")
    } else if is(&[
        "chỉ tiêu",
        "tên chỉ tiêu",
        "nội dung",
        "nội dung chỉ tiêu",
        "các chỉ tiêu",
        "indicator",
        "name",
    ]) {
        Column::Field("name")
    } else if is(&["đơn vị tính", "đơn vị", "đvt", "unit"]) {
        Column::Field("unit")
    } else if starts(&["cùng kỳ", "thực hiện cùng kỳ", "previous"]) {
        Column::Field("previous")
    } else if starts(&[
        "kế hoạch",
        "kh",
        "chỉ tiêu kế hoạch",
        "chỉ tiêu giao",
        "plan",
    ]) {
        Column::Field("plan")
    } else if starts(&[
        "thực hiện",
        "th",
        "ước thực hiện",
        "ước th",
        "ước tính",
        "actual",
    ]) {
        match year_in(&w) {
            Some(year) => Column::Result(year),
            None => Column::Field("actual"),
        }
    } else if is(&[
        "chiều hướng",
        "tăng/giảm",
        "tăng-giảm",
        "tăng - giảm",
        "tăng, giảm",
        "hướng",
        "direction",
    ]) {
        Column::Field("direction")
    } else if is(&["ghi chú", "note", "notes"]) {
        Column::Field("note")
    } else if is(&["nhóm", "lĩnh vực", "group"]) {
        Column::Field("group")
    } else if is(&["loại chỉ tiêu", "đo lường", "measure"]) {
        Column::Field("measure")
    } else if is(&["cộng nhóm", "subtotal"]) {
        Column::Field("subtotal")
    } else {
        return None;
    })
}

/// The header row's columns, or `None` when the row is not an office
/// header (fewer than two known cells, or no `Chỉ tiêu` column).
fn read_header(cells: &[String], context: &Context<'_>) -> Option<Vec<Option<Column>>> {
    let named = |text: &str| -> Option<Column> {
        let map = context.columns?;
        let target = map
            .iter()
            .find(|(k, _)| words(k) == words(text))
            .and_then(|(_, v)| v.as_str())?;
        Some(Column::Named(target.trim().to_string()))
    };
    let columns: Vec<Option<Column>> = cells
        .iter()
        .map(|c| {
            if c.trim().is_empty() {
                None
            } else {
                named(c)
                    .or_else(|| header_field(c))
                    .or_else(|| Some(Column::Other(c.trim().to_string())))
            }
        })
        .collect();
    let known = columns
        .iter()
        .flatten()
        .filter(|c| !matches!(c, Column::Other(_)))
        .count();
    let has_name = columns.iter().any(|c| {
        matches!(c, Some(Column::Field("name")))
            || matches!(c, Some(Column::Named(n)) if n == "name")
    });
    (known >= 2 && has_name).then_some(columns)
}

/// How the sheet's cells are given to this reader: each row's cells as
/// values (`None` empty), with the cell names for messages.
pub struct Grid<'a> {
    pub sheet: &'a str,
    /// 1-based sheet row and its cells (value or why it cannot be read).
    pub rows: Vec<(usize, Vec<GridCell>)>,
}

pub struct GridCell {
    /// `B7`
    pub at: String,
    pub value: Result<Option<Value>, Message>,
}

impl GridCell {
    fn text(&self) -> String {
        match &self.value {
            Ok(Some(Value::String(s))) => s.trim().to_string(),
            Ok(Some(other)) => other.to_string(),
            _ => String::new(),
        }
    }

    fn is_blank(&self) -> bool {
        matches!(self.value, Ok(None))
    }
}

/// Marks a column whose header is not known, in the fields list.
const UNKNOWN: &str = "\u{0}unknown";

/// A header written as a data path (`group.name`, `weight`): ASCII letters,
/// digits, `_` and `.`.
fn is_data_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// How many rows above the header may be titles.
const MAX_TITLE_ROWS: usize = 30;

/// The office table's rows as indicator items, or `None` when the sheet
/// has no office header in its first rows (then its header holds data
/// paths, read by `sheet.rs`).
pub fn office_rows(grid: &Grid<'_>, context: &Context<'_>) -> Option<Result<Vec<Row>, Message>> {
    let (index, columns) =
        grid.rows
            .iter()
            .take(MAX_TITLE_ROWS)
            .enumerate()
            .find_map(|(i, (_, cells))| {
                let texts: Vec<String> = cells.iter().map(GridCell::text).collect();
                read_header(&texts, context).map(|c| (i, c))
            })?;
    let (_, header_cells) = &grid.rows[index];
    Some(read_table(
        grid,
        header_cells,
        columns,
        &grid.rows[index + 1..],
        context,
    ))
}

fn read_table(
    grid: &Grid<'_>,
    header_cells: &[GridCell],
    columns: Vec<Option<Column>>,
    body: &[(usize, Vec<GridCell>)],
    context: &Context<'_>,
) -> Result<Vec<Row>, Message> {
    let sheet = grid.sheet;
    let fields = result_fields(&columns, header_cells, sheet, context)?;
    let mut rows = Vec::new();
    // The group of the rows below a group row; a group row with no rows
    // under it (a note under the table) names nothing.
    let mut group: Option<String> = None;
    for (line, cells) in body {
        if cells.iter().all(GridCell::is_blank) {
            continue;
        }
        let mut item = Map::new();
        let mut origins = Vec::new();
        let mut problems = Vec::new();
        let mut number_cell = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let Some(field) = fields.get(i).and_then(Option::as_deref) else {
                continue;
            };
            let value = match &cell.value {
                Ok(Some(v)) => v.clone(),
                Ok(None) => continue,
                Err(why) => {
                    let column = msg!("workbook-column", column = header_cells[i].text());
                    let place = Message::concat([cell_at(sheet, &cell.at), column]);
                    problems.push(Message::at(place, why.clone()));
                    continue;
                }
            };
            if field.starts_with(UNKNOWN) {
                let header = header_cells[i].text();
                let why = msg!("workbook-column-unknown", header = &header);
                problems.push(Message::at(cell_at(sheet, &cell.at), why));
                continue;
            }
            if field == "tt" {
                number_cell = cell.text();
                continue;
            }
            // Figures are read here, so a bad one is named by its cell
            // along with every other bad cell of the sheet.
            let value = match (field, &value) {
                ("plan" | "actual" | "previous", Value::String(text))
                    if !matches!(text.trim(), "" | "-" | "–") =>
                {
                    match number_in(&value, context.numbers) {
                        Ok(x) => serde_json::json!(x),
                        Err(why) => {
                            let mut place = Vec::new();
                            if let Some(list) = context.field {
                                place.push(msg!(
                                    "workbook-data-path",
                                    path = format!("{list}.{}.{field}", rows.len())
                                ));
                            }
                            place.push(cell_at(sheet, &cell.at));
                            place.push(msg!("workbook-column", column = header_cells[i].text()));
                            problems.push(Message::at(Message::concat(place), why));
                            continue;
                        }
                    }
                }
                _ => value,
            };
            let path: Vec<String> = field.split('.').map(str::to_string).collect();
            let mut whole = Value::Object(std::mem::take(&mut item));
            match crate::data::set_path(&mut whole, &path, value) {
                Ok(()) => origins.push((field.to_string(), cell_at(sheet, &cell.at))),
                Err(why) => problems.push(Message::at(cell_at(sheet, &cell.at), why)),
            }
            if let Value::Object(map) = whole {
                item = map;
            }
        }
        let texts: Vec<String> = cells
            .iter()
            .map(GridCell::text)
            .filter(|t| !t.is_empty())
            .collect();
        if let Some(name) = group_name(&item, &number_cell, &texts) {
            group = Some(name);
            continue;
        }
        if !item.contains_key("name") && problems.is_empty() {
            problems.push(msg!("workbook-row-needs-name", sheet = sheet, row = *line));
        }
        if let Some(g) = &group {
            item.entry("group")
                .or_insert_with(|| Value::String(g.clone()));
        }
        rows.push(Row {
            number: rows.len() + 1,
            line: Some(*line),
            data: if problems.is_empty() {
                Ok(Value::Object(item))
            } else {
                Err(Message::join(problems, "; "))
            },
            cells: origins,
        });
    }
    Ok(rows)
}

/// Each column's field; the `Thực hiện năm N` columns become `actual`
/// (the report's year, or the latest) and `previous` (the year before),
/// every header year checked against the report's.
fn result_fields(
    columns: &[Option<Column>],
    header: &[GridCell],
    sheet: &str,
    context: &Context<'_>,
) -> Result<Vec<Option<String>>, Message> {
    let results: Vec<i32> = columns
        .iter()
        .filter_map(|c| match c {
            Some(Column::Result(y)) => Some(*y),
            _ => None,
        })
        .collect();
    let report_year = context.year.or_else(|| results.iter().copied().max());
    let mut problems = Vec::new();
    let mut fields = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let at = &header[i].at;
        let text = header[i].text();
        let wrong_year = |year: i32, want: i32| {
            let why = msg!(
                "workbook-wrong-year",
                text = &text,
                year = year,
                want = want
            );
            Message::at(cell_at(sheet, at), why)
        };
        let header_year = year_in(&text);
        fields.push(match column {
            None => None,
            Some(Column::Number) => Some("tt".to_string()),
            Some(Column::Computed) => None,
            Some(Column::Named(field)) if field == "-" || field.is_empty() => None,
            Some(Column::Named(field)) => Some(field.clone()),
            Some(Column::Other(text)) if is_data_path(text) => Some(text.clone()),
            Some(Column::Other(_)) => Some(format!("{UNKNOWN}{i}")),
            Some(Column::Result(year)) => match report_year {
                Some(want) if *year == want => Some("actual".into()),
                Some(want) if *year == want - 1 => Some("previous".into()),
                Some(want) => {
                    problems.push(wrong_year(*year, want));
                    None
                }
                None => None,
            },
            Some(Column::Field(field)) => {
                match (*field, header_year, context.year) {
                    ("plan" | "actual", Some(year), Some(want)) if year != want => {
                        problems.push(wrong_year(year, want));
                    }
                    _ => {}
                }
                Some((*field).to_string())
            }
        });
    }
    for field in ["name", "plan", "actual", "previous", "unit"] {
        let at: Vec<&str> = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.as_deref() == Some(field))
            .map(|(i, _)| header[i].at.as_str())
            .collect();
        if at.len() > 1 {
            problems.push(msg!(
                "workbook-field-twice",
                sheet = sheet,
                cells = at.join(", "),
                field = field
            ));
        }
    }
    if problems.is_empty() {
        Ok(fields)
    } else {
        Err(Message::join(problems, "\n"))
    }
}

/// A group row: no figures and no unit, and a Roman numeral in the TT
/// column (`I`), or text that opens with one (`I. KINH TẾ`), or a single
/// text across the row (a merged cell). The group's name without its numeral.
fn group_name(item: &Map<String, Value>, number: &str, texts: &[String]) -> Option<String> {
    let has = |k: &str| item.contains_key(k);
    if has("plan") || has("actual") || has("previous") || has("unit") {
        return None;
    }
    let name = item.get("name").and_then(Value::as_str).map(str::trim);
    if is_roman(number) {
        return name
            .map(str::to_string)
            .or_else(|| Some(number.to_string()));
    }
    let text = match (name, texts) {
        (Some(n), _) => n.to_string(),
        (None, [only]) => only.clone(),
        _ => return None,
    };
    if let Some((label, rest)) = text.split_once(['.', ')']) {
        if is_roman(label.trim()) && !rest.trim().is_empty() {
            return Some(rest.trim().to_string());
        }
    }
    (texts.len() == 1 && name.is_none()).then_some(text)
}

fn is_roman(text: &str) -> bool {
    !text.is_empty() && text.len() <= 6 && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn grid(rows: &[&[&str]]) -> Grid<'static> {
        Grid {
            sheet: "Biểu 01",
            rows: rows
                .iter()
                .enumerate()
                .map(|(r, cells)| {
                    let cells = cells
                        .iter()
                        .enumerate()
                        .map(|(c, text)| GridCell {
                            at: crate::sheet::cell_name(c, r + 1),
                            value: Ok((!text.is_empty()).then(|| json!(text))),
                        })
                        .collect();
                    (r + 1, cells)
                })
                .collect(),
        }
    }

    #[test]
    fn headers_in_vietnamese() {
        assert_eq!(header_field("Chỉ tiêu"), Some(Column::Field("name")));
        assert_eq!(header_field("Đơn vị\ntính"), Some(Column::Field("unit")));
        assert_eq!(header_field("ĐVT"), Some(Column::Field("unit")));
        assert_eq!(
            header_field("Kế hoạch năm 2025"),
            Some(Column::Field("plan"))
        );
        assert_eq!(
            header_field("Thực hiện năm 2024"),
            Some(Column::Result(2024))
        );
        assert_eq!(
            header_field("Ước thực hiện năm 2025"),
            Some(Column::Result(2025))
        );
        assert_eq!(header_field("Cùng kỳ"), Some(Column::Field("previous")));
        assert_eq!(header_field("Tăng/giảm"), Some(Column::Field("direction")));
        assert_eq!(header_field("Chỉ tiêu chủ yếu"), Some(Column::Field("key")));
        assert_eq!(header_field("Ghi chú"), Some(Column::Field("note")));
        assert_eq!(header_field("STT"), Some(Column::Number));
        assert_eq!(header_field("So sánh (%)"), Some(Column::Computed));
        assert_eq!(header_field("TH/KH (%)"), Some(Column::Computed));
        assert_eq!(header_field("Tên đơn vị"), None);
    }

    #[test]
    fn an_office_table_with_a_title_and_group_rows() {
        let g = grid(&[
            &[
                "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &["", "", "", "", "", "", ""],
            &[
                "TT",
                "Chỉ tiêu",
                "Đơn vị tính",
                "Thực hiện năm 2024",
                "Kế hoạch năm 2025",
                "Thực hiện năm 2025",
                "Ghi chú",
            ],
            &["I. KINH TẾ", "", "", "", "", "", ""],
            &[
                "1",
                "Thu ngân sách",
                "triệu đồng",
                "170.700",
                "180.000",
                "185.420",
                "Ước",
            ],
            &["II", "XÃ HỘI", "", "", "", "", ""],
            &["2", "Tỷ lệ hộ nghèo", "%", "2,15", "1,6", "1,48", ""],
        ]);
        let rows = office_rows(
            &g,
            &Context {
                year: Some(2025),
                ..Context::default()
            },
        )
        .unwrap()
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0].data.as_ref().unwrap(),
            &json!({"name": "Thu ngân sách", "unit": "triệu đồng", "previous": 170_700.0,
                    "plan": 180_000.0, "actual": 185_420.0, "note": "Ước", "group": "KINH TẾ"})
        );
        assert_eq!(rows[1].data.as_ref().unwrap()["group"], "XÃ HỘI");
        assert!(
            rows[0]
                .cells
                .iter()
                .any(|(field, cell)| field == "actual"
                    && cell.english() == "sheet `Biểu 01`, cell F5")
        );
    }

    #[test]
    fn a_header_year_other_than_the_reports_is_refused_with_its_cell() {
        let g = grid(&[
            &[
                "Chỉ tiêu",
                "Đơn vị tính",
                "Kế hoạch năm 2025",
                "Thực hiện năm 2025",
            ],
            &["Lúa", "ha", "10", "12"],
        ]);
        let why = office_rows(
            &g,
            &Context {
                year: Some(2024),
                ..Context::default()
            },
        )
        .unwrap()
        .unwrap_err()
        .english();
        assert!(
            why.contains("cell C1") && why.contains("is for 2025, but the report is on 2024"),
            "{why}"
        );
        assert!(why.contains("cell D1"), "{why}");
    }

    #[test]
    fn columns_name_what_the_words_do_not() {
        let columns = json!({"Số liệu năm nay": "actual", "Mục tiêu": "plan"});
        let g = grid(&[
            &["Chỉ tiêu", "Mục tiêu", "Số liệu năm nay"],
            &["Lúa", "10", "12"],
        ]);
        let context = Context {
            columns: columns.as_object(),
            ..Context::default()
        };
        let rows = office_rows(&g, &context).unwrap().unwrap();
        assert_eq!(
            rows[0].data.as_ref().unwrap(),
            &json!({"name": "Lúa", "plan": 10.0, "actual": 12.0})
        );
        // A sheet whose header holds data paths is not an office table.
        let paths = grid(&[&["issuer.name", "number"], &["UBND", "3"]]);
        assert!(office_rows(&paths, &Context::default()).is_none());
    }
}
