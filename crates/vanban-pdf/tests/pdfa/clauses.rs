//! The requirements of PDF/A-2b (ISO 19005-2) that apply to what vanban
//! writes, each a function over one file's bytes, by clause. `pdfa.rs`
//! runs them on rendered PDF/A files; vanban-sign's tests run them again on
//! the same files signed (`Signed::Yes`: signature widgets and the AcroForm
//! that lists them are then allowed, as 6.3 and 6.4 allow them).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::process::Command;

use lopdf::content::Content;
use lopdf::{Dictionary, Object};
use vanban::Document;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signed {
    No,
    Yes,
}

fn resolve<'a>(pdf: &'a lopdf::Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => pdf.get_object(*id).unwrap(),
        other => other,
    }
}

fn dict<'a>(pdf: &'a lopdf::Document, object: &'a Object) -> &'a Dictionary {
    match resolve(pdf, object) {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn text(pdf: &lopdf::Document, object: &Object) -> String {
    match resolve(pdf, object) {
        Object::String(bytes, _) if bytes.starts_with(&[0xFE, 0xFF]) => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        Object::String(bytes, _) => String::from_utf8_lossy(bytes).into_owned(),
        other => panic!("not a string: {other:?}"),
    }
}

fn xmp_value(xmp: &str, element: &str) -> Option<String> {
    let open = xmp.find(&format!("<{element}"))?;
    let rest = &xmp[open..];
    let start = rest.find('>')? + 1;
    let end = rest.find(&format!("</{element}>"))?;
    let inner = &rest[start..end];
    // The value inside rdf:Alt / rdf:Seq's one rdf:li.
    let inner = match inner.find("<rdf:li") {
        Some(li) => {
            let li = &inner[li..];
            &li[li.find('>')? + 1..li.find("</rdf:li>")?]
        }
        None => inner,
    };
    Some(
        inner
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
    )
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

/// 6.1.2 header, 6.1.3 trailer (ID, no Encrypt, nothing after %%EOF),
/// 6.1.4 cross-reference table.
pub fn file_structure(name: &str, bytes: &[u8]) {
    assert!(bytes.starts_with(b"%PDF-1.7"), "{name}: header");
    let second = bytes.split(|&b| b == b'\n').nth(1).unwrap();
    assert!(
        second.first() == Some(&b'%') && second[1..].iter().filter(|&&b| b >= 128).count() >= 4,
        "{name}: a comment of four bytes over 127 on the second line"
    );
    assert!(
        bytes.ends_with(b"%%EOF\n"),
        "{name}: nothing after %%EOF but an end of line"
    );
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    assert!(pdf.trailer.get(b"Encrypt").is_err(), "{name}: encrypted");
    let id = pdf.trailer.get(b"ID").unwrap().as_array().unwrap();
    assert_eq!(id.len(), 2, "{name}: /ID");
    assert!(id.iter().all(|i| i.as_str().is_ok_and(|s| !s.is_empty())));
    let text = String::from_utf8_lossy(bytes);
    assert!(text.contains("\nxref\n"), "{name}: a cross-reference table");
    // Every trailer (one per revision) carries the same /ID.
    let ids = text.matches("/ID").count();
    let trailers = text.matches("trailer").count();
    assert!(ids >= trailers, "{name}: a trailer without /ID");
    if have("qpdf") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new("qpdf")
            .args(["--check", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: qpdf --check: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

/// 6.6.2.1 metadata stream (XML, unfiltered, no `bytes` attribute),
/// 6.6.4 PDF/A identification, 6.6.3 XMP agreeing with the document
/// information dictionary.
pub fn metadata_agrees_with_the_document_information(name: &str, doc: &Document, bytes: &[u8]) {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let catalog = pdf.catalog().unwrap();
    let stream = match resolve(&pdf, catalog.get(b"Metadata").unwrap()) {
        Object::Stream(s) => s,
        other => panic!("{name}: metadata {other:?}"),
    };
    assert_eq!(
        stream.dict.get(b"Type").unwrap().as_name().unwrap(),
        b"Metadata"
    );
    assert_eq!(
        stream.dict.get(b"Subtype").unwrap().as_name().unwrap(),
        b"XML"
    );
    assert!(
        stream.dict.get(b"Filter").is_err(),
        "{name}: metadata unfiltered"
    );
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    assert!(xmp.starts_with("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"));
    assert!(!xmp.contains("bytes="), "{name}");
    assert!(xmp.trim_end().ends_with("<?xpacket end=\"w\"?>"));
    assert_eq!(xmp_value(&xmp, "pdfaid:part").as_deref(), Some("2"));
    assert_eq!(xmp_value(&xmp, "pdfaid:conformance").as_deref(), Some("B"));

    let info = dict(&pdf, pdf.trailer.get(b"Info").unwrap());
    let pairs = [
        ("Title", "dc:title"),
        ("Author", "dc:creator"),
        ("Creator", "xmp:CreatorTool"),
        ("Producer", "pdf:Producer"),
    ];
    for (key, element) in pairs {
        let value = text(&pdf, info.get(key.as_bytes()).unwrap());
        assert_eq!(xmp_value(&xmp, element), Some(value), "{name}: {key}");
    }
    // Title = the summary, author = the office.
    assert_eq!(text(&pdf, info.get(b"Title").unwrap()), doc.summary);
    assert_eq!(
        text(&pdf, info.get(b"Author").unwrap()),
        doc.issuer.lines().collect::<Vec<_>>().join(" ")
    );
    for (key, element) in [
        ("CreationDate", "xmp:CreateDate"),
        ("ModDate", "xmp:ModifyDate"),
    ] {
        match (info.get(key.as_bytes()), xmp_value(&xmp, element)) {
            (Ok(date), Some(x)) => {
                // D:20240308000000+07'00' ↔ 2024-03-08T00:00:00+07:00
                let d = text(&pdf, date);
                let as_xmp = format!(
                    "{}-{}-{}T{}:{}:{}{}:{}",
                    &d[2..6],
                    &d[6..8],
                    &d[8..10],
                    &d[10..12],
                    &d[12..14],
                    &d[14..16],
                    &d[16..19],
                    &d[20..22]
                );
                assert_eq!(as_xmp, x, "{name}: {key}");
            }
            (Err(_), None) => {}
            (a, b) => panic!("{name}: {key} in one only: {a:?} {b:?}"),
        }
    }
}

/// 6.2.3 output intent: one, GTS_PDFA1, with an embedded ICC profile of
/// an RGB display or printer (version 2 or 4) whose N agrees with it.
pub fn srgb_output_intent(name: &str, bytes: &[u8]) {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let intents = pdf
        .catalog()
        .unwrap()
        .get(b"OutputIntents")
        .unwrap()
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1, "{name}");
    let intent = dict(&pdf, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    assert!(intent.get(b"OutputConditionIdentifier").is_ok());
    let profile = match resolve(&pdf, intent.get(b"DestOutputProfile").unwrap()) {
        Object::Stream(s) => s,
        other => panic!("{other:?}"),
    };
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = profile
        .decompressed_content()
        .unwrap_or(profile.content.clone());
    assert_eq!(
        icc.len() as u32,
        u32::from_be_bytes([icc[0], icc[1], icc[2], icc[3]])
    );
    assert!(matches!(icc[8], 2 | 4), "{name}: ICC version {}", icc[8]);
    assert!(
        matches!(&icc[12..16], b"mntr" | b"prtr"),
        "{name}: profile class"
    );
    assert_eq!(&icc[16..20], b"RGB ", "{name}: colour space");
    assert_eq!(&icc[36..40], b"acsp", "{name}: ICC signature");
}

/// Every content stream: each page's, and each form XObject's (the
/// signatures' appearances among them), decoded.
fn contents(pdf: &lopdf::Document) -> Vec<Content> {
    let mut all: Vec<Content> = pdf
        .get_pages()
        .values()
        .map(|&id| Content::decode(&pdf.get_page_content(id)).unwrap())
        .collect();
    for object in pdf.objects.values() {
        if let Object::Stream(s) = object {
            if s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form") {
                let data = s.decompressed_content().unwrap_or(s.content.clone());
                all.push(Content::decode(&data).unwrap());
            }
        }
    }
    all
}

/// 6.2.4.3 device colours (RGB and Gray only, with an RGB intent), 6.2.5
/// no transfer functions or halftones, 6.1.13 graphics-state nesting.
pub fn colours_and_graphics_state(name: &str, bytes: &[u8]) {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    for content in contents(&pdf) {
        let mut depth = 0usize;
        for op in &content.operations {
            match op.operator.as_str() {
                "k" | "K" => panic!("{name}: DeviceCMYK used"),
                "cs" | "CS" => {
                    let space = op.operands[0].as_name().unwrap();
                    assert!(matches!(space, b"DeviceRGB" | b"DeviceGray"), "{name}");
                }
                "q" => {
                    depth += 1;
                    assert!(depth <= 28, "{name}: q nested past 28");
                }
                "Q" => depth -= 1,
                _ => {}
            }
        }
    }
    for object in pdf.objects.values() {
        let d = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"ExtGState") {
            for key in [&b"TR"[..], b"TR2", b"HTP", b"HT"] {
                assert!(
                    d.get(key).is_err(),
                    "{name}: ExtGState with a transfer or halftone"
                );
            }
        }
    }
}

/// 6.2.8 images (no Alternates, OPI or Interpolate; 8 bits; colour spaces
/// the intent covers), 6.2.9 no PostScript XObjects, 6.2.10 transparency as
/// a soft-mask image. Returns the number of images.
pub fn images_and_xobjects(name: &str, bytes: &[u8]) -> usize {
    let mut images = 0;
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    for object in pdf.objects.values() {
        let Object::Stream(s) = object else { continue };
        let d = &s.dict;
        let subtype = d.get(b"Subtype").and_then(Object::as_name).ok();
        assert_ne!(subtype, Some(&b"PS"[..]), "{name}: PostScript XObject");
        assert!(d.get(b"Subtype2").is_err(), "{name}: PostScript form");
        if subtype != Some(b"Image") {
            continue;
        }
        images += 1;
        for key in [&b"Alternates"[..], b"OPI"] {
            assert!(d.get(key).is_err(), "{name}");
        }
        assert!(!matches!(d.get(b"Interpolate"), Ok(Object::Boolean(true))));
        assert_eq!(d.get(b"BitsPerComponent").unwrap().as_i64().unwrap(), 8);
        let space = d.get(b"ColorSpace").unwrap().as_name().unwrap();
        assert!(matches!(space, b"DeviceRGB" | b"DeviceGray"), "{name}");
        if let Ok(mask) = d.get(b"SMask") {
            let mask = dict(&pdf, mask);
            assert_eq!(mask.get(b"Subtype").unwrap().as_name().unwrap(), b"Image");
            assert_eq!(
                mask.get(b"ColorSpace").unwrap().as_name().unwrap(),
                b"DeviceGray"
            );
        }
    }
    images
}

/// 6.2.11.4.1 every font embedded, 6.2.11.3.2 CIDToGIDMap on each
/// CIDFontType2, 6.2.11.5 widths in the font dictionary the same as the
/// embedded program's. Returns the number of fonts.
pub fn fonts_embedded_with_their_own_widths(name: &str, bytes: &[u8]) -> usize {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let mut fonts = 0;
    for object in pdf.objects.values() {
        let Object::Dictionary(type0) = object else {
            continue;
        };
        if type0.get(b"Type").and_then(Object::as_name).ok() != Some(b"Font") {
            continue;
        }
        if type0.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"CIDFontType2") {
            // A descendant, checked through its Type 0 parent.
            continue;
        }
        assert_eq!(
            type0.get(b"Subtype").unwrap().as_name().unwrap(),
            b"Type0",
            "{name}"
        );
        let descendants = resolve(&pdf, type0.get(b"DescendantFonts").unwrap());
        let d = dict(&pdf, &descendants.as_array().unwrap()[0]);
        let subtype = d.get(b"Subtype").unwrap().as_name().unwrap();
        fonts += 1;
        assert_eq!(subtype, b"CIDFontType2", "{name}");
        assert!(d.get(b"CIDToGIDMap").is_ok(), "{name}: CIDToGIDMap");
        let descriptor = dict(&pdf, d.get(b"FontDescriptor").unwrap());
        let file = match resolve(&pdf, descriptor.get(b"FontFile2").expect("embedded")) {
            Object::Stream(s) => s.decompressed_content().unwrap(),
            other => panic!("{other:?}"),
        };
        let face = ttf_parser::Face::parse(&file, 0).unwrap();
        let per_em = face.units_per_em() as f32;
        let widths = d.get(b"W").unwrap().as_array().unwrap();
        let mut checked = 0;
        let mut i = 0;
        while i + 1 < widths.len() {
            let first = widths[i].as_i64().unwrap();
            match &widths[i + 1] {
                Object::Array(list) => {
                    for (k, w) in list.iter().enumerate() {
                        let gid = ttf_parser::GlyphId((first + k as i64) as u16);
                        let program =
                            face.glyph_hor_advance(gid).unwrap_or(0) as f32 * 1000.0 / per_em;
                        let w = w.as_float().unwrap();
                        assert!(
                            (w - program).abs() <= 1.0,
                            "{name}: glyph {gid:?} {w} vs {program}"
                        );
                        checked += 1;
                    }
                    i += 2;
                }
                _ => {
                    // c_first c_last w
                    let last = widths[i + 1].as_i64().unwrap();
                    let w = widths[i + 2].as_float().unwrap();
                    for gid in first..=last {
                        let program = face
                            .glyph_hor_advance(ttf_parser::GlyphId(gid as u16))
                            .unwrap_or(0) as f32
                            * 1000.0
                            / per_em;
                        assert!((w - program).abs() <= 1.0, "{name}: glyph {gid}");
                        checked += 1;
                    }
                    i += 3;
                }
            }
        }
        assert!(checked > 0, "{name}: widths given");
    }
    fonts
}

/// 6.5 / 6.6.1 no actions or JavaScript, 6.3 annotations (none unsigned;
/// signed: only signature widgets, printed, not hidden, with a normal
/// appearance and nothing else), 6.4 interactive forms (none unsigned;
/// signed: an AcroForm of signature fields, NeedAppearances not true),
/// 6.8 no embedded files, 6.1.7 no external streams, 6.1.13 names and
/// strings within the implementation limits.
pub fn nothing_active_or_external(name: &str, bytes: &[u8], signed: Signed) {
    let pdf = lopdf::Document::load_mem(bytes).unwrap();
    let catalog = pdf.catalog().unwrap();
    for key in [
        &b"OpenAction"[..],
        b"AA",
        b"AcroForm",
        b"Names",
        b"OCProperties",
        b"Requirements",
    ] {
        if key == b"AcroForm" && signed == Signed::Yes {
            let form = dict(&pdf, catalog.get(key).expect("signed: an AcroForm"));
            assert!(
                !matches!(form.get(b"NeedAppearances"), Ok(Object::Boolean(true))),
                "{name}: NeedAppearances"
            );
            assert!(form.get(b"XFA").is_err(), "{name}: XFA");
            for field in resolve(&pdf, form.get(b"Fields").unwrap())
                .as_array()
                .unwrap()
            {
                let f = dict(&pdf, field);
                assert_eq!(f.get(b"FT").unwrap().as_name().unwrap(), b"Sig", "{name}");
            }
            continue;
        }
        assert!(
            catalog.get(key).is_err(),
            "{name}: catalog has {}",
            String::from_utf8_lossy(key)
        );
    }
    let mut seen = BTreeSet::new();
    let mut widgets = 0;
    for (id, object) in &pdf.objects {
        let d = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => {
                for key in [&b"F"[..], b"FFilter", b"FDecodeParms"] {
                    assert!(s.dict.get(key).is_err(), "{name}: external stream");
                }
                if let Ok(filter) = s.dict.get(b"Filter") {
                    let f = filter.as_name().unwrap();
                    assert!(f != b"LZWDecode" && f != b"Crypt", "{name}");
                }
                &s.dict
            }
            Object::String(bytes, _) => {
                assert!(bytes.len() <= 32767);
                continue;
            }
            _ => continue,
        };
        for (key, value) in d.iter() {
            assert!(key.len() <= 127, "{name}: name longer than 127 bytes");
            seen.insert(key.clone());
            if let Object::Integer(i) = value {
                assert!(i32::try_from(*i).is_ok(), "{name}: integer {i} in {id:?}");
            }
        }
        if d.has_type(b"Page") && signed == Signed::No {
            assert!(d.get(b"Annots").is_err(), "{name}: annotations");
        }
        if d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Widget") {
            assert_eq!(signed, Signed::Yes, "{name}: a widget");
            widgets += 1;
            let flags = d.get(b"F").unwrap().as_i64().unwrap();
            assert_eq!(flags & 4, 4, "{name}: widget not printed");
            assert_eq!(flags & (1 | 2 | 32 | 256), 0, "{name}: widget hidden");
            assert!(d.get(b"CA").is_err(), "{name}: widget opacity");
            let ap = dict(&pdf, d.get(b"AP").expect("an appearance"));
            assert_eq!(ap.len(), 1, "{name}: /AP holds only /N");
            assert!(
                matches!(resolve(&pdf, ap.get(b"N").unwrap()), Object::Stream(_)),
                "{name}: /N a stream"
            );
        }
    }
    if signed == Signed::Yes {
        assert!(widgets > 0, "{name}: signed, but no widget");
    }
    for key in [
        &b"JS"[..],
        b"JavaScript",
        b"AA",
        b"Launch",
        b"EmbeddedFiles",
        b"Encrypt",
    ] {
        assert!(
            !seen.contains(key),
            "{name}: {}",
            String::from_utf8_lossy(key)
        );
    }
}
