//! GFM tables in the body: equal columns over the text width, single
//! borders, a bold header row that is repeated on every page the table
//! continues on. Each row is one pageable block.

use vanban::metrics::FontSet;
use vanban::model::{Align as CellAlign, Span, Table};
use vanban::style::{mm_to_pt, Style, TextStyle};

use crate::flow::{Block, Mark, Para};
use crate::layout::{set, Align, Frame};
use crate::stack::Stack;

pub fn table(style: &Style, fonts: &FontSet, t: &Table) -> Para {
    let columns = t.header.len().max(1);
    let header = row(
        style,
        fonts,
        t,
        &t.header,
        style.table_header,
        true,
        columns,
    );
    let rows: Vec<Block> = t
        .rows
        .iter()
        .map(|r| row(style, fonts, t, r, style.table_text, false, columns))
        .collect();
    let mut blocks = vec![header.clone()];
    blocks.extend(rows);
    Para {
        blocks,
        space_before: style.paragraph_spacing,
        repeat: Some(header),
        ..Para::default()
    }
}

fn row(
    style: &Style,
    fonts: &FontSet,
    t: &Table,
    cells: &[Vec<Span>],
    base: TextStyle,
    header: bool,
    columns: usize,
) -> Block {
    let left = mm_to_pt(style.margins.left);
    let width = mm_to_pt(style.text_width()) / columns as f32;
    let pad = mm_to_pt(style.cell_padding);
    // Vertical room inside a cell: the paragraph spacing the body uses, halved.
    let vpad = style.paragraph_spacing / 2.0;
    let mut marks = Vec::new();
    let mut height: f32 = 0.0;
    for i in 0..columns {
        let spans = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let align = match (header, t.align.get(i).copied().unwrap_or_default()) {
            (true, _) | (_, CellAlign::Center) => Align::Center,
            (_, CellAlign::Right) => Align::Right,
            (_, CellAlign::Left) => Align::Left,
        };
        let runs: Vec<(String, TextStyle)> = spans
            .iter()
            .map(|s| {
                (
                    s.text.clone(),
                    TextStyle {
                        bold: base.bold || s.bold,
                        italic: base.italic || s.italic,
                        ..base
                    },
                )
            })
            .collect();
        let frame = Frame {
            x: left + i as f32 * width + pad,
            width: width - 2.0 * pad,
            indent: 0.0,
            align,
            spacing: 1.0,
        };
        let mut stack = Stack {
            y: vpad,
            ..Stack::default()
        };
        stack.lines(set(fonts, &runs, base, frame), false);
        height = height.max(stack.y + vpad);
        marks.extend(stack.marks);
    }
    let line = style.rule_thickness;
    let right = left + width * columns as f32;
    for y in [0.0, height] {
        marks.push(Mark::Stroke {
            x1: left,
            y1: y,
            x2: right,
            y2: y,
            width: line,
        });
    }
    for i in 0..=columns {
        let x = left + i as f32 * width;
        marks.push(Mark::Stroke {
            x1: x,
            y1: 0.0,
            x2: x,
            y2: height,
            width: line,
        });
    }
    Block { height, marks }
}
