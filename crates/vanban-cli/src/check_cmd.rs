//! `vanban check --template NAME DATA…`: a dry run of `render --template`
//! (or of `batch`, for a file of rows) that reports every problem of the
//! data — each undocumented field with the name meant, a `number` of 0,
//! what rendering finds and every problem of the document it makes — and
//! writes nothing.

use std::path::Path;
use std::process::ExitCode;

use vanban::ReadOptions;
use vanban_i18n::msg;
use vanban_report::data::{self, Origins};
use vanban_report::{sheet, TemplateError, Templates};

/// What to check the data files against.
pub struct Check<'a> {
    pub templates: &'a Templates,
    pub template: &'a str,
    /// The sheet of workbook data files (`--sheet`); the first when `None`.
    pub sheet: Option<&'a str>,
    /// Limits, and the fonts the document's text must be shown in.
    pub options: ReadOptions<'a>,
}

/// Checks each data file, printing `FILE: ok` or each problem on its own
/// line; exit status 1 if any file has a problem.
pub fn run(files: &[impl AsRef<Path>], check: &Check<'_>) -> ExitCode {
    if check.templates.fields(check.template).is_none() {
        let known = check.templates.names().join(", ");
        eprintln!(
            "{}",
            msg!("cli-no-template", name = check.template, known = known)
        );
        return ExitCode::from(1);
    }
    let mut failed = false;
    for file in files {
        let file = file.as_ref();
        let (problems, warnings) = if holds_rows(file) {
            (check_rows(file, check), Vec::new())
        } else {
            check_one(file, check)
        };
        if problems.is_empty() {
            eprintln!("{}", msg!("cli-ok", path = file.display().to_string()));
        }
        for problem in &problems {
            eprintln!("{problem}");
        }
        for warning in &warnings {
            eprintln!("{}: {warning}", file.display());
        }
        failed |= !problems.is_empty();
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The 2025 administrative map's warnings for the document the data
/// renders (a district or a merged province named after 1 July 2025).
fn document_warnings(value: &serde_json::Value, check: &Check<'_>) -> Vec<String> {
    check
        .templates
        .render_document_with(check.template, value, &check.options)
        .map(|doc| vanban_lint::admin_map::check_document(&doc))
        .unwrap_or_default()
}

/// A file of one item per row (CSV, JSON Lines, a workbook), as `batch`
/// reads it; other data files hold one item.
fn holds_rows(file: &Path) -> bool {
    sheet::is_sheet(file)
        || matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("csv" | "jsonl" | "ndjson")
        )
}

/// The problems of one data file, and (when it has none) the warnings of
/// the document it renders.
fn check_one(file: &Path, check: &Check<'_>) -> (Vec<String>, Vec<String>) {
    let shown = file.display();
    match data::read_data(file, &check.options.limits) {
        Err(why) => (vec![why.to_string()], Vec::new()),
        Ok(data::DataFile { value, origins }) => {
            let problems: Vec<String> = problems(check, &value)
                .iter()
                .map(|e| format!("{shown}: {}", located(e, &origins)))
                .collect();
            let warnings = if problems.is_empty() {
                document_warnings(&value, check)
            } else {
                Vec::new()
            };
            (problems, warnings)
        }
    }
}

fn check_rows(file: &Path, check: &Check<'_>) -> Vec<String> {
    let shown = file.display();
    let rows = match data::stream_rows(file, check.sheet) {
        Ok(rows) => rows,
        Err(why) => return vec![why.to_string()],
    };
    let mut found = Vec::new();
    for row in rows {
        let at = match row.line {
            Some(line) => format!(
                "{shown}: {}{}",
                msg!("cli-row", row = row.number),
                msg!("cli-row-line", line = line)
            ),
            None => format!("{shown}: {}", msg!("cli-row", row = row.number)),
        };
        match &row.data {
            Err(why) => found.push(format!("{at}: {why}")),
            Ok(value) => {
                let origins: Origins = row.cells.iter().cloned().collect();
                let row_problems = problems(check, value);
                for e in &row_problems {
                    found.push(format!("{at}: {}", located(e, &origins)));
                }
                if row_problems.is_empty() {
                    for warning in document_warnings(value, check) {
                        eprintln!("{at}: {warning}");
                    }
                }
            }
        }
    }
    found
}

fn problems(check: &Check<'_>, value: &serde_json::Value) -> Vec<TemplateError> {
    check
        .templates
        .check(check.template, value, &check.options, &[])
}

/// The error, with the sheet cell its data path came from, if it did.
fn located(error: &TemplateError, origins: &Origins) -> String {
    match error.data_path.as_ref().and_then(|p| origins.get(p)) {
        Some(cell) => format!("{error} ({cell})"),
        None => error.to_string(),
    }
}
