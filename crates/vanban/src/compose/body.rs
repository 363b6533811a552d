//! Ô 6: the body's headings, paragraphs and tables, with the decree's text
//! styles for each level and the keep rules that hold headings to their text.

use super::columns::column_widths;
use super::plan::{self, *};
use crate::metrics::FontSet;
use crate::model::{Align as CellAlign, Block as Body, Heading, Level, Span};
use crate::style::{Style, TextStyle};

pub struct Composed {
    pub blocks: Vec<Block>,
    /// A page break after the last block, for what follows the body.
    pub page_break_pending: bool,
}

pub fn body(style: &Style, fonts: &FontSet, body: &[Body]) -> Composed {
    let mut blocks = Vec::new();
    let mut page_break = false;
    for block in body {
        let first = blocks.len();
        match block {
            Body::Heading(h) if h.level == Level::Part => {
                blocks.extend(part(style, h).map(Block::Paragraph));
            }
            Body::Heading(h) => {
                let text_style = match h.level {
                    Level::Part => style.part_heading,
                    Level::Section => style.section_heading,
                    Level::Clause => style.clause_heading,
                    Level::Article => style.article,
                    Level::Point => style.point,
                };
                let mut p = body_paragraph(style, text_style, &h.spans());
                // A titled heading stays with its text; a điểm is text itself.
                p.keep.with_next = h.level != Level::Point;
                blocks.push(Block::Paragraph(p));
            }
            Body::Paragraph(p) => blocks.push(Block::Paragraph(body_paragraph(
                style,
                style.body,
                &p.spans(),
            ))),
            Body::Table(t) => {
                // Word has no space above a table: an empty paragraph exactly
                // the paragraph spacing high stands in, kept with the table.
                let mut spacer = spacer(style);
                spacer.keep.with_next = true;
                blocks.push(Block::Paragraph(spacer));
                blocks.push(Block::Table(table(style, fonts, t)));
            }
            Body::PageBreak => {
                page_break = true;
                continue;
            }
        }
        if std::mem::take(&mut page_break) {
            if let Some(Block::Paragraph(p)) = blocks.get_mut(first) {
                p.keep.page_break_before = true;
            }
        }
    }
    Composed {
        blocks,
        page_break_pending: page_break,
    }
}

/// An empty paragraph exactly the paragraph spacing high.
pub fn spacer(style: &Style) -> Paragraph {
    Paragraph::new(style.body).spacing(Spacing {
        before: 0.0,
        after: 0.0,
        line: LineHeight::Exact(style.paragraph_spacing),
    })
}

/// A part (Phần): its label and its title centred on lines of their own,
/// kept with what follows.
fn part(style: &Style, heading: &Heading) -> [Paragraph; 2] {
    let title = crate::model::plain_text(&heading.content);
    let line = LineHeight::Multiple(style.line_spacing);
    let mut label = Paragraph::text(&heading.label, style.part_heading, Align::Center)
        .spacing(Spacing {
            before: style.paragraph_spacing,
            after: 0.0,
            line,
        })
        .keep_with_next();
    label.keep.together = true;
    let title = Paragraph::text(&title, style.part_heading, Align::Center)
        .spacing(Spacing {
            before: 0.0,
            after: 0.0,
            line,
        })
        .keep_with_next();
    [label, title]
}

/// A justified paragraph with the first-line indent and spacing of the style
/// sheet; spans add their emphasis to the level's style.
pub fn body_paragraph(style: &Style, text_style: TextStyle, spans: &[Span]) -> Paragraph {
    Paragraph {
        runs: runs(spans, text_style),
        align: Align::Justify,
        indent: Indent {
            first_line: style.first_line_indent,
            ..Indent::default()
        },
        spacing: Spacing {
            before: style.paragraph_spacing,
            after: 0.0,
            line: LineHeight::Multiple(style.line_spacing),
        },
        keep: Keep {
            widow_control: true,
            ..Keep::default()
        },
        ..Paragraph::new(text_style)
    }
}

fn runs(spans: &[Span], base: TextStyle) -> Vec<Run> {
    spans
        .iter()
        .map(|s| Run {
            text: s.text.clone(),
            style: s.style_over(base),
            color: Color::Black,
        })
        .collect()
}

/// A GFM table: single borders, a bold header row repeated on each page,
/// columns from [`column_widths`], rows that never split if they fit a page.
fn table(style: &Style, fonts: &FontSet, t: &crate::model::Table) -> plan::Table {
    let columns = column_widths(t, style, fonts);
    let row = |cells: &[Vec<Span>], text_style: TextStyle, header: bool| Row {
        cells: (0..columns.len())
            .map(|i| {
                let spans = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
                let align = match (header, t.align.get(i).copied().unwrap_or_default()) {
                    (true, _) | (_, CellAlign::Center) => Align::Center,
                    (_, CellAlign::Right) => Align::Right,
                    (_, CellAlign::Left) => Align::Left,
                };
                vec![Paragraph {
                    runs: runs(spans, text_style),
                    align,
                    ..Paragraph::new(text_style)
                }]
            })
            .collect(),
        repeat: header,
        cant_split: true,
    };
    let mut rows = vec![row(&t.header, style.table_header, true)];
    rows.extend(t.rows.iter().map(|r| row(r, style.table_text, false)));
    plan::Table {
        columns,
        indent: 0.0,
        padding: CellPadding {
            horizontal: style.cell_padding,
            // Room above and below cell text: half the paragraph spacing.
            vertical: style.paragraph_spacing / 2.0,
        },
        borders: Some(style.rule_thickness),
        rows,
    }
}
