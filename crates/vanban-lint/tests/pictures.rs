//! The signature and seal pictures' places, in a DOCX and a PDF: vanban's
//! own placement passes; a signature moved over the title, or a seal moved
//! off the signature's left third, is found.

mod common;

use common::*;
use vanban::compose::{compose, Block, Composition, PictureRole};
use vanban::metrics::FontSet;

fn signed() -> vanban::Document {
    vanban::Document::from_path(repo().join("tests/pictures/ke-hoach-ky.yaml")).unwrap()
}

const SIGNATURE: &str = "ND30-2.7-signature-image";
const SEAL: &str = "ND30-2.8-seal-image";

/// Both formats of `composition`.
fn both(doc: &vanban::Document, composition: &Composition) -> [Vec<u8>; 2] {
    let options = vanban_pdf::Options {
        fonts: FontSet::liberation_serif(),
    };
    [
        vanban_docx::render_composition(doc, composition).unwrap(),
        vanban_pdf::render_composition(doc, composition, &options).unwrap(),
    ]
}

/// The composition with `change` applied to the picture of `role`.
fn moved(
    doc: &vanban::Document,
    role: PictureRole,
    change: impl Fn(&mut vanban::compose::pictures::PictureBox),
) -> Composition {
    let mut composition = compose(doc, FontSet::liberation_serif());
    let mut changed = 0;
    for block in &mut composition.sections[0].blocks {
        let Block::Table(table) = block else { continue };
        for p in table
            .rows
            .iter_mut()
            .flat_map(|r| r.cells.iter_mut().flatten())
        {
            for picture in p.pictures.iter_mut().filter(|p| p.role == role) {
                change(&mut picture.place);
                changed += 1;
            }
        }
    }
    assert_eq!(changed, 1, "one {role:?} picture");
    composition
}

#[test]
fn vanban_placement_passes_in_both_formats() {
    let doc = signed();
    for bytes in both(&doc, &compose(&doc, FontSet::liberation_serif())) {
        let read = vanban_lint::read(&bytes).unwrap();
        assert_eq!(
            read.pictures.len(),
            2,
            "{:?}: both pictures read",
            read.format
        );
        let report = vanban_lint::lint(&bytes).unwrap();
        let found = rules(&report);
        assert!(
            !found.contains(SIGNATURE) && !found.contains(SEAL),
            "{:?}:\n{}",
            read.format,
            describe(&report)
        );
    }
}

#[test]
fn a_signature_over_the_title_is_found() {
    let doc = signed();
    // 40 pt up: over the title line.
    let composition = moved(&doc, PictureRole::Signature, |b| b.y -= 40.0);
    for bytes in both(&doc, &composition) {
        let report = vanban_lint::lint(&bytes).unwrap();
        assert!(rules(&report).contains(SIGNATURE), "{}", describe(&report));
    }
}

#[test]
fn a_seal_off_the_left_third_is_found() {
    let doc = signed();
    // Moved right until it covers two thirds of the signature.
    let composition = moved(&doc, PictureRole::Seal, |b| b.x += 17.0);
    for bytes in both(&doc, &composition) {
        let report = vanban_lint::lint(&bytes).unwrap();
        let found = rules(&report);
        assert!(found.contains(SEAL), "{}", describe(&report));
        assert!(!found.contains(SIGNATURE), "{}", describe(&report));
    }
}
