//! DOCX output for vanban documents (docx-rs), laid out as Decree 30 requires.
//!
//! The document is a header table (ô 1–4), the type name and summary (ô 5a),
//! Kính gửi, căn cứ and the body (ô 6), then Nơi nhận beside the signature
//! block (ô 7, 9b). Page numbers sit centred in the top margin from page 2.

mod content;
mod header;
mod package;
mod rule;
pub mod schema_order;
mod signature;
mod table;
mod text;

use docx_rs::{AlignmentType, Docx, Header, InstrPAGE, InstrText, PageMargin, Paragraph, Run};
use vanban::style::mm_to_twips;
use vanban::Document;

use content::BodyItem;

/// Renders a document to the bytes of a `.docx` file.
pub fn to_docx(doc: &Document) -> Vec<u8> {
    let style = &doc.style;
    let family = style.font_family;
    let mut docx = Docx::new()
        .page_size(
            mm_to_twips(style.page_width) as u32,
            mm_to_twips(style.page_height) as u32,
        )
        .page_margin(
            PageMargin::new()
                .top(mm_to_twips(style.margins.top))
                .bottom(mm_to_twips(style.margins.bottom))
                .left(mm_to_twips(style.margins.left))
                .right(mm_to_twips(style.margins.right))
                .header(mm_to_twips(style.header_distance))
                .footer(mm_to_twips(style.header_distance)),
        )
        .default_fonts(text::fonts(family))
        .default_size(text::half_points(style.body.size))
        .header(page_number_header(doc))
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .created_at(&timestamp(doc))
        .updated_at(&timestamp(doc));

    docx = docx.add_table(header::header_table(doc));
    for p in content::title(doc) {
        docx = docx.add_paragraph(p);
    }
    for p in content::addressees(doc)
        .into_iter()
        .chain(content::bases(doc))
    {
        docx = docx.add_paragraph(p);
    }
    let mut body = content::body(doc);
    // The body's last paragraph goes with the signature block to a new page.
    if let Some(BodyItem::Paragraph(last)) = body.last_mut() {
        *last = last.clone().keep_next(true).keep_lines(true);
    }
    for item in body {
        docx = match item {
            BodyItem::Paragraph(p) => docx.add_paragraph(p),
            BodyItem::Table(t) => docx.add_table(t),
        };
    }
    docx = docx.add_table(signature::signature_table(doc));
    package::pack(docx)
}

/// A centred PAGE field, 13–14 pt, in the header of every page but the first.
fn page_number_header(doc: &Document) -> Header {
    let style = &doc.style;
    let family = style.font_family;
    let size = text::half_points(style.page_number.size);
    let field = Run::new()
        .fonts(text::fonts(family))
        .size(size)
        .add_field_char(docx_rs::FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(docx_rs::FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(docx_rs::FieldCharType::End, false);
    Header::new().add_paragraph(
        text::paragraph(style.page_number, family, AlignmentType::Center).add_run(field),
    )
}

/// Document properties carry the issue date, never the clock, so output is reproducible.
fn timestamp(doc: &Document) -> String {
    match doc.date {
        Some(date) => format!("{}T00:00:00Z", date.iso()),
        None => "2000-01-01T00:00:00Z".to_string(),
    }
}
