//! Ô 1–4: quốc hiệu and tiêu ngữ with its rule, parent and issuer with its
//! rule, number and symbol, place and date (spec §2.1–2.4).

use vanban::{Date, Kind};
use vanban_i18n::msg;

use super::{dominant, quote, Ctx};
use crate::finding::Finding;
use crate::recognize::{is_upper, normal};
use crate::words;

pub fn check(ctx: &mut Ctx) {
    national_title(ctx);
    motto(ctx);
    authorities(ctx);
    number(ctx);
    place_date(ctx);
}

fn national_title(ctx: &mut Ctx) {
    let Some(i) = ctx.el.national_title else {
        ctx.push(Finding::new(
            "ND30-2.1-national-title",
            "quốc hiệu",
            "none",
            "`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` at the top of page 1",
        ));
        return;
    };
    let text = normal(&ctx.para(i).text);
    if text != "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" && text != "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    {
        let f = Finding::new(
            "ND30-2.1-national-title",
            "quốc hiệu",
            quote(&text),
            "`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` in capitals",
        )
        .at(ctx.para(i));
        ctx.push(f);
    }
    ctx.check_style(
        "ND30-2.1-national-title",
        "quốc hiệu",
        i,
        (12.0, 13.0),
        Some(true),
        Some(false),
    );
}

fn motto(ctx: &mut Ctx) {
    let Some(i) = ctx.el.motto else {
        ctx.push(Finding::new(
            "ND30-2.1-motto",
            "tiêu ngữ",
            "none",
            "`Độc lập - Tự do - Hạnh phúc` under the quốc hiệu",
        ));
        return;
    };
    let para = ctx.para(i);
    let text = normal(&para.text);
    if text != "Độc lập - Tự do - Hạnh phúc" {
        let f = Finding::new(
            "ND30-2.1-motto",
            "tiêu ngữ",
            quote(&text),
            "`Độc lập - Tự do - Hạnh phúc`, phrases joined by ` - `",
        )
        .at(para);
        ctx.push(f);
    }
    ctx.check_style(
        "ND30-2.1-motto",
        "tiêu ngữ",
        i,
        (13.0, 14.0),
        Some(true),
        Some(false),
    );
    match (para.rule_below, para.text_width) {
        (None, _) => {
            let f = Finding::new(
                "ND30-2.1-motto-rule",
                "tiêu ngữ rule",
                "no rule",
                "a solid rule as long as the tiêu ngữ",
            )
            .at(para);
            ctx.push(f);
        }
        (Some(rule), Some(width)) if width > 0.0 && !(0.85..=1.15).contains(&(rule / width)) => {
            let f = Finding::said(
                "ND30-2.1-motto-rule",
                "tiêu ngữ rule",
                msg!(
                    "lint-d-rule-under",
                    length = words::num(rule),
                    width = words::num(width)
                ),
                msg!("lint-p-as-long-as-the-tieu-ngu"),
            )
            .at(para);
            ctx.push(f);
        }
        _ => {}
    }
    // Size coupling: tiêu ngữ = quốc hiệu + 1, place/date = tiêu ngữ.
    let size = |i: Option<usize>| i.and_then(|i| dominant(ctx.para(i))).map(|s| s.size);
    if let (Some(title), Some(motto)) = (size(ctx.el.national_title), size(Some(i))) {
        let date = size(ctx.el.place_date);
        let coupled =
            (motto - title - 1.0).abs() < 0.3 && date.is_none_or(|d| (d - motto).abs() < 0.3);
        if !coupled {
            let (title, motto) = (words::num(title), words::num(motto));
            let found = match date {
                Some(d) => msg!(
                    "lint-d-sizes-date",
                    title = title,
                    motto = motto,
                    date = words::num(d)
                ),
                None => msg!("lint-d-sizes", title = title, motto = motto),
            };
            let f = Finding::said(
                "ND30-2.1-size-coupling",
                "quốc hiệu, tiêu ngữ, date",
                found,
                msg!("lint-p-13-14-14-or-12-13"),
            )
            .at(ctx.para(i));
            ctx.push(f);
        }
    }
}

fn authorities(ctx: &mut Ctx) {
    for &i in &ctx.el.parent.clone() {
        let para = ctx.para(i);
        if !is_upper(&normal(&para.text)) {
            let f = Finding::new(
                "ND30-2.2-parent",
                "cơ quan chủ quản",
                quote(&para.text),
                "capitals",
            )
            .at(para);
            ctx.push(f);
        }
        ctx.check_style(
            "ND30-2.2-parent",
            "cơ quan chủ quản",
            i,
            (12.0, 13.0),
            Some(false),
            Some(false),
        );
    }
    let issuer = ctx.el.issuer.clone();
    if issuer.is_empty() {
        ctx.push(Finding::new(
            "ND30-2.2-issuer",
            "cơ quan ban hành",
            "none",
            "the issuing authority, top left of page 1",
        ));
        return;
    }
    for &i in &issuer {
        let para = ctx.para(i);
        if !is_upper(&normal(&para.text)) {
            let f = Finding::new(
                "ND30-2.2-issuer",
                "cơ quan ban hành",
                quote(&para.text),
                "capitals",
            )
            .at(para);
            ctx.push(f);
        }
        ctx.check_style(
            "ND30-2.2-issuer",
            "cơ quan ban hành",
            i,
            (12.0, 13.0),
            Some(true),
            Some(false),
        );
    }
    // The rule sits under the last line; its length is judged against the
    // widest line of the name.
    let mut last = ctx.para(*issuer.last().expect("an issuer line")).clone();
    last.text_width = issuer
        .iter()
        .filter_map(|&i| ctx.para(i).text_width)
        .reduce(f32::max);
    short_rule(ctx, "ND30-2.2-issuer-rule", "issuer rule", &last);
}

/// A rule 1/3 to 1/2 as long as the line above it (issuer, summary).
pub fn short_rule(ctx: &mut Ctx, rule: &'static str, element: &str, para: &crate::model::Para) {
    match (para.rule_below, para.text_width) {
        (None, _) => {
            let f = Finding::said(
                rule,
                element,
                msg!("lint-v-no-rule"),
                msg!("lint-v-rule-third"),
            )
            .at(para);
            ctx.push(f);
        }
        (Some(length), Some(width)) if width > 0.0 => {
            let ratio = length / width;
            // Generous bounds: a PDF's line width is measured, a DOCX's computed.
            if !(0.28..=0.6).contains(&ratio) {
                let found = msg!(
                    "lint-v-rule-measured",
                    length = words::num(length),
                    width = words::num(width),
                    ratio = (ratio * 100.0).round() as i64
                );
                let f = Finding::said(rule, element, found, msg!("lint-v-rule-ratio")).at(para);
                ctx.push(f);
            }
        }
        _ => {}
    }
}

fn number(ctx: &mut Ctx) {
    let Some(i) = ctx.el.number else {
        ctx.push(Finding::new(
            "ND30-2.3-number",
            "số",
            "none",
            "`Số: …/…` under the issuer",
        ));
        return;
    };
    let para = ctx.para(i);
    ctx.check_style("ND30-2.3-number", "số", i, (13.0, 13.0), None, Some(false));
    let text = para.text.trim().to_string();
    let Some(rest) = text.strip_prefix("Số:") else {
        let f = Finding::new(
            "ND30-2.3-number",
            "số",
            quote(&text),
            "`Số:` then the number and symbol",
        )
        .at(para);
        ctx.push(f);
        return;
    };
    let Some((num, symbol)) = rest.split_once('/') else {
        let f = Finding::new(
            "ND30-2.3-number",
            "số",
            quote(&text),
            "`number/symbol`, e.g. `Số: 05/KH-VP`",
        )
        .at(para);
        ctx.push(f);
        return;
    };
    let num_trim = num.trim();
    if is_blank(num) {
        // A blank slot: wide enough to write a number in.
        let width = blank_width(num, 13.0);
        if width < 6.0 {
            let f = Finding::said(
                "ND30-2.3-blank-slot",
                "số",
                msg!("lint-d-blank", mm = words::num(width)),
                msg!("lint-d-blank-expected", mm = words::num(6.0)),
            )
            .at(para);
            ctx.push(f);
        }
    } else if !num_trim.chars().all(|c| c.is_ascii_digit()) {
        let f = Finding::new(
            "ND30-2.3-number",
            "số",
            format!("`{num_trim}`"),
            "Arabic numerals",
        )
        .at(para);
        ctx.push(f);
    } else {
        let value: u64 = num_trim.parse().unwrap_or(0);
        let padded_right = if value < 10 {
            num_trim.len() == 2
        } else {
            !num_trim.starts_with('0')
        };
        if !padded_right {
            let f = Finding::new(
                "ND30-2.3-number-padding",
                "số",
                format!("`{num_trim}`"),
                format!("`{}`", vanban::vn::document_number(value as u32)),
            )
            .at(para);
            ctx.push(f);
        }
        if num.ends_with(char::is_whitespace) {
            let f = Finding::new(
                "ND30-2.3-number",
                "số",
                quote(&text),
                "no spaces inside `number/symbol`",
            )
            .at(para);
            ctx.push(f);
        }
    }
    symbol_rule(ctx, i, symbol);
}

fn symbol_rule(ctx: &mut Ctx, i: usize, symbol: &str) {
    let para = ctx.para(i);
    let symbol_trim = symbol.trim();
    if symbol_trim.contains(char::is_whitespace) || symbol != symbol_trim {
        let f = Finding::new(
            "ND30-2.3-symbol",
            "ký hiệu",
            format!("`{symbol}`"),
            "no spaces inside the symbol",
        )
        .at(para);
        ctx.push(f);
    }
    let groups: Vec<&str> = symbol_trim.split('-').collect();
    if groups.len() < 2 || groups.iter().any(|g| g.is_empty()) {
        let f = Finding::new(
            "ND30-2.3-symbol",
            "ký hiệu",
            format!("`{symbol_trim}`"),
            "groups joined by `-`, e.g. `KH-UBND`",
        )
        .at(para);
        ctx.push(f);
        return;
    }
    let Some(kind) = ctx.el.kind else { return };
    let first = groups[0];
    match kind.abbreviation() {
        Some(abbr) if first != abbr => {
            let f = Finding::said(
                "ND30-2.3-symbol",
                "ký hiệu",
                msg!(
                    "lint-d-symbol-for-kind",
                    symbol = symbol_trim,
                    kind = kind.name()
                ),
                msg!("lint-d-symbol-appendix", abbr = abbr),
            )
            .at(para);
            ctx.push(f);
        }
        None if Kind::all().any(|k| k.abbreviation() == Some(first)) => {
            let f = Finding::said(
                "ND30-2.3-symbol",
                "ký hiệu",
                msg!(
                    "lint-d-symbol-for-kind",
                    symbol = symbol_trim,
                    kind = kind.name()
                ),
                msg!("lint-p-issuer-unit-without-a-type-abbreviation"),
            )
            .at(para);
            ctx.push(f);
        }
        _ => {}
    }
}

/// A slot left to be written in by hand: spaces, tabs, dots, an ellipsis or
/// underscores, as e-office systems and clerks leave it.
fn is_blank(slot: &str) -> bool {
    slot.chars()
        .all(|c| c.is_whitespace() || matches!(c, '.' | '…' | '_'))
}

/// Width of a run of blanks (spaces, tabs, dots) at `size` pt, mm.
fn blank_width(text: &str, size: f32) -> f32 {
    let fonts = vanban::metrics::FontSet::liberation_serif();
    let style = vanban::style::TextStyle {
        size,
        bold: false,
        italic: true,
    };
    // A tab stands for at least half an inch.
    let tabs = text.chars().filter(|&c| c == '\t').count() as f32 * 12.7;
    let rest: String = text.chars().filter(|&c| c != '\t').collect();
    fonts.width(&rest, style) * 25.4 / 72.0 + tabs
}

fn place_date(ctx: &mut Ctx) {
    let Some(i) = ctx.el.place_date else {
        // A Biên bản's template (1.9) has no place and date line: its date
        // is in the body (`Thời gian bắt đầu …`).
        if ctx.el.kind == Some(vanban::Kind::BienBan) {
            return;
        }
        ctx.push(Finding::new(
            "ND30-2.4-date",
            "địa danh, ngày",
            "none",
            "`<Place>, ngày DD tháng M năm YYYY` under the tiêu ngữ",
        ));
        return;
    };
    let para = ctx.para(i);
    ctx.check_style(
        "ND30-2.4-date-style",
        "địa danh, ngày",
        i,
        (13.0, 14.0),
        None,
        Some(true),
    );
    let text = para.text.trim().to_string();
    let Some((place, date)) = text.split_once(',') else {
        let f = Finding::new(
            "ND30-2.4-date",
            "địa danh",
            quote(&text),
            "the place name followed by a comma",
        )
        .at(para);
        ctx.push(f);
        return;
    };
    if !place.trim().chars().next().is_some_and(char::is_uppercase) {
        let f = Finding::new(
            "ND30-2.4-date",
            "địa danh",
            format!("`{}`", place.trim()),
            "a capital initial",
        )
        .at(para);
        ctx.push(f);
    }
    let Some(parts) = date_parts(date) else {
        let f = Finding::new(
            "ND30-2.4-date",
            "ngày",
            quote(date),
            "`ngày DD tháng M năm YYYY`",
        )
        .at(para);
        ctx.push(f);
        return;
    };
    let [day, month, year] = parts;
    let size = dominant(para).map_or(14.0, |s| s.size);
    let blanks: Vec<(&str, &str)> = [("ngày", day), ("tháng", month), ("năm", year)]
        .into_iter()
        .filter(|(_, v)| is_blank(v))
        .collect();
    if !blanks.is_empty() {
        for (name, slot) in blanks {
            let width = blank_width(slot, size);
            let min = if name == "năm" { 0.0 } else { 4.0 };
            if width < min {
                let f = Finding::said(
                    "ND30-2.4-blank-slot",
                    format!("{name} slot"),
                    msg!("lint-d-blank", mm = words::num(width)),
                    msg!("lint-d-blank-expected", mm = words::num(min)),
                )
                .at(para);
                ctx.push(f);
            }
        }
        return;
    }
    let (day, month, year) = (day.trim(), month.trim(), year.trim());
    let numeric = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(numeric(day) && numeric(month) && numeric(year)) {
        let f = Finding::new(
            "ND30-2.4-date",
            "ngày",
            quote(date),
            "the date in Arabic numerals",
        )
        .at(para);
        ctx.push(f);
        return;
    }
    let (d, m, y): (u32, u32, u32) = (
        day.parse().unwrap_or(0),
        month.parse().unwrap_or(0),
        year.parse().unwrap_or(0),
    );
    let want_day = format!("{d:02}");
    let want_month = if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    };
    if day != want_day || month != want_month {
        let f = Finding::said(
            "ND30-2.4-date",
            "ngày",
            vanban_i18n::Message::text(format!("`ngày {day} tháng {month}`")),
            msg!("lint-d-date-padded", day = want_day, month = want_month),
        )
        .at(para);
        ctx.push(f);
    }
    let real = u16::try_from(y)
        .ok()
        .and_then(|y| Date::new(y, m as u8, d as u8).ok())
        .is_some()
        && m <= 12
        && d <= 31
        && year.len() == 4;
    if !real {
        let f = Finding::said(
            "ND30-2.4-date",
            "ngày",
            msg!("lint-d-not-a-date", day = day, month = month, year = year),
            msg!("lint-p-a-real-calendar-date"),
        )
        .at(para);
        ctx.push(f);
    }
}

/// The text after `ngày`, `tháng` and `năm` in ` ngày 08 tháng 3 năm 2024`.
fn date_parts(text: &str) -> Option<[&str; 3]> {
    let after_day = text.split_once("ngày")?.1;
    let (day, rest) = after_day.split_once("tháng")?;
    let (month, year) = rest.split_once("năm")?;
    Some([day, month, year])
}
