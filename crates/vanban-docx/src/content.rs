//! Ô 5a, 9a and 6: type name and summary with its rule, Kính gửi, căn cứ and
//! the body blocks.

use docx_rs::{
    AlignmentType, BorderType, BreakType, LineSpacing, LineSpacingType, Paragraph, Run,
    SpecialIndentType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellMargins, TableLayoutType, TableRow, WidthType,
};
use vanban::metrics::FontSet;
use vanban::model::{Align, Block, Level, Span};
use vanban::style::{mm_to_twips, pt_to_mm, Style, TextStyle};
use vanban::Document;

use crate::rule::rule;
use crate::text::{line, paragraph, single_spacing, spacing, span_runs};

/// Type name, summary and the rule under it (ô 5a).
pub fn title(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    let Some(heading) = doc.kind_heading() else {
        return Vec::new();
    };
    let width = style.text_width();
    let summary_lines = FontSet::liberation_serif().wrap(
        &doc.summary,
        style.summary,
        vanban::style::mm_to_pt(width),
    );
    let widest = summary_lines.iter().map(|l| l.1).fold(0.0, f32::max);
    vec![
        line(&heading, style.kind_name, family, AlignmentType::Center)
            .line_spacing(single_spacing(style.space_after_header, 0.0))
            .keep_next(true),
        line(&doc.summary, style.summary, family, AlignmentType::Center).keep_next(true),
        rule(style, width, pt_to_mm(widest) * style.short_rule_ratio)
            .line_spacing(single_spacing(0.0, style.space_after_title)),
    ]
}

/// Kính gửi (ô 9a): the label indented, dashes lined up under its colon.
pub fn addressees(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    let family = style.font_family;
    let label_width = pt_to_mm(FontSet::liberation_serif().width("Kính gửi: ", style.addressees));
    doc.addressee_lines()
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let indent = if i == 0 {
                style.addressee_indent
            } else {
                style.addressee_indent + label_width
            };
            line(text, style.addressees, family, AlignmentType::Left)
                .indent(Some(mm_to_twips(indent)), None, None, None)
                .line_spacing(single_spacing(
                    if i == 0 { style.paragraph_spacing } else { 0.0 },
                    0.0,
                ))
        })
        .collect()
}

/// Căn cứ: italic, one per paragraph, body layout.
pub fn bases(doc: &Document) -> Vec<Paragraph> {
    let style = &doc.style;
    doc.bases
        .iter()
        .map(|basis| body_paragraph(style, style.bases, &[Span::plain(basis.clone())]))
        .collect()
}

/// The body blocks. The last paragraph keeps with the signature block.
pub fn body(doc: &Document) -> Vec<BodyItem> {
    let style = &doc.style;
    let mut items = Vec::new();
    let mut page_break_pending = false;
    for block in &doc.body {
        let mut p = match block {
            Block::Heading(h) if h.level == Level::Part => {
                let first = items.len();
                items.extend(part(style, h).into_iter().map(BodyItem::Paragraph));
                if let Some(BodyItem::Paragraph(p)) = items.get_mut(first) {
                    if std::mem::take(&mut page_break_pending) {
                        *p = p.clone().page_break_before(true);
                    }
                }
                continue;
            }
            Block::Heading(h) => {
                let text_style = match h.level {
                    Level::Part => style.part_heading,
                    Level::Section => style.section_heading,
                    Level::Clause => style.clause_heading,
                    Level::Point => style.point,
                };
                let p = body_paragraph(style, text_style, &h.spans());
                // A titled heading stays with what follows (a điểm is body text).
                if h.level == Level::Point {
                    p
                } else {
                    p.keep_next(true)
                }
            }
            Block::Paragraph(para) => body_paragraph(style, style.body, &para.spans()),
            Block::Table(t) => {
                // Word has no space-before for tables: an empty paragraph
                // exactly `paragraph_spacing` high stands in, as in the PDF.
                let mut spacer = Paragraph::new().line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line((style.paragraph_spacing * 20.0).round() as i32)
                        .before(0)
                        .after(0),
                );
                if std::mem::take(&mut page_break_pending) {
                    spacer = spacer.page_break_before(true);
                }
                items.push(BodyItem::Paragraph(spacer.keep_next(true)));
                items.push(BodyItem::Table(table(style, t)));
                continue;
            }
            Block::PageBreak => {
                page_break_pending = true;
                continue;
            }
        };
        if std::mem::take(&mut page_break_pending) {
            p = p.page_break_before(true);
        }
        items.push(BodyItem::Paragraph(p));
    }
    if page_break_pending {
        items.push(BodyItem::Paragraph(
            Paragraph::new().add_run(Run::new().add_break(BreakType::Page)),
        ));
    }
    items
}

// Items are made and consumed once, in order; boxing would only add allocations.
#[allow(clippy::large_enum_variant)]
pub enum BodyItem {
    Paragraph(Paragraph),
    Table(Table),
}

/// A part (Phần): its label and its title centred on lines of their own,
/// kept with what follows.
fn part(style: &Style, heading: &vanban::model::Heading) -> [Paragraph; 2] {
    let family = style.font_family;
    let title = vanban::model::plain_text(&heading.content);
    [
        line(
            &heading.label,
            style.part_heading,
            family,
            AlignmentType::Center,
        )
        .line_spacing(spacing(style.line_spacing, style.paragraph_spacing, 0.0))
        .keep_next(true),
        line(&title, style.part_heading, family, AlignmentType::Center)
            .line_spacing(spacing(style.line_spacing, 0.0, 0.0))
            .keep_next(true),
    ]
}

/// A justified body paragraph with the first-line indent and spacing of the style sheet.
pub fn body_paragraph(style: &Style, text_style: TextStyle, spans: &[Span]) -> Paragraph {
    let family = style.font_family;
    let mut p = paragraph(text_style, family, AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(mm_to_twips(
                style.first_line_indent,
            ))),
            None,
            None,
        )
        .line_spacing(spacing(style.line_spacing, style.paragraph_spacing, 0.0))
        .widow_control(true);
    for run in span_runs(spans, text_style, family) {
        p = p.add_run(run);
    }
    p
}

/// A GFM table: single borders, bold header row repeated on each page,
/// columns sized by `table_layout` (the PDF uses the same widths).
fn table(style: &Style, t: &vanban::model::Table) -> Table {
    let family = style.font_family;
    let columns = t.header.len().max(1);
    let widths: Vec<usize> =
        vanban::table_layout::column_widths(t, style, FontSet::liberation_serif())
            .into_iter()
            .map(|w| mm_to_twips(w) as usize)
            .collect();
    let padding = mm_to_twips(style.cell_padding) as usize;
    // Room above and below cell text: half the body's paragraph spacing (as the PDF).
    let cell_space = style.paragraph_spacing / 2.0;
    let row = |cells: &[Vec<Span>], text_style: TextStyle, header: bool| {
        let cells = (0..columns)
            .map(|i| {
                let spans = cells.get(i).map(Vec::as_slice).unwrap_or(&[]);
                let align = match (header, t.align.get(i).copied().unwrap_or_default()) {
                    (true, _) | (_, Align::Center) => AlignmentType::Center,
                    (_, Align::Right) => AlignmentType::Right,
                    (_, Align::Left) => AlignmentType::Left,
                };
                let mut p = paragraph(text_style, family, align)
                    .line_spacing(single_spacing(cell_space, cell_space));
                for run in span_runs(spans, text_style, family) {
                    p = p.add_run(run);
                }
                TableCell::new()
                    .width(widths[i], WidthType::Dxa)
                    .add_paragraph(p)
            })
            .collect();
        TableRow::new(cells)
    };
    // docx-rs cannot write `w:tblHeader`; the header row carries a marker
    // height that the package step turns into it (see schema_order).
    let mut rows = vec![row(&t.header, style.table_header, true)
        .row_height(crate::schema_order::HEADER_ROW_MARK_HEIGHT)
        .height_rule(docx_rs::HeightRule::AtLeast)
        .cant_split()];
    rows.extend(t.rows.iter().map(|r| row(r, style.table_text, false)));
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(crate::header::eighths(style.rule_thickness))
            .color("000000")
    };
    let mut borders = TableBorders::new();
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        borders = borders.set(border(position));
    }
    Table::new(rows)
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, padding, 0, padding))
        .set_borders(borders)
}
