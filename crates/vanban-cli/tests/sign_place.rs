//! Where `vanban sign` and `render --sign` put each signature: over the
//! composition's signature and seal pictures on a PDF vanban made (within
//! 0.5 mm), invisible on a PDF made elsewhere; the attachment's mark in
//! 10 pt at the top right of page 1; `render --pdfa --sign` stays PDF/A.

#[path = "common/signing.rs"]
mod signing;

use std::path::{Path, PathBuf};
use std::process::Command;

use lopdf::Object;
use signing::keys::{self, keys};
use signing::{ok, s, seed_pdf_at, sign_as_attachment, vanban_ok as vanban, TIME};

/// Half a millimetre in points.
const HALF_MM: f32 = 0.5 * 72.0 / 25.4;

fn pictures_input() -> PathBuf {
    keys::repo().join("tests/pictures/ke-hoach-ky.yaml")
}

/// Each signature field's name, page (1-based) and /Rect.
fn widgets(pdf: &Path) -> Vec<(String, usize, [f32; 4])> {
    let pdf = lopdf::Document::load(pdf).unwrap();
    let deref = |o: &Object| match o {
        Object::Reference(id) => pdf.get_object(*id).unwrap().clone(),
        other => other.clone(),
    };
    let mut out = Vec::new();
    for (number, id) in pdf.get_pages() {
        let page = pdf.get_dictionary(id).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        for a in deref(annots).as_array().unwrap() {
            let d = deref(a).as_dict().unwrap().clone();
            let name = String::from_utf8_lossy(d.get(b"T").unwrap().as_str().unwrap()).into_owned();
            let r: Vec<f32> = d
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            out.push((name, number as usize, [r[0], r[1], r[2], r[3]]));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn near(found: &(String, usize, [f32; 4]), want: Option<vanban_pdf::Placed>) {
    let want = want.unwrap();
    let r = want.rect;
    let rect = [r.x, r.y, r.x + r.width, r.y + r.height];
    assert_eq!(found.1, want.page + 1, "{found:?}");
    for (f, w) in found.2.iter().zip(rect) {
        assert!((f - w).abs() <= HALF_MM, "{found:?} vs {rect:?}");
    }
}

fn valid_signatures(pdf: &Path) -> usize {
    let out = Command::new("pdfsig").arg(pdf).output().expect("pdfsig");
    String::from_utf8_lossy(&out.stdout)
        .matches("Signature is Valid.")
        .count()
}

#[test]
fn vanban_sign_puts_each_signature_over_its_picture_on_a_vanban_pdf() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    vanban(&[
        "render",
        s(&pictures_input()),
        "-o",
        s(dir.path()),
        "--format",
        "pdf",
    ]);
    let pdf = dir.path().join("ke-hoach-ky.pdf");
    let once = dir.path().join("once.pdf");
    let twice = dir.path().join("twice.pdf");
    let p12 = [s(&k.signer_p12), s(&k.office_p12)];
    vanban(&[
        "sign",
        s(&pdf),
        "-o",
        s(&once),
        "--p12",
        p12[0],
        "--role",
        "signer",
        "--time",
        TIME,
    ]);
    vanban(&[
        "sign",
        s(&once),
        "-o",
        s(&twice),
        "--p12",
        p12[1],
        "--role",
        "office",
        "--time",
        TIME,
    ]);
    let doc = vanban::Document::from_path(pictures_input()).unwrap();
    let places = vanban_pdf::signature_places(&doc, &Default::default());
    let found = widgets(&twice);
    assert_eq!(found.len(), 2, "{found:?}");
    near(&found[0], places.seal); // "office"
    near(&found[1], places.signature); // "signer"
    assert_eq!(valid_signatures(&twice), 2);
}

#[test]
fn a_pdf_made_elsewhere_is_signed_invisibly() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let foreign = keys::repo().join("crates/vanban-sign/tests/fixtures/qngai-565-TB-UBND-2024.pdf");
    let before = widgets(&foreign).len();
    let out = dir.path().join("signed.pdf");
    vanban(&[
        "sign",
        s(&foreign),
        "-o",
        s(&out),
        "--p12",
        s(&k.signer_p12),
        "--role",
        "signer",
        "--time",
        TIME,
    ]);
    let found = widgets(&out);
    assert_eq!(found.len(), before + 1);
    let ours = found.iter().find(|w| w.0 == "signer").unwrap();
    assert_eq!(ours.2, [0.0; 4]);
}

#[test]
fn render_sign_places_the_pictures_and_pdfa_stays() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    vanban(&[
        "render",
        s(&pictures_input()),
        "-o",
        s(dir.path()),
        "--format",
        "pdf",
        "--pdfa",
        "--sign",
        s(&k.signer_p12),
        "--sign",
        s(&k.office_p12),
    ]);
    let pdf = dir.path().join("ke-hoach-ky.pdf");
    let doc = vanban::Document::from_path(pictures_input()).unwrap();
    let places = vanban_pdf::signature_places(&doc, &Default::default());
    let found = widgets(&pdf);
    near(&found[0], places.seal);
    near(&found[1], places.signature);
    assert_eq!(valid_signatures(&pdf), 2);
    let read = lopdf::Document::load(&pdf).unwrap();
    let catalog = read.catalog().unwrap();
    assert!(catalog.get(b"Metadata").is_ok() && catalog.get(b"OutputIntents").is_ok());
}

/// Words of page 1 with their boxes (pt from the top left).
fn words(pdf: &Path) -> Vec<(String, [f32; 4])> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let attr = |tag: &str, key: &str| -> f32 {
        let at = tag.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let (tag, rest) = w.split_once('>').unwrap();
            let text = rest.split("</word>").next().unwrap().to_string();
            let b = ["xMin", "yMin", "xMax", "yMax"].map(|k| attr(tag, k));
            (text, b)
        })
        .collect()
}

#[test]
fn the_attachment_mark_is_10_pt_text_at_the_top_right_of_page_1() {
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("phu-luc.pdf"));
    let out = dir.path().join("signed.pdf");
    ok(&sign_as_attachment(&input, &out));
    let page_width = 595.28;
    let right_margin = 15.0 * 72.0 / 25.4;
    let all = words(&out);
    let mark: Vec<_> = all
        .iter()
        .filter(|(w, b)| b[1] < 57.0 && ["Số:", "1026/KH-VP", TIME].contains(&w.as_str()))
        .collect();
    assert_eq!(mark.len(), 3, "{all:?}");
    for (word, [x0, y0, _, y1]) in &mark {
        // Above the header (which starts at the 20 mm top margin), in the
        // page's right half.
        assert!(*y1 <= 20.0 * 72.0 / 25.4 && *y0 >= 0.0, "{word}: {y0}–{y1}");
        assert!(*x0 > page_width / 2.0, "{word}: {x0}");
        // poppler's box is the font's ascent to descent: 10 pt Liberation
        // Serif (Times New Roman's metrics) gives 11.1 pt, 13 pt 14.4.
        let h = y1 - y0;
        assert!((10.6..11.6).contains(&h), "{word}: {h} pt high");
    }
    // Right-aligned at the right margin: the number's line and the time's
    // line end at the same x.
    let ends: Vec<f32> = mark
        .iter()
        .filter(|(w, _)| w != "Số:")
        .map(|(_, b)| b[2])
        .collect();
    assert!((ends[0] - ends[1]).abs() < 0.5, "{ends:?}");
    assert!(
        (page_width - right_margin - ends[0]).abs() < 2.0,
        "{ends:?}"
    );
    // The number's line stands above the time's.
    assert!(mark[1].1[1] < mark[2].1[1], "{mark:?}");
    // The font: Liberation Serif, at 10 pt in the appearance stream.
    let bytes = std::fs::read(&out).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("BT 0 g\n/F1 10 Tf"), "the mark's 10 pt");
}

#[test]
fn a_timestamp_authority_is_refused_as_not_supported_and_nothing_is_written() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("in.pdf"));
    let out = dir.path().join("out.pdf");
    let sign = ["sign", s(&input), "-o", s(&out), "--p12", s(&k.signer_p12)];
    let tsa = ["--role", "signer", "--tsa", "http://127.0.0.1:9/tsa"];
    let run = signing::vanban(&[&sign[..], &tsa].concat());
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(
        err.contains("--tsa") && err.contains("not supported in this build"),
        "{err}"
    );
    assert!(!out.exists());
}
