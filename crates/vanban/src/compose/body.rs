//! Ô 6: the body's headings, paragraphs and tables, with the decree's text
//! styles for each level and the keep rules that hold headings to their text.

use super::columns::column_widths;
use super::plan::{self, *};
use super::stack_height;
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
    // The composed paragraph of the block before, when it introduces
    // what follows with a `:`.
    let mut introduces: Option<usize> = None;
    for block in body {
        let first = blocks.len();
        if let Some(at) = introduces.take().filter(|_| is_listed(block)) {
            // "3. Giao Ủy ban nhân dân Thành phố:" stays with its a), b).
            if let Some(Block::Paragraph(p)) = blocks.get_mut(at) {
                p.keep.with_next = true;
            }
        }
        match block {
            Body::Heading(h) if h.level == Level::Part => {
                blocks.extend(part(style, h).map(Block::Paragraph));
            }
            Body::Heading(h) if h.run_in => {
                // `Điều 2. Nghị quyết này …`: the label bold, the sentence
                // set as text, which it is.
                let mut spans = vec![Span {
                    text: format!("{} ", h.label),
                    bold: true,
                    italic: false,
                }];
                spans.extend_from_slice(&h.content);
                blocks.push(Block::Paragraph(body_paragraph(style, style.body, &spans)));
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
        if let Some(Block::Paragraph(p)) = blocks.last() {
            if p.plain_text().trim_end().ends_with(':') {
                introduces = Some(blocks.len() - 1);
            }
        }
    }
    Composed {
        blocks,
        page_break_pending: page_break,
    }
}

/// A block that is one of the items or points a paragraph ending in `:`
/// introduces: a dash or khoản paragraph, a điểm (`### …` or typed `a) …`),
/// a table.
fn is_listed(block: &Body) -> bool {
    match block {
        Body::Paragraph(p) if p.marker.is_some() => true,
        Body::Paragraph(p) => {
            let text = crate::model::plain_text(&p.content);
            let first = text.split(' ').next().unwrap_or("");
            let typed_dash = matches!(first, "-" | "+" | "–");
            let point = first
                .strip_suffix(')')
                .and_then(crate::vn::parse_point_letter)
                .is_some();
            typed_dash || point
        }
        Body::Heading(h) => h.level == Level::Point,
        Body::Table(_) => true,
        Body::PageBreak => false,
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
/// columns from [`column_widths`], short rows kept whole, cell lines that
/// never start with a bare dash.
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
                let mut p = Paragraph {
                    runs: runs(spans, text_style),
                    align,
                    ..Paragraph::new(text_style)
                };
                let inner = columns[i] - 2.0 * style.cell_padding;
                super::dashes::keep_dashes_off_line_starts(fonts, &mut p, inner);
                vec![p]
            })
            .collect(),
        repeat: header,
        cant_split: true,
    };
    let mut rows = vec![row(&t.header, style.table_header, true)];
    rows.extend(t.rows.iter().map(|r| row(r, style.table_text, false)));
    let mut table = plan::Table {
        columns,
        indent: 0.0,
        padding: CellPadding {
            horizontal: style.cell_padding,
            // Room above and below cell text: half the paragraph spacing.
            vertical: style.paragraph_spacing / 2.0,
        },
        borders: Some(style.rule_thickness),
        rows,
    };
    // Short rows stay whole; a tall one splits where a page is full, as
    // it would otherwise leave the foot of the page empty. The header row
    // (repeated on each page) never splits.
    let line = fonts
        .face_for(style.table_text)
        .line_height(style.table_text.size);
    let whole = style.whole_row_lines as f32 * line + 0.5;
    for row in table.rows.iter_mut().filter(|r| !r.repeat) {
        let tallest = row
            .cells
            .iter()
            .zip(&table.columns)
            .map(|(cell, width)| stack_height(fonts, cell, width - 2.0 * style.cell_padding))
            .fold(0.0, f32::max);
        row.cant_split = tallest <= whole;
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn composed(markdown: &str) -> Vec<Block> {
        let blocks = crate::body::parse(markdown).unwrap();
        body(&Style::default(), FontSet::liberation_serif(), &blocks).blocks
    }

    fn paragraph<'a>(blocks: &'a [Block], starts: &str) -> &'a Paragraph {
        blocks
            .iter()
            .find_map(|b| match b {
                Block::Paragraph(p) if p.plain_text().starts_with(starts) => Some(p),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no paragraph {starts:?}"))
    }

    /// A paragraph ending in `:` stays with the items or points it
    /// introduces (`keepNext` in the DOCX, the same rule in the PDF); one
    /// followed by ordinary text does not.
    #[test]
    fn a_paragraph_introducing_points_stays_with_the_first() {
        let blocks = composed(
            "3. Giao Ủy ban nhân dân Thành phố Hà Nội:\n\na) Chịu trách nhiệm;\n\nb) Tổ chức.\n\n\
             Các nội dung sau:\n\n- một;\n- hai.\n\nKết quả như sau:\n\nĐoạn thường.\n\n\
             Bảng sau:\n\n| A | B |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(paragraph(&blocks, "3. Giao").keep.with_next);
        assert!(paragraph(&blocks, "Các nội dung").keep.with_next);
        assert!(!paragraph(&blocks, "Kết quả").keep.with_next);
        assert!(paragraph(&blocks, "Bảng sau").keep.with_next);
        assert!(!paragraph(&blocks, "a) Chịu").keep.with_next);
    }

    /// A one-sentence article: its label bold, its sentence regular, not
    /// kept with the next; `Điều 1.` alone is bold and kept with its khoản.
    #[test]
    fn articles_print_as_the_resolution_prints_them() {
        let blocks =
            composed("# Điều 1.\n\n1. Một.\n\n# Điều 2. Nghị quyết này có hiệu lực từ ngày ký.\n");
        let first = paragraph(&blocks, "Điều 1.");
        assert!(first.keep.with_next && first.runs.iter().all(|r| r.style.bold));
        let second = paragraph(&blocks, "Điều 2.");
        assert!(!second.keep.with_next);
        assert!(second.runs[0].style.bold && second.runs[0].text == "Điều 2. ");
        assert!(second.runs[1..].iter().all(|r| !r.style.bold));
    }

    /// Short rows stay whole (`cantSplit`); a row taller than the style's
    /// whole-row lines may split; the header row never does.
    #[test]
    fn only_short_rows_are_kept_whole() {
        let long = "Nội dung rất dài của một nhiệm vụ cần nhiều dòng. ".repeat(12);
        let blocks = composed(&format!(
            "| TT | Nhiệm vụ |\n|---|---|\n| 1 | Ngắn |\n| 2 | {long} |\n"
        ));
        let table = blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .unwrap();
        let kept: Vec<bool> = table.rows.iter().map(|r| r.cant_split).collect();
        assert_eq!(kept, [true, true, false]);
    }
}
