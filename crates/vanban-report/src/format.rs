//! Vietnamese formatting of values taken from data: numbers (`1.234.567,8`),
//! percentages, dates and citations of documents. Pure functions; the
//! handlebars glue is in `helpers.rs`.

use serde_json::Value;

use vanban::Date;
use vanban_i18n::{msg, Message};

/// Formats `x` the Vietnamese way: `.` between thousands, `,` before the
/// decimals. With `decimals`, exactly that many; without, up to two and no
/// trailing zeros.
pub fn format_number(x: f64, decimals: Option<usize>) -> String {
    let places = decimals.unwrap_or(2);
    // Half away from zero, as people round (format! rounds half to even).
    let scale = 10f64.powi(places as i32);
    let rounded = (x.abs() * scale).round() / scale;
    let fixed = format!("{:.*}", places, rounded);
    let (whole, fraction) = match fixed.split_once('.') {
        Some((w, f)) => (w.to_string(), f.to_string()),
        None => (fixed.clone(), String::new()),
    };
    let fraction = if decimals.is_none() {
        fraction.trim_end_matches('0').to_string()
    } else {
        fraction
    };
    let mut out = String::new();
    let negative =
        x < 0.0 && (whole.chars().any(|c| c != '0') || fraction.chars().any(|c| c != '0'));
    if negative {
        out.push('-');
    }
    out.push_str(&group_thousands(&whole));
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(&fraction);
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `part` as a percentage of `whole`, `decimals` places: `105,3`. A whole of
/// zero has no percentage; tables write `-` there.
pub fn percent(part: f64, whole: f64, decimals: usize) -> String {
    if whole == 0.0 {
        return "-".to_string();
    }
    format_number(part / whole * 100.0, Some(decimals))
}

/// Reads a date from data (`2024-03-07` or `07/3/2024`).
pub fn date_from(value: &Value) -> Result<Date, Message> {
    match value {
        Value::String(text) => Date::parse(text),
        other => Err(msg!("date-expected", found = kind_of(other))),
    }
}

/// A first citation of a document (spec §4.1):
/// `Kế hoạch số 623/KH-UBND ngày 07/3/2024 của UBND tỉnh về việc …`.
/// A Luật or Pháp lệnh is cited by its name only: `Luật Đất đai`.
#[derive(Debug, Default)]
pub struct Citation {
    /// Type name as written in running text: `Kế hoạch`, `Quyết định`.
    pub kind: String,
    /// `623`, or the whole `623/KH-UBND` / `01-NQ/TU`.
    pub number: Option<String>,
    /// `KH-UBND`, joined to the number with `/`.
    pub symbol: Option<String>,
    pub date: Option<Date>,
    /// Who issued it: `UBND tỉnh`.
    pub issuer: Option<String>,
    /// What it is about, after `về`: `việc tuyên truyền …`.
    pub summary: Option<String>,
    /// The name of a law: `Đất đai`.
    pub name: Option<String>,
    /// Long date (`ngày 07 tháng 3 năm 2024`) instead of `ngày 07/3/2024`.
    pub long_date: bool,
}

impl Citation {
    pub fn text(&self) -> String {
        let is_law = ["luật", "pháp lệnh", "bộ luật"]
            .iter()
            .any(|k| self.kind.to_lowercase() == *k);
        let mut out = self.kind.clone();
        if is_law {
            if let Some(name) = self.name.as_ref().or(self.summary.as_ref()) {
                out.push(' ');
                out.push_str(name);
            }
            return out;
        }
        if let Some(number) = &self.number {
            out.push_str(" số ");
            out.push_str(number);
            if let Some(symbol) = &self.symbol {
                out.push('/');
                out.push_str(symbol);
            }
        }
        if let Some(date) = self.date {
            out.push(' ');
            out.push_str(&if self.long_date {
                date.long()
            } else {
                format!("ngày {}", date.short())
            });
        }
        if let Some(issuer) = &self.issuer {
            out.push_str(" của ");
            out.push_str(issuer);
        }
        if let Some(summary) = &self.summary {
            out.push_str(" về ");
            out.push_str(summary);
        }
        out
    }
}

pub(crate) fn kind_of(value: &Value) -> Message {
    match value {
        Value::Null => msg!("value-null"),
        Value::Bool(_) => msg!("value-bool"),
        Value::Number(_) => msg!("value-number"),
        Value::String(_) => msg!("value-text"),
        Value::Array(_) => msg!("value-list"),
        Value::Object(_) => msg!("value-object"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn vietnamese_number_format() {
        assert_eq!(format_number(1_234_567.8, None), "1.234.567,8");
        assert_eq!(format_number(1_234_567.0, None), "1.234.567");
        assert_eq!(format_number(999.0, None), "999");
        assert_eq!(format_number(1000.0, None), "1.000");
        assert_eq!(format_number(0.126, None), "0,13");
        assert_eq!(format_number(12.5, Some(2)), "12,50");
        assert_eq!(format_number(-4_500.25, Some(1)), "-4.500,3");
        assert_eq!(format_number(-0.01, Some(1)), "0,0");
        assert_eq!(format_number(7.0, Some(0)), "7");
    }

    #[test]
    fn percentages_with_given_decimals() {
        assert_eq!(percent(105.3, 100.0, 1), "105,3");
        assert_eq!(percent(2, 3, 2), "66,67");
        assert_eq!(percent(1_250.0, 1_000.0, 0), "125");
        assert_eq!(percent(5.0, 0.0, 1), "-");
    }

    fn percent<A: Into<f64>, B: Into<f64>>(a: A, b: B, d: usize) -> String {
        super::percent(a.into(), b.into(), d)
    }

    #[test]
    fn dates_from_data() {
        let date = date_from(&json!("2024-03-07")).unwrap();
        assert_eq!(date.short(), "07/3/2024");
        assert_eq!(date.long(), "ngày 07 tháng 3 năm 2024");
        assert_eq!(
            date_from(&json!("20/1/2012")).unwrap().short(),
            "20/01/2012"
        );
        assert!(date_from(&json!(2024)).is_err());
    }

    #[test]
    fn citations() {
        let plan = Citation {
            kind: "Kế hoạch".into(),
            number: Some("623".into()),
            symbol: Some("KH-UBND".into()),
            date: Some(Date::new(2024, 3, 7).unwrap()),
            issuer: Some("UBND tỉnh".into()),
            ..Citation::default()
        };
        assert_eq!(
            plan.text(),
            "Kế hoạch số 623/KH-UBND ngày 07/3/2024 của UBND tỉnh"
        );
        let long = Citation {
            long_date: true,
            summary: Some("việc tuyên truyền".into()),
            ..plan
        };
        assert_eq!(
            long.text(),
            "Kế hoạch số 623/KH-UBND ngày 07 tháng 3 năm 2024 của UBND tỉnh về việc tuyên truyền"
        );
        let party = Citation {
            kind: "Nghị quyết".into(),
            number: Some("01-NQ/TU".into()),
            ..Citation::default()
        };
        assert_eq!(party.text(), "Nghị quyết số 01-NQ/TU");
        let law = Citation {
            kind: "Luật".into(),
            name: Some("Tổ chức chính quyền địa phương".into()),
            number: Some("77/2015/QH13".into()),
            ..Citation::default()
        };
        assert_eq!(law.text(), "Luật Tổ chức chính quyền địa phương");
    }
}
