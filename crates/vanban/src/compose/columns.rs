//! Column widths of a body table, decided once for both backends (the DOCX
//! writes them as a fixed grid, the PDF sets cells in them), so Word,
//! LibreOffice and our PDF wrap cells alike. As a browser's automatic table
//! layout: each column gets at least its widest token (a word, a number, a
//! date, a symbol — never broken) and, as room allows, its longest line;
//! slack beyond every longest line goes to the columns of text.

use crate::metrics::FontSet;
use crate::model::{plain_text, Span, Table};
use crate::style::{pt_to_mm, Style, TextStyle};

/// Room (mm) added to a column's widest token: word processors round widths
/// and kern, and a token must never be one hair too wide for its column.
const TOKEN_SLACK: f32 = 0.6;

/// Column widths in mm that add up to the text width.
pub fn column_widths(table: &Table, style: &Style, fonts: &FontSet) -> Vec<f32> {
    let columns = table.header.len().max(1);
    let total = style.text_width();
    let padding = 2.0 * style.cell_padding;
    // The least a column can have (its widest token), what keeps its cells
    // to a few lines, and what sets every cell on one line.
    let mut min = vec![padding; columns];
    let mut comfort = vec![padding; columns];
    let mut max = vec![padding; columns];
    let mut text = vec![false; columns];
    let rows = std::iter::once((&table.header, style.table_header, true))
        .chain(table.rows.iter().map(|r| (r, style.table_text, false)));
    for (row, text_style, header) in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            let (token, line) = measure(fonts, cell, text_style);
            let lines = if header { HEADER_LINES } else { CELL_LINES };
            min[i] = min[i].max(token + TOKEN_SLACK + padding);
            comfort[i] = comfort[i].max(line / lines + TOKEN_SLACK + padding);
            max[i] = max[i].max(line + TOKEN_SLACK + padding);
            if !header {
                text[i] |= is_text(&plain_text(cell));
            }
        }
    }
    cap_tokens(&mut min, &mut comfort, total);
    for i in 0..columns {
        comfort[i] = comfort[i].max(min[i]);
        max[i] = max[i].max(comfort[i]);
    }
    let sum = |v: &[f32]| v.iter().sum::<f32>();
    let (sum_min, sum_comfort, sum_max) = (sum(&min), sum(&comfort), sum(&max));
    if sum_max <= total {
        // Every cell fits on one line: the rest goes to the text columns.
        let receivers: f32 = (0..columns).filter(|&i| text[i]).map(|i| max[i]).sum();
        let extra = total - sum_max;
        return (0..columns)
            .map(|i| match receivers > 0.0 {
                true if text[i] => max[i] + extra * max[i] / receivers,
                true => max[i],
                false => max[i] * total / sum_max,
            })
            .collect();
    }
    if sum_min >= total {
        // Too many columns for the page: tokens will break.
        return min.iter().map(|w| w * total / sum_min).collect();
    }
    // Each column grows from one stage towards the next in proportion to
    // how much it wants beyond it, as far as the room goes.
    let (from, to) = if sum_comfort <= total {
        (&comfort, &max)
    } else {
        (&min, &comfort)
    };
    let share = (total - sum(from)) / (sum(to) - sum(from)).max(f32::EPSILON);
    from.iter()
        .zip(to)
        .map(|(lo, hi)| lo + (hi - lo) * share.min(1.0))
        .collect()
}

/// A token wider than the page can give its column is broken inside (as
/// Word does) rather than squeezing the other columns to a letter a line:
/// a column's least width is capped at what leaves every other column its
/// fair share or less (`total / columns`, or what it needs if that is less).
fn cap_tokens(min: &mut [f32], comfort: &mut [f32], total: f32) {
    let fair = total / min.len() as f32;
    let others_need: Vec<f32> = comfort
        .iter()
        .zip(min.iter())
        .map(|(c, m)| c.max(*m).min(fair))
        .collect();
    let all: f32 = others_need.iter().sum();
    for i in 0..min.len() {
        let cap = fair.max(total - (all - others_need[i]));
        // Its comfortable width too: a broken token's column does not
        // claim three lines of an unbreakable run.
        if min[i] > cap {
            min[i] = cap;
            comfort[i] = comfort[i].min(cap);
        }
    }
}

/// Lines a header cell may take before it is uncomfortable to read, and a
/// body cell.
const HEADER_LINES: f32 = 3.0;
const CELL_LINES: f32 = 3.0;

/// The widest unbreakable token and the longest line of a cell, mm.
fn measure(fonts: &FontSet, cell: &[Span], base: TextStyle) -> (f32, f32) {
    let (mut token, mut line) = (0.0f32, 0.0f32);
    for span in cell {
        let style = span.style_over(base);
        for text_line in span.text.split('\n') {
            line = line.max(pt_to_mm(fonts.width(text_line, style)));
            for word in text_line.split_whitespace() {
                token = token.max(pt_to_mm(fonts.width(word, style)));
            }
        }
    }
    (token, line)
}

/// Whether a cell holds words rather than a number, date or symbol.
fn is_text(cell: &str) -> bool {
    cell.chars().filter(|c| c.is_alphabetic()).count() > 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Table};

    fn table(markdown: &str) -> Table {
        match crate::body::parse(markdown).unwrap().remove(0) {
            Block::Table(t) => t,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn widths_fill_the_text_block_and_favour_long_columns() {
        let style = Style::default();
        let t = table("| TT | Chỉ tiêu | Đơn vị tính |\n|---|---|---|\n| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn trên tổng số hồ sơ tiếp nhận trong năm | % |\n");
        let widths = column_widths(&t, &style, FontSet::liberation_serif());
        assert!((widths.iter().sum::<f32>() - style.text_width()).abs() < 0.01);
        assert!(widths[1] > widths[0] && widths[1] > widths[2], "{widths:?}");
        // Every column holds its longest word.
        let word = pt_to_mm(FontSet::liberation_serif().width("tính", style.table_header));
        assert!(widths[2] >= word + 2.0 * style.cell_padding, "{widths:?}");
    }

    #[test]
    fn a_token_wider_than_the_page_leaves_other_columns_room() {
        let style = Style::default();
        let long = "%".repeat(120);
        let text = "phòng nhận thức sâu sắc về tư tưởng Thi đua ái quốc ".repeat(6);
        let t = table(&format!(
            "| TT | Chỉ tiêu | Kết quả |\n|---|---|---|\n| 1 | {long} | {text} |\n"
        ));
        let widths = column_widths(&t, &style, FontSet::liberation_serif());
        assert!((widths.iter().sum::<f32>() - style.text_width()).abs() < 0.01);
        // The text column is not squeezed to a letter or two a line.
        assert!(widths[2] >= style.text_width() / 4.0, "{widths:?}");
        // The number column still holds its number.
        let one = pt_to_mm(FontSet::liberation_serif().width("TT", style.table_header));
        assert!(widths[0] >= one + 2.0 * style.cell_padding, "{widths:?}");
    }

    #[test]
    fn short_tables_are_spread_in_proportion() {
        let style = Style::default();
        let t = table("| A | BB |\n|---|---|\n| 1 | 2 |\n");
        let widths = column_widths(&t, &style, FontSet::liberation_serif());
        assert!((widths.iter().sum::<f32>() - style.text_width()).abs() < 0.01);
        assert!(widths[1] > widths[0]);
    }
}
