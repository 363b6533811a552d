//! PDF/A-2b (ISO 19005-2): no validator can be installed here (veraPDF is
//! Java, in none of the registries we reach), so each requirement that
//! applies to what vanban writes is tested directly on the file, read with
//! lopdf (`pdfa/clauses.rs`, by clause; vanban-sign's tests run the same
//! clauses on signed files). The README lists them, by clause, with the
//! test that checks each.

#[path = "pdfa/clauses.rs"]
mod clauses;
mod common;

use std::path::Path;

use clauses::Signed;
use common::*;
use vanban::Document;

fn documents() -> Vec<(&'static str, Document)> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pictures = Document::from_path(repo.join("tests/pictures/ke-hoach-ky.yaml")).unwrap();
    let mut undated = seed();
    undated.date = None;
    vec![
        ("seed plan", seed()),
        ("with signature and seal", pictures),
        ("without a date", undated),
    ]
}

fn pdfa(doc: &Document) -> Vec<u8> {
    vanban_pdf::render_pdfa(doc, &vanban_pdf::Options::default()).unwrap()
}

#[test]
fn file_structure() {
    for (name, doc) in documents() {
        clauses::file_structure(name, &pdfa(&doc));
    }
}

#[test]
fn metadata_agrees_with_the_document_information() {
    for (name, doc) in documents() {
        clauses::metadata_agrees_with_the_document_information(name, &doc, &pdfa(&doc));
    }
}

#[test]
fn srgb_output_intent() {
    for (name, doc) in documents() {
        clauses::srgb_output_intent(name, &pdfa(&doc));
    }
}

#[test]
fn colours_and_graphics_state() {
    for (name, doc) in documents() {
        clauses::colours_and_graphics_state(name, &pdfa(&doc));
    }
}

#[test]
fn images_and_xobjects() {
    let images: usize = documents()
        .iter()
        .map(|(name, doc)| clauses::images_and_xobjects(name, &pdfa(doc)))
        .sum();
    assert_eq!(images, 4, "the signature and seal, each with its mask");
}

#[test]
fn fonts_embedded_with_their_own_widths() {
    for (name, doc) in documents() {
        let fonts = clauses::fonts_embedded_with_their_own_widths(name, &pdfa(&doc));
        assert!(fonts >= 2, "{name}: regular and bold at least");
    }
}

#[test]
fn nothing_active_or_external() {
    for (name, doc) in documents() {
        clauses::nothing_active_or_external(name, &pdfa(&doc), Signed::No);
    }
}

#[test]
fn same_input_same_bytes_and_plain_output_unchanged() {
    let doc = seed();
    assert_eq!(pdfa(&doc), pdfa(&doc));
    let plain = vanban_pdf::to_pdf(&doc).unwrap();
    let plain = lopdf::Document::load_mem(&plain).unwrap();
    assert!(plain.catalog().unwrap().get(b"Metadata").is_err());
}
