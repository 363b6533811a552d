//! Reading template data from files: one item (YAML, JSON, TOML) or many
//! (CSV, JSON Lines, or a YAML/JSON list) for batches.
//!
//! CSV has one row per item. Column names are data paths: `issuer.name`,
//! `indicators.0.plan` (a number segment is a list index), so a flat
//! spreadsheet fills nested data. Empty cells are left out, so a template's
//! `{{#if x}}` sees them as absent.
//!
//! Spreadsheets (`.xlsx`, `.xls`, `.ods`) are read the same way, one sheet
//! at a time (`sheet.rs`). A data file may also fill a list field from a
//! sheet or a CSV file beside it: `indicators: {from: chi-tieu.xlsx, sheet:
//! Chỉ tiêu}` (see [`resolve_from`]).

use std::path::Path;

use serde_json::{Map, Value};

use crate::sheet;
use vanban::limits::Limits;
use vanban::source::Format;
use vanban_i18n::{msg, Arg, Message};

/// One item of a batch: its position and its data, or why it could not be read.
#[derive(Debug)]
pub struct Row {
    /// 1-based position among the items.
    pub number: usize,
    /// 1-based line in the file, where one item is one line (CSV, JSONL).
    pub line: Option<usize>,
    /// The item, or why it cannot be read, in words put together only
    /// when shown (so a server answers in each request's language).
    pub data: Result<Value, Message>,
    /// Where each value came from, for a spreadsheet row: data path
    /// (`plan`, `issuer.name`) → `sheet `Chỉ tiêu`, cell E5`.
    pub cells: Vec<(String, Message)>,
}

/// Where values loaded from a sheet came from: full data path
/// (`indicators.3.plan`) → `sheet `Chỉ tiêu`, cell E5` (in `file`).
pub type Origins = std::collections::BTreeMap<String, Message>;

/// One data item read from a file, with the cells that fields loaded from
/// a sheet came from, so an error about `indicators.3.plan` can name its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct DataFile {
    pub value: Value,
    pub origins: Origins,
}

/// Why a data file could not be read: every problem, each without the
/// file's name (the `Display` puts it in front of each).
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pub file: std::path::PathBuf,
    pub problems: Vec<Message>,
}

impl DataError {
    fn new(file: &Path, problem: impl Into<Message>) -> DataError {
        DataError {
            file: file.to_path_buf(),
            problems: vec![problem.into()],
        }
    }
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for i in 0..self.problems.len() {
            if i > 0 {
                writeln!(f)?;
            }
            if let Some(problem) = self.problem(i) {
                write!(f, "{problem}")?;
            }
        }
        Ok(())
    }
}

impl DataError {
    /// Problem `i` after the file's name, to be shown in any language.
    pub fn problem(&self, i: usize) -> Option<Message> {
        let problem = self.problems.get(i)?;
        Some(Message::at(shown(&self.file), problem.clone()))
    }

    /// Every problem after the file's name.
    pub fn messages(&self) -> Vec<Message> {
        (0..self.problems.len())
            .filter_map(|i| self.problem(i))
            .collect()
    }
}

impl std::error::Error for DataError {}

/// A file's name as messages show it, in every language.
pub(crate) fn shown(path: &Path) -> Message {
    Message::text(path.display().to_string())
}

impl From<DataError> for String {
    fn from(error: DataError) -> String {
        error.to_string()
    }
}

/// Reads the single data item of a `.yaml`/`.yml`/`.json`/`.toml` file
/// within `limits` (its size, how deep it nests, and every `{from: …}`
/// file it names), with where sheet values came from.
pub fn read_data(path: &Path, limits: &Limits) -> Result<DataFile, DataError> {
    let fail = |e: Message| DataError::new(path, e);
    let text = vanban::limits::read_text(path, limits.max_file_bytes).map_err(fail)?;
    let Some(format) = Format::from_path(path) else {
        return Err(fail(msg!("data-format-unknown", suffix = extension(path))));
    };
    let value = parse_data(&text, format, limits).map_err(fail)?;
    let base = path.parent().unwrap_or(Path::new(""));
    let (value, origins) =
        resolve_from_limited(value, base, limits).map_err(|problems| DataError {
            file: path.to_path_buf(),
            problems,
        })?;
    Ok(DataFile { value, origins })
}

/// One data item written as text (the HTTP server's request body): its
/// nesting checked first, then parsed; TOML dates read as text. It must be
/// a mapping of fields. `{from: …}` fields are left as they are.
pub fn parse_data(text: &str, format: Format, limits: &Limits) -> Result<Value, Message> {
    vanban::limits::check_depth(text, format, limits.max_depth)?;
    let value: Value = match format {
        Format::Yaml => serde_norway::from_str(text).map_err(|e| syntax(format, yaml_error(e))),
        Format::Json => serde_json::from_str(text).map_err(|e| syntax(format, e.to_string())),
        Format::Toml => toml::from_str(text)
            .map(toml_dates_as_text)
            .map_err(|e| syntax(format, e.to_string())),
    }?;
    if !value.is_object() {
        return Err(msg!("data-not-mapping"));
    }
    Ok(value)
}

/// A parser's error on data, its own words quoted after ours (in English,
/// its words alone, place and all).
fn syntax(format: Format, detail: String) -> Message {
    match format {
        Format::Yaml => msg!("data-syntax-yaml", detail = detail),
        Format::Json => msg!("data-syntax-json", detail = detail),
        Format::Toml => msg!("data-syntax-toml", detail = detail),
    }
}

/// `text` with the cell each data path it names (`data `indicators.3.plan``)
/// came from, where a sheet gave it: `data `indicators.3.plan` (chi-tieu.xlsx:
/// sheet `Chỉ tiêu`, cell E5)`. The cells are shown in the language the
/// whole is shown in.
pub fn with_cells(text: &str, origins: &Origins) -> Message {
    const MARK: &str = "data `";
    let mut parts = Vec::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MARK) {
        let after = &rest[start + MARK.len()..];
        let Some(end) = after.find('`') else { break };
        let path = &after[..end];
        out.push_str(&rest[..start + MARK.len() + end + 1]);
        if let Some(cell) = origins.get(path) {
            out.push_str(" (");
            parts.push(Message::text(std::mem::take(&mut out)));
            parts.push(cell.clone());
            out.push(')');
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    parts.push(Message::text(out));
    Message::concat(parts)
}

/// The message with the cell each data path it names came from, where a
/// sheet gave it: after each `data `PATH`` of the catalogue (`data-at`)
/// and of outside text ([`with_cells`]), nested messages too; shown in
/// whatever language the whole is shown in.
pub fn located(message: &Message, origins: &Origins) -> Message {
    match message {
        Message::Text(text) => with_cells(text, origins),
        Message::Id {
            id: "data-at",
            args,
        } => {
            let cell = args.iter().find_map(|(name, arg)| match arg {
                Arg::Text(path) if *name == "path" => origins.get(path),
                _ => None,
            });
            match cell {
                Some(cell) => Message::concat([
                    message.clone(),
                    Message::text(" ("),
                    cell.clone(),
                    Message::text(")"),
                ]),
                None => message.clone(),
            }
        }
        Message::Id { id, args } => Message::Id {
            id,
            args: args
                .iter()
                .map(|(name, arg)| {
                    let arg = match arg {
                        Arg::Text(text) => match with_cells(text, origins) {
                            Message::Text(text) => Arg::Text(text),
                            located => Arg::Msg(Box::new(located)),
                        },
                        Arg::Msg(inner) => Arg::Msg(Box::new(located(inner, origins))),
                        other => other.clone(),
                    };
                    (*name, arg)
                })
                .collect(),
        },
    }
}

/// Replaces every field written `{from: FILE}` or `{from: FILE, sheet: NAME}`
/// by the rows of that file (`.csv`, `.xlsx`, `.xls`, `.ods`; the first
/// sheet unless named), read as a batch reads them. `FILE` is relative to
/// `base` (the data file's folder). Every problem is returned, each naming
/// the field, and for a bad cell the sheet, cell and column.
pub fn resolve_from(value: Value, base: &Path) -> Result<(Value, Origins), Vec<Message>> {
    resolve_from_limited(value, base, &Limits::default())
}

/// [`resolve_from`] within `limits`, for each file read.
pub fn resolve_from_limited(
    value: Value,
    base: &Path,
    limits: &Limits,
) -> Result<(Value, Origins), Vec<Message>> {
    let mut problems = Vec::new();
    let mut origins = Origins::new();
    // An office's table checks its header's years against the report's.
    let year = value
        .get("year")
        .and_then(Value::as_i64)
        .and_then(|y| i32::try_from(y).ok());
    let numbers = crate::numbers::NumberFormat::of_data(&value).unwrap_or_default();
    let at = Place {
        base,
        limits,
        year,
        numbers,
    };
    let value = resolve_at(value, &at, &mut Vec::new(), &mut problems, &mut origins);
    if problems.is_empty() {
        Ok((value, origins))
    } else {
        Err(problems)
    }
}

/// Where `{from: …}` files are found, and the report's year.
struct Place<'a> {
    base: &'a Path,
    limits: &'a Limits,
    year: Option<i32>,
    numbers: crate::numbers::NumberFormat,
}

fn resolve_at(
    value: Value,
    base: &Place<'_>,
    at: &mut Vec<String>,
    problems: &mut Vec<Message>,
    origins: &mut Origins,
) -> Value {
    match value {
        Value::Object(map) if is_from(&map) => {
            let field = at.join(".");
            match load_from(&map, base, &field) {
                Ok((rows, cells)) => {
                    for (index, row_cells) in cells.into_iter().enumerate() {
                        for (path, cell) in row_cells {
                            origins.insert(format!("{field}.{index}.{path}"), cell);
                        }
                    }
                    rows
                }
                Err(why) => {
                    let at = msg!("data-field", field = field.as_str());
                    problems.extend(why.into_iter().map(|w| Message::at(at.clone(), w)));
                    Value::Null
                }
            }
        }
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| {
                    at.push(k.clone());
                    let v = resolve_at(v, base, at, problems, origins);
                    at.pop();
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    at.push(i.to_string());
                    let v = resolve_at(v, base, at, problems, origins);
                    at.pop();
                    v
                })
                .collect(),
        ),
        other => other,
    }
}

fn is_from(map: &Map<String, Value>) -> bool {
    map.get("from").is_some_and(Value::is_string)
        && map
            .keys()
            .all(|k| matches!(k.as_str(), "from" | "sheet" | "columns"))
}

/// The rows of a `{from: …}` file, and the cells each row's values came from.
type Loaded = (Value, Vec<Vec<(String, Message)>>);

fn load_from(
    map: &Map<String, Value>,
    place: &Place<'_>,
    field: &str,
) -> Result<Loaded, Vec<Message>> {
    let file = map["from"].as_str().unwrap_or_default();
    let sheet = match map.get("sheet") {
        None => None,
        Some(Value::String(s)) => Some(s.as_str()),
        Some(_) => return Err(vec![msg!("data-sheet-not-text")]),
    };
    let columns = match map.get("columns") {
        None => None,
        Some(Value::Object(columns)) if columns.values().all(Value::is_string) => Some(columns),
        Some(_) => return Err(vec![msg!("data-columns-not-map")]),
    };
    let path = place.base.join(file);
    let rows = if sheet::is_sheet(&path) {
        let context = crate::workbook::Context {
            columns,
            year: place.year,
            numbers: place.numbers,
            field: Some(field),
        };
        sheet::read_rows_with(&path, sheet, place.limits, &context).map_err(|e| vec![e])?
    } else {
        read_rows_in_limited(&path, sheet, place.limits, &Skipped::default())
            .map_err(|e| vec![e])?
    };
    let mut items = Vec::new();
    let mut cells = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        match row.data {
            Ok(item) => {
                items.push(item);
                cells.push(
                    row.cells
                        .into_iter()
                        .map(|(field, cell)| (field, Message::at(shown(&path), cell)))
                        .collect(),
                );
            }
            Err(why) => problems.push(match row.line {
                Some(line) if !sheet::is_sheet(&path) => {
                    let line = msg!("data-line", line = line);
                    Message::at(Message::at(shown(&path), line), why)
                }
                _ => Message::at(shown(&path), why),
            }),
        }
    }
    if problems.is_empty() {
        Ok((Value::Array(items), cells))
    } else {
        Err(problems)
    }
}

/// Reads every item of a data file, as [`read_rows`], or of one sheet of a
/// workbook (`sheet`: its name; the first sheet when `None`). The error
/// is in the process's language (rows' errors stay messages).
pub fn read_rows_in(path: &Path, sheet: Option<&str>) -> Result<Vec<Row>, String> {
    read_rows_in_limited(path, sheet, &Limits::default(), &Skipped::default())
        .map_err(|e| e.to_string())
}

/// [`read_rows_in`] within `limits`, counting the empty rows skipped.
pub fn read_rows_in_limited(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
    skipped: &Skipped,
) -> Result<Vec<Row>, Message> {
    if sheet::is_sheet(path) {
        return sheet::read_rows_counted(path, sheet, limits, skipped);
    }
    if let Some(name) = sheet {
        let why = msg!("data-sheet-not-workbook", name = name);
        return Err(Message::at(shown(path), why));
    }
    read_rows_limited(path, limits, skipped)
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
pub fn read_rows(path: &Path) -> Result<Vec<Row>, Message> {
    read_rows_limited(path, &Limits::default(), &Skipped::default())
}

/// [`read_rows`] within `limits`: a file read whole is read once (a pipe
/// too), at most `max_file_bytes`; empty rows skipped are counted.
pub fn read_rows_limited(
    path: &Path,
    limits: &Limits,
    skipped: &Skipped,
) -> Result<Vec<Row>, Message> {
    if sheet::is_sheet(path) {
        return sheet::read_rows_counted(path, None, limits, skipped);
    }
    let fail = |e: Message| Message::at(shown(path), e);
    let text = vanban::limits::read_text(path, limits.max_file_bytes).map_err(fail)?;
    if let Some(format @ (Format::Yaml | Format::Json)) = Format::from_path(path) {
        vanban::limits::check_depth(&text, format, limits.max_depth).map_err(fail)?;
    }
    match extension(path).as_str() {
        "csv" => Ok(csv_rows(text.as_bytes(), skipped.clone())
            .map_err(fail)?
            .collect()),
        "jsonl" | "ndjson" => Ok(rows_from_json_lines(&text)),
        "yaml" | "yml" => {
            let value: Value = serde_norway::from_str(&text)
                .map_err(|e| fail(syntax(Format::Yaml, yaml_error(e))))?;
            rows_from_list(value).map_err(fail)
        }
        "json" => {
            let value: Value = serde_json::from_str(&text)
                .map_err(|e| fail(syntax(Format::Json, e.to_string())))?;
            rows_from_list(value).map_err(fail)
        }
        other => Err(fail(msg!("data-rows-format-unknown", suffix = other))),
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// CSV with a header row of data paths.
pub fn rows_from_csv(text: &str) -> Result<Vec<Row>, Message> {
    Ok(csv_rows(text.as_bytes(), Skipped::default())?.collect())
}

/// Rows skipped because every cell is empty (spreadsheets export blank
/// lines as `,,,,`): not items, so not failures, but counted for the
/// summary. Clones share the count.
#[derive(Clone, Debug, Default)]
pub struct Skipped(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl Skipped {
    pub fn count(&self) -> usize {
        self.0.load(std::sync::atomic::Ordering::Relaxed)
    }

    pub(crate) fn add(&self, n: usize) {
        self.0.fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }
}

/// The rows of CSV data as they are read (the header row first, at once).
fn csv_rows<R: std::io::Read>(
    input: R,
    skipped: Skipped,
) -> Result<impl Iterator<Item = Row>, Message> {
    // The reader's own line count drifts with \r\n line ends and quoted
    // line breaks; the line breaks seen before a record's first byte do not.
    let breaks = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let input = Breaks {
        inner: input,
        read: 0,
        breaks: breaks.clone(),
    };
    // Flexible, so that a short row of only commas can be skipped; a row
    // with content and the wrong number of cells is its row's error.
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers: Vec<Vec<String>> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| {
            h.trim()
                .trim_start_matches('\u{FEFF}')
                .split('.')
                .map(str::to_string)
                .collect()
        })
        .collect();
    let named = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| h.iter().any(|s| !s.is_empty()))
        .map(|(i, h)| ((i + 1).to_string(), h.join(".")));
    let mut problems: Vec<Message> = sheet::duplicate_headers(named)
        .into_iter()
        .map(|p| msg!("data-columns", columns = p))
        .collect();
    problems.extend(headers.iter().enumerate().filter_map(|(i, h)| {
        sheet::too_deep(h).map(|why| Message::at(msg!("data-column", column = i + 1), why))
    }));
    if !problems.is_empty() {
        return Err(Message::join(problems, "; "));
    }
    let mut number = 0;
    Ok(reader.into_records().filter_map(move |record| {
        if let Ok(record) = &record {
            if record.iter().all(|cell| cell.trim().is_empty()) {
                skipped.add(1);
                return None;
            }
        }
        number += 1;
        let line_of = |byte: u64| line_at(&breaks.lock().unwrap_or_else(|e| e.into_inner()), byte);
        Some(csv_row(&headers, number, record, line_of))
    }))
}

/// The CSV reader's own words, quoted after ours in Vietnamese.
fn csv_error(e: csv::Error) -> Message {
    msg!("data-csv-error", detail = e.to_string())
}

/// Passes bytes through, noting where each line break is.
struct Breaks<R> {
    inner: R,
    read: u64,
    breaks: std::sync::Arc<std::sync::Mutex<Vec<u64>>>,
}

impl<R: std::io::Read> std::io::Read for Breaks<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut breaks = self.breaks.lock().unwrap_or_else(|e| e.into_inner());
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                breaks.push(self.read + i as u64);
            }
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// The 1-based line of a record starting at `byte`; after `\r\n` the
/// reader places it at the `\n`, which still ends the line before.
fn line_at(breaks: &[u64], byte: u64) -> usize {
    breaks.partition_point(|&b| b <= byte) + 1
}

fn csv_row(
    headers: &[Vec<String>],
    number: usize,
    record: csv::Result<csv::StringRecord>,
    line_of: impl Fn(u64) -> usize,
) -> Row {
    let (line, data) = match record {
        Ok(record) if record.len() != headers.len() => (
            record.position().map(|p| line_of(p.byte())),
            Err(msg!(
                "data-row-cells",
                cells = record.len(),
                header = headers.len()
            )),
        ),
        Ok(record) => {
            let line = record.position().map(|p| line_of(p.byte()));
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
        Err(e) => (e.position().map(|p| line_of(p.byte())), Err(csv_error(e))),
    };
    Row {
        number,
        line,
        data,
        cells: Vec::new(),
    }
}

/// One JSON object per line; blank lines are skipped.
pub fn rows_from_json_lines(text: &str) -> Vec<Row> {
    json_lines(text.as_bytes()).collect()
}

/// JSON Lines as they are read; a line that is not UTF-8 or not JSON is a
/// row error, and reading goes on.
fn json_lines<R: std::io::BufRead>(input: R) -> impl Iterator<Item = Row> {
    let mut number = 0;
    input
        .split(b'\n')
        .enumerate()
        .map_while(|(index, line)| Some((index + 1, line.ok()?)))
        .filter(|(_, bytes)| !bytes.trim_ascii().is_empty())
        .map(move |(line, bytes)| {
            number += 1;
            let data = match std::str::from_utf8(&bytes) {
                Ok(text) => serde_json::from_str(text)
                    .map_err(|e| msg!("data-not-json", reason = e.to_string())),
                Err(e) => Err(msg!("data-not-utf8", reason = e.to_string())),
            };
            Row {
                number,
                line: Some(line),
                data,
                cells: Vec::new(),
            }
        })
}

/// Rows read one by one as a batch takes them, from any thread.
pub type RowStream = Box<dyn Iterator<Item = Row> + Send>;

/// Every item of a `.csv` or `.jsonl` file read as it is asked for, so a
/// batch's memory does not grow with the file; other formats (lists read
/// whole) come from [`read_rows`]. One data format is one match arm.
pub fn stream_rows(path: &Path, sheet: Option<&str>) -> Result<RowStream, Message> {
    stream_rows_limited(path, sheet, &Limits::default(), &Skipped::default())
}

/// [`stream_rows`] within `limits`. A regular file is streamed whatever
/// its size (memory stays flat); a pipe or device (`/dev/zero`, a FIFO)
/// is read once, at most `max_file_bytes`, then streamed from memory.
pub fn stream_rows_limited(
    path: &Path,
    sheet: Option<&str>,
    limits: &Limits,
    skipped: &Skipped,
) -> Result<RowStream, Message> {
    let fail = |e: Message| Message::at(shown(path), e);
    let io = |e: std::io::Error| fail(msg!("file-cannot-read", reason = e.to_string()));
    // A leading UTF-8 byte-order mark is skipped, as when a file is read whole.
    let open = || {
        use std::io::BufRead;
        let input: Box<dyn std::io::Read + Send> = if is_regular(path) {
            Box::new(std::fs::File::open(path).map_err(io)?)
        } else {
            let bytes = vanban::limits::read_bytes(path, limits.max_file_bytes).map_err(fail)?;
            Box::new(std::io::Cursor::new(bytes))
        };
        let mut reader = std::io::BufReader::new(input);
        let bom = reader.fill_buf().map_err(io)?.starts_with(b"\xEF\xBB\xBF");
        if bom {
            reader.consume(3);
        }
        Ok::<_, Message>(reader)
    };
    match extension(path).as_str() {
        "csv" => Ok(Box::new(csv_rows(open()?, skipped.clone()).map_err(fail)?)),
        "jsonl" | "ndjson" => Ok(Box::new(json_lines(open()?))),
        _ => Ok(Box::new(
            read_rows_in_limited(path, sheet, limits, skipped)?.into_iter(),
        )),
    }
}

/// A plain file, which can be opened twice and streamed; not a pipe or a
/// device, which are read once.
pub fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

fn rows_from_list(value: Value) -> Result<Vec<Row>, Message> {
    let Value::Array(items) = value else {
        return Err(msg!("data-not-list"));
    };
    Ok(items
        .into_iter()
        .enumerate()
        .map(|(i, data)| Row {
            number: i + 1,
            line: None,
            data: Ok(data),
            cells: Vec::new(),
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
pub(crate) fn set_path(target: &mut Value, path: &[String], value: Value) -> Result<(), Message> {
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
                return Err(msg!("data-index-and-field", column = path.join(".")));
            };
            if index > 10_000 {
                return Err(msg!("data-index-too-large", index = index));
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
                return Err(msg!("data-field-and-index", column = path.join(".")));
            };
            map.entry(key.clone()).or_insert(Value::Null)
        }
    };
    set_path(slot, rest, value)
}

/// Drops list holes left by empty cells (`indicators.9.*` all empty).
pub(crate) fn compact(value: Value) -> Value {
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
    fn rows_of_only_commas_are_skipped_and_counted() {
        let skipped = Skipped::default();
        let csv = "name,plan\nA,1\n,\n,,,,\n  ,\nB,2\n3\n";
        let rows: Vec<Row> = csv_rows(csv.as_bytes(), skipped.clone()).unwrap().collect();
        assert_eq!(skipped.count(), 3);
        let shown: Vec<(usize, Option<usize>)> = rows.iter().map(|r| (r.number, r.line)).collect();
        assert_eq!(shown, [(1, Some(2)), (2, Some(6)), (3, Some(7))]);
        assert_eq!(
            rows[1].data.as_ref().unwrap(),
            &json!({"name": "B", "plan": "2"})
        );
        let short = rows[2].data.as_ref().unwrap_err().english();
        assert_eq!(short, "the row has 1 cells, the header row 2");
    }

    #[test]
    fn a_duplicate_csv_header_names_both_columns() {
        let err = rows_from_csv("name,plan,note,plan\nA,1,,2\n")
            .unwrap_err()
            .english();
        assert!(
            err.contains("columns 2 and 4 both have the header `plan`"),
            "{err}"
        );
        let deep = format!("name,{}\nA,1\n", ["a"; 100_000].join("."));
        let err = rows_from_csv(&deep).unwrap_err().english();
        assert!(
            err.contains("column 2: the header nests 100000 deep"),
            "{err}"
        );
    }

    #[test]
    fn a_device_is_read_once_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.csv");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let small = Limits {
            max_file_bytes: 4096,
            ..Limits::default()
        };
        for result in [
            stream_rows_limited(&zero, None, &small, &Skipped::default()).map(|_| ()),
            read_rows_limited(&zero, &small, &Skipped::default()).map(|_| ()),
        ] {
            let err = result.unwrap_err().english();
            assert!(err.contains("larger than the limit of 4096 bytes"), "{err}");
        }
        let err = read_data(
            &dir.path().join("zero.yaml").with_file_name("zero.csv"),
            &vanban::Limits::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("larger than the limit"), "{err}");
    }

    #[test]
    fn toml_dates_read_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.toml");
        std::fs::write(&path, "date = 2024-03-08\n[[docs]]\ndate = 2023-01-02\n").unwrap();
        let value = read_data(&path, &vanban::Limits::default()).unwrap().value;
        assert_eq!(
            value,
            json!({"date": "2024-03-08", "docs": [{"date": "2023-01-02"}]})
        );
    }

    #[test]
    fn a_list_field_is_read_from_a_csv_beside_the_data() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("bang")).unwrap();
        std::fs::write(
            dir.path().join("bang/chi-tieu.csv"),
            "name,plan,actual\nThu ngân sách,\"9.000\",9875.5\nLúa,1200,\n",
        )
        .unwrap();
        let path = dir.path().join("bao-cao.yaml");
        std::fs::write(&path, "year: 2024\nindicators: {from: bang/chi-tieu.csv}\n").unwrap();
        let value = read_data(&path, &vanban::Limits::default()).unwrap().value;
        assert_eq!(
            value["indicators"],
            json!([{"name": "Thu ngân sách", "plan": "9.000", "actual": "9875.5"},
                   {"name": "Lúa", "plan": "1200"}])
        );
        // A sheet cannot be chosen in a CSV file, and a missing file is named.
        std::fs::write(
            &path,
            "indicators: {from: bang/chi-tieu.csv, sheet: A}\nother: {from: nope.csv}\n",
        )
        .unwrap();
        let error = read_data(&path, &vanban::Limits::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("field `indicators`") && error.contains("only be chosen in a workbook"),
            "{error}"
        );
        assert!(
            error.contains("field `other`") && error.contains("nope.csv"),
            "{error}"
        );
    }

    #[test]
    fn a_data_path_is_located_in_the_language_it_is_shown_in() {
        use vanban_i18n::Lang;
        let mut origins = Origins::new();
        let cell = msg!("sheet-cell", sheet = "Bảng", cell = "C3");
        origins.insert(
            "indicators.1.plan".into(),
            Message::at(Message::text("a.xlsx"), cell),
        );
        let why = Message::at(
            msg!("data-at", path = "indicators.1.plan"),
            msg!("number-not-a-number", value = "1.2.3"),
        );
        let list = msg!("concat-pair", first = "x", second = why);
        let shown = located(&list, &origins);
        assert_eq!(
            shown.render(Lang::En),
            "xdata `indicators.1.plan` (a.xlsx: sheet `Bảng`, cell C3): `1.2.3` is not a number"
        );
        assert_eq!(
            shown.render(Lang::Vi),
            "xdữ liệu `indicators.1.plan` (a.xlsx: ô C3 của trang tính `Bảng`): `1.2.3` không phải là số"
        );
        // Outside text that names a data path gets the cell too.
        let text = located(&Message::text("data `indicators.1.plan`: bad"), &origins);
        assert_eq!(
            text.render(Lang::Vi),
            "data `indicators.1.plan` (a.xlsx: ô C3 của trang tính `Bảng`): bad"
        );
    }

    #[test]
    fn file_stems_are_ascii() {
        assert_eq!(file_stem("Xã Đông Hòa / ấp 3"), "xa-dong-hoa-ap-3");
        assert_eq!(file_stem("  ../etc  "), "etc");
        assert_eq!(file_stem("Phường Bến Nghé"), "phuong-ben-nghe");
    }

    #[test]
    fn streamed_rows_are_the_rows_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "\u{FEFF}name,items.0.plan\nAn Bình,10\n\"Phú\nMỹ\",5\n3\n";
        let jsonl = "{\"a\":1}\n\n{oops\n\u{FF}\n{\"a\":3}";
        for (file, text) in [("d.csv", csv), ("d.jsonl", jsonl)] {
            let path = dir.path().join(file);
            std::fs::write(&path, text).unwrap();
            let streamed: Vec<String> = stream_rows(&path, None)
                .unwrap()
                .map(|r| format!("{r:?}"))
                .collect();
            let whole: Vec<String> = read_rows(&path)
                .unwrap()
                .iter()
                .map(|r| format!("{r:?}"))
                .collect();
            assert_eq!(streamed, whole, "{file}");
        }
        let rows: Vec<Row> = stream_rows(&dir.path().join("d.csv"), None)
            .unwrap()
            .collect();
        assert_eq!(
            rows[0].data.as_ref().unwrap(),
            &json!({"name": "An Bình", "items": [{"plan": "10"}]})
        );
        assert_eq!((rows[1].number, rows[1].line), (2, Some(3)));
        assert!(rows[2].data.is_err());
        let path = dir.path().join("bad.jsonl");
        std::fs::write(&path, b"{\"a\":1}\n\xFF\xFE\n{\"a\":2}\n").unwrap();
        let rows: Vec<Row> = stream_rows(&path, None).unwrap().collect();
        assert_eq!(rows.len(), 3);
        assert!(rows[1]
            .data
            .as_ref()
            .unwrap_err()
            .english()
            .contains("not UTF-8"));
        assert_eq!(rows[2].data.as_ref().unwrap(), &json!({"a": 2}));
    }

    #[test]
    fn json_lines_keep_their_line_numbers() {
        let rows = rows_from_json_lines("{\"a\":1}\n\n{oops\n{\"a\":3}\n");
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[1].number, rows[1].line), (2, Some(3)));
        assert!(rows[1]
            .data
            .as_ref()
            .unwrap_err()
            .english()
            .contains("not JSON"));
        assert_eq!(rows[2].data.as_ref().unwrap(), &json!({"a": 3}));
    }
}
