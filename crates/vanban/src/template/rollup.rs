//! Roll-up: a district's (or province's) year-end data from its units'.
//!
//! Indicators are matched by name across units, in order of first
//! appearance. Counts and amounts are summed. A rate (`%`, `‰`, or a unit
//! with `/`, as `triệu đồng/người/năm`) is never summed: it is averaged
//! weighted by a field of each unit's data (a number at a dotted path, e.g.
//! `households`), named by the indicator's `weight` in the units' data or
//! by the base's `weights` (`{Tỷ lệ hộ nghèo: households}`), and refused
//! without one. An indicator with a `weight` is averaged whatever its unit.
//! A value missing in any unit leaves the rolled-up value missing (`-`),
//! rather than a total that silently leaves a unit out.
//!
//! The result is the base data (the district's own fields: issuer, year,
//! signer …) with `indicators` rolled up and `units`, one row per unit with
//! its counts (`name`, `total`, `judged`, `met`, `exceeded`, `not_met`).

use serde_json::{json, Map, Value};

use super::derive;
use super::format::number_from;
use super::indicators::{self, Direction, Indicator};

/// One unit's indicator, with the weight field it names.
struct Entry {
    indicator: Indicator,
    weight: Option<String>,
}

/// Rolls `units` up into `base`; every problem at once, each naming the
/// unit and the indicator.
pub fn rollup(base: &Value, units: &[Value]) -> Result<Value, Vec<String>> {
    let mut problems = Vec::new();
    let Value::Object(base_map) = base else {
        return Err(vec!["the base data must be a mapping of fields".into()]);
    };
    if base_map.contains_key("indicators") {
        problems.push(
            "the base data has `indicators`; a roll-up makes them from the units' (leave them out)"
                .into(),
        );
    }
    if units.is_empty() {
        problems.push("no units to roll up".into());
    }
    let names: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, u)| unit_name(u, i))
        .collect();
    let mut per_unit: Vec<Vec<Entry>> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let at = format!("unit {} ({})", i + 1, names[i]);
        match read_entries(unit) {
            Ok(entries) => per_unit.push(entries),
            Err(why) => {
                problems.extend(why.into_iter().map(|w| format!("{at}: {w}")));
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
        Some(Value::Object(map)) if map.values().all(Value::is_string) => map.clone(),
        Some(_) => {
            problems.push("`weights` must map indicator names to weight fields, e.g. {Tỷ lệ hộ nghèo: households}".into());
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
    Ok(Value::Object(out))
}

/// A unit's name in the per-unit table: `issued_by`, else derived from
/// `issuer.name`, else `name`.
fn unit_name(unit: &Value, index: usize) -> String {
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    text(unit.get("issued_by"))
        .or_else(|| {
            text(unit.get("issuer").and_then(|i| i.get("name"))).map(|n| derive::issued_by(&n))
        })
        .or_else(|| text(unit.get("name")))
        .unwrap_or_else(|| format!("Đơn vị {}", index + 1))
}

fn read_entries(unit: &Value) -> Result<Vec<Entry>, Vec<String>> {
    let raw = unit.get("indicators").unwrap_or(&Value::Null);
    let list = indicators::read_list(raw, "indicators")?;
    let raw_items = raw.as_array().map(Vec::as_slice).unwrap_or(&[]);
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for (i, (indicator, item)) in list.into_iter().zip(raw_items).enumerate() {
        let weight = match item.get("weight") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Some(_) => {
                problems.push(format!(
                    "data `indicators.{i}.weight`: must name a field of the unit's data, e.g. households"
                ));
                None
            }
        };
        if entries
            .iter()
            .any(|e: &Entry| e.indicator.name == indicator.name)
        {
            problems.push(format!(
                "data `indicators.{i}.name`: `{}` appears twice",
                indicator.name
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
) -> Result<Indicator, Vec<String>> {
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
        let at = format!("unit {} ({}), indicator `{name}`", u + 1, names[*u]);
        if e.indicator.unit != first.unit {
            problems.push(format!(
                "{at}: unit `{}` differs from `{}` in another unit",
                e.indicator.unit, first.unit
            ));
        }
        if e.indicator.direction != first.direction {
            problems.push(format!("{at}: its direction differs from another unit's"));
        }
        if let (Some(mine), Some(w)) = (&e.weight, &weight) {
            if mine != w {
                problems.push(format!("{at}: weighted by `{mine}`, another unit by `{w}`"));
            }
        }
    }
    let rate = !indicators::is_summable_unit(&first.unit) && !first.unit.is_empty();
    if rate && weight.is_none() {
        problems.push(format!(
            "indicator `{name}` is in `{}`, a rate, which is never summed: give it `weight: FIELD` (a number in each unit's data, e.g. households) to average it weighted",
            first.unit
        ));
    }
    // Weights, one per unit, read only when the indicator is averaged.
    let mut weights = vec![0.0; units.len()];
    if let Some(field) = &weight {
        for (u, _) in &present {
            match weight_of(&units[*u], field) {
                Ok(w) => weights[*u] = w,
                Err(why) => problems.push(format!(
                    "unit {} ({}), indicator `{name}`: weight field `{field}`: {why}",
                    u + 1,
                    names[*u]
                )),
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
        unit: first.unit.clone(),
        group: present.iter().find_map(|(_, e)| e.indicator.group.clone()),
        direction: first.direction,
        plan: value_of(|i| i.plan),
        actual: value_of(|i| i.actual),
        previous: value_of(|i| i.previous),
        key: present.iter().any(|(_, e)| e.indicator.key),
    })
}

/// A weight: a number ≥ 0 at a dotted path of the unit's data.
fn weight_of(unit: &Value, field: &str) -> Result<f64, String> {
    let value = field
        .split('.')
        .try_fold(unit, |v, key| v.get(key))
        .ok_or("the unit's data has no such field")?;
    let w = number_from(value)?;
    if w < 0.0 {
        return Err(format!("{w} is negative"));
    }
    Ok(w)
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
        let out = rollup(&json!({"year": 2024}), &units).unwrap();
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
        let problems = rollup(&json!({}), &units).unwrap_err();
        let weighted = rollup(&json!({"weights": {"Tỷ lệ": "households"}}), &units[..1]).unwrap();
        assert_eq!(weighted["indicators"][0]["actual"], json!(1.0));
        // A unit without the weight field is named, with the field.
        let mut no_weight = units[0].clone();
        no_weight.as_object_mut().unwrap().remove("households");
        let missing = rollup(
            &json!({"weights": {"Tỷ lệ": "households"}}),
            &[units[0].clone(), no_weight],
        )
        .unwrap_err();
        assert!(
            missing.iter().any(|p| p.contains("unit 2")
                && p.contains("weight field `households`: the unit's data has no such field")),
            "{missing:?}"
        );
        let base_with_own = rollup(&json!({"indicators": []}), &units[..1]).unwrap_err();
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
}
