//! Placing the paginated blocks on their pages and writing each page's
//! content stream. Text is justified by TJ offsets after each space, since
//! word spacing (Tw) does not apply to two-byte CID codes.

use std::fmt::Write;

use vanban::metrics::{FaceStyle, FontSet};
use vanban::style::{mm_to_pt, Style};

use crate::flow::{Mark, Para};
use crate::fonts::Embedded;
use crate::layout::{Align, Run};
use crate::paginate::{gap, Slice};
use crate::stack::single;
use crate::writer::num;

/// Every page's marks with `y` measured from the page's top edge.
pub fn place(
    paras: &[Para],
    pages: &[Vec<Slice>],
    style: &Style,
    fonts: &FontSet,
) -> Vec<Vec<Mark>> {
    pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut marks = Vec::new();
            let mut y = mm_to_pt(style.margins.top);
            for (j, slice) in page.iter().enumerate() {
                let para = &paras[slice.para];
                if slice.from > 0 {
                    if let Some(header) = &para.repeat {
                        marks.extend(header.shifted(y));
                        y += header.height;
                    }
                } else {
                    y += gap(para, j == 0);
                }
                for block in &para.blocks[slice.from..slice.to] {
                    marks.extend(block.shifted(y));
                    y += block.height;
                }
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
                marks.extend(page_number(index + 1, style, fonts));
            }
            marks
        })
        .collect()
}

/// From page 2: the number centred over the text block, its line starting
/// `header_distance` below the top edge, as a Word header does.
fn page_number(number: usize, style: &Style, fonts: &FontSet) -> Vec<Mark> {
    let x = mm_to_pt(style.margins.left);
    let width = mm_to_pt(style.text_width());
    let top = mm_to_pt(style.header_distance);
    single(
        fonts,
        &number.to_string(),
        style.page_number,
        x,
        width,
        Align::Center,
    )
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

/// The content stream of one page.
pub fn content(marks: &[Mark], fonts: &[Option<Embedded>; 4], page_height: f32) -> Vec<u8> {
    let mut s = String::new();
    let flip = |y: f32| page_height - y;
    for mark in marks {
        match mark {
            Mark::Text { baseline, run, red } => {
                let Some(font) = &fonts[run.face as usize] else {
                    continue;
                };
                let color = if *red { "1 0 0 rg" } else { "0 g" };
                let _ = writeln!(
                    s,
                    "BT {color} /F{} {} Tf 1 0 0 1 {} {} Tm {} TJ ET",
                    run.face as usize,
                    num(run.size),
                    num(run.x),
                    num(flip(*baseline)),
                    tj(run, font)
                );
            }
            Mark::Rule {
                x,
                y,
                width,
                thickness,
            } => {
                let _ = writeln!(
                    s,
                    "0 g {} {} {} {} re f",
                    num(*x),
                    num(flip(*y + thickness / 2.0)),
                    num(*width),
                    num(*thickness)
                );
            }
            Mark::Stroke {
                x1,
                y1,
                x2,
                y2,
                width,
            } => {
                let _ = writeln!(
                    s,
                    "0 G {} w 0 J {} {} m {} {} l S",
                    num(*width),
                    num(*x1),
                    num(flip(*y1)),
                    num(*x2),
                    num(flip(*y2))
                );
            }
            Mark::Frame {
                x,
                y,
                width,
                height,
                line,
                red,
            } => {
                let color = if *red { "1 0 0 RG" } else { "0 G" };
                let _ = writeln!(
                    s,
                    "{color} {} w {} {} {} {} re S",
                    num(*line),
                    num(*x),
                    num(flip(*y + height)),
                    num(*width),
                    num(*height)
                );
            }
        }
    }
    s.into_bytes()
}

/// `[<word > -120 <word>]`: each space followed by the line's extra spacing
/// (TJ numbers are thousandths of the font size, negative moves right).
fn tj(run: &Run, font: &Embedded) -> String {
    let mut out = String::from("[");
    let offset = -run.word_spacing * 1000.0 / run.size.max(0.01);
    let spread = run.word_spacing.abs() > 0.0005;
    let mut segment = String::new();
    for c in run.text.chars() {
        segment.push(c);
        if c == ' ' && spread {
            out.push('<');
            font.encode(&segment, &mut out);
            let _ = write!(out, "> {} ", num(offset));
            segment.clear();
        }
    }
    if !segment.is_empty() {
        out.push('<');
        font.encode(&segment, &mut out);
        out.push('>');
    }
    out.push(']');
    out
}

/// Resource name of a face: `/F0` … `/F3`.
pub fn resource(face: FaceStyle) -> String {
    format!("F{}", face as usize)
}
