//! Số and ký hiệu never break: a document's own `310/KH-UBND` and the
//! citations in its text (`Kế hoạch số 1026/KH-VP`, `01-KL/TW`,
//! `30/2020/NĐ-CP`) stay whole on one line. Word and LibreOffice break after
//! a hyphen inside a word; a token with a slash is a symbol, and its hyphens
//! are not break opportunities (the PDF's line breaker skips them, the DOCX
//! writes them as non-breaking hyphens).

/// U+2011 NON-BREAKING HYPHEN: what a symbol's hyphens become in the DOCX
/// (`w:noBreakHyphen`); the PDF prints them as `-`.
pub const NO_BREAK_HYPHEN: char = '\u{2011}';

/// Whether a whitespace-delimited token is a number/symbol.
pub fn is_symbol(token: &str) -> bool {
    token.contains('/')
}

/// The char indices of `text`'s hyphens that sit inside a symbol.
pub fn glued_hyphens(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    let mut glued = Vec::new();
    let mut start = 0;
    for end in (0..=chars.len()).filter(|&i| i == chars.len() || chars[i].is_whitespace()) {
        let token: String = chars[start..end].iter().collect();
        if is_symbol(&token) {
            glued.extend((start..end).filter(|&i| chars[i] == '-'));
        }
        start = end + 1;
    }
    glued
}

/// `text` with the hyphens inside symbols as non-breaking hyphens.
pub fn glue(text: &str) -> String {
    let glued = glued_hyphens(text);
    text.chars()
        .enumerate()
        .map(|(i, c)| match glued.binary_search(&i) {
            Ok(_) => NO_BREAK_HYPHEN,
            Err(_) => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_inside_symbols_are_glued_and_others_are_not() {
        assert_eq!(
            glue("Số: 310/KH-UBND, 01-KL/TW và 30/2020/NĐ-CP; Phó Thủ tướng - Bộ trưởng; e-office"),
            "Số: 310/KH\u{2011}UBND, 01\u{2011}KL/TW và 30/2020/NĐ\u{2011}CP; Phó Thủ tướng - Bộ trưởng; e-office"
        );
        assert_eq!(glued_hyphens("a /QĐ-UBND"), vec![5]);
        assert!(glued_hyphens("ngày 07-03-2024").is_empty());
    }
}
