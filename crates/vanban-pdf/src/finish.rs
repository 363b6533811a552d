//! The last touches on printpdf's document before it is written: fonts
//! named and described (see `fonts`), metadata from the document, streams
//! compressed, and a trailer /ID that is a hash of the content — printpdf
//! writes random names and ids, and equal input must give equal bytes.

use lopdf::{Dictionary, Object, StringFormat};
use vanban::metrics::{FaceStyle, FontSet};
use vanban::Document;

use crate::bytes::{deflate, fnv1a, FNV_SEED};

/// The file for `pdf`, printpdf's document of `doc` set in `fonts`.
/// `own_subsets`: printpdf embedded whole fonts for `fonts::finish_font` to
/// cut down.
pub fn finish(
    mut pdf: lopdf::Document,
    doc: &Document,
    fonts: &FontSet,
    own_subsets: bool,
    standard: crate::pdfa::Standard,
) -> Vec<u8> {
    pdf.version = "1.7".into();
    for (name, id) in font_resources(&pdf) {
        let face = FaceStyle::ALL
            .into_iter()
            .find(|f| crate::draw::font_id(*f).0.as_bytes() == name.as_slice());
        if let Some(face) = face {
            crate::fonts::finish_font(&mut pdf, id, fonts.face(face), own_subsets);
        }
    }
    if let Ok(info) = pdf.trailer.get(b"Info").and_then(Object::as_reference) {
        pdf.objects
            .insert(info, Object::Dictionary(info_dictionary(doc)));
    }
    for object in pdf.objects.values_mut() {
        match object {
            Object::Stream(stream) if stream.dict.get(b"Filter").is_err() => {
                // Content streams and CMaps are made every render: a fast level.
                let packed = deflate(&stream.content, 2);
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
            Object::Dictionary(page) if page.has_type(b"Page") => {
                if matches!(page.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
                    page.remove(b"Annots");
                }
            }
            _ => {}
        }
    }

    if standard == crate::pdfa::Standard::PdfA2b {
        // After the streams are compressed: the XMP stays plain text.
        crate::pdfa::conform(&mut pdf, doc);
    }

    // The /ID is a hash of everything before the trailer: written as a
    // placeholder of the same length, then filled in.
    const PLACEHOLDER: &[u8] = b"vanban-id-placeholder-0000000000";
    let id = Object::String(PLACEHOLDER.to_vec(), StringFormat::Literal);
    pdf.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::with_capacity(64 * 1024);
    // Writing to a Vec cannot fail.
    let _ = pdf.save_to(&mut out);
    if let Some(trailer) = rfind(&out, b"trailer") {
        let digest = format!(
            "{:016x}{:016x}",
            fnv1a(&out[..trailer], FNV_SEED),
            fnv1a(&out[..trailer], FNV_SEED ^ 0x5bd1e995)
        );
        while let Some(at) = rfind(&out[trailer..], PLACEHOLDER) {
            out[trailer + at..trailer + at + PLACEHOLDER.len()].copy_from_slice(digest.as_bytes());
        }
    }
    out.push(b'\n');
    out
}

/// Puts `contents` in the content streams of the pages, in page order
/// (each page printpdf wrote has one stream; a page without gets one).
pub fn replace_contents(pdf: &mut lopdf::Document, contents: impl Iterator<Item = Vec<u8>>) {
    let pages: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    for (page, content) in pages.into_iter().zip(contents) {
        let existing = pdf
            .get_dictionary(page)
            .ok()
            .and_then(|d| d.get(b"Contents").ok())
            .and_then(|c| c.as_reference().ok());
        match existing.and_then(|id| pdf.objects.get_mut(&id)) {
            Some(Object::Stream(stream)) => stream.set_content(content),
            _ => {
                let id = pdf.add_object(lopdf::Stream::new(Dictionary::new(), content));
                if let Ok(d) = pdf.get_dictionary_mut(page) {
                    d.set("Contents", Object::Reference(id));
                }
            }
        }
    }
}

/// The font resources of the first page (printpdf shares one font
/// dictionary between all pages): resource name and font object.
fn font_resources(pdf: &lopdf::Document) -> Vec<(Vec<u8>, lopdf::ObjectId)> {
    let deref = |o: &Object| -> Option<Dictionary> {
        match o {
            Object::Dictionary(d) => Some(d.clone()),
            Object::Reference(r) => pdf.get_dictionary(*r).ok().cloned(),
            _ => None,
        }
    };
    let Some(page) = pdf.get_pages().values().next().copied() else {
        return Vec::new();
    };
    let fonts = pdf
        .get_dictionary(page)
        .ok()
        .and_then(|p| deref(p.get(b"Resources").ok()?))
        .and_then(|r| deref(r.get(b"Font").ok()?));
    fonts
        .map(|f| {
            f.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_reference().ok()?)))
                .collect()
        })
        .unwrap_or_default()
}

/// Title, author and dates taken from the document (never the clock, so
/// renders are reproducible). printpdf writes every date as UTC and empty
/// PDF/X and subject entries; the date of a văn bản is a day in Vietnam
/// (UTC+7).
fn info_dictionary(doc: &Document) -> Dictionary {
    let author = doc.issuer.lines().collect::<Vec<_>>().join(" ");
    let mut d = Dictionary::new();
    d.set("Title", text_string(doc.title()));
    d.set("Author", text_string(&author));
    d.set("Creator", text_string("vanban"));
    d.set("Producer", text_string("vanban-pdf (printpdf)"));
    if let Some(date) = doc.date {
        let stamp = format!(
            "D:{:04}{:02}{:02}000000+07'00'",
            date.year(),
            date.month(),
            date.day()
        );
        let stamp = Object::String(stamp.into_bytes(), StringFormat::Literal);
        d.set("CreationDate", stamp.clone());
        d.set("ModDate", stamp);
    }
    d
}

/// The PDF metadata date of `doc` for printpdf (midnight; `finish` adds the
/// zone printpdf cannot write).
pub fn date(doc: &Document) -> Option<printpdf::OffsetDateTime> {
    let date = doc.date?;
    Some(printpdf::OffsetDateTime::new_in_offset(
        printpdf::date::Date {
            year: date.year() as i32,
            month: date.month(),
            day: date.day(),
        },
        printpdf::date::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::date::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    ))
}

/// A text string: UTF-16BE with a byte order mark, written in hex.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
