//! Numbers read out in Vietnamese words, as written on money lines
//! ("Bằng chữ: một trăm hai mươi ba triệu đồng").
//!
//! The common written usage: `mười` for 10–19 but `mươi` after 2–9;
//! `mốt` for a final 1 after `mươi`; `lăm` for a final 5 after a ten;
//! `tư` for a final 4 after `mươi`; `linh` for a zero ten inside a number
//! (`một trăm linh năm`); `không trăm` for an empty hundred after a higher
//! group (`một triệu không trăm linh năm nghìn`); `nghìn`, `triệu`, `tỷ`.

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

const BILLION: u64 = 1_000_000_000;

/// The whole number `n` in words: `123` → `một trăm hai mươi ba`.
pub fn number_in_words(n: u64) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let mut words = Vec::new();
    read(n, false, &mut words);
    words.join(" ")
}

/// An amount of money in words, rounded to whole đồng:
/// `123000000` → `một trăm hai mươi ba triệu đồng`; negative amounts read `âm …`.
pub fn money_in_words(amount: f64) -> String {
    let rounded = amount.round();
    let words = number_in_words(rounded.abs() as u64);
    if rounded < 0.0 {
        format!("âm {words} đồng")
    } else {
        format!("{words} đồng")
    }
}

/// Reads `n` (> 0). `padded` says a higher group was already read, so an
/// empty hundred or ten is spoken (`không trăm`, `linh`).
fn read(n: u64, padded: bool, words: &mut Vec<&'static str>) {
    if n >= BILLION {
        // Above a billion the scale words repeat: 1 500 tỷ is "một nghìn năm trăm tỷ".
        read(n / BILLION, padded, words);
        words.push("tỷ");
        let rest = n % BILLION;
        if rest > 0 {
            read(rest, true, words);
        }
        return;
    }
    let groups = [
        (n / 1_000_000, Some("triệu")),
        (n / 1_000 % 1_000, Some("nghìn")),
        (n % 1_000, None),
    ];
    let mut padded = padded;
    for (group, scale) in groups {
        if group == 0 {
            continue;
        }
        read_group(group as usize, padded, words);
        words.extend(scale);
        padded = true;
    }
}

/// Reads one group of three digits (1–999).
fn read_group(group: usize, padded: bool, words: &mut Vec<&'static str>) {
    let (hundreds, tens, units) = (group / 100, group / 10 % 10, group % 10);
    let has_hundred = hundreds > 0 || padded;
    if has_hundred {
        words.extend([DIGITS[hundreds], "trăm"]);
    }
    match tens {
        0 if units == 0 => {}
        0 => {
            if has_hundred {
                words.push("linh");
            }
            words.push(DIGITS[units]);
        }
        1 => {
            words.push("mười");
            match units {
                0 => {}
                5 => words.push("lăm"),
                _ => words.push(DIGITS[units]),
            }
        }
        _ => {
            words.extend([DIGITS[tens], "mươi"]);
            match units {
                0 => {}
                1 => words.push("mốt"),
                4 => words.push("tư"),
                5 => words.push("lăm"),
                _ => words.push(DIGITS[units]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_tens() {
        let cases = [
            (0, "không"),
            (1, "một"),
            (5, "năm"),
            (10, "mười"),
            (11, "mười một"),
            (14, "mười bốn"),
            (15, "mười lăm"),
            (20, "hai mươi"),
            (21, "hai mươi mốt"),
            (24, "hai mươi tư"),
            (25, "hai mươi lăm"),
            (55, "năm mươi lăm"),
            (99, "chín mươi chín"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words(n), words, "{n}");
        }
    }

    #[test]
    fn hundreds_use_linh_for_an_empty_ten() {
        assert_eq!(number_in_words(100), "một trăm");
        assert_eq!(number_in_words(101), "một trăm linh một");
        assert_eq!(number_in_words(105), "một trăm linh năm");
        assert_eq!(number_in_words(110), "một trăm mười");
        assert_eq!(number_in_words(115), "một trăm mười lăm");
        assert_eq!(number_in_words(121), "một trăm hai mươi mốt");
        assert_eq!(number_in_words(904), "chín trăm linh bốn");
    }

    #[test]
    fn groups_after_a_higher_group_are_read_in_full() {
        assert_eq!(number_in_words(1_000), "một nghìn");
        assert_eq!(number_in_words(1_005), "một nghìn không trăm linh năm");
        assert_eq!(number_in_words(2_050), "hai nghìn không trăm năm mươi");
        assert_eq!(
            number_in_words(1_005_000),
            "một triệu không trăm linh năm nghìn"
        );
        assert_eq!(
            number_in_words(1_250_000),
            "một triệu hai trăm năm mươi nghìn"
        );
        assert_eq!(
            number_in_words(1_000_021),
            "một triệu không trăm hai mươi mốt"
        );
    }

    #[test]
    fn billions_repeat_the_scale_words() {
        assert_eq!(number_in_words(2_000_000_000), "hai tỷ");
        assert_eq!(number_in_words(1_500_000_000_000), "một nghìn năm trăm tỷ");
        assert_eq!(
            number_in_words(3_200_450_000),
            "ba tỷ hai trăm triệu bốn trăm năm mươi nghìn"
        );
    }

    #[test]
    fn money() {
        assert_eq!(
            money_in_words(123_000_000.0),
            "một trăm hai mươi ba triệu đồng"
        );
        assert_eq!(
            money_in_words(45_500_000.0),
            "bốn mươi lăm triệu năm trăm nghìn đồng"
        );
        assert_eq!(money_in_words(0.0), "không đồng");
        assert_eq!(money_in_words(1_000.4), "một nghìn đồng");
        assert_eq!(money_in_words(-21_000.0), "âm hai mươi mốt nghìn đồng");
    }
}
