//! vanban-pdf: a văn bản straight from the model to PDF, with its own line
//! breaking and pagination, laid out as the DOCX backend lays it out.
//!
//! The PDF itself is made with printpdf: its document model, its fonts
//! (Type 0 / CIDFontType2, Identity-H, ToUnicode CMaps) and its lopdf
//! serialisation; the font programs of TrueType faces are cut down by
//! `subset` (printpdf's subsetter only gets CFF-flavoured fonts). Fonts carry deterministic subset tags, text is
//! extractable, and the same document always gives the same bytes.
//!
//! The pipeline: `vanban::compose` lays the document out (the same plan the
//! DOCX is written from); `set` breaks its paragraphs into lines and its
//! tables into rows with the plan's line breaker (`flow` holds the result);
//! `paginate` splits them into pages by the plan's keep rules; `draw` places
//! them and turns each page into printpdf operations; printpdf builds the
//! document (fonts parsed once by `fonts`); `finish` embeds, names and
//! describes the fonts (`fonts`, with `subset` keeping only the glyphs used
//! and `hinting` dropping TrueType hinting), sets the metadata and a
//! content-hash /ID, and writes the file.

mod bytes;
mod content;
mod draw;
mod finish;
mod flow;
mod fonts;
mod hinting;
mod paginate;
pub mod pdfa;
mod pictures;
mod set;
mod subset;

/// The font program cut down to the glyphs used (ids kept), for other
/// writers of vanban's PDFs (the signature marks of vanban-sign).
pub use subset::subset as subset_font;

use printpdf::{Mm, PdfDocument, PdfFont, PdfPage, PdfSaveOptions};
use vanban::compose::{compose, Composition};
use vanban::metrics::FaceStyle;
use vanban::style::mm_to_pt;
use vanban::Document;

pub use pdfa::Standard;
pub use pictures::{Placed, Rect, SignaturePlaces};
/// How to render (the fonts): one type for both writers.
pub use vanban::compose::Options;

/// Why a document could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The font has no glyph for characters of the text: they would vanish.
    #[error("{face:?} face has no glyph for {}; use fonts that have them", list(.characters))]
    MissingGlyphs {
        face: FaceStyle,
        characters: Vec<char>,
    },
    #[error("the font could not be embedded: {0}")]
    Font(String),
}

fn list(characters: &[char]) -> String {
    characters
        .iter()
        .take(10)
        .map(|c| format!("U+{:04X} {c}", *c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every page's marks (`y` from the page's top) and size (mm): each
/// section (the document, each Phụ lục) paginates and numbers its own
/// pages, in its own page size.
fn lay_out(
    composition: &Composition,
    options: &Options,
) -> (Vec<(f32, f32)>, Vec<Vec<flow::Mark>>) {
    let fonts = options.fonts;
    let mut sizes = Vec::new();
    let mut placed = Vec::new();
    for section in &composition.sections {
        let paras = set::flow(section, fonts);
        let capacity = section.page.text_height_pt();
        let pages = paginate::paginate(&paras, capacity);
        let mut floats = Some(set::floats(section, fonts));
        for mut marks in draw::place(&paras, &pages, section, fonts) {
            marks.extend(floats.take().unwrap_or_default());
            sizes.push((section.page.width, section.page.height));
            placed.push(marks);
        }
    }
    (sizes, placed)
}

/// Where the signer's gap and the signature and seal pictures of `doc`
/// stand in the PDF [`render`] makes with the same options: the page and
/// the rectangle, in PDF points. Laid out as rendering lays it out (the
/// same composition and pagination), without writing a PDF.
pub fn signature_places(doc: &Document, options: &Options) -> SignaturePlaces {
    signature_places_in(&compose(doc, options.fonts), options)
}

/// [`signature_places`] of a composition already made.
pub fn signature_places_in(composition: &Composition, options: &Options) -> SignaturePlaces {
    let (sizes, placed) = lay_out(composition, options);
    pictures::places(&placed, &sizes)
}

/// Renders `doc` with the built-in Liberation Serif.
pub fn to_pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    render(doc, &Options::default())
}

/// Renders `doc` to the bytes of a PDF file.
pub fn render(doc: &Document, options: &Options) -> Result<Vec<u8>, Error> {
    render_composition(doc, &compose(doc, options.fonts), options)
}

/// Renders `doc` as PDF/A-2b (ISO 19005-2), for the archive.
pub fn render_pdfa(doc: &Document, options: &Options) -> Result<Vec<u8>, Error> {
    render_composition_to(doc, &compose(doc, options.fonts), options, Standard::PdfA2b)
}

/// Renders `composition`, the layout of `doc` that `vanban::compose` made
/// in `options.fonts`: a caller writing several formats composes once and
/// passes it to each.
pub fn render_composition(
    doc: &Document,
    composition: &Composition,
    options: &Options,
) -> Result<Vec<u8>, Error> {
    render_composition_to(doc, composition, options, Standard::Plain)
}

/// [`render_composition`] to a standard: [`Standard::PdfA2b`] for the
/// archive (see [`pdfa`]).
pub fn render_composition_to(
    doc: &Document,
    composition: &Composition,
    options: &Options,
    standard: Standard,
) -> Result<Vec<u8>, Error> {
    let fonts = options.fonts;
    let (sizes, placed) = lay_out(composition, options);

    let mut pdf = PdfDocument::new(doc.title());
    let info = &mut pdf.metadata.info;
    info.author = doc.issuer.lines().collect::<Vec<_>>().join(" ");
    info.creator = "vanban".into();
    info.producer = "vanban-pdf (printpdf)".into();
    if let Some(date) = finish::date(doc) {
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
    }

    let characters = draw::characters(&placed);
    // Plain TrueType faces are cut down by `finish` (only the glyphs used,
    // at their own ids: `subset`); printpdf's subsetter renumbers, re-parses
    // and re-measures every render, so it only gets what `subset` cannot
    // rewrite (CFF-flavoured OpenType).
    let own_subsets = FaceStyle::ALL
        .into_iter()
        .filter(|&face| !characters[face as usize].is_empty())
        .all(|face| subset::is_plain_truetype(fonts.face(face).data()));
    // Only the faces used; their ids (`F0` … `F3`) are fixed, not printpdf's
    // random ones, so that the resource names are stable.
    for face in FaceStyle::ALL {
        let used = &characters[face as usize];
        if used.is_empty() {
            continue;
        }
        let font = fonts.face(face);
        let missing: Vec<char> = used
            .iter()
            .copied()
            .filter(|c| !c.is_whitespace() && !font.has_char(*c))
            .collect();
        if !missing.is_empty() {
            return Err(Error::MissingGlyphs {
                face,
                characters: missing,
            });
        }
        let parsed = fonts::parsed(font, own_subsets)
            .ok_or_else(|| Error::Font(format!("the {face:?} face cannot be read")))?;
        pdf.resources
            .fonts
            .map
            .insert(draw::font_id(face), PdfFont::new(parsed));
    }

    pdf.pages = placed
        .iter()
        .zip(&sizes)
        .enumerate()
        .map(|(i, (marks, &(width, height)))| {
            let ops = match own_subsets {
                // The content is written by `content` once printpdf has
                // made the document; printpdf only needs to see each face
                // show the characters it is used for, once.
                true if i == 0 => draw::font_uses(&characters),
                true => Vec::new(),
                false => draw::ops(marks, mm_to_pt(height)),
            };
            PdfPage::new(Mm(width), Mm(height), ops)
        })
        .collect();

    let options = PdfSaveOptions {
        // `finish` compresses (the font programs once, cached).
        optimize: false,
        subset_fonts: !own_subsets,
        secure: true,
        image_optimization: None,
    };
    let mut lopdf = pdf.to_lopdf_document(&options, &mut Vec::new());
    if own_subsets {
        let contents = placed
            .iter()
            .zip(&sizes)
            .map(|(marks, &(_, height))| content::page(marks, mm_to_pt(height), fonts));
        finish::replace_contents(&mut lopdf, contents);
    }
    pictures::embed(&mut lopdf, &placed, &sizes);
    Ok(finish::finish(lopdf, doc, fonts, own_subsets, standard))
}
