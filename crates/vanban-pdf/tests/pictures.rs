//! The signature and seal pictures (ô 7c, 8): where they stand in our PDF
//! (measured in mm against the text around them), that LibreOffice puts
//! them at the same place from our DOCX, that they take no room, that
//! transparency is kept, and that the same input gives the same bytes.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use lopdf::content::Content;
use lopdf::Object;
use vanban::style::{mm_to_pt, pt_to_mm};
use vanban::Document;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn signed_plan() -> Document {
    Document::from_path(repo().join("tests/pictures/ke-hoach-ky.yaml")).expect("valid")
}

/// Each image drawn in `pdf`: (page from 0, x, y, width, height) in points,
/// lower-left origin, from the transformation in force at its `Do`.
fn drawn_images(pdf: &[u8]) -> Vec<(usize, [f32; 4])> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for (page, (_, id)) in doc.get_pages().into_iter().enumerate() {
        let content = Content::decode(&doc.get_page_content(id)).unwrap();
        let mut stack = vec![[1.0f32, 0.0, 0.0, 1.0, 0.0, 0.0]];
        for op in content.operations {
            let n: Vec<f32> = op
                .operands
                .iter()
                .filter_map(|o| match o {
                    Object::Integer(i) => Some(*i as f32),
                    Object::Real(r) => Some(*r),
                    _ => None,
                })
                .collect();
            match op.operator.as_str() {
                "q" => stack.push(*stack.last().unwrap()),
                "Q" => {
                    stack.pop();
                }
                "cm" if n.len() == 6 => {
                    let m = stack.last_mut().unwrap();
                    let [a, b, c, d, e, f] = *m;
                    *m = [
                        n[0] * a + n[1] * c,
                        n[0] * b + n[1] * d,
                        n[2] * a + n[3] * c,
                        n[2] * b + n[3] * d,
                        n[4] * a + n[5] * c + e,
                        n[4] * b + n[5] * d + f,
                    ];
                }
                "Do" => {
                    let m = stack.last().unwrap();
                    out.push((page, [m[4], m[5], m[0], m[3]]));
                }
                _ => {}
            }
        }
    }
    out
}

/// The last `text` in the PDF (the signature block ends the document).
fn word<'a>(pages: &'a [Vec<Vec<Word>>], text: &str) -> &'a Word {
    pages
        .iter()
        .flatten()
        .flatten()
        .rfind(|w| w.text == text)
        .unwrap_or_else(|| panic!("`{text}` in the PDF"))
}

#[test]
fn signature_centred_between_title_and_name_and_seal_over_its_left_third() {
    let doc = signed_plan();
    let style = &doc.style;
    let options = vanban_pdf::Options::default();
    let places = vanban_pdf::signature_places(&doc, &options);
    let sig = places.signature.expect("a signature picture").rect;
    let seal = places.seal.expect("a seal picture").rect;
    let gap = places.gap.expect("the gap").rect;
    let mm = pt_to_mm;

    // The picture's own size: 600 × 240 px at 300 dpi.
    assert!((mm(sig.width) - 50.8).abs() < 0.1, "{}", mm(sig.width));
    assert!((mm(sig.height) - 20.32).abs() < 0.1, "{}", mm(sig.height));
    // Centred across the signer's column (what Nơi nhận leaves, inside the
    // cell padding).
    let column_centre = mm_to_pt(style.margins.left + style.recipients_width)
        + mm_to_pt(style.signer_width() - 2.0 * style.cell_padding) / 2.0;
    assert!((sig.x + sig.width / 2.0 - column_centre).abs() < mm_to_pt(0.2));

    // Between the title and the name as the PDF's text has them, centred.
    let pdf = vanban_pdf::render(&doc, &options).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "signed.pdf", &pdf);
    let pages = bbox_lines(&path);
    let page_height = mm_to_pt(style.page_height);
    let title = word(&pages, "PHÒNG");
    let name = word(&pages, "Long");
    let (sig_top, sig_bottom) = (page_height - sig.y - sig.height, page_height - sig.y);
    assert!(
        sig_top > title.y_max && sig_bottom < name.y_min,
        "between the lines"
    );
    let above = sig_top - title.y_max;
    let below = name.y_min - sig_bottom;
    assert!(
        (above - below).abs() < mm_to_pt(2.0),
        "centred: {} mm above, {} mm below",
        mm(above),
        mm(below)
    );
    // The gap is the name's four blank lines, and the signature in its middle.
    assert!((gap.y + gap.height / 2.0 - (sig.y + sig.height / 2.0)).abs() < 0.5);

    // The seal: 36 mm across, its right edge a third into the signature,
    // centred on the signature's height but kept inside the signer's block
    // (its foot not below the name's line, as word processors keep a
    // picture in its table cell): here 1 mm higher.
    assert!((mm(seal.width) - 36.0).abs() < 0.1);
    assert!((seal.x + seal.width - (sig.x + sig.width / 3.0)).abs() < mm_to_pt(0.1));
    assert!((seal.y + seal.height / 2.0 - (sig.y + sig.height / 2.0)).abs() < mm_to_pt(1.5));
    // The name's line under the gap is 16.1 pt (14 pt bold, single).
    assert!(
        seal.y >= gap.y - 16.2,
        "the seal's foot not below the name's line"
    );

    // The PDF draws both where the places say, the seal last (on top).
    let drawn = drawn_images(&pdf);
    let page = places.signature.unwrap().page;
    assert_eq!(drawn.len(), 2, "{drawn:?}");
    for ((p, rect), want) in drawn.iter().zip([sig, seal]) {
        assert_eq!(*p, page);
        let got = [rect[0], rect[1], rect[2], rect[3]];
        let want = [want.x, want.y, want.width, want.height];
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 0.01, "{got:?} vs {want:?}");
        }
    }
}

#[test]
fn pictures_take_no_room() {
    let signed = signed_plan();
    let mut plain = signed.clone();
    plain.signer.signature_image = None;
    plain.seal = None;
    let dir = tempfile::tempdir().unwrap();
    let lines = |doc: &Document, name: &str| {
        let pdf = vanban_pdf::to_pdf(doc).unwrap();
        bbox_lines(&write_temp(dir.path(), name, &pdf))
    };
    let (a, b) = (lines(&signed, "a.pdf"), lines(&plain, "b.pdf"));
    let (title_a, name_a) = (word(&a, "PHÒNG"), word(&a, "Long"));
    let (title_b, name_b) = (word(&b, "PHÒNG"), word(&b, "Long"));
    assert_eq!(title_a.page, title_b.page);
    assert!((title_a.y_max - title_b.y_max).abs() < 0.01);
    assert!((name_a.y_min - name_b.y_min).abs() < 0.01);
    // And the gap is at least the signature's height.
    let gap = name_a.y_min - title_a.y_max;
    assert!(pt_to_mm(gap) > 20.32, "{} mm", pt_to_mm(gap));
}

#[test]
fn transparency_is_a_soft_mask_and_output_is_reproducible() {
    let doc = signed_plan();
    let pdf = vanban_pdf::to_pdf(&doc).unwrap();
    assert_eq!(pdf, vanban_pdf::to_pdf(&doc).unwrap());
    let docx = vanban_docx::to_docx(&doc).unwrap();
    assert_eq!(docx, vanban_docx::to_docx(&doc).unwrap());
    let parsed = lopdf::Document::load_mem(&pdf).unwrap();
    let images: Vec<&lopdf::Dictionary> = parsed
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .map(|s| &s.dict)
        .filter(|d| d.get(b"Subtype").ok().and_then(|s| s.as_name().ok()) == Some(b"Image"))
        .collect();
    // Two pictures, each with its alpha as a soft mask.
    assert_eq!(images.len(), 4);
    let with_mask = images.iter().filter(|d| d.get(b"SMask").is_ok()).count();
    assert_eq!(with_mask, 2);
    if have("pdfimages") {
        let dir = tempfile::tempdir().unwrap();
        let path = write_temp(dir.path(), "p.pdf", &pdf);
        let list = run("pdfimages", &["-list", path.to_str().unwrap()]);
        let rows: Vec<Vec<&str>> = list
            .lines()
            .skip(2)
            .map(|l| l.split_whitespace().collect())
            .collect();
        let kinds: Vec<(&str, &str, &str)> = rows.iter().map(|r| (r[2], r[3], r[4])).collect();
        assert!(kinds.contains(&("image", "600", "240")), "{list}");
        assert!(kinds.contains(&("smask", "600", "240")), "{list}");
        assert!(kinds.contains(&("image", "500", "500")), "{list}");
        assert!(kinds.contains(&("smask", "500", "500")), "{list}");
    }
}

#[test]
fn libreoffice_puts_the_pictures_where_our_pdf_does() {
    if !have("soffice") {
        return;
    }
    let doc = signed_plan();
    let dir = tempfile::tempdir().unwrap();
    let docx = write_temp(
        dir.path(),
        "signed.docx",
        &vanban_docx::to_docx(&doc).unwrap(),
    );
    let ours = vanban_pdf::to_pdf(&doc).unwrap();
    let theirs = std::fs::read(libreoffice_pdf(dir.path(), &docx)).unwrap();
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        std::fs::write(Path::new(&keep).join("pictures-ours.pdf"), &ours).unwrap();
        std::fs::write(Path::new(&keep).join("pictures-libreoffice.pdf"), &theirs).unwrap();
    }
    let (a, b) = (drawn_images(&ours), drawn_images(&theirs));
    eprintln!("ours: {a:?}\nLibreOffice: {b:?}");
    assert_eq!(a.len(), b.len(), "the same pictures");
    for ((pa, ra), (pb, rb)) in a.iter().zip(&b) {
        assert_eq!(pa, pb, "on the same page");
        for (x, y) in ra.iter().zip(rb) {
            assert!(
                (x - y).abs() < mm_to_pt(0.5),
                "within 0.5 mm: ours {ra:?}, LibreOffice {rb:?}"
            );
        }
    }
    // And the text around them is where ours is.
    let their_pages = bbox_lines(&dir.path().join("lo/signed.pdf"));
    let our_pages = bbox_lines(&write_temp(dir.path(), "ours.pdf", &ours));
    for text in ["PHÒNG", "Long"] {
        let (x, y) = (word(&our_pages, text), word(&their_pages, text));
        assert!(
            (x.y_min - y.y_min).abs() < mm_to_pt(0.5),
            "{text}: {x:?} {y:?}"
        );
    }
}
