//! Borderless layout tables (header, signature block) with fixed columns.

use docx_rs::{
    Paragraph, Table, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};
use vanban::style::{mm_to_twips, Style};

/// A borderless table with fixed column widths (mm), pulled `outdent` mm into
/// the left margin beyond the cell padding, so that text in the first column
/// starts at the margin as the rest of the page does.
pub fn layout_table(style: &Style, widths: &[f32], rows: Vec<TableRow>, outdent: f32) -> Table {
    let padding = mm_to_twips(style.cell_padding) as usize;
    let grid: Vec<usize> = widths.iter().map(|w| mm_to_twips(*w) as usize).collect();
    Table::new(rows)
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .indent(-mm_to_twips(outdent + style.cell_padding))
        .margins(TableCellMargins::new().margin(0, padding, 0, padding))
        .set_borders(TableBorders::with_empty())
}

/// A cell of `width` mm holding `paragraphs` (at least one, as Word requires).
pub fn cell(width: f32, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut cell = TableCell::new().width(mm_to_twips(width) as usize, WidthType::Dxa);
    if paragraphs.is_empty() {
        return cell.add_paragraph(Paragraph::new());
    }
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    cell
}
