//! `--fix`: a DOCX broken in the mechanical ways comes back clean for those
//! rules with its text unchanged; what a person must do is still listed.

mod common;

use common::*;

/// The seed plan broken five ways: Arial, a 25 mm left margin, a centred
/// body with no first-line indent, a 12 pt body, a month written `03`.
fn broken() -> Vec<u8> {
    let mut docx = docx(&base_document("ke-hoach-1026"));
    for (scope, find, replace) in [
        ("all", "Times New Roman", "Arial"),
        ("all", "w:left=\"1701\"", "w:left=\"1417\""),
        (
            "body",
            "<w:jc w:val=\"both\" />",
            "<w:jc w:val=\"center\" />",
        ),
        ("body", "w:firstLine=\"567\"", "w:firstLine=\"0\""),
        ("body", "w:val=\"28\"", "w:val=\"24\""),
        ("all", "tháng 3 năm 2024", "tháng 03 năm 2024"),
    ] {
        docx = mutate(&docx, scope, find, replace);
    }
    docx
}

fn texts(docx: &[u8]) -> Vec<String> {
    vanban_lint::read(docx)
        .unwrap()
        .paras
        .iter()
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn the_mechanical_findings_are_fixed_and_the_text_kept() {
    let broken = broken();
    let before = rules(&vanban_lint::lint(&broken).unwrap());
    for rule in [
        "ND30-1-font",
        "ND30-1-margins",
        "ND30-2.6-body-align",
        "ND30-2.6-body-size",
        "ND30-2.4-date",
    ] {
        assert!(
            before.contains(rule),
            "the broken document breaks {rule}: {before:?}"
        );
    }
    let fixed = vanban_lint::fix::fix_docx(&broken).unwrap();
    let report = vanban_lint::lint(&fixed.docx).unwrap();
    assert!(
        report.findings.is_empty(),
        "after --fix:\n{}",
        describe(&report)
    );
    assert!(fixed.remaining.is_empty());
    let fixed_rules: std::collections::BTreeSet<&str> =
        fixed.fixed.iter().map(|f| f.rule).collect();
    assert!(fixed_rules.contains("ND30-2.6-body-size") && fixed_rules.contains("ND30-1-font"));

    // The text is the broken document's, but for the date's padding.
    let (old, new) = (texts(&broken), texts(&fixed.docx));
    assert_eq!(old.len(), new.len());
    for (a, b) in old.iter().zip(&new) {
        if a.contains("tháng 03") {
            assert_eq!(b, &a.replace("tháng 03", "tháng 3"));
        } else {
            assert_eq!(a, b);
        }
    }
    // And the seed's own text comes back exactly.
    assert_eq!(new, texts(&docx(&base_document("ke-hoach-1026"))));
}

#[test]
fn the_fixed_docx_opens_in_libreoffice_and_its_pdf_lints_clean() {
    if !have("soffice") {
        println!("SKIPPED: LibreOffice (soffice) not installed");
        return;
    }
    let dir = temp_dir("fix");
    let path = dir.join("fixed.docx");
    std::fs::write(&path, vanban_lint::fix::fix_docx(&broken()).unwrap().docx).unwrap();
    let pdf = &libreoffice_pdfs(std::slice::from_ref(&path), &dir)[0];
    let report = vanban_lint::lint_path(pdf).unwrap();
    assert!(report.findings.is_empty(), "{}", describe(&report));
}

#[test]
fn what_needs_a_person_is_listed() {
    let docx = mutate(&broken(), "all", "- Lưu: VT, VP.", "- VP.");
    let fixed = vanban_lint::fix::fix_docx(&docx).unwrap();
    let left: Vec<&str> = fixed.remaining.iter().map(|f| f.rule).collect();
    assert_eq!(left, ["ND30-2.9-archive"]);
}

#[test]
fn padding_in_the_number_is_fixed() {
    let docx = mutate(
        &docx(&base_document("ke-hoach-05")),
        "all",
        "Số: 05/KH",
        "Số: 5/KH",
    );
    let fixed = vanban_lint::fix::fix_docx(&docx).unwrap();
    assert!(fixed.remaining.is_empty(), "{:?}", fixed.remaining);
    assert!(texts(&fixed.docx).iter().any(|t| t == "Số: 05/KH-SNV"));
}

/// The text of `word/document.xml`.
fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn fix_changes_nothing_a_finding_did_not_name() {
    let original = docx(&base_document("ke-hoach-05"));
    let broken = mutate(&original, "all", "Số: 05/KH", "Số: 5/KH");
    let fixed = vanban_lint::fix::fix_docx(&broken).unwrap();
    let rules: Vec<&str> = fixed.fixed.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["ND30-2.3-number-padding"]);
    // Only the number's text element is rewritten; every other byte of the
    // document stays as it was.
    let (before, after) = (document_xml(&broken), document_xml(&fixed.docx));
    let start = before
        .bytes()
        .zip(after.bytes())
        .position(|(a, b)| a != b)
        .unwrap();
    let end_before = before.len()
        - before
            .bytes()
            .rev()
            .zip(after.bytes().rev())
            .position(|(a, b)| a != b)
            .unwrap();
    let changed = &before[start..end_before];
    assert!(changed.len() < 80, "rewrote `{changed}`");
}

#[test]
fn fix_refuses_a_document_whose_kind_it_does_not_know() {
    let docx = mutate(
        &docx(&base_document("ke-hoach-05")),
        "all",
        ">KẾ HOẠCH<",
        ">GHI CHÉP<",
    );
    let err = vanban_lint::fix::fix_docx(&docx).unwrap_err();
    assert!(
        err.to_string()
            .contains("kind of document was not recognised"),
        "{err}"
    );
}

#[test]
fn a_no_break_space_after_so_is_fixed_without_a_panic() {
    let docx = mutate(
        &docx(&base_document("ke-hoach-05")),
        "all",
        "Số: 05/KH",
        "Số:\u{a0}5/KH",
    );
    let fixed = vanban_lint::fix::fix_docx(&docx).unwrap();
    assert!(texts(&fixed.docx).iter().any(|t| t == "Số:\u{a0}05/KH-SNV"));
}
