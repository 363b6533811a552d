//! Ô 7 and 9b: Nơi nhận beside the signature block, in a borderless table
//! whose single row cannot split across pages.

use docx_rs::{AlignmentType, Paragraph, TableRow};
use vanban::Document;

use crate::table::{cell, layout_table};
use crate::text::{line, paragraph, single_spacing};

pub fn signature_table(doc: &Document) -> docx_rs::Table {
    let style = &doc.style;
    let widths = [style.recipients_width, style.signer_width()];
    let row = TableRow::new(vec![
        cell(widths[0], recipients(doc)),
        cell(widths[1], signer(doc)),
    ])
    .cant_split();
    layout_table(style, &widths, vec![row], 0.0)
}

fn recipients(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    let mut paragraphs = vec![line(
        "Nơi nhận:",
        style.recipients_label,
        family,
        AlignmentType::Left,
    )
    .line_spacing(single_spacing(style.space_before_signature, 0.0))
    .keep_next(true)];
    for text in doc.recipient_lines() {
        paragraphs.push(line(&text, style.recipients, family, AlignmentType::Left).keep_next(true));
    }
    if let Some(drafter) = doc.drafter_line() {
        paragraphs.push(line(&drafter, style.drafter, family, AlignmentType::Left));
    }
    paragraphs
}

fn signer(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    let signer = &doc.signer;
    let mut paragraphs: Vec<Paragraph> = signer
        .authority
        .iter()
        .chain(std::iter::once(&signer.title))
        .map(|text| {
            line(text, style.signer_authority, family, AlignmentType::Center).keep_next(true)
        })
        .collect();
    if let Some(first) = paragraphs.first_mut() {
        // Level with "Nơi nhận:" in the left column.
        *first = first
            .clone()
            .line_spacing(single_spacing(style.space_before_signature, 0.0));
    }
    // Room for the signature and the seal (ô 7c, 8).
    for _ in 0..style.signature_gap_lines {
        paragraphs
            .push(paragraph(style.signer_name, family, AlignmentType::Center).keep_next(true));
    }
    paragraphs.push(line(
        &signer.name,
        style.signer_name,
        family,
        AlignmentType::Center,
    ));
    paragraphs
}
