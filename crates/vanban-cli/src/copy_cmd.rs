//! `vanban copy`: the electronic copy (ô 14, signed by the copying office)
//! and, with `--paper`, the paper copy (vanban-copy: the copy's block under
//! the copied text). With `--db` the copy's number comes from the
//! register's copy sequence and the file written is recorded in its entry.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban::copy::{CopyBlock, CopyInput, CopyKind, CopyOfficeInput};
use vanban::{Date, Limits};
use vanban_i18n::msg;
use vanban_register::{CopyRequest, Entry, FileRecord, Register, Settings};
use vanban_sign::marks;
use vanban_sign::{Appearance, Role, SignOptions};

use crate::lint_cmd::LintLimitArgs;
use crate::sign_cmd::{identity, read_pdf, signing_time, write_atomic};

/// `vanban copy IN.pdf -o OUT.pdf --kind … (--by OFFICE --p12 KEY | --paper
/// --block FILE) [--number N | --db DB]`.
pub struct CopyJob<'a> {
    pub input: &'a Path,
    pub output: &'a Path,
    pub kind: CopyKind,
    pub by: Option<&'a str>,
    pub abbreviation: Option<&'a str>,
    pub p12: Option<&'a Path>,
    pub number: Option<&'a str>,
    pub db: Option<&'a str>,
    pub time: Option<&'a str>,
    /// `--paper --block FILE`: the block's file.
    pub paper: Option<&'a Path>,
    /// How the block file is read.
    pub block_limits: Limits,
    pub limits: &'a LintLimitArgs,
}

/// The block file's reading limits: `--max-file-bytes` bounds it as it
/// bounds the PDF (one flag for "the largest file read"), the other two
/// are the input flags of `render`.
pub fn block_limits(
    limits: &LintLimitArgs,
    max_field_chars: Option<usize>,
    max_depth: Option<usize>,
) -> Limits {
    let d = Limits::default();
    Limits {
        max_file_bytes: limits.max_file_bytes.unwrap_or(d.max_file_bytes),
        max_field_chars: max_field_chars.unwrap_or(d.max_field_chars),
        max_depth: max_depth.unwrap_or(d.max_depth),
        ..d
    }
}

pub fn copy(job: &CopyJob) -> ExitCode {
    let result = match job.paper {
        Some(block) => paper(job, block),
        None => electronic(job),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

/// The electronic copy: the ô 14 mark, signed by the copying office.
fn electronic(job: &CopyJob) -> Result<(), String> {
    let limits = job.limits.limits();
    let time = signing_time(job.time)?;
    let by = job.by.unwrap_or_default();
    let pdf = read_pdf(job.input, &limits)?;
    let p12 = job
        .p12
        .ok_or("--p12: the copying office's key is required")?;
    let identity = identity(p12)?;
    // Every check is made before a number is taken from the register.
    let mut numbered = match job.db {
        Some(db) => {
            let abbreviation = job
                .abbreviation
                .ok_or_else(|| msg!("copy-db-needs-abbreviation").to_string())?;
            let request = CopyRequest {
                kind: job.kind,
                issuer_abbreviation: abbreviation.into(),
                date: None,
                summary: file_name(job.input),
                signer: identity.common_name(),
                recipients: Vec::new(),
                note: None,
            };
            Some(issue(db, &request)?)
        }
        None => None,
    };
    let number = match (&numbered, job.number) {
        (Some((_, entry)), _) => Some(entry.number_symbol()),
        (None, n) => n.map(str::to_string),
    };
    let options = SignOptions {
        role: Role::Office,
        time,
        appearance: Appearance::TopRightText {
            lines: marks::copy(job.kind, by, number.as_deref(), time),
        },
        limits,
    };
    let written = vanban_sign::sign(&pdf, &identity, &options)
        .map_err(|e| format!("{}: {e}", job.input.display()))
        .and_then(|signed| write_atomic(job.output, &signed).map(|()| signed));
    if let Some((register, entry)) = numbered.as_mut() {
        record(register, entry, job.output, &written)?;
    }
    written?;
    eprintln!(
        "wrote {} ({} by {}{}, signed {})",
        job.output.display(),
        job.kind.words(),
        by,
        number.map(|n| format!(", số {n}")).unwrap_or_default(),
        time.iso()
    );
    Ok(())
}

/// The paper copy: the block read and checked, numbered, set under the
/// copied text.
fn paper(job: &CopyJob, block_file: &Path) -> Result<(), String> {
    let limits = job.limits.limits();
    let kind = job.kind;
    let fill = |input: &mut CopyInput| {
        let issuer = input.issuer.get_or_insert_with(CopyOfficeInput::default);
        if let Some(by) = job.by {
            issuer.name = Some(by.into());
        }
        if let Some(abbreviation) = job.abbreviation {
            issuer.abbreviation = Some(abbreviation.into());
        }
    };
    let mut block = CopyBlock::from_path(block_file, kind, fill, &job.block_limits)
        .map_err(|e| e.to_string())?;
    if let Some(text) = job.number {
        let (number, symbol) = parse_number(text)?;
        block.doc.number = Some(number);
        if let Some(symbol) = symbol {
            block.doc.symbol = symbol;
        }
    }
    let pdf = read_pdf(job.input, &limits)?;
    let mut numbered = match job.db {
        Some(db) => {
            let (register, entry) = issue(db, &request(&block, kind, job.input))?;
            block.doc.number = u32::try_from(entry.number).ok();
            block.doc.symbol = entry.symbol.clone();
            block.doc.date = Date::parse(&entry.date).ok();
            block.doc.date_year = None;
            Some((register, entry))
        }
        None => None,
    };
    let written = vanban_copy::paper(&pdf, &block, &vanban_copy::Options::default(), &limits)
        .map_err(|e| format!("{}: {e}", job.input.display()))
        .and_then(|(bytes, placement)| {
            write_atomic(job.output, &bytes)?;
            Ok((bytes, placement))
        });
    if let Some((register, entry)) = numbered.as_mut() {
        let bytes = written
            .as_ref()
            .map(|(b, _)| b.clone())
            .map_err(Clone::clone);
        record(register, entry, job.output, &bytes)?;
    }
    let (_, placement) = written?;
    eprintln!(
        "{}",
        msg!(
            "copy-paper-written",
            file = job.output.display().to_string(),
            kind = kind.words(),
            number = block.number_line(),
            page = placement.page as i64,
            new_page = if placement.new_page { "yes" } else { "no" }
        )
    );
    Ok(())
}

/// What the register records of a paper copy.
fn request(block: &CopyBlock, kind: CopyKind, input: &Path) -> CopyRequest {
    let prefix = format!("{}-", kind.abbreviation());
    let doc = &block.doc;
    CopyRequest {
        kind,
        issuer_abbreviation: doc
            .symbol
            .strip_prefix(&prefix)
            .unwrap_or(&doc.symbol)
            .to_string(),
        date: doc.date,
        summary: block.copied.clone().unwrap_or_else(|| file_name(input)),
        signer: doc.signer.name.clone(),
        recipients: doc.recipients.iter().map(|r| r.text()).collect(),
        note: None,
    }
}

/// `--number 05` or `--number 05/SY-UBND`.
fn parse_number(text: &str) -> Result<(u32, Option<String>), String> {
    let (number, symbol) = match text.trim().split_once('/') {
        Some((n, s)) => (n, Some(s.trim().to_string())),
        None => (text.trim(), None),
    };
    match (number.parse::<u32>(), &symbol) {
        (Ok(n), Some(s)) if n > 0 && !s.is_empty() => Ok((n, symbol)),
        (Ok(n), None) if n > 0 => Ok((n, None)),
        _ => Err(format!(
            "--number: {}",
            msg!("copy-number-invalid", value = text)
        )),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Opens the register and takes the copy's number (one transaction: the
/// number exists only as its committed entry).
fn issue(db: &str, request: &CopyRequest) -> Result<(Register, Entry), String> {
    let mut register =
        Register::open(db, &Settings::default()).map_err(|e| format!("--db {db}: {e}"))?;
    let entry = register
        .issue_copy(request)
        .map_err(|e| format!("--db {db}: {e}"))?;
    Ok((register, entry))
}

/// Records the file written (with its SHA-256), or why none was: the
/// number stays taken, its entry says the copy failed.
fn record(
    register: &mut Register,
    entry: &Entry,
    output: &Path,
    written: &Result<Vec<u8>, String>,
) -> Result<(), String> {
    let done = match written {
        Ok(bytes) => {
            let file = FileRecord {
                path: absolute(output).display().to_string(),
                sha256: vanban_register::issue::sha256_hex(bytes),
            };
            register.set_rendered(entry.id, &[file], None)
        }
        Err(why) => register.set_rendered(entry.id, &[], Some(why)),
    };
    done.map(|_| ()).map_err(|e| format!("--db: {e}"))
}

fn absolute(path: &Path) -> PathBuf {
    std::env::current_dir()
        .map(|d| d.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
}
