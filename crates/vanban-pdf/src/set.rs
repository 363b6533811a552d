//! The page plan set into lines: each paragraph into line blocks, each table
//! into row blocks, with the keep rules the paginator follows. Every measure
//! comes from the composition; this module only breaks lines (with the
//! composition's own line breaker) and stacks them.

use vanban::compose::linebreak::{set as break_lines, Frame, Line};
use vanban::compose::{
    collapsed_before, Block as Planned, Brace, Color, LineHeight, Paragraph, Section, Sides, Table,
};
use vanban::metrics::FontSet;
use vanban::style::mm_to_pt;

use crate::flow::{Block, Mark, Para, RowPiece};

/// A section as a flow of paragraphs for the paginator.
pub fn flow(section: &Section, fonts: &FontSet) -> Vec<Para> {
    let page = &section.page;
    let column = (mm_to_pt(page.margins.left), page.text_width_pt());
    let capacity = page.text_height_pt();
    let mut after_previous = 0.0;
    section
        .blocks
        .iter()
        .map(|block| match block {
            Planned::Paragraph(p) => {
                let mut para = paragraph(p, fonts, column, capacity);
                para.space_before = collapsed_before(p.spacing.before, after_previous);
                after_previous = p.spacing.after;
                para
            }
            Planned::Table(t) => {
                after_previous = 0.0;
                table(t, fonts, column.0, capacity)
            }
        })
        .collect()
}

/// The section's floats (the stamps) as marks of its first page, `y` from
/// the page's top edge: set in their own frames, outside the flow.
pub fn floats(section: &Section, fonts: &FontSet) -> Vec<Mark> {
    let margins = section.page.margins;
    let mut marks = Vec::new();
    for float in &section.floats {
        let column = (
            mm_to_pt(margins.left) + mm_to_pt(float.x),
            mm_to_pt(float.width),
        );
        let mut y = mm_to_pt(margins.top) + float.y + float.paragraph.spacing.before;
        for block in lines(&float.paragraph, fonts, column) {
            marks.extend(block.shifted(y));
            y += block.height;
        }
    }
    marks
}

fn paragraph(p: &Paragraph, fonts: &FontSet, column: (f32, f32), capacity: f32) -> Para {
    let blocks = lines(p, fonts, column);
    let height: f32 = blocks.iter().map(|b| b.height).sum();
    Para {
        blocks,
        space_before: p.spacing.before,
        keep_next: p.keep.with_next,
        widow_control: p.keep.widow_control,
        // Kept together only while it fits a page; a longer one breaks.
        unbreakable: p.keep.together && height <= capacity,
        page_break_before: p.keep.page_break_before,
        ..Para::default()
    }
}

/// A paragraph's lines as blocks in a column `(x, width)` (pt): its border
/// and the space after it go with its first or last line, so that pages
/// break only between lines.
fn lines(p: &Paragraph, fonts: &FontSet, (x, width): (f32, f32)) -> Vec<Block> {
    if let Some(brace) = &p.brace {
        return braced(p, brace, fonts, x);
    }
    let left = x + mm_to_pt(p.indent.left);
    let frame = Frame {
        x: left,
        width: width - mm_to_pt(p.indent.left) - mm_to_pt(p.indent.right),
        indent: mm_to_pt(p.indent.first_line),
        align: p.align,
        spacing: match p.spacing.line {
            LineHeight::Multiple(m) => m,
            LineHeight::Exact(_) => 1.0,
        },
    };
    let red = p.runs.iter().any(|r| r.color == Color::Red);
    let mut blocks: Vec<Block> = break_lines(fonts, &p.styled_text(), p.mark, frame)
        .into_iter()
        .map(|mut line| {
            if let LineHeight::Exact(h) = p.spacing.line {
                // The text keeps its size; the line its exact height.
                line.ascent = (line.ascent + h - line.height).max(0.0);
                line.height = h;
            }
            line_block(line, red)
        })
        .collect();
    if let Some(border) = p.border {
        let (w, space) = (border.width, border.space);
        let border_red = border.color == Color::Red;
        match border.sides {
            Sides::Bottom => {
                let last = blocks.last_mut().expect("a paragraph has a line");
                last.marks.push(Mark::Rule {
                    x: frame.x,
                    y: last.height + space + w / 2.0,
                    width: frame.width,
                    thickness: w,
                });
                last.height += space + w;
            }
            Sides::Box => {
                // One block: a boxed paragraph never splits.
                let text: f32 = blocks.iter().map(|b| b.height).sum();
                let mut marks = Vec::new();
                let mut y = w + space;
                for b in &blocks {
                    marks.extend(b.shifted(y));
                    y += b.height;
                }
                let height = text + 2.0 * (w + space);
                marks.push(Mark::Frame {
                    x: frame.x - space - w / 2.0,
                    y: w / 2.0,
                    width: frame.width + 2.0 * space + w,
                    height: height - w,
                    line: w,
                    red: border_red,
                });
                blocks = vec![Block {
                    height,
                    marks,
                    row: None,
                }];
            }
        }
    }
    if let Some(first) = blocks.first_mut() {
        // Floating pictures, from the paragraph's top and its column.
        first
            .marks
            .extend(p.pictures.iter().map(|picture| Mark::Picture {
                role: picture.role,
                image: picture.image.clone(),
                x: x + mm_to_pt(picture.place.x),
                y: picture.place.y,
                width: mm_to_pt(picture.place.width),
                height: mm_to_pt(picture.place.height),
            }));
    }
    if let Some(last) = blocks.last_mut() {
        last.height += p.spacing.after;
    }
    blocks
}

/// A paragraph with a brace and a note beside it (see [`Brace`]): its
/// lines, the brace and the note in three columns from `x`, each centred
/// on the tallest, as one block (it never splits).
fn braced(p: &Paragraph, brace: &Brace, fonts: &FontSet, x: f32) -> Vec<Block> {
    let mut lines_only = p.clone();
    lines_only.brace = None;
    let glyph = Paragraph::text("}", brace.glyph, vanban::compose::Align::Left);
    let text_x = x;
    let brace_x = text_x + mm_to_pt(brace.text_width);
    let note_x = brace_x + mm_to_pt(brace.brace_width);
    let columns = [
        lines(&lines_only, fonts, (text_x, mm_to_pt(brace.text_width))),
        lines(&glyph, fonts, (brace_x, mm_to_pt(brace.brace_width))),
        lines(&brace.note, fonts, (note_x, mm_to_pt(brace.note_width))),
    ];
    let heights: Vec<f32> = columns
        .iter()
        .map(|c| c.iter().map(|b| b.height).sum())
        .collect();
    let height = heights.iter().copied().fold(0.0, f32::max);
    let mut marks = Vec::new();
    for (column, own) in columns.iter().zip(&heights) {
        let mut y = (height - own) / 2.0;
        for block in column {
            marks.extend(block.shifted(y));
            y += block.height;
        }
    }
    vec![Block {
        height,
        marks,
        row: None,
    }]
}

/// A line as a pageable block: its runs at its baseline.
pub fn line_block(line: Line, red: bool) -> Block {
    Block {
        height: line.height,
        marks: line
            .runs
            .into_iter()
            .map(|run| Mark::Text {
                baseline: line.ascent,
                run,
                red,
            })
            .collect(),
        row: None,
    }
}

/// A table as a paragraph of rows: each row kept whole one block, the
/// others (and any taller than a page) cut between lines, a header row
/// repeated where the table
/// continues on a new page.
fn table(t: &Table, fonts: &FontSet, margin: f32, capacity: f32) -> Para {
    let mut edges = vec![margin + mm_to_pt(t.indent)];
    for width in &t.columns {
        let last = *edges.last().expect("one edge");
        edges.push(last + mm_to_pt(*width));
    }
    let rows: Vec<SetRow> = t
        .rows
        .iter()
        .map(|row| SetRow::set(t, fonts, &row.cells, &edges))
        .collect();
    let repeat = t
        .rows
        .first()
        .filter(|r| r.repeat)
        .map(|_| rows[0].block(t, &edges, 0.0, rows[0].height, true));
    let room = match &repeat {
        // Room for a row under the repeated header on a page of its own.
        Some(header) => (capacity - header.height).max(header.height),
        None => capacity,
    };
    let mut blocks = Vec::new();
    for (index, (row, plan)) in rows.iter().zip(&t.rows).enumerate() {
        if row.height <= room && plan.cant_split {
            blocks.push(row.block(t, &edges, 0.0, row.height, true));
            continue;
        }
        // Pieces a line high, so pages can break anywhere in the row; only
        // the row's own top and bottom get a border.
        let cuts = row.cuts(room);
        blocks.extend(cuts.windows(2).enumerate().map(|(i, w)| {
            let mut piece = row.block(t, &edges, w[0], w[1], i == 0);
            piece.row = Some(RowPiece {
                row: index,
                first: i == 0,
                cell_ends: row.cell_ends(w[0], w[1]),
            });
            piece
        }));
    }
    // A row's rest on a new page has its top border and cell margin again:
    // the cell edges over that height, the top border drawn by the piece.
    let resume = t.borders.map(|width| {
        let height = width + t.padding.vertical;
        let mut marks: Vec<Mark> = edges
            .iter()
            .map(|&x| Mark::Stroke {
                x1: x,
                y1: 0.0,
                x2: x,
                y2: height,
                width,
            })
            .collect();
        marks.push(Mark::Stroke {
            x1: edges[0],
            y1: 0.0,
            x2: edges[edges.len() - 1],
            y2: 0.0,
            width,
        });
        Block {
            height,
            marks,
            row: None,
        }
    });
    Para {
        blocks,
        repeat,
        resume,
        cut_border: t
            .borders
            .map(|width| (edges[0], edges[edges.len() - 1], width)),
        ..Para::default()
    }
}

/// A set row: each cell's line blocks with their tops.
struct SetRow {
    cells: Vec<Vec<(f32, Block)>>,
    height: f32,
}

impl SetRow {
    fn set(t: &Table, fonts: &FontSet, cells: &[Vec<Paragraph>], edges: &[f32]) -> SetRow {
        let pad = mm_to_pt(t.padding.horizontal);
        let vpad = t.padding.vertical;
        let mut height: f32 = 0.0;
        let mut set_cells = Vec::with_capacity(cells.len());
        for (i, paragraphs) in cells.iter().enumerate().take(edges.len() - 1) {
            let column = (edges[i] + pad, edges[i + 1] - edges[i] - 2.0 * pad);
            // A bordered row holds its top border above the cell margin,
            // as LibreOffice and Word lay a bordered cell out.
            let mut y = t.borders.unwrap_or(0.0) + vpad;
            let mut pieces = Vec::new();
            let mut after_previous = 0.0;
            for p in paragraphs {
                y += collapsed_before(p.spacing.before, after_previous);
                after_previous = p.spacing.after;
                for block in lines(p, fonts, column) {
                    let h = block.height;
                    pieces.push((y, block));
                    y += h;
                }
            }
            height = height.max(y + vpad);
            set_cells.push(pieces);
        }
        SetRow {
            cells: set_cells,
            height,
        }
    }

    /// Where the row may be cut: between lines (pieces a line high, so a
    /// page breaks where it is full), never through one unless a single line
    /// is taller than `room`.
    fn cuts(&self, room: f32) -> Vec<f32> {
        let lines: Vec<(f32, f32)> = self
            .cells
            .iter()
            .flatten()
            .map(|(top, b)| (*top, top + b.height))
            .collect();
        let clean = |y: f32| lines.iter().all(|(t, b)| y <= *t + 0.01 || y >= *b - 0.01);
        let mut ends: Vec<f32> = lines.iter().map(|l| l.1).filter(|y| clean(*y)).collect();
        ends.push(self.height);
        ends.sort_by(f32::total_cmp);
        let mut cuts = vec![0.0];
        let mut at = 0.0;
        for y in ends {
            if y <= at + 0.01 {
                continue;
            }
            while y - at > room {
                at += room;
                cuts.push(at);
            }
            if y > at + 0.01 {
                at = y;
                cuts.push(y);
            }
        }
        if at < self.height - 0.01 {
            cuts.push(self.height);
        }
        cuts
    }

    /// Where each cell's marks end in `block(.., from, to, ..)`'s marks.
    fn cell_ends(&self, from: f32, to: f32) -> Vec<usize> {
        let mut end = 0;
        self.cells
            .iter()
            .map(|cell| {
                end += cell
                    .iter()
                    .filter(|(top, _)| Self::within(*top, from, to))
                    .map(|(_, line)| line.marks.len())
                    .sum::<usize>();
                end
            })
            .collect()
    }

    fn within(top: f32, from: f32, to: f32) -> bool {
        top >= from - 0.01 && top < to - 0.01
    }

    /// The part of the row between `from` and `to` as a block, with the
    /// table's borders (the top one only if `top_border`).
    fn block(&self, t: &Table, edges: &[f32], from: f32, to: f32, top_border: bool) -> Block {
        let mut marks = Vec::new();
        for (top, line) in self.cells.iter().flatten() {
            if Self::within(*top, from, to) {
                marks.extend(line.shifted(top - from));
            }
        }
        let height = to - from;
        if let Some(width) = t.borders {
            let (left, right) = (edges[0], edges[edges.len() - 1]);
            let bottom = to >= self.height - 0.01;
            for (y, drawn) in [(0.0, top_border), (height, bottom)] {
                if !drawn {
                    continue;
                }
                marks.push(Mark::Stroke {
                    x1: left,
                    y1: y,
                    x2: right,
                    y2: y,
                    width,
                });
            }
            for &x in edges {
                marks.push(Mark::Stroke {
                    x1: x,
                    y1: 0.0,
                    x2: x,
                    y2: height,
                    width,
                });
            }
        }
        Block {
            height,
            marks,
            row: None,
        }
    }
}
