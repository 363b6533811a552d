//! `vanban`: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from
//! data, as DOCX and PDF.
//!
//! Exit status: 0 success, 1 bad input (or an output that could not be
//! written), 2 wrong usage.

mod batch;
mod limit_args;
mod output;
mod templates_cmd;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban::metrics::FontSet;
use vanban::{Document, InputError, Limits, ReadOptions};

use limit_args::LimitArgs;

use output::{load_fonts, parse_formats, write_document, Formats};

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Vietnamese administrative documents (văn bản hành chính) laid out as Decree 30/2020/NĐ-CP requires",
    after_help = "Exit status: 0 success, 1 bad input, 2 wrong usage.\nExample: vanban render examples/ke-hoach-1026.yaml -o out/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render input files (.yaml, .yml, .json, .toml) to documents.
    Render {
        /// Input files.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Output folder (created if missing).
        #[arg(short, long, default_value = ".")]
        output: PathBuf,
        /// Output formats, comma-separated: docx, pdf.
        #[arg(short, long, default_value = "docx,pdf", value_parser = parse_formats)]
        format: Formats,
        /// PDF fonts instead of the built-in Liberation Serif, e.g. a licensed
        /// Times New Roman: four files, REGULAR,BOLD,ITALIC,BOLDITALIC.
        #[arg(long, value_name = "FILES")]
        fonts: Option<String>,
        /// Read the inputs as data for this template (see `vanban templates`).
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// A folder of templates that adds to or overrides the built-ins.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// List the templates and the data fields each reads.
    Templates {
        /// A folder of templates that adds to or overrides the built-ins.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Render one document per item of a data file (.csv, .jsonl, or a
    /// .yaml/.json list) through a template, in parallel.
    Batch {
        /// The data file.
        data: PathBuf,
        /// The template (see `vanban templates`).
        #[arg(long, value_name = "NAME")]
        template: String,
        /// Output folder (created if missing).
        #[arg(short, long, default_value = ".")]
        output: PathBuf,
        /// Output formats, comma-separated: docx, pdf.
        #[arg(short, long, default_value = "docx,pdf", value_parser = parse_formats)]
        format: Formats,
        /// Documents rendered at once; 0 means one per core.
        #[arg(short, long, default_value_t = 0)]
        jobs: usize,
        /// Data field whose value names each file (default: TEMPLATE-001 …).
        #[arg(long, value_name = "FIELD")]
        name_field: Option<String>,
        /// PDF fonts instead of the built-in Liberation Serif: four files,
        /// REGULAR,BOLD,ITALIC,BOLDITALIC.
        #[arg(long, value_name = "FILES")]
        fonts: Option<String>,
        /// A folder of templates that adds to or overrides the built-ins.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Validate input files and print every problem; writes nothing.
    Check {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Check that these PDF fonts (REGULAR,BOLD,ITALIC,BOLDITALIC) have
        /// every character, instead of the built-in Liberation Serif.
        #[arg(long, value_name = "FILES")]
        fonts: Option<String>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the JSON Schema of the input format (for editor completion).
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Render {
            inputs,
            output,
            format,
            fonts,
            template,
            templates,
            limits,
        } => {
            let limits = limits.limits();
            let fonts = match user_fonts(fonts.as_deref(), &limits) {
                Ok(fonts) => fonts,
                Err(code) => return code,
            };
            let fonts = fonts.as_ref().unwrap_or(FontSet::liberation_serif());
            let options = ReadOptions {
                limits,
                fonts: Some(fonts),
            };
            let write =
                |doc: &Document, stem: &str| write_document(doc, &output, stem, &format.0, fonts);
            match template {
                Some(name) => {
                    let templates = match templates_cmd::load(templates.as_deref(), &limits) {
                        Ok(templates) => templates,
                        Err(code) => return code,
                    };
                    render(&inputs, &write, |input| {
                        templates_cmd::render_data_file(&templates, &name, input, &options)
                    })
                }
                None => render(&inputs, &write, |input| {
                    Document::from_path_with(input, &options).map_err(|e| e.to_string())
                }),
            }
        }
        Command::Templates { templates } => {
            match templates_cmd::load(templates.as_deref(), &Limits::default()) {
                Ok(templates) => {
                    print!("{}", templates_cmd::listing(&templates));
                    ExitCode::SUCCESS
                }
                Err(code) => code,
            }
        }
        Command::Batch {
            data,
            template,
            output,
            format,
            jobs,
            name_field,
            fonts,
            templates,
            limits,
        } => {
            let limits = limits.limits();
            let fonts = match user_fonts(fonts.as_deref(), &limits) {
                Ok(fonts) => fonts,
                Err(code) => return code,
            };
            let fonts = fonts.as_ref().unwrap_or(FontSet::liberation_serif());
            let options = ReadOptions {
                limits,
                fonts: Some(fonts),
            };
            let write =
                |doc: &Document, stem: &str| write_document(doc, &output, stem, &format.0, fonts);
            templates_cmd::batch_command(
                &data,
                &template,
                templates.as_deref(),
                name_field.as_deref(),
                jobs,
                &options,
                &write,
            )
        }
        Command::Check {
            inputs,
            fonts,
            limits,
        } => {
            let limits = limits.limits();
            let fonts = match user_fonts(fonts.as_deref(), &limits) {
                Ok(fonts) => fonts,
                Err(code) => return code,
            };
            let options = ReadOptions {
                limits,
                fonts: Some(fonts.as_ref().unwrap_or(FontSet::liberation_serif())),
            };
            check(&inputs, &options)
        }
        Command::Schema => {
            println!("{}", vanban::input::json_schema());
            ExitCode::SUCCESS
        }
    }
}

/// The PDF fonts named by `--fonts`, or `None` for the built-in set; a bad
/// list is a usage error (exit 2).
fn user_fonts(list: Option<&str>, limits: &Limits) -> Result<Option<FontSet>, ExitCode> {
    list.map(|list| load_fonts(list, limits.max_font_bytes))
        .transpose()
        .map_err(|message| {
            eprintln!("error: {message}");
            ExitCode::from(2)
        })
}

/// Renders each input to a document named after it, through `load` (an
/// input file, or a data file and a template); reports every failure and
/// goes on with the rest.
fn render(
    inputs: &[PathBuf],
    write: &batch::WriteFn<'_>,
    load: impl Fn(&Path) -> Result<Document, String>,
) -> ExitCode {
    let mut failed = false;
    for input in inputs {
        let stem = input
            .file_stem()
            .map_or("document".into(), |s| s.to_string_lossy().into_owned());
        let written = load(input).and_then(|doc| {
            write(&doc, &stem).map_err(|e| match e.kind() {
                // The fonts cannot show the document (see write_document).
                std::io::ErrorKind::InvalidData => format!("{}: {e}", input.display()),
                _ => format!("{}: cannot write output: {e}", input.display()),
            })
        });
        match written {
            Ok(paths) => {
                for path in paths {
                    eprintln!("wrote {}", path.display());
                }
            }
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    exit_status(failed)
}

fn check(inputs: &[PathBuf], options: &ReadOptions<'_>) -> ExitCode {
    let mut failed = false;
    for input in inputs {
        match Document::from_path_with(input, options) {
            Ok(_) => eprintln!("{}: ok", input.display()),
            Err(error) => {
                report(&error);
                failed = true;
            }
        }
    }
    exit_status(failed)
}

fn report(error: &InputError) {
    eprintln!("{error}");
}

fn exit_status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
