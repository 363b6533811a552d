//! Where a finding is, in the terms a reader finds it by: the page, the
//! header's column, "the 3rd paragraph after `II. NHIỆM VỤ`", a table's
//! row and column, the signature block; never a bare paragraph number.

use crate::model::{ReadDoc, Zone};
use crate::recognize::{normal, Elements};

/// Describes paragraph `i` (0-based in `doc.paras`).
pub fn describe(doc: &ReadDoc, el: &Elements, i: usize) -> String {
    let para = &doc.paras[i];
    let within = match para.zone {
        Zone::HeaderLeft => "the header, left column".to_string(),
        Zone::HeaderRight => "the header, right column".to_string(),
        Zone::SignLeft => "the Nơi nhận column".to_string(),
        Zone::SignRight => "the signature block".to_string(),
        Zone::Body | Zone::Table => in_body(doc, el, i),
    };
    match para.page {
        Some(page) => format!("page {page}, {within}"),
        None => within,
    }
}

fn in_body(doc: &ReadDoc, el: &Elements, i: usize) -> String {
    let para = &doc.paras[i];
    if is_landmark(doc, el, i) {
        return "a line of its own".to_string();
    }
    let mark = (0..i).rev().find(|&j| is_landmark(doc, el, j));
    let after = match mark {
        Some(j) => format!("after `{}`", short(&doc.paras[j].text)),
        None => "of the body".to_string(),
    };
    if let (Zone::Table, Some((row, column))) = (para.zone, para.cell) {
        return format!("table row {row}, column {column}, {after}");
    }
    if para.zone == Zone::Table {
        return format!("a table {after}");
    }
    let from = mark.map_or(0, |j| j + 1);
    let n = (from..=i)
        .filter(|&k| doc.paras[k].zone == Zone::Body && !doc.paras[k].text.trim().is_empty())
        .count()
        .max(1);
    format!("the {} paragraph {after}", ordinal(n))
}

/// A line a reader's eye finds: the type name, `QUYẾT ĐỊNH:`, a `Phụ lục`,
/// a heading (`II. NHIỆM VỤ`, `Điều 3.`, a bold `1. …`).
fn is_landmark(doc: &ReadDoc, el: &Elements, i: usize) -> bool {
    if Some(i) == el.type_name || Some(i) == el.decision_word || el.appendices.contains(&i) {
        return true;
    }
    let para = &doc.paras[i];
    if para.zone != Zone::Body {
        return false;
    }
    let t = normal(&para.text);
    let head = t.split_whitespace().next().unwrap_or("");
    let roman = head.len() > 1
        && head.ends_with('.')
        && head[..head.len() - 1].chars().all(|c| "IVXLC".contains(c));
    let article = t.starts_with("Điều ") && head == "Điều";
    let numbered = head.len() > 1
        && head.ends_with('.')
        && head[..head.len() - 1].chars().all(|c| c.is_ascii_digit())
        && crate::rules::shares(para).0 > 0.5;
    roman || article || numbered
}

fn short(text: &str) -> String {
    let t = normal(text);
    let cut: String = t.chars().take(30).collect();
    if cut.len() < t.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st.
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals_as_english_writes_them() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
    }
}
