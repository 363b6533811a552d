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
