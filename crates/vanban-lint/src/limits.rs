//! The budget a file from a stranger may spend while it is read: bytes,
//! nesting, counts and work, each enforced while reading, each with the
//! command-line flag that raises it (named in the error past it).

use vanban_i18n::{msg, Message};

/// Reading limits for `lint` and `--fix`. The defaults hold every real
/// document seen with a wide margin; the README's table lists them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LintLimits {
    /// Bytes of the file itself (`--max-file-bytes`).
    pub max_file_bytes: u64,
    /// Bytes of one DOCX part once inflated, or one PDF stream once
    /// decoded (`--max-part-bytes`).
    pub max_part_bytes: u64,
    /// Inflated size over compressed size of a DOCX part larger than 1 MiB
    /// (`--max-inflate-ratio`); real XML packs 5 to 30 times, a paragraph
    /// repeated 10,000 times some 200 times, pure filler 1,000 times.
    pub max_inflate_ratio: u64,
    /// Depth of XML elements in a part (`--max-xml-depth`).
    pub max_xml_depth: usize,
    /// Nodes (elements, text, attributes) of one XML part (`--max-xml-nodes`).
    pub max_xml_nodes: u32,
    /// Tables in tables, text boxes in text boxes, PDF `q` in `q`
    /// (`--max-nesting`).
    pub max_nesting: usize,
    /// Operators in one PDF page's content (`--max-page-operators`).
    pub max_page_operators: usize,
    /// Operators in the whole PDF (pages may share one content stream): the
    /// work one file may ask for (`--max-operators`).
    pub max_operators: usize,
    /// Pages of a PDF (`--max-pages`).
    pub max_pages: usize,
    /// Codes a font's width table or ToUnicode map may cover
    /// (`--max-font-entries`).
    pub max_font_entries: u64,
}

impl Default for LintLimits {
    fn default() -> Self {
        LintLimits {
            max_file_bytes: 16 << 20,
            max_part_bytes: 64 << 20,
            max_inflate_ratio: 1000,
            max_xml_depth: 256,
            max_xml_nodes: 4_000_000,
            max_nesting: 64,
            max_page_operators: 1_000_000,
            max_operators: 20_000_000,
            max_pages: 10_000,
            max_font_entries: 1 << 20,
        }
    }
}

/// What was exceeded, for the error message.
#[derive(Clone, Debug, PartialEq)]
pub struct Exceeded {
    /// What was being read (`word/document.xml`, `page 3`, `the file`).
    pub place: String,
    /// What grew too large (`nested tables`, `decoded content`).
    pub what: &'static str,
    /// The limit in force.
    pub limit: u64,
    /// The flag that raises it.
    pub flag: &'static str,
}

impl Exceeded {
    /// The message, in the reader's language.
    pub fn message(&self) -> Message {
        msg!(
            "lint-limit",
            place = place(&self.place),
            what = what(self.what),
            limit = vanban_i18n::Arg::count(self.limit),
            flag = self.flag
        )
    }
}

impl std::fmt::Display for Exceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// What grew too large, in the catalogue (the texts the readers pass).
fn what(text: &'static str) -> Message {
    match text {
        "bytes" => msg!("lint-what-bytes"),
        "inflation ratio" => msg!("lint-what-inflation-ratio"),
        "element nesting" => msg!("lint-what-element-nesting"),
        "XML nodes" => msg!("lint-what-xml-nodes"),
        "tables, text boxes or content controls nested" => msg!("lint-what-docx-nesting"),
        "pages" => msg!("lint-what-pages"),
        "decoded bytes" => msg!("lint-what-decoded-bytes"),
        "decoded content bytes" => msg!("lint-what-decoded-content-bytes"),
        "operators" => msg!("lint-what-operators"),
        "arrays or dictionaries nested" => msg!("lint-what-pdf-nesting"),
        "saved graphics states (q) nested" => msg!("lint-what-q-nesting"),
        "glyphs" => msg!("lint-what-glyphs"),
        "form XObjects nested" => msg!("lint-what-form-nesting"),
        "codes in the width table or ToUnicode map" => msg!("lint-what-font-entries"),
        other => Message::text(other),
    }
}

/// Where, in the catalogue: `page 3`, `font X`, `word/styles.xml line 1`;
/// a part's name as it is.
fn place(text: &str) -> Message {
    let number = |rest: &str| rest.parse::<u64>().ok();
    if let Some(n) = text.strip_prefix("page ").and_then(number) {
        return msg!("lint-place-page", n = n);
    }
    if let Some(n) = text.strip_prefix("the pages up to ").and_then(number) {
        return msg!("lint-place-pages-up-to", n = n);
    }
    if let Some((page, form)) = text
        .strip_prefix("page ")
        .and_then(|r| r.split_once(", form XObject "))
    {
        if let Some(n) = number(page) {
            return msg!("lint-place-form", n = n, form = form);
        }
    }
    if let Some(font) = text.strip_prefix("font ") {
        return match font.strip_suffix(" ToUnicode map") {
            Some(font) => msg!("lint-place-font-map", font = font),
            None => msg!("lint-place-font", font = font),
        };
    }
    if let Some((part, line)) = text.rsplit_once(" line ") {
        if let Some(n) = number(line) {
            return msg!("lint-place-part-line", part = part, line = n);
        }
    }
    match text {
        "the file" => msg!("lint-place-file"),
        "the page tree" => msg!("lint-place-page-tree"),
        "an object stream" => msg!("lint-place-object-stream"),
        other => Message::text(other),
    }
}

pub(crate) fn exceeded(
    place: impl Into<String>,
    what: &'static str,
    limit: impl TryInto<u64>,
    flag: &'static str,
) -> crate::ReadError {
    crate::ReadError::Limit(Exceeded {
        place: place.into(),
        what,
        limit: limit.try_into().unwrap_or(u64::MAX),
        flag,
    })
}

/// Reads at most `limit` bytes from `reader` (a file, a FIFO or a device,
/// read once); more is refused rather than read on.
pub fn read_bounded(
    reader: impl std::io::Read,
    limit: u64,
    place: &str,
    flag: &'static str,
) -> Result<Vec<u8>, crate::ReadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| crate::ReadError::Io(format!("{place}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(exceeded(place, "bytes", limit, flag));
    }
    Ok(bytes)
}

/// Reads a file with the file-size limit: a FIFO or `/dev/zero` is read
/// once and stops at the limit.
pub fn read_file(path: &std::path::Path, limits: &LintLimits) -> Result<Vec<u8>, crate::ReadError> {
    let place = path.display().to_string();
    let file =
        std::fs::File::open(path).map_err(|e| crate::ReadError::Io(format!("{place}: {e}")))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(crate::ReadError::Io(format!("{place}: is a folder")));
    }
    read_bounded(file, limits.max_file_bytes, &place, "--max-file-bytes")
}

/// The deepest element nesting of an XML text, found by a cheap scan
/// before any tree is built; `Err(line)` as soon as it passes `max`.
pub(crate) fn xml_depth_within(text: &str, max: usize) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let skip_to = |from: usize, end: &[u8]| {
        bytes[from..]
            .windows(end.len())
            .position(|w| w == end)
            .map_or(bytes.len(), |p| from + p + end.len())
    };
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'/') => {
                depth = depth.saturating_sub(1);
                i = skip_to(i, b">");
            }
            Some(b'?') => i = skip_to(i, b"?>"),
            Some(b'!') if bytes[i..].starts_with(b"<!--") => i = skip_to(i, b"-->"),
            Some(b'!') if bytes[i..].starts_with(b"<![CDATA[") => i = skip_to(i, b"]]>"),
            Some(b'!') => i = skip_to(i, b">"),
            _ => {
                // An opening tag: its end is the first `>` outside quotes.
                let mut quote = None;
                let mut j = i + 1;
                while j < bytes.len() {
                    match (quote, bytes[j]) {
                        (None, b'"' | b'\'') => quote = Some(bytes[j]),
                        (Some(q), c) if c == q => quote = None,
                        (None, b'>') => break,
                        _ => {}
                    }
                    j += 1;
                }
                if bytes.get(j.wrapping_sub(1)) != Some(&b'/') {
                    depth += 1;
                    if depth > max {
                        let line = 1 + bytes[..i].iter().filter(|&&b| b == b'\n').count();
                        return Err(line);
                    }
                }
                i = j + 1;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_open_elements_only() {
        let xml = "<?xml version=\"1.0\"?><a x=\"1>2\"><!-- <b> --><b/><c><d>t</d></c></a>";
        assert!(xml_depth_within(xml, 3).is_ok());
        assert_eq!(xml_depth_within(xml, 2), Err(1));
        let deep = "<a>".repeat(100_000);
        assert_eq!(xml_depth_within(&deep, 256), Err(1));
    }

    #[test]
    fn a_reader_is_read_up_to_the_limit_and_no_further() {
        let zeros = std::io::repeat(0);
        let err = read_bounded(zeros, 1000, "/dev/zero", "--max-file-bytes").unwrap_err();
        assert!(err.to_string().contains("--max-file-bytes"), "{err}");
        assert_eq!(
            read_bounded(&[1u8; 10][..], 10, "x", "f").unwrap().len(),
            10
        );
    }
}
