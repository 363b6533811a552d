//! vanban-pdf: a văn bản straight from the model to PDF, with its own line
//! breaking and pagination, laid out as the DOCX backend lays it out.
//!
//! Fonts are subset and embedded with deterministic subset tags, text is
//! extractable through ToUnicode CMaps, and the same document always gives
//! the same bytes.
//!
//! The pipeline: `compose` (with `header`, `table`, `signature`, `stack`)
//! sets the document into paragraphs of blocks using `layout`'s line
//! breaking; `paginate` splits them into pages; `draw` places them and
//! writes content streams; `fonts` (with `hinting`) embeds the faces;
//! `writer` writes the file.

mod compose;
mod draw;
mod flow;
mod fonts;
mod header;
mod hinting;
mod layout;
mod paginate;
mod signature;
mod stack;
mod table;
mod writer;

use vanban::metrics::{FaceStyle, FontSet};
use vanban::style::mm_to_pt;
use vanban::Document;

use crate::writer::{text_string, PdfWriter};

/// Renders `doc` with the built-in Liberation Serif.
pub fn to_pdf(doc: &Document) -> Vec<u8> {
    to_pdf_with_fonts(doc, FontSet::liberation_serif())
}

/// Renders `doc` with a font set (regular, bold, italic, bold italic).
pub fn to_pdf_with_fonts(doc: &Document, fonts: &FontSet) -> Vec<u8> {
    let style = &doc.style;
    let paras = compose::flow(doc, fonts);
    let capacity = mm_to_pt(style.text_height());
    let pages = paginate::paginate(&paras, capacity);
    let placed = draw::place(&paras, &pages, style, fonts);

    let mut w = PdfWriter::default();
    let catalog = w.reserve();
    let page_tree = w.reserve();
    let info = w.add(info(doc).into_bytes());

    let characters = draw::characters(&placed);
    let mut embedded: [Option<fonts::Embedded>; 4] = Default::default();
    let mut font_refs = String::new();
    for face in FaceStyle::ALL {
        let chars = &characters[face as usize];
        if chars.is_empty() {
            continue;
        }
        let (id, e) = fonts::embed(&mut w, fonts.face(face), chars);
        font_refs.push_str(&format!("/{} {id} 0 R ", draw::resource(face)));
        embedded[face as usize] = Some(e);
    }
    let resources = w.add(format!("<< /Font << {font_refs}>> >>").into_bytes());

    let (width, height) = (mm_to_pt(style.page_width), mm_to_pt(style.page_height));
    let mut kids = Vec::new();
    for marks in &placed {
        let content = w.add_stream("", &draw::content(marks, &embedded, height));
        kids.push(w.add(
            format!(
                "<< /Type /Page /Parent {page_tree} 0 R /MediaBox [0 0 {} {}] /Resources {resources} 0 R /Contents {content} 0 R >>",
                writer::num(width),
                writer::num(height)
            )
            .into_bytes(),
        ));
    }
    let kids_list: Vec<String> = kids.iter().map(|k| format!("{k} 0 R")).collect();
    w.set(
        page_tree,
        format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids_list.join(" "),
            kids.len()
        )
        .into_bytes(),
    );
    w.set(
        catalog,
        format!("<< /Type /Catalog /Pages {page_tree} 0 R >>").into_bytes(),
    );
    w.finish(catalog, info)
}

/// Title, author and a creation date taken from the document (never the
/// clock, so renders are reproducible).
fn info(doc: &Document) -> String {
    let author = doc.issuer.lines().collect::<Vec<_>>().join(" ");
    let mut s = format!(
        "<< /Title {} /Author {} /Creator (vanban) /Producer (vanban-pdf)",
        text_string(&doc.summary),
        text_string(&author)
    );
    if let Some(date) = doc.date {
        // Vietnam time, UTC+7.
        let stamp = format!(
            "(D:{:04}{:02}{:02}000000+07'00')",
            date.year(),
            date.month(),
            date.day()
        );
        s.push_str(&format!(" /CreationDate {stamp} /ModDate {stamp}"));
    }
    s.push_str(" >>");
    s
}
