//! The corpus of tests/lint/cases.tsv: each case edits one conforming DOCX
//! rendered by vanban and must fail exactly the rules it names, in the DOCX
//! and in the PDF LibreOffice makes of it.

mod common;
#[path = "../../../tests/support/english_words.rs"]
mod english_words;

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

/// The seed plan with a two-page Phụ lục after the signature: in the main
/// section (its page numbers continue) or in a section of its own that
/// restarts them.
fn with_appendix(own_section: bool, landscape: bool) -> Vec<u8> {
    let docx = docx(&base_document("ke-hoach-1026"));
    let xml = {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut archive.by_name("word/document.xml").unwrap(),
            &mut text,
        )
        .unwrap();
        text
    };
    let start = xml.find("<w:sectPr>").expect("the body's section");
    let end = xml.find("</w:sectPr>").unwrap() + "</w:sectPr>".len();
    let sect = &xml[start..end];
    let run = |text: &str, bold: bool| {
        let b = if bold { "<w:b/>" } else { "" };
        format!(
            r#"<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>{b}<w:sz w:val="28"/></w:rPr><w:t>{text}</w:t></w:r>"#
        )
    };
    let mut appendix = String::new();
    if own_section {
        // The main text's section ends here; the body's sectPr becomes the appendix's.
        appendix.push_str(&format!("<w:p><w:pPr>{sect}</w:pPr></w:p>"));
    } else {
        appendix.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
    }
    appendix.push_str(&format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p>"#,
        run("Phụ lục", true)
    ));
    appendix.push_str(&format!(
        r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p>"#,
        run("DANH SÁCH CÁC HOẠT ĐỘNG TUYÊN TRUYỀN", true)
    ));
    let line = "Nội dung hoạt động tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến, mô hình mới, nhân tố mới trong năm 2024 tại các phòng, ban, trung tâm thuộc Văn phòng. ";
    for _ in 0..30 {
        appendix.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="120" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/></w:pPr>{}</w:p>"#,
            run(&line.repeat(2), false)
        ));
    }
    let mut last_sect = if own_section {
        sect.replace("<w:cols ", r#"<w:pgNumType w:start="1"/><w:cols "#)
    } else {
        sect.to_string()
    };
    if landscape {
        let portrait = r#"<w:pgSz w:w="11906" w:h="16838" />"#;
        assert!(last_sect.contains(portrait));
        last_sect = last_sect.replace(
            portrait,
            r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#,
        );
        // The margins turn with the page: the binding margin to the top.
        let margins = r#"w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#;
        assert!(last_sect.contains(margins));
        last_sect = last_sect.replace(
            margins,
            r#"w:top="1701" w:right="1134" w:bottom="850" w:left="1134""#,
        );
    }
    let new_xml = format!("{}{appendix}{last_sect}{}", &xml[..start], &xml[end..]);
    mutate(&docx, "all", &xml, &new_xml)
}

#[test]
fn an_appendix_must_number_its_own_pages() {
    let continuing = with_appendix(false, false);
    let own = with_appendix(true, false);
    // Landscape is fine for an appendix; the whole document landscape is not.
    let own_landscape = with_appendix(true, true);
    let all_landscape = with_appendix(false, true);
    let expect = |bytes: &[u8], want: &[&str], what: &str| {
        let report = vanban_lint::lint(bytes).unwrap();
        let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(rules(&report), want, "{what}:\n{}", describe(&report));
    };
    expect(
        &continuing,
        &["ND30-2.14-appendix"],
        "DOCX, numbering continued",
    );
    expect(&own, &[], "DOCX, own section restarting at 1");
    expect(&own_landscape, &[], "DOCX, own landscape section");
    let report = vanban_lint::lint(&all_landscape).unwrap();
    let landscape = report
        .findings
        .iter()
        .find(|f| f.rule == "ND30-1-page-size")
        .expect("a landscape main text is reported");
    assert_eq!(landscape.severity, vanban_lint::Severity::Warning);
    if !have("soffice") {
        println!("SKIPPED: LibreOffice (soffice) not installed");
        return;
    }
    let dir = temp_dir("appendix");
    let files = [
        dir.join("continuing.docx"),
        dir.join("own.docx"),
        dir.join("own-landscape.docx"),
    ];
    std::fs::write(&files[0], &continuing).unwrap();
    std::fs::write(&files[1], &own).unwrap();
    std::fs::write(&files[2], &own_landscape).unwrap();
    let pdfs = libreoffice_pdfs(&files, &dir);
    expect(
        &std::fs::read(&pdfs[0]).unwrap(),
        &["ND30-2.14-appendix"],
        "PDF, numbering continued",
    );
    expect(&std::fs::read(&pdfs[1]).unwrap(), &[], "PDF, own numbering");
    expect(
        &std::fs::read(&pdfs[2]).unwrap(),
        &[],
        "PDF, own landscape section",
    );
}

/// Every finding of every case, put in Vietnamese (element, place, found
/// and expected, section): no English word outside the document's quoted
/// text; and its English as it always was.
#[test]
fn every_finding_of_the_corpus_reads_in_vietnamese() {
    use vanban_i18n::Lang;
    let cases = cases();
    let mut english = Vec::new();
    let mut seen = 0;
    for (case, docx) in cases.iter().zip(documents(&cases)) {
        let report = vanban_lint::lint(&docx).unwrap();
        for f in &report.findings {
            seen += 1;
            let element = f
                .element_msg
                .as_ref()
                .map_or(f.element.clone(), |m| m.render(Lang::Vi));
            let place = f.location_msg.as_ref().map(|m| m.render(Lang::Vi));
            let line = format!(
                "{element} ({}): {}",
                place.unwrap_or_default(),
                f.found_expected().render(Lang::Vi)
            );
            let words = english_words::english_words_of_lint(&line);
            if !words.is_empty() {
                english.push(format!("{}: {words:?} in: {line}", case.name));
            }
            if let Some(m) = &f.element_msg {
                assert_eq!(m.english(), f.element, "{}", case.name);
            }
        }
    }
    assert!(seen >= 20, "only {seen} findings");
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
}
