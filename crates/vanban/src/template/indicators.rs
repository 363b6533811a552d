//! Indicators (chỉ tiêu) as data with meaning: which way is better, how far
//! the plan was reached, how the year compares with the last, and the
//! counts a report quotes ("hoàn thành N/M chỉ tiêu, trong đó K chỉ tiêu
//! vượt kế hoạch"). Tables and sentences are both made from here, so they
//! cannot disagree.
//!
//! An indicator is `name`, `unit`, `plan`, `actual`, `previous?`, and
//! optionally `direction` (`tăng`, the default: more is better; `giảm`:
//! less is better, as a poverty rate), `group` (`Kinh tế` …) and `key`
//! (quoted in the text). A missing value — absent, `null`, `""` or `-` — is
//! shown as `-` and is never an error; text that is not a number is.

use serde_json::{json, Map, Value};

use super::format::{format_number, number_from};

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// `tăng`: more is better.
    Up,
    /// `giảm`: less is better.
    Down,
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
    pub plan: Option<f64>,
    pub actual: Option<f64>,
    pub previous: Option<f64>,
    pub key: bool,
}

impl Indicator {
    /// Reads one indicator; `path` (`indicators.3`) names its fields in errors.
    pub fn from_value(value: &Value, path: &str) -> Result<Indicator, Vec<String>> {
        let Value::Object(map) = value else {
            return Err(vec![format!(
                "data `{path}`: an indicator is a mapping with name, unit, plan, actual"
            )]);
        };
        let mut problems = Vec::new();
        let text = |key: &str, problems: &mut Vec<String>| match map.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => {
                problems.push(format!("data `{path}.{key}`: must be text"));
                None
            }
        };
        let name = text("name", &mut problems);
        if name.is_none() && problems.is_empty() {
            problems.push(format!("data `{path}.name`: every indicator needs a name"));
        }
        let unit = text("unit", &mut problems).unwrap_or_default();
        let group = text("group", &mut problems);
        let direction = match text("direction", &mut problems).as_deref() {
            None | Some("tăng") | Some("tang") => Direction::Up,
            Some("giảm") | Some("giam") => Direction::Down,
            Some(other) => {
                problems.push(format!(
                    "data `{path}.direction`: `{other}` is neither `tăng` (more is better) nor `giảm` (less is better)"
                ));
                Direction::Up
            }
        };
        let mut number = |key: &str| match optional_number(map, key) {
            Ok(x) => x,
            Err(why) => {
                problems.push(format!("data `{path}.{key}`: {why}"));
                None
            }
        };
        let (plan, actual, previous) = (number("plan"), number("actual"), number("previous"));
        let key = matches!(map.get("key"), Some(Value::Bool(true)));
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Indicator {
            name: name.unwrap_or_default(),
            unit,
            group,
            direction,
            plan,
            actual,
            previous,
            key,
        })
    }

    /// Against the plan, judged by direction; `None` when the plan is 0 or
    /// missing, or there is no result.
    pub fn status(&self) -> Option<Status> {
        let (plan, actual) = (self.plan?, self.actual?);
        if plan == 0.0 {
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

    /// Per cent of plan reached, above 100 when better than planned in
    /// either direction: actual ÷ plan × 100 for `tăng`, plan ÷ actual × 100
    /// for `giảm`. `None` where that divides by zero or a value is missing.
    pub fn percent_of_plan(&self) -> Option<f64> {
        let (plan, actual) = (self.plan?, self.actual?);
        let (part, whole) = match self.direction {
            Direction::Up => (actual, plan),
            Direction::Down => (plan, actual),
        };
        (whole != 0.0 && plan != 0.0).then(|| part / whole * 100.0)
    }

    /// This year as a per cent of last year (actual ÷ previous × 100).
    pub fn percent_of_previous(&self) -> Option<f64> {
        let (previous, actual) = (self.previous?, self.actual?);
        (previous != 0.0).then(|| actual / previous * 100.0)
    }
}

/// A value that may be missing: absent, `null`, `""` and `-` are `None`.
pub fn optional_number(map: &Map<String, Value>, key: &str) -> Result<Option<f64>, String> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if matches!(s.trim(), "" | "-" | "–") => Ok(None),
        Some(value) => number_from(value).map(Some),
    }
}

/// Reads a list of indicators; every problem of every item at once.
pub fn read_list(value: &Value, path: &str) -> Result<Vec<Indicator>, Vec<String>> {
    let items: &[Value] = match value {
        Value::Array(items) => items,
        Value::Null => &[],
        _ => {
            return Err(vec![format!(
                "data `{path}`: expected a list of indicators"
            )])
        }
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match Indicator::from_value(item, &format!("{path}.{i}")) {
            Ok(indicator) => out.push(indicator),
            Err(p) => problems.extend(p),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The counts a report quotes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Every indicator.
    pub total: usize,
    /// Those with a status (a plan other than 0 and a result).
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
        "exceeded_names": names(Status::Exceeded),
        "not_met_names": names(Status::NotMet),
    })
}

/// A cell: the number the Vietnamese way, or `-` when missing.
fn cell(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format_number(x, None))
}

fn percent_cell(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format_number(x, Some(1)))
}

/// Units whose values add up: not a rate (`%`, `‰`, `…/người`).
pub fn is_summable_unit(unit: &str) -> bool {
    !unit.is_empty() && !unit.contains(['%', '‰', '/'])
}

/// The table rows, in data order with each group's rows together under a
/// group row (groups in order of first appearance). Indicator rows carry
/// `tt` (numbered 1, 2, 3 … through the table), `name`, `unit`, `plan`,
/// `actual`, `previous`, `percent_plan`, `percent_previous`, `status`,
/// `direction`, `change` (`tăng 9,9% so với cùng kỳ` …, `""` when it cannot
/// be said), `sentence` (the row in words, for the text), `key` and `is_group: false`. Group rows carry `is_group: true`, `label`
/// (`I`, `II` …), `name`, and the group's subtotals in the same columns when
/// all its indicators share a unit that adds up and a direction (`""`
/// otherwise).
pub fn table_rows(indicators: &[Indicator]) -> Vec<Value> {
    let mut groups: Vec<(Option<&str>, Vec<&Indicator>)> = Vec::new();
    for indicator in indicators {
        let group = indicator.group.as_deref();
        match groups.iter_mut().find(|(g, _)| *g == group) {
            Some((_, members)) => members.push(indicator),
            None => groups.push((group, vec![indicator])),
        }
    }
    let mut rows = Vec::new();
    let mut tt = 0;
    let mut label = 0;
    for (group, members) in groups {
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
        "percent_plan": percent_cell(i.percent_of_plan()),
        "percent_previous": percent_cell(i.percent_of_previous()),
        "status": i.status().map_or("-", Status::label),
        "direction": match i.direction { Direction::Up => "tăng", Direction::Down => "giảm" },
        "change": i.actual.zip(i.previous).map_or(String::new(), |(a, p)| change_phrase(a, p)),
        "key": i.key,
        "sentence": sentence(i),
    })
}

/// A value with its unit as written in text: `1.192,6 tỷ đồng`, `95,1%`.
fn with_unit(x: f64, unit: &str) -> String {
    let n = format_number(x, None);
    match unit {
        "" => n,
        "%" => format!("{n}%"),
        unit => format!("{n} {unit}"),
    }
}

/// The indicator in a sentence, from the same numbers as its table row:
/// `Tổng giá trị sản xuất đạt 1.192,6 tỷ đồng, bằng 103,7% kế hoạch, tăng
/// 9,9% so với cùng kỳ`; a `giảm` indicator `… còn 1,48% (kế hoạch 1,6%)`.
fn sentence(i: &Indicator) -> String {
    let Some(actual) = i.actual else {
        return format!("{}: chưa có số liệu", i.name);
    };
    let verb = match i.direction {
        Direction::Up => "đạt",
        Direction::Down => "còn",
    };
    let mut text = format!("{} {verb} {}", i.name, with_unit(actual, &i.unit));
    match (i.direction, i.percent_of_plan(), i.plan) {
        (Direction::Up, Some(p), _) => {
            text += &format!(", bằng {}% kế hoạch", format_number(p, Some(1)))
        }
        (Direction::Down, _, Some(plan)) => {
            text += &format!(" (kế hoạch {})", with_unit(plan, &i.unit))
        }
        _ => {}
    }
    if let Some(previous) = i.previous {
        let change = change_phrase(actual, previous);
        if !change.is_empty() {
            text += &format!(", {change}");
        }
    }
    text
}

fn group_row(name: &str, label: u32, members: &[&Indicator]) -> Value {
    let first = members[0];
    let summable = is_summable_unit(&first.unit)
        && members
            .iter()
            .all(|m| m.unit == first.unit && m.direction == first.direction);
    let mut row = json!({
        "is_group": true,
        "label": crate::vn::roman(label),
        "name": name,
        "unit": "", "plan": "", "actual": "", "previous": "",
        "percent_plan": "", "percent_previous": "", "status": "",
    });
    if summable && members.len() > 1 {
        let total = |f: fn(&Indicator) -> Option<f64>| -> Option<f64> {
            members.iter().map(|m| f(m)).sum::<Option<f64>>()
        };
        let subtotal = Indicator {
            name: name.to_string(),
            unit: first.unit.clone(),
            group: None,
            direction: first.direction,
            plan: total(|m| m.plan),
            actual: total(|m| m.actual),
            previous: total(|m| m.previous),
            key: false,
        };
        row["unit"] = json!(subtotal.unit);
        row["plan"] = json!(cell(subtotal.plan));
        row["actual"] = json!(cell(subtotal.actual));
        row["previous"] = json!(cell(subtotal.previous));
        row["percent_plan"] = json!(percent_cell(subtotal.percent_of_plan()));
        row["percent_previous"] = json!(percent_cell(subtotal.percent_of_previous()));
    }
    row
}

/// `tăng 9,9% so với cùng kỳ` / `giảm 1,2% so với cùng kỳ` / `bằng cùng kỳ`:
/// `now` against `before`, by sign, one decimal. Empty when `before` is 0.
pub fn change_phrase(now: f64, before: f64) -> String {
    if before == 0.0 {
        return String::new();
    }
    let change = (now - before) / before.abs() * 100.0;
    let shown = format_number(change.abs(), Some(1));
    if shown == "0,0" {
        "bằng cùng kỳ".to_string()
    } else if change > 0.0 {
        format!("tăng {shown}% so với cùng kỳ")
    } else {
        format!("giảm {shown}% so với cùng kỳ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(value: Value) -> Vec<Indicator> {
        read_list(&value, "indicators").unwrap()
    }

    #[test]
    fn a_lower_is_better_indicator_is_judged_the_other_way() {
        let list = read(json!([
            {"name": "Tỷ lệ hộ nghèo", "unit": "%", "plan": 1.6, "actual": 1.48, "direction": "giảm"},
            {"name": "Thu ngân sách", "unit": "triệu đồng", "plan": 9000, "actual": 8500},
        ]));
        assert_eq!(list[0].status(), Some(Status::Exceeded));
        let p = list[0].percent_of_plan().unwrap();
        assert!((p - 1.6 / 1.48 * 100.0).abs() < 1e-9);
        assert_eq!(format_number(p, Some(1)), "108,1");
        assert_eq!(list[1].status(), Some(Status::NotMet));
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
        let bad = read_list(&json!([{"name": "x", "plan": "nhiều"}]), "indicators").unwrap_err();
        assert!(bad[0].contains("indicators.0.plan"), "{bad:?}");
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
    fn groups_gather_their_rows_and_subtotal_when_units_agree() {
        let list = read(json!([
            {"name": "Lúa", "unit": "ha", "plan": 100, "actual": 90, "group": "Kinh tế"},
            {"name": "BHYT", "unit": "%", "plan": 90, "actual": 95, "group": "Văn hóa - xã hội"},
            {"name": "Màu", "unit": "ha", "plan": 50, "actual": 70, "group": "Kinh tế"},
        ]));
        let rows = table_rows(&list);
        let names: Vec<_> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
        assert_eq!(names, ["Kinh tế", "Lúa", "Màu", "Văn hóa - xã hội", "BHYT"]);
        assert_eq!(rows[0]["label"], "I");
        assert_eq!(rows[0]["plan"], "150");
        assert_eq!(rows[0]["actual"], "160");
        assert_eq!(rows[0]["percent_plan"], "106,7");
        assert_eq!(rows[2]["tt"], 2);
        // One rate alone: no subtotal.
        assert_eq!(rows[3]["plan"], "");
    }

    #[test]
    fn change_by_sign() {
        assert_eq!(change_phrase(1192.6, 1085.4), "tăng 9,9% so với cùng kỳ");
        assert_eq!(change_phrase(1.48, 2.15), "giảm 31,2% so với cùng kỳ");
        assert_eq!(change_phrase(5.0, 5.0), "bằng cùng kỳ");
        assert_eq!(change_phrase(5.0, 0.0), "");
    }
}
