//! The page plan: what a document looks like on the page, as paragraphs and
//! tables with their measures and keep rules, before any backend writes it.
//! The DOCX backend writes these as Word paragraphs and tables; the PDF
//! backend breaks their lines and paginates them. Neither decides a layout
//! rule of its own.
//!
//! Horizontal lengths are in millimetres, vertical spacing in points.

pub use super::linebreak::Align;
use crate::style::{mm_to_pt, Margins, TextStyle};

/// A composed document: its sections, the document itself first, then each
/// Phụ lục.
#[derive(Clone, Debug, PartialEq)]
pub struct Composition {
    pub sections: Vec<Section>,
}

/// A run of pages with one page set-up and its own page numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub page: Page,
    pub blocks: Vec<Block>,
    /// Paragraphs at fixed places on the section's first page, outside the
    /// flow (the stamps of ô 10a, 10b).
    pub floats: Vec<Float>,
    /// The page number, centred in the top margin from the section's second
    /// page on, counting from 1 at the section's start.
    pub page_number: TextStyle,
}

/// Page size, margins and where the page-number header sits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// Wider than tall (a landscape Phụ lục).
    pub landscape: bool,
    pub margins: Margins,
    /// From the top edge to the page number's line.
    pub header_distance: f32,
}

impl Page {
    pub fn text_width(&self) -> f32 {
        self.width - self.margins.left - self.margins.right
    }

    pub fn text_height(&self) -> f32 {
        self.height - self.margins.top - self.margins.bottom
    }

    /// Width of the text block in points, as the DOCX has it: the page
    /// width less each margin, every length rounded to twips on its own.
    pub fn text_width_pt(&self) -> f32 {
        mm_to_pt(self.width) - mm_to_pt(self.margins.left) - mm_to_pt(self.margins.right)
    }

    /// Height of the text block in points, as the DOCX has it.
    pub fn text_height_pt(&self) -> f32 {
        mm_to_pt(self.height) - mm_to_pt(self.margins.top) - mm_to_pt(self.margins.bottom)
    }
}

/// A paragraph set at a fixed place on the first page of its section, which
/// the flow runs past as if it were not there: the composition has already
/// made room for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Float {
    /// Left edge from the left margin, mm.
    pub x: f32,
    /// Top edge from the top margin, pt.
    pub y: f32,
    /// Width, mm.
    pub width: f32,
    /// Height, pt: the box as the composition measures it, which the DOCX
    /// states as the frame's exact height (LibreOffice otherwise counts the
    /// border's spacing twice and draws the box 5 pt taller).
    pub height: f32,
    /// How many flow blocks come before it in a word processor's file (it
    /// does not move with them: its place is fixed).
    pub anchor: usize,
    pub paragraph: Paragraph,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// One paragraph, as a word processor holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    /// The paragraph mark's style: it sets the height of an empty paragraph.
    pub mark: TextStyle,
    pub align: Align,
    pub indent: Indent,
    pub spacing: Spacing,
    pub border: Option<Border>,
    pub keep: Keep,
    /// A brace right of its lines with a note beside it (Nơi nhận items
    /// joined by one note): the paragraph is then set as three columns.
    pub brace: Option<Box<Brace>>,
    /// Pictures floating over the paragraph and what follows it (the
    /// signature and seal over the signer's gap), placed from the
    /// paragraph's top and its column's left edge; they take no room.
    pub pictures: Vec<Picture>,
}

/// A picture floating at a fixed place from the paragraph it is anchored
/// to (see [`super::pictures`]). A `Gap` has no image: it only marks where
/// the signature goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub role: PictureRole,
    pub image: Option<std::sync::Arc<crate::image::Png>>,
    pub place: super::pictures::PictureBox,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureRole {
    /// The main signer's gap between title and name (no image).
    Gap,
    /// Ô 7c.
    Signature,
    /// Ô 8.
    Seal,
}

/// A paragraph's lines, a brace `}` right of them as tall as they are, and
/// a note beside it centred on their height: three columns side by side,
/// which the DOCX writes as a borderless nested table (cells centred
/// vertically, no margins) and the PDF sets the same way.
#[derive(Clone, Debug, PartialEq)]
pub struct Brace {
    /// Width of the lines' column, mm (the brace's and the note's follow).
    pub text_width: f32,
    /// Width of the brace's column, mm.
    pub brace_width: f32,
    /// Width of the note's column, mm.
    pub note_width: f32,
    /// The brace: one `}` in a size that makes it as tall as the lines.
    pub glyph: TextStyle,
    pub note: Paragraph,
}
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub text: String,
    pub style: TextStyle,
    pub color: Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Color {
    #[default]
    Black,
    /// The bright red of urgency marks (App. I III.2).
    Red,
}

impl Color {
    /// `RRGGBB`.
    pub fn hex(self) -> &'static str {
        match self {
            Color::Black => "000000",
            Color::Red => "FF0000",
        }
    }
}

/// Indents from the edges of the text column (mm).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Indent {
    pub left: f32,
    pub right: f32,
    /// Extra indent of the first line.
    pub first_line: f32,
}

/// Space above and below (pt) and the height of each line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spacing {
    pub before: f32,
    pub after: f32,
    pub line: LineHeight,
}

impl Spacing {
    pub fn single(before: f32, after: f32) -> Spacing {
        Spacing {
            before,
            after,
            line: LineHeight::Multiple(1.0),
        }
    }
}

/// A line's height: a multiple of the font's single line, or exact (pt).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineHeight {
    Multiple(f32),
    Exact(f32),
}

/// A paragraph border: a rule under it, or a box around it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Border {
    pub sides: Sides,
    /// Line width, pt.
    pub width: f32,
    /// Distance between the text and the line, pt.
    pub space: f32,
    pub color: Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    Bottom,
    Box,
}

/// How a paragraph may be cut by a page break.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Keep {
    /// On the same page as the first lines of what follows.
    pub with_next: bool,
    /// All its lines on one page.
    pub together: bool,
    /// No single line alone at the foot or the head of a page.
    pub widow_control: bool,
    pub page_break_before: bool,
}

/// A table: fixed column widths, cells of paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column widths, mm; they add up to the table's width.
    pub columns: Vec<f32>,
    /// Left edge of the table from the left margin, mm (negative: into the margin).
    pub indent: f32,
    pub padding: CellPadding,
    /// Single borders of this width (pt) around every cell, or none.
    pub borders: Option<f32>,
    pub rows: Vec<Row>,
}

/// Room between a cell's edges and its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CellPadding {
    /// Left and right, mm.
    pub horizontal: f32,
    /// Top and bottom, pt.
    pub vertical: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One list of paragraphs per column (never empty: Word needs one).
    pub cells: Vec<Vec<Paragraph>>,
    /// A header row, repeated at the top of each page the table continues on.
    pub repeat: bool,
    /// Kept on one page unless it is taller than a page.
    pub cant_split: bool,
}

impl Table {
    pub fn width(&self) -> f32 {
        self.columns.iter().sum()
    }
}

impl Paragraph {
    /// An empty paragraph in `mark` style, left-aligned, single-spaced.
    pub fn new(mark: TextStyle) -> Paragraph {
        Paragraph {
            runs: Vec::new(),
            mark,
            align: Align::Left,
            indent: Indent::default(),
            spacing: Spacing::single(0.0, 0.0),
            border: None,
            keep: Keep::default(),
            brace: None,
            pictures: Vec::new(),
        }
    }

    /// One line of text in one style.
    pub fn text(text: &str, style: TextStyle, align: Align) -> Paragraph {
        Paragraph {
            align,
            ..Paragraph::new(style)
        }
        .run(text, style)
    }

    pub fn run(mut self, text: &str, style: TextStyle) -> Paragraph {
        self.runs.push(Run {
            text: text.to_string(),
            style,
            color: Color::Black,
        });
        self
    }

    pub fn spacing(mut self, spacing: Spacing) -> Paragraph {
        self.spacing = spacing;
        self
    }

    pub fn keep_with_next(mut self) -> Paragraph {
        self.keep.with_next = true;
        self
    }

    /// The runs as `(text, style)` pairs, as the line breaker takes them.
    pub fn styled_text(&self) -> Vec<(String, TextStyle)> {
        self.runs
            .iter()
            .map(|r| (r.text.clone(), r.style))
            .collect()
    }

    pub fn plain_text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

impl Composition {
    /// Every paragraph, in the flow and in table cells, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.sections.iter().flat_map(|section| {
            let flow =
                section
                    .blocks
                    .iter()
                    .flat_map(|block| -> Box<dyn Iterator<Item = &Paragraph>> {
                        match block {
                            Block::Paragraph(p) => Box::new(std::iter::once(p)),
                            Block::Table(t) => Box::new(
                                t.rows
                                    .iter()
                                    .flat_map(|r| r.cells.iter().flatten())
                                    .flat_map(|p| {
                                        std::iter::once(p).chain(p.brace.iter().map(|b| &b.note))
                                    }),
                            ),
                        }
                    });
            flow.chain(section.floats.iter().map(|f| &f.paragraph))
        })
    }
}
