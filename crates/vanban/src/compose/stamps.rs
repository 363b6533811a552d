//! Ô 10a, 10b: the secrecy and urgency stamps, at the left margin under the
//! number (and the công văn's V/v), beside the title block as the decree's
//! ô map draws them (x 0.5–18 %, level with ô 5a and 9a) — not in the flow,
//! where they would push the title down by their height. The flow beside
//! them makes room instead: a centred line (the type name, the summary, the
//! authority line) is narrowed symmetrically so it stays centred and clears
//! them; anything else that would touch them moves down below them.

use super::plan::*;
use super::{header::stamp, stack_height, widest_line};
use crate::metrics::FontSet;
use crate::style::{pt_to_mm, Style};
use crate::Document;

/// The stamps, secrecy first, stacked from `top` (pt below the top margin,
/// the foot of the header), each written after flow block `anchor`.
pub fn stamps(doc: &Document, fonts: &FontSet, top: f32, anchor: usize) -> Vec<Float> {
    let style = &doc.style;
    let mut marks = Vec::new();
    if let Some(secrecy) = doc.secrecy {
        let text = pt_to_mm(fonts.width(secrecy.text(), style.mark));
        marks.push((
            secrecy.text(),
            text + 2.0 * style.stamp_side_room,
            Color::Black,
        ));
    }
    if let Some(urgency) = doc.urgency {
        // Urgency marks are bright red, text and box (App. I III.2).
        marks.push((urgency.text(), urgency.box_size().0, Color::Red));
    }
    let mut y = top;
    marks
        .into_iter()
        .map(|(text, width, color)| {
            let mut paragraph = stamp(style, fonts, text, width, width, color);
            paragraph.spacing.before = 0.0;
            y += style.subject_line_space_before;
            let height = stack_height(fonts, std::slice::from_ref(&paragraph), width);
            let float = Float {
                x: 0.0,
                y,
                width,
                height,
                anchor,
                paragraph,
            };
            y += height;
            float
        })
        .collect()
}

/// The stamps' zone: from the top of the first to the foot of the last
/// (pt below the top margin), and its right edge (mm from the left margin).
struct Zone {
    top: f32,
    bottom: f32,
    right: f32,
}

impl Zone {
    fn of(floats: &[Float]) -> Option<Zone> {
        let first = floats.first()?;
        let bottom = floats.iter().map(|f| f.y + f.height).fold(0.0, f32::max);
        let right = floats.iter().map(|f| f.x + f.width).fold(0.0, f32::max);
        Some(Zone {
            top: first.y,
            bottom,
            right,
        })
    }
}

/// Makes room for `floats` in `blocks[from..]`, whose first block starts
/// `top` pt below the top margin.
pub fn make_room(
    style: &Style,
    fonts: &FontSet,
    blocks: &mut Vec<Block>,
    from: usize,
    top: f32,
    floats: &[Float],
) {
    let Some(zone) = Zone::of(floats) else {
        return;
    };
    let width = style.text_width();
    let clear = zone.right + style.stamp_clearance;
    let below = zone.bottom + style.subject_line_space_before;
    // The run of centred paragraphs (type name, summary, rule, authority
    // line) being read beside the stamps: where it starts and its top.
    let mut group: Option<(usize, f32)> = None;
    let original = blocks.clone();
    let mut y = top;
    let mut i = from;
    while i < blocks.len() && y < zone.bottom {
        let Block::Paragraph(p) = &mut blocks[i] else {
            // A table beside the stamps: a spacer takes it below them.
            blocks.insert(
                i,
                Block::Paragraph(spacer(
                    style,
                    zone.bottom + style.subject_line_space_before - y,
                )),
            );
            return;
        };
        let text_top = y + p.spacing.before;
        let height = stack_height(fonts, std::slice::from_ref(p), width);
        let beside = text_top < zone.bottom && y + height > zone.top;
        let centred = p.align == Align::Center;
        if !centred {
            group = None;
        } else if beside {
            group.get_or_insert((i, text_top));
        }
        // Every centred line beside them is narrowed, even one that clears
        // them: word processors wrap text around a frame, and would centre
        // it in the room right of the stamps, not on the page. A line
        // squeezed into less than the style's share of the width (a
        // summary beside MẬT and THƯỢNG KHẨN) moves below them instead,
        // with the centred lines before it: the title block stays whole.
        if beside && centred && !p.runs.is_empty() {
            if squeezed(style, fonts, p, clear) {
                let (start, start_top) = group.unwrap_or((i, text_top));
                blocks[start..=i].clone_from_slice(&original[start..=i]);
                if let (Some(Block::Paragraph(rule)), Some(Block::Paragraph(was))) =
                    (blocks.get_mut(i + 1), original.get(i + 1))
                {
                    *rule = was.clone();
                }
                if let Block::Paragraph(first) = &mut blocks[start] {
                    first.spacing.before += below - start_top;
                }
                return;
            }
            narrow(style, fonts, blocks, i, clear);
        } else if beside && left_edge(fonts, p, width) < clear {
            p.spacing.before += below - text_top;
            return;
        }
        if let Block::Paragraph(p) = &blocks[i] {
            y += stack_height(fonts, std::slice::from_ref(p), width);
        }
        i += 1;
    }
}

/// Whether narrowing the centred `p` to clear the stamps by `clear` would
/// leave it less than the style's share of the text width and make it
/// wrap where it did not.
fn squeezed(style: &Style, fonts: &FontSet, p: &Paragraph, clear: f32) -> bool {
    let width = style.text_width();
    let room = width - p.indent.left.max(clear) - p.indent.right.max(clear);
    let full = width - p.indent.left - p.indent.right;
    room < style.stamp_narrowest_share * width
        && widest_line(fonts, &p.plain_text(), p.mark, full) > room
}

/// Where the paragraph's text starts, mm from the left margin: its widest
/// line, for a centred one.
fn left_edge(fonts: &FontSet, p: &Paragraph, width: f32) -> f32 {
    let available = width - p.indent.left - p.indent.right;
    match p.align {
        Align::Center => {
            let widest = widest_line(fonts, &p.plain_text(), p.mark, available);
            p.indent.left + (available - widest) / 2.0
        }
        _ => p.indent.left + p.indent.first_line.min(0.0),
    }
}

/// Indents the centred paragraph at `i` by `clear` on both sides, so it
/// stays centred on the page, and shortens the rule under it (the summary's)
/// to its new widest line.
fn narrow(style: &Style, fonts: &FontSet, blocks: &mut [Block], i: usize, clear: f32) {
    let width = style.text_width();
    let Block::Paragraph(p) = &mut blocks[i] else {
        return;
    };
    p.indent.left = p.indent.left.max(clear);
    p.indent.right = p.indent.right.max(clear);
    let available = width - p.indent.left - p.indent.right;
    let widest = widest_line(fonts, &p.plain_text(), p.mark, available);
    if let Some(Block::Paragraph(rule)) = blocks.get_mut(i + 1) {
        if rule.runs.is_empty() && rule.border.is_some_and(|b| b.sides == Sides::Bottom) {
            let side = ((width - widest * style.short_rule_ratio) / 2.0).max(0.0);
            rule.indent.left = side;
            rule.indent.right = side;
        }
    }
}

/// An empty paragraph `height` pt tall.
fn spacer(style: &Style, height: f32) -> Paragraph {
    let mut p = Paragraph::new(style.body);
    p.spacing = Spacing {
        before: 0.0,
        after: 0.0,
        line: LineHeight::Exact(height.max(1.0)),
    };
    p
}
