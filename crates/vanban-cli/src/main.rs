//! `vanban`: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from
//! data, as DOCX and PDF.
//!
//! Exit status: 0 success, 1 bad input (or an output that could not be
//! written), 2 wrong usage.

mod output;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban::metrics::FontSet;
use vanban::{Document, InputError};

use output::{load_fonts, parse_formats, write_document, Formats, OutputFormat};

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
    },
    /// Validate input files and print every problem; writes nothing.
    Check {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
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
        } => {
            let fonts = match fonts.as_deref().map(load_fonts).transpose() {
                Ok(fonts) => fonts,
                Err(message) => {
                    eprintln!("error: {message}");
                    return ExitCode::from(2);
                }
            };
            let fonts = fonts.as_ref().unwrap_or(FontSet::liberation_serif());
            render(&inputs, &output, &format.0, fonts)
        }
        Command::Check { inputs } => check(&inputs),
        Command::Schema => {
            println!("{}", vanban::input::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn render(inputs: &[PathBuf], dir: &Path, formats: &[OutputFormat], fonts: &FontSet) -> ExitCode {
    let mut failed = false;
    for input in inputs {
        let doc = match Document::from_path(input) {
            Ok(doc) => doc,
            Err(error) => {
                report(&error);
                failed = true;
                continue;
            }
        };
        let stem = input
            .file_stem()
            .map_or("document".into(), |s| s.to_string_lossy().into_owned());
        match write_document(&doc, dir, &stem, formats, fonts) {
            Ok(paths) => {
                for path in paths {
                    eprintln!("wrote {}", path.display());
                }
            }
            Err(error) => {
                eprintln!("{}: cannot write output: {error}", input.display());
                failed = true;
            }
        }
    }
    exit_status(failed)
}

fn check(inputs: &[PathBuf]) -> ExitCode {
    let mut failed = false;
    for input in inputs {
        match Document::from_path(input) {
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
