//! `vanban templates` (list the templates and their data fields) and
//! `vanban render --template NAME DATA` (one document from one data file).

use std::fmt::Write;
use std::path::Path;

use vanban::{Document, Limits, ReadOptions};
use vanban_i18n::msg;
use vanban_report::Templates;

/// The built-ins, or the built-ins plus a user folder; a folder that cannot
/// be read is reported and ends the command with exit status 1.
pub fn load(dir: Option<&Path>, limits: &Limits) -> Result<Templates, std::process::ExitCode> {
    let templates = match dir {
        Some(dir) => Templates::with_dir_limited(dir, limits).map_err(|e| e.to_string()),
        None => Ok(Templates::builtin()),
    };
    templates.map_err(|message| {
        eprintln!("{}", msg!("cli-error", message = message));
        std::process::ExitCode::from(1)
    })
}

/// Every template with what it makes and its fields (`?` = optional).
pub fn listing(templates: &Templates) -> String {
    let mut out = String::new();
    for name in templates.names() {
        let _ = writeln!(out, "{name}: {}", templates.about(name).unwrap_or(""));
        let fields = templates.fields(name).unwrap_or(&[]);
        let width = fields
            .iter()
            .map(|f| f.path.chars().count() + 1)
            .max()
            .unwrap_or(0);
        for field in fields {
            let path = if field.required {
                field.path.clone()
            } else {
                format!("{}?", field.path)
            };
            let _ = writeln!(out, "  {path:<width$}  {}", field.description);
        }
        out.push('\n');
    }
    out.push_str("Fields ending in ? are optional; [] marks a list. See templates/README.md.\n");
    out
}

/// Renders one data file (`.yaml`, `.json`, `.toml`) through a template.
pub fn render_data_file(
    templates: &Templates,
    name: &str,
    data_file: &Path,
    options: &ReadOptions<'_>,
) -> Result<Document, String> {
    let vanban_report::data::DataFile {
        value: data,
        origins,
    } = vanban_report::data::read_data(data_file, &options.limits)?;
    templates
        .render_document_with(name, &data, options)
        .map_err(|e| {
            // Values loaded from a sheet: name their cells too.
            let shown = e.to_string();
            let annotated = vanban_report::data::with_cells(&shown, &origins).to_string();
            let cell = e.data_path.as_ref().and_then(|p| origins.get(p));
            match cell {
                Some(cell) if annotated == shown => {
                    format!("{}: {shown} ({cell})", data_file.display())
                }
                _ => format!("{}: {annotated}", data_file.display()),
            }
        })
}

/// `vanban batch DATA --template NAME`: loads the templates, runs the batch
/// and reports; exit status 1 if any item failed or nothing could start,
/// 128 + the signal's number if a signal stopped it.
#[allow(clippy::too_many_arguments)] // one per command-line option of `batch`
pub fn batch_command(
    data_file: &Path,
    template: &str,
    templates_dir: Option<&Path>,
    name_field: Option<&str>,
    jobs: usize,
    sheet: Option<&str>,
    options: &ReadOptions<'_>,
    output: &crate::output::Output,
    show_progress: bool,
) -> std::process::ExitCode {
    // A data file that cannot even be opened is not bad data: exit 2, as
    // lint does for a file it cannot read. Only a plain file is opened to
    // see: opening a pipe would take its writer away from the real read.
    let opened = std::fs::metadata(data_file).and_then(|meta| match meta.is_file() {
        true => std::fs::File::open(data_file).map(drop),
        false => Ok(()),
    });
    if let Err(e) = opened {
        eprintln!("error: {}: cannot be read: {e}", data_file.display());
        return std::process::ExitCode::from(2);
    }
    let templates = match load(templates_dir, &options.limits) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let batch = crate::batch::Batch {
        templates: &templates,
        template,
        name_field,
        jobs,
        sheet,
        options: *options,
    };
    let stop = crate::signals::Stop::on_signals();
    let mut view = crate::batch::ProgressView::new(show_progress);
    let run = crate::batch::run_batch(data_file, &batch, output, &stop, |at| view.show(at));
    match run {
        Ok(summary) => {
            view.finish(&summary);
            let status =
                crate::batch::report(&summary, data_file, batch.name_field, stop.describe());
            stop.exit_code().unwrap_or(status)
        }
        Err(message) => {
            eprintln!("{}", msg!("cli-error", message = message));
            std::process::ExitCode::from(1)
        }
    }
}
