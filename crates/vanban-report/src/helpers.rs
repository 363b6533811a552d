//! The helpers templates call, as handlebars sees them. Each reads its
//! arguments strictly: a missing or malformed value is an error naming the
//! data path, never a silent blank.
//!
//! Value helpers return text that the registry then escapes for where it
//! lands (YAML string or Markdown). `json` and `int` write complete YAML
//! values themselves and are the only helpers allowed outside quotes in a
//! header.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, PathAndJson, RenderContext,
    RenderError, RenderErrorReason, ScopedJson,
};
use serde_json::{json, Value};

use crate::format::{self, Citation};
use crate::numbers::{number_in, NumberFormat};
use crate::words;
use vanban::vn;
use vanban_i18n::{msg, Message};

/// Registers every helper on a registry.
pub fn register(registry: &mut Handlebars<'static>) {
    let helpers: [(&str, ValueFn); 15] = [
        ("number", number),
        ("percent", percent),
        ("date_long", |h, rc, _| date(h, rc, true)),
        ("date_short", |h, rc, _| date(h, rc, false)),
        ("cite", cite),
        ("money_words", |h, rc, numbers| {
            in_words(h, rc, numbers, true)
        }),
        ("number_words", |h, rc, numbers| {
            in_words(h, rc, numbers, false)
        }),
        ("roman", roman),
        ("sum", sum),
        ("ratio", ratio),
        ("add", |h, rc, numbers| arithmetic(h, rc, numbers, 1.0)),
        ("sub", |h, rc, numbers| arithmetic(h, rc, numbers, -1.0)),
        ("upper", |h, rc, _| case(h, rc, Case::Upper)),
        ("capitalize", |h, rc, _| case(h, rc, Case::Capitalize)),
        ("lower_first", |h, rc, _| case(h, rc, Case::LowerFirst)),
    ];
    for (name, helper) in helpers {
        registry.register_helper(name, Box::new(ValueHelper(helper)));
    }
    registry.register_helper("json", Box::new(JsonHelper));
    registry.register_helper("int", Box::new(IntHelper));
    crate::report_helpers::register(registry);
}

/// A helper that computes a value (text or a number, usable as a
/// subexpression) from its arguments; the registry escapes it for where it
/// lands.
/// Numbers in the data's text are read in its `number_format`.
pub(super) type ValueFn =
    fn(&Helper<'_>, &RenderContext<'_, '_>, NumberFormat) -> Result<Value, RenderError>;

pub(super) struct ValueHelper(pub(super) ValueFn);

impl HelperDef for ValueHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        root: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        // Checked before rendering (`Templates::render`): a bad value cannot reach here.
        let numbers = NumberFormat::of_data(root.data()).unwrap_or_default();
        Ok(ScopedJson::Derived((self.0)(h, rc, numbers)?))
    }
}

/// A helper's error, naming the helper and the data path it read; carried
/// through handlebars as a nested error so that its message is put into
/// words where it is shown, in the reader's language.
pub(super) fn fail(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    param: Option<&PathAndJson<'_>>,
    why: impl Into<Message>,
) -> RenderError {
    let failure = HelperFailure {
        helper: h.name().to_string(),
        path: param.and_then(|p| data_path(rc, p)),
        why: why.into(),
    };
    RenderErrorReason::NestedError(Box::new(failure)).into()
}

/// Why a helper could not give its value.
#[derive(Debug)]
pub(crate) struct HelperFailure {
    /// `number`, `date_long`.
    pub helper: String,
    /// The data path of the argument it read: `indicators.3.plan`.
    pub path: Option<String>,
    pub why: Message,
}

/// `{{helper}}: data `path`: why`, in English.
impl std::fmt::Display for HelperFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{{{{{}}}}}: ", self.helper)?;
        if let Some(path) = &self.path {
            write!(f, "data `{path}`: ")?;
        }
        f.write_str(&self.why.english())
    }
}

impl std::error::Error for HelperFailure {}

/// The full data path of an argument: the block's base (`indicators.3`)
/// joined to the argument's own path (`plan`).
pub(crate) fn data_path(rc: &RenderContext<'_, '_>, param: &PathAndJson<'_>) -> Option<String> {
    let relative = param.relative_path()?;
    let base = rc
        .block()
        .map(|b| b.base_path().join("."))
        .unwrap_or_default();
    Some(if base.is_empty() {
        relative.clone()
    } else {
        format!("{base}.{relative}")
    })
}

/// The argument at `index`, which must exist in the data.
pub(super) fn arg<'a, 'rc>(
    h: &'a Helper<'rc>,
    rc: &RenderContext<'_, '_>,
    index: usize,
) -> Result<&'a PathAndJson<'rc>, RenderError> {
    let param = h.param(index).ok_or_else(|| {
        fail(
            h,
            rc,
            None,
            msg!("helper-argument-required", index = index + 1),
        )
    })?;
    if param.is_value_missing() {
        return Err(fail(h, rc, Some(param), msg!("helper-missing")));
    }
    Ok(param)
}

pub(super) fn number_arg(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
    index: usize,
) -> Result<f64, RenderError> {
    let param = arg(h, rc, index)?;
    number_in(param.value(), numbers).map_err(|why| fail(h, rc, Some(param), why))
}

/// `decimals=N` on the helper, or the default.
fn decimals(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    default: Option<usize>,
) -> Result<Option<usize>, RenderError> {
    match h.hash_get("decimals") {
        None => Ok(default),
        Some(v) => v
            .value()
            .as_u64()
            .filter(|&d| d <= 10)
            .map(|d| Some(d as usize))
            .ok_or_else(|| fail(h, rc, None, msg!("helper-decimals"))),
    }
}

fn text(value: impl Into<String>) -> Result<Value, RenderError> {
    Ok(Value::String(value.into()))
}

/// `{{number x}}` → `1.234.567,8`; `{{number x decimals=1}}`.
fn number(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let x = number_arg(h, rc, numbers, 0)?;
    text(format::format_number(x, decimals(h, rc, None)?))
}

/// `{{percent part whole}}` → `105,3` (one decimal unless `decimals=`);
/// `{{percent value}}` formats a value that already is a percentage.
fn percent(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let places = decimals(h, rc, Some(1))?.unwrap_or(1);
    let part = number_arg(h, rc, numbers, 0)?;
    let whole = if h.param(1).is_some() {
        number_arg(h, rc, numbers, 1)?
    } else {
        100.0
    };
    text(format::percent(part, whole, places))
}

/// `{{date_long d}}` → `ngày 07 tháng 3 năm 2024`; `{{date_short d}}` → `07/3/2024`.
fn date(h: &Helper<'_>, rc: &RenderContext<'_, '_>, long: bool) -> Result<Value, RenderError> {
    let param = arg(h, rc, 0)?;
    let date = format::date_from(param.value()).map_err(|why| fail(h, rc, Some(param), why))?;
    text(if long { date.long() } else { date.short() })
}

/// `{{cite doc}}` → `Kế hoạch số 623/KH-UBND ngày 07/3/2024 của UBND tỉnh`;
/// `doc` has `kind` and any of `number`, `symbol`, `date`, `issuer`,
/// `summary`, `name`; `date="long"` writes the long date.
fn cite(h: &Helper<'_>, rc: &RenderContext<'_, '_>, _: NumberFormat) -> Result<Value, RenderError> {
    let param = arg(h, rc, 0)?;
    let Value::Object(doc) = param.value() else {
        return Err(fail(h, rc, Some(param), msg!("helper-cite-object")));
    };
    let field = |key: &str| -> Result<Option<String>, RenderError> {
        match doc.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(fail(
                h,
                rc,
                Some(param),
                msg!(
                    "helper-cite-field-text",
                    key = key,
                    found = format::kind_of(other)
                ),
            )),
        }
    };
    let kind =
        field("kind")?.ok_or_else(|| fail(h, rc, Some(param), msg!("helper-cite-kind-missing")))?;
    let date = match doc.get("date") {
        None | Some(Value::Null) => None,
        Some(value) => Some(
            format::date_from(value)
                .map_err(|why| fail(h, rc, Some(param), msg!("helper-cite-date", why = why)))?,
        ),
    };
    let long_date = h.hash_get("date").and_then(|v| v.value().as_str()) == Some("long");
    let citation = Citation {
        kind,
        number: field("number")?,
        symbol: field("symbol")?,
        date,
        issuer: field("issuer")?,
        summary: field("summary")?,
        name: field("name")?,
        long_date,
    };
    text(citation.text())
}

/// `{{money_words x}}` → `một trăm hai mươi ba triệu đồng`; `{{number_words n}}`.
fn in_words(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
    money: bool,
) -> Result<Value, RenderError> {
    let x = number_arg(h, rc, numbers, 0)?;
    if money {
        return text(words::money_in_words(x));
    }
    if x < 0.0 || x.fract() != 0.0 {
        return Err(fail(h, rc, h.param(0), msg!("helper-whole-not-negative")));
    }
    text(words::number_in_words(x as u64))
}

/// `{{roman 4}}` → `IV`.
fn roman(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let x = number_arg(h, rc, numbers, 0)?;
    if !(1.0..=3999.0).contains(&x) || x.fract() != 0.0 {
        return Err(fail(h, rc, h.param(0), msg!("helper-roman-range")));
    }
    text(vn::roman(x as u32))
}

/// `{{sum items "plan"}}`: the sum of a field over a list (or of a list of
/// numbers); a number, to be formatted with `number` or used in `percent`.
fn sum(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let list = arg(h, rc, 0)?;
    let Value::Array(items) = list.value() else {
        return Err(fail(h, rc, Some(list), msg!("helper-list-expected")));
    };
    let field = match h.param(1) {
        Some(p) => Some(
            p.value()
                .as_str()
                .ok_or_else(|| fail(h, rc, None, msg!("helper-sum-field-text")))?,
        ),
        None => None,
    };
    let mut total = 0.0;
    for (i, item) in items.iter().enumerate() {
        let value = match field {
            Some(key) => item.get(key).unwrap_or(&Value::Null),
            None => item,
        };
        let n = number_in(value, numbers).map_err(|why| {
            let at = field.map_or(format!("[{i}]"), |k| format!("[{i}].{k}"));
            fail(
                h,
                rc,
                Some(list),
                msg!("helper-sum-item", at = at, why = why),
            )
        })?;
        total += n;
    }
    Ok(json!(total))
}

/// `{{ratio a b}}` → a ÷ b as a number (0 when b is 0).
fn ratio(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
) -> Result<Value, RenderError> {
    let (a, b) = (
        number_arg(h, rc, numbers, 0)?,
        number_arg(h, rc, numbers, 1)?,
    );
    Ok(json!(if b == 0.0 { 0.0 } else { a / b }))
}

/// `{{add year 1}}`, `{{sub year 1}}`, `{{add @index 1}}`.
fn arithmetic(
    h: &Helper<'_>,
    rc: &RenderContext<'_, '_>,
    numbers: NumberFormat,
    sign: f64,
) -> Result<Value, RenderError> {
    let (a, b) = (
        number_arg(h, rc, numbers, 0)?,
        number_arg(h, rc, numbers, 1)?,
    );
    let result = a + sign * b;
    // Beyond 15 digits a float no longer prints as the number it is.
    if !result.is_finite() || result.abs() >= 1e15 {
        let param = arg(h, rc, 0)?;
        return Err(fail(h, rc, Some(param), msg!("helper-result-too-large")));
    }
    Ok(number_value(result))
}

/// A whole number stays whole in JSON (`2025`, not `2025.0`).
fn number_value(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9e15 {
        json!(x as i64)
    } else {
        json!(x)
    }
}

#[derive(Clone, Copy)]
enum Case {
    Upper,
    Capitalize,
    LowerFirst,
}

/// `{{upper name}}` (issuer names in capitals), `{{capitalize text}}`,
/// `{{lower_first summary}}` (a summary inside a sentence).
fn case(h: &Helper<'_>, rc: &RenderContext<'_, '_>, case: Case) -> Result<Value, RenderError> {
    let param = arg(h, rc, 0)?;
    let value = match param.value() {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            return Err(fail(
                h,
                rc,
                Some(param),
                msg!("helper-text-expected", found = format::kind_of(other)),
            ))
        }
    };
    let mut chars = value.chars();
    let first = chars.next();
    text(match (case, first) {
        (Case::Upper, _) => value.to_uppercase(),
        (_, None) => String::new(),
        (Case::Capitalize, Some(c)) => c.to_uppercase().chain(chars).collect(),
        (Case::LowerFirst, Some(c)) => c.to_lowercase().chain(chars).collect(),
    })
}

/// `{{json x}}`: the value as JSON, which is also a valid YAML value (a
/// list of recipients, a quoted string). Written as is, never escaped.
struct JsonHelper;

impl HelperDef for JsonHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let param = arg(h, rc, 0)?;
        let text = serde_json::to_string(param.value()).map_err(RenderErrorReason::from)?;
        // JSON may carry U+2028/2029 raw; YAML would read them as line breaks.
        let text = text
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        out.write(&text)?;
        Ok(())
    }
}

/// `{{int x}}`: a whole number, checked, written as is (`number: {{int number}}`).
struct IntHelper;

impl HelperDef for IntHelper {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        root: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let numbers = NumberFormat::of_data(root.data()).unwrap_or_default();
        let x = number_arg(h, rc, numbers, 0)?;
        if x.fract() != 0.0 || x.abs() > 9e15 {
            return Err(fail(h, rc, h.param(0), msg!("helper-whole")));
        }
        out.write(&(x as i64).to_string())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str, data: Value) -> Result<String, String> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        hb.register_escape_fn(handlebars::no_escape);
        register(&mut hb);
        hb.render_template(template, &data)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn number_and_percent() {
        let data = json!({"x": 1234567.8, "plan": 950, "actual": "1000"});
        assert_eq!(render("{{number x}}", data.clone()).unwrap(), "1.234.567,8");
        assert_eq!(
            render("{{number x decimals=0}}", data.clone()).unwrap(),
            "1.234.568"
        );
        assert_eq!(
            render("{{percent actual plan}}", data.clone()).unwrap(),
            "105,3"
        );
        assert_eq!(
            render("{{percent actual plan decimals=2}}", data.clone()).unwrap(),
            "105,26"
        );
        assert_eq!(render("{{percent 12.345}}", data).unwrap(), "12,3");
    }

    #[test]
    fn dates() {
        let data = json!({"d": "2024-03-07", "e": "2012-01-20"});
        assert_eq!(
            render("{{date_long d}}", data.clone()).unwrap(),
            "ngày 07 tháng 3 năm 2024"
        );
        assert_eq!(
            render("{{date_short e}}", data.clone()).unwrap(),
            "20/01/2012"
        );
        let bad = render("{{date_short x}}", json!({"x": "2024-02-30"})).unwrap_err();
        assert!(
            bad.contains("data `x`") && bad.contains("no day 30"),
            "{bad}"
        );
    }

    #[test]
    fn citation() {
        let data = json!({"docs": [{"kind": "Kế hoạch", "number": 623, "symbol": "KH-UBND", "date": "2024-03-07", "issuer": "UBND tỉnh"}]});
        assert_eq!(
            render("{{#each docs}}{{cite this}}{{/each}}", data.clone()).unwrap(),
            "Kế hoạch số 623/KH-UBND ngày 07/3/2024 của UBND tỉnh"
        );
        assert_eq!(
            render("{{cite docs.[0] date=\"long\"}}", data).unwrap(),
            "Kế hoạch số 623/KH-UBND ngày 07 tháng 3 năm 2024 của UBND tỉnh"
        );
        let bad = render("{{cite d}}", json!({"d": {"number": 1}})).unwrap_err();
        assert!(bad.contains("`kind` is missing"), "{bad}");
    }

    #[test]
    fn words_and_roman() {
        let data = json!({"m": 123000000, "n": 21, "r": 14});
        assert_eq!(
            render("{{money_words m}}", data.clone()).unwrap(),
            "một trăm hai mươi ba triệu đồng"
        );
        assert_eq!(
            render("{{number_words n}}", data.clone()).unwrap(),
            "hai mươi mốt"
        );
        assert_eq!(
            render("{{capitalize (money_words m)}}", data.clone()).unwrap(),
            "Một trăm hai mươi ba triệu đồng"
        );
        assert_eq!(render("{{roman r}}", data).unwrap(), "XIV");
    }

    #[test]
    fn sums_and_ratios_over_a_list() {
        let data = json!({"items": [{"plan": 100, "actual": "120"}, {"plan": 300, "actual": 280}], "xs": [1, 2.5]});
        assert_eq!(
            render("{{sum items \"plan\"}}", data.clone()).unwrap(),
            "400.0"
        );
        assert_eq!(
            render("{{number (sum items \"actual\")}}", data.clone()).unwrap(),
            "400"
        );
        assert_eq!(render("{{number (sum xs)}}", data.clone()).unwrap(), "3,5");
        assert_eq!(
            render(
                "{{percent (sum items \"actual\") (sum items \"plan\")}}",
                data.clone()
            )
            .unwrap(),
            "100,0"
        );
        assert_eq!(
            render("{{number (ratio 1 4)}}", data.clone()).unwrap(),
            "0,25"
        );
        let bad = render("{{sum items \"nope\"}}", data).unwrap_err();
        assert!(
            bad.contains("data `items`") && bad.contains("item [0].nope"),
            "{bad}"
        );
    }

    #[test]
    fn arithmetic_case_json_and_int() {
        let data = json!({"year": 2024, "name": "xã An Bình", "list": ["a", "b\"c"], "n": "1026"});
        assert_eq!(render("{{add year 1}}", data.clone()).unwrap(), "2025");
        assert_eq!(render("{{sub year 1}}", data.clone()).unwrap(), "2023");
        assert_eq!(
            render("{{upper name}}", data.clone()).unwrap(),
            "XÃ AN BÌNH"
        );
        assert_eq!(
            render("{{lower_first \"Kết quả\"}}", data.clone()).unwrap(),
            "kết quả"
        );
        assert_eq!(
            render("{{json list}}", data.clone()).unwrap(),
            "[\"a\",\"b\\\"c\"]"
        );
        assert_eq!(render("{{int n}}", data.clone()).unwrap(), "1026");
        assert!(render("{{int name}}", data)
            .unwrap_err()
            .contains("not a number"));
    }

    #[test]
    fn missing_arguments_name_their_data_path() {
        let data = json!({"rows": [{"plan": 1}, {"plan": 2}]});
        let error = render("{{#each rows}}{{number actual}}{{/each}}", data).unwrap_err();
        assert!(
            error.contains("data `rows.0.actual`: is missing"),
            "{error}"
        );
    }
}
