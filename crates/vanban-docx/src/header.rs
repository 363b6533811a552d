//! Ô 1–4 (and 5b, 10a, 10b): the header block of page 1, a borderless
//! two-column table. Row 1: parent, issuer, rule | quốc hiệu, tiêu ngữ, rule.
//! Row 2: "Số:" (and "V/v …", marks) | place and date, so they share a line.

use docx_rs::{
    AlignmentType, BorderType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, TableRow,
};
use vanban::metrics::FontSet;
use vanban::style::Style;
use vanban::Document;

use crate::rule::rule;
use crate::table::{cell, layout_table};
use crate::text::{centred_band, line, single_spacing};

pub fn header_table(doc: &Document) -> docx_rs::Table {
    let style = &doc.style;
    let (left, right) = (style.header_left_width, style.header_right_width);
    let rows = vec![
        TableRow::new(vec![
            cell(left, authority(doc)),
            cell(right, national_title(style)),
        ]),
        TableRow::new(vec![cell(left, number_block(doc)), cell(right, date(doc))]),
    ];
    layout_table(style, &[left, right], rows, style.header_outdent())
}

fn inner(style: &Style, width: f32) -> f32 {
    width - 2.0 * style.cell_padding
}

fn authority(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    let mut paragraphs = Vec::new();
    for parent in doc.parent_lines() {
        paragraphs.push(line(&parent, style.parent, family, AlignmentType::Center));
    }
    let mut widest: f32 = 0.0;
    for issuer in doc.issuer_lines() {
        widest = widest.max(mm(FontSet::liberation_serif().width(&issuer, style.issuer)));
        paragraphs.push(line(&issuer, style.issuer, family, AlignmentType::Center));
    }
    let available = inner(style, style.header_left_width);
    paragraphs.push(rule(
        style,
        available,
        widest.min(available) * style.short_rule_ratio,
    ));
    paragraphs
}

fn national_title(style: &Style) -> Vec<Paragraph> {
    let family = style.font_family;
    let motto_width = mm(FontSet::liberation_serif().width(style.motto_text, style.motto));
    vec![
        line(
            style.national_title_text,
            style.national_title,
            family,
            AlignmentType::Center,
        ),
        line(style.motto_text, style.motto, family, AlignmentType::Center),
        rule(style, inner(style, style.header_right_width), motto_width),
    ]
}

fn number_block(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    // Space above row 2 rather than under the rules: word processors drop the
    // space after the last paragraph of a cell.
    let gap = single_spacing(style.header_rule_space_after, 0.0);
    let mut paragraphs = vec![line(
        &doc.number_line(),
        style.number,
        family,
        AlignmentType::Center,
    )
    .line_spacing(gap)];
    if let Some(subject) = doc.subject_line() {
        paragraphs.push(
            line(&subject, style.subject_line, family, AlignmentType::Center)
                .line_spacing(single_spacing(style.subject_line_space_before, 0.0)),
        );
    }
    let available = inner(style, style.header_left_width);
    if let Some(secrecy) = doc.secrecy {
        let text_width = mm(FontSet::liberation_serif().width(secrecy.text(), style.mark));
        let width = text_width + 2.0 * style.cell_padding;
        paragraphs.push(stamp(style, secrecy.text(), available, width, "000000"));
    }
    if let Some(urgency) = doc.urgency {
        let (width, _) = urgency.box_size();
        // Urgency stamps are bright red (App. I III.2).
        paragraphs.push(stamp(style, urgency.text(), available, width, "FF0000"));
    }
    paragraphs
}

/// A boxed mark (ô 10a, 10b): text centred in a single-line rectangle.
fn stamp(style: &Style, text: &str, available: f32, width: f32, color: &str) -> Paragraph {
    let (left, right) = centred_band(available, width);
    let mut p = line(text, style.mark, style.font_family, AlignmentType::Center)
        .color(color)
        .indent(Some(left), None, Some(right), None)
        .line_spacing(single_spacing(style.subject_line_space_before, 0.0));
    let mut borders = ParagraphBorders::with_empty();
    for position in [
        ParagraphBorderPosition::Top,
        ParagraphBorderPosition::Left,
        ParagraphBorderPosition::Bottom,
        ParagraphBorderPosition::Right,
    ] {
        let border = ParagraphBorder::new(position)
            .val(BorderType::Single)
            .size(eighths(style.rule_thickness))
            .space(1)
            .color(color);
        borders = borders.set(border);
    }
    p.property = p.property.set_borders(borders);
    p
}

fn date(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let gap = single_spacing(style.header_rule_space_after, 0.0);
    vec![line(
        &doc.place_date_line(),
        style.place_date,
        style.font_family,
        AlignmentType::Center,
    )
    .line_spacing(gap)]
}

/// Border widths are in eighths of a point.
pub fn eighths(points: f32) -> usize {
    (points * 8.0).round() as usize
}

fn mm(points: f32) -> f32 {
    vanban::style::pt_to_mm(points)
}
