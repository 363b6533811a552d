//! `vanban register …`: the office's registers (numbers by Decree 30 Art.
//! 15, the outgoing and incoming books), a thin face of `vanban-register`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use vanban::{Date, Document, Kind, ReadOptions};
use vanban_i18n::msg;
use vanban_register::book::BookFormat;
use vanban_register::receive::{self, Given};
use vanban_register::{
    Entry, EntryRef, Error, Filter, IncomingEntry, IssueOptions, NewEntry, Register,
    RegisterSettings, Scheme, Settings,
};

use crate::lint_cmd::LintLimitArgs;
use crate::output::{parse_formats, Formats};

/// Where the register is, shared by every subcommand.
#[derive(Args, Clone, Debug)]
pub struct DbArgs {
    /// The register: a file (SQLite) or a postgres:// URL.
    #[arg(long, env = "VANBAN_DB", value_name = "DB")]
    db: String,
    /// Open for reading only (auditors): any change is refused.
    #[arg(long)]
    read_only: bool,
    /// Longest wait, in seconds, for a register locked by another clerk.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    busy_timeout: u64,
    /// SQLite: sync the disk at every commit, so even a power cut loses no
    /// number given out (slower: one disk sync per number).
    #[arg(long)]
    durable: bool,
}

impl DbArgs {
    fn settings(&self) -> Settings {
        Settings {
            read_only: self.read_only,
            busy_timeout: Duration::from_secs(self.busy_timeout),
            durable: self.durable,
        }
    }

    fn open(&self) -> Result<Register, Error> {
        Register::open(&self.db, &self.settings())
    }
}

#[derive(Subcommand)]
pub enum RegisterCommand {
    /// Create a register: `--db so-dang-ky.db` or `--db postgres://…`.
    Init {
        #[command(flatten)]
        db: DbArgs,
        /// `shared` (one sequence for every kind) or `per-kind`.
        #[arg(long, default_value = "shared")]
        scheme: String,
        /// The office (printed on the books' covers).
        #[arg(long, default_value = "")]
        office: String,
        /// An advisory body (Hội đồng, Ban, Tổ) numbering in its own
        /// sequence; repeat for each.
        #[arg(long = "body", value_name = "NAME")]
        bodies: Vec<String>,
    },
    /// The register's settings and the last number of each sequence.
    Info {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        json: bool,
    },
    /// Number, record and render documents whose number (and date) are
    /// left out.
    Issue {
        #[command(flatten)]
        db: DbArgs,
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        #[arg(short, long, default_value = ".")]
        output: PathBuf,
        #[arg(short, long, default_value = "docx,pdf", value_parser = parse_formats)]
        format: Formats,
        /// The date of issue (YYYY-MM-DD); today in Vietnam by default.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Number in this advisory body's sequence.
        #[arg(long, value_name = "NAME")]
        body: Option<String>,
        /// Complete this reserved number (`12` or `15/KH-VP`) with the input.
        #[arg(long, value_name = "ENTRY")]
        reserved: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Hold the next number for a document signed on paper.
    Reserve {
        #[command(flatten)]
        db: DbArgs,
        /// The kind (`ke-hoach`, `KH`, `Kế hoạch`).
        #[arg(long)]
        kind: String,
        /// The symbol (`KH-VP`).
        #[arg(long)]
        symbol: String,
        #[arg(long, default_value = "")]
        summary: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// A secret document (its own sequence).
        #[arg(long)]
        secret: bool,
        #[arg(long, value_name = "NAME")]
        body: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Cancel a number, with the reason; it stays in the book.
    Void {
        #[command(flatten)]
        db: DbArgs,
        /// `12` (entry id) or `15/KH-VP`.
        entry: String,
        #[arg(long)]
        reason: String,
        #[arg(long)]
        year: Option<i32>,
    },
    /// Write an entry's files again (after a failed or interrupted render).
    Render {
        #[command(flatten)]
        db: DbArgs,
        entry: String,
        #[arg(long)]
        year: Option<i32>,
        /// Another folder than the one recorded.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// List entries (outgoing by default).
    List {
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// Search entries by words (summary, symbol, signer, recipients).
    Search {
        #[command(flatten)]
        db: DbArgs,
        words: String,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long)]
        json: bool,
    },
    /// One entry, every field.
    Show {
        #[command(flatten)]
        db: DbArgs,
        entry: String,
        #[arg(long)]
        year: Option<i32>,
    },
    /// Re-hash the recorded files; report any changed or missing (exit 1).
    Verify {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Record an existing year's register (.xlsx, .ods, .xls or .csv) with
    /// its own numbers: all rows or none.
    Import {
        #[command(flatten)]
        db: DbArgs,
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
    },
    /// Register received documents (DOCX or PDF): the next incoming number.
    Receive {
        #[command(flatten)]
        db: DbArgs,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The arrival date (YYYY-MM-DD); today in Vietnam by default.
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// Values that cannot be read from the file (or that replace it).
        #[arg(long)]
        issuer: Option<String>,
        #[arg(long)]
        number: Option<i64>,
        #[arg(long)]
        symbol: Option<String>,
        #[arg(long, value_parser = parse_date)]
        document_date: Option<Date>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        summary: Option<String>,
        /// Đơn vị hoặc người nhận.
        #[arg(long)]
        recipient: Option<String>,
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        limits: LintLimitArgs,
    },
    /// Print a year's book (outgoing, or incoming) as PDF, DOCX and .xlsx.
    Export {
        #[command(flatten)]
        db: DbArgs,
        #[arg(long)]
        year: i32,
        #[arg(long)]
        incoming: bool,
        #[arg(short, long, default_value = ".")]
        output: PathBuf,
        /// Formats: pdf, docx, xlsx.
        #[arg(short, long, default_value = "pdf,docx,xlsx")]
        format: String,
    },
}

#[derive(Args, Clone, Debug, Default)]
pub struct FilterArgs {
    #[arg(long)]
    year: Option<i32>,
    /// A kind (`ke-hoach`, `KH`, `Kế hoạch`).
    #[arg(long)]
    kind: Option<String>,
    /// The incoming book.
    #[arg(long)]
    incoming: bool,
}

impl FilterArgs {
    fn filter(&self, words: Option<&str>) -> Result<Filter, Error> {
        let kind = match &self.kind {
            Some(k) => Some(kind_id(k)?),
            None => None,
        };
        Ok(Filter {
            year: self.year,
            kind,
            text: words.map(str::to_owned),
            ..Filter::default()
        })
    }
}

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text).map_err(|e| e.to_string())
}

fn kind_id(text: &str) -> Result<String, Error> {
    match text {
        "sao-y" | "sao-luc" | "trich-sao" => Ok(text.to_owned()),
        _ => Kind::parse(text)
            .map(|k| k.id().to_owned())
            .ok_or_else(|| Error::Invalid(msg!("register-unknown-kind", kind = text))),
    }
}

fn entry_ref(text: &str, year: Option<i32>) -> Result<EntryRef, Error> {
    Ok(text.parse::<EntryRef>()?.in_year(year))
}

fn line(e: &Entry) -> String {
    let mut line = format!(
        "{:>5}  {}  {}  {}",
        format!("#{}", e.id),
        e.number_symbol(),
        e.date,
        e.summary
    );
    match e.status {
        vanban_register::Status::Void => line.push_str(
            &msg!(
                "register-line-void",
                reason = e.void_reason.as_deref().unwrap_or("")
            )
            .to_string(),
        ),
        vanban_register::Status::Reserved => {
            line.push_str(&msg!("register-line-reserved").to_string())
        }
        vanban_register::Status::Issued => {}
    }
    if matches!(
        e.render_status,
        vanban_register::RenderStatus::Failed | vanban_register::RenderStatus::Pending
    ) {
        line.push_str(&msg!("register-line-files", status = e.render_status.as_str()).to_string());
    }
    line
}

fn incoming_line(e: &IncomingEntry) -> String {
    format!(
        "số đến {:02}  {}  {}  {}  {}",
        e.incoming_number,
        e.received_on,
        e.number_symbol(),
        e.issuer,
        e.summary
    )
}

fn json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into())
    );
}

/// Says what went wrong, in the user's language (`--lang`, `LANG`).
fn fail(e: impl std::fmt::Display) -> ExitCode {
    eprintln!("{}", msg!("cli-error", message = e.to_string()));
    ExitCode::from(1)
}

pub fn run(command: RegisterCommand) -> ExitCode {
    match command {
        RegisterCommand::Init {
            db,
            scheme,
            office,
            bodies,
        } => {
            let scheme = match Scheme::parse(&scheme) {
                Ok(s) => s,
                Err(e) => return fail(e),
            };
            let settings = RegisterSettings {
                scheme,
                office,
                bodies,
            };
            match Register::init(&db.db, &settings, &db.settings()) {
                Ok(reg) => {
                    eprintln!(
                        "{}",
                        msg!(
                            "register-created",
                            target = reg.url(),
                            scheme = scheme.as_str()
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::Info { db, json: as_json } => match db.open().and_then(|mut r| r.info()) {
            Ok(info) if as_json => {
                json(&info);
                ExitCode::SUCCESS
            }
            Ok(info) => {
                let say = |message: vanban_i18n::Message| println!("{message}");
                say(msg!(
                    "register-info-database",
                    database = &info.database,
                    backend = &info.backend,
                    version = info.schema_version
                ));
                say(msg!("register-info-office", office = &info.settings.office));
                say(msg!(
                    "register-info-scheme",
                    scheme = info.settings.scheme.as_str()
                ));
                say(msg!(
                    "register-info-bodies",
                    bodies = info.settings.bodies.join("; ")
                ));
                say(msg!(
                    "register-info-entries",
                    outgoing = info.outgoing_entries,
                    incoming = info.incoming_entries
                ));
                for s in &info.sequences {
                    say(msg!(
                        "register-info-sequence",
                        year = s.year,
                        name = &s.name,
                        last = s.last
                    ));
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        RegisterCommand::Issue {
            db,
            inputs,
            output,
            format,
            date,
            body,
            reserved,
            json: as_json,
        } => issue(
            &db,
            &inputs,
            &output,
            format,
            date,
            body,
            reserved.as_deref(),
            as_json,
        ),
        RegisterCommand::Reserve {
            db,
            kind,
            symbol,
            summary,
            date,
            secret,
            body,
            json: as_json,
        } => {
            let result = kind_id(&kind).and_then(|kind| {
                let entry = NewEntry {
                    kind,
                    symbol,
                    summary,
                    date,
                    secrecy: secret.then(|| "MẬT".to_owned()),
                    body,
                    ..NewEntry::default()
                };
                db.open()?.reserve(&entry)
            });
            match result {
                Ok(e) if as_json => {
                    json(&e);
                    ExitCode::SUCCESS
                }
                Ok(e) => {
                    println!(
                        "{}",
                        msg!(
                            "register-reserved",
                            number = e.number_symbol(),
                            date = &e.date,
                            id = e.id
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::Void {
            db,
            entry,
            reason,
            year,
        } => match entry_ref(&entry, year).and_then(|r| db.open()?.void(&r, &reason)) {
            Ok(e) => {
                println!(
                    "{}",
                    msg!(
                        "register-voided",
                        number = e.number_symbol(),
                        reason = &reason
                    )
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        },
        RegisterCommand::Render {
            db,
            entry,
            year,
            output,
        } => {
            let result = entry_ref(&entry, year).and_then(|r| {
                db.open()?
                    .render_again(&r, output.as_deref(), None, Default::default())
            });
            match result {
                Ok(e) => {
                    for f in &e.files {
                        eprintln!("{}", msg!("cli-wrote", path = &f.path));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::List {
            db,
            filter,
            json: as_json,
        } => list(&db, &filter, None, as_json),
        RegisterCommand::Search {
            db,
            words,
            filter,
            json: as_json,
        } => list(&db, &filter, Some(&words), as_json),
        RegisterCommand::Show { db, entry, year } => {
            match entry_ref(&entry, year).and_then(|r| db.open()?.entry(&r)) {
                Ok(e) => {
                    json(&e);
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::Verify {
            db,
            year,
            json: as_json,
        } => {
            let filter = Filter {
                year,
                ..Filter::default()
            };
            match db.open().and_then(|mut r| {
                r.verify(
                    &filter,
                    vanban::Limits::default().max_file_bytes.max(1 << 30),
                )
            }) {
                Ok(checks) => {
                    let bad = checks.iter().filter(|c| c.state != "ok").count();
                    if as_json {
                        json(&checks);
                    } else {
                        for c in &checks {
                            println!("{}  {}  {}", c.state, c.entry, c.path);
                        }
                        eprintln!(
                            "{}",
                            msg!("register-verified", count = checks.len(), bad = bad)
                        );
                    }
                    if bad == 0 {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    }
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::Import { db, file, sheet } => {
            let result = vanban_register::import::read_entries(&file, sheet.as_deref())
                .and_then(|entries| db.open()?.import(&entries));
            match result {
                Ok(n) => {
                    eprintln!(
                        "{}",
                        msg!(
                            "register-imported",
                            count = n,
                            file = file.display().to_string()
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
        RegisterCommand::Receive {
            db,
            files,
            date,
            issuer,
            number,
            symbol,
            document_date,
            kind,
            summary,
            recipient,
            json: as_json,
            limits,
        } => {
            let kind = match kind.as_deref().map(kind_id).transpose() {
                Ok(k) => k,
                Err(e) => return fail(e),
            };
            let given = Given {
                issuer,
                number,
                symbol,
                date: document_date,
                kind,
                summary,
                sha256: String::new(),
            };
            let mut reg = match db.open() {
                Ok(r) => r,
                Err(e) => return fail(e),
            };
            let mut failed = false;
            let mut done = Vec::new();
            for file in &files {
                let name = file.display().to_string();
                let result = receive::read_file(file, &limits.limits()).and_then(|read| {
                    let mut received = receive::received(&name, &read, &given)?;
                    received.received_on = date;
                    received.recipient = recipient.clone();
                    reg.receive(&received)
                });
                match result {
                    Ok(e) => {
                        if !as_json {
                            println!("{}", incoming_line(&e));
                        }
                        done.push(e);
                    }
                    Err(e) => {
                        fail(e);
                        failed = true;
                    }
                }
            }
            if as_json {
                json(&done);
            }
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        RegisterCommand::Export {
            db,
            year,
            incoming,
            output,
            format,
        } => {
            let result = BookFormat::parse_list(&format)
                .and_then(|formats| db.open()?.export(year, incoming, &output, &formats));
            match result {
                Ok(paths) => {
                    for p in paths {
                        eprintln!("{}", msg!("cli-wrote", path = p.display().to_string()));
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(e),
            }
        }
    }
}

fn list(db: &DbArgs, args: &FilterArgs, words: Option<&str>, as_json: bool) -> ExitCode {
    let result = args.filter(words).and_then(|filter| {
        let mut reg = db.open()?;
        if args.incoming {
            let entries = reg.incoming(&filter)?;
            if as_json {
                json(&entries);
            } else {
                entries
                    .iter()
                    .for_each(|e| println!("{}", incoming_line(e)));
            }
        } else {
            let entries = reg.entries(&filter)?;
            if as_json {
                json(&entries);
            } else {
                entries.iter().for_each(|e| println!("{}", line(e)));
            }
        }
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

#[allow(clippy::too_many_arguments)]
fn issue(
    db: &DbArgs,
    inputs: &[PathBuf],
    output: &Path,
    format: Formats,
    date: Option<Date>,
    body: Option<String>,
    reserved: Option<&str>,
    as_json: bool,
) -> ExitCode {
    let mut reg = match db.open() {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    if reserved.is_some() && inputs.len() != 1 {
        return fail(msg!("register-reserved-one-input"));
    }
    let options = IssueOptions {
        dir: output.to_path_buf(),
        formats: format.0,
        date,
        body,
        render: vanban_output::Options::default(),
    };
    let read = ReadOptions {
        limits: vanban::Limits::default(),
        fonts: Some(vanban::metrics::FontSet::liberation_serif()),
    };
    let mut failed = false;
    let mut issued = Vec::new();
    for input in inputs {
        let loaded = Document::from_path_with(input, &read)
            .map_err(Error::from)
            .and_then(|doc| {
                let (source, _, _) = vanban::source::read_file(input, &read.limits)?;
                Ok((source, doc))
            });
        let result = loaded.and_then(|(source, doc)| match reserved {
            Some(r) => reg.issue_reserved(&r.parse()?, &source, &doc, &options),
            None => reg.issue(&source, &doc, &options),
        });
        match result {
            Ok(e) => {
                if !as_json {
                    eprintln!(
                        "{}",
                        msg!(
                            "register-issued",
                            file = input.display().to_string(),
                            number = e.number_symbol(),
                            date = &e.date
                        )
                    );
                    for f in &e.files {
                        eprintln!("{}", msg!("cli-wrote", path = &f.path));
                    }
                }
                issued.push(e);
            }
            Err(e) => {
                eprintln!("{}: {e}", input.display());
                failed = true;
                if matches!(
                    e,
                    Error::Refused { .. } | Error::ReadOnly(_) | Error::Busy { .. }
                ) {
                    break;
                }
            }
        }
    }
    if as_json {
        json(&issued);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
