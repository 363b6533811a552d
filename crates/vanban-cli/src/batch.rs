//! `vanban batch`: one document per data item (CSV row, JSON line, list
//! item) through a template, in parallel. A bad item is reported with its
//! row, field and reason and does not stop the others.
//!
//! Writing is passed in as a function so this module needs nothing from
//! the output code but its signature: `(document, file stem) → paths`.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use vanban::template::data::{self, Row};
use vanban::template::{TemplateError, Templates};
use vanban::{Document, ReadOptions};

/// Writes one document under a file stem; returns the files written.
pub type WriteFn<'a> = dyn Fn(&Document, &str) -> std::io::Result<Vec<PathBuf>> + Sync + 'a;

/// What to render and how.
pub struct Batch<'a> {
    pub templates: &'a Templates,
    pub template: &'a str,
    /// Data path whose value names each file (`issuer.name`, `xa`).
    pub name_field: Option<&'a str>,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    /// Limits and the fonts each document must be shown in.
    pub options: ReadOptions<'a>,
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
        write!(f, "row {}", self.row)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.reason)
    }
}

#[derive(Debug)]
pub struct Summary {
    pub items: usize,
    pub written: usize,
    /// Sorted by row.
    pub failures: Vec<Failure>,
    pub elapsed: Duration,
}

/// Renders every item of `data_file` and writes it with `write`. Only a
/// file that cannot be read at all is an `Err`; item problems are in the
/// summary.
pub fn run_batch(
    data_file: &Path,
    batch: &Batch<'_>,
    write: &WriteFn<'_>,
) -> Result<Summary, String> {
    if batch.templates.fields(batch.template).is_none() {
        return Err(format!(
            "no template `{}`; there are: {}",
            batch.template,
            batch.templates.names().join(", ")
        ));
    }
    let started = Instant::now();
    let rows = data::read_rows(data_file)?;
    if let Some(field) = batch.name_field {
        let named = |row: &Row| row.data.as_ref().ok().and_then(|d| lookup(d, field));
        if !rows.is_empty() && !rows.iter().any(|row| named(row).is_some()) {
            return Err(format!(
                "--name-field `{field}`: no item of {} has this field",
                data_file.display()
            ));
        }
    }
    let stems = file_stems(&rows, batch);
    let failures = Mutex::new(Vec::new());
    let (next, done, written) = (
        AtomicUsize::new(0),
        AtomicUsize::new(0),
        AtomicUsize::new(0),
    );
    let progress = Progress::new(rows.len());
    let jobs = match batch.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    }
    .min(rows.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(row) = rows.get(index) else { break };
                match render_row(row, batch).and_then(|doc| {
                    write(&doc, &stems[index]).map_err(|e| match e.kind() {
                        std::io::ErrorKind::InvalidData => failure(row, None, e.to_string()),
                        _ => failure(row, None, format!("cannot write: {e}")),
                    })
                }) {
                    Ok(_) => {
                        written.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(f) => failures.lock().unwrap_or_else(|p| p.into_inner()).push(f),
                }
                progress.show(done.fetch_add(1, Ordering::Relaxed) + 1);
            });
        }
    });
    progress.finish();
    let mut failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    failures.sort_by_key(|f| f.row);
    Ok(Summary {
        items: rows.len(),
        written: written.into_inner(),
        failures,
        elapsed: started.elapsed(),
    })
}

fn render_row(row: &Row, batch: &Batch<'_>) -> Result<Document, Failure> {
    let data = row
        .data
        .as_ref()
        .map_err(|why| failure(row, None, why.clone()))?;
    batch
        .templates
        .render_document_with(batch.template, data, &batch.options)
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
    let mut reason = error.message.clone();
    if let (Some(line), Some(column)) = (error.line, error.column) {
        reason.push_str(&format!(
            " (template `{}` line {line}, column {column})",
            error.template
        ));
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

/// A file stem per row: from the name field when given (made safe), else
/// `template-0001`; a repeated name gets the row number added.
fn file_stems(rows: &[Row], batch: &Batch<'_>) -> Vec<String> {
    let width = rows.len().to_string().len().max(3);
    let mut seen: HashMap<String, usize> = HashMap::new();
    rows.iter()
        .map(|row| {
            let named = batch
                .name_field
                .and_then(|field| row.data.as_ref().ok().and_then(|d| lookup(d, field)))
                .map(|value| data::file_stem(&value))
                .filter(|stem| !stem.is_empty());
            let stem =
                named.unwrap_or_else(|| format!("{}-{:0width$}", batch.template, row.number));
            let count = seen.entry(stem.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                format!("{stem}-{}", row.number)
            } else {
                stem
            }
        })
        .collect()
}

/// The text at a dotted data path (`issuer.name`, `units.0`).
fn lookup(data: &serde_json::Value, path: &str) -> Option<String> {
    let mut value = data;
    for key in path.split('.') {
        value = match key.parse::<usize>() {
            Ok(i) => value.get(i)?,
            Err(_) => value.get(key)?,
        };
    }
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Prints every failure and the totals on stderr; exit status 1 if any item failed.
pub fn report(summary: &Summary, data_file: &Path) -> std::process::ExitCode {
    let mut err = std::io::stderr().lock();
    for failure in &summary.failures {
        let _ = writeln!(err, "{}: {failure}", data_file.display());
    }
    let seconds = summary.elapsed.as_secs_f64().max(1e-9);
    let _ = writeln!(
        err,
        "{} of {} documents written, {} failed, in {:.1} s ({:.1} documents/s)",
        summary.written,
        summary.items,
        summary.failures.len(),
        seconds,
        summary.written as f64 / seconds
    );
    if summary.failures.is_empty() && summary.written == summary.items {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::from(1)
    }
}

/// A one-line progress bar on stderr, only when stderr is a terminal.
struct Progress {
    total: usize,
    enabled: bool,
    last: Mutex<Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            enabled: std::io::stderr().is_terminal() && total > 0,
            last: Mutex::new(Instant::now() - Duration::from_secs(1)),
        }
    }

    fn show(&self, done: usize) {
        if !self.enabled {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        // Redrawing more often than 10 times a second only costs time.
        if done < self.total && last.elapsed() < Duration::from_millis(100) {
            return;
        }
        *last = Instant::now();
        let width = 30;
        let filled = done * width / self.total;
        eprint!(
            "\r[{}{}] {done}/{}",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.total
        );
    }

    fn finish(&self) {
        if self.enabled {
            eprintln!();
        }
    }
}
