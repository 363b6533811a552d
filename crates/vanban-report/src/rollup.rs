//! Roll-up: a province's (or commune group's) year-end data from its units'.
//!
//! Indicators are matched by name across units — names compared in NFC,
//! trimmed, runs of spaces made one — in order of first appearance; names
//! that still differ only by case, marks or a letter or two are kept apart
//! and reported as warnings, so a typo cannot silently split or merge an
//! indicator. A unit listed twice is refused.
//!
//! What is done with an indicator follows what it measures (`measure.rs`):
//! amounts and counts are summed; a rate (`%`, `‰`, per head) and a score,
//! index or age (`điểm`, `chỉ số`, `tuổi`) are never summed: they are
//! averaged weighted by a field of each unit's data (a number at a dotted
//! path, e.g. `households`), named by the indicator's `weight` in the
//! units' data or by the base's `weights` (`{Tỷ lệ hộ nghèo: households}`),
//! and refused without one. A value missing in any unit leaves the
//! rolled-up value missing (`-`), rather than a total that silently leaves
//! a unit out.
//!
//! The result is the base data (the province's own fields: issuer, year,
//! signer …) with `indicators` rolled up and `units`, one row per unit with
//! its counts (`name`, `total`, `judged`, `met`, `exceeded`, `not_met`).

use serde_json::{json, Map, Value};

use crate::indicators::{self, name_key, Direction, Indicator};
use crate::measure::Measure;
use crate::numbers::{number_in, NumberFormat};
use vanban::derive;
use vanban_i18n::{msg, Message};

/// The rolled-up data, and what the clerk should look at before signing.
#[derive(Debug)]
pub struct Rolled {
    pub data: Value,
    /// Indicator names that differ only slightly between units.
    pub warnings: Vec<Message>,
}

/// One unit's indicator, with the weight field it names.
struct Entry {
    indicator: Indicator,
    weight: Option<String>,
}

/// At most this many names are compared pairwise for near-misses.
const NEAR_MISS_NAMES: usize = 2_000;

/// Rolls `units` up into `base`; every problem at once, each naming the
/// unit and the indicator.
pub fn rollup(base: &Value, units: &[Value]) -> Result<Rolled, Vec<Message>> {
    let mut problems = Vec::new();
    let Value::Object(base_map) = base else {
        return Err(vec![msg!("rollup-base-not-mapping")]);
    };
    if base_map.contains_key("indicators") {
        problems.push(msg!("rollup-base-has-indicators"));
    }
    if units.is_empty() {
        problems.push(msg!("rollup-no-units"));
    }
    let names: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, u)| unit_name(u, i))
        .collect();
    for (i, name) in names.iter().enumerate() {
        if let Some(first) = names[..i].iter().position(|n| same_unit(n, name)) {
            problems.push(msg!(
                "rollup-unit-twice",
                unit = i + 1,
                name = name,
                first = first + 1
            ));
        }
    }
    let mut per_unit: Vec<Vec<Entry>> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let at = msg!("rollup-unit", unit = i + 1, name = &names[i]);
        match read_entries(unit) {
            Ok(entries) => per_unit.push(entries),
            Err(why) => {
                problems.extend(why.into_iter().map(|w| Message::at(at.clone(), w)));
                per_unit.push(Vec::new());
            }
        }
    }
    // Indicator names in order of first appearance.
    let mut order: Vec<String> = Vec::new();
    for entries in &per_unit {
        for e in entries {
            if !order.contains(&e.indicator.name) {
                order.push(e.indicator.name.clone());
            }
        }
    }
    let weights = match base_map.get("weights") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) if map.values().all(Value::is_string) => {
            map.iter().map(|(k, v)| (name_key(k), v.clone())).collect()
        }
        Some(_) => {
            problems.push(msg!("rollup-weights-not-map"));
            Map::new()
        }
    };
    let mut rolled = Vec::new();
    for name in &order {
        let named = weights.get(name).and_then(Value::as_str);
        let found: Vec<(usize, Option<&Entry>)> = per_unit
            .iter()
            .enumerate()
            .map(|(u, entries)| (u, entries.iter().find(|e| &e.indicator.name == name)))
            .collect();
        match combine(name, named, &found, units, &names) {
            Ok(indicator) => rolled.push(indicator),
            Err(why) => problems.extend(why),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let warnings = near_misses(&order, &per_unit);
    let unit_rows: Vec<Value> = per_unit
        .iter()
        .zip(&names)
        .map(|(entries, name)| {
            let list: Vec<Indicator> = entries.iter().map(|e| e.indicator.clone()).collect();
            let c = indicators::counts(&list);
            json!({"name": name, "total": c.total, "judged": c.judged, "met": c.met,
                   "exceeded": c.exceeded, "not_met": c.not_met})
        })
        .collect();
    let mut out = base_map.clone();
    out.insert(
        "indicators".into(),
        Value::Array(rolled.iter().map(indicator_value).collect()),
    );
    out.insert("units".into(), Value::Array(unit_rows));
    Ok(Rolled {
        data: Value::Object(out),
        warnings,
    })
}

fn same_unit(a: &str, b: &str) -> bool {
    name_key(a).to_lowercase() == name_key(b).to_lowercase()
}

/// A unit's name in the per-unit table: `issued_by`, else derived from
/// `issuer.name`, else `name`.
fn unit_name(unit: &Value, index: usize) -> String {
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(name_key)
            .filter(|s| !s.is_empty())
    };
    text(unit.get("issued_by"))
        .or_else(|| {
            text(unit.get("issuer").and_then(|i| i.get("name"))).map(|n| derive::issued_by(&n))
        })
        .or_else(|| text(unit.get("name")))
        .unwrap_or_else(|| format!("Đơn vị {}", index + 1))
}

fn read_entries(unit: &Value) -> Result<Vec<Entry>, Vec<Message>> {
    let numbers = NumberFormat::of_data(unit).map_err(|why| vec![why])?;
    let raw = unit.get("indicators").unwrap_or(&Value::Null);
    let list = indicators::read_list(raw, "indicators", numbers)?;
    let raw_items = raw.as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (i, (indicator, item)) in list.into_iter().zip(raw_items).enumerate() {
        let weight = match item.get("weight") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                problems.push(msg!("rollup-weight-field", index = i));
                None
            }
        };
        if entries
            .iter()
            .any(|e: &Entry| e.indicator.name == indicator.name)
        {
            problems.push(msg!(
                "rollup-indicator-twice",
                index = i,
                name = &indicator.name
            ));
        }
        entries.push(Entry { indicator, weight });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// One indicator over all units.
fn combine(
    name: &str,
    named_weight: Option<&str>,
    found: &[(usize, Option<&Entry>)],
    units: &[Value],
    names: &[String],
) -> Result<Indicator, Vec<Message>> {
    let mut problems = Vec::new();
    let present: Vec<(usize, &Entry)> = found
        .iter()
        .filter_map(|(u, e)| e.map(|e| (*u, e)))
        .collect();
    let (_, first) = present[0];
    let first = &first.indicator;
    let weight = named_weight
        .map(str::to_string)
        .or_else(|| present.iter().find_map(|(_, e)| e.weight.clone()));
    for (u, e) in &present {
        let at = msg!(
            "rollup-unit-indicator",
            unit = u + 1,
            name = &names[*u],
            indicator = name
        );
        if e.indicator.unit.to_lowercase() != first.unit.to_lowercase() {
            problems.push(msg!(
                "rollup-unit-differs",
                at = &at,
                mine = &e.indicator.unit,
                other = &first.unit
            ));
        }
        if e.indicator.measure != first.measure {
            problems.push(msg!(
                "rollup-measure-differs",
                at = &at,
                mine = e.indicator.measure.name(),
                other = first.measure.name()
            ));
        }
        if e.indicator.direction != first.direction {
            problems.push(msg!("rollup-direction-differs", at = &at));
        }
        if let (Some(mine), Some(w)) = (&e.weight, &weight) {
            if mine != w {
                problems.push(msg!(
                    "rollup-weight-differs",
                    at = &at,
                    mine = mine,
                    other = w
                ));
            }
        }
    }
    if !first.measure.summable() && weight.is_none() {
        problems.push(msg!(
            "rollup-needs-weight",
            indicator = name,
            unit = &first.unit,
            measure = first.measure.name()
        ));
    }
    // Weights, one per unit, read only when the indicator is averaged.
    let mut weights = vec![0.0; units.len()];
    if let Some(field) = &weight {
        for (u, _) in &present {
            match weight_of(&units[*u], field) {
                Ok(w) => weights[*u] = w,
                Err(why) => {
                    let at = msg!(
                        "rollup-unit-indicator",
                        unit = u + 1,
                        name = &names[*u],
                        indicator = name
                    );
                    let why = msg!("rollup-weight-bad", at = at, field = field, reason = why);
                    problems.push(why)
                }
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let value_of = |pick: fn(&Indicator) -> Option<f64>| -> Option<f64> {
        // A unit without the indicator, or without the value, leaves it missing.
        let values: Option<Vec<(usize, f64)>> = found
            .iter()
            .map(|(u, e)| e.and_then(|e| pick(&e.indicator)).map(|v| (*u, v)))
            .collect();
        let values = values?;
        let total = match &weight {
            None => values.iter().map(|(_, v)| v).sum(),
            Some(_) => {
                let sum_w: f64 = values.iter().map(|(u, _)| weights[*u]).sum();
                if sum_w == 0.0 {
                    return None;
                }
                values.iter().map(|(u, v)| v * weights[*u]).sum::<f64>() / sum_w
            }
        };
        Some(tidy(total))
    };
    Ok(Indicator {
        name: name.to_string(),
        group: present.iter().find_map(|(_, e)| e.indicator.group.clone()),
        plan: value_of(|i| i.plan),
        actual: value_of(|i| i.actual),
        previous: value_of(|i| i.previous),
        key: present.iter().any(|(_, e)| e.indicator.key),
        subtotal: present.iter().all(|(_, e)| e.indicator.subtotal),
        note: None,
        ..first.clone()
    })
}

/// A weight: a number ≥ 0 at a dotted path of the unit's data.
fn weight_of(unit: &Value, field: &str) -> Result<f64, Message> {
    let value = field
        .split('.')
        .try_fold(unit, |v, key| v.get(key))
        .ok_or_else(|| msg!("rollup-no-field"))?;
    let w = number_in(value, NumberFormat::of_data(unit)?)?;
    if w < 0.0 {
        return Err(msg!("rollup-negative", value = w));
    }
    Ok(w)
}

/// Names kept apart that look like one indicator typed twice: the same
/// letters without case and marks, or one or two letters apart.
fn near_misses(order: &[String], per_unit: &[Vec<Entry>]) -> Vec<Message> {
    let folded: Vec<String> = order.iter().map(|n| fold(n)).collect();
    let in_units = |name: &str| -> String {
        let units: Vec<String> = per_unit
            .iter()
            .enumerate()
            .filter(|(_, es)| es.iter().any(|e| e.indicator.name == name))
            .map(|(u, _)| (u + 1).to_string())
            .collect();
        units.join(", ")
    };
    let mut warnings = Vec::new();
    let shown = order.len().min(NEAR_MISS_NAMES);
    for a in 0..shown {
        for b in a + 1..shown {
            let (fa, fb) = (&folded[a], &folded[b]);
            let close =
                fa == fb || (fa.chars().count().min(fb.chars().count()) >= 8 && within_two(fa, fb));
            if close {
                warnings.push(msg!(
                    "rollup-near-miss",
                    first = &order[a],
                    first_units = in_units(&order[a]),
                    second = &order[b],
                    second_units = in_units(&order[b])
                ));
            }
        }
    }
    warnings
}

/// Lower case, without marks (đ as d), letters and digits only.
fn fold(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    name.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| if matches!(c, 'đ' | 'Đ') { 'd' } else { c })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two texts are at most two edits apart (bounded Levenshtein).
fn within_two(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != cb))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
        if row.iter().min().is_some_and(|m| *m > 2) {
            return false;
        }
    }
    row[b.len()] <= 2
}

/// Drops float noise from sums (`1085.3999999999` → `1085.4`).
fn tidy(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn indicator_value(i: &Indicator) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), json!(i.name));
    map.insert("unit".into(), json!(i.unit));
    if let Some(group) = &i.group {
        map.insert("group".into(), json!(group));
    }
    if i.direction == Direction::Down {
        map.insert("direction".into(), json!("giảm"));
    }
    if i.measure != Measure::of_unit(&i.unit) {
        map.insert("measure".into(), json!(i.measure.name()));
    }
    for (key, value) in [
        ("plan", i.plan),
        ("actual", i.actual),
        ("previous", i.previous),
    ] {
        if let Some(x) = value {
            map.insert(key.into(), json!(x));
        }
    }
    if i.key {
        map.insert("key".into(), json!(true));
    }
    if i.subtotal {
        map.insert("subtotal".into(), json!(true));
    }
    Value::Object(map)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn unit(name: &str, households: f64, rows: Value) -> Value {
        json!({"issuer": {"name": name}, "households": households, "indicators": rows})
    }

    #[test]
    fn sums_amounts_and_weights_rates() {
        let units = [
            unit(
                "ỦY BAN NHÂN DÂN XÃ A",
                1000.0,
                json!([
                    {"name": "Thu ngân sách", "unit": "triệu đồng", "plan": 100, "actual": 120, "previous": 90},
                    {"name": "Tỷ lệ hộ nghèo", "unit": "%", "plan": 2, "actual": 1.5, "direction": "giảm", "weight": "households"},
                ]),
            ),
            unit(
                "ỦY BAN NHÂN DÂN XÃ B",
                3000.0,
                json!([
                    {"name": "Thu ngân sách", "unit": "triệu đồng", "plan": 200, "actual": 190},
                    {"name": "Tỷ lệ hộ nghèo", "unit": "%", "plan": 3, "actual": 2.5, "direction": "giảm", "weight": "households"},
                ]),
            ),
        ];
        let out = rollup(&json!({"year": 2024}), &units).unwrap().data;
        let rows = out["indicators"].as_array().unwrap();
        assert_eq!(rows[0]["plan"], json!(300.0));
        assert_eq!(rows[0]["actual"], json!(310.0));
        // Unit B has no previous value: the total is missing, not partial.
        assert!(rows[0].get("previous").is_none());
        let poor = (1.5 * 1000.0 + 2.5 * 3000.0) / 4000.0;
        assert_eq!(rows[1]["actual"], json!(poor));
        assert_eq!(rows[1]["direction"], "giảm");
        assert_eq!(out["units"][0]["name"], "UBND xã A");
        assert_eq!(out["units"][1]["not_met"], 1);
        assert_eq!(out["year"], 2024);
    }

    #[test]
    fn a_rate_without_a_weight_is_refused() {
        let units = [
            unit(
                "XÃ A",
                1.0,
                json!([{"name": "Tỷ lệ", "unit": "%", "plan": 2, "actual": 1}]),
            ),
            unit(
                "XÃ B",
                1.0,
                json!([{"name": "Tỷ lệ", "unit": "ha", "plan": 2, "actual": 1}]),
            ),
        ];
        let problems = rollup(&json!({}), &units)
            .unwrap_err()
            .iter()
            .map(Message::english)
            .collect::<Vec<_>>();
        let weighted = rollup(&json!({"weights": {"Tỷ lệ": "households"}}), &units[..1])
            .unwrap()
            .data;
        assert_eq!(weighted["indicators"][0]["actual"], json!(1.0));
        // A unit without the weight field is named, with the field.
        let mut no_weight = units[0].clone();
        no_weight.as_object_mut().unwrap().remove("households");
        let missing = rollup(
            &json!({"weights": {"Tỷ lệ": "households"}}),
            &[units[0].clone(), no_weight],
        )
        .unwrap_err()
        .iter()
        .map(Message::english)
        .collect::<Vec<_>>();
        assert!(
            missing.iter().any(|p| p.contains("unit 2")
                && p.contains("weight field `households`: the unit's data has no such field")),
            "{missing:?}"
        );
        let base_with_own = rollup(&json!({"indicators": []}), &units[..1])
            .unwrap_err()
            .iter()
            .map(Message::english)
            .collect::<Vec<_>>();
        assert!(
            base_with_own[0].contains("leave them out"),
            "{base_with_own:?}"
        );
        assert!(
            problems.iter().any(|p| p.contains("never summed")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.contains("unit 2") && p.contains("differs")),
            "{problems:?}"
        );
    }

    #[test]
    fn figures_typed_the_vietnamese_way_add_up() {
        // One unit's "219.500" is 219.500 (not 219,5): 196.219,5 + 219.500.
        let units = [
            unit(
                "XÃ A",
                1.0,
                json!([{"name": "Thu ngân sách", "unit": "triệu đồng", "plan": "190.000", "actual": "196.219,5"}]),
            ),
            unit(
                "XÃ B",
                1.0,
                json!([{"name": "Thu ngân sách", "unit": "triệu đồng", "plan": "200.000", "actual": "219.500"}]),
            ),
        ];
        let out = rollup(&json!({}), &units).unwrap().data;
        assert_eq!(out["indicators"][0]["actual"], json!(415_719.5));
        assert_eq!(out["indicators"][0]["plan"], json!(390_000.0));
    }

    #[test]
    fn scores_indices_and_ages_are_never_summed() {
        let units = [
            unit(
                "XÃ A",
                1200.0,
                json!([
                    {"name": "Chỉ số PAR Index", "unit": "điểm", "plan": 85, "actual": 86.5},
                    {"name": "Tuổi thọ trung bình", "unit": "tuổi", "plan": 74, "actual": 74.2},
                ]),
            ),
            unit(
                "XÃ B",
                800.0,
                json!([
                    {"name": "Chỉ số PAR Index", "unit": "điểm", "plan": 85, "actual": 83},
                    {"name": "Tuổi thọ trung bình", "unit": "tuổi", "plan": 74, "actual": 73.6},
                ]),
            ),
        ];
        let refused = rollup(&json!({}), &units)
            .unwrap_err()
            .iter()
            .map(Message::english)
            .collect::<Vec<_>>();
        assert!(
            refused
                .iter()
                .any(|p| p.contains("`Chỉ số PAR Index`") && p.contains("a score")),
            "{refused:?}"
        );
        assert!(
            refused.iter().any(
                |p| p.contains("`Tuổi thọ trung bình`") && p.contains("an age")
                    || p.contains("a age")
            ),
            "{refused:?}"
        );
        let base = json!({"weights": {"Chỉ số PAR Index": "households", "Tuổi thọ trung bình": "households"}});
        let out = rollup(&base, &units).unwrap().data;
        // (86,5 × 1.200 + 83 × 800) ÷ 2.000 = 85,1 (not 169,5 điểm).
        assert_eq!(out["indicators"][0]["actual"], json!(85.1));
        // (74,2 × 1.200 + 73,6 × 800) ÷ 2.000 = 73,96.
        assert_eq!(out["indicators"][1]["actual"], json!(73.96));
    }

    #[test]
    fn names_match_in_nfc_and_near_misses_are_warned() {
        let nfd = "Tổng đàn gia súc".chars().collect::<String>();
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = nfd.nfd().collect();
        let units = [
            unit(
                "XÃ A",
                1.0,
                json!([
                    {"name": "Tổng đàn gia súc", "unit": "con", "plan": 10, "actual": 12},
                    {"name": "Diện tích lúa", "unit": "ha", "plan": 10, "actual": 12},
                ]),
            ),
            unit(
                "XÃ B",
                1.0,
                json!([
                    {"name": format!(" {nfd}"), "unit": "con", "plan": 5, "actual": 6},
                    {"name": "Diện  tích lúa", "unit": "ha", "plan": 10, "actual": 12},
                ]),
            ),
            unit(
                "XÃ C",
                1.0,
                json!([
                    {"name": "Tổng đàn gia súc", "unit": "con", "plan": 1, "actual": 1},
                    {"name": "Diện tich lua", "unit": "ha", "plan": 1, "actual": 1},
                ]),
            ),
        ];
        let rolled = rollup(&json!({}), &units).unwrap();
        let rows = rolled.data["indicators"].as_array().unwrap();
        assert_eq!(rows[0]["actual"], json!(19.0));
        // Units 1 and 2 write it alike (a double space aside); unit 3 does
        // not, so the total is missing rather than silently partial.
        assert_eq!(rows[1]["name"], "Diện tích lúa");
        assert!(rows[1].get("actual").is_none(), "{rows:?}");
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rolled.warnings.len(), 1, "{:?}", rolled.warnings);
        assert!(
            rolled.warnings[0]
                .english()
                .contains("`Diện tích lúa` (units 1, 2)")
                && rolled.warnings[0]
                    .english()
                    .contains("`Diện tich lua` (units 3)"),
            "{:?}",
            rolled.warnings
        );
    }

    #[test]
    fn a_unit_listed_twice_is_refused() {
        let rows = json!([{"name": "Lúa", "unit": "ha", "plan": 1, "actual": 1}]);
        let units = [
            unit("XÃ A", 1.0, rows.clone()),
            unit("XÃ B", 1.0, rows.clone()),
            unit("XÃ  A", 1.0, rows),
        ];
        let refused = rollup(&json!({}), &units)
            .unwrap_err()
            .iter()
            .map(Message::english)
            .collect::<Vec<_>>();
        assert!(
            refused.iter().any(|p| p.contains("unit 3")
                && p.contains("listed twice")
                && p.contains("unit 1")),
            "{refused:?}"
        );
    }
}
