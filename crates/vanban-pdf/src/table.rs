//! GFM tables in the body: columns sized by `vanban::table_layout` (as in
//! the DOCX) over the text width, single
//! borders, a bold header row that is repeated on every page the table
//! continues on. Each row is one pageable block; a row taller than a page
//! is cut between lines into several.

use vanban::metrics::FontSet;
use vanban::model::{Align as CellAlign, Span, Table};
use vanban::style::{mm_to_pt, Style, TextStyle};

use crate::flow::{Block, Mark, Para};
use crate::layout::{set, Align, Frame};
use crate::stack::line_block;

pub fn table(style: &Style, fonts: &FontSet, t: &Table) -> Para {
    let edges = column_edges(style, fonts, t);
    let header = Row::set(style, fonts, t, &t.header, style.table_header, true, &edges);
    let header = header.block(style, &edges, 0.0, header.height, true);
    // Room for a row under the repeated header on a page of its own.
    let room = (mm_to_pt(style.text_height()) - header.height).max(header.height);
    let mut blocks = vec![header.clone()];
    for r in &t.rows {
        let row = Row::set(style, fonts, t, r, style.table_text, false, &edges);
        if row.height <= room {
            blocks.push(row.block(style, &edges, 0.0, row.height, true));
            continue;
        }
        // Pieces a line high, so pages can break anywhere in the row; only
        // the row's own top and bottom get horizontal borders.
        let cuts = row.cuts(room);
        let last = cuts.len() - 2;
        blocks.extend(cuts.windows(2).enumerate().map(|(i, w)| {
            let mut b = row.block(style, &edges, w[0], w[1], i == 0);
            if i < last {
                b.marks
                    .retain(|m| !matches!(m, Mark::Stroke { y1, y2, .. } if y1 == y2 && *y1 > 0.0));
            }
            b
        }));
    }
    Para {
        blocks,
        space_before: style.paragraph_spacing,
        repeat: Some(header),
        cut_border: Some((
            mm_to_pt(style.margins.left),
            mm_to_pt(style.margins.left + style.text_width()),
            style.rule_thickness,
        )),
        ..Para::default()
    }
}

/// The x of each column's left edge and of the table's right edge, pt.
fn column_edges(style: &Style, fonts: &FontSet, t: &Table) -> Vec<f32> {
    let mut x = mm_to_pt(style.margins.left);
    let mut edges = vec![x];
    for width in vanban::table_layout::column_widths_pt(t, style, fonts) {
        x += width;
        edges.push(x);
    }
    edges
}

/// A set row: each cell's lines as blocks with their tops.
struct Row {
    cells: Vec<Vec<(f32, Block)>>,
    height: f32,
}

impl Row {
    fn set(
        style: &Style,
        fonts: &FontSet,
        t: &Table,
        cells: &[Vec<Span>],
        base: TextStyle,
        header: bool,
        edges: &[f32],
    ) -> Row {
        let columns = edges.len() - 1;
        let pad = mm_to_pt(style.cell_padding);
        // Vertical room inside a cell: half the body's paragraph spacing.
        let vpad = style.paragraph_spacing / 2.0;
        let mut height: f32 = 0.0;
        let mut set_cells = Vec::with_capacity(columns);
        for i in 0..columns {
            let spans = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
            let align = match (header, t.align.get(i).copied().unwrap_or_default()) {
                (true, _) | (_, CellAlign::Center) => Align::Center,
                (_, CellAlign::Right) => Align::Right,
                (_, CellAlign::Left) => Align::Left,
            };
            let runs: Vec<(String, TextStyle)> = spans
                .iter()
                .map(|s| (s.text.clone(), s.style_over(base)))
                .collect();
            let frame = Frame {
                x: edges[i] + pad,
                width: edges[i + 1] - edges[i] - 2.0 * pad,
                indent: 0.0,
                align,
                spacing: 1.0,
            };
            let mut y = vpad;
            let mut lines = Vec::new();
            for line in set(fonts, &runs, base, frame) {
                let block = line_block(line, false);
                let h = block.height;
                lines.push((y, block));
                y += h;
            }
            height = height.max(y + vpad);
            set_cells.push(lines);
        }
        Row {
            cells: set_cells,
            height,
        }
    }

    /// Where the row may be cut: between lines, never through one (unless
    /// a single line is taller than `room`).
    fn cuts(&self, room: f32) -> Vec<f32> {
        let mut cuts = vec![0.0];
        let lines: Vec<(f32, f32)> = self
            .cells
            .iter()
            .flatten()
            .map(|(top, b)| (*top, top + b.height))
            .collect();
        let clean = |y: f32| lines.iter().all(|(t, b)| y <= *t + 0.01 || y >= *b - 0.01);
        let mut candidates: Vec<f32> = lines.iter().map(|l| l.1).filter(|y| clean(*y)).collect();
        candidates.sort_by(f32::total_cmp);
        // The last line stays with the cell padding under it.
        let end = lines.iter().map(|l| l.1).fold(0.0, f32::max);
        let mut at = 0.0;
        for y in candidates {
            if y > at + 0.01 && y < end - 0.01 {
                // A gap wider than a page (one huge line) is cut where it must be.
                while y - at > room {
                    at += room;
                    cuts.push(at);
                }
                at = y;
                cuts.push(y);
            }
        }
        while self.height - at > room {
            at += room;
            cuts.push(at);
        }
        cuts.push(self.height);
        cuts
    }

    /// The part of the row between `from` and `to` as a bordered block;
    /// `top_border` draws the border above it.
    fn block(&self, style: &Style, edges: &[f32], from: f32, to: f32, top_border: bool) -> Block {
        let mut marks = Vec::new();
        for (top, line) in self.cells.iter().flatten() {
            if *top >= from - 0.01 && *top < to - 0.01 {
                marks.extend(line.shifted(top - from));
            }
        }
        let height = to - from;
        let line = style.rule_thickness;
        let (left, right) = (edges[0], edges[edges.len() - 1]);
        for y in [0.0, height] {
            if y == 0.0 && !top_border {
                continue;
            }
            marks.push(Mark::Stroke {
                x1: left,
                y1: y,
                x2: right,
                y2: y,
                width: line,
            });
        }
        for &x in edges {
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
}
