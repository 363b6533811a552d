//! Cheap scans that measure what a PDF asks for before lopdf builds it:
//! the operators of a content stream (and how deep its arrays and
//! dictionaries nest), and the codes a ToUnicode map's ranges cover.

/// Whitespace and delimiters end a token (ISO 32000 §7.2.2).
fn is_regular(b: u8) -> bool {
    !matches!(
        b,
        b'\0'
            | b'\t'
            | b'\n'
            | b'\x0c'
            | b'\r'
            | b' '
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// Why a content stream is refused.
#[derive(Debug, PartialEq)]
pub enum Over {
    Operators,
    Nesting,
}

/// Counts the operators of a content stream, stopping as soon as there
/// are more than `max` or arrays/dictionaries nest deeper than `depth`.
pub fn operators(content: &[u8], max: usize, depth: usize) -> Result<usize, Over> {
    let mut count = 0usize;
    let mut open = 0usize;
    let mut i = 0;
    let n = content.len();
    while i < n {
        match content[i] {
            b'%' => {
                while i < n && content[i] != b'\n' && content[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                let mut level = 0usize;
                while i < n {
                    match content[i] {
                        b'\\' => i += 1,
                        b'(' => level += 1,
                        b')' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            b'<' if content.get(i + 1) == Some(&b'<') => {
                open += 1;
                if open > depth {
                    return Err(Over::Nesting);
                }
                i += 2;
            }
            b'<' => {
                while i < n && content[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'[' => {
                open += 1;
                if open > depth {
                    return Err(Over::Nesting);
                }
                i += 1;
            }
            b'>' if content.get(i + 1) == Some(&b'>') => {
                open = open.saturating_sub(1);
                i += 2;
            }
            b']' => {
                open = open.saturating_sub(1);
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < n && is_regular(content[i]) {
                    i += 1;
                }
            }
            b if is_regular(b) => {
                let start = i;
                while i < n && is_regular(content[i]) {
                    i += 1;
                }
                let token = &content[start..i];
                let number = token[0].is_ascii_digit() || matches!(token[0], b'+' | b'-' | b'.');
                if !number && !matches!(token, b"true" | b"false" | b"null") {
                    count += 1;
                    if count > max {
                        return Err(Over::Operators);
                    }
                    if token == b"ID" {
                        // Inline image data runs to `EI` between whitespace.
                        i = inline_image_end(content, i);
                    }
                }
            }
            _ => i += 1,
        }
    }
    Ok(count)
}

fn inline_image_end(content: &[u8], from: usize) -> usize {
    let mut i = from + 1;
    while i + 2 <= content.len() {
        if &content[i..i + 2] == b"EI"
            && content[i - 1].is_ascii_whitespace()
            && content.get(i + 2).is_none_or(|b| !is_regular(*b))
        {
            return i + 2;
        }
        i += 1;
    }
    content.len()
}

/// The codes the `bfrange` sections of a ToUnicode CMap cover, summed
/// (each range `<lo> <hi> …` counts hi − lo + 1), and its `bfchar` entries.
pub fn cmap_codes(cmap: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(cmap);
    let mut total = 0u64;
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("beginbf") {
        rest = &rest[start + "beginbf".len()..];
        let ranges = rest.starts_with("range");
        let end = rest.find("endbf").unwrap_or(rest.len());
        let section = &rest[..end];
        if ranges {
            // `<lo> <hi> <dst>` or `<lo> <hi> [<d1> <d2> …]`: only pairs
            // at the start of each entry matter; count the widest reading.
            total = total.saturating_add(range_codes(section));
        } else {
            total = total.saturating_add(hex_tokens(section).len() as u64 / 2);
        }
        rest = &rest[end..];
    }
    total
}

fn hex_tokens(section: &str) -> Vec<u64> {
    section
        .split('<')
        .skip(1)
        .filter_map(|t| t.split('>').next())
        .map(|h| u64::from_str_radix(&h[..h.len().min(16)], 16).unwrap_or(0))
        .collect()
}

fn range_codes(section: &str) -> u64 {
    let mut total = 0u64;
    let mut tokens = Vec::new();
    // Tokens in order: hex values and arrays (as one token each).
    let mut depth = 0;
    let mut current = String::new();
    for c in section.chars() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    tokens.push(None);
                }
            }
            '<' if depth == 0 => current.clear(),
            '>' if depth == 0 => tokens.push(Some(
                u64::from_str_radix(&current[..current.len().min(16)], 16).unwrap_or(0),
            )),
            _ if depth == 0 => current.push(c),
            _ => {}
        }
    }
    for entry in tokens.chunks(3) {
        if let [Some(lo), Some(hi), _] = entry {
            total = total.saturating_add(hi.saturating_sub(*lo).saturating_add(1));
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operators_are_counted_not_operands() {
        let content = b"q 1 0 0 1 0 0 cm BT /F1 12 Tf (a) Tj [(b) -20 (c)] TJ ET Q % q q\n";
        assert_eq!(operators(content, 100, 8), Ok(8));
        assert_eq!(operators(content, 6, 8), Err(Over::Operators));
        assert_eq!(operators(b"[[[[ 1 ]]]] Tj", 100, 3), Err(Over::Nesting));
        let image = b"BI /W 1 /H 1 ID q Q q EI Q";
        assert_eq!(operators(image, 100, 8), Ok(3));
    }

    #[test]
    fn cmap_ranges_are_summed() {
        let cmap = b"2 beginbfrange\n<0000> <00FF> <0020>\n<0100> <0101> [<0041> <0042>]\nendbfrange\n1 beginbfchar\n<0003> <0041>\nendbfchar";
        assert_eq!(cmap_codes(cmap), 256 + 2 + 1);
        let huge = b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange";
        assert!(cmap_codes(huge) > 1 << 31);
    }
}
