//! Limits on what vanban reads, so that no input can take unbounded memory,
//! time or stack: file size, text length per field, nesting depth, partial
//! depth, table columns, sheet cells, zip inflation, template nesting and
//! work. Each has a documented default and can be set from the command line
//! (`--max-…`) and from Python (`vanban.Limits`); every reader checks them
//! while it reads, and a refusal names the limit and the flag that raises it.

use std::io::Read;
use std::path::Path;

use vanban_i18n::{msg, Arg, Message};

use crate::source::Format;

/// The limits applied while reading and validating input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, data or template file read, in bytes (default 16 MiB).
    pub max_file_bytes: u64,
    /// Largest font file read by `--fonts`, in bytes (default 64 MiB: a
    /// CJK font is 20–30 MB).
    pub max_font_bytes: u64,
    /// Longest text of one field, in characters (default 1,000,000: a body
    /// of some 300 pages).
    pub max_field_chars: usize,
    /// Deepest nesting of lists and mappings in YAML, JSON and TOML
    /// (default 64; a document needs 4).
    pub max_depth: usize,
    /// Deepest chain of template partials calling partials (default 16).
    pub max_partial_depth: usize,
    /// Most columns in a body table (default 20: on A4 portrait a 21st
    /// column is narrower than a word).
    pub max_table_columns: usize,
    /// Most cells a sheet may span, counted over the rectangle its cells
    /// with content cover (not the size it declares) and, for a workbook
    /// read whole (.ods), over all its sheets (default 4,000,000: some
    /// 128 MB held while reading).
    pub max_cells: u64,
    /// Most bytes the parts of a zip file (.xlsx, .ods) may inflate to, in
    /// all (default 256 MiB).
    pub max_inflated_bytes: u64,
    /// Largest ratio of a zip part's inflated size to its compressed size,
    /// checked for parts over 1 MiB (default 100; XML compresses 5–30×).
    pub max_inflate_ratio: u64,
    /// Deepest nesting of template blocks (`{{#if}}`, `{{#each}}`,
    /// partial blocks) (default 32; the built-in templates need 4).
    pub max_template_depth: usize,
    /// Most steps one template rendering may take: list items visited by
    /// `{{#each}}`, and kilobytes written (default 1,000,000).
    pub max_template_work: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 16 * 1024 * 1024,
            max_font_bytes: 64 * 1024 * 1024,
            max_field_chars: 1_000_000,
            max_depth: 64,
            max_partial_depth: 16,
            max_table_columns: 20,
            max_cells: 4_000_000,
            max_inflated_bytes: 256 * 1024 * 1024,
            max_inflate_ratio: 100,
            max_template_depth: 32,
            max_template_work: 1_000_000,
        }
    }
}

/// The message for a limit passed: what was found, the limit, and the flag
/// that raises it (`--max-cells`), as text in the process's language (for
/// readers whose errors are strings).
pub fn exceeded(found: impl Into<Arg>, limit: u64, flag: &str) -> String {
    exceeded_message(found, limit, flag).to_string()
}

/// [`exceeded`] as a catalogue message, to be shown in the user's language.
pub fn exceeded_message(found: impl Into<Arg>, limit: u64, flag: &str) -> Message {
    msg!(
        "limit-exceeded",
        found = found,
        limit = Arg::count(limit),
        flag = flag
    )
}

/// Reads at most `max` bytes of a file: a larger file (or an endless one
/// such as `/dev/zero`) is refused as soon as the limit is passed, without
/// reading the rest.
pub fn read_bytes(path: &Path, max: u64) -> Result<Vec<u8>, Message> {
    let cannot = |e: std::io::Error| msg!("file-cannot-read", reason = e.to_string());
    let file = std::fs::File::open(path).map_err(cannot)?;
    let mut bytes = Vec::new();
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > max {
        return Err(msg!("file-too-large", limit = Arg::count(max)));
    }
    Ok(bytes)
}

/// [`read_bytes`] for UTF-8 text; a leading byte-order mark is dropped.
pub fn read_text(path: &Path, max: u64) -> Result<String, Message> {
    let bytes = read_bytes(path, max)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| msg!("file-not-utf8", offset = e.utf8_error().valid_up_to()))?;
    Ok(strip_bom(&text).to_string())
}

/// Drops a UTF-8 byte-order mark, which Windows editors put first and
/// which no parser should see.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

/// How deeply lists and mappings nest in `text`, found by one cheap pass
/// over the characters before any parser recurses: brackets and braces
/// outside strings and comments, plus, for YAML, block indentation and
/// `- ` sequence markers, and for TOML, dotted keys.
pub fn nesting_depth(text: &str, format: Format) -> usize {
    let mut deepest = 0;
    let mut brackets = 0usize;
    // YAML block structure: the indentation of each open level.
    let mut indents: Vec<usize> = Vec::new();
    let mut in_string: Option<char> = None;
    let mut escaped = false;
    // Inside a YAML block scalar (`body: |`): the indentation of its key.
    let mut block_scalar: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        if let Some(key_indent) = block_scalar {
            if line.trim().is_empty() || indent > key_indent {
                continue;
            }
            block_scalar = None;
        }
        if format == Format::Yaml && in_string.is_none() && opens_block_scalar(line) {
            block_scalar = Some(indent);
        }
        let mut chars = line.char_indices().peekable();
        let mut line_start = in_string.is_none() && brackets == 0;
        let mut block_levels = 0;
        // The last character that was not a space, on this line.
        let mut prev: Option<char> = None;
        while let Some((i, c)) = chars.next() {
            let was = prev;
            if !c.is_whitespace() {
                prev = Some(c);
            }
            if let Some(quote) = in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' && quote == '"' {
                    escaped = true;
                } else if c == quote {
                    in_string = None;
                }
                continue;
            }
            // In YAML, quotes and brackets only start a value: inside plain
            // text (`Điều 5 [trích`, `Theo "Kế hoạch`) they are letters.
            let starts_value = format != Format::Yaml
                || brackets > 0
                || matches!(was, None | Some(':' | '-' | ',' | '[' | '{' | '?'));
            match c {
                '"' | '\'' | '[' | '{' if !starts_value => line_start = false,
                '"' => in_string = Some('"'),
                '\'' if format != Format::Json => in_string = Some('\''),
                '#' if format != Format::Json
                    && (format != Format::Yaml || i == 0 || line[..i].ends_with([' ', '\t'])) =>
                {
                    break
                }
                '[' | '{' => {
                    brackets += 1;
                    deepest = deepest.max(brackets + block_levels + indents.len());
                }
                ']' | '}' => brackets = brackets.saturating_sub(1),
                '.' if format == Format::Toml => {
                    block_levels += 1;
                    deepest = deepest.max(brackets + block_levels);
                }
                ' ' | '\t' if line_start => continue,
                '-' if line_start && format == Format::Yaml => {
                    // `- - - x`: each marker opens a sequence level.
                    if chars.peek().is_none_or(|(_, n)| *n == ' ') {
                        block_levels += 1;
                    } else {
                        line_start = false;
                    }
                }
                _ if line_start && format == Format::Yaml => {
                    line_start = false;
                    let indent = i;
                    while indents.last().is_some_and(|&open| open >= indent) {
                        indents.pop();
                    }
                    indents.push(indent);
                    deepest = deepest.max(indents.len() + block_levels);
                }
                _ => line_start = false,
            }
        }
        // A YAML string does not run on past its line unless quoted.
        if format == Format::Yaml && in_string == Some('\'') && brackets == 0 {
            in_string = None;
        }
    }
    deepest
}

/// `key: |`, `- >-`: the lines after are text, not structure.
fn opens_block_scalar(line: &str) -> bool {
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    let Some(last) = code.split_whitespace().last() else {
        return false;
    };
    (last.starts_with('|') || last.starts_with('>'))
        && last[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+' | '1'..='9'))
        && (code.len() == last.len()
            || code[..code.len() - last.len()]
                .trim_end()
                .ends_with([':', '-']))
}

/// Refuses text nested deeper than `max`, before a parser sees it.
pub fn check_depth(text: &str, format: Format, max: usize) -> Result<(), Message> {
    let depth = nesting_depth(text, format);
    if depth > max {
        return Err(msg!("nesting-too-deep", depth = depth, max = max));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(nesting_depth("{\"a\": [1, {\"b\": 2}]}", Format::Json), 3);
        assert_eq!(nesting_depth("{\"a\": \"[[[[\"}", Format::Json), 1);
        assert_eq!(nesting_depth("{\"a\": \"\\\"[[[[\"}", Format::Json), 1);
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(nesting_depth(&deep, Format::Json), 100_000);
    }

    #[test]
    fn yaml_depth_counts_indentation_and_dashes() {
        let yaml = "a:\n  b:\n    c: 1\n  d: [x, [y]]\ne: '[[['\n# [[[[\n";
        assert_eq!(nesting_depth(yaml, Format::Yaml), 4);
        assert_eq!(nesting_depth("- - - - x: 1\n", Format::Yaml), 5);
        let block = "body: |\n  Theo \"Kế hoạch\n  - [[[[ a\nx: [[y]]\n";
        assert_eq!(nesting_depth(block, Format::Yaml), 3);
        // Brackets and quotes inside plain text are letters.
        let plain = "summary: Điều 5 [trích\nplace: Theo \"Kế hoạch\nx: [[y]]\n".repeat(100);
        assert_eq!(nesting_depth(&plain, Format::Yaml), 3);
        let seed = include_str!("../../../examples/ke-hoach-1026.yaml");
        assert!(nesting_depth(seed, Format::Yaml) <= 4);
    }

    #[test]
    fn toml_depth_counts_dotted_keys() {
        assert_eq!(nesting_depth("a.b.c = 1\n", Format::Toml), 2);
        assert_eq!(nesting_depth("[signer]\nname = \"A.B\"\n", Format::Toml), 1);
    }

    #[test]
    fn reading_stops_at_the_limit() {
        let started = std::time::Instant::now();
        let err = read_bytes(Path::new("/dev/zero"), 1024).unwrap_err();
        assert!(
            err.english()
                .contains("larger than the limit of 1024 bytes"),
            "{err}"
        );
        assert!(started.elapsed().as_secs() < 2);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, "\u{FEFF}kind: ke-hoach\n").unwrap();
        assert_eq!(read_text(&path, 100).unwrap(), "kind: ke-hoach\n");
    }
}
