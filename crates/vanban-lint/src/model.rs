//! The neutral model of a document read from a DOCX or a PDF: what the rules
//! look at. Lengths are in millimetres, sizes in points.

use serde::Serialize;

/// Which file format the facts came from; some facts exist in only one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Docx,
    Pdf,
}

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// Where a paragraph sits on the page: the header table's columns, the body,
/// the Nơi nhận / signature columns, a table of the body, a page header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    HeaderLeft,
    HeaderRight,
    Body,
    Table,
    SignLeft,
    SignRight,
}

/// A run of text with one effective format.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub font: String,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    /// Text colour as RGB, `None` for black (or Word's automatic colour).
    pub color: Option<[u8; 3]>,
}

/// A paragraph (DOCX) or a paragraph rebuilt from lines (PDF).
#[derive(Clone, Debug)]
pub struct Para {
    pub text: String,
    pub spans: Vec<Span>,
    /// 1-based page, when the format tells it (always in a PDF; in a DOCX only
    /// from explicit page breaks).
    pub page: Option<usize>,
    /// 1-based position among the document's paragraphs.
    pub index: usize,
    pub zone: Zone,
    pub align: Option<Align>,
    /// First-line indent relative to the other lines, mm.
    pub first_indent: Option<f32>,
    /// Left edge of the text relative to the left margin, mm.
    pub left: Option<f32>,
    /// Space before, pt.
    pub space_before: Option<f32>,
    /// Line spacing as a multiple of single.
    pub line_spacing: Option<f32>,
    /// Length of a solid rule drawn right under this paragraph, mm.
    pub rule_below: Option<f32>,
    /// Width of the text itself (its longest line), mm, when measurable.
    pub text_width: Option<f32>,
    /// The paragraph's number or bullet comes from Word's automatic numbering,
    /// so its label is not part of `text`.
    pub auto_numbered: bool,
    /// DOCX: the 1-based section the paragraph belongs to.
    pub section: Option<usize>,
    /// Byte range of the `w:p` element in `word/document.xml` (DOCX only),
    /// for `--fix`.
    pub source: Option<std::ops::Range<usize>>,
    /// DOCX: the 1-based row and column of the body table cell it is in.
    pub cell: Option<(usize, usize)>,
    /// PDF: where its text stands on its page, mm from the page's top-left
    /// corner: left, top, right, bottom.
    pub bbox: Option<[f32; 4]>,
    /// PDF: the baselines of the first and the last line, mm from the
    /// page's top edge.
    pub baselines: Option<(f32, f32)>,
    /// PDF: each line's page and box (left, top, right, bottom, mm), the
    /// lines a paragraph carries over to the next page included.
    pub line_boxes: Vec<(usize, [f32; 4])>,
    /// PDF: the 1-based row of the bordered table it stands in (its
    /// column cannot be told: a line may run across cells).
    pub table_row: Option<usize>,
}

impl Para {
    /// The spans that carry visible characters.
    pub fn visible_spans(&self) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(|s| !s.text.trim().is_empty())
    }
}

/// Page margins, mm.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// One page (PDF) or one section's page setup (DOCX).
#[derive(Clone, Debug)]
pub struct PageSetup {
    /// The first page it applies to (1-based); for a DOCX section, its number.
    pub page: usize,
    pub width: f32,
    pub height: f32,
    /// Margins as set (DOCX) or as measured from the text (PDF, `None` when
    /// a side cannot be measured).
    pub margins: MarginsRead,
    /// DOCX: the section restarts page numbering (`w:pgNumType w:start`).
    pub restarts_numbering: bool,
}

/// Margins as far as the file tells them.
#[derive(Clone, Copy, Debug, Default)]
pub struct MarginsRead {
    pub top: Option<f32>,
    pub bottom: Option<f32>,
    pub left: Option<f32>,
    pub right: Option<f32>,
}

/// A page number shown in a page's header area.
#[derive(Clone, Debug)]
pub struct PageNumber {
    /// The page it is shown on; `1` means the first page of the document (or
    /// of an appendix section in a DOCX).
    pub page: usize,
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub align: Option<Align>,
}

/// What the file says about page numbering.
#[derive(Clone, Debug, Default)]
pub struct Numbering {
    /// Page numbers found (PDF: read on each page; DOCX: the PAGE field of the
    /// headers, on page 2 for the default header and page 1 for the first).
    pub shown: Vec<PageNumber>,
    /// Whether the document has more than one page (known or estimated).
    pub multi_page: bool,
}

/// A picture (a signature, a seal): in a PDF drawn on a page, `x`/`y`
/// from the page's top-left corner; in a DOCX floating from the paragraph
/// it is anchored in (`anchor`, 1-based), from its column and its top. mm.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub page: Option<usize>,
    pub anchor: Option<usize>,
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// A document as read, in one shape for both formats.
#[derive(Clone, Debug)]
pub struct ReadDoc {
    pub format: SourceFormat,
    pub pages: Vec<PageSetup>,
    pub paras: Vec<Para>,
    pub numbering: Numbering,
    /// Total pages when known (PDF, or DOCX docProps/app.xml).
    pub page_count: Option<usize>,
    /// PDF: fonts used without their font program embedded.
    pub fonts_not_embedded: Vec<String>,
    /// Paragraphs (1-based indices) whose text was stored decomposed (NFD,
    /// as Unikey's "Unicode tổ hợp" types it); their text here is NFC.
    pub decomposed: Vec<usize>,
    /// The page count is the reader's estimate (a DOCX whose
    /// docProps/app.xml is missing or holds less than the text fills).
    pub page_count_estimated: bool,
    /// DOCX: how far the header table is pulled into the left margin
    /// (its negative `w:tblInd`), mm.
    pub header_outdent: Option<f32>,
    /// Pictures drawn on the pages or floating from paragraphs.
    pub pictures: Vec<Picture>,
}

/// A line typed as underscores (`________`): a rule drawn with the
/// keyboard, as clerks draw the one under the issuer or the tiêu ngữ.
pub fn is_typed_rule(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 3 && t.chars().all(|c| c == '_')
}
