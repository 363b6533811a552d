//! The corpus of tests/lint/cases.tsv: each case edits one conforming DOCX
//! rendered by vanban and must fail exactly the rules it names, in the DOCX
//! and in the PDF LibreOffice makes of it.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use common::*;

struct Case {
    name: String,
    base: String,
    scope: String,
    find: String,
    replace: String,
    rules: BTreeSet<String>,
    pdf: bool,
}

fn cases() -> Vec<Case> {
    let path = repo().join("tests/lint/cases.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cols.len(),
                7,
                "{}: seven columns in `{line}`",
                path.display()
            );
            let dash = |s: &str| {
                if s == "-" {
                    String::new()
                } else {
                    s.to_string()
                }
            };
            Case {
                name: cols[0].into(),
                base: cols[1].into(),
                scope: cols[2].into(),
                find: dash(cols[3]),
                replace: dash(cols[4]),
                rules: cols[5]
                    .split(',')
                    .filter(|r| *r != "-")
                    .map(str::to_string)
                    .collect(),
                pdf: cols[6] == "yes",
            }
        })
        .collect()
}

/// Every case's DOCX, its base rendered once.
fn documents(cases: &[Case]) -> Vec<Vec<u8>> {
    let mut bases: HashMap<&str, Vec<u8>> = HashMap::new();
    cases
        .iter()
        .map(|case| {
            let base = bases
                .entry(&case.base)
                .or_insert_with(|| docx(&base_document(&case.base)));
            if case.find.is_empty() {
                base.clone()
            } else {
                mutate(base, &case.scope, &case.find, &case.replace)
            }
        })
        .collect()
}

#[test]
fn every_rule_named_in_the_corpus_is_in_the_catalogue() {
    for case in cases() {
        for rule in &case.rules {
            assert!(
                vanban_lint::RULES.iter().any(|r| r.id == rule),
                "{}: unknown rule {rule}",
                case.name
            );
        }
    }
}

#[test]
fn each_docx_fails_exactly_the_rules_it_breaks() {
    let cases = cases();
    let mut failures = Vec::new();
    for (case, docx) in cases.iter().zip(documents(&cases)) {
        let report = vanban_lint::lint(&docx).unwrap();
        if rules(&report) != case.rules {
            failures.push(format!(
                "{} (DOCX): expected {:?}, got\n{}",
                case.name,
                case.rules,
                describe(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn each_libreoffice_pdf_fails_exactly_the_rules_it_breaks() {
    if !have("soffice") {
        println!("SKIPPED: LibreOffice (soffice) not installed");
        return;
    }
    let cases: Vec<Case> = cases().into_iter().filter(|c| c.pdf).collect();
    let dir = temp_dir("corpus");
    let files: Vec<PathBuf> = cases
        .iter()
        .zip(documents(&cases))
        .map(|(case, docx)| {
            let path = dir.join(format!("{}.docx", case.name));
            std::fs::write(&path, docx).unwrap();
            path
        })
        .collect();
    let pdfs = libreoffice_pdfs(&files, &dir);
    let mut failures = Vec::new();
    for (case, pdf) in cases.iter().zip(&pdfs) {
        let report = vanban_lint::lint_path(pdf).unwrap();
        assert_eq!(report.format, vanban_lint::SourceFormat::Pdf);
        if rules(&report) != case.rules {
            failures.push(format!(
                "{} (PDF): expected {:?}, got\n{}",
                case.name,
                case.rules,
                describe(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn findings_say_where_and_what() {
    let base = docx(&base_document("ke-hoach-1026"));
    let bad = mutate(&base, "all", "tháng 3 năm 2024", "tháng 03 năm 2024");
    let report = vanban_lint::lint(&bad).unwrap();
    let finding = &report.findings[0];
    assert_eq!(finding.rule, "ND30-2.4-date");
    assert_eq!(finding.element, "ngày");
    assert_eq!(finding.found, "`ngày 08 tháng 03`");
    assert!(
        finding.expected.contains("`ngày 08 tháng 3`"),
        "{}",
        finding.expected
    );
    assert_eq!(finding.paragraph, Some(6));
    assert_eq!(finding.section, "§2.4");
}

#[test]
fn unreadable_input_is_an_error_not_a_panic() {
    assert_eq!(
        vanban_lint::lint(b"hello").unwrap_err(),
        vanban_lint::ReadError::UnknownFormat
    );
    assert!(matches!(
        vanban_lint::lint(b"PK\x03\x04broken"),
        Err(vanban_lint::ReadError::Zip(_))
    ));
    assert!(matches!(
        vanban_lint::lint(b"%PDF-1.7\nbroken"),
        Err(vanban_lint::ReadError::Pdf(_))
    ));
}

#[test]
fn documents_saved_again_by_libreoffice_lint_as_before() {
    if !have("soffice") {
        println!("SKIPPED: LibreOffice (soffice) not installed");
        return;
    }
    // LibreOffice rewrites the whole package (its own styles, run and
    // paragraph properties, table and section markup): a DOCX made by
    // another writer, with the same content.
    let cases: Vec<Case> = cases()
        .into_iter()
        .filter(|c| {
            [
                "conforming-ke-hoach",
                "conforming-cong-van",
                "month-padded",
                "centred-body",
                "motto-rule-missing",
            ]
            .contains(&c.name.as_str())
        })
        .collect();
    let dir = temp_dir("resaved");
    let files: Vec<PathBuf> = cases
        .iter()
        .zip(documents(&cases))
        .map(|(case, docx)| {
            let path = dir.join(format!("{}.docx", case.name));
            std::fs::write(&path, docx).unwrap();
            path
        })
        .collect();
    let out = dir.join("resaved");
    std::fs::create_dir_all(&out).unwrap();
    let status = std::process::Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&out)
        .args(&files)
        .output()
        .expect("soffice runs");
    let mut failures = Vec::new();
    for case in &cases {
        let path = out.join(format!("{}.docx", case.name));
        assert!(
            path.exists(),
            "LibreOffice wrote no {}: {status:?}",
            path.display()
        );
        let report = vanban_lint::lint_path(&path).unwrap();
        if rules(&report) != case.rules {
            failures.push(format!(
                "{} (resaved DOCX): expected {:?}, got\n{}",
                case.name,
                case.rules,
                describe(&report)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
