//! A document rendered and signed twice as `render --sign` does it: the
//! signer's widget stands at the composition's signature picture (between
//! title and name), the office's at the seal picture (over the signature's
//! left third), each within 0.5 mm; the pictures are the signatures'
//! appearances and not drawn on the page a second time; pdfsig and pyHanko
//! find both signatures valid.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use lopdf::{Dictionary, Object};
use vanban::Document;
use vanban_sign::placement::{sign_composed, without_pictures};
use vanban_sign::Signing;

/// Half a millimetre in points.
const HALF_MM: f32 = 0.5 * 72.0 / 25.4;

fn pictures_doc() -> Document {
    Document::from_path(repo().join("tests/pictures/ke-hoach-ky.yaml")).unwrap()
}

fn signing() -> Signing {
    let k = keys();
    Signing::in_order(
        vec![identity(&k.signer_p12), identity(&k.office_p12)],
        now(),
    )
}

/// `doc` rendered as `vanban_output` renders it for signing, then signed.
fn render_signed(doc: &Document) -> Vec<u8> {
    let options = vanban_pdf::Options::default();
    let places = vanban_pdf::signature_places(doc, &options);
    let bare = vanban_pdf::render(&without_pictures(doc), &options).unwrap();
    sign_composed(bare, doc, &places, &signing()).unwrap()
}

fn resolve<'a>(pdf: &'a lopdf::Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => pdf.get_object(*id).unwrap(),
        other => other,
    }
}

/// Each signature widget: its field name, page (1-based), /Rect and
/// appearance stream.
fn widgets(pdf: &lopdf::Document) -> Vec<(String, usize, [f32; 4], Dictionary)> {
    let mut out = Vec::new();
    for (number, page_id) in pdf.get_pages() {
        let page = pdf.get_dictionary(page_id).unwrap();
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        for a in resolve(pdf, annots).as_array().unwrap() {
            let d = resolve(pdf, a).as_dict().unwrap();
            if d.get(b"FT").ok().and_then(|f| f.as_name().ok()) != Some(b"Sig") {
                continue;
            }
            let name = String::from_utf8_lossy(d.get(b"T").unwrap().as_str().unwrap()).into_owned();
            let r: Vec<f32> = d
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            let ap = resolve(pdf, d.get(b"AP").unwrap()).as_dict().unwrap();
            let form = resolve(pdf, ap.get(b"N").unwrap()).as_stream().unwrap();
            out.push((
                name,
                number as usize,
                [r[0], r[1], r[2], r[3]],
                form.dict.clone(),
            ));
        }
    }
    out
}

fn assert_near(found: [f32; 4], want: &vanban_pdf::Placed, what: &str) {
    let r = want.rect;
    let want = [r.x, r.y, r.x + r.width, r.y + r.height];
    for (f, w) in found.iter().zip(want) {
        assert!((f - w).abs() <= HALF_MM, "{what}: {found:?} vs {want:?}");
    }
}

fn has_image(pdf: &lopdf::Document, form: &Dictionary) -> bool {
    let Ok(res) = form.get(b"Resources") else {
        return false;
    };
    let res = resolve(pdf, res).as_dict().unwrap();
    res.get(b"XObject")
        .ok()
        .map(|x| resolve(pdf, x).as_dict().unwrap())
        .is_some_and(|x| {
            x.iter().any(|(_, v)| {
                resolve(pdf, v).as_stream().is_ok_and(|s| {
                    s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                })
            })
        })
}

/// Image XObjects the pages themselves draw (not the annotations).
fn page_images(pdf: &lopdf::Document) -> usize {
    pdf.get_pages()
        .values()
        .map(|&id| {
            let (res, _) = pdf.get_page_resources(id).unwrap();
            res.and_then(|r| r.get(b"XObject").ok())
                .map(|x| resolve(pdf, x).as_dict().unwrap().len())
                .unwrap_or(0)
        })
        .sum()
}

#[test]
fn the_pictures_are_the_signatures_appearances_where_the_composition_put_them() {
    let doc = pictures_doc();
    let places = vanban_pdf::signature_places(&doc, &vanban_pdf::Options::default());
    let (signature, seal) = (places.signature.unwrap(), places.seal.unwrap());
    // The page without pictures keeps the gap where it was.
    let bare = vanban_pdf::signature_places(&without_pictures(&doc), &Default::default());
    assert_eq!(bare.gap, places.gap);

    let signed = render_signed(&doc);
    let pdf = lopdf::Document::load_mem(&signed).unwrap();
    let found = widgets(&pdf);
    assert_eq!(found.len(), 2, "{found:?}");
    let (name, page, rect, form) = &found[0];
    assert_eq!((name.as_str(), *page), ("signer", signature.page + 1));
    assert_near(*rect, &signature, "the signer's widget");
    assert!(
        has_image(&pdf, form),
        "the signature picture is its appearance"
    );
    let (name, page, rect, form) = &found[1];
    assert_eq!((name.as_str(), *page), ("office", seal.page + 1));
    assert_near(*rect, &seal, "the office's widget");
    assert!(has_image(&pdf, form), "the seal picture is its appearance");
    // The seal over the signature's left third, as the composition says.
    assert!(rect[0] < found[0].2[0] && rect[2] > found[0].2[0]);
    // Shown once: the page draws no picture of its own.
    assert_eq!(page_images(&pdf), 0);
    // The linter finds the pictures in the widgets, and in their places.
    let read = vanban_lint::read(&signed).unwrap();
    assert_eq!(read.pictures.len(), 2, "{:?}", read.pictures);
    let report = vanban_lint::lint(&signed).unwrap();
    let text = format!("{report:?}");
    assert!(
        !text.contains("ND30-2.7-signature-image") && !text.contains("ND30-2.8-seal-image"),
        "{text}"
    );
    // Same input, keys and time: the same bytes.
    assert_eq!(render_signed(&doc), signed);
}

#[test]
fn without_pictures_the_signer_signs_over_the_gap_and_the_office_invisibly() {
    let doc = Document::from_path(repo().join("examples/ke-hoach-1026.yaml")).unwrap();
    let places = vanban_pdf::signature_places(&doc, &Default::default());
    let signed = render_signed(&doc);
    let pdf = lopdf::Document::load_mem(&signed).unwrap();
    let found = widgets(&pdf);
    assert_eq!(found.len(), 2);
    let by = |name: &str| found.iter().find(|w| w.0 == name).unwrap();
    let (gap, signer) = (places.gap.unwrap(), by("signer"));
    assert_eq!(signer.1, gap.page + 1);
    assert_near(signer.2, &gap, "the signer's widget");
    assert!(!has_image(&pdf, &signer.3));
    assert_eq!(by("office").2, [0.0; 4]);
}

fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdfsig_and_pyhanko_validate_both_placed_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signed.pdf");
    std::fs::write(&path, render_signed(&pictures_doc())).unwrap();
    let text = pdfsig(&path);
    assert_eq!(text.matches("Signature is Valid.").count(), 2, "{text}");
    let Some(python) = pyhanko() else { return };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pyhanko_check.py");
    let out = Command::new(python)
        .arg(script)
        .arg("validate")
        .arg(&path)
        .arg(&keys().ca_pem)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    for s in &found {
        assert_eq!(
            (s["intact"].as_bool(), s["valid"].as_bool()),
            (Some(true), Some(true)),
            "{s}"
        );
        assert_eq!(s["docmdp_ok"], true, "{s}");
    }
    assert_eq!(
        found[0]["modification_level"], "ModificationLevel.FORM_FILLING",
        "{found:?}"
    );
}
