//! Ô 5a/5b, căn cứ and Kính gửi: type name and summary with its rule, a
//! công văn's `V/v` line, the legal bases (spec §2.5, §2.6, §2.9).

use vanban::Kind;
use vanban_i18n::msg;

use super::{header::short_rule, quote, Ctx};
use crate::finding::Finding;
use crate::model::Align;
use crate::recognize::{is_upper, normal};
use crate::words;

pub fn check(ctx: &mut Ctx) {
    type_name_and_summary(ctx);
    subject_line(ctx);
    bases(ctx);
    addressees(ctx);
}

fn centred(ctx: &mut Ctx, rule: &'static str, element: &str, i: usize) {
    let para = ctx.para(i);
    if let Some(align) = para.align.filter(|a| *a != Align::Center) {
        let f = Finding::said(rule, element, words::align(align), msg!("lint-v-centred")).at(para);
        ctx.push(f);
    }
}

fn type_name_and_summary(ctx: &mut Ctx) {
    let kind = ctx.el.kind;
    if kind.is_some_and(|k| !k.has_type_name()) {
        return;
    }
    let Some(t) = ctx.el.type_name else {
        if ctx.el.national_title.is_some() {
            let expected = kind
                .and_then(Kind::heading)
                .map(|h| msg!("lint-d-heading-centred", heading = h))
                .unwrap_or_else(|| msg!("lint-p-the-type-name-e-g-ke"));
            ctx.push(Finding::said(
                "ND30-2.5-type-name",
                "tên loại",
                msg!("lint-v-none"),
                expected,
            ));
        }
        return;
    };
    ctx.check_style(
        "ND30-2.5-type-name",
        "tên loại",
        t,
        (13.0, 14.0),
        Some(true),
        Some(false),
    );
    centred(ctx, "ND30-2.5-type-name", "tên loại", t);
    let summary = ctx.el.summary.clone();
    if summary.is_empty() && kind.is_some_and(Kind::summary_optional) {
        return;
    }
    if summary.is_empty() {
        let f = Finding::new(
            "ND30-2.5-summary",
            "trích yếu",
            "none",
            "the summary under the type name",
        )
        .at(ctx.para(t));
        ctx.push(f);
        return;
    }
    for &i in &summary {
        ctx.check_style(
            "ND30-2.5-summary",
            "trích yếu",
            i,
            (13.0, 14.0),
            Some(true),
            Some(false),
        );
        centred(ctx, "ND30-2.5-summary", "trích yếu", i);
    }
    let first = ctx.para(summary[0]);
    let text = normal(&first.text);
    if is_upper(&text) && text.chars().filter(|c| c.is_alphabetic()).count() > 12 {
        let f = Finding::new(
            "ND30-2.5-summary",
            "trích yếu",
            quote(&text),
            "sentence case, not capitals",
        )
        .at(first);
        ctx.push(f);
    }
    // The rule sits under the summary's last line; measure against its widest.
    let last = ctx.para(*summary.last().expect("a summary line"));
    let mut measured = last.clone();
    measured.text_width = summary
        .iter()
        .filter_map(|&i| ctx.para(i).text_width)
        .reduce(f32::max);
    short_rule(ctx, "ND30-2.5-summary-rule", "summary rule", &measured);
}

fn subject_line(ctx: &mut Ctx) {
    if ctx.el.kind != Some(Kind::CongVan) {
        return;
    }
    let Some(&first) = ctx.el.subject.first() else {
        let mut f = Finding::new(
            "ND30-2.5-subject-line",
            "trích yếu công văn",
            "none",
            "`V/v …` under the number",
        );
        if let Some(n) = ctx.el.number {
            f = f.at(ctx.para(n));
        }
        ctx.push(f);
        return;
    };
    let text = normal(&ctx.para(first).text);
    if !text.starts_with("V/v ") {
        let f = Finding::new(
            "ND30-2.5-subject-line",
            "trích yếu công văn",
            quote(&text),
            "`V/v ` then the subject",
        )
        .at(ctx.para(first));
        ctx.push(f);
    }
    for i in ctx.el.subject.clone() {
        ctx.check_style(
            "ND30-2.5-subject-line",
            "trích yếu công văn",
            i,
            (12.0, 13.0),
            Some(false),
            Some(false),
        );
    }
}

fn bases(ctx: &mut Ctx) {
    let bases = ctx.el.bases.clone();
    for (k, &i) in bases.iter().enumerate() {
        ctx.check_style(
            "ND30-2.6-bases",
            "căn cứ",
            i,
            (13.0, 14.0),
            None,
            Some(true),
        );
        let text = normal(&ctx.para(i).text);
        let last = k + 1 == bases.len();
        let want = if last { '.' } else { ';' };
        if !text.ends_with(want) {
            let f = Finding::new(
                "ND30-2.6-bases",
                "căn cứ",
                format!("ends `{}`", text.chars().last().unwrap_or(' ')),
                format!("ends `{want}`"),
            )
            .at(ctx.para(i));
            ctx.push(f);
        }
    }
}

fn addressees(ctx: &mut Ctx) {
    for i in ctx.el.addressees.clone() {
        ctx.check_style(
            "ND30-2.9-addressees",
            "kính gửi",
            i,
            (13.0, 14.0),
            None,
            Some(false),
        );
    }
}
