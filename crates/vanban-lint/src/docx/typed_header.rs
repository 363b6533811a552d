//! A header typed without a table: each line holds the left column's text
//! (parent, issuer, `Số:`), a run of tabs or spaces, then the right
//! column's (quốc hiệu, tiêu ngữ, place and date). Such lines are split into
//! the two columns the header table would have given, so the elements are
//! found where a reader sees them.

use crate::model::{is_typed_rule, Para, Span, Zone};
use crate::recognize::is_national_title;

/// Where a line's text jumps to the other column: the first run of tabs or
/// of three or more spaces, as (start, end) character offsets.
fn gap(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut leading = None;
    let mut i = 0;
    while i < chars.len() {
        let blank = |c: char| c == '\t' || c == ' ' || c == '\u{a0}';
        if blank(chars[i]) {
            let start = i;
            while i < chars.len() && blank(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            let wide = run.contains(&'\t') || run.len() >= 3;
            if wide && start > 0 && i < chars.len() {
                return Some((start, i));
            }
            // Leading blanks alone push a right column's line over.
            if wide && start == 0 {
                leading = Some((0, i));
            }
        } else {
            i += 1;
        }
    }
    leading
}

/// The spans' text between two character offsets, formatting kept.
fn slice(spans: &[Span], from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let n = span.text.chars().count();
        let (a, b) = (from.max(at), to.min(at + n));
        if a < b {
            let mut piece = span.clone();
            piece.text = span.text.chars().skip(a - at).take(b - a).collect();
            out.push(piece);
        }
        at += n;
    }
    out
}

fn half(para: &Para, spans: Vec<Span>, zone: Zone) -> Para {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    Para {
        text: text.trim().to_string(),
        text_width: Some(super::measure(&spans)),
        spans,
        zone,
        // Half a paragraph cannot be edited on its own.
        source: None,
        baselines: None,
        rule_below: None,
        page: para.page.or(Some(1)),
        ..para.clone()
    }
}

/// Splits a typed header's lines into the two columns. Does nothing when
/// the header is a table (its zones are set) or no line carries the quốc
/// hiệu after a gap.
pub fn split(paras: &mut Vec<Para>) -> Vec<usize> {
    let old_indices: Vec<usize> = paras.iter().map(|p| p.index).collect();
    if paras
        .iter()
        .any(|p| matches!(p.zone, Zone::HeaderLeft | Zone::HeaderRight))
    {
        return old_indices;
    }
    let title_after_gap = |p: &Para| {
        gap(&p.text).is_some_and(|(_, end)| {
            is_national_title(&p.text.chars().skip(end).collect::<String>())
        })
    };
    let Some(start) = paras.iter().take(12).position(title_after_gap) else {
        return old_indices;
    };
    let mut out: Vec<Para> = paras[..start].to_vec();
    let mut i = start;
    let mut closed = false;
    while i < paras.len() && !closed {
        let para = &paras[i];
        let n = para.text.chars().count();
        let (left, right) = match gap(&para.text) {
            Some((a, b)) => (slice(&para.spans, 0, a), slice(&para.spans, b, usize::MAX)),
            // A short line alone belongs to the left column (the issuer's
            // second line); a long one ends the header.
            None if n <= 45 && !para.text.trim().is_empty() => (para.spans.clone(), Vec::new()),
            None if para.text.trim().is_empty() => (Vec::new(), Vec::new()),
            None => break,
        };
        for (spans, zone) in [(left, Zone::HeaderLeft), (right, Zone::HeaderRight)] {
            let piece = half(para, spans, zone);
            if piece.text.is_empty() {
                continue;
            }
            let t = piece.text.clone();
            closed |= t.starts_with("Số") && zone == Zone::HeaderLeft && i > start
                || t.contains("ngày") && zone == Zone::HeaderRight;
            if is_typed_rule(&t) {
                if let Some(above) = out.iter_mut().rev().find(|p| p.zone == zone) {
                    above
                        .rule_below
                        .get_or_insert(piece.text_width.unwrap_or(0.0));
                }
                continue;
            }
            out.push(piece);
        }
        i += 1;
    }
    out.extend(paras[i..].iter().cloned());
    let mapping: Vec<usize> = out.iter().map(|p| p.index).collect();
    for (k, p) in out.iter_mut().enumerate() {
        p.index = k + 1;
    }
    *paras = out;
    mapping
}

#[cfg(test)]
mod tests {
    use super::gap;

    #[test]
    fn a_gap_is_tabs_or_three_spaces() {
        assert_eq!(gap("SỞ Y TẾ\t\tĐộc lập"), Some((7, 9)));
        assert_eq!(gap("SỞ Y TẾ    Độc lập"), Some((7, 11)));
        assert_eq!(gap("Số: 12/SYT  Huế"), None);
        assert_eq!(gap("\t\tĐộc lập"), Some((0, 2)));
        assert_eq!(gap("\tSỞ Y TẾ\tĐộc lập"), Some((8, 9)));
    }
}
