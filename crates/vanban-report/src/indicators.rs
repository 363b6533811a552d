//! Indicators (chỉ tiêu) as data with meaning: which way is better, what is
//! measured, how far the plan was reached, how the year compares with the
//! last, and the counts a report quotes ("hoàn thành N/M chỉ tiêu, trong đó
//! K chỉ tiêu vượt kế hoạch"). The table, the sentences and the roll-up are
//! all made from here, so they cannot disagree.
//!
//! An indicator is `name`, `unit`, `plan`, `actual`, `previous?`, and
//! optionally `direction` (`tăng`, the default: more is better; `giảm`:
//! less is better, as a poverty rate), `measure` (inferred from the unit,
//! see `measure.rs`), `group` (`Kinh tế` …), `subtotal` (the group row adds
//! this indicator up with the others of its group), `key` (quoted in the
//! text) and `note` (Ghi chú). A missing value — absent, `null`, `""` or
//! `-` — is shown as `-` and is never an error; text that is not a number
//! in the data's `number_format` is.

use std::cmp::Ordering;

use serde_json::{json, Map, Value};

use crate::format::format_number;
use crate::measure::{points_of, Measure};
use crate::numbers::{number_in, NumberFormat};
use vanban::vn;
use vanban_i18n::{msg, Message};

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `tăng`: more is better.
    Up,
    /// `giảm`: less is better.
    Down,
}

impl Direction {
    /// `tăng` / `giảm` in any case, with or without marks, or up / down.
    pub fn parse(text: &str) -> Option<Direction> {
        match vn::nfc(text.trim()).to_lowercase().as_str() {
            "tăng" | "tang" | "up" | "+" | "↑" => Some(Direction::Up),
            "giảm" | "giam" | "down" | "-" | "↓" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// How the year's result stands against the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Exceeded,
    Met,
    NotMet,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Exceeded => "Vượt",
            Status::Met => "Đạt",
            Status::NotMet => "Không đạt",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    pub name: String,
    pub unit: String,
    pub group: Option<String>,
    pub direction: Direction,
    pub measure: Measure,
    pub plan: Option<f64>,
    pub actual: Option<f64>,
    pub previous: Option<f64>,
    pub key: bool,
    /// Added up in its group's row with the others of the group.
    pub subtotal: bool,
    pub note: Option<String>,
}

/// A name as compared: NFC, trimmed, runs of spaces made one.
pub fn name_key(name: &str) -> String {
    vn::nfc(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Indicator {
    /// Reads one indicator; `path` (`indicators.3`) names its fields in
    /// errors, text numbers are read in `numbers`.
    pub fn from_value(
        value: &Value,
        path: &str,
        numbers: NumberFormat,
    ) -> Result<Indicator, Vec<Message>> {
        let Value::Object(map) = value else {
            return Err(vec![msg!("indicator-not-mapping", path = path)]);
        };
        let mut problems = Vec::new();
        let text = |key: &str, problems: &mut Vec<Message>| match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(name_key(s)).filter(|s| !s.is_empty()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => {
                let at = msg!("data-at", path = format!("{path}.{key}"));
                problems.push(Message::at(at, msg!("indicator-must-be-text")));
                None
            }
        };
        let name = text("name", &mut problems);
        if name.is_none() && problems.is_empty() {
            let at = msg!("data-at", path = format!("{path}.name"));
            problems.push(Message::at(at, msg!("indicator-needs-name")));
        }
        let unit = text("unit", &mut problems).unwrap_or_default();
        let group = text("group", &mut problems);
        let note = text("note", &mut problems);
        let direction = match text("direction", &mut problems) {
            None => Direction::Up,
            Some(word) => Direction::parse(&word).unwrap_or_else(|| {
                let at = msg!("data-at", path = format!("{path}.direction"));
                let why = msg!("indicator-direction", value = &word);
                problems.push(Message::at(at, why));
                Direction::Up
            }),
        };
        let measure = match text("measure", &mut problems) {
            None => Measure::of_unit(&unit),
            Some(word) => Measure::parse(&word).unwrap_or_else(|why| {
                let at = msg!("data-at", path = format!("{path}.measure"));
                problems.push(Message::at(at, why));
                Measure::Other
            }),
        };
        let mut flag = |key: &str| match yes_no(map.get(key)) {
            Ok(b) => b,
            Err(why) => {
                let at = msg!("data-at", path = format!("{path}.{key}"));
                problems.push(Message::at(at, why));
                false
            }
        };
        let (key, subtotal) = (flag("key"), flag("subtotal"));
        let mut number = |key: &str| match optional_number(map, key, numbers) {
            Ok(x) => x,
            Err(why) => {
                let at = msg!("data-at", path = format!("{path}.{key}"));
                problems.push(Message::at(at, why));
                None
            }
        };
        let (plan, actual, previous) = (number("plan"), number("actual"), number("previous"));
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Indicator {
            name: name.unwrap_or_default(),
            unit,
            group,
            direction,
            measure,
            plan,
            actual,
            previous,
            key,
            subtotal,
            note,
        })
    }

    /// Against the plan, judged by direction. A plan of 0 is judged for
    /// `giảm` (none was the aim: 0 meets it, more does not); for `tăng` it
    /// says nothing. `None` without a plan or a result.
    pub fn status(&self) -> Option<Status> {
        let (plan, actual) = (self.plan?, self.actual?);
        if plan == 0.0 && self.direction == Direction::Up {
            return None;
        }
        let better = match self.direction {
            Direction::Up => actual - plan,
            Direction::Down => plan - actual,
        };
        Some(if better > 0.0 {
            Status::Exceeded
        } else if better == 0.0 {
            Status::Met
        } else {
            Status::NotMet
        })
    }

    /// The result as a per cent of the plan, actual ÷ plan × 100 whatever
    /// the direction (the status says whether that is good). `None` where
    /// that divides by zero or a value is missing.
    pub fn percent_of_plan(&self) -> Option<f64> {
        let (plan, actual) = (self.plan?, self.actual?);
        (plan != 0.0).then(|| actual / plan * 100.0)
    }

    /// This year as a per cent of last year (actual ÷ previous × 100).
    pub fn percent_of_previous(&self) -> Option<f64> {
        let (previous, actual) = (self.previous?, self.actual?);
        (previous != 0.0).then(|| actual / previous * 100.0)
    }

    /// The per cent of plan as printed: as many decimals as it takes to
    /// stand on the same side of 100 as the result of the plan, so 1.999
    /// of 2.000 prints 99,95 beside Không đạt, never 100,0.
    pub fn percent_of_plan_shown(&self) -> Option<String> {
        let p = self.percent_of_plan()?;
        let side = sign_of(self.actual? / self.plan?, 1.0)?;
        Some(shown_against(p, 100.0, side, Some(1)))
    }

    pub fn percent_of_previous_shown(&self) -> Option<String> {
        let p = self.percent_of_previous()?;
        let side = sign_of(self.actual? / self.previous?, 1.0)?;
        Some(shown_against(p, 100.0, side, Some(1)))
    }

    /// `tăng 9,9% so với cùng kỳ`; a rate in points: `giảm 0,67 điểm phần
    /// trăm so với cùng kỳ`; `bằng cùng kỳ`; empty when it cannot be said.
    pub fn change(&self) -> String {
        match (self.actual, self.previous) {
            (Some(now), Some(before)) => change_phrase(now, before, self.points()),
            _ => String::new(),
        }
    }

    /// How a change is said in points, for a rate in % or ‰.
    fn points(&self) -> Option<&'static str> {
        (self.measure == Measure::Rate)
            .then(|| points_of(&self.unit))
            .flatten()
    }
}

/// How `value` compares with `reference` (`None` for NaN).
fn sign_of(value: f64, reference: f64) -> Option<Ordering> {
    value.partial_cmp(&reference)
}

/// `x` formatted with `decimals` (or up to two when `None`), or with more
/// decimals until the printed figure compares with `reference` as `x` does.
fn shown_against(x: f64, reference: f64, side: Ordering, decimals: Option<usize>) -> String {
    let first = decimals.unwrap_or(2);
    let mut shown = format_number(x, decimals);
    for places in first + 1..=9 {
        if printed_value(&shown).partial_cmp(&reference) == Some(side) {
            break;
        }
        shown = format_number(x, Some(places));
    }
    shown
}

/// A figure as printed (`1.234,56`), back to a number.
fn printed_value(shown: &str) -> f64 {
    shown
        .replace('.', "")
        .replace(',', ".")
        .parse()
        .unwrap_or(f64::NAN)
}

/// `x/có/1/true` and `""/không/0/false`, in any case; absent is no.
fn yes_no(value: Option<&Value>) -> Result<bool, Message> {
    match value {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(Value::Number(n)) if n.as_f64() == Some(1.0) => Ok(true),
        Some(Value::Number(n)) if n.as_f64() == Some(0.0) => Ok(false),
        Some(Value::String(s)) => match vn::nfc(s.trim()).to_lowercase().as_str() {
            "x" | "có" | "co" | "1" | "true" | "yes" | "đúng" => Ok(true),
            "" | "không" | "khong" | "0" | "false" | "no" | "sai" | "-" => Ok(false),
            other => Err(msg!("indicator-yes-no", value = other)),
        },
        Some(_) => Err(msg!("indicator-yes-no-type")),
    }
}

/// A value that may be missing: absent, `null`, `""` and `-` are `None`.
pub fn optional_number(
    map: &Map<String, Value>,
    key: &str,
    numbers: NumberFormat,
) -> Result<Option<f64>, Message> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if matches!(s.trim(), "" | "-" | "–") => Ok(None),
        Some(value) => number_in(value, numbers).map(Some),
    }
}

/// Reads a list of indicators; every problem of every item at once,
/// including groups whose subtotal would add different quantities.
pub fn read_list(
    value: &Value,
    path: &str,
    numbers: NumberFormat,
) -> Result<Vec<Indicator>, Vec<Message>> {
    let items: &[Value] = match value {
        Value::Array(items) => items,
        Value::Null => &[],
        _ => return Err(vec![msg!("indicator-list-expected", path = path)]),
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match Indicator::from_value(item, &format!("{path}.{i}"), numbers) {
            Ok(indicator) => out.push((i, indicator)),
            Err(p) => problems.extend(p),
        }
    }
    problems.extend(subtotal_problems(&out, path));
    if problems.is_empty() {
        Ok(out.into_iter().map(|(_, i)| i).collect())
    } else {
        Err(problems)
    }
}

/// A group is added up only when every indicator in it asks for it and all
/// are the same quantity: one unit, one measure that adds up, one direction.
fn subtotal_problems(list: &[(usize, Indicator)], path: &str) -> Vec<Message> {
    let mut problems = Vec::new();
    for (group, members) in grouped(list.iter().map(|(i, ind)| (*i, ind))) {
        let Some(group) = group else { continue };
        let asked: Vec<_> = members.iter().filter(|(_, m)| m.subtotal).collect();
        let Some((first_at, first)) = asked.first() else {
            continue;
        };
        for (at, m) in &members {
            let why = if !m.subtotal {
                msg!("subtotal-not-marked")
            } else if !m.measure.summable() {
                msg!(
                    "subtotal-not-summable",
                    measure = m.measure.name(),
                    unit = &m.unit
                )
            } else if m.unit.to_lowercase() != first.unit.to_lowercase()
                || m.measure != first.measure
                || m.direction != first.direction
            {
                msg!(
                    "subtotal-other-quantity",
                    first = &first.name,
                    first_path = format!("{path}.{first_at}"),
                    first_unit = &first.unit,
                    unit = &m.unit
                )
            } else {
                continue;
            };
            problems.push(msg!(
                "subtotal-cannot",
                path = format!("{path}.{at}.subtotal"),
                group = group.to_string(),
                name = &m.name,
                why = why
            ));
        }
    }
    problems
}

/// A group's name (none for indicators outside groups) and its members,
/// each with what the caller tagged it with.
type Group<'a, T> = (Option<&'a str>, Vec<(T, &'a Indicator)>);

/// Indicators by group, groups in order of first appearance.
fn grouped<'a, T: Copy>(items: impl Iterator<Item = (T, &'a Indicator)>) -> Vec<Group<'a, T>> {
    let mut groups: Vec<Group<'a, T>> = Vec::new();
    for (at, indicator) in items {
        let group = indicator.group.as_deref();
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push((at, indicator)),
            None => groups.push((group, vec![(at, indicator)])),
        }
    }
    groups
}

/// The counts a report quotes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Every indicator.
    pub total: usize,
    /// Those with a status.
    pub judged: usize,
    /// Met or exceeded.
    pub met: usize,
    pub exceeded: usize,
    pub not_met: usize,
}

pub fn counts(indicators: &[Indicator]) -> Counts {
    let mut c = Counts {
        total: indicators.len(),
        ..Counts::default()
    };
    for status in indicators.iter().filter_map(Indicator::status) {
        c.judged += 1;
        match status {
            Status::Exceeded => {
                c.met += 1;
                c.exceeded += 1;
            }
            Status::Met => c.met += 1,
            Status::NotMet => c.not_met += 1,
        }
    }
    c
}

/// The counts for templates, with the names behind them.
pub fn summary_value(indicators: &[Indicator]) -> Value {
    let c = counts(indicators);
    let names = |wanted: Status| -> Vec<&str> {
        indicators
            .iter()
            .filter(|i| i.status() == Some(wanted))
            .map(|i| i.name.as_str())
            .collect()
    };
    json!({
        "total": c.total,
        "judged": c.judged,
        "met": c.met,
        "exceeded": c.exceeded,
        "not_met": c.not_met,
        "unjudged": c.total - c.judged,
        "has_previous": indicators.iter().any(|i| i.previous.is_some()),
        "has_notes": indicators.iter().any(|i| i.note.is_some()),
        "exceeded_names": names(Status::Exceeded),
        "not_met_names": names(Status::NotMet),
    })
}

/// A cell: the number the Vietnamese way, or `-` when missing.
fn cell(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format_number(x, None))
}

/// The table rows, in data order with each group's rows together under a
/// group row (groups in order of first appearance). Indicator rows carry
/// `tt` (numbered 1, 2, 3 … through the table), `name`, `unit`, `plan`,
/// `actual`, `previous`, `percent_plan`, `percent_previous`, `status`,
/// `direction`, `measure`, `change` (`tăng 9,9% so với cùng kỳ` …, `""`
/// when it cannot be said), `sentence` (the row in words, for the text),
/// `note`, `key` and `is_group: false`. Group rows carry `is_group: true`,
/// `label` (`I`, `II` …), `name`, and, for a group marked `subtotal`, its
/// totals in the same columns (`""` otherwise).
pub fn table_rows(indicators: &[Indicator]) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut tt = 0;
    let mut label = 0;
    for (group, members) in grouped(indicators.iter().map(|i| ((), i))) {
        let members: Vec<&Indicator> = members.into_iter().map(|(_, m)| m).collect();
        if let Some(name) = group {
            label += 1;
            rows.push(group_row(name, label, &members));
        }
        for indicator in members {
            tt += 1;
            rows.push(indicator_row(indicator, tt));
        }
    }
    rows
}

fn indicator_row(i: &Indicator, tt: usize) -> Value {
    json!({
        "is_group": false,
        "tt": tt,
        "name": i.name,
        "unit": i.unit,
        "plan": cell(i.plan),
        "actual": cell(i.actual),
        "previous": cell(i.previous),
        "percent_plan": i.percent_of_plan_shown().unwrap_or_else(|| "-".into()),
        "percent_previous": i.percent_of_previous_shown().unwrap_or_else(|| "-".into()),
        "status": i.status().map_or("-", Status::label),
        "direction": match i.direction { Direction::Up => "tăng", Direction::Down => "giảm" },
        "measure": i.measure.name(),
        "change": i.change(),
        "note": i.note.clone().unwrap_or_default(),
        "key": i.key,
        "sentence": sentence(i),
    })
}

/// A value with its unit as written in text: `1.192,6 tỷ đồng`, `95,1%`.
fn with_unit(x: f64, unit: &str) -> String {
    let n = format_number(x, None);
    match unit {
        "" => n,
        "%" | "‰" => format!("{n}{unit}"),
        unit => format!("{n} {unit}"),
    }
}

/// The indicator in a sentence, from the same numbers as its table row:
/// `Tổng giá trị sản xuất đạt 1.192,6 tỷ đồng, bằng 103,7% kế hoạch, tăng
/// 9,9% so với cùng kỳ`; a `giảm` indicator `… còn 1,48% (kế hoạch 1,6%),
/// giảm 0,67 điểm phần trăm so với cùng kỳ`.
fn sentence(i: &Indicator) -> String {
    let Some(actual) = i.actual else {
        return format!("{}: chưa có số liệu", i.name);
    };
    let verb = match i.direction {
        Direction::Up => "đạt",
        Direction::Down => "còn",
    };
    let mut text = format!("{} {verb} {}", i.name, with_unit(actual, &i.unit));
    match (i.direction, i.percent_of_plan_shown(), i.plan) {
        (Direction::Up, Some(p), _) => text += &format!(", bằng {p}% kế hoạch"),
        (Direction::Down, _, Some(plan)) => {
            text += &format!(" (kế hoạch {})", with_unit(plan, &i.unit))
        }
        _ => {}
    }
    let change = i.change();
    if !change.is_empty() {
        text += &format!(", {change}");
    }
    text
}

fn group_row(name: &str, label: u32, members: &[&Indicator]) -> Value {
    let mut row = json!({
        "is_group": true,
        "label": vanban::vn::roman(label),
        "name": name,
        "unit": "", "plan": "", "actual": "", "previous": "",
        "percent_plan": "", "percent_previous": "", "status": "", "note": "",
    });
    // `read_list` has checked that a marked group is one quantity.
    if members.len() > 1 && members.iter().all(|m| m.subtotal) {
        let first = members[0];
        let total = |f: fn(&Indicator) -> Option<f64>| -> Option<f64> {
            members.iter().map(|m| f(m)).sum::<Option<f64>>()
        };
        let subtotal = Indicator {
            name: name.to_string(),
            group: None,
            plan: total(|m| m.plan),
            actual: total(|m| m.actual),
            previous: total(|m| m.previous),
            key: false,
            note: None,
            ..first.clone()
        };
        let dash = || "-".to_string();
        row["unit"] = json!(subtotal.unit);
        row["plan"] = json!(cell(subtotal.plan));
        row["actual"] = json!(cell(subtotal.actual));
        row["previous"] = json!(cell(subtotal.previous));
        row["percent_plan"] = json!(subtotal.percent_of_plan_shown().unwrap_or_else(dash));
        row["percent_previous"] = json!(subtotal.percent_of_previous_shown().unwrap_or_else(dash));
    }
    row
}

/// `now` against `before`: in points when `points` names them (`giảm 0,67
/// điểm phần trăm so với cùng kỳ`), else in per cent of `before` (`tăng
/// 9,9% so với cùng kỳ`); `bằng cùng kỳ` when equal. A change is printed
/// with the decimals it needs not to read as none. Empty when a per cent
/// of 0 would be asked for.
pub fn change_phrase(now: f64, before: f64, points: Option<&str>) -> String {
    let Some(side) = now.partial_cmp(&before) else {
        return String::new();
    };
    if side == Ordering::Equal {
        return "bằng cùng kỳ".to_string();
    }
    let verb = if side == Ordering::Greater {
        "tăng"
    } else {
        "giảm"
    };
    let amount = match points {
        Some(points) => {
            let shown = shown_against((now - before).abs(), 0.0, Ordering::Greater, None);
            format!("{shown} {points}")
        }
        None if before == 0.0 => return String::new(),
        None => {
            let change = (now - before).abs() / before.abs() * 100.0;
            format!(
                "{}%",
                shown_against(change, 0.0, Ordering::Greater, Some(1))
            )
        }
    };
    format!("{verb} {amount} so với cùng kỳ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: Value) -> Vec<Indicator> {
        read_list(&value, "indicators", NumberFormat::Vietnamese).unwrap()
    }

    fn problems(value: Value) -> Vec<String> {
        read_list(&value, "indicators", NumberFormat::Vietnamese)
            .unwrap_err()
            .iter()
            .map(Message::english)
            .collect()
    }

    #[test]
    fn figures_typed_the_vietnamese_way() {
        // 185.420 is a hundred and eighty-five thousand: 185.420 ÷ 170.700
        // = 1,0862, so tăng 8,6% (not 108.495,0% as when read as 185,42).
        let list = read(json!([
            {"name": "Thu ngân sách", "unit": "triệu đồng", "plan": "3.100",
             "actual": "185.420", "previous": 170700},
        ]));
        assert_eq!(list[0].actual, Some(185_420.0));
        assert_eq!(list[0].plan, Some(3_100.0));
        assert_eq!(list[0].change(), "tăng 8,6% so với cùng kỳ");
        let row = &table_rows(&list)[0];
        assert_eq!(row["actual"], "185.420");
        // 185.420 ÷ 3.100 × 100 = 5.981,29…
        assert_eq!(row["percent_plan"], "5.981,3");
        let bad = problems(json!([{"name": "x", "unit": "ha", "plan": "1.5"}]));
        assert!(
            bad[0].contains("indicators.0.plan") && bad[0].contains("it is 1,5"),
            "{bad:?}"
        );
        let en = read_list(
            &json!([{"name": "x", "unit": "ha", "plan": "1,234.5"}]),
            "indicators",
            NumberFormat::English,
        )
        .unwrap();
        assert_eq!(en[0].plan, Some(1234.5));
    }

    #[test]
    fn a_rate_changes_in_percentage_points() {
        let list = read(json!([
            {"name": "Tỷ lệ hộ nghèo", "unit": "%", "plan": "1,6", "actual": "1,48",
             "previous": "2,15", "direction": "giảm"},
        ]));
        let i = &list[0];
        assert_eq!(i.measure, Measure::Rate);
        // 1,48 − 2,15 = −0,67 points (not −31,2%).
        assert_eq!(i.change(), "giảm 0,67 điểm phần trăm so với cùng kỳ");
        assert_eq!(
            table_rows(&list)[0]["sentence"],
            "Tỷ lệ hộ nghèo còn 1,48% (kế hoạch 1,6%), giảm 0,67 điểm phần trăm so với cùng kỳ"
        );
    }

    #[test]
    fn per_cent_of_plan_is_actual_over_plan_in_either_direction() {
        // 98 crimes against a plan of at most 110 and 120 last year.
        let list = read(json!([
            {"name": "Phạm pháp hình sự", "unit": "vụ", "plan": 110, "actual": 98,
             "previous": 120, "direction": "Giảm"},
        ]));
        let row = &table_rows(&list)[0];
        assert_eq!(list[0].status(), Some(Status::Exceeded));
        // 98 ÷ 110 = 89,09%; 98 ÷ 120 = 81,67%.
        assert_eq!(row["percent_plan"], "89,1");
        assert_eq!(row["percent_previous"], "81,7");
        assert_eq!(row["status"], "Vượt");
        assert_eq!(row["change"], "giảm 18,3% so với cùng kỳ");
    }

    #[test]
    fn a_plan_of_none_is_judged_for_giam() {
        let list = read(json!([
            {"name": "Cháy nổ", "unit": "vụ", "plan": 0, "actual": 2, "direction": "giảm"},
            {"name": "Tai nạn lao động chết người", "unit": "vụ", "plan": 0, "actual": 0, "direction": "giảm"},
            {"name": "Mô hình mới", "unit": "mô hình", "plan": 0, "actual": 3},
        ]));
        assert_eq!(list[0].status(), Some(Status::NotMet));
        assert_eq!(list[1].status(), Some(Status::Met));
        assert_eq!(list[2].status(), None);
        let rows = table_rows(&list);
        assert_eq!(rows[0]["percent_plan"], "-");
        assert_eq!(rows[0]["status"], "Không đạt");
    }

    #[test]
    fn a_printed_figure_never_contradicts_its_status() {
        let list = read(json!([
            {"name": "a", "unit": "hộ", "plan": "2.000", "actual": "1.999"},
            {"name": "b", "unit": "hộ", "plan": 20000, "actual": 20001},
            {"name": "c", "unit": "vụ", "plan": 20000, "actual": 20001, "direction": "giảm"},
            {"name": "d", "unit": "hộ", "plan": 2000, "actual": 2000},
            {"name": "e", "unit": "hộ", "plan": 1000, "actual": 1100, "previous": 100000},
        ]));
        let rows = table_rows(&list);
        // 1.999 ÷ 2.000 = 99,95%: 100,0 would read as reached.
        assert_eq!(
            (rows[0]["percent_plan"].as_str(), rows[0]["status"].as_str()),
            (Some("99,95"), Some("Không đạt"))
        );
        // 20.001 ÷ 20.000 = 100,005%, 100,01 at two places.
        assert_eq!(rows[1]["percent_plan"], "100,01");
        assert_eq!(rows[1]["status"], "Vượt");
        assert_eq!(rows[2]["percent_plan"], "100,01");
        assert_eq!(rows[2]["status"], "Không đạt");
        assert_eq!(rows[3]["percent_plan"], "100,0");
        assert_eq!(rows[3]["status"], "Đạt");
        // 1.100 ÷ 100.000 = 1,1% of last year: giảm 98,9%.
        assert_eq!(rows[4]["change"], "giảm 98,9% so với cùng kỳ");
        assert_eq!(
            change_phrase(10_001.0, 10_000.0, None),
            "tăng 0,01% so với cùng kỳ"
        );
        assert_eq!(change_phrase(5.0, 5.0, None), "bằng cùng kỳ");
        assert_eq!(change_phrase(5.0, 0.0, None), "");
    }

    #[test]
    fn groups_add_up_only_one_declared_quantity() {
        let list = read(json!([
            {"name": "Tai nạn giao thông", "unit": "vụ", "plan": 40, "actual": 35, "group": "An ninh", "direction": "giảm"},
            {"name": "Cháy nổ", "unit": "vụ", "plan": 5, "actual": 8, "group": "An ninh", "direction": "giảm"},
            {"name": "Phạm pháp hình sự", "unit": "vụ", "plan": 110, "actual": 98, "group": "An ninh", "direction": "giảm"},
            {"name": "Lúa", "unit": "ha", "plan": 100, "actual": 90, "group": "Kinh tế", "subtotal": "x"},
            {"name": "Màu", "unit": "ha", "plan": 50, "actual": 70, "group": "Kinh tế", "subtotal": "có"},
        ]));
        let rows = table_rows(&list);
        // Accidents, fires and crimes are counted in `vụ` alike but are
        // different things: no "141 vụ".
        assert_eq!(rows[0]["name"], "An ninh");
        assert_eq!(rows[0]["actual"], "");
        assert_eq!(rows[4]["name"], "Kinh tế");
        assert_eq!(rows[4]["plan"], "150");
        assert_eq!(rows[4]["actual"], "160");
        // 160 ÷ 150 = 106,67%.
        assert_eq!(rows[4]["percent_plan"], "106,7");
        let bad = problems(json!([
            {"name": "Chỉ số PAR", "unit": "điểm", "plan": 85, "actual": 86, "group": "CCHC", "subtotal": true},
            {"name": "Chỉ số SIPAS", "unit": "điểm", "plan": 80, "actual": 82, "group": "CCHC", "subtotal": true},
            {"name": "Lúa", "unit": "ha", "group": "KT", "subtotal": true},
            {"name": "Cá", "unit": "tấn", "group": "KT", "subtotal": true},
            {"name": "Rau", "unit": "ha", "group": "KT"},
        ]));
        assert!(
            bad[0].contains("indicators.0.subtotal") && bad[0].contains("score"),
            "{bad:?}"
        );
        assert!(
            bad.iter()
                .any(|p| p.contains("indicators.3.subtotal") && p.contains("same quantity")),
            "{bad:?}"
        );
        assert!(
            bad.iter()
                .any(|p| p.contains("indicators.4.subtotal") && p.contains("not marked")),
            "{bad:?}"
        );
    }

    #[test]
    fn key_direction_and_measure_as_offices_write_them() {
        let list = read(json!([
            {"name": "a", "unit": "ha", "key": "x", "direction": "GIẢM"},
            {"name": "b", "unit": "ha", "key": "Có", "measure": "Tỷ lệ"},
            {"name": "c", "unit": "ha", "key": 1, "note": "Ước thực hiện"},
            {"name": "d", "unit": "ha", "key": "TRUE"},
            {"name": "e", "unit": "ha", "key": ""},
        ]));
        assert!(list[..4].iter().all(|i| i.key));
        assert!(!list[4].key);
        assert_eq!(list[0].direction, Direction::Down);
        assert_eq!(list[1].measure, Measure::Rate);
        assert_eq!(table_rows(&list)[2]["note"], "Ước thực hiện");
        let bad = problems(json!([{"name": "a", "key": "hình như"}]));
        assert!(bad[0].contains("indicators.0.key"), "{bad:?}");
    }

    #[test]
    fn counts_agree_with_statuses() {
        let list = read(json!([
            {"name": "a", "plan": 10, "actual": 12},
            {"name": "b", "plan": 10, "actual": 10},
            {"name": "c", "plan": 10, "actual": 9},
            {"name": "d", "plan": 0, "actual": 9},
        ]));
        assert_eq!(
            counts(&list),
            Counts {
                total: 4,
                judged: 3,
                met: 2,
                exceeded: 1,
                not_met: 1
            }
        );
    }

    #[test]
    fn missing_values_are_dashes_never_errors() {
        let list = read(json!([
            {"name": "a", "unit": "ha", "plan": 0, "actual": 5},
            {"name": "b", "unit": "ha", "plan": 10},
            {"name": "c", "unit": "ha", "plan": "", "actual": null, "previous": "-"},
        ]));
        assert!(list.iter().all(|i| i.status().is_none()));
        let rows = table_rows(&list);
        assert_eq!(rows[0]["percent_plan"], "-");
        assert_eq!(rows[1]["actual"], "-");
        assert_eq!(rows[2]["plan"], "-");
        assert_eq!(rows[2]["status"], "-");
    }
}
