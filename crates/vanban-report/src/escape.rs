//! Keeping data from changing a document's structure.
//!
//! A template has two parts and each has its own escaping:
//! - the header (YAML): `{{x}}` must stand inside a double-quoted scalar and
//!   is escaped as the content of a JSON string, which YAML reads back
//!   literally; `lint_header` checks that every value is placed so;
//! - the body (Markdown): `{{x}}` goes through `body::escape`, on one line,
//!   so it can never become a heading, a list item, a table cell or a new
//!   paragraph.

use vanban::body;

/// Escapes data for the Markdown body: literal text on a single line.
pub fn markdown(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| {
            if c.is_control() || is_line_separator(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    // Leading spaces could start an indented code block.
    body::escape(one_line.trim_start())
}

/// Escapes data for the inside of a double-quoted YAML scalar.
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_line_separator(c) => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

/// Characters YAML (and some editors) treat as line breaks.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// Helpers whose output is a complete YAML value (JSON), safe outside quotes.
pub const RAW_VALUE_HELPERS: [&str; 2] = ["json", "int"];

/// A value placed in the header where data could break the YAML.
#[derive(Debug, PartialEq)]
pub struct Misplaced {
    /// 1-based, within the header text.
    pub line: usize,
    pub column: usize,
    pub expression: String,
}

/// Finds every `{{…}}` in the header that outputs a value outside a
/// double-quoted scalar (other than `json`/`int`), and every `{{{…}}}`.
/// Block tags (`{{#if}}`, `{{/if}}`, `{{else}}`), comments and partials
/// output no data themselves and may stand anywhere.
pub fn lint_header(header: &str) -> Vec<Misplaced> {
    let mut found = Vec::new();
    for (index, line) in header.lines().enumerate() {
        let mut in_quotes = false;
        let mut escaped = false;
        let mut rest = line.char_indices().peekable();
        while let Some((at, c)) = rest.next() {
            if line[at..].starts_with("{{") {
                let end = line[at..].find("}}").map_or(line.len(), |e| at + e + 2);
                let end = if line[end..].starts_with('}') {
                    end + 1
                } else {
                    end
                };
                let expression = &line[at..end];
                if outputs_unsafely(expression, in_quotes) {
                    found.push(Misplaced {
                        line: index + 1,
                        column: line[..at].chars().count() + 1,
                        expression: expression.to_string(),
                    });
                }
                while rest.peek().is_some_and(|&(i, _)| i < end) {
                    rest.next();
                }
                continue;
            }
            match c {
                '\\' if in_quotes => escaped = !escaped,
                '"' if !escaped => in_quotes = !in_quotes,
                _ => escaped = false,
            }
            if c != '\\' {
                escaped = false;
            }
        }
    }
    found
}

fn outputs_unsafely(expression: &str, in_quotes: bool) -> bool {
    if expression.starts_with("{{{") {
        return true;
    }
    let inner = expression
        .trim_start_matches('{')
        .trim_start_matches('~')
        .trim_start();
    if inner.starts_with(['#', '/', '!', '>', '^']) || inner.starts_with("else") {
        return false;
    }
    if in_quotes {
        return false;
    }
    let helper = inner
        .split(|c: char| c.is_whitespace() || c == '}' || c == '~')
        .next()
        .unwrap_or("");
    !RAW_VALUE_HELPERS.contains(&helper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escape_keeps_data_on_one_literal_line() {
        assert_eq!(markdown("# Hack"), "\\# Hack");
        assert_eq!(markdown("a\n\n# b"), "a  \\# b");
        assert_eq!(markdown("    code"), "code");
        assert_eq!(markdown("x | y"), "x \\| y");
    }

    #[test]
    fn yaml_escape_reads_back_inside_quotes() {
        let hostile = "a\"b\\c\nd: e # f\u{2028}";
        let yaml = format!("v: \"{}\"", yaml_quoted(hostile));
        let parsed: serde_json::Value = serde_norway::from_str(&yaml).unwrap();
        assert_eq!(parsed["v"], hostile);
    }

    #[test]
    fn lint_accepts_quoted_values_blocks_and_raw_value_helpers() {
        let header = "kind: bao-cao\nsummary: \"Kết quả năm {{year}}\"\n{{#if superior}}\naddressees: [\"{{superior}}\"]\n{{/if}}\nnumber: {{int number}}\nrecipients: {{json recipients}}\n{{! a comment }}\n";
        assert_eq!(lint_header(header), []);
    }

    #[test]
    fn lint_finds_values_outside_quotes() {
        let header =
            "place: {{place}}\nsummary: \"ok {{a}}\" {{b}}\nparent: '{{p}}'\nx: \"{{{raw}}}\"\n";
        let found = lint_header(header);
        let at: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|m| (m.line, m.column, m.expression.as_str()))
            .collect();
        assert_eq!(
            at,
            [
                (1, 8, "{{place}}"),
                (2, 21, "{{b}}"),
                (3, 10, "{{p}}"),
                (4, 5, "{{{raw}}}"),
            ]
        );
    }

    #[test]
    fn escaped_quotes_do_not_end_a_scalar() {
        assert_eq!(lint_header("s: \"say \\\"{{x}}\\\"\"\n"), []);
        assert_eq!(lint_header("s: \"a\\\\\" {{x}}\n").len(), 1);
    }
}
