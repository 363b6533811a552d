//! The end of a document and the structures of some kinds: Nơi nhận and
//! `Lưu`, the signer block and its authority prefixes, Quyết định's
//! `QUYẾT ĐỊNH:` and articles, Biên bản's two signers, Phụ lục (spec §2.7,
//! §2.9, §2.14, §6.3).

use vanban::validate::AUTHORITY_PREFIXES;
use vanban::Kind;
use vanban_i18n::msg;

use super::{quote, Ctx};
use crate::finding::Finding;
use crate::recognize::{is_upper, normal};

pub fn check(ctx: &mut Ctx) {
    recipients(ctx);
    signer(ctx);
    decision(ctx);
    minutes(ctx);
    appendices(ctx);
}

fn recipients(ctx: &mut Ctx) {
    let Some(label) = ctx.el.recipients_label else {
        if ctx.el.national_title.is_some() {
            ctx.push(Finding::new(
                "ND30-2.9-recipients",
                "nơi nhận",
                "none",
                "`Nơi nhận:` left of the signer",
            ));
        }
        return;
    };
    ctx.check_style(
        "ND30-2.9-recipients",
        "nơi nhận",
        label,
        (12.0, 12.0),
        Some(true),
        Some(true),
    );
    let items: Vec<usize> = ctx
        .el
        .recipients
        .iter()
        .copied()
        .filter(|&i| normal(&ctx.para(i).text).starts_with('-'))
        .collect();
    for &i in &items {
        ctx.check_style(
            "ND30-2.9-recipients",
            "nơi nhận item",
            i,
            (11.0, 11.0),
            None,
            Some(false),
        );
    }
    let archive = items
        .iter()
        .rev()
        .find(|&&i| normal(&ctx.para(i).text).starts_with("- Lưu"));
    match (items.last(), archive) {
        (_, None) => {
            let f = Finding::new(
                "ND30-2.9-archive",
                "lưu",
                "no `- Lưu:` line",
                "last item `- Lưu: VT, <unit>.`",
            )
            .at(ctx.para(label));
            ctx.push(f);
        }
        (Some(last), Some(archive)) => {
            let text = normal(&ctx.para(*archive).text);
            if last != archive {
                let f = Finding::new(
                    "ND30-2.9-archive",
                    "lưu",
                    "`- Lưu` not the last item",
                    "`- Lưu: VT, …` last",
                )
                .at(ctx.para(*archive));
                ctx.push(f);
            } else if !text.starts_with("- Lưu: VT") {
                let f = Finding::new(
                    "ND30-2.9-archive",
                    "lưu",
                    quote(&text),
                    "`- Lưu: VT, <unit>.`",
                )
                .at(ctx.para(*archive));
                ctx.push(f);
            }
        }
        (None, Some(_)) => {}
    }
}

fn signer(ctx: &mut Ctx) {
    let lines = ctx.el.signer.clone();
    if lines.is_empty() {
        if ctx.el.recipients_label.is_some() {
            ctx.push(Finding::new(
                "ND30-2.7-signer",
                "chữ ký",
                "no signer block",
                "authority, title and name right of Nơi nhận",
            ));
        }
        return;
    }
    let name = lines
        .iter()
        .rev()
        .copied()
        .find(|&i| !is_upper(&normal(&ctx.para(i).text)));
    let titles: Vec<usize> = lines.iter().copied().filter(|&i| Some(i) != name).collect();
    for &i in &titles {
        let text = normal(&ctx.para(i).text);
        if !is_upper(&text) {
            continue;
        }
        ctx.check_style(
            "ND30-2.7-signer",
            "quyền hạn, chức vụ",
            i,
            (13.0, 14.0),
            Some(true),
            Some(false),
        );
        // `XX. TITLE`: the prefix must be one of the decree's. Clerks'
        // variants: `T/M`, `K/T`, `TM` without its dot.
        if let Some((prefix, _)) = text.split_once(' ') {
            let bare = prefix.replace(['.', '/'], "");
            let looks_like_prefix = (prefix.ends_with('.')
                || prefix.contains('/')
                || AUTHORITY_PREFIXES
                    .iter()
                    .any(|p| p.trim_end_matches('.') == bare))
                && prefix.len() <= 5;
            if looks_like_prefix && !AUTHORITY_PREFIXES.contains(&prefix) {
                let f = Finding::new(
                    "ND30-2.7-authority-prefix",
                    "quyền hạn ký",
                    format!("`{prefix}`"),
                    "TM., KT., Q., TL. or TUQ.",
                )
                .at(ctx.para(i));
                ctx.push(f);
            }
        }
    }
    match name {
        Some(i) => {
            ctx.check_style(
                "ND30-2.7-signer",
                "họ tên người ký",
                i,
                (13.0, 14.0),
                Some(true),
                Some(false),
            );
            signer_name(ctx, i);
        }
        None => {
            let f = Finding::new(
                "ND30-2.7-signer",
                "họ tên người ký",
                "none",
                "the signer's full name",
            )
            .at(ctx.para(lines[0]));
            ctx.push(f);
        }
    }
}

/// Ranks, degrees and titles the decree keeps off the signature: the
/// name alone (App. I II.7.c). Compared word by word at the name's start.
const RANKS: [&str; 16] = [
    "GS.",
    "PGS.",
    "TS.",
    "ThS.",
    "KS.",
    "BS.",
    "CN.",
    "TSKH.",
    "NCS.",
    "Ths.",
    "Ts.",
    "Pgs.",
    "GS.TS.",
    "PGS.TS.",
    "PGS.TSKH.",
    "GS.TSKH.",
];
const MILITARY: [&str; 5] = [
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
];

fn signer_name(ctx: &mut Ctx, i: usize) {
    let text = normal(&ctx.para(i).text);
    let first = text.split_whitespace().next().unwrap_or("");
    let rank = RANKS
        .iter()
        .find(|r| first == **r || first.starts_with(*r) && first.contains('.'))
        .map(|r| r.to_string())
        .or_else(|| {
            MILITARY
                .iter()
                .chain(["Thượng tá", "Trung tá", "Thiếu tá"].iter())
                .find(|m| text.starts_with(**m))
                .map(|m| m.to_string())
        });
    if let Some(rank) = rank {
        let f = Finding::said(
            "ND30-2.7-signer-name",
            "họ tên người ký",
            msg!("lint-d-rank-before-name", rank = &rank, text = quote(&text)),
            msg!("lint-p-the-name-alone-without-rank-or"),
        )
        .at(ctx.para(i));
        ctx.push(f);
    }
}

/// `QUYẾT ĐỊNH:` (Quyết định) and `QUYẾT NGHỊ:` (Nghị quyết) stand centred
/// and bold between the bases and the articles.
fn decision_word(ctx: &mut Ctx) {
    let Some(i) = ctx.el.decision_word else {
        return;
    };
    let para = ctx.para(i);
    let (bold, _) = super::shares(para);
    let mut found = Vec::new();
    // A PDF's single short line has no alignment of its own: one that
    // starts at the left edge is not centred.
    let at_left_edge = para.align.is_none()
        && para.first_indent.is_some_and(|i| i.abs() < 1.5)
        && para.text_width.is_some_and(|w| w < 100.0);
    if matches!(para.align, Some(a) if a != crate::model::Align::Center) || at_left_edge {
        found.push(msg!("lint-d-not-centred"));
    }
    if bold < 0.5 {
        found.push(msg!("lint-v-not-bold"));
    }
    if !found.is_empty() {
        let what = crate::words::list(found);
        let f = Finding::said(
            "ND30-6.3-decision-word",
            "quyết định",
            msg!("lint-d-quoted-with", text = quote(&para.text), what = what),
            msg!("lint-p-centred-bold"),
        )
        .at(para);
        ctx.push(f);
    }
}

/// The issuing authority line of a Quyết định (and a Nghị quyết's, when
/// there): capitals, bold, centred, between the summary and the bases.
fn authority_line(ctx: &mut Ctx) {
    let Some(i) = ctx.el.authority else {
        missing_authority_line(ctx);
        return;
    };
    {
        ctx.check_style(
            "ND30-6.3-authority-line",
            "thẩm quyền ban hành",
            i,
            (13.0, 14.0),
            Some(true),
            Some(false),
        );
        let para = ctx.para(i);
        if matches!(para.align, Some(a) if a != crate::model::Align::Center) {
            let f = Finding::said(
                "ND30-6.3-authority-line",
                "thẩm quyền ban hành",
                msg!("lint-d-text-not-centred", text = quote(&para.text)),
                msg!("lint-v-centred"),
            )
            .at(para);
            ctx.push(f);
        }
    }
}

/// A Quyết định without its authority line (templates 1.1-1.3 all have
/// it) is an error; a Nghị quyết's is a warning (a collective body's
/// resolution printed without it is still seen).
fn missing_authority_line(ctx: &mut Ctx) {
    let kind = ctx.el.kind;
    if !matches!(kind, Some(Kind::QuyetDinh | Kind::NghiQuyet)) || ctx.el.type_name.is_none() {
        return;
    }
    let example = if kind == Some(Kind::QuyetDinh) {
        "`CHỦ TỊCH ỦY BAN NHÂN DÂN …`"
    } else {
        "`HỘI ĐỒNG NHÂN DÂN …`"
    };
    let mut f = Finding::said(
        "ND30-6.3-authority-line",
        "thẩm quyền ban hành",
        msg!("lint-v-none"),
        msg!("lint-d-authority-line-expected", example = example),
    );
    let next = (ctx.el.bases.first())
        .or(ctx.el.decision_word.as_ref())
        .or(ctx.el.summary.last());
    if let Some(&at) = next {
        f = f.at(ctx.para(at));
    }
    if kind == Some(Kind::NghiQuyet) {
        f = f.warning();
    }
    ctx.push(f);
}

/// The word a kind enacts its articles with.
fn enacting_word(kind: Option<Kind>) -> Option<&'static str> {
    match kind {
        Some(Kind::QuyetDinh) => Some("QUYẾT ĐỊNH:"),
        Some(Kind::NghiQuyet) => Some("QUYẾT NGHỊ:"),
        _ => None,
    }
}

fn decision(ctx: &mut Ctx) {
    decision_word(ctx);
    authority_line(ctx);
    let Some(word) = enacting_word(ctx.el.kind) else {
        return;
    };
    match ctx.el.decision_word {
        None => {
            let mut f = Finding::said(
                "ND30-6.3-decision",
                "quyết định",
                msg!("lint-d-no-word-line", word = word),
                msg!("lint-d-word-before-article", word = word),
            );
            if let Some(&first) = ctx.el.body.first() {
                f = f.at(ctx.para(first));
            }
            ctx.push(f);
        }
        // A Quyết định enacts with `QUYẾT ĐỊNH:`, a Nghị quyết with
        // `QUYẾT NGHỊ:` (templates 1.1, 1.2).
        Some(i) if normal(&ctx.para(i).text) != word => {
            let f = Finding::new(
                "ND30-6.3-decision-word",
                "quyết định",
                quote(&ctx.para(i).text),
                format!("`{word}`"),
            )
            .at(ctx.para(i));
            ctx.push(f);
        }
        Some(_) => {}
    }
    let has_article = ctx
        .el
        .body
        .iter()
        .any(|&i| normal(&ctx.para(i).text).starts_with("Điều 1."));
    if !has_article {
        ctx.push(Finding::new(
            "ND30-6.3-decision",
            "điều",
            "no `Điều 1.`",
            "articles `Điều 1.`, `Điều 2.` …",
        ));
    }
}

fn minutes(ctx: &mut Ctx) {
    if ctx.el.kind != Some(Kind::BienBan) {
        return;
    }
    let names = ctx
        .doc
        .paras
        .iter()
        .skip(ctx.el.body.last().map_or(0, |&i| i + 1))
        .filter(|p| {
            let t = normal(&p.text);
            t.contains("THƯ KÝ")
                || t.contains("CHỦ TỌA")
                || t.contains("CHỦ TOẠ")
                || t.contains("CHỦ TRÌ")
        })
        .count();
    if names < 2 {
        let mut f = Finding::said(
            "ND30-3-minutes-signers",
            "người ký biên bản",
            msg!("lint-d-signers-found", n = names),
            msg!("lint-p-two-signers-thu-ky-and-chu"),
        );
        if let Some(&first) = ctx.el.signer.first() {
            f = f.at(ctx.para(first));
        }
        ctx.push(f);
    }
}

fn appendices(ctx: &mut Ctx) {
    for i in ctx.el.appendices.clone() {
        ctx.check_style(
            "ND30-2.14-appendix",
            "phụ lục",
            i,
            (14.0, 14.0),
            Some(true),
            Some(false),
        );
        if !ctx.is_pdf() {
            // In a DOCX an appendix numbers its pages on its own when it is a
            // section of its own that restarts the numbering.
            let section = ctx.para(i).section.unwrap_or(1);
            let own = section > 1
                && ctx
                    .doc
                    .pages
                    .get(section - 1)
                    .is_some_and(|s| s.restarts_numbering);
            if !own {
                let f = Finding::new(
                    "ND30-2.14-appendix",
                    "phụ lục page numbers",
                    "the main text's numbering continued",
                    "a section of its own restarting at 1",
                )
                .at(ctx.para(i));
                ctx.push(f);
            }
            continue;
        }
        let Some(page) = ctx.para(i).page else {
            continue;
        };
        // The appendix's second page shows 2: it is numbered on its own.
        if let Some(n) = ctx.doc.numbering.shown.iter().find(|n| n.page == page + 1) {
            if n.text != "2" {
                let f = Finding::said(
                    "ND30-2.14-appendix",
                    "phụ lục page number",
                    msg!("lint-d-appendix-second-page", text = &n.text),
                    msg!("lint-d-appendix-own-numbers"),
                )
                .on_page(page + 1);
                ctx.push(f);
            }
        }
    }
}
