//! Ô 7, 9b and 12: Nơi nhận beside the signature block, in a borderless
//! row that stays on one page (and only splits when taller than a page).
//! A Biên bản (template 1.9) has two signers side by side, THƯ KÝ left and
//! CHỦ TỌA right, with Nơi nhận under the secretary; a Giấy nghỉ phép
//! (1.10) puts the place of leave's confirmation where the secretary signs.

use super::plan::*;
use super::{pictures, stack_height};
use crate::metrics::FontSet;
use crate::model::{Recipient, RecipientLayout, Signer};
use crate::style::{pt_to_mm, Style, TextStyle};

use crate::Document;

pub fn signature(doc: &Document, fonts: &FontSet) -> Table {
    let style = &doc.style;
    if let Some(secretary) = &doc.secretary {
        let column = signer_column(doc);
        return two_blocks(doc, fonts, signer(doc, fonts, secretary, column, false));
    }
    if let Some(confirmation) = &doc.confirmation {
        return two_blocks(doc, fonts, confirming(doc, confirmation));
    }
    let columns = vec![style.recipients_width, style.signer_width()];
    let inner_width = style.recipients_width - 2.0 * style.cell_padding;
    let mut cells = vec![
        recipients(doc, fonts, inner_width),
        signer(doc, fonts, &doc.signer, signer_column(doc), true),
    ];
    // Kept on one page while it fits one; a longer list of recipients
    // continues on the next page, as in Word.
    let inner = |i: usize| columns[i] - 2.0 * style.cell_padding;
    let tallest = (0..2)
        .map(|i| stack_height(fonts, &cells[i], inner(i)))
        .fold(0.0, f32::max);
    pictures::keep_in_row(fonts, &mut cells[1], inner(1), tallest);
    let cant_split = tallest <= style.text_height_pt();
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

/// Nơi nhận in a column `width` mm wide: each item `- …;`, a note on a
/// line of its own centred and italic, a brace joining a group's lines with
/// its note beside it; then the Lưu line and the drafter.
fn recipients(doc: &Document, fonts: &FontSet, width: f32) -> Vec<Paragraph> {
    let style = &doc.style;
    let mut paragraphs = vec![
        Paragraph::text("Nơi nhận:", style.recipients_label, Align::Left)
            .spacing(Spacing::single(style.space_before_signature, 0.0))
            .keep_with_next(),
    ];
    for recipient in &doc.recipients {
        let lines = recipient.lines();
        match recipient.layout {
            RecipientLayout::Brace => {
                paragraphs.push(braced(style, fonts, recipient, width));
            }
            RecipientLayout::NoteLine if lines.len() == 2 => {
                paragraphs.push(Paragraph::text(&lines[0], style.recipients, Align::Left));
                let note = TextStyle {
                    italic: true,
                    ..style.recipients
                };
                paragraphs.push(Paragraph::text(&lines[1], note, Align::Center));
            }
            _ => paragraphs.extend(
                lines
                    .iter()
                    .map(|text| Paragraph::text(text, style.recipients, Align::Left)),
            ),
        }
    }
    paragraphs.push(Paragraph::text(
        &doc.archive_line(),
        style.recipients,
        Align::Left,
    ));
    if let Some(drafter) = doc.drafter_line() {
        paragraphs.push(Paragraph::text(&drafter, style.drafter, Align::Left));
    }
    paragraphs
}

/// Two blocks in halves of the text width (`left`, the signer right), Nơi
/// nhận under the left one in the same cell: one row, so the blocks never
/// stand on one page and their Nơi nhận on the next (a page breaks between
/// two rows, and LibreOffice and our PDF chose differently where). The left
/// block is first made as tall as the signer's, so that Nơi nhận starts
/// below both and a confirmer has room to sign. Kept on one page while it
/// fits one.
fn two_blocks(doc: &Document, fonts: &FontSet, mut left: Vec<Paragraph>) -> Table {
    let style = &doc.style;
    let half = style.text_width() / 2.0;
    let columns = vec![half, half];
    let right = signer(doc, fonts, &doc.signer, signer_column(doc), true);
    let inner = half - 2.0 * style.cell_padding;
    let short = stack_height(fonts, &right, inner) - stack_height(fonts, &left, inner);
    let line = stack_height(fonts, &[Paragraph::new(style.signer_name)], inner);
    let lines = (short / line).round().max(0.0) as usize;
    left.extend((0..lines).map(|_| Paragraph::new(style.signer_name)));
    left.extend(recipients(doc, fonts, inner));
    let fits = stack_height(fonts, &left, inner) <= style.text_height_pt();
    let row = stack_height(fonts, &left, inner).max(stack_height(fonts, &right, inner));
    let mut right = right;
    pictures::keep_in_row(fonts, &mut left, inner, row);
    pictures::keep_in_row(fonts, &mut right, inner, row);
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

/// A group's names each on its line, a brace as tall as they are to their
/// right and the note beside it (`} (để b/c)`), in a column `width` mm wide:
/// the names take what they need (at most what leaves the note a third),
/// the brace its glyph's width, the note the rest.
fn braced(style: &Style, fonts: &FontSet, recipient: &Recipient, width: f32) -> Paragraph {
    let text = recipient
        .names
        .iter()
        .map(|n| format!("- {n};"))
        .collect::<Vec<_>>()
        .join("\n");
    let note = format!("({})", recipient.note.as_deref().unwrap_or(""));
    let text_width = super::widest_line(fonts, &text, style.recipients, width)
        .min(width * 2.0 / 3.0 - 2.0)
        .max(width / 3.0);
    let mut names = Paragraph::text(&text, style.recipients, Align::Left);
    let height = super::stack_height(fonts, std::slice::from_ref(&names), text_width);
    // The brace's line as tall as the names' lines, in half-points (as the
    // DOCX holds sizes), never taller.
    let single = fonts.face_for(style.recipients).line_height(1.0);
    let glyph = TextStyle {
        size: ((height / single) * 2.0).floor() / 2.0,
        bold: false,
        italic: false,
    };
    let brace_width = pt_to_mm(fonts.width("}", glyph)) + 1.0;
    let note_width = width - text_width - brace_width;
    let mut note = Paragraph::text(&note, style.recipients, Align::Left);
    note.indent = Indent::default();
    names.keep.together = true;
    names.brace = Some(Box::new(Brace {
        text_width,
        brace_width,
        note_width,
        glyph,
        note,
    }));
    names
}

/// Who confirms the leave, level with the signer's first line, and
/// `(Ký tên, đóng dấu)` under it; the space below is for their signature.
fn confirming(doc: &Document, who: &str) -> Vec<Paragraph> {
    let style = &doc.style;
    let mut title = Paragraph::text(who, style.confirmation, Align::Center).keep_with_next();
    title.spacing.before = style.space_before_signature;
    let note = Paragraph::text("(Ký tên, đóng dấu)", style.confirmation_note, Align::Center);
    vec![title, note]
}

/// The width of the signer's column inside its cell padding, mm: the
/// right half beside a secretary or a confirmation, else what Nơi nhận
/// leaves.
pub fn signer_column(doc: &Document) -> f32 {
    column_width(
        &doc.style,
        doc.secretary.is_some() || doc.confirmation.is_some(),
    )
}

/// [`signer_column`] from the style and whether a block stands `beside`
/// the signer.
pub fn column_width(style: &Style, beside: bool) -> f32 {
    let cell = if beside {
        style.text_width() / 2.0
    } else {
        style.signer_width()
    };
    cell - 2.0 * style.cell_padding
}

/// A signer's block: authority and title, the gap with the signature and
/// (for the document's own signer, `main`) the seal floating over it, the
/// name.
fn signer(
    doc: &Document,
    fonts: &FontSet,
    signer: &Signer,
    column: f32,
    main: bool,
) -> Vec<Paragraph> {
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
    for i in 0..style.signature_gap_lines {
        let mut gap = Paragraph::new(style.signer_name).keep_with_next();
        gap.align = Align::Center;
        if i == 0 {
            let seal = doc.seal.as_ref().filter(|_| main);
            if main {
                gap.pictures.push(pictures::gap(style, fonts, column));
            }
            gap.pictures.extend(pictures::pictures(
                style,
                fonts,
                signer.signature_image.as_ref(),
                seal,
                column,
            ));
        }
        paragraphs.push(gap);
    }
    paragraphs.push(Paragraph::text(
        &signer.name,
        style.signer_name,
        Align::Center,
    ));
    paragraphs
}
