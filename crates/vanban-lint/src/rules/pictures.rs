//! The signature and seal pictures, where a document has them (spec §2.7,
//! §2.8): the signature between the title and the name, the seal over the
//! signature's left third. In a PDF the pictures are measured on the page
//! against the title's and the name's baselines; in a DOCX against the
//! paragraphs they float from (anchored after the title, up to the name,
//! not reaching above their paragraph).

use super::Ctx;
use crate::finding::Finding;
use crate::model::{Picture, SourceFormat};
use crate::recognize::{is_upper, normal};
use vanban_i18n::msg;

/// Slack for measuring, mm.
const SLACK: f32 = 1.0;
/// mm in a point.
const PT: f32 = 25.4 / 72.0;

pub fn check(ctx: &mut Ctx) {
    if ctx.doc.pictures.is_empty() {
        return;
    }
    let lines = &ctx.el.signer;
    let Some(name) = lines
        .iter()
        .rev()
        .copied()
        .find(|&i| !is_upper(&normal(&ctx.para(i).text)))
    else {
        return;
    };
    let Some(title) = lines
        .iter()
        .rev()
        .copied()
        .find(|&i| i < name && is_upper(&normal(&ctx.para(i).text)))
    else {
        return;
    };
    let found = match ctx.doc.format {
        SourceFormat::Pdf => on_the_page(ctx, title, name),
        SourceFormat::Docx => in_the_cell(ctx, title, name),
    };
    let Some((signature, seal, between)) = found else {
        return;
    };
    if !between {
        let f = Finding::new(
            "ND30-2.7-signature-image",
            "chữ ký (hình ảnh)",
            "not between the title and the name",
            "centred between the title and the name",
        )
        .at(ctx.para(name));
        ctx.push(f);
    }
    if let Some(seal) = seal {
        // The seal's right part lies over the signature's left third.
        let over = seal.x + seal.width - signature.x;
        let third = signature.width / 3.0;
        let vertical = (seal.y + seal.height / 2.0 - (signature.y + signature.height / 2.0)).abs();
        if seal.x >= signature.x
            || over < third / 2.0
            || over > third * 1.5
            || vertical > signature.height / 2.0
        {
            let percent = vanban_i18n::Arg::fixed(
                f64::from((over.max(0.0) / signature.width * 100.0).min(100.0)),
                0,
            );
            let found = if seal.x >= signature.x {
                msg!("lint-d-seal-over-right", percent = percent)
            } else {
                msg!("lint-d-seal-over", percent = percent)
            };
            let f = Finding::said(
                "ND30-2.8-seal-image",
                "dấu (hình ảnh)",
                found,
                msg!("lint-p-over-about-a-third-of-the"),
            )
            .at(ctx.para(name));
            ctx.push(f);
        }
    }
}

/// The pictures that stand at the signer's block: the signature (the one
/// reaching furthest right) and the seal (the leftmost other), sorted out
/// of `near`.
fn signature_and_seal(mut near: Vec<Picture>) -> Option<(Picture, Option<Picture>)> {
    near.sort_by(|a, b| (a.x + a.width).total_cmp(&(b.x + b.width)));
    let signature = near.pop()?;
    near.sort_by(|a, b| a.x.total_cmp(&b.x));
    let seal = near.into_iter().next();
    Some((signature, seal))
}

/// PDF: pictures on the name's page within 30 mm of the gap; the signature
/// must lie below the title's baseline and above the name's capitals.
fn on_the_page(ctx: &Ctx, title: usize, name: usize) -> Option<(Picture, Option<Picture>, bool)> {
    let (t, n) = (ctx.para(title), ctx.para(name));
    let page = n.page?;
    let top = t.baselines?.1;
    let size = n.visible_spans().next().map_or(14.0, |s| s.size);
    let bottom = n.baselines?.0 - 0.7 * size * PT;
    let near: Vec<Picture> = ctx
        .doc
        .pictures
        .iter()
        .filter(|p| p.page == Some(page))
        .filter(|p| p.y < bottom + 30.0 && p.y + p.height > top - 30.0)
        .cloned()
        .collect();
    let (signature, seal) = signature_and_seal(near)?;
    let between = signature.y >= top - SLACK && signature.y + signature.height <= bottom + SLACK;
    Some((signature, seal, between))
}

/// DOCX: pictures anchored in the signer's paragraphs; the signature must
/// float from a (blank) paragraph after the title, at or below its top.
fn in_the_cell(ctx: &Ctx, title: usize, name: usize) -> Option<(Picture, Option<Picture>, bool)> {
    let (first, last) = (ctx.para(title).index, ctx.para(name).index);
    let near: Vec<Picture> = ctx
        .doc
        .pictures
        .iter()
        .filter(|p| p.anchor.is_some_and(|a| a >= first && a <= last))
        .cloned()
        .collect();
    let (signature, seal) = signature_and_seal(near)?;
    let anchor = signature.anchor?;
    // Blank paragraphs are not kept in the reading: a picture in one is
    // counted with the next paragraph read, at most the name.
    let between = anchor > first && anchor <= last && signature.y >= -SLACK;
    Some((signature, seal, between))
}
