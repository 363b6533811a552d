//! The short solid rules under the issuer, the motto and the summary, drawn
//! as the bottom border of an empty, thin paragraph; never underscores.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders,
};
use vanban::style::{Style, TextStyle};

use crate::text::{centred_band, paragraph};

/// A centred rule `length` mm long inside a space `available` mm wide.
pub fn rule(style: &Style, available: f32, length: f32) -> Paragraph {
    // The rule is the bottom border of an empty paragraph set tiny, so it sits
    // a few points under the text above without adding a full blank line.
    let tiny = TextStyle {
        size: style.rule_paragraph_size,
        bold: false,
        italic: false,
    };
    let (left, right) = centred_band(available, length);
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(crate::header::eighths(style.rule_thickness))
        .space(0)
        .color("000000");
    let mut p = paragraph(tiny, style.font_family, AlignmentType::Center).indent(
        Some(left),
        None,
        Some(right),
        None,
    );
    // The default border set has all four sides; start from none.
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    p
}
