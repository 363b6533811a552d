//! Ink inside the margins (spec §1, App. I I.3): no line of a PDF stands
//! in the left or right margin, the header included, except as far as the
//! decree's templates pull their header table into the left margin (up to
//! 6 mm); in a DOCX, no paragraph indented into a margin.

use super::Ctx;
use crate::finding::Finding;
use crate::model::Zone;
use crate::words;
use vanban_i18n::msg;

const RULE: &str = "ND30-1-ink-margins";
/// How far the templates' header table reaches into the left margin (0.6
/// cm; their right column ends inside the text block, its cell padding
/// leaving the text a little further in).
const HEADER_LEFT: f32 = 6.0;
const HEADER_RIGHT: f32 = 2.0;
/// What measuring glyph boxes may be off by.
const SLACK: f32 = 1.0;

pub fn check(ctx: &mut Ctx) {
    if ctx.is_pdf() {
        pdf(ctx);
    } else {
        docx(ctx);
    }
}

fn pdf(ctx: &mut Ctx) {
    let mut reported: Vec<(usize, &str)> = Vec::new();
    for para in &ctx.doc.paras {
        // Every line on its own page: a paragraph carried over to the next
        // page is judged there too.
        let lines = para.line_boxes.iter().copied();
        let boxes: Vec<(usize, [f32; 4])> = match (para.page, para.bbox) {
            _ if !para.line_boxes.is_empty() => lines.collect(),
            (Some(page), Some(bbox)) => vec![(page, bbox)],
            _ => continue,
        };
        for (page, [left, top, right, bottom]) in boxes {
            let Some(setup) = ctx.doc.pages.get(page - 1) else {
                continue;
            };
            let header = matches!(para.zone, Zone::HeaderLeft | Zone::HeaderRight);
            // A landscape page may keep either convention: its smallest margins.
            let (min_left, min_right) = if setup.width > setup.height {
                (20.0, 15.0)
            } else {
                (30.0, 15.0)
            };
            let (allow_left, allow_right) = if header {
                (HEADER_LEFT, HEADER_RIGHT)
            } else {
                (0.0, 0.0)
            };
            // A page whose measured margin is already out (ND30-1-margins)
            // is not reported again line by line.
            let narrow = |m: Option<f32>, min: f32| m.is_some_and(|m| m < min - SLACK);
            let sides = [
                (
                    "left",
                    left,
                    min_left - allow_left,
                    narrow(setup.margins.left, min_left),
                ),
                (
                    "right",
                    setup.width - right,
                    min_right - allow_right,
                    narrow(setup.margins.right, min_right),
                ),
            ];
            for (side, room, least, known) in sides {
                if known || room >= least - SLACK || reported.contains(&(page, side)) {
                    continue;
                }
                reported.push((page, side));
                let found = msg!("lint-v-ink", mm = words::num(room), side = side);
                let expected = msg!(
                    "lint-v-ink-expected",
                    mm = words::num(least),
                    margin = if side == "left" { 30 } else { 15 },
                    header = if header { "yes" } else { "no" }
                );
                let mut f = Finding::said(RULE, format!("{side} margin"), found, expected).at(para);
                if Some(page) != para.page {
                    // A line carried over: its own page and box, the
                    // paragraph's quoted text.
                    f.paragraph = None;
                    f.page = Some(page);
                    f.bbox = Some(crate::finding::Bbox::mm([left, top, right, bottom]));
                }
                ctx.out.push(f);
            }
        }
    }
}

/// A DOCX header table pulled into the left margin further than the
/// templates do, and a paragraph of the body indented into it.
fn docx(ctx: &mut Ctx) {
    if let Some(out) = ctx.doc.header_outdent.filter(|&o| o > HEADER_LEFT + SLACK) {
        let first = ctx.doc.paras.iter().find(|p| p.zone == Zone::HeaderLeft);
        let mut f = Finding::said(
            RULE,
            "left margin",
            msg!("lint-d-header-pulled", mm = words::num(out)),
            msg!("lint-d-header-allowance", mm = words::num(HEADER_LEFT)),
        );
        if let Some(para) = first {
            f = f.at(para);
        }
        ctx.out.push(f);
    }
    let found = ctx.doc.paras.iter().find(|p| {
        p.zone == Zone::Body && !p.text.trim().is_empty() && p.left.is_some_and(|l| l < -SLACK)
    });
    if let Some(para) = found {
        let f = Finding::said(
            RULE,
            "left margin",
            msg!(
                "lint-d-indented-into-margin",
                mm = words::num(-para.left.unwrap_or(0.0))
            ),
            msg!("lint-p-no-text-in-the-margin-indent"),
        )
        .at(para);
        ctx.out.push(f);
    }
}
