//! Signing keeps a PDF/A-2b file PDF/A-2b: the clauses of ISO 19005-2 that
//! vanban-pdf's tests check on rendered files (`pdfa/clauses.rs`), run
//! again on the same files signed twice as `render --pdfa --sign --sign`
//! signs them (the pictures as appearances), and signed as an attachment
//! (the 10 pt text, with its own embedded font).

#[path = "../../vanban-pdf/tests/pdfa/clauses.rs"]
mod clauses;
mod common;

use clauses::Signed;
use common::*;
use vanban::Document;
use vanban_sign::placement::{sign_composed, without_pictures};
use vanban_sign::{sign, Appearance, LintLimits, Role, SignOptions, Signing};

fn documents() -> Vec<(&'static str, Document)> {
    vec![
        (
            "seed plan",
            Document::from_path(repo().join("examples/ke-hoach-1026.yaml")).unwrap(),
        ),
        (
            "with signature and seal",
            Document::from_path(repo().join("tests/pictures/ke-hoach-ky.yaml")).unwrap(),
        ),
    ]
}

fn signed_pdfa(doc: &Document) -> Vec<u8> {
    let options = vanban_pdf::Options::default();
    let places = vanban_pdf::signature_places(doc, &options);
    let bare = vanban_pdf::render_pdfa(&without_pictures(doc), &options).unwrap();
    let k = keys();
    let signing = Signing::in_order(
        vec![identity(&k.signer_p12), identity(&k.office_p12)],
        now(),
    );
    sign_composed(bare, doc, &places, &signing).unwrap()
}

fn attachment(doc: &Document) -> Vec<u8> {
    let bare = vanban_pdf::render_pdfa(doc, &vanban_pdf::Options::default()).unwrap();
    let options = SignOptions {
        role: Role::Office,
        time: now(),
        appearance: Appearance::TopRightText {
            lines: vanban_sign::marks::attachment("1026/KH-VP", now()),
        },
        limits: LintLimits::default(),
    };
    sign(&bare, &identity(&keys().office_p12), &options).unwrap()
}

fn every_clause(name: &str, doc: &Document, bytes: &[u8]) -> usize {
    clauses::file_structure(name, bytes);
    clauses::metadata_agrees_with_the_document_information(name, doc, bytes);
    clauses::srgb_output_intent(name, bytes);
    clauses::colours_and_graphics_state(name, bytes);
    let fonts = clauses::fonts_embedded_with_their_own_widths(name, bytes);
    assert!(fonts >= 2, "{name}: regular and bold at least");
    clauses::nothing_active_or_external(name, bytes, Signed::Yes);
    // 6.4.3: the last signature covers the whole file.
    let report = vanban_sign::verify(bytes, &[], &LintLimits::default()).unwrap();
    assert!(report.all_valid(), "{name}: {report:?}");
    assert!(
        report.signatures.last().unwrap().covers_whole_file,
        "{name}"
    );
    clauses::images_and_xobjects(name, bytes)
}

#[test]
fn signed_twice_the_file_stays_pdfa_2b() {
    let mut images = 0;
    for (name, doc) in documents() {
        images += every_clause(name, &doc, &signed_pdfa(&doc));
    }
    assert_eq!(images, 4, "the signature and seal, each with its mask");
}

#[test]
fn an_attachment_mark_keeps_it_pdfa_2b_with_its_font_embedded() {
    let (name, doc) = documents().remove(0);
    let bytes = attachment(&doc);
    let plain = vanban_pdf::render_pdfa(&doc, &Default::default()).unwrap();
    let fonts_before = clauses::fonts_embedded_with_their_own_widths(name, &plain);
    every_clause(name, &doc, &bytes);
    assert_eq!(
        clauses::fonts_embedded_with_their_own_widths(name, &bytes),
        fonts_before + 1,
        "the mark's font, embedded"
    );
}
