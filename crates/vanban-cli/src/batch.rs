//! `vanban batch`: one document per data item (CSV row, JSON line, list
//! item) through a template, in parallel. A bad item is reported with its
//! row, field and reason and does not stop the others. Rows are read as the
//! workers take them (`vanban_output::pool`), file names come from
//! `vanban_output::names`, and each document's files are written as a set.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use vanban::Document;
use vanban_i18n::{msg, Arg};
use vanban_output::pool::Pool;
use vanban_output::{names, Namer, Progress};
use vanban_report::data::{self, Row};
use vanban_report::{TemplateError, Templates};

use crate::output::Output;
use crate::signals::Stop;

/// What to render and how.
pub struct Batch<'a> {
    pub templates: &'a Templates,
    pub template: &'a str,
    /// Data path whose value names each file (`issuer.name`, `xa`).
    pub name_field: Option<&'a str>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// The sheet of a workbook data file (`--sheet`); the first when `None`.
    pub sheet: Option<&'a str>,
    /// Limits and the fonts each document must be shown in.
    pub options: vanban::ReadOptions<'a>,
}

/// One item that could not be rendered or written.
#[derive(Debug)]
pub struct Failure {
    /// 1-based item number, and the file line for CSV/JSONL.
    pub row: usize,
    pub line: Option<usize>,
    /// The data path or input field concerned, when known.
    pub field: Option<String>,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", msg!("cli-row", row = self.row))?;
        if let Some(line) = self.line {
            write!(f, "{}", msg!("cli-row-line", line = line))?;
        }
        if let Some(field) = &self.field {
            write!(f, "{}", msg!("cli-row-field", field = field))?;
        }
        write!(f, ": {}", self.reason)
    }
}

#[derive(Debug)]
pub struct Summary {
    /// Items in the file.
    pub items: usize,
    /// Items finished (written or failed); fewer than `items` when stopped.
    pub done: usize,
    /// Documents whose every file is on disk, and those files.
    pub written: usize,
    pub files: usize,
    /// Sorted by row.
    pub failures: Vec<Failure>,
    pub elapsed: Duration,
    /// `--name-field` was given but no row has it.
    pub name_field_unused: bool,
    /// Rows skipped because every cell is empty (`,,,,`).
    pub skipped: usize,
}

/// Renders every item of `data_file` and writes it to `output`, reading
/// rows as the workers take them; `stop` stops it after the documents
/// under way (or at once while it only reads). Only a file that cannot be
/// read at all is an `Err`; item problems are in the summary.
pub fn run_batch(
    data_file: &Path,
    batch: &Batch<'_>,
    output: &Output,
    stop: &Stop,
    mut progress: impl FnMut(Progress),
) -> Result<Summary, String> {
    if batch.templates.fields(batch.template).is_none() {
        return Err(format!(
            "no template `{}`; there are: {}",
            batch.template,
            batch.templates.names().join(", ")
        ));
    }
    let started = Instant::now();
    let limits = &batch.options.limits;
    let skipped = data::Skipped::default();
    stop.reading(true);
    // A pipe or a device can be read only once: its rows are kept (it is
    // read within --max-file-bytes). A file is read twice, row by row.
    let kept: Option<Vec<Row>> = match data::is_regular(data_file) {
        true => None,
        false => Some(
            data::stream_rows_limited(data_file, batch.sheet, limits, &skipped)
                .map_err(|e| e.to_string())?
                .collect(),
        ),
    };
    // A first pass counts the rows (for progress and the width of numbers)
    // without keeping them, and sees whether any has the --name-field.
    let mut items = 0;
    let mut field_seen = batch.name_field.is_none();
    let mut count = |row: &Row| {
        items += 1;
        if let (false, Some(field), Ok(data)) = (field_seen, batch.name_field, &row.data) {
            field_seen = names::lookup(data, field).is_some();
        }
    };
    match &kept {
        Some(rows) => rows.iter().for_each(&mut count),
        None => data::stream_rows_limited(data_file, batch.sheet, limits, &skipped)
            .map_err(|e| e.to_string())?
            .for_each(|row| count(&row)),
    }
    if let (false, Some(field)) = (field_seen || items == 0, batch.name_field) {
        return Err(format!(
            "--name-field `{field}`: no item of {} has this field",
            data_file.display()
        ));
    }
    let mut namer = Namer::new(Some(batch.template), Some(items));
    let named_any = AtomicBool::new(false);
    let rows: data::RowStream = match kept {
        Some(rows) => Box::new(rows.into_iter()),
        None => {
            data::stream_rows_limited(data_file, batch.sheet, limits, &data::Skipped::default())
                .map_err(|e| e.to_string())?
        }
    };
    stop.reading(false);
    let jobs = rows.map(|row| {
        let name = batch.name_field.and_then(|field| {
            let value = names::lookup(row.data.as_ref().ok()?, field)?;
            named_any.store(true, Ordering::Relaxed);
            Some(value)
        });
        let stem = namer.name(row.number, name.as_deref());
        (row, stem)
    });
    let mut summary = Summary {
        items,
        done: 0,
        written: 0,
        files: 0,
        failures: Vec::new(),
        elapsed: Duration::ZERO,
        name_field_unused: false,
        skipped: skipped.count(),
    };
    Pool::new(batch.jobs).total(items).cancel(&stop.cancel).run(
        jobs,
        |(row, stem)| {
            render_row(&row, batch).and_then(|doc| {
                output.write(&doc, &stem).map_err(|e| {
                    let why = msg!("cli-cannot-write-row", reason = e.to_string());
                    failure(&row, None, why.to_string())
                })
            })
        },
        |outcome, at| {
            summary.done = at.done;
            match outcome {
                Ok(paths) => {
                    summary.written += 1;
                    summary.files += paths.len();
                }
                Err(f) => summary.failures.push(f),
            }
            progress(at);
        },
    );
    summary.failures.sort_by_key(|f| f.row);
    summary.elapsed = started.elapsed();
    summary.name_field_unused = batch.name_field.is_some() && !named_any.into_inner() && items > 0;
    Ok(summary)
}

fn render_row(row: &Row, batch: &Batch<'_>) -> Result<Document, Failure> {
    let data = row
        .data
        .as_ref()
        .map_err(|why| failure(row, None, why.to_string()))?;
    // The --name-field column is the batch's own, not the template's.
    let extra: Vec<String> = batch.name_field.map(str::to_string).into_iter().collect();
    batch
        .templates
        .render_document_allowing(batch.template, data, &batch.options, &extra)
        .map_err(|error| from_template_error(row, &error))
}

fn from_template_error(row: &Row, error: &TemplateError) -> Failure {
    if let Some(input) = error.input_error() {
        // The document made from this row is invalid: name its fields.
        let fields: Vec<&str> = input
            .problems
            .iter()
            .map(|p| p.path.as_str())
            .filter(|p| !p.is_empty())
            .collect();
        let reasons: Vec<String> = input.problems.iter().map(|p| p.to_string()).collect();
        let field = (!fields.is_empty()).then(|| fields.join(", "));
        return failure(row, field, reasons.join("; "));
    }
    let mut reason = error.msg.to_string();
    if let (Some(line), Some(column)) = (error.line, error.column) {
        let at = msg!(
            "cli-template-at",
            template = error.template.as_str(),
            line = line,
            column = column
        );
        reason.push_str(&at.to_string());
    }
    // A row from a sheet: name the cell the bad value came from.
    let cell = error
        .data_path
        .as_ref()
        .and_then(|path| row.cells.iter().find(|(p, _)| p == path));
    if let Some((_, cell)) = cell {
        reason.push_str(&format!(" ({cell})"));
    }
    failure(row, error.data_path.clone(), reason)
}

fn failure(row: &Row, field: Option<String>, reason: String) -> Failure {
    Failure {
        row: row.number,
        line: row.line,
        field,
        reason,
    }
}

/// Prints every failure and the totals on stderr; exit status 1 if any
/// item failed or was not reached.
pub fn report(
    summary: &Summary,
    data_file: &Path,
    name_field: Option<&str>,
    interrupted: Option<String>,
) -> std::process::ExitCode {
    let mut err = std::io::stderr().lock();
    for failure in &summary.failures {
        let _ = writeln!(err, "{}: {failure}", data_file.display());
    }
    if summary.skipped > 0 {
        let skipped = msg!("cli-rows-skipped", count = Arg::count(summary.skipped));
        let _ = writeln!(err, "{}: {skipped}", data_file.display());
    }
    if let (true, Some(field)) = (summary.name_field_unused, name_field) {
        let warning = msg!("cli-name-field-unused", field = field);
        let _ = writeln!(err, "{}: {warning}", data_file.display());
    }
    let seconds = summary.elapsed.as_secs_f64().max(1e-9);
    let stopped = match &interrupted {
        Some(why) => msg!(
            "cli-batch-stopped",
            why = why,
            done = Arg::count(summary.done),
            items = Arg::count(summary.items)
        )
        .to_string(),
        None => String::new(),
    };
    let totals = msg!(
        "cli-batch-summary",
        written = Arg::count(summary.written),
        items = Arg::count(summary.items),
        failed = Arg::count(summary.failures.len()),
        files = Arg::count(summary.files),
        seconds = Arg::fixed(seconds, 1),
        rate = Arg::fixed(summary.written as f64 / seconds, 1)
    );
    let _ = writeln!(err, "{stopped}{totals}");
    if summary.failures.is_empty() && summary.written == summary.items {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}

/// Progress on stderr: a bar redrawn in place on a terminal; with
/// `--progress` elsewhere (a log), a line `progress: N/M` at most once a
/// second and at the end.
pub struct ProgressView {
    terminal: bool,
    enabled: bool,
    last: Option<Instant>,
}

impl ProgressView {
    pub fn new(forced: bool) -> ProgressView {
        let terminal = std::io::stderr().is_terminal();
        ProgressView {
            terminal,
            enabled: terminal || forced,
            last: None,
        }
    }

    pub fn show(&mut self, at: Progress) {
        if !self.enabled {
            return;
        }
        let total = at.total.unwrap_or(at.done).max(1);
        let end = at.done >= total;
        // Redrawing more often than 10 times a second only costs time.
        let every = Duration::from_millis(if self.terminal { 100 } else { 1000 });
        if !end && self.last.is_some_and(|t| t.elapsed() < every) {
            return;
        }
        self.last = Some(Instant::now());
        if self.terminal {
            let width = 30;
            let filled = at.done.min(total) * width / total;
            eprint!(
                "\r[{}{}] {}/{total}",
                "#".repeat(filled),
                "-".repeat(width - filled),
                at.done
            );
            if end {
                eprintln!();
            }
        } else {
            eprintln!("progress: {}/{total}", at.done);
        }
    }

    /// Ends a bar left unfinished (the run was stopped).
    pub fn finish(&self, summary: &Summary) {
        if self.terminal && self.enabled && summary.done < summary.items {
            eprintln!();
        }
    }
}
