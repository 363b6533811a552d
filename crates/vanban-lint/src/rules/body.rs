//! Ô 6, the body: size, justification, first-line indent, spacing, the
//! numbering of headings, the closing `./.` (spec §2.6).

use std::collections::BTreeMap;

use vanban_i18n::{msg, Message};

use super::{dominant, quote, shares, Ctx};
use crate::finding::Finding;
use crate::model::{Align, Para};
use crate::recognize::{is_upper, normal};
use crate::words;

/// What a body paragraph is, from its label.
#[derive(Clone, Debug, PartialEq)]
enum Label {
    /// `Phần I`, `Chương II`, `Mục 1`: restarts the Roman numbering.
    Part,
    Roman(u32),
    Arabic(u32),
    /// A điểm letter's position in the Vietnamese sequence (`None`: f, j, w, z …).
    Letter(Option<u32>, String),
    Article(u32),
    Plain,
}

fn label(text: &str) -> Label {
    let t = normal(text);
    if t.starts_with("Phần ") || t.starts_with("Chương ") || t.starts_with("Mục ") {
        return Label::Part;
    }
    if let Some(rest) = t.strip_prefix("Điều ") {
        if let Some((n, _)) = rest.split_once('.') {
            if let Ok(n) = n.parse() {
                return Label::Article(n);
            }
        }
    }
    if let Some((head, rest)) = t.split_once(". ") {
        if !rest.is_empty() {
            if let Some(n) = vanban::vn::parse_roman(head) {
                return Label::Roman(n);
            }
            if !head.is_empty() && head.len() <= 3 && head.chars().all(|c| c.is_ascii_digit()) {
                return Label::Arabic(head.parse().unwrap_or(0));
            }
        }
    }
    if let Some((head, _)) = t.split_once(") ") {
        if head.chars().count() == 1 && head.chars().all(|c| c.is_lowercase()) {
            return Label::Letter(vanban::vn::parse_point_letter(head), head.to_string());
        }
    }
    Label::Plain
}

pub fn check(ctx: &mut Ctx) {
    let body = ctx.el.body.clone();
    if body.is_empty() {
        return;
    }
    sizes(ctx, &body);
    alignment(ctx, &body);
    indent(ctx, &body);
    spacing(ctx, &body);
    numbering(ctx, &body);
    closing(ctx, &body);
}

/// One finding per rule for many paragraphs: the first one's place, a count.
fn aggregate(ctx: &mut Ctx, rule: &'static str, hits: Vec<(&Para, Message)>, expected: Message) {
    let Some((first, found)) = hits.first() else {
        return;
    };
    let found = if hits.len() > 1 {
        msg!("lint-v-more-paragraphs", found = found, n = hits.len() - 1)
    } else {
        found.clone()
    };
    let f = Finding::said(
        rule,
        format!("body paragraph {}", first.index),
        found,
        expected,
    )
    .at(first);
    ctx.push(f);
}

fn is_part(p: &Para) -> bool {
    let t = p.text.trim_start();
    t.starts_with("Phần ")
        || t.starts_with("Chương ")
        || t.starts_with("Mục ")
        || (p.align == Some(Align::Center) && is_upper(t))
}

fn sizes(ctx: &mut Ctx, body: &[usize]) {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for &i in body {
        if let Some(s) = dominant(ctx.para(i)) {
            *counts.entry((s.size * 2.0).round() as i32).or_default() += s.text.chars().count();
        }
    }
    let Some((&main, _)) = counts.iter().max_by_key(|(_, n)| **n) else {
        return;
    };
    let main = main as f32 / 2.0;
    let mut hits = Vec::new();
    for &i in body {
        let p = ctx.para(i);
        if let Some(s) = dominant(p) {
            let off_range = s.size < 12.75 || s.size > 14.25;
            let off_main = (s.size - main).abs() > 0.25;
            if off_range || off_main {
                hits.push((p, words::pt(s.size)));
            }
        }
    }
    let expected = if (12.75..=14.25).contains(&main) {
        msg!("lint-v-body-size", main = words::num(main))
    } else {
        msg!("lint-v-body-size-any")
    };
    aggregate(ctx, "ND30-2.6-body-size", hits, expected);
}

fn alignment(ctx: &mut Ctx, body: &[usize]) {
    let hits = body
        .iter()
        .map(|&i| ctx.para(i))
        .filter(|p| !is_part(p))
        .filter_map(|p| match p.align {
            Some(Align::Justify) | None => None,
            Some(other) => Some((p, words::align(other))),
        })
        .collect();
    aggregate(ctx, "ND30-2.6-body-align", hits, msg!("lint-v-justified"));
}

fn indent(ctx: &mut Ctx, body: &[usize]) {
    let slack = if ctx.is_pdf() { 0.7 } else { 0.3 };
    let hits = body
        .iter()
        .map(|&i| ctx.para(i))
        .filter(|p| !is_part(p) && p.align != Some(Align::Center) && !p.auto_numbered)
        .filter_map(|p| {
            let first = p.first_indent? + p.left.unwrap_or(0.0);
            (first < 10.0 - slack || first > 12.7 + slack)
                .then(|| (p, msg!("lint-v-indent", mm = words::num(first))))
        })
        .collect();
    aggregate(
        ctx,
        "ND30-2.6-body-indent",
        hits,
        msg!("lint-v-indent-expected"),
    );
}

fn spacing(ctx: &mut Ctx, body: &[usize]) {
    let slack = if ctx.is_pdf() { 1.0 } else { 0.1 };
    let mut hits = Vec::new();
    for pair in body.windows(2) {
        let (prev, p) = (ctx.para(pair[0]), ctx.para(pair[1]));
        // Only neighbours in the same flow, on the same page, are compared.
        if pair[1] != pair[0] + 1 || prev.page != p.page || is_part(prev) || is_part(p) {
            continue;
        }
        if let Some(before) = p.space_before {
            if before < 6.0 - slack {
                hits.push((
                    p,
                    msg!("lint-v-space-before", pt = words::num(before.max(0.0))),
                ));
            }
        }
    }
    for &i in body {
        let p = ctx.para(i);
        if let Some(line) = p.line_spacing {
            if !(1.0 - 0.1..=1.5 + 0.1).contains(&line) {
                hits.push((
                    p,
                    msg!(
                        "lint-v-line-spacing",
                        n = vanban_i18n::Arg::fixed(f64::from(line), 2)
                    ),
                ));
            }
        }
    }
    aggregate(
        ctx,
        "ND30-2.6-body-spacing",
        hits,
        msg!("lint-v-spacing-expected"),
    );
}

fn numbering(ctx: &mut Ctx, body: &[usize]) {
    let (mut roman, mut arabic, mut letter, mut article) = (1u32, 1u32, 1u32, 1u32);
    for &i in body {
        let p = ctx.para(i);
        if p.auto_numbered {
            continue;
        }
        let gap = |found: String, expected: Message| {
            Finding::said(
                "ND30-2.6-heading-numbering",
                format!("heading {}", quote(&p.text)),
                Message::text(found),
                expected,
            )
            .at(p)
        };
        let next = |label: String| msg!("lint-d-next", label = label);
        match label(&p.text) {
            Label::Part => {
                roman = 1;
                arabic = 1;
                letter = 1;
            }
            Label::Roman(n) => {
                if n != roman {
                    let f = gap(
                        format!("`{}.`", vanban::vn::roman(n)),
                        next(format!("`{}.`", vanban::vn::roman(roman))),
                    );
                    ctx.push(f);
                }
                let (bold, _) = shares(p);
                let title = normal(&p.text);
                if bold < 0.5 || !is_upper(&title) {
                    let f = Finding::new(
                        "ND30-2.6-heading-style",
                        format!("heading {}", quote(&p.text)),
                        if bold < 0.5 {
                            "not bold"
                        } else {
                            "not in capitals"
                        },
                        "bold capitals",
                    )
                    .at(p);
                    ctx.push(f);
                }
                roman = n + 1;
                arabic = 1;
                letter = 1;
            }
            Label::Article(n) => {
                if n != article {
                    let f = Finding::said(
                        "ND30-6.3-decision",
                        format!("article {}", quote(&p.text)),
                        Message::text(format!("`Điều {n}.`")),
                        msg!("lint-d-article-next", n = article),
                    )
                    .at(p);
                    ctx.push(f);
                }
                article = n + 1;
                arabic = 1;
                letter = 1;
            }
            Label::Arabic(n) => {
                if n != arabic {
                    let f = gap(format!("`{n}.`"), next(format!("`{arabic}.`")));
                    ctx.push(f);
                }
                arabic = n + 1;
                letter = 1;
            }
            Label::Letter(position, text) => match position {
                Some(pos) if pos == letter => letter += 1,
                Some(pos) => {
                    let f = gap(
                        format!("`{text})`"),
                        next(format!("`{})`", vanban::vn::point_letter(letter))),
                    );
                    ctx.push(f);
                    letter = pos + 1;
                }
                None => {
                    let f = gap(
                        format!("`{text})`"),
                        msg!(
                            "lint-d-letters",
                            label = format!("`{})`", vanban::vn::point_letter(letter))
                        ),
                    );
                    ctx.push(f);
                    letter += 1;
                }
            },
            Label::Plain => {}
        }
    }
}

fn closing(ctx: &mut Ctx, body: &[usize]) {
    let Some(&last) = body.last() else { return };
    let p = ctx.para(last);
    let text = normal(&p.text);
    if !text.ends_with("./.") {
        let tail: String = text
            .chars()
            .rev()
            .take(12)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let f = Finding::said(
            "ND30-2.6-closing",
            format!("body paragraph {}", p.index),
            msg!("lint-v-ends", tail = format!("…{tail}")),
            msg!("lint-v-ends", tail = "./."),
        )
        .at(p);
        ctx.push(f);
    }
}
