//! vanban-pdf: a văn bản straight from the model to PDF, with its own line
//! breaking and pagination, laid out as the DOCX backend lays it out.
//!
//! The PDF itself is made with printpdf: its document model, its font
//! subsetting (Type 0 / CIDFontType2, Identity-H, ToUnicode CMaps) and its
//! lopdf serialisation. Fonts carry deterministic subset tags, text is
//! extractable, and the same document always gives the same bytes.
//!
//! The pipeline: `vanban::compose` lays the document out (the same plan the
//! DOCX is written from); `set` breaks its paragraphs into lines and its
//! tables into rows with the plan's line breaker (`flow` holds the result);
//! `paginate` splits them into pages by the plan's keep rules; `draw` places
//! them and turns each page into printpdf operations; printpdf builds the
//! document (fonts parsed once by `fonts`); `finish` names and describes the
//! fonts (`fonts`, with `hinting` dropping TrueType hinting from the
//! programs), sets the metadata and a content-hash /ID, and writes the file.

mod draw;
mod finish;
mod flow;
mod fonts;
mod hinting;
mod paginate;
mod set;

use printpdf::{Mm, PdfDocument, PdfFont, PdfPage, PdfSaveOptions};
use vanban::metrics::{FaceStyle, FontSet};
use vanban::style::mm_to_pt;
use vanban::Document;

/// Renders `doc` with the built-in Liberation Serif.
pub fn to_pdf(doc: &Document) -> Vec<u8> {
    to_pdf_with_fonts(doc, FontSet::liberation_serif())
}

/// Renders `doc` with a font set (regular, bold, italic, bold italic).
pub fn to_pdf_with_fonts(doc: &Document, fonts: &FontSet) -> Vec<u8> {
    let composition = vanban::compose::compose(doc, fonts);
    let paras = set::flow(&composition, fonts);
    let capacity = mm_to_pt(composition.page.text_height());
    let pages = paginate::paginate(&paras, capacity);
    let placed = draw::place(&paras, &pages, &composition, fonts);

    let mut pdf = PdfDocument::new(&doc.summary);
    let info = &mut pdf.metadata.info;
    info.author = doc.issuer.lines().collect::<Vec<_>>().join(" ");
    info.creator = "vanban".into();
    info.producer = "vanban-pdf (printpdf)".into();
    if let Some(date) = finish::date(doc) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }

    // Only the faces used; their ids (`F0` … `F3`) are fixed, not printpdf's
    // random ones, so that the resource names are stable.
    let characters = draw::characters(&placed);
    for face in FaceStyle::ALL {
        if characters[face as usize].is_empty() {
            continue;
        }
        if let Some(parsed) = fonts::parsed(fonts.face(face)) {
            pdf.resources
                .fonts
                .map
                .insert(draw::font_id(face), PdfFont::new(parsed));
        }
    }

    let (width, height) = (composition.page.width, composition.page.height);
    pdf.pages = placed
        .iter()
        .map(|marks| PdfPage::new(Mm(width), Mm(height), draw::ops(marks, mm_to_pt(height))))
        .collect();

    let options = PdfSaveOptions {
        // `finish` compresses (the font programs once, cached).
        optimize: false,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let lopdf = pdf.to_lopdf_document(&options, &mut Vec::new());
    finish::finish(lopdf, doc, fonts)
}
