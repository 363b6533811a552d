//! Vietnamese writing rules of the decree: numbers, numerals, letters, Unicode form.

use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC (precomposed), the form TCVN 6909:2001 text is stored in.
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

/// The document number as printed after "Số:": a leading zero below 10 only.
pub fn document_number(number: u32) -> String {
    if number < 10 {
        format!("{number:02}")
    } else {
        number.to_string()
    }
}

/// Roman numerals for `I.`, `II.` headings and `Phụ lục I`.
pub fn roman(mut n: u32) -> String {
    const DIGITS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Reads a Roman numeral written in capitals; `None` if it is not one.
pub fn parse_roman(text: &str) -> Option<u32> {
    if text.is_empty() || !text.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    (1..=3999).find(|&n| roman(n) == text)
}

/// Letters of điểm in the order used by legal texts: `đ` after `d`, no letters
/// with diacritics, and none of f, j, w, z.
pub const POINT_LETTERS: [char; 23] = [
    'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't',
    'u', 'v', 'x', 'y',
];

/// The letter of the `n`-th điểm (1-based). Past `y` the letters double (`aa`),
/// which real documents never reach but which keeps the function total.
pub fn point_letter(n: u32) -> String {
    let count = POINT_LETTERS.len() as u32;
    let index = (n.max(1) - 1) as usize;
    let letter = POINT_LETTERS[index % count as usize];
    let repeat = index / count as usize + 1;
    std::iter::repeat_n(letter, repeat).collect()
}

/// The position (1-based) of a điểm letter, if it is one.
pub fn parse_point_letter(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    POINT_LETTERS
        .iter()
        .position(|&c| c == first)
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_below_ten_get_a_leading_zero() {
        assert_eq!(document_number(1), "01");
        assert_eq!(document_number(9), "09");
        assert_eq!(document_number(10), "10");
        assert_eq!(document_number(15), "15");
        assert_eq!(document_number(1026), "1026");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(40), "XL");
        assert_eq!(roman(90), "XC");
        assert_eq!(roman(2024), "MMXXIV");
        assert_eq!(parse_roman("XIV"), Some(14));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("MỤC"), None);
    }

    #[test]
    fn point_letters_follow_the_vietnamese_order() {
        let first: Vec<String> = (1..=8).map(point_letter).collect();
        assert_eq!(first, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
        for n in 1..=23 {
            let letter = point_letter(n);
            assert!(!["f", "j", "w", "z"].contains(&letter.as_str()));
            assert_eq!(parse_point_letter(&letter), Some(n));
        }
        assert_eq!(parse_point_letter("f"), None);
    }

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        let decomposed = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(nfc(decomposed), "Việt Nam");
        assert_eq!(nfc("Việt Nam"), "Việt Nam");
    }
}
