//! Fields a template may rely on that data often leaves out, derived from
//! the fields it does carry. Today: `issued_by`, how the issuer names
//! itself in running text, from `issuer.name`:
//!
//! - a leading `ỦY BAN NHÂN DÂN` becomes `UBND`, `HỘI ĐỒNG NHÂN DÂN` `HĐND`;
//! - an administrative level (`XÃ`, `PHƯỜNG`, `THỊ TRẤN`, `HUYỆN`, `QUẬN`,
//!   `THỊ XÃ`, `THÀNH PHỐ`, `TỈNH`, `ĐẶC KHU`) is written in small letters
//!   and the place name after it with a capital to each word;
//! - otherwise the name is written as a sentence (`VĂN PHÒNG` → `Văn
//!   phòng`), with a capital also on the field after `SỞ`, `PHÒNG`, `BAN`,
//!   `CỤC`, `CHI CỤC`, `TRUNG TÂM`, `BỘ` and on each field after it, after
//!   `và`, `,` and ` - ` (`Sở Tài chính`, `Phòng Tài chính - Kế hoạch`,
//!   `Sở Khoa học và Công nghệ`, App. II);
//! - abbreviations (`UBND`, `HĐND`, `MTTQ`) stay as they are.
//!
//! So `ỦY BAN NHÂN DÂN XÃ AN BÌNH` → `UBND xã An Bình`. Data that sets
//! `issued_by` is never changed.

use std::borrow::Cow;

use serde_json::Value;

const BODIES: [(&str, &str); 3] = [
    ("ỦY BAN NHÂN DÂN", "UBND"),
    ("UỶ BAN NHÂN DÂN", "UBND"),
    ("HỘI ĐỒNG NHÂN DÂN", "HĐND"),
];

/// Longest first, so `THỊ XÃ` wins over `XÃ`.
const LEVELS: [&str; 9] = [
    "THÀNH PHỐ",
    "THỊ TRẤN",
    "THỊ XÃ",
    "ĐẶC KHU",
    "PHƯỜNG",
    "HUYỆN",
    "QUẬN",
    "TỈNH",
    "XÃ",
];

/// Titles of the head of an authority that open an authority line
/// (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …`, `GIÁM ĐỐC SỞ …`), longest first so
/// `PHÓ CHỦ TỊCH` wins over `CHỦ TỊCH`.
const TITLES: [&str; 14] = [
    "TỔNG CỤC TRƯỞNG",
    "CHÁNH VĂN PHÒNG",
    "PHÓ THỦ TƯỚNG",
    "TỔNG GIÁM ĐỐC",
    "PHÓ CHỦ TỊCH",
    "HIỆU TRƯỞNG",
    "VIỆN TRƯỞNG",
    "CỤC TRƯỞNG",
    "TRƯỞNG BAN",
    "THỦ TƯỚNG",
    "BỘ TRƯỞNG",
    "GIÁM ĐỐC",
    "CHỦ TỊCH",
    "THỐNG ĐỐC",
];

const UNIT_TYPES: [&str; 7] = ["CHI CỤC", "TRUNG TÂM", "PHÒNG", "SỞ", "BAN", "CỤC", "BỘ"];

const ABBREVIATIONS: [&str; 6] = ["UBND", "HĐND", "MTTQ", "TAND", "VKSND", "TP"];

/// `data` with `issued_by` filled in when it is absent and `issuer.name` is
/// text; otherwise `data` as it is.
pub fn with_derived(data: &Value) -> Cow<'_, Value> {
    let has_own = data.get("issued_by").is_some_and(|v| !v.is_null());
    let issuer = data
        .get("issuer")
        .and_then(|i| i.get("name"))
        .and_then(Value::as_str);
    match (has_own, issuer) {
        (false, Some(name)) if !name.trim().is_empty() => {
            let mut data = data.clone();
            data["issued_by"] = Value::String(issued_by(name));
            Cow::Owned(data)
        }
        _ => Cow::Borrowed(data),
    }
}

/// How an issuer written in capitals names itself in running text.
pub fn issued_by(issuer_name: &str) -> String {
    let words: Vec<String> = issuer_name
        .split_whitespace()
        .map(str::to_uppercase)
        .collect();
    let rest = words.join(" ");
    let mut out = Vec::new();
    let mut rest = rest.as_str();
    // An authority line opens with its head's title: `Chủ tịch UBND tỉnh
    // Đồng Nai`, `Giám đốc Sở Nội vụ tỉnh Bình Dương`.
    if let Some(title) = TITLES.iter().find(|t| starts_with_words(rest, t)) {
        let authority = rest[title.len()..].trim_start();
        return format!("{} {}", capitalized(title), issued_by(authority))
            .trim_end()
            .to_string();
    }
    if let Some((long, short)) = BODIES
        .iter()
        .find(|(long, _)| starts_with_words(rest, long))
    {
        out.push(short.to_string());
        rest = rest[long.len()..].trim_start();
    }
    if let Some(level) = LEVELS.iter().find(|l| starts_with_words(rest, l)) {
        out.push(level.to_lowercase());
        out.extend(
            rest[level.len()..]
                .split_whitespace()
                .map(|w| keep_or(w, capitalized)),
        );
    } else if !rest.is_empty() {
        out.push(sentence(rest, out.is_empty()));
    }
    out.join(" ")
}

fn starts_with_words(text: &str, prefix: &str) -> bool {
    text.starts_with(prefix)
        && text[prefix.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

/// A name as a sentence, with capitals where Vietnamese names of units
/// keep them.
fn sentence(text: &str, capital_first: bool) -> String {
    let mut out = Vec::new();
    let mut capital_next = capital_first;
    let mut in_field = false;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        let unit_type = UNIT_TYPES.iter().find(|t| {
            let n = t.split(' ').count();
            words.len() >= i + n && words[i..i + n].join(" ") == **t
        });
        if let Some(t) = unit_type {
            let n = t.split(' ').count();
            let phrase = t.to_lowercase();
            out.push(if capital_next {
                capitalized(&phrase)
            } else {
                phrase
            });
            i += n;
            capital_next = true;
            in_field = true;
            continue;
        }
        // An administrative level after a unit's name (`SỞ NỘI VỤ TỈNH BÌNH
        // DƯƠNG`): the level in small letters, the place with capitals.
        // `XÃ HỘI` is a word, not a commune.
        let level = LEVELS.iter().find(|l| {
            let n = l.split(' ').count();
            i > 0
                && words.len() > i + n
                && words[i..i + n].join(" ") == **l
                && !(**l == "XÃ" && words[i + 1] == "HỘI")
        });
        if let Some(level) = level {
            out.push(level.to_lowercase());
            let place = &words[i + level.split(' ').count()..];
            out.extend(place.iter().map(|w| keep_or(w, capitalized)));
            break;
        }
        let word = words[i];
        out.push(keep_or(word, |w| {
            if capital_next {
                capitalized(w)
            } else {
                w.to_lowercase()
            }
        }));
        // Each field of a unit's name takes a capital (App. II: `Bộ Tài
        // nguyên và Môi trường`, `Sở Văn hóa, Thể thao và Du lịch`).
        capital_next = word == "-" || (in_field && (word == "VÀ" || word.ends_with(',')));
        i += 1;
    }
    out.join(" ")
}

/// Abbreviations as they are; other words through `f`.
fn keep_or(word: &str, f: impl Fn(&str) -> String) -> String {
    if ABBREVIATIONS.contains(&word) {
        word.to_string()
    } else {
        f(word)
    }
}

fn capitalized(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn issuers_in_running_text() {
        assert_eq!(issued_by("ỦY BAN NHÂN DÂN XÃ AN BÌNH"), "UBND xã An Bình");
        assert_eq!(
            issued_by("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH"),
            "UBND huyện Châu Thành"
        );
        assert_eq!(
            issued_by("ỦY BAN NHÂN DÂN THỊ XÃ HÒA THÀNH"),
            "UBND thị xã Hòa Thành"
        );
        assert_eq!(
            issued_by("HỘI ĐỒNG NHÂN DÂN TỈNH TÂY NINH"),
            "HĐND tỉnh Tây Ninh"
        );
        assert_eq!(issued_by("VĂN PHÒNG"), "Văn phòng");
        assert_eq!(issued_by("SỞ TÀI CHÍNH"), "Sở Tài chính");
        // Each field keeps its capital (the Phụ lục's Kèm theo line).
        assert_eq!(
            issued_by("SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
            "Sở Khoa học và Công nghệ"
        );
        assert_eq!(
            issued_by("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
            "Sở Văn hóa, Thể thao và Du lịch"
        );
        assert_eq!(
            issued_by("BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"),
            "Bộ Tài nguyên và Môi trường"
        );
        assert_eq!(
            issued_by("PHÒNG TÀI CHÍNH - KẾ HOẠCH"),
            "Phòng Tài chính - Kế hoạch"
        );
        assert_eq!(issued_by("VĂN PHÒNG UBND TỈNH"), "Văn phòng UBND tỉnh");
        // An authority line: the head's title, then the authority.
        assert_eq!(
            issued_by("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"),
            "Chủ tịch UBND tỉnh Đồng Nai"
        );
        assert_eq!(
            issued_by("GIÁM ĐỐC SỞ NỘI VỤ TỈNH BÌNH DƯƠNG"),
            "Giám đốc Sở Nội vụ tỉnh Bình Dương"
        );
        assert_eq!(issued_by("THỦ TƯỚNG CHÍNH PHỦ"), "Thủ tướng Chính phủ");
        assert_eq!(
            issued_by("BỘ TRƯỞNG BỘ TÀI CHÍNH"),
            "Bộ trưởng Bộ Tài chính"
        );
        // A level after a unit's name, but not the `xã` of `xã hội`.
        assert_eq!(
            issued_by("SỞ Y TẾ THÀNH PHỐ HỒ CHÍ MINH"),
            "Sở Y tế thành phố Hồ Chí Minh"
        );
        assert_eq!(
            issued_by("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG XÃ LONG HỒ"),
            "Hội đồng thi đua - Khen thưởng xã Long Hồ"
        );
        assert_eq!(
            issued_by("BẢO HIỂM XÃ HỘI TỈNH TÂY NINH"),
            "Bảo hiểm xã hội tỉnh Tây Ninh"
        );
    }

    #[test]
    fn data_that_names_itself_is_left_alone() {
        let own = json!({"issuer": {"name": "ỦY BAN NHÂN DÂN XÃ AN BÌNH"}, "issued_by": "Ủy ban"});
        assert_eq!(with_derived(&own).as_ref(), &own);
        let bare = json!({"issuer": {"name": "ỦY BAN NHÂN DÂN XÃ AN BÌNH"}});
        let derived = with_derived(&bare);
        assert_eq!(derived["issued_by"], "UBND xã An Bình");
    }
}
