//! `vanban lint`: findings for people and as JSON, exit status 0 / 1 / 2,
//! and the rules listed in `--help`.

mod common;

use std::io::{Cursor, Read, Write};
use std::process::{Command, Output};

use common::*;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The seed DOCX with one text substitution in word/document.xml.
fn seed_docx_with(find: &str, replace: &str) -> Vec<u8> {
    let docx = seed_docx();
    let mut archive = zip::ZipArchive::new(Cursor::new(&docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            assert!(xml.contains(find), "`{find}` is in the seed");
            data = xml.replace(find, replace).into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_conforming_docx_and_pdf_exit_0() {
    let dir = temp_dir("lint-ok");
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let docx = dir.join("ke-hoach-1026.docx");
    let pdf = dir.join("ke-hoach-1026.pdf");
    let out = vanban(&["lint", docx.to_str().unwrap(), pdf.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("ke-hoach-1026.docx: 0 error(s), 0 warning(s) (ke-hoach, DOCX)"),
        "{text}"
    );
    assert!(
        text.contains("ke-hoach-1026.pdf: 0 error(s), 0 warning(s) (ke-hoach, PDF)"),
        "{text}"
    );
}

#[test]
fn an_error_exits_1_and_says_rule_place_found_and_expected() {
    let dir = temp_dir("lint-bad");
    let path = dir.join("thang-03.docx");
    std::fs::write(
        &path,
        seed_docx_with("tháng 3 năm 2024", "tháng 03 năm 2024"),
    )
    .unwrap();
    let out = vanban(&["lint", path.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    // The element once, where a reader finds it and its text; each
    // finding under it.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("ngày (page 1, the header, right column): «"))
        .unwrap_or_else(|| panic!("the date's element line: {text}"));
    assert!(lines[at].contains("ngày 08 tháng 03 năm 2024»"), "{text}");
    let line = lines[at + 1];
    assert!(line.starts_with("  error[ND30-2.4-date] found"), "{line}");
    assert!(!text.contains("paragraph 6"), "{text}");
    assert!(line.contains("found `ngày 08 tháng 03`"), "{line}");
    assert!(line.contains("`ngày 08 tháng 3`"), "{line}");
    assert!(line.contains("(§2.4)"), "{line}");
}

#[test]
fn json_output_carries_every_field() {
    let dir = temp_dir("lint-json");
    let path = dir.join("symbol-spaces.docx");
    std::fs::write(
        &path,
        seed_docx_with(
            r#"Số: 1026/KH</w:t><w:noBreakHyphen /><w:t xml:space="preserve">VP"#,
            "Số: 1026/KH - VP",
        ),
    )
    .unwrap();
    let out = vanban(&["lint", "--json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let report = &json[0]["report"];
    assert_eq!(report["format"], "docx");
    assert_eq!(report["kind"], "ke-hoach");
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ND30-2.3-symbol")
        .expect("the symbol finding");
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["element"], "ký hiệu");
    assert_eq!(finding["paragraph"], 5);
    assert_eq!(finding["page"], 1);
    assert_eq!(finding["section"], "§2.3, §3");
    assert!(finding["found"].as_str().unwrap().contains("KH - VP"));
    assert_eq!(finding["text"], "Số: 1026/KH - VP");
    assert_eq!(finding["fixable"], false);
    assert_eq!(json[0]["schema_version"], 3);
    assert_eq!(finding["location"], "page 1, the header, left column");
    assert!(finding["bbox"].is_null(), "a DOCX has no boxes");
    assert_eq!(report["pages_estimated"], true);
}

#[test]
fn an_unreadable_file_exits_2_and_the_others_are_still_linted() {
    let dir = temp_dir("lint-unreadable");
    let junk = dir.join("notes.docx");
    std::fs::write(&junk, "not a document").unwrap();
    let good = dir.join("seed.docx");
    std::fs::write(&good, seed_docx()).unwrap();
    let out = vanban(&["lint", junk.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("notes.docx: cannot read: neither a DOCX nor a PDF"));
    assert!(stdout(&out).contains("seed.docx: 0 error(s)"));
}

#[test]
fn help_lists_every_rule_with_its_section() {
    let out = vanban(&["lint", "--help"]);
    let text = stdout(&out);
    for rule in vanban_lint::RULES {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(rule.id))
            .unwrap_or_else(|| panic!("{} missing from --help", rule.id));
        assert!(line.contains(rule.section), "{line}");
    }
}

#[test]
fn fix_writes_a_clean_copy_and_lists_what_it_fixed() {
    let dir = temp_dir("lint-fix");
    let bad = dir.join("bad.docx");
    let fixed = dir.join("fixed.docx");
    std::fs::write(
        &bad,
        seed_docx_with("tháng 3 năm 2024", "tháng 03 năm 2024"),
    )
    .unwrap();
    let out = vanban(&[
        "lint",
        "--fix",
        fixed.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("fixed: error[ND30-2.4-date]"), "{text}");
    assert!(text.contains("1 fixed, 0 left"), "{text}");
    let out = vanban(&["lint", fixed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // --fix takes one file.
    let out = vanban(&[
        "lint",
        "--fix",
        fixed.to_str().unwrap(),
        bad.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

/// `vanban check` warns of the 2025 map for vanban's own inputs (a plain
/// input and a template's data), naming the field, the unit and what
/// replaced it; a warning is no failure (exit 0); the examples, brought up
/// to the current map, raise none.
#[test]
fn check_warns_of_a_district_or_merged_province_after_july_2025() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("examples/kinds/bien-ban.yaml", None),
        ("examples/data/bien-ban.yaml", Some("bien-ban")),
    ];
    for (example, template) in cases {
        let original = std::fs::read_to_string(repo().join(example)).unwrap();
        assert!(original.contains("parent: UBND TỈNH TÂY NINH"), "{example}");
        let stale = original
            .replace(
                "parent: UBND TỈNH TÂY NINH",
                "parent: UBND HUYỆN CHÂU THÀNH",
            )
            .replace("XÃ CHÂU THÀNH", "XÃ AN BÌNH")
            .replace("place: Châu Thành", "place: Hậu Giang");
        let path = dir
            .path()
            .join(format!("{}.yaml", template.unwrap_or("input")));
        std::fs::write(&path, stale).unwrap();
        let run = |file: &str| {
            let mut args = vec!["check"];
            if let Some(t) = template {
                args.extend(["--template", t]);
            }
            args.push(file);
            vanban(&args)
        };
        let out = run(path.to_str().unwrap());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(err.contains(": ok"), "{err}");
        let warnings: Vec<&str> = err.lines().filter(|l| l.contains("admin-map")).collect();
        assert_eq!(warnings.len(), 2, "{example}: {err}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("parent: `UBND HUYỆN CHÂU THÀNH`")
                    && w.contains("Huyện Châu Thành")
                    && w.contains("Tỉnh Tây Ninh")),
            "{err}"
        );
        assert!(
            warnings.iter().any(|w| w.contains("place: `Hậu Giang`")
                && w.contains("Tỉnh Hậu Giang → Thành phố Cần Thơ")),
            "{err}"
        );
        let out = run(repo().join(example).to_str().unwrap());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(out.status.success() && !err.contains("admin-map"), "{err}");
    }
}

/// `--fix` never harms: every document of the corpus made elsewhere
/// (tests/lint-elsewhere, python-docx), fixed, has no error its input did
/// not have and as many pages as LibreOffice sets them (checked by
/// `--fix` itself, which says so, and again here on the written files).
#[test]
fn fix_leaves_every_corpus_document_with_no_new_error_and_as_many_pages() {
    let corpus = repo().join("tests/lint-elsewhere");
    let dir = tempfile::tempdir().unwrap();
    let office = have("soffice");
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".docx").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 15, "{names:?}");
    let mut pairs = Vec::new();
    for name in &names {
        let input = corpus.join(format!("{name}.docx"));
        let output = dir.path().join(format!("{name}-fixed.docx"));
        let out = vanban(&[
            "lint",
            "--fix",
            output.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        let text = stdout(&out);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{name}: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let says = if office {
            "as LibreOffice sets both"
        } else {
            "by vanban's own estimate (LibreOffice not found)"
        };
        assert!(
            text.contains("no new error, the same page count") && text.contains(says),
            "{name}: {text}"
        );
        let errors = |path: &std::path::Path| -> std::collections::BTreeSet<(String, String)> {
            vanban_lint::lint_path(path)
                .unwrap()
                .findings
                .into_iter()
                .filter(|f| f.severity == vanban_lint::Severity::Error)
                .map(|f| (f.rule.to_string(), f.element))
                .collect()
        };
        let new: Vec<_> = errors(&output)
            .difference(&errors(&input))
            .cloned()
            .collect();
        assert!(new.is_empty(), "{name}: new errors {new:?}");
        pairs.push((input, output));
    }
    if !office {
        println!("SKIPPED the LibreOffice page counts: soffice not installed");
        return;
    }
    // One LibreOffice run for every input and fixed copy.
    let mut files = Vec::new();
    for (i, (input, output)) in pairs.iter().enumerate() {
        for (which, path) in [("in", input), ("out", output)] {
            let copy = dir.path().join(format!("{i}-{which}.docx"));
            std::fs::copy(path, &copy).unwrap();
            files.push(copy);
        }
    }
    let pdfs = dir.path().join("pdf");
    let status = Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(&pdfs)
        .args(&files)
        .output()
        .unwrap();
    assert!(status.status.success());
    for (i, name) in names.iter().enumerate() {
        let pages = |which: &str| {
            let pdf = std::fs::read(pdfs.join(format!("{i}-{which}.pdf"))).unwrap();
            vanban_lint::read(&pdf).unwrap().page_count
        };
        assert_eq!(pages("in"), pages("out"), "{name}");
    }
}
