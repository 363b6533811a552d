//! Numbers as data writes them. Vietnamese writes `.` between thousands
//! and `,` before the decimals (`185.420` is a hundred and eighty-five
//! thousand, `2,15` two point one five); English the other way round. Text
//! is read strictly in the data's convention: text that is not valid there
//! (`1.5`, `1,234.5`, `1.23.4`) is refused, saying what it would mean the
//! other way, never guessed. A JSON, YAML or spreadsheet number is already a
//! number and stays one.

use serde_json::Value;
use vanban_i18n::{msg, Message};

/// How text in the data writes numbers; `number_format: en` in the data
/// chooses English, the default is Vietnamese.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NumberFormat {
    /// `1.234.567,8`
    #[default]
    Vietnamese,
    /// `1,234,567.8`
    English,
}

impl NumberFormat {
    /// The data's `number_format` field (`vi`, `en`); absent is Vietnamese.
    pub fn of_data(data: &Value) -> Result<NumberFormat, Message> {
        match data.get("number_format") {
            None | Some(Value::Null) => Ok(NumberFormat::Vietnamese),
            Some(Value::String(s)) => match s.trim().to_lowercase().as_str() {
                "vi" | "vn" | "vi-vn" | "vietnamese" | "tiếng việt" => {
                    Ok(NumberFormat::Vietnamese)
                }
                "en" | "en-us" | "english" => Ok(NumberFormat::English),
                other => Err(msg!("number-format-unknown", value = other)),
            },
            Some(_) => Err(msg!("number-format-type")),
        }
    }

    /// (thousands separator, decimal mark)
    fn marks(self) -> (char, char) {
        match self {
            NumberFormat::Vietnamese => ('.', ','),
            NumberFormat::English => (',', '.'),
        }
    }

    fn other(self) -> NumberFormat {
        match self {
            NumberFormat::Vietnamese => NumberFormat::English,
            NumberFormat::English => NumberFormat::Vietnamese,
        }
    }
}

/// Reads a number from data: a JSON number as it is, text in `format`.
/// A trailing `%` is allowed and dropped (`2,15%` is 2.15: the unit says
/// it is a rate). Spaces (also no-break and thin spaces) are ignored.
pub fn number_in(value: &Value, format: NumberFormat) -> Result<f64, Message> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .ok_or_else(|| msg!("number-not-a-number", value = n.to_string())),
        Value::String(text) => parse_text(text, format),
        other => Err(msg!(
            "number-expected",
            found = crate::format::kind_of(other)
        )),
    }
}

/// Text read in `format`, or why not, with what it would mean the other way.
pub fn parse_text(text: &str, format: NumberFormat) -> Result<f64, Message> {
    let compact: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if let Some(x) = strict(&compact, format) {
        return Ok(x);
    }
    let shown = text.trim();
    match strict(&compact, format.other()) {
        Some(x) => {
            let meant =
                crate::format::format_number(x, Some(decimals_of(&compact, format.other())));
            Err(match format {
                NumberFormat::Vietnamese => {
                    msg!(
                        "number-not-vietnamese",
                        value = shown,
                        meant = meant.as_str()
                    )
                }
                NumberFormat::English => {
                    msg!("number-not-english", value = shown, meant = meant.as_str())
                }
            })
        }
        None => Err(msg!("number-not-a-number", value = shown)),
    }
}

/// How many decimals `compact` writes in `format` (to show it back).
fn decimals_of(compact: &str, format: NumberFormat) -> usize {
    let (_, decimal) = format.marks();
    compact.split_once(decimal).map_or(0, |(_, f)| f.len())
}

/// `[sign] whole [decimal digits]` where `whole` is digits, or 1–3 digits
/// followed by groups of exactly three after each thousands separator.
fn strict(compact: &str, format: NumberFormat) -> Option<f64> {
    let (thousands, decimal) = format.marks();
    let (negative, body) = match compact.chars().next()? {
        '-' | '\u{2212}' => (true, &compact[compact.chars().next()?.len_utf8()..]),
        '+' => (false, &compact[1..]),
        _ => (false, compact),
    };
    let (whole, fraction) = match body.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(f) = fraction {
        if !all_digits(f) {
            return None;
        }
    }
    let mut groups = whole.split(thousands);
    let first = groups.next()?;
    if !all_digits(first) {
        return None;
    }
    let rest: Vec<&str> = groups.collect();
    if !rest.is_empty() && (first.len() > 3 || rest.iter().any(|g| g.len() != 3 || !all_digits(g)))
    {
        return None;
    }
    let mut plain: String = std::iter::once(first).chain(rest).collect();
    if let Some(f) = fraction {
        plain.push('.');
        plain.push_str(f);
    }
    let x: f64 = plain.parse().ok().filter(|x: &f64| x.is_finite())?;
    Some(if negative { -x } else { x })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vi(text: &str) -> Result<f64, String> {
        parse_text(text, NumberFormat::Vietnamese).map_err(|m| m.english())
    }

    #[test]
    fn vietnamese_text_groups_thousands_with_dots() {
        assert_eq!(vi("185.420"), Ok(185_420.0));
        assert_eq!(vi("3.100"), Ok(3_100.0));
        assert_eq!(vi("1.234.567"), Ok(1_234_567.0));
        assert_eq!(vi("201.356,8"), Ok(201_356.8));
        assert_eq!(vi("2,15"), Ok(2.15));
        assert_eq!(vi("2,15%"), Ok(2.15));
        assert_eq!(vi("-1.250,5"), Ok(-1_250.5));
        assert_eq!(vi("1 200"), Ok(1_200.0));
        assert_eq!(vi("9875"), Ok(9_875.0));
        assert_eq!(vi("0,5"), Ok(0.5));
    }

    #[test]
    fn text_valid_only_the_english_way_is_refused_with_its_meaning() {
        let why = vi("1.5").unwrap_err();
        assert!(why.contains("`1.5`") && why.contains("it is 1,5"), "{why}");
        assert!(why.contains("number_format: en"), "{why}");
        let why = vi("1,234.5").unwrap_err();
        assert!(why.contains("it is 1.234,5"), "{why}");
        assert!(vi("1.23.4").unwrap_err().ends_with("is not a number"));
        assert!(vi("1,2,3").is_err());
        assert!(vi("1e5").is_err());
        assert!(vi(",5").is_err());
        assert!(vi("nhiều").is_err());
        assert!(vi("").is_err());
    }

    #[test]
    fn english_when_the_data_says_so() {
        let en = |t: &str| parse_text(t, NumberFormat::English).map_err(|m| m.english());
        assert_eq!(en("1,234,567.8"), Ok(1_234_567.8));
        assert_eq!(en("185.42"), Ok(185.42));
        let why = en("185.420,5").unwrap_err();
        assert!(why.contains("Vietnamese way it is 185.420,5"), "{why}");
        assert_eq!(
            NumberFormat::of_data(&json!({"number_format": "en"})),
            Ok(NumberFormat::English)
        );
        assert_eq!(
            NumberFormat::of_data(&json!({})),
            Ok(NumberFormat::Vietnamese)
        );
        assert!(NumberFormat::of_data(&json!({"number_format": "fr"})).is_err());
    }

    #[test]
    fn numbers_stay_numbers() {
        assert_eq!(
            number_in(&json!(185.42), NumberFormat::Vietnamese),
            Ok(185.42)
        );
        assert_eq!(number_in(&json!(3100), NumberFormat::English), Ok(3100.0));
        assert!(number_in(&json!([1]), NumberFormat::Vietnamese)
            .unwrap_err()
            .english()
            .contains("a list"));
    }
}
