//! `vanban rollup BASE UNIT…`: one report from the units' year-end data
//! (the reckoning is `vanban_report::rollup`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban_i18n::msg;
use vanban_report::data;
use vanban_report::{rollup, sheet, Templates};

/// What to roll up and through which template.
pub struct Rollup<'a> {
    pub base: &'a Path,
    pub units: &'a [PathBuf],
    pub sheet: Option<&'a str>,
    pub template: &'a str,
    /// Each file read (base and units) is held to these.
    pub limits: &'a vanban::Limits,
}

/// Reads the base and every unit, rolls them up, renders and writes the
/// report named after the base file. Every problem is reported, then exit 1.
pub fn run(
    job: &Rollup<'_>,
    templates: &Templates,
    write: &crate::output::WriteFn<'_>,
) -> ExitCode {
    let mut problems = Vec::new();
    let base = data::read_data(job.base, job.limits)
        .map(|file| file.value)
        .map_err(|e| problems.push(e.to_string()))
        .ok();
    let mut units = Vec::new();
    for file in job.units {
        match read_units(file, job.sheet, job.limits) {
            Ok(mut found) => units.append(&mut found),
            Err(mut why) => problems.append(&mut why),
        }
    }
    let (Some(base), true) = (base, problems.is_empty()) else {
        return fail(&problems);
    };
    let combined = match rollup::rollup(&base, &units) {
        Ok(rolled) => {
            for warning in &rolled.warnings {
                let path = job.base.display().to_string();
                eprintln!(
                    "{}",
                    msg!(
                        "cli-rollup-warning",
                        path = path,
                        warning = warning.to_string()
                    )
                );
            }
            rolled.data
        }
        Err(why) => {
            let shown = job.base.display();
            return fail(
                &why.iter()
                    .map(|w| format!("{shown}: {}", msg!("cli-rollup", reason = w.to_string())))
                    .collect::<Vec<_>>(),
            );
        }
    };
    let stem = job
        .base
        .file_stem()
        .map_or("rollup".into(), |s| s.to_string_lossy().into_owned());
    let written = templates
        .render_document(job.template, &combined)
        .map_err(|e| format!("{}: {e}", job.base.display()))
        .and_then(|doc| {
            write(&doc, &stem)
                .map_err(|e| msg!("cli-cannot-write-any", reason = e.to_string()).to_string())
        });
    match written {
        Ok(paths) => {
            for path in paths {
                eprintln!("{}", msg!("cli-wrote", path = path.display().to_string()));
            }
            ExitCode::SUCCESS
        }
        Err(message) => fail(&[message]),
    }
}

/// A data file of one unit, or of one unit per row (CSV, JSON Lines, a sheet).
fn read_units(
    file: &Path,
    sheet_name: Option<&str>,
    limits: &vanban::Limits,
) -> Result<Vec<serde_json::Value>, Vec<String>> {
    let many = sheet::is_sheet(file)
        || matches!(
            file.extension().and_then(|e| e.to_str()),
            Some("csv" | "jsonl" | "ndjson")
        );
    if !many {
        return data::read_data(file, limits)
            .map(|file| vec![file.value])
            .map_err(|e| vec![e.to_string()]);
    }
    let skipped = data::Skipped::default();
    let rows = data::read_rows_in_limited(file, sheet_name, limits, &skipped)
        .map_err(|e| vec![e.to_string()])?;
    let mut units = Vec::new();
    let mut problems = Vec::new();
    for row in rows {
        match row.data {
            Ok(unit) => units.push(unit),
            Err(why) => {
                let row = msg!("cli-row", row = row.number);
                problems.push(format!("{}: {row}: {why}", file.display()))
            }
        }
    }
    if problems.is_empty() {
        Ok(units)
    } else {
        Err(problems)
    }
}

fn fail(problems: &[String]) -> ExitCode {
    for problem in problems {
        eprintln!("{problem}");
    }
    ExitCode::from(1)
}
