//! Column widths of a body table, shared by both backends so the DOCX and
//! the PDF wrap cells alike. Like a browser's automatic table layout: each
//! column gets at least its longest word and, as room allows, its longest
//! cell on one line.

use crate::metrics::FontSet;
use crate::model::{plain_text, Table};
use crate::style::{mm_to_pt, pt_to_mm, Style};

/// Column widths in mm that add up to the text width.
pub fn column_widths(table: &Table, style: &Style, fonts: &FontSet) -> Vec<f32> {
    let columns = table.header.len().max(1);
    let total = style.text_width();
    let padding = 2.0 * style.cell_padding;
    let mut min = vec![padding; columns];
    let mut max = vec![padding; columns];
    // Header cells wrap readily ("Thực hiện / năm 2024"): they ask only
    // for their longest word, and the body's text shares out the rest.
    let rows = std::iter::once((&table.header, style.table_header, true))
        .chain(table.rows.iter().map(|r| (r, style.table_text, false)));
    for (row, text_style, header) in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            let text = plain_text(cell);
            let longest_word = text
                .split_whitespace()
                .map(|w| fonts.width(w, text_style))
                .fold(0.0, f32::max);
            min[i] = min[i].max(pt_to_mm(longest_word) + padding);
            if !header {
                max[i] = max[i].max(pt_to_mm(fonts.width(&text, text_style)) + padding);
            }
        }
    }
    for (lo, hi) in min.iter().zip(max.iter_mut()) {
        *hi = hi.max(*lo);
    }
    let (sum_min, sum_max): (f32, f32) = (min.iter().sum(), max.iter().sum());
    if sum_max <= total {
        // Everything fits on one line: share out the rest in proportion.
        return max.iter().map(|w| w * total / sum_max).collect();
    }
    if sum_min >= total {
        return min.iter().map(|w| w * total / sum_min).collect();
    }
    let share = (total - sum_min) / (sum_max - sum_min);
    min.iter()
        .zip(&max)
        .map(|(lo, hi)| lo + (hi - lo) * share)
        .collect()
}

/// The same widths in points.
pub fn column_widths_pt(table: &Table, style: &Style, fonts: &FontSet) -> Vec<f32> {
    column_widths(table, style, fonts)
        .into_iter()
        .map(mm_to_pt)
        .collect()
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
    fn short_tables_are_spread_in_proportion() {
        let style = Style::default();
        let t = table("| A | BB |\n|---|---|\n| 1 | 2 |\n");
        let widths = column_widths(&t, &style, FontSet::liberation_serif());
        assert!((widths.iter().sum::<f32>() - style.text_width()).abs() < 0.01);
        assert!(widths[1] > widths[0]);
    }
}
