//! Ô 7 and 9b: Nơi nhận beside the signer, one block that never splits and
//! takes the body's last lines with it to a new page.

use vanban::metrics::FontSet;
use vanban::style::mm_to_pt;
use vanban::Document;

use crate::flow::{Block, Para};
use crate::layout::Align;
use crate::stack::Stack;

/// Body lines that go with the signature block to a new page.
const LINES_TAKEN: usize = 2;

pub fn signature(doc: &Document, fonts: &FontSet) -> Para {
    let style = &doc.style;
    let pad = mm_to_pt(style.cell_padding);
    // As in the DOCX, the table sits a cell padding left of the margin, so
    // "Nơi nhận:" starts at the margin.
    let left_x = mm_to_pt(style.margins.left);
    let left_w = mm_to_pt(style.recipients_width) - 2.0 * pad;
    let right_x = left_x + mm_to_pt(style.recipients_width);
    let right_w = mm_to_pt(style.signer_width()) - 2.0 * pad;

    // "Nơi nhận:" sits level with the first authority line.
    let top = style.space_before_signature;
    let mut recipients = Stack {
        y: top,
        ..Stack::default()
    };
    recipients.text(
        fonts,
        "Nơi nhận:",
        style.recipients_label,
        left_x,
        left_w,
        Align::Left,
    );
    for line in doc.recipient_lines() {
        recipients.text(fonts, &line, style.recipients, left_x, left_w, Align::Left);
    }
    if let Some(drafter) = doc.drafter_line() {
        recipients.text(fonts, &drafter, style.drafter, left_x, left_w, Align::Left);
    }

    let signer = &doc.signer;
    let mut right = Stack {
        y: top,
        ..Stack::default()
    };
    for line in signer
        .authority
        .iter()
        .chain(std::iter::once(&signer.title))
    {
        right.text(
            fonts,
            line,
            style.signer_authority,
            right_x,
            right_w,
            Align::Center,
        );
    }
    let name_font = fonts.face_for(style.signer_name);
    right.y += style.signature_gap_lines as f32 * name_font.line_height(style.signer_name.size);
    right.text(
        fonts,
        &signer.name,
        style.signer_name,
        right_x,
        right_w,
        Align::Center,
    );

    let height = recipients.y.max(right.y);
    let mut marks = recipients.marks;
    marks.extend(right.marks);
    Para {
        blocks: vec![Block { height, marks }],
        unbreakable: true,
        take_lines: LINES_TAKEN,
        ..Para::default()
    }
}
