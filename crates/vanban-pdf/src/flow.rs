//! What the composer hands the paginator: paragraphs made of unbreakable
//! blocks (lines, table rows) with the keep rules that tie them together.

use std::sync::Arc;

use vanban::compose::linebreak::Run;
use vanban::compose::PictureRole;
use vanban::image::Png;

/// Something drawn inside a block; `y` is measured down from the block's top,
/// `x` from the page's left edge (pt).
#[derive(Clone, Debug)]
pub enum Mark {
    Text {
        baseline: f32,
        run: Run,
        red: bool,
    },
    /// A filled horizontal rule centred on `y`.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
    },
    /// A stroked straight line (table borders).
    Stroke {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A floating picture (signature, seal) or, without an image, the box
    /// of the signer's gap; `y` is its top. Drawn over the text.
    Picture {
        role: PictureRole,
        image: Option<Arc<Png>>,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
    },
    /// A stroked rectangle (urgency and secrecy stamps).
    Frame {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        line: f32,
        red: bool,
    },
}

/// The smallest piece pagination moves: a line or a table row.
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub height: f32,
    pub marks: Vec<Mark>,
    /// Set on the pieces of a table row cut between lines.
    pub row: Option<RowPiece>,
}

/// Where a piece of a cut table row keeps each cell's marks, so the pieces
/// a page holds can be written cell by cell: text is read in the order it
/// is written, and a row's lines interleaved across its cells would read as
/// one cell's words inside another's.
#[derive(Clone, Debug, PartialEq)]
pub struct RowPiece {
    /// Which row of its table.
    pub row: usize,
    /// The row's first piece (the others continue it).
    pub first: bool,
    /// `marks[..cell_ends[0]]` are the first cell's, and so on; the marks
    /// after the last end are the piece's borders.
    pub cell_ends: Vec<usize>,
}

impl Block {
    /// The same marks moved down by `dy`.
    pub fn shifted(&self, dy: f32) -> Vec<Mark> {
        self.marks.iter().map(|m| m.shifted(dy)).collect()
    }
}

/// The blocks of one page's share of a paragraph, their marks moved down
/// from `y` (the top of the first): each run of pieces of one cut table row
/// is written cell by cell, then its borders.
pub fn marks_in_reading_order(blocks: &[Block], mut y: f32, out: &mut Vec<Mark>) -> f32 {
    let mut i = 0;
    while i < blocks.len() {
        let Some(piece) = &blocks[i].row else {
            out.extend(blocks[i].shifted(y));
            y += blocks[i].height;
            i += 1;
            continue;
        };
        let run = blocks[i..]
            .iter()
            .take_while(|b| b.row.as_ref().is_some_and(|p| p.row == piece.row))
            .count();
        let mut tops = Vec::with_capacity(run);
        for block in &blocks[i..i + run] {
            tops.push(y);
            y += block.height;
        }
        let pieces = || blocks[i..i + run].iter().zip(&tops);
        for cell in 0..piece.cell_ends.len() {
            for (block, top) in pieces() {
                let ends = &block.row.as_ref().expect("a row piece").cell_ends;
                let start = if cell == 0 { 0 } else { ends[cell - 1] };
                out.extend(
                    block.marks[start..ends[cell]]
                        .iter()
                        .map(|m| m.shifted(*top)),
                );
            }
        }
        for (block, top) in pieces() {
            let ends = &block.row.as_ref().expect("a row piece").cell_ends;
            let borders = ends.last().copied().unwrap_or(0);
            out.extend(block.marks[borders..].iter().map(|m| m.shifted(*top)));
        }
        i += run;
    }
    y
}

impl Mark {
    fn shifted(&self, dy: f32) -> Mark {
        let mut m = self.clone();
        match &mut m {
            Mark::Text { baseline, .. } => *baseline += dy,
            Mark::Rule { y, .. } | Mark::Frame { y, .. } | Mark::Picture { y, .. } => *y += dy,
            Mark::Stroke { y1, y2, .. } => {
                *y1 += dy;
                *y2 += dy;
            }
        }
        m
    }
}

/// A paragraph, table or fixed block in the page flow.
#[derive(Clone, Debug, Default)]
pub struct Para {
    pub blocks: Vec<Block>,
    /// Space above, dropped at the head of a page.
    pub space_before: f32,
    /// Stays on the page of the next paragraph's first lines (headings).
    pub keep_next: bool,
    /// No single line alone at the foot or head of a page.
    pub widow_control: bool,
    /// Never split (a paragraph kept together that fits a page).
    pub unbreakable: bool,
    /// Starts a new page (`Block::PageBreak`).
    pub page_break_before: bool,
    /// A table's header row, repeated on each page the table continues on.
    pub repeat: Option<Block>,
    /// Above a row continued at the head of a page: its top border and
    /// cell margin again, as LibreOffice and Word set a split row's rest.
    pub resume: Option<Block>,
    /// A table's bottom border (x from, x to, thickness), drawn where a page
    /// cuts it.
    pub cut_border: Option<(f32, f32, f32)>,
}

impl Para {
    pub fn height(&self, from: usize, to: usize) -> f32 {
        self.blocks[from..to].iter().map(|b| b.height).sum()
    }

    /// What stands above block `from` when a page starts with it: the
    /// repeated header row, and the resumed margin of a row it continues.
    pub fn continued_head(&self, from: usize) -> Vec<&Block> {
        let continues = self.blocks[from]
            .row
            .as_ref()
            .is_some_and(|piece| !piece.first);
        self.repeat
            .iter()
            .chain(self.resume.iter().filter(|_| continues))
            .collect()
    }
}
