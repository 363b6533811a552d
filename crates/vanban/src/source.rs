//! Reading an input file: YAML, JSON or TOML into [`Input`], and finding
//! where a field stands in the text so problems can name a line.

use std::path::Path;

use saphyr::{LoadableYamlNode, MarkedYaml};

use vanban_i18n::{msg, Message};

use crate::error::{InputError, Problem};
use crate::input::Input;
use crate::limits::{self, Limits};

/// The input languages, all reading into the same [`Input`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Json,
    Toml,
}

impl Format {
    /// The format a file name's extension names.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

/// Parses `text` within the default [`Limits`]; a syntax or type error
/// comes back located.
pub fn parse(text: &str, format: Format) -> Result<Input, InputError> {
    parse_with(text, format, &Limits::default())
}

/// Parses `text`, first refusing nesting deeper than the limit (so no
/// parser recurses on hostile input); a byte-order mark is ignored.
pub fn parse_with(text: &str, format: Format, limits: &Limits) -> Result<Input, InputError> {
    parse_as(text, format, limits)
}

/// [`parse_with`] into any input shape (a document, a copy's block).
pub fn parse_as<T: serde::de::DeserializeOwned>(
    text: &str,
    format: Format,
    limits: &Limits,
) -> Result<T, InputError> {
    let text = limits::strip_bom(text);
    let located = |detail: String, line: usize, column: usize| {
        let message = explain_number(&detail, text, line, column)
            .unwrap_or_else(|| syntax_error(format, &detail, hint(&detail)));
        InputError::new(vec![Problem::new("", message).at(line, column)])
    };
    limits::check_depth(text, format, limits.max_depth)
        .map_err(|why| InputError::new(vec![Problem::new("", why).at(1, 1)]))?;
    match format {
        Format::Yaml => serde_norway::from_str(text).map_err(|e| {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            located(strip_location(&e.to_string()), line, column)
        }),
        Format::Json => serde_json::from_str(text)
            .map_err(|e| located(strip_location(&e.to_string()), e.line(), e.column())),
        Format::Toml => toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            let (line, column) = line_column(text, offset);
            located(e.message().trim().to_string(), line, column)
        }),
    }
}

/// A parser's error in the user's language: our sentence naming the
/// format, the parser's own words quoted after it (in English, the
/// parser's words alone, as vanban always showed them). The line and
/// column are the problem's own.
pub fn syntax_error(format: Format, detail: &str, hint: Option<Message>) -> Message {
    let detail = strip_location(detail.trim());
    let message = match format {
        Format::Yaml => msg!("syntax-error-yaml", detail = detail),
        Format::Json => msg!("syntax-error-json", detail = detail),
        Format::Toml => msg!("syntax-error-toml", detail = detail),
    };
    match hint {
        Some(hint) => msg!("syntax-error-hint", error = message, hint = hint),
        None => message,
    }
}

/// A landscape page asked for anywhere but on a Phụ lục: say where it
/// goes (serde only lists the fields allowed); a landscape written `yes`
/// or a number written `"05"`: say how to write it.
fn hint(detail: &str) -> Option<Message> {
    if detail.contains("unknown field `landscape`") {
        Some(msg!("syntax-hint-landscape-where"))
    } else if detail.contains("landscape: invalid type") {
        Some(msg!("syntax-hint-landscape-bool"))
    } else if detail.starts_with("number: invalid type: string") {
        // A number typed as printed (`"05"`) or with its symbol.
        Some(msg!("syntax-hint-number-as-printed"))
    } else {
        None
    }
}

/// Serde says ``invalid type: floating point `1e+20`, expected i64`` of a
/// whole number too large for its field (JSON reads it as a float); say
/// so, with the number as written. `None` for any other error.
fn explain_number(message: &str, text: &str, line: usize, column: usize) -> Option<Message> {
    if !message.contains("expected i64") {
        return None;
    }
    let quoted = message.split('`').nth(1).unwrap_or("");
    // YAML names the field itself (`number: invalid type: …`).
    let (field, message) = match message.split_once(": invalid type") {
        Some((field, rest)) => (format!("{field}: "), format!("invalid type{rest}")),
        None => (String::new(), message.to_string()),
    };
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    let written = if message.starts_with("invalid type: integer") {
        quoted.to_string()
    } else if message.starts_with("invalid type: floating point") {
        // The error points just after the number.
        let before: String = line_text.chars().take(column).collect();
        let before = before.trim_end_matches(|c: char| !c.is_ascii_digit());
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let literal = &before[before.len() - digits..];
        let sign = &before[..before.len() - digits];
        let field = match field.is_empty() {
            true => key_before(line_text, quoted),
            false => field.clone(),
        };
        if digits == 0 || sign.ends_with(['.', 'e', 'E', '+']) {
            return Some(msg!("syntax-not-whole", field = field, value = quoted));
        }
        if sign.ends_with('-') {
            return Some(msg!("syntax-below-one", field = field, value = literal));
        }
        literal.to_string()
    } else {
        return None;
    };
    let field = if field.is_empty() {
        key_before(line_text, &written)
    } else {
        field
    };
    Some(msg!(
        "syntax-too-large",
        field = field,
        value = written,
        max = vanban_i18n::Arg::count(u32::MAX)
    ))
}

/// `"number": 1e20` or `number = 1e20`: the key written before a value on
/// its line, as `number: `, for parsers that do not name the field.
fn key_before(line: &str, value: &str) -> String {
    let Some(at) = line.find(value) else {
        return String::new();
    };
    let before = line[..at]
        .trim_end()
        .trim_end_matches([':', '='])
        .trim_end();
    let before = before.trim_end_matches(['"', '\'']);
    let key: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .collect();
    if key.is_empty() {
        String::new()
    } else {
        format!("{}: ", key.chars().rev().collect::<String>())
    }
}

/// Serde's messages end in " at line 3 column 5"; the location is reported apart.
pub fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Finds the line and column of a field path (`signer.name`, `recipients[2]`)
/// in the source text; a missing field resolves to its nearest present parent.
pub struct Locator<'a> {
    text: &'a str,
    format: Format,
    yaml: Option<MarkedYaml<'a>>,
}

impl<'a> Locator<'a> {
    pub fn new(text: &'a str, format: Format) -> Locator<'a> {
        // JSON is read as YAML 1.2, which it is a subset of.
        let yaml = match format {
            Format::Yaml | Format::Json => MarkedYaml::load_from_str(text)
                .ok()
                .and_then(|docs| docs.into_iter().next()),
            Format::Toml => None,
        };
        Locator { text, format, yaml }
    }

    pub fn locate(&self, path: &str) -> Option<(usize, usize)> {
        let segments = split_path(path);
        match self.format {
            Format::Toml => self.locate_toml(&segments),
            Format::Yaml | Format::Json => {
                let mut node = self.yaml.as_ref()?;
                let mut found = (node.span.start.line(), node.span.start.col() + 1);
                for segment in segments {
                    let next = match segment {
                        Segment::Key(key) => node.data.as_mapping_get(key),
                        Segment::Index(i) => node.data.as_sequence_get(i),
                    };
                    match next {
                        Some(child) => {
                            node = child;
                            found = (node.span.start.line(), node.span.start.col() + 1);
                        }
                        None => break,
                    }
                }
                Some(found)
            }
        }
    }

    /// TOML: `[table]` headers and `key =` lines; good enough for the flat
    /// files people write by hand.
    fn locate_toml(&self, segments: &[Segment<'_>]) -> Option<(usize, usize)> {
        let keys: Vec<&str> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Key(k) => Some(*k),
                Segment::Index(_) => None,
            })
            .collect();
        let mut table = String::new();
        let mut best = None;
        for (i, raw) in self.text.lines().enumerate() {
            let line = raw.trim();
            if let Some(header) = line.strip_prefix('[') {
                table = header
                    .trim_matches(|c| c == '[' || c == ']')
                    .trim()
                    .to_string();
                if keys.join(".").starts_with(&table) && !table.is_empty() {
                    best = Some((i + 1, 1));
                }
                continue;
            }
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let full = if table.is_empty() {
                key.trim().to_string()
            } else {
                format!("{table}.{}", key.trim())
            };
            if full == keys.join(".") {
                return Some((i + 1, raw.len() - raw.trim_start().len() + 1));
            }
            if keys.join(".").starts_with(&format!("{full}.")) || full == *keys.first()? {
                best = Some((i + 1, 1));
            }
        }
        best
    }
}

enum Segment<'p> {
    Key(&'p str),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Segment<'_>> {
    let mut segments = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part
            .split_once('[')
            .map_or((part, ""), |(k, rest)| (k, rest));
        if !key.is_empty() {
            segments.push(Segment::Key(key));
        }
        for index in indexes.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                segments.push(Segment::Index(i));
            }
        }
    }
    segments
}

/// Reads a file into [`Input`] along with its text and format.
pub fn read_file(path: &Path, limits: &Limits) -> Result<(Input, String, Format), InputError> {
    let name = path.display().to_string();
    let format = Format::from_path(path).ok_or_else(|| {
        InputError::new(vec![Problem::new("", msg!("input-format-unknown"))]).in_file(&name)
    })?;
    let text = limits::read_text(path, limits.max_file_bytes)
        .map_err(|why| InputError::new(vec![Problem::new("", why)]).in_file(&name))?;
    let input = parse_with(&text, format, limits).map_err(|e| e.in_file(&name))?;
    Ok((input, text, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "kind: ke-hoach\nsigner:\n  title: CHÁNH VĂN PHÒNG\n  name: An\nrecipients:\n  - Một\n  - Hai\n";

    #[test]
    fn yaml_paths_resolve_to_lines() {
        let locator = Locator::new(YAML, Format::Yaml);
        assert_eq!(locator.locate("kind"), Some((1, 7)));
        assert_eq!(locator.locate("signer.name"), Some((4, 9)));
        assert_eq!(locator.locate("recipients[1]"), Some((7, 5)));
        assert_eq!(locator.locate("signer.missing").map(|l| l.0), Some(3));
    }

    #[test]
    fn json_paths_resolve_to_lines() {
        let json = "{\n  \"kind\": \"ke-hoach\",\n  \"signer\": {\n    \"name\": \"An\"\n  }\n}\n";
        let locator = Locator::new(json, Format::Json);
        assert_eq!(locator.locate("signer.name").map(|l| l.0), Some(4));
    }

    #[test]
    fn toml_paths_resolve_to_lines() {
        let toml = "kind = \"ke-hoach\"\n\n[signer]\ntitle = \"X\"\nname = \"An\"\n";
        let locator = Locator::new(toml, Format::Toml);
        assert_eq!(locator.locate("kind"), Some((1, 1)));
        assert_eq!(locator.locate("signer.name"), Some((5, 1)));
        assert_eq!(locator.locate("signer.authority[0]").map(|l| l.0), Some(3));
    }

    #[test]
    fn syntax_errors_are_located() {
        let err = parse("kind: ke-hoach\nnumber: [\n", Format::Yaml).unwrap_err();
        assert!(err.problems[0].line.is_some());
        let err = parse("kind: ke-hoach\nnumber: mười\n", Format::Yaml).unwrap_err();
        assert_eq!(err.problems[0].line, Some(2));
        let err = parse("{\"kind\": 5}", Format::Json).unwrap_err();
        assert_eq!(err.problems[0].line, Some(1));
        let err = parse("kind = \"x\"\nnumber = \"x\"\n", Format::Toml).unwrap_err();
        assert_eq!(err.problems[0].line, Some(2));
        let err = parse("kind: ke-hoach\nunknown_field: 1\n", Format::Yaml).unwrap_err();
        assert!(err.problems[0].message.contains("unknown_field"));
    }
}
