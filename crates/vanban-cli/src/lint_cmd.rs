//! `vanban lint FILE…`: checks DOCX and PDF files against the decree and
//! prints the findings for people or, with `--json`, for e-office systems.

use std::path::PathBuf;
use std::process::ExitCode;

use vanban_lint::{Report, Severity, RULES};

/// The rules and their spec sections, for `vanban lint --help`.
pub fn rules_help() -> String {
    let mut text = String::from("Rules (id, severity, spec section: what is checked):\n");
    for rule in RULES {
        let severity = match rule.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        text.push_str(&format!(
            "  {} [{severity}] {}: {}\n",
            rule.id, rule.section, rule.checks
        ));
    }
    text.push_str("\nExit status: 0 no error found, 1 an error found, 2 a file cannot be read.");
    text
}

pub fn lint(files: &[PathBuf], json: bool) -> ExitCode {
    let mut unreadable = false;
    let mut errors = false;
    let mut results = Vec::new();
    for file in files {
        match vanban_lint::lint_path(file) {
            Ok(report) => {
                errors |= report.has_errors();
                if !json {
                    print_report(file, &report);
                }
                results.push(
                    serde_json::json!({ "file": file.display().to_string(), "report": report }),
                );
            }
            Err(e) => {
                unreadable = true;
                if !json {
                    eprintln!("{}: cannot read: {e}", file.display());
                }
                results.push(serde_json::json!({ "file": file.display().to_string(), "error": e.to_string() }));
            }
        }
    }
    if json {
        let text = serde_json::to_string_pretty(&results).expect("findings serialise");
        println!("{text}");
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(file: &std::path::Path, report: &Report) {
    for finding in &report.findings {
        println!("{}: {finding}", file.display());
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    println!(
        "{}: {} error(s), {} warning(s) ({}, {})",
        file.display(),
        count(Severity::Error),
        count(Severity::Warning),
        report.kind.unwrap_or("kind not recognised"),
        match report.format {
            vanban_lint::SourceFormat::Docx => "DOCX",
            vanban_lint::SourceFormat::Pdf => "PDF",
        }
    );
}

/// `vanban lint --fix OUT.docx FILE.docx`: writes the fixed copy (through a
/// temporary file, so a failure leaves nothing half-written), then lists
/// what was fixed and what still needs a person.
pub fn fix(files: &[PathBuf], out: &std::path::Path) -> ExitCode {
    let [input] = files else {
        eprintln!("error: --fix takes exactly one DOCX file");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{}: cannot read: {e}", input.display());
            return ExitCode::from(2);
        }
    };
    let fixed = match vanban_lint::fix::fix_docx(&bytes) {
        Ok(fixed) => fixed,
        Err(e) => {
            eprintln!("{}: cannot fix: {e}", input.display());
            return ExitCode::from(2);
        }
    };
    // Written as the documents are: whole or not at all, mode 0644.
    let written = vanban_output::write::write_files(&[(out.to_path_buf(), &fixed.docx[..])]);
    if let Err(e) = written {
        eprintln!("{}: cannot write: {e}", out.display());
        return ExitCode::from(1);
    }
    for finding in &fixed.fixed {
        println!("fixed: {finding}");
    }
    for finding in &fixed.remaining {
        println!("needs a person: {finding}");
    }
    println!(
        "wrote {}: {} fixed, {} left",
        out.display(),
        fixed.fixed.len(),
        fixed.remaining.len()
    );
    if fixed
        .remaining
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
