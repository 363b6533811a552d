//! Ô 1–4 (with 5b): the header of page 1 as a borderless grid of two
//! columns reaching `header_outdent` into the left margin. Row 1: parent,
//! issuer and its rule | quốc hiệu, tiêu ngữ and its rule. Row 2, so that they
//! share a line: "Số:" (the công văn's "V/v") | place and date. The stamps
//! (ô 10a, 10b) stand under it, outside the grid (`stamps`).

use super::plan::*;
use super::{rule, widest_line};
use crate::metrics::FontSet;
use crate::model::authority_lines;
use crate::style::{mm_to_pt, pt_to_mm, Style, TextStyle};
use crate::Document;

pub fn header(doc: &Document, fonts: &FontSet) -> Table {
    let style = &doc.style;
    let (left, right) = (style.header_left_width, style.header_right_width);
    let row = |cells| Row {
        cells,
        repeat: false,
        cant_split: true,
    };
    Table {
        columns: vec![left, right],
        // The grid sits a cell padding further left, so its text starts at
        // the margin (less the outdent).
        indent: -(style.header_outdent() + style.cell_padding),
        padding: CellPadding {
            horizontal: style.cell_padding,
            vertical: 0.0,
        },
        borders: None,
        rows: vec![
            row(vec![authority(doc, fonts), national_title(style, fonts)]),
            row(vec![number_block(doc), date(doc)]),
        ],
    }
}

/// Ô 11, above the quốc hiệu: a circulation notice (`XEM XONG TRẢ LẠI`) in
/// a single-line box, centred over the right column.
pub fn circulation(doc: &Document, fonts: &FontSet) -> Option<Paragraph> {
    let style = &doc.style;
    let text = doc.circulation.as_ref()?.to_uppercase();
    // The right column's text band, from the left margin.
    let band_left = style.header_left_width - style.header_outdent();
    let band = inner(style, style.header_right_width);
    let width = pt_to_mm(fonts.width(&text, style.circulation)) + 2.0 * style.stamp_side_room;
    let mut notice = stamp(style, fonts, &text, band, width, Color::Black);
    notice.runs[0].style = style.circulation;
    notice.mark = style.circulation;
    notice.indent.left += band_left;
    notice.indent.right += style.text_width() - band_left - band;
    notice.spacing = Spacing::single(0.0, style.subject_line_space_before);
    Some(notice)
}

/// The text width inside a header column.
fn inner(style: &Style, width: f32) -> f32 {
    width - 2.0 * style.cell_padding
}

/// The lines of an authority name: as [`authority_lines`] decides, measured
/// in the fonts the document is set in.
fn lines(fonts: &FontSet, style: &Style, name: &str, text: TextStyle) -> Vec<String> {
    let width = inner(style, style.header_left_width);
    authority_lines(name, |line| pt_to_mm(fonts.width(line, text)) <= width)
}

pub(super) fn authority(doc: &Document, fonts: &FontSet) -> Vec<Paragraph> {
    let style = &doc.style;
    let available = inner(style, style.header_left_width);
    let mut paragraphs = Vec::new();
    if let Some(parent) = &doc.parent {
        for line in lines(fonts, style, parent, style.parent) {
            paragraphs.push(Paragraph::text(&line, style.parent, Align::Center));
        }
    }
    let mut widest: f32 = 0.0;
    for line in lines(fonts, style, &doc.issuer, style.issuer) {
        widest = widest.max(widest_line(fonts, &line, style.issuer, available));
        paragraphs.push(Paragraph::text(&line, style.issuer, Align::Center));
    }
    paragraphs.push(rule(style, available, widest * style.short_rule_ratio));
    paragraphs
}

fn national_title(style: &Style, fonts: &FontSet) -> Vec<Paragraph> {
    let available = inner(style, style.header_right_width);
    let motto = widest_line(fonts, style.motto_text, style.motto, available);
    vec![
        Paragraph::text(
            style.national_title_text,
            style.national_title,
            Align::Center,
        ),
        Paragraph::text(style.motto_text, style.motto, Align::Center),
        rule(style, available, motto),
    ]
}

pub(super) fn number_block(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    // Space above row 2 rather than under the rules: word processors drop
    // the space after the last paragraph of a cell.
    let mut paragraphs = vec![
        Paragraph::text(&doc.number_line(), style.number, Align::Center)
            .spacing(Spacing::single(style.header_rule_space_after, 0.0)),
    ];
    if let Some(subject) = doc.subject_line() {
        paragraphs.push(
            Paragraph::text(&subject, style.subject_line, Align::Center)
                .spacing(Spacing::single(style.subject_line_space_before, 0.0)),
        );
    }
    paragraphs
}

/// A boxed mark (ô 10a, 10b, 11): its text centred in a box `width` mm wide
/// and as tall as the decree's stamps, centred in a column `available` mm wide.
pub(super) fn stamp(
    style: &Style,
    fonts: &FontSet,
    text: &str,
    available: f32,
    width: f32,
    color: Color,
) -> Paragraph {
    let width = width.min(available);
    let line = fonts.face_for(style.mark).line_height(style.mark.size);
    let height = mm_to_pt(style.stamp_height);
    // The box's top and bottom lines sit `space` from the text, so that the
    // box is the stamp's height.
    let space = ((height - line) / 2.0 - style.rule_thickness).max(1.0);
    // Word draws the side lines `space` outside the text indents.
    let side = (available - width) / 2.0 + pt_to_mm(space);
    let mut p = Paragraph::text(text, style.mark, Align::Center)
        .spacing(Spacing::single(style.subject_line_space_before, 0.0));
    p.runs[0].color = color;
    p.indent = Indent {
        left: side,
        right: side,
        first_line: 0.0,
    };
    p.border = Some(Border {
        sides: Sides::Box,
        width: style.rule_thickness,
        space,
        color,
    });
    p
}

pub(super) fn date(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    vec![
        Paragraph::text(&doc.place_date_line(), style.place_date, Align::Center)
            .spacing(Spacing::single(style.header_rule_space_after, 0.0)),
    ]
}
