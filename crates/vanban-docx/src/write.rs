//! The page plan's paragraphs and tables as docx-rs elements, one for one:
//! every measure comes from the composition, none is decided here.

use docx_rs::FrameProperty;
use docx_rs::{
    AlignmentType, BorderType, HeightRule, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, SpecialIndentType, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, VAlignType, WidthType,
};
use vanban::compose::{
    Align, Block, Border, Brace, Float, LineHeight, Paragraph, Section, Sides, Table,
};
use vanban::style::mm_to_twips;

use crate::schema_order::HEADER_ROW_MARK_HEIGHT;
use crate::text::{fonts, half_points, run};

/// A body element of a section.
pub enum Item {
    Paragraph(Box<docx_rs::Paragraph>),
    Table(Box<docx_rs::Table>),
}

/// A section's flow blocks in order, each float (stamp) after the block it
/// is anchored to.
pub fn items(section: &Section, family: &str) -> Vec<Item> {
    let mut items = Vec::new();
    for i in 0..=section.blocks.len() {
        for float in section.floats.iter().filter(|f| f.anchor == i) {
            items.push(Item::Paragraph(Box::new(framed(float, family))));
        }
        match section.blocks.get(i) {
            Some(Block::Paragraph(p)) => {
                items.push(Item::Paragraph(Box::new(paragraph(p, family))))
            }
            Some(Block::Table(t)) => items.push(Item::Table(Box::new(table(t, family)))),
            None => {}
        }
    }
    items
}

/// A float as a framed paragraph at its place from the margins. The text
/// beside it wraps around it (`wrap="around"`, no extra room): the
/// composition has already set that text clear of it, so nothing moves.
/// (`none` would send the lines beside it below it in Word.)
fn framed(float: &Float, family: &str) -> docx_rs::Paragraph {
    // LibreOffice draws a framed paragraph's border on the frame and sets
    // the text inside its spacing: indents would narrow it twice.
    let mut unindented = float.paragraph.clone();
    unindented.indent = Default::default();
    let mut p = paragraph(&unindented, family);
    p.property = p.property.frame_property(
        FrameProperty::new()
            .wrap("around")
            .h_anchor("margin")
            .v_anchor("margin"),
    );
    let frame = p.property.frame_property.as_mut().expect("set above");
    frame.w = Some(mm_to_twips(float.width) as u32);
    frame.x = Some(mm_to_twips(float.x) as i32);
    frame.y = Some(twentieths(float.y) as i32);
    // The box's own height, exactly: LibreOffice would otherwise add the
    // border's spacing twice (a 27.5 pt box for a 22 pt one).
    frame.h = Some(twentieths(float.height));
    frame.h_rule = Some("exact".to_string());
    p
}

/// A plan paragraph as a Word paragraph in the font `family`.
pub fn paragraph(p: &Paragraph, family: &str) -> docx_rs::Paragraph {
    let mark = p.mark;
    let mut out = docx_rs::Paragraph::new()
        .align(alignment(p.align))
        .fonts(fonts(family))
        .size(half_points(mark.size))
        .line_spacing(spacing(p));
    if mark.bold {
        out = out.bold();
    }
    if mark.italic {
        out = out.italic();
    }
    let indent = p.indent;
    if indent != Default::default() {
        // A negative first-line indent is Word's hanging indent.
        let first = match indent.first_line {
            f if f > 0.0 => Some(SpecialIndentType::FirstLine(mm_to_twips(f))),
            f if f < 0.0 => Some(SpecialIndentType::Hanging(mm_to_twips(-f))),
            _ => None,
        };
        let left = (indent.left != 0.0).then(|| mm_to_twips(indent.left));
        let right = (indent.right != 0.0).then(|| mm_to_twips(indent.right));
        out = out.indent(left, first, right, None);
    }
    if let Some(border) = p.border {
        out.property = out.property.set_borders(borders(border));
    }
    let keep = p.keep;
    if keep.with_next {
        out = out.keep_next(true);
    }
    if keep.together {
        out = out.keep_lines(true);
    }
    if keep.widow_control {
        out = out.widow_control(true);
    }
    if keep.page_break_before {
        out = out.page_break_before(true);
    }
    for r in &p.runs {
        // A blank slot's no-break spaces go in as plain spaces: Word and
        // LibreOffice keep every space of a run at the font's space width
        // (LibreOffice sets no-break spaces wider), so the slot is as wide as
        // in the PDF.
        let text = r.text.replace('\u{a0}', " ");
        let mut docx_run = run(&text, r.style, family);
        if r.color != Default::default() {
            docx_run = docx_run.color(r.color.hex());
        }
        out = out.add_run(docx_run);
    }
    for run in p.pictures.iter().filter_map(crate::drawing::run) {
        out = out.add_run(run);
    }
    out
}

fn alignment(align: Align) -> AlignmentType {
    match align {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

fn spacing(p: &Paragraph) -> LineSpacing {
    let s = p.spacing;
    let line = match s.line {
        LineHeight::Multiple(m) => LineSpacing::new()
            .line_rule(LineSpacingType::Auto)
            .line((240.0 * m).round() as i32),
        LineHeight::Exact(pt) => LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twentieths(pt) as i32),
    };
    line.before(twentieths(s.before)).after(twentieths(s.after))
}

fn borders(border: Border) -> ParagraphBorders {
    let sides = match border.sides {
        Sides::Bottom => vec![ParagraphBorderPosition::Bottom],
        Sides::Box => vec![
            ParagraphBorderPosition::Top,
            ParagraphBorderPosition::Left,
            ParagraphBorderPosition::Bottom,
            ParagraphBorderPosition::Right,
        ],
    };
    // The default border set has all four sides; start from none.
    let mut set = ParagraphBorders::with_empty();
    for side in sides {
        set = set.set(
            ParagraphBorder::new(side)
                .val(BorderType::Single)
                .size(eighths(border.width))
                .space(border.space.round() as usize)
                .color(border.color.hex()),
        );
    }
    set
}

/// A plan table as a Word table with a fixed grid, so Word and LibreOffice
/// wrap cells where the PDF does.
pub fn table(t: &Table, family: &str) -> docx_rs::Table {
    let grid: Vec<usize> = t.columns.iter().map(|w| mm_to_twips(*w) as usize).collect();
    let rows = t
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .zip(&grid)
                .map(|(paragraphs, &width)| {
                    let mut cell = TableCell::new().width(width, WidthType::Dxa);
                    if paragraphs.is_empty() {
                        // Word needs a paragraph in every cell.
                        cell = cell.add_paragraph(docx_rs::Paragraph::new());
                    }
                    for p in paragraphs {
                        cell = match &p.brace {
                            Some(brace) => cell.add_table(braced(p, brace, family)),
                            None => cell.add_paragraph(paragraph(p, family)),
                        };
                    }
                    cell
                })
                .collect();
            let mut out = TableRow::new(cells);
            if row.repeat {
                // docx-rs cannot write `w:tblHeader`; the package step turns
                // this marker height into it (see schema_order).
                out = out
                    .row_height(HEADER_ROW_MARK_HEIGHT)
                    .height_rule(HeightRule::AtLeast);
            }
            if row.cant_split {
                out = out.cant_split();
            }
            out
        })
        .collect();
    let horizontal = mm_to_twips(t.padding.horizontal) as usize;
    let vertical = twentieths(t.padding.vertical) as usize;
    let mut out = docx_rs::Table::new(rows)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(vertical, horizontal, vertical, horizontal))
        .set_borders(match t.borders {
            Some(width) => grid_borders(width),
            None => TableBorders::with_empty(),
        });
    if t.indent != 0.0 {
        out = out.indent(mm_to_twips(t.indent));
    }
    out
}

/// A paragraph with a brace and a note beside it: a borderless nested
/// table of three cells (the lines, the brace glyph, the note) without
/// margins, each centred vertically, in the composition's widths.
fn braced(p: &Paragraph, brace: &Brace, family: &str) -> docx_rs::Table {
    let mut lines = p.clone();
    lines.brace = None;
    let glyph = Paragraph::text("}", brace.glyph, Align::Left);
    let widths =
        [brace.text_width, brace.brace_width, brace.note_width].map(|w| mm_to_twips(w) as usize);
    let cells = [&lines, &glyph, &brace.note]
        .into_iter()
        .zip(widths)
        .map(|(p, width)| {
            TableCell::new()
                .width(width, WidthType::Dxa)
                .vertical_align(VAlignType::Center)
                .add_paragraph(paragraph(p, family))
        })
        .collect();
    docx_rs::Table::new(vec![TableRow::new(cells).cant_split()])
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .set_borders(TableBorders::with_empty())
}

fn grid_borders(width: f32) -> TableBorders {
    let mut borders = TableBorders::new();
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        borders = borders.set(
            TableBorder::new(position)
                .border_type(BorderType::Single)
                .size(eighths(width))
                .color("000000"),
        );
    }
    borders
}

/// Border widths are in eighths of a point.
fn eighths(points: f32) -> usize {
    (points * 8.0).round() as usize
}

/// Spacing is in twentieths of a point.
fn twentieths(points: f32) -> u32 {
    (points * 20.0).round().max(0.0) as u32
}
