//! Reading template data from files: one item (YAML, JSON, TOML) or many
//! (CSV, JSON Lines, or a YAML/JSON list) for batches.
//!
//! CSV has one row per item. Column names are data paths: `issuer.name`,
//! `indicators.0.plan` (a number segment is a list index), so a flat
//! spreadsheet fills nested data. Empty cells are left out, so a template's
//! `{{#if x}}` sees them as absent.

use std::path::Path;

use serde_json::{Map, Value};

use crate::limits::Limits;
use crate::source::Format;

/// One item of a batch: its position and its data, or why it could not be read.
#[derive(Debug)]
pub struct Row {
    /// 1-based position among the items.
    pub number: usize,
    /// 1-based line in the file, where one item is one line (CSV, JSONL).
    pub line: Option<usize>,
    pub data: Result<Value, String>,
}

/// Reads the single data item of a `.yaml`/`.yml`/`.json`/`.toml` file.
pub fn read_one(path: &Path) -> Result<Value, String> {
    read_one_limited(path, &Limits::default())
}

/// [`read_one`] within `limits`: the file's size and how deep it nests.
pub fn read_one_limited(path: &Path, limits: &Limits) -> Result<Value, String> {
    let text = crate::limits::read_text(path, limits.max_file_bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if let Some(format) = Format::from_path(path) {
        crate::limits::check_depth(&text, format, limits.max_depth)
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let value: Value = match extension(path).as_str() {
        "yaml" | "yml" => serde_norway::from_str(&text).map_err(yaml_error),
        "json" => serde_json::from_str(&text).map_err(|e| e.to_string()),
        "toml" => toml::from_str(&text)
            .map(toml_dates_as_text)
            .map_err(|e| e.to_string()),
        other => Err(format!(
            "cannot read data from `.{other}`; use .yaml, .json or .toml"
        )),
    }
    .map_err(|e| format!("{}: {e}", path.display()))?;
    if !value.is_object() {
        return Err(format!(
            "{}: the data must be a mapping of fields",
            path.display()
        ));
    }
    Ok(value)
}

/// serde_norway says `JSON number out of range` of a YAML number beyond
/// what data can hold; say what it means.
fn yaml_error(error: serde_norway::Error) -> String {
    error
        .to_string()
        .replace("JSON number out of range", "the number is too large")
}

/// TOML dates arrive as `{"$__toml_private_datetime": "2024-03-08"}`;
/// templates want the text, as YAML and JSON give it.
fn toml_dates_as_text(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            if let (1, Some(Value::String(date))) = (map.len(), map.get("$__toml_private_datetime"))
            {
                return Value::String(date.clone());
            }
            Value::Object(
                map.into_iter()
                    .map(|(k, v)| (k, toml_dates_as_text(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(toml_dates_as_text).collect()),
        other => other,
    }
}

/// Reads every item of a `.csv`, `.jsonl` or a `.yaml`/`.json` list.
pub fn read_rows(path: &Path) -> Result<Vec<Row>, String> {
    let text = read(path)?;
    let shown = path.display();
    if let Some(format @ (Format::Yaml | Format::Json)) = Format::from_path(path) {
        crate::limits::check_depth(&text, format, Limits::default().max_depth)
            .map_err(|e| format!("{shown}: {e}"))?;
    }
    match extension(path).as_str() {
        "csv" => rows_from_csv(&text).map_err(|e| format!("{shown}: {e}")),
        "jsonl" | "ndjson" => Ok(rows_from_json_lines(&text)),
        "yaml" | "yml" => {
            let value: Value =
                serde_norway::from_str(&text).map_err(|e| format!("{shown}: {}", yaml_error(e)))?;
            rows_from_list(value).map_err(|e| format!("{shown}: {e}"))
        }
        "json" => {
            let value: Value = serde_json::from_str(&text).map_err(|e| format!("{shown}: {e}"))?;
            rows_from_list(value).map_err(|e| format!("{shown}: {e}"))
        }
        other => Err(format!(
            "{shown}: cannot read rows from `.{other}`; use .csv, .jsonl, .yaml or .json"
        )),
    }
}

/// Rows are not size-limited here: a batch file may be large (reading it
/// row by row is the batch reader's job). A byte-order mark is dropped.
fn read(path: &Path) -> Result<String, String> {
    crate::limits::read_text(path, u64::MAX).map_err(|e| format!("{}: {e}", path.display()))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// CSV with a header row of data paths.
pub fn rows_from_csv(text: &str) -> Result<Vec<Row>, String> {
    let text = text.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    // The reader's own line count drifts with \r\n line ends and quoted
    // line breaks; count the line breaks before each record's first byte.
    let mut lines = LineCounter::default();
    let headers: Vec<Vec<String>> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim().split('.').map(str::to_string).collect())
        .collect();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let number = index + 1;
        let (line, data) = match record {
            Ok(record) => {
                let line = record.position().map(|p| lines.line_at(text, p.byte()));
                let mut item = Value::Object(Map::new());
                let mut result = Ok(());
                for (path, cell) in headers.iter().zip(record.iter()) {
                    if !cell.trim().is_empty() {
                        result = result.and(set_path(
                            &mut item,
                            path,
                            Value::String(cell.trim().to_string()),
                        ));
                    }
                }
                (line, result.map(|()| compact(item)))
            }
            Err(e) => (
                e.position().map(|p| lines.line_at(text, p.byte())),
                Err(e.to_string()),
            ),
        };
        rows.push(Row { number, line, data });
    }
    Ok(rows)
}

/// 1-based line numbers of byte offsets given in increasing order, counted
/// once over the text.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    breaks: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, byte: u64) -> usize {
        let mut byte = (byte as usize).min(text.len());
        // After `\r\n` the reader places the next record at the `\n`.
        while text
            .as_bytes()
            .get(byte)
            .is_some_and(|b| matches!(b, b'\r' | b'\n'))
        {
            byte += 1;
        }
        if byte > self.offset {
            self.breaks += text.as_bytes()[self.offset..byte]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.offset = byte;
        }
        self.breaks + 1
    }
}

/// One JSON object per line; blank lines are skipped.
pub fn rows_from_json_lines(text: &str) -> Vec<Row> {
    crate::limits::strip_bom(text)
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .enumerate()
        .map(|(index, (line, text))| Row {
            number: index + 1,
            line: Some(line + 1),
            data: serde_json::from_str(text).map_err(|e| format!("not JSON: {e}")),
        })
        .collect()
}

fn rows_from_list(value: Value) -> Result<Vec<Row>, String> {
    let Value::Array(items) = value else {
        return Err("expected a list of items".into());
    };
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, data)| Row {
            number: i + 1,
            line: None,
            data: Ok(data),
        })
        .collect())
}

/// A safe ASCII file stem from a name: `Xã An Bình` → `xa-an-binh`.
/// Vietnamese letters lose their marks (`đ` → `d`), anything else but
/// letters and digits becomes `-`.
pub fn file_stem(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut stem = String::with_capacity(name.len());
    for c in name.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    stem.trim_matches('-').chars().take(80).collect()
}

/// Sets `value` at a dotted path, making objects and lists on the way.
fn set_path(target: &mut Value, path: &[String], value: Value) -> Result<(), String> {
    let Some((key, rest)) = path.split_first() else {
        *target = value;
        return Ok(());
    };
    let slot = match key.parse::<usize>() {
        Ok(index) => {
            if target.is_null() {
                *target = Value::Array(Vec::new());
            }
            let Value::Array(items) = target else {
                return Err(format!(
                    "column `{}` mixes a list index with a field",
                    path.join(".")
                ));
            };
            if index > 10_000 {
                return Err(format!("list index {index} is too large"));
            }
            if items.len() <= index {
                items.resize(index + 1, Value::Null);
            }
            &mut items[index]
        }
        Err(_) => {
            if target.is_null() {
                *target = Value::Object(Map::new());
            }
            let Value::Object(map) = target else {
                return Err(format!(
                    "column `{}` mixes a field with a list index",
                    path.join(".")
                ));
            };
            map.entry(key.clone()).or_insert(Value::Null)
        }
    };
    set_path(slot, rest, value)
}

/// Drops list holes left by empty cells (`indicators.9.*` all empty).
fn compact(value: Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|v| !v.is_null())
                .map(compact)
                .collect(),
        ),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, compact(v))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn csv_columns_are_data_paths() {
        let csv = "name,issuer.name,items.0.plan,items.1.plan,items.2.plan,note\nAn Bình,UBND XÃ AN BÌNH,10,20,,\n\"Phú, Mỹ\",UBND XÃ PHÚ MỸ,,5,7,x\n";
        let rows = rows_from_csv(csv).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, Some(2));
        assert_eq!(
            rows[0].data.as_ref().unwrap(),
            &json!({"name": "An Bình", "issuer": {"name": "UBND XÃ AN BÌNH"}, "items": [{"plan": "10"}, {"plan": "20"}]})
        );
        assert_eq!(
            rows[1].data.as_ref().unwrap(),
            &json!({"name": "Phú, Mỹ", "issuer": {"name": "UBND XÃ PHÚ MỸ"}, "items": [{"plan": "5"}, {"plan": "7"}], "note": "x"})
        );
    }

    #[test]
    fn csv_line_numbers_hold_with_crlf_and_quoted_line_breaks() {
        let csv = "\u{FEFF}a,b\r\n1,2\r\n\"x\r\ny\",3\r\n4,5\r\n6\r\n";
        let rows = rows_from_csv(csv).unwrap();
        let lines: Vec<Option<usize>> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(5), Some(6)]);
        assert!(rows[3].data.is_err());
    }

    #[test]
    fn a_ragged_csv_row_is_a_row_error_not_a_file_error() {
        let rows = rows_from_csv("a,b\n1,2\n3\n4,5\n").unwrap();
        assert!(rows[0].data.is_ok() && rows[2].data.is_ok());
        assert!(rows[1].data.is_err());
    }

    #[test]
    fn toml_dates_read_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.toml");
        std::fs::write(&path, "date = 2024-03-08\n[[docs]]\ndate = 2023-01-02\n").unwrap();
        let value = read_one(&path).unwrap();
        assert_eq!(
            value,
            json!({"date": "2024-03-08", "docs": [{"date": "2023-01-02"}]})
        );
    }

    #[test]
    fn file_stems_are_ascii() {
        assert_eq!(file_stem("Xã Đông Hòa / ấp 3"), "xa-dong-hoa-ap-3");
        assert_eq!(file_stem("  ../etc  "), "etc");
        assert_eq!(file_stem("Phường Bến Nghé"), "phuong-ben-nghe");
    }

    #[test]
    fn json_lines_keep_their_line_numbers() {
        let rows = rows_from_json_lines("{\"a\":1}\n\n{oops\n{\"a\":3}\n");
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[1].number, rows[1].line), (2, Some(3)));
        assert!(rows[1].data.as_ref().unwrap_err().contains("not JSON"));
        assert_eq!(rows[2].data.as_ref().unwrap(), &json!({"a": 3}));
    }
}
