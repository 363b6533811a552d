//! Where a finding is, in the terms a reader finds it by: the page, the
//! header's column, "the 3rd paragraph after `II. NHIỆM VỤ`", a table's
//! row and column, the signature block; never a bare paragraph number.

use vanban_i18n::{msg, Message};

use crate::model::{ReadDoc, Zone};
use crate::recognize::{normal, Elements};

/// Describes paragraph `i` (0-based in `doc.paras`), in the catalogue's
/// words (`page 1, the header, right column`).
pub fn describe(doc: &ReadDoc, el: &Elements, i: usize) -> Message {
    let para = &doc.paras[i];
    let within = match para.zone {
        Zone::HeaderLeft => msg!("lint-header-left"),
        Zone::HeaderRight => msg!("lint-header-right"),
        Zone::SignLeft => msg!("lint-recipients-column"),
        Zone::SignRight => msg!("lint-signature-block"),
        Zone::Body | Zone::Table => in_body(doc, el, i),
    };
    match para.page {
        Some(page) => msg!("lint-page-at", page = page, place = within),
        None => within,
    }
}

fn in_body(doc: &ReadDoc, el: &Elements, i: usize) -> Message {
    let para = &doc.paras[i];
    if is_landmark(doc, el, i) {
        return msg!("lint-own-line");
    }
    let mark = (0..i).rev().find(|&j| is_landmark(doc, el, j));
    let after = match mark {
        Some(j) => msg!("lint-after", mark = short(&doc.paras[j].text)),
        None => msg!("lint-of-body"),
    };
    if let (Zone::Table, Some((row, column))) = (para.zone, para.cell) {
        return msg!("lint-table-cell", row = row, column = column, after = after);
    }
    if let (Zone::Table, Some(row)) = (para.zone, para.table_row) {
        return msg!("lint-table-row", row = row, after = after);
    }
    if para.zone == Zone::Table {
        return msg!("lint-table", after = after);
    }
    let from = mark.map_or(0, |j| j + 1);
    let n = (from..=i)
        .filter(|&k| doc.paras[k].zone == Zone::Body && !doc.paras[k].text.trim().is_empty())
        .count()
        .max(1);
    msg!("lint-nth-paragraph", ordinal = ordinal(n), after = after)
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

/// 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st (thứ 3 in Vietnamese).
pub fn ordinal(n: usize) -> Message {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    msg!("lint-ordinal", n = n, suffix = suffix)
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals_as_english_writes_them() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 101]
            .into_iter()
            .map(|n| ordinal(n).english())
            .collect();
        assert_eq!(
            got,
            ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st"]
        );
        assert_eq!(ordinal(3).render(vanban_i18n::Lang::Vi), "thứ 3");
    }
}
