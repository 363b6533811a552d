//! Ô 7, 9b and 12: Nơi nhận beside the signature block, in a borderless
//! row that stays on one page (and only splits when taller than a page).
//! A Biên bản (template 1.9) has two signers side by side, THƯ KÝ left and
//! CHỦ TỌA right, with Nơi nhận under the secretary.

use super::plan::*;
use super::stack_height;
use crate::metrics::FontSet;
use crate::model::Signer;
use crate::style::mm_to_pt;
use crate::Document;

pub fn signature(doc: &Document, fonts: &FontSet) -> Table {
    let style = &doc.style;
    if let Some(secretary) = &doc.secretary {
        return two_signers(doc, fonts, secretary);
    }
    let columns = vec![style.recipients_width, style.signer_width()];
    let cells = vec![recipients(doc), signer(doc, &doc.signer)];
    // Kept on one page while it fits one; a longer list of recipients
    // continues on the next page, as in Word.
    let inner = |i: usize| columns[i] - 2.0 * style.cell_padding;
    let tallest = (0..2)
        .map(|i| stack_height(fonts, &cells[i], inner(i)))
        .fold(0.0, f32::max);
    let cant_split = tallest <= mm_to_pt(style.text_height());
    borderless(
        doc,
        columns,
        vec![Row {
            cells,
            repeat: false,
            cant_split,
        }],
    )
}

/// The signature zone's table: no borders, "Nơi nhận:" at the margin.
fn borderless(doc: &Document, columns: Vec<f32>, rows: Vec<Row>) -> Table {
    let style = &doc.style;
    Table {
        columns,
        indent: -style.cell_padding,
        padding: CellPadding {
            horizontal: style.cell_padding,
            vertical: 0.0,
        },
        borders: None,
        rows,
    }
}

fn recipients(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let mut paragraphs = vec![
        Paragraph::text("Nơi nhận:", style.recipients_label, Align::Left)
            .spacing(Spacing::single(style.space_before_signature, 0.0))
            .keep_with_next(),
    ];
    for text in doc.recipient_lines() {
        paragraphs.push(Paragraph::text(&text, style.recipients, Align::Left));
    }
    if let Some(drafter) = doc.drafter_line() {
        paragraphs.push(Paragraph::text(&drafter, style.drafter, Align::Left));
    }
    paragraphs
}

/// Two signature blocks in halves of the text width (secretary left, chair
/// right), Nơi nhận under the secretary in the same cell: one row, so the
/// signers never stand on one page and their Nơi nhận on the next (a page
/// breaks between two rows, and LibreOffice and our PDF chose differently
/// where). Kept on one page while it fits one.
fn two_signers(doc: &Document, fonts: &FontSet, secretary: &Signer) -> Table {
    let style = &doc.style;
    let half = style.text_width() / 2.0;
    let columns = vec![half, half];
    let mut left = signer(doc, secretary);
    left.extend(recipients(doc));
    let right = signer(doc, &doc.signer);
    let inner = half - 2.0 * style.cell_padding;
    let fits = stack_height(fonts, &left, inner) <= mm_to_pt(style.text_height());
    borderless(
        doc,
        columns,
        vec![Row {
            cells: vec![left, right],
            repeat: false,
            cant_split: fits,
        }],
    )
}

fn signer(doc: &Document, signer: &Signer) -> Vec<Paragraph> {
    let style = &doc.style;
    let mut paragraphs: Vec<Paragraph> = signer
        .authority
        .iter()
        .chain(std::iter::once(&signer.title))
        .map(|text| Paragraph::text(text, style.signer_authority, Align::Center).keep_with_next())
        .collect();
    if let Some(first) = paragraphs.first_mut() {
        // Level with "Nơi nhận:" in the left column.
        first.spacing.before = style.space_before_signature;
    }
    // Room for the signature and the seal (ô 7c, 8).
    for _ in 0..style.signature_gap_lines {
        let mut gap = Paragraph::new(style.signer_name).keep_with_next();
        gap.align = Align::Center;
        paragraphs.push(gap);
    }
    paragraphs.push(Paragraph::text(
        &signer.name,
        style.signer_name,
        Align::Center,
    ));
    paragraphs
}
