//! A table cell line never begins with a bare `- `: "Phòng Văn hóa - Thông
//! tin" wrapped before its dash reads as a list item the input never had.
//! Where the breaker would start a line so, the word before the dash goes
//! to that line too (a forced break before it), and both formats break
//! there: the PDF's breaker and Word or LibreOffice honour the same break.

use super::linebreak::{set, Frame};
use super::plan::Paragraph;
use crate::metrics::FontSet;
use crate::style::mm_to_pt;

/// At most this many breaks are moved in one paragraph (each one moves a
/// word down a line, so the paragraph settles long before).
const MOST_MOVES: usize = 16;

/// Moves the word before a dash that would start a line of `p` (set
/// `width` mm wide) onto that line.
pub fn keep_dashes_off_line_starts(fonts: &FontSet, p: &mut Paragraph, width: f32) {
    let frame = Frame {
        x: 0.0,
        width: mm_to_pt(width) - mm_to_pt(p.indent.left) - mm_to_pt(p.indent.right),
        indent: mm_to_pt(p.indent.first_line),
        align: p.align,
        spacing: 1.0,
    };
    for _ in 0..MOST_MOVES {
        let lines = set(fonts, &p.styled_text(), p.mark, frame);
        // Each line's share of the text, counted in the characters the
        // breaker keeps (spaces and line breaks are between lines).
        let mut start = 0;
        let mut dash_line = None;
        for (i, line) in lines.iter().enumerate() {
            let first = line.runs.first().map_or("", |r| r.text.as_str());
            if i > 0 && is_bare_dash(first) {
                dash_line = Some((start, previous_start(&lines, i, start)));
                break;
            }
            start += line.runs.iter().map(|r| counted(&r.text)).sum::<usize>();
        }
        let Some((dash, line_before)) = dash_line else {
            return;
        };
        if !break_before_word_ending_at(p, dash, line_before) {
            return;
        }
    }
}

/// Where line `i - 1` starts, in counted characters, given that line `i`
/// starts at `start`.
fn previous_start(lines: &[super::linebreak::Line], i: usize, start: usize) -> usize {
    start
        - lines[i - 1]
            .runs
            .iter()
            .map(|r| counted(&r.text))
            .sum::<usize>()
}

fn is_bare_dash(text: &str) -> bool {
    ["-", "–"]
        .iter()
        .any(|d| text == *d || text.strip_prefix(d).is_some_and(|r| r.starts_with(' ')))
}

/// The characters the line breaker sets (it drops spaces, tabs, line
/// breaks and other control characters).
fn counts(c: char) -> bool {
    !matches!(c, ' ' | '\t' | '\n') && !c.is_control()
}

fn counted(text: &str) -> usize {
    text.chars().filter(|c| counts(*c)).count()
}

/// Replaces the space before the word that precedes counted character
/// `dash` with a line break, unless that word starts its line (counted
/// character `line_start`): then nothing can move and `false` is returned.
fn break_before_word_ending_at(p: &mut Paragraph, dash: usize, line_start: usize) -> bool {
    // Every character with its run and byte offset, and its counted index.
    let mut chars = Vec::new();
    let mut n = 0;
    for (r, run) in p.runs.iter().enumerate() {
        for (at, c) in run.text.char_indices() {
            chars.push((c, r, at, n));
            if counts(c) {
                n += 1;
            }
        }
    }
    let Some(mut i) = chars.iter().position(|&(c, .., k)| k == dash && counts(c)) else {
        return false;
    };
    // Back over the spaces before the dash, then over the word before it.
    while i > 0 && !counts(chars[i - 1].0) {
        i -= 1;
    }
    while i > 0 && counts(chars[i - 1].0) {
        i -= 1;
    }
    if i == 0 || chars[i].3 <= line_start || chars[i - 1].0 != ' ' {
        return false;
    }
    let (_, run, at, _) = chars[i - 1];
    p.runs[run].text.replace_range(at..at + 1, "\n");
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::style::TextStyle;

    fn lines(p: &Paragraph, width: f32) -> Vec<String> {
        let frame = Frame {
            x: 0.0,
            width: mm_to_pt(width),
            indent: 0.0,
            align: p.align,
            spacing: 1.0,
        };
        set(FontSet::liberation_serif(), &p.styled_text(), p.mark, frame)
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_dash_never_starts_a_cell_line() {
        let style = TextStyle {
            size: 13.0,
            bold: false,
            italic: false,
        };
        let fonts = FontSet::liberation_serif();
        // Find a width at which the breaker starts a line with the dash.
        let text = "Ban Quản lý dự án Văn hóa - Thông tin tỉnh";
        let width = (200..600)
            .map(|w| w as f32 / 10.0)
            .find(|&w| {
                let p = Paragraph::text(text, style, super::super::plan::Align::Left);
                lines(&p, w).iter().skip(1).any(|l| l.starts_with("- "))
            })
            .expect("a width that puts the dash first");
        let mut p = Paragraph::text(text, style, super::super::plan::Align::Left);
        keep_dashes_off_line_starts(fonts, &mut p, width);
        let set = lines(&p, width);
        assert!(set.iter().all(|l| !l.starts_with('-')), "{set:?}");
        assert!(set.iter().any(|l| l.starts_with("hóa - ")), "{set:?}");
        // Every word is still there, in order.
        assert_eq!(p.plain_text().replace('\n', " "), text);
    }
}
