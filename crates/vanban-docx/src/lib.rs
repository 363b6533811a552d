//! DOCX output for vanban documents (docx-rs), laid out as Decree 30 requires.
//!
//! The layout is decided by `vanban::compose`; this crate writes its
//! paragraphs and tables as Word elements (`write`), puts the page number in
//! a header from page 2, repairs docx-rs's element order (`schema_order`) and
//! zips the parts (`package`).

mod drawing;
mod package;
pub mod schema_order;
mod text;
mod write;

use docx_rs::{
    Docx, Header, InstrPAGE, InstrText, PageMargin, PageNumType, PageOrientationType, PageSize, Run,
};
use vanban::compose::{compose, Align, Composition, Page, Paragraph, Section};
use vanban::style::mm_to_twips;
use vanban::Document;

/// How to render (the fonts): one type for both writers.
pub use vanban::compose::Options;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// XML 1.0 cannot hold the character: Word would refuse the file.
    #[error("U+{code:04X} cannot be written in a DOCX (in {context:?})")]
    Character { code: u32, context: String },
    #[error("could not write the DOCX package: {0}")]
    Package(#[from] zip::result::ZipError),
}

/// Renders a document to the bytes of a `.docx` file.
pub fn render(doc: &Document, options: &Options) -> Result<Vec<u8>, Error> {
    render_composition(doc, &compose(doc, options.fonts))
}

/// Writes `composition`, the layout of `doc` that `vanban::compose` made:
/// a caller writing several formats composes once and passes it to each.
pub fn render_composition(doc: &Document, composition: &Composition) -> Result<Vec<u8>, Error> {
    check_characters(composition)?;
    write_docx(composition, doc)
}

/// Renders with the default options.
pub fn to_docx(doc: &Document) -> Result<Vec<u8>, Error> {
    render(doc, &Options::default())
}

/// Refuses text that XML 1.0 cannot carry, rather than write a file that
/// does not open.
fn check_characters(composition: &Composition) -> Result<(), Error> {
    let illegal = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    for p in composition.paragraphs() {
        for run in &p.runs {
            if let Some(c) = run.text.chars().find(|c| illegal(*c)) {
                let context: String = run.text.chars().take(40).collect();
                return Err(Error::Character {
                    code: c as u32,
                    context,
                });
            }
        }
    }
    Ok(())
}

fn write_docx(composition: &Composition, doc: &Document) -> Result<Vec<u8>, Error> {
    let family = doc.style.font_family;
    let restart = composition.sections.len() > 1;
    let (last, earlier) = composition
        .sections
        .split_last()
        .expect("a composition has the document's own section");
    let mut docx = Docx::new()
        .default_fonts(text::fonts(family))
        .default_size(text::half_points(doc.style.body.size))
        .created_at(&timestamp(doc))
        .updated_at(&timestamp(doc));
    // Every section but the last closes with a section break; the last
    // section's properties are the document's own.
    for section in earlier {
        let mut out = docx_rs::Section::new()
            .page_size(page_size(&section.page))
            .page_margin(page_margin(&section.page))
            .title_pg()
            .page_num_type(PageNumType::new().start(1))
            .header(page_number_header(section, family))
            .first_header(Header::new().add_paragraph(docx_rs::Paragraph::new()));
        for item in write::items(section, family) {
            out = match item {
                write::Item::Paragraph(p) => out.add_paragraph(*p),
                write::Item::Table(t) => out.add_table(*t),
            };
        }
        docx = docx.add_section(out);
    }
    let page = &last.page;
    docx = docx
        .page_size(
            mm_to_twips(page.width) as u32,
            mm_to_twips(page.height) as u32,
        )
        .page_margin(page_margin(page))
        .header(page_number_header(last, family))
        .first_header(Header::new().add_paragraph(docx_rs::Paragraph::new()));
    if page.landscape {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    if restart {
        docx = docx.page_num_type(PageNumType::new().start(1));
    }
    for item in write::items(last, family) {
        docx = match item {
            write::Item::Paragraph(p) => docx.add_paragraph(*p),
            write::Item::Table(t) => docx.add_table(*t),
        };
    }
    Ok(package::pack(docx)?)
}

fn page_size(page: &Page) -> PageSize {
    let size = PageSize::new().size(
        mm_to_twips(page.width) as u32,
        mm_to_twips(page.height) as u32,
    );
    if page.landscape {
        size.orient(PageOrientationType::Landscape)
    } else {
        size
    }
}

fn page_margin(page: &Page) -> PageMargin {
    let m = page.margins;
    PageMargin::new()
        .top(mm_to_twips(m.top))
        .bottom(mm_to_twips(m.bottom))
        .left(mm_to_twips(m.left))
        .right(mm_to_twips(m.right))
        .header(mm_to_twips(page.header_distance))
        .footer(mm_to_twips(page.header_distance))
}

/// A centred PAGE field in the header of every page but the first.
fn page_number_header(section: &Section, family: &str) -> Header {
    let style = section.page_number;
    let field = Run::new()
        .fonts(text::fonts(family))
        .size(text::half_points(style.size))
        .add_field_char(docx_rs::FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(docx_rs::FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(docx_rs::FieldCharType::End, false);
    let paragraph = Paragraph {
        align: Align::Center,
        ..Paragraph::new(style)
    };
    Header::new().add_paragraph(write::paragraph(&paragraph, family).add_run(field))
}

/// Document properties carry the issue date, never the clock, so output is reproducible.
fn timestamp(doc: &Document) -> String {
    match doc.date {
        Some(date) => format!("{}T00:00:00Z", date.iso()),
        None => "2000-01-01T00:00:00Z".to_string(),
    }
}
