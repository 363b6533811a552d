//! What the composer hands the paginator: paragraphs made of unbreakable
//! blocks (lines, table rows) with the keep rules that tie them together.

use vanban::compose::linebreak::Run;

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
}

impl Block {
    /// The same marks moved down by `dy`.
    pub fn shifted(&self, dy: f32) -> Vec<Mark> {
        self.marks.iter().map(|m| m.shifted(dy)).collect()
    }
}

impl Mark {
    fn shifted(&self, dy: f32) -> Mark {
        let mut m = self.clone();
        match &mut m {
            Mark::Text { baseline, .. } => *baseline += dy,
            Mark::Rule { y, .. } | Mark::Frame { y, .. } => *y += dy,
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
    /// A table's bottom border (x from, x to, thickness), drawn where a page
    /// cuts it.
    pub cut_border: Option<(f32, f32, f32)>,
}

impl Para {
    pub fn height(&self, from: usize, to: usize) -> f32 {
        self.blocks[from..to].iter().map(|b| b.height).sum()
    }
}
