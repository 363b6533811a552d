//! `vanban`: Vietnamese administrative documents (Decree 30/2020/NĐ-CP) from
//! data, as DOCX and PDF.
//!
//! Exit status: 0 success, 1 bad input (or an output that could not be
//! written), 2 wrong usage, 128 + the signal's number when SIGTERM or
//! SIGINT stopped it.

mod batch;
mod check_cmd;
mod copy_cmd;
mod limit_args;
mod lint_cmd;
mod office_pages;
mod output;
mod register_cmd;
mod rollup_cmd;
mod serve_cmd;
mod sign_cmd;
mod signals;
mod templates_cmd;
mod usage;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use vanban::metrics::FontSet;
use vanban::{Document, InputError, Limits, ReadOptions};
use vanban_i18n::{msg, Lang};

use limit_args::LimitArgs;
use vanban_output::Namer;

use output::{parse_formats, Formats, Output};

#[derive(Parser)]
#[command(
    name = "vanban",
    version,
    about = "Vietnamese administrative documents (văn bản hành chính) laid out as Decree 30/2020/NĐ-CP requires",
    after_help = "Exit status: 0 success, 1 bad input, 2 wrong usage or a file that cannot be read, 143/130 stopped by SIGTERM/SIGINT.\nExample: vanban render examples/ke-hoach-1026.yaml -o out/"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of the messages: en (default) or vi (tiếng Việt); without
    /// it, LC_ALL, LC_MESSAGES or LANG (vi_VN.UTF-8) decide.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
}

/// `--lang vi`, `--lang vi-VN`, `--lang en`.
fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text)
        .filter(|_| !text.trim().is_empty())
        .ok_or_else(|| msg!("usage-bad-lang", value = text).to_string())
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
        /// Sign each PDF with this .p12 key: the first is the signer's, a
        /// second the office's (password: $VANBAN_P12_PASSWORD or a prompt).
        #[arg(long, value_name = "P12")]
        sign: Vec<PathBuf>,
        /// Write PDFs as PDF/A-2b (ISO 19005-2), for the archive.
        #[arg(long)]
        pdfa: bool,
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
        /// The sheet of a workbook (.xlsx, .xls, .ods) to read; the first by default.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
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
        /// Show progress on stderr even when it is not a terminal (on a
        /// terminal it is always shown).
        #[arg(long)]
        progress: bool,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Roll units' year-end data up into one report (sums for amounts,
    /// weighted averages for rates) with a per-unit table.
    Rollup {
        /// The district's own data (issuer, year, signer …), without indicators.
        base: PathBuf,
        /// The units' data: .yaml/.json/.toml files, or files of rows
        /// (.csv, .jsonl, .xlsx, .xls, .ods: one unit per row).
        #[arg(required = true)]
        units: Vec<PathBuf>,
        /// The sheet of workbook unit files; the first by default.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// The template (see `vanban templates`).
        #[arg(long, value_name = "NAME", default_value = "bao-cao-ket-qua-nam")]
        template: String,
        /// Output folder (created if missing).
        #[arg(short, long, default_value = ".")]
        output: PathBuf,
        /// Output formats, comma-separated: docx, pdf.
        #[arg(short, long, default_value = "docx,pdf", value_parser = parse_formats)]
        format: Formats,
        /// A folder of templates that adds to or overrides the built-ins.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Validate input files and print every problem; writes nothing. With
    /// --template, the inputs are data files (or files of rows, as for
    /// batch), checked as they would render.
    Check {
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Check the inputs as data for this template (see `vanban templates`).
        #[arg(long, value_name = "NAME")]
        template: Option<String>,
        /// A folder of templates that adds to or overrides the built-ins.
        #[arg(long, value_name = "DIR", requires = "template")]
        templates: Option<PathBuf>,
        /// The sheet of workbook data files; the first by default.
        #[arg(long, value_name = "NAME", requires = "template")]
        sheet: Option<String>,
        /// Check that these PDF fonts (REGULAR,BOLD,ITALIC,BOLDITALIC) have
        /// every character, instead of the built-in Liberation Serif.
        #[arg(long, value_name = "FILES")]
        fonts: Option<String>,
        #[command(flatten)]
        limits: LimitArgs,
    },
    /// Print the JSON Schema of the input format (for editor completion).
    Schema,
    /// Check DOCX or PDF files (made by anyone) against Decree 30; exit 1
    /// when an error is found, 2 when a file cannot be read.
    #[command(after_help = lint_cmd::rules_help())]
    Lint {
        /// DOCX or PDF files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the findings as JSON (one array, an object per file).
        #[arg(long)]
        json: bool,
        /// Write a fixed copy of the (one) DOCX given: fonts, sizes,
        /// emphasis, margins, spacing, indent, number and date padding; lists
        /// what still needs a person.
        #[arg(long, value_name = "OUT.docx")]
        fix: Option<PathBuf>,
        /// With --fix: replace the DOCX itself (a new file renamed over it,
        /// only when every check passed).
        #[arg(long)]
        in_place: bool,
        #[command(flatten)]
        limits: lint_cmd::LintLimitArgs,
    },
    /// Serve the HTTP API (for e-office systems) and the web page (for
    /// clerks) until SIGTERM or Ctrl-C.
    Serve(serve_cmd::ServeArgs),
    /// The office's registers (sổ đăng ký văn bản): numbers, the
    /// outgoing and incoming books, in SQLite or PostgreSQL.
    Register {
        #[command(subcommand)]
        command: register_cmd::RegisterCommand,
    },
    /// Sign a PDF (PAdES, an incremental update): first as the signer, then
    /// as the office. The key's password: $VANBAN_P12_PASSWORD, or a prompt.
    Sign {
        /// The PDF to sign.
        input: PathBuf,
        /// The signed PDF (may be the input itself).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// The key and certificate (.p12 / .pfx).
        #[arg(long, value_name = "FILE")]
        p12: PathBuf,
        /// Who signs: signer (the competent person) or office.
        #[arg(long, value_parser = clap::builder::ValueParser::new(|s: &str| s.parse::<vanban_sign::Role>()))]
        role: vanban_sign::Role,
        /// A separate-file attachment: the office's mark (this number and
        /// symbol, and the signing time) in 10 pt at the top right of page 1.
        #[arg(long, value_name = "NUMBER/SYMBOL")]
        attachment: Option<String>,
        /// The signing time, ISO 8601 (2026-12-07T14:30:00+07:00); default now.
        #[arg(long, value_name = "TIME")]
        time: Option<String>,
        /// An RFC 3161 timestamp authority: not supported in this build
        /// (refused, nothing written).
        #[arg(long, value_name = "URL")]
        tsa: Option<String>,
        #[command(flatten)]
        image: sign_cmd::ImageArgs,
        #[command(flatten)]
        limits: lint_cmd::LintLimitArgs,
    },
    /// Verify every signature of a PDF; exit 1 when one is broken, does not
    /// cover what it claims, or there is none (2: the file cannot be read).
    Verify {
        file: PathBuf,
        /// Trusted certificates (PEM): signers must chain to one of them.
        #[arg(long, value_name = "CA.pem")]
        trust: Option<PathBuf>,
        /// {"signatures": [{"signer", "role", "time", "intact",
        /// "covers_whole_file", "trusted"}, …]}.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        limits: lint_cmd::LintLimitArgs,
    },
    /// Make a copy (sao y, sao lục, trích sao): electronic (ô 14: the kind,
    /// the copying office and the signing time at the top right of page 1,
    /// signed by the copying office) or, with --paper, the paper copy (the
    /// copy's block under the copied text).
    Copy {
        input: PathBuf,
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// sao-y, sao-luc or trich-sao.
        #[arg(long, value_parser = clap::builder::ValueParser::new(|s: &str| s.parse::<vanban_sign::marks::CopyKind>()))]
        kind: vanban_sign::marks::CopyKind,
        /// The copying office (with --paper: `issuer.name` of the block).
        #[arg(long, value_name = "OFFICE", required_unless_present = "paper")]
        by: Option<String>,
        /// The copying office's abbreviation, for the copy's symbol
        /// (SY-UBND) with --db (with --paper: `issuer.abbreviation`).
        #[arg(long, value_name = "ABBR")]
        abbreviation: Option<String>,
        /// The copying office's key (.p12); an electronic copy only.
        #[arg(
            long,
            value_name = "FILE",
            required_unless_present = "paper",
            conflicts_with = "paper"
        )]
        p12: Option<PathBuf>,
        /// The copy's number (05/SY-VP; with --paper also 05).
        #[arg(long, conflicts_with = "db")]
        number: Option<String>,
        /// Take the number from the register's copy sequence (a file or a
        /// postgres:// URL) and record the copy's file there.
        #[arg(long, value_name = "DB")]
        db: Option<String>,
        /// The signing time, ISO 8601; default now.
        #[arg(long, value_name = "TIME", conflicts_with = "paper")]
        time: Option<String>,
        /// Make the paper copy: the copy's block (SAO Y, the copying office,
        /// number, place and date, signer, seal, Nơi nhận) under the copied
        /// text, from --block.
        #[arg(long, requires = "block")]
        paper: bool,
        /// The paper copy's block (.yaml, .json, .toml): the fields of a
        /// document's header and signature (README, "Copies").
        #[arg(long, value_name = "FILE", requires = "paper")]
        block: Option<PathBuf>,
        /// Longest text of one field of the --block file, in characters [default: 1000000].
        #[arg(long, value_name = "CHARS", requires = "block")]
        max_field_chars: Option<usize>,
        /// Deepest nesting of lists and mappings in the --block file [default: 64].
        #[arg(long, value_name = "N", requires = "block")]
        max_depth: Option<usize>,
        #[command(flatten)]
        limits: lint_cmd::LintLimitArgs,
    },
}

fn main() -> ExitCode {
    // The language is read first, so that clap's help and errors speak it.
    let cli: Cli = usage::parse();
    vanban_i18n::set_language(cli.lang.unwrap_or_else(Lang::from_env));
    match cli.command {
        Command::Render {
            inputs,
            output,
            format,
            fonts,
            template,
            templates,
            sign,
            pdfa,
            limits,
        } => {
            let limits = limits.limits();
            // The keys (and their passwords) before any work.
            let signing = match sign_cmd::render_keys(&sign) {
                Ok(signing) => signing,
                Err(e) => {
                    eprintln!("error: --sign {e}");
                    return ExitCode::from(2);
                }
            };
            let output = match user_fonts(fonts.as_deref(), &limits) {
                Ok(fonts) => Output {
                    dir: output,
                    formats: format.0,
                    fonts,
                    pdfa,
                    signing,
                },
                Err(code) => return code,
            };
            // Text the fonts cannot show is refused as the input is read.
            let options = ReadOptions {
                limits,
                fonts: Some(output.fonts()),
            };
            match template {
                Some(name) => {
                    let templates = match templates_cmd::load(templates.as_deref(), &limits) {
                        Ok(templates) => templates,
                        Err(code) => return code,
                    };
                    render(&inputs, &output, |input| {
                        templates_cmd::render_data_file(&templates, &name, input, &options)
                    })
                }
                None => render(&inputs, &output, |input| {
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
            sheet,
            template,
            output,
            format,
            jobs,
            name_field,
            fonts,
            templates,
            progress,
            limits,
        } => {
            let limits = limits.limits();
            let output = match user_fonts(fonts.as_deref(), &limits) {
                Ok(fonts) => Output {
                    dir: output,
                    formats: format.0,
                    fonts,
                    pdfa: false,
                    signing: None,
                },
                Err(code) => return code,
            };
            let options = ReadOptions {
                limits,
                fonts: Some(output.fonts()),
            };
            templates_cmd::batch_command(
                &data,
                &template,
                templates.as_deref(),
                name_field.as_deref(),
                jobs,
                sheet.as_deref(),
                &options,
                &output,
                progress,
            )
        }
        Command::Rollup {
            base,
            units,
            sheet,
            template,
            output,
            format,
            templates,
            limits,
        } => {
            let limits = limits.limits();
            let output = Output {
                dir: output,
                formats: format.0,
                fonts: None,
                pdfa: false,
                signing: None,
            };
            let write = |doc: &Document, stem: &str| output.write(doc, stem);
            let job = rollup_cmd::Rollup {
                base: &base,
                units: &units,
                sheet: sheet.as_deref(),
                template: &template,
                limits: &limits,
            };
            match templates_cmd::load(templates.as_deref(), &limits) {
                Ok(templates) => rollup_cmd::run(&job, &templates, &write),
                Err(code) => code,
            }
        }
        Command::Check {
            inputs,
            template,
            templates,
            sheet,
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
            match template {
                Some(template) => match templates_cmd::load(templates.as_deref(), &limits) {
                    Ok(templates) => {
                        let job = check_cmd::Check {
                            templates: &templates,
                            template: &template,
                            sheet: sheet.as_deref(),
                            options,
                        };
                        check_cmd::run(&inputs, &job)
                    }
                    Err(code) => code,
                },
                None => check(&inputs, &options),
            }
        }
        Command::Schema => {
            println!("{}", vanban::input::json_schema());
            ExitCode::SUCCESS
        }
        Command::Lint {
            files,
            json,
            fix,
            in_place,
            limits,
        } => match (fix, in_place) {
            (None, false) => lint_cmd::lint(&files, json, &limits.limits()),
            (out, _) => lint_cmd::fix(&files, out.as_deref(), in_place, &limits.limits()),
        },
        Command::Serve(args) => serve_cmd::run(args),
        Command::Register { command } => register_cmd::run(command),
        Command::Sign {
            input,
            output,
            p12,
            role,
            attachment,
            time,
            tsa,
            image,
            limits,
        } => sign_cmd::sign(&sign_cmd::SignJob {
            input: &input,
            output: &output,
            p12: &p12,
            role,
            attachment: attachment.as_deref(),
            time: time.as_deref(),
            tsa: tsa.as_deref(),
            image: &image,
            limits: &limits,
        }),
        Command::Verify {
            file,
            trust,
            json,
            limits,
        } => sign_cmd::verify(&file, trust.as_deref(), json, &limits),
        Command::Copy {
            input,
            output,
            kind,
            by,
            abbreviation,
            p12,
            number,
            db,
            time,
            paper,
            block,
            max_field_chars,
            max_depth,
            limits,
        } => copy_cmd::copy(&copy_cmd::CopyJob {
            input: &input,
            output: &output,
            kind,
            by: by.as_deref(),
            abbreviation: abbreviation.as_deref(),
            p12: p12.as_deref(),
            number: number.as_deref(),
            db: db.as_deref(),
            time: time.as_deref(),
            paper: block.as_deref().filter(|_| paper),
            block_limits: copy_cmd::block_limits(&limits, max_field_chars, max_depth),
            limits: &limits,
        }),
    }
}

/// The PDF fonts named by `--fonts`, or `None` for the built-in set; a bad
/// list is a usage error (exit 2).
fn user_fonts(list: Option<&str>, limits: &Limits) -> Result<Option<FontSet>, ExitCode> {
    list.map(|list| vanban_output::render::load_font_list(list, limits.max_font_bytes))
        .transpose()
        .map_err(|message| {
            eprintln!("{}", msg!("cli-error-option", message = message.message()));
            ExitCode::from(2)
        })
}

/// Renders each input to a document named after it, through `load` (an
/// input file, or a data file and a template); reports every failure and
/// goes on with the rest. Two inputs with the same name (`a/x.yaml`,
/// `b/x.yaml`) get `x` and `x-2`. SIGTERM or SIGINT stops it after the
/// document under way, with a summary.
fn render(
    inputs: &[PathBuf],
    output: &Output,
    load: impl Fn(&Path) -> Result<Document, String>,
) -> ExitCode {
    let stop = signals::Stop::on_signals();
    let mut namer = Namer::new(None, Some(inputs.len()));
    let (mut failed, mut written, mut files) = (false, 0, 0);
    for (index, input) in inputs.iter().enumerate() {
        if stop.cancel.is_cancelled() {
            break;
        }
        let stem = namer.name(index + 1, input.file_stem().and_then(|s| s.to_str()));
        // While it reads (a pipe may block) a signal ends the run at once.
        stop.reading(true);
        let loaded = load(input);
        stop.reading(false);
        if stop.cancel.is_cancelled() {
            break;
        }
        let done = loaded.and_then(|doc| {
            let paths = output.write(&doc, &stem).map_err(|e| {
                msg!(
                    "cli-cannot-write",
                    path = input.display().to_string(),
                    reason = e.to_string()
                )
                .to_string()
            })?;
            Ok(paths)
        });
        match done {
            Ok(paths) => {
                written += 1;
                files += paths.len();
                for path in paths {
                    eprintln!("{}", msg!("cli-wrote", path = path.display().to_string()));
                }
            }
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    if let (Some(why), Some(code)) = (stop.describe(), stop.exit_code()) {
        let summary = msg!(
            "cli-stopped-summary",
            why = why,
            written = written,
            total = inputs.len(),
            files = files,
            dir = output.dir().display().to_string()
        );
        eprintln!("{summary}");
        return code;
    }
    exit_status(failed)
}

fn check(inputs: &[PathBuf], options: &ReadOptions<'_>) -> ExitCode {
    let mut failed = false;
    for input in inputs {
        // Reading checks the fields against the fonts; the words vanban
        // adds (checked as a render composes) are checked here.
        let read = Document::from_path_with(input, options).and_then(|doc| match options.fonts {
            Some(fonts) => vanban::coverage::check(&doc, fonts).map(|()| doc),
            None => Ok(doc),
        });
        match read {
            Ok(doc) => {
                eprintln!("{}", msg!("cli-ok", path = input.display().to_string()));
                // The 2025 administrative map: warnings, not failures.
                for warning in vanban_lint::admin_map::check_document(&doc) {
                    eprintln!("{}: {warning}", input.display());
                }
            }
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
