//! Composition: a [`Document`] laid out once, for every backend. From the
//! document, its style sheet and the fonts it will be set in, this stage
//! decides every measure of the page — the header grid (lines, rules,
//! stamps, gaps), the title block, body paragraphs with their text styles and
//! keep rules, tables with their column widths, the signature block — and
//! hands a [`Composition`] to the backends. The DOCX backend writes it as it
//! stands; the PDF backend breaks its lines (with [`linebreak`], the same
//! line breaker every measured decision here uses) and paginates.
//!
//! `header` (ô 1–4, 10), `title` (ô 5, 9a, căn cứ), `body` (ô 6), `columns`
//! (body table widths), `signature` (ô 7, 9b, 12) and `appendix` (each Phụ
//! lục, a section of its own) each compose one part.

mod appendix;
mod body;
pub mod columns;
pub mod copy;
mod dashes;
mod header;
pub mod linebreak;
pub mod pictures;
pub mod plan;
pub mod signature;
mod stamps;
pub mod symbols;
mod title;

pub use plan::*;

use crate::metrics::FontSet;
use crate::style::{mm_to_pt, pt_to_mm, Style, TextStyle};
use crate::Document;
use linebreak::{set, Frame};

/// Lays out `doc` in `fonts` (those the PDF embeds; the DOCX names the
/// decree's font, whose metrics they share).
pub fn compose(doc: &Document, fonts: &FontSet) -> Composition {
    let style = &doc.style;
    let circulation: Vec<Paragraph> = header::circulation(doc, fonts).into_iter().collect();
    let header = header::header(doc, fonts);
    // The stamps stand under the header, beside the title block.
    let header_foot =
        stack_height(fonts, &circulation, style.text_width()) + table_height(fonts, &header);
    let mut blocks: Vec<Block> = circulation.into_iter().map(Block::Paragraph).collect();
    blocks.push(Block::Table(header));
    let title_from = blocks.len();
    let floats = stamps::stamps(doc, fonts, header_foot, title_from);
    blocks.extend(title::title(doc, fonts));
    blocks.extend(title::addressees(doc, fonts));
    blocks.extend(title::bases(doc));
    blocks.extend(title::enacting_word(doc));
    let body = body::body(style, fonts, &doc.body);
    blocks.extend(body.blocks);
    stamps::make_room(style, fonts, &mut blocks, title_from, header_foot, &floats);
    if body.page_break_pending {
        // A `---` after the last block: the signature starts a new page.
        let mut spacer = body::spacer(style);
        spacer.keep.page_break_before = true;
        blocks.push(Block::Paragraph(spacer));
    }
    let signature = signature::signature(doc, fonts);
    let signature_fits_a_page = signature.rows.iter().all(|r| r.cant_split);
    if let Some(Block::Paragraph(last)) = blocks.last_mut() {
        // The body's last paragraph goes with the signature block to a new
        // page, whole, so the signer never stands alone; a block longer than
        // a page simply follows it.
        if signature_fits_a_page && !body.page_break_pending {
            last.keep.with_next = true;
            last.keep.together = true;
        }
    }
    blocks.push(Block::Table(signature));
    let mut sections = vec![Section {
        page: Page {
            width: style.page_width,
            height: style.page_height,
            landscape: false,
            margins: style.margins,
            header_distance: style.header_distance,
        },
        blocks,
        floats,
        page_number: style.page_number,
    }];
    sections.extend(
        doc.appendices
            .iter()
            .map(|a| appendix::appendix(doc, fonts, a)),
    );
    Composition { sections }
}

/// How to render, for either writer: the four faces lines are measured in
/// and the PDF sets and embeds. The DOCX names the decree's font, whose
/// metrics the built-in Liberation Serif has.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    pub fonts: &'a FontSet,
}

impl Default for Options<'static> {
    /// The built-in Liberation Serif (Times New Roman's metrics).
    fn default() -> Self {
        Options {
            fonts: FontSet::liberation_serif(),
        }
    }
}

/// The width (mm) of the widest line of `text` set in `style` in a column
/// `width` mm wide, broken as the backends break it.
pub fn widest_line(fonts: &FontSet, text: &str, style: TextStyle, width: f32) -> f32 {
    let frame = Frame {
        x: 0.0,
        width: mm_to_pt(width),
        indent: 0.0,
        align: Align::Left,
        spacing: 1.0,
    };
    let widest = set(fonts, &[(text.to_string(), style)], style, frame)
        .iter()
        .map(|line| line.width(fonts))
        .fold(0.0, f32::max);
    pt_to_mm(widest)
}

/// The space a paragraph adds above itself under one whose space after is
/// `after_previous` (already counted with that paragraph's last line):
/// between two paragraphs the larger of the two spacings applies, not their
/// sum (ECMA-376 §17.3.1.33, as Word and LibreOffice lay a DOCX out).
pub fn collapsed_before(before: f32, after_previous: f32) -> f32 {
    (before - after_previous).max(0.0)
}

/// The height (pt) of paragraphs stacked in a column `width` mm wide, their
/// lines broken as the backends break them.
pub fn stack_height(fonts: &FontSet, paragraphs: &[Paragraph], width: f32) -> f32 {
    let mut after_previous = 0.0;
    paragraphs
        .iter()
        .map(|p| {
            let before = collapsed_before(p.spacing.before, after_previous);
            after_previous = p.spacing.after;
            let frame = Frame {
                x: 0.0,
                width: mm_to_pt(width) - mm_to_pt(p.indent.left) - mm_to_pt(p.indent.right),
                indent: mm_to_pt(p.indent.first_line),
                align: p.align,
                spacing: 1.0,
            };
            let lines = set(fonts, &p.styled_text(), p.mark, frame);
            let text: f32 = match p.spacing.line {
                LineHeight::Exact(h) => h * lines.len() as f32,
                LineHeight::Multiple(m) => lines.iter().map(|l| l.height * m).sum(),
            };
            let border = p.border.map_or(0.0, |b| match b.sides {
                Sides::Bottom => b.width + b.space,
                Sides::Box => 2.0 * (b.width + b.space),
            });
            before + text + border + p.spacing.after
        })
        .sum()
}

/// The height (pt) of a table whose rows are not split: each row as tall as
/// its tallest cell.
pub fn table_height(fonts: &FontSet, table: &Table) -> f32 {
    table
        .rows
        .iter()
        .map(|row| {
            row.cells
                .iter()
                .zip(&table.columns)
                .map(|(cell, width)| {
                    stack_height(fonts, cell, width - 2.0 * table.padding.horizontal)
                })
                .fold(0.0, f32::max)
                + 2.0 * table.padding.vertical
                // A bordered row holds its top border (as the PDF sets it).
                + table.borders.unwrap_or(0.0)
        })
        .sum()
}

/// A centred rule `length` mm long in a column `available` mm wide: the
/// bottom border of an empty, tiny paragraph, so it sits just under the text
/// above (never underscores).
fn rule(style: &Style, available: f32, length: f32) -> Paragraph {
    let tiny = TextStyle {
        size: style.rule_paragraph_size,
        bold: false,
        italic: false,
    };
    let side = ((available - length) / 2.0).max(0.0);
    Paragraph {
        align: Align::Center,
        indent: Indent {
            left: side,
            right: side,
            first_line: 0.0,
        },
        border: Some(Border {
            sides: Sides::Bottom,
            width: style.rule_thickness,
            space: 0.0,
            color: Color::Black,
        }),
        ..Paragraph::new(tiny)
    }
}
