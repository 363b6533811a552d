//! Helpers for reports: indicator tables and counts (`indicators.rs` does
//! the reckoning), "tăng/giảm X% so với cùng kỳ", and lists as offices write
//! them (one or many superiors, recipients without repeats).

use handlebars::{Handlebars, Helper, RenderContext, RenderError};
use serde_json::{json, Value};

use crate::helpers::{arg, data_path, fail, number_arg, ValueFn, ValueHelper};
use crate::indicators;
use crate::numbers::NumberFormat;
use vanban_i18n::{msg, Message};

pub fn register(registry: &mut Handlebars<'static>) {
    let helpers: [(&str, ValueFn); 5] = [
        ("indicator_rows", indicator_rows),
        ("indicator_summary", indicator_summary),
        ("change", change),
        ("list", list),
        ("unique", unique),
    ];
    for (name, helper) in helpers {
        registry.register_helper(name, Box::new(ValueHelper(helper)));
    }
}

/// The indicators argument, read with every problem named by data path.
fn indicator_list(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Vec<indicators::Indicator>, RenderError> {
    let param = arg(h, rc, 0)?;
    let path = data_path(rc, param).unwrap_or_else(|| "indicators".into());
    // Each problem reads "data `path`: why"; the first path is the one reported.
    indicators::read_list(param.value(), &path, numbers)
        .map_err(|problems| fail(h, rc, None, Message::join(problems, "; ")))
}

/// `{{#each (indicator_rows indicators)}}`: table rows with group rows,
/// values formatted, `-` where missing, status judged by direction.
fn indicator_rows(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    Ok(Value::Array(indicators::table_rows(&indicator_list(
        h, rc, numbers,
    )?)))
}

/// `{{#with (indicator_summary indicators)}}{{met}}/{{judged}}{{/with}}`:
/// `total`, `judged`, `met` (met or exceeded), `exceeded`, `not_met`,
/// `unjudged`, `exceeded_names`, `not_met_names`.
fn indicator_summary(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    Ok(indicators::summary_value(&indicator_list(h, rc, numbers)?))
}

/// `{{change actual previous}}` → `tăng 9,9% so với cùng kỳ`, `giảm 1,2% so
/// với cùng kỳ` or `bằng cùng kỳ`; empty when previous is 0. With the
/// unit of a rate (`unit="%"`) the change is in points: `giảm 0,67 điểm
/// phần trăm so với cùng kỳ`.
fn change(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let (now, before) = (
        number_arg(h, rc, numbers, 0)?,
        number_arg(h, rc, numbers, 1)?,
    );
    let unit = h.hash_get("unit").and_then(|u| u.value().as_str());
    let points = unit.and_then(crate::measure::points_of);
    Ok(Value::String(indicators::change_phrase(
        now, before, points,
    )))
}

/// `{{list x}}`: a list as is, one value as a list of one, nothing as an
/// empty list (`superior: Sở Tài chính` or a list of superiors).
fn list(h: &Helper<'_>, _: &RenderContext<'_, '_>, _: NumberFormat) -> Result<Value, RenderError> {
    Ok(Value::Array(flattened_params(h)))
}

/// The helper's arguments (values or lists) as one flat list, missing ones
/// left out.
fn flattened_params(h: &Helper<'_>) -> Vec<Value> {
    let mut out = Vec::new();
    for param in h.params() {
        if !param.is_value_missing() {
            flatten(param.value(), &mut out);
        }
    }
    out
}

/// `{{unique "Như trên" recipients}}`: the text items of all arguments
/// (values or lists) in order, trimmed, without a trailing `;` or `.`,
/// each once (compared without case). `except="VT"` leaves an item out
/// (the `Lưu:` line writes `VT` itself).
fn unique(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    _: NumberFormat,
) -> Result<Value, RenderError> {
    let all = flattened_params(h);
    let except = match h.hash_get("except") {
        None => None,
        Some(v) => Some(
            v.value()
                .as_str()
                .ok_or_else(|| fail(h, rc, None, msg!("helper-except-text")))?
                .to_lowercase(),
        ),
    };
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for item in all {
        let text = match item {
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        let text = text.trim().trim_end_matches([';', '.']).trim().to_string();
        let folded = text.to_lowercase();
        if text.is_empty() || seen.contains(&folded) || except.as_ref() == Some(&folded) {
            continue;
        }
        seen.push(folded);
        out.push(json!(text));
    }
    Ok(Value::Array(out))
}

fn flatten(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| flatten(v, out)),
        Value::Null => {}
        Value::String(s) if s.trim().is_empty() => {}
        other => out.push(other.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: Value) -> Result<String, String> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        crate::helpers::register(&mut hb);
        hb.render_template(template, &data)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn lists_as_offices_write_them() {
        let data = json!({"one": "Sở Tài chính", "many": ["A", "B"], "r": ["Như trên;", "HĐND xã", "như trên", " HĐND xã. "], "units": ["VT", "VP", "vp"]});
        assert_eq!(
            render("{{json (list one)}}", data.clone()).unwrap(),
            "[\"Sở Tài chính\"]"
        );
        assert_eq!(
            render("{{json (list many)}}", data.clone()).unwrap(),
            "[\"A\",\"B\"]"
        );
        assert_eq!(
            render("{{json (unique \"Như trên\" r)}}", data.clone()).unwrap(),
            "[\"Như trên\",\"HĐND xã\"]"
        );
        assert_eq!(
            render("{{json (unique units except=\"VT\")}}", data).unwrap(),
            "[\"VP\"]"
        );
    }

    #[test]
    fn summary_and_rows_from_a_template() {
        let data = json!({"xs": [
            {"name": "a", "plan": 10, "actual": 12},
            {"name": "b", "plan": 10, "actual": 9},
            {"name": "c", "plan": 1.6, "actual": 1.48, "direction": "giảm"},
        ]});
        assert_eq!(
            render(
                "{{#with (indicator_summary xs)}}{{met}}/{{judged}}, {{exceeded}}{{/with}}",
                data.clone()
            )
            .unwrap(),
            "2/3, 2"
        );
        assert_eq!(
            render(
                "{{#each (indicator_rows xs)}}{{status}};{{/each}}",
                data.clone()
            )
            .unwrap(),
            "Vượt;Không đạt;Vượt;"
        );
        assert_eq!(
            render("{{change 110 100}}", data.clone()).unwrap(),
            "tăng 10,0% so với cùng kỳ"
        );
        let bad = render(
            "{{#each (indicator_rows xs)}}{{/each}}",
            json!({"xs": [{"name": "a", "plan": "nhiều"}, {"actual": 1}]}),
        )
        .unwrap_err();
        assert!(
            bad.contains("xs.0.plan") && bad.contains("xs.1.name"),
            "{bad}"
        );
    }
}
