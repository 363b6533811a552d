//! Placing the paginated blocks on their pages and turning each page into
//! printpdf operations. Text is justified by TJ offsets after each space,
//! since word spacing (Tw) does not apply to two-byte CID codes.

use printpdf::{
    Color, FontId, Greyscale, Line, LineCapStyle, LinePoint, Op, PaintMode, PdfFontHandle, Point,
    Pt, Rect, Rgb, TextItem, TextMatrix,
};
use vanban::compose::linebreak::{set, Align, Frame, Run};
use vanban::compose::Section;
use vanban::metrics::{FaceStyle, FontSet};
use vanban::style::mm_to_pt;

use crate::flow::{marks_in_reading_order, Mark, Para};
use crate::paginate::{gap, Slice};

/// Every page's marks with `y` measured from the page's top edge.
pub fn place(
    paras: &[Para],
    pages: &[Vec<Slice>],
    section: &Section,
    fonts: &FontSet,
) -> Vec<Vec<Mark>> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut marks = Vec::new();
            let mut y = mm_to_pt(section.page.margins.top);
            for (j, slice) in page.iter().enumerate() {
                let para = &paras[slice.para];
                if slice.from > 0 {
                    for head in para.continued_head(slice.from) {
                        marks.extend(head.shifted(y));
                        y += head.height;
                    }
                } else {
                    y += gap(para, j == 0);
                }
                y = marks_in_reading_order(&para.blocks[slice.from..slice.to], y, &mut marks);
                if let Some((x1, x2, width)) =
                    para.cut_border.filter(|_| slice.to < para.blocks.len())
                {
                    marks.push(Mark::Stroke {
                        x1,
                        y1: y,
                        x2,
                        y2: y,
                        width,
                    });
                }
            }
            if index > 0 {
                marks.extend(page_number(index + 1, section, fonts));
            }
            marks
        })
        .collect()
}

/// From page 2: the number centred over the text block, its line starting
/// `header_distance` below the top edge, as a Word header does.
fn page_number(number: usize, section: &Section, fonts: &FontSet) -> Vec<Mark> {
    let page = &section.page;
    let style = section.page_number;
    let frame = Frame {
        x: mm_to_pt(page.margins.left),
        width: page.text_width_pt(),
        indent: 0.0,
        align: Align::Center,
        spacing: 1.0,
    };
    let top = mm_to_pt(page.header_distance);
    set(fonts, &[(number.to_string(), style)], style, frame)
        .into_iter()
        .take(1)
        .flat_map(|line| {
            let baseline = top + line.ascent;
            line.runs.into_iter().map(move |run| Mark::Text {
                baseline,
                run,
                red: false,
            })
        })
        .collect()
}

/// The characters each face must hold.
pub fn characters(pages: &[Vec<Mark>]) -> [std::collections::BTreeSet<char>; 4] {
    // Sorting a flat list is much cheaper than inserting every character into a set.
    let mut all: [Vec<char>; 4] = Default::default();
    for mark in pages.iter().flatten() {
        if let Mark::Text { run, .. } = mark {
            all[run.face as usize].extend(run.text.chars());
        }
    }
    all.map(|mut chars| {
        chars.sort_unstable();
        chars.dedup();
        chars.into_iter().collect()
    })
}

/// The printpdf operations of one page (PDF user space: y up from the
/// bottom edge). Faces are the fonts `F0` … `F3` (see [`font_id`]).
pub fn ops(marks: &[Mark], page_height: f32) -> Vec<Op> {
    let flip = |y: f32| page_height - y;
    let point = |x: f32, y: f32| LinePoint {
        p: Point {
            x: Pt(q(x)),
            y: Pt(q(flip(y))),
        },
        bezier: false,
    };
    let mut ops = Vec::with_capacity(marks.len() * 6);
    for mark in marks {
        match mark {
            Mark::Text { baseline, run, red } => {
                ops.push(Op::StartTextSection);
                ops.push(Op::SetFillColor { col: colour(*red) });
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(font_id(run.face)),
                    size: Pt(q(run.size)),
                });
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(q(run.x)), Pt(q(flip(*baseline)))),
                });
                ops.push(Op::ShowText { items: tj(run) });
                ops.push(Op::EndTextSection);
            }
            Mark::Rule {
                x,
                y,
                width,
                thickness,
            } => {
                ops.push(Op::SetFillColor { col: colour(false) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(q(*x)),
                        y: Pt(q(flip(*y + thickness / 2.0))),
                        width: Pt(q(*width)),
                        height: Pt(q(*thickness)),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Mark::Stroke {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                ops.push(Op::SetOutlineColor { col: colour(false) });
                ops.push(Op::SetOutlineThickness { pt: Pt(q(*width)) });
                ops.push(Op::SetLineCapStyle {
                    cap: LineCapStyle::Butt,
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*x1, *y1), point(*x2, *y2)],
                        is_closed: false,
                    },
                });
            }
            // Pictures go in a stream of their own, over the text (`pictures`).
            Mark::Picture { .. } => {}
            Mark::Frame {
                x,
                y,
                width,
                height,
                line,
                red,
            } => {
                ops.push(Op::SetOutlineColor { col: colour(*red) });
                ops.push(Op::SetOutlineThickness { pt: Pt(q(*line)) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(q(*x)),
                        y: Pt(q(flip(*y + height))),
                        width: Pt(q(*width)),
                        height: Pt(q(*height)),
                        mode: Some(PaintMode::Stroke),
                        winding_order: None,
                    },
                });
            }
        }
    }
    ops
}

/// Each face in `characters` showing its characters once: what printpdf
/// needs to embed the faces with widths and ToUnicode maps for exactly the
/// glyphs used, when the page content is written by `content`.
pub fn font_uses(characters: &[std::collections::BTreeSet<char>; 4]) -> Vec<Op> {
    let mut ops = Vec::new();
    for face in FaceStyle::ALL {
        let used = &characters[face as usize];
        if used.is_empty() {
            continue;
        }
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font_id(face)),
            size: Pt(1.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(used.iter().collect())],
        });
        ops.push(Op::EndTextSection);
    }
    ops
}

/// Black, or the red of urgency marks and stamps.
fn colour(red: bool) -> Color {
    if red {
        Color::Rgb(Rgb::new(1.0, 0.0, 0.0, None))
    } else {
        Color::Greyscale(Greyscale::new(0.0, None))
    }
}

/// Rounded to a thousandth: shorter numbers in the content streams.
fn q(v: f32) -> f32 {
    if v.is_finite() {
        (v * 1000.0).round() / 1000.0
    } else {
        0.0
    }
}

/// `[(word ) -120 (word)]`: each space followed by the line's extra spacing
/// (TJ numbers are thousandths of the font size, negative moves right).
fn tj(run: &Run) -> Vec<TextItem> {
    let offset = q(-run.word_spacing * 1000.0 / run.size.max(0.01));
    if run.word_spacing.abs() <= 0.0005 {
        return vec![TextItem::Text(run.text.clone())];
    }
    let mut items = Vec::new();
    let mut segment = String::new();
    for c in run.text.chars() {
        segment.push(c);
        if c == ' ' {
            items.push(TextItem::Text(std::mem::take(&mut segment)));
            items.push(TextItem::Offset(offset));
        }
    }
    if !segment.is_empty() {
        items.push(TextItem::Text(segment));
    }
    items
}

/// The font of a face: `F0` … `F3`, also its resource name.
pub fn font_id(face: FaceStyle) -> FontId {
    FontId(format!("F{}", face as usize))
}
