//! A paper copy's block (App. I part II.2–3): under a solid rule the full
//! width of the text block, the grid of a document's header — the copying
//! office and `Số: 05/SY-UBND` left (ô 2, 3), `SAO Y` and place and date
//! right (ô 1, 4) — then Nơi nhận beside the signer (ô 7, 5a–5c, 6), each
//! part made by the document's own composers from the style sheet.

use super::plan::*;
use super::{header, rule, signature, stack_height, table_height};
use crate::copy::CopyBlock;
use crate::metrics::FontSet;
use crate::style::{pt_to_mm, Margins};

/// The block's parts in order: the rule, the header grid, the signature.
pub fn blocks(copy: &CopyBlock, fonts: &FontSet) -> Vec<Block> {
    let doc = &copy.doc;
    let style = &doc.style;
    let width = style.text_width();
    let mut line = rule(style, width, width);
    line.spacing.after = style.copy_rule_space;
    line.keep.with_next = true;
    let row = |cells| Row {
        cells,
        repeat: false,
        cant_split: true,
    };
    let kind = Paragraph::text(copy.kind.words(), style.copy_kind, Align::Center);
    let grid = Table {
        columns: vec![style.header_left_width, style.header_right_width],
        indent: -(style.header_outdent() + style.cell_padding),
        padding: CellPadding {
            horizontal: style.cell_padding,
            vertical: 0.0,
        },
        borders: None,
        rows: vec![
            row(vec![header::authority(doc, fonts), vec![kind]]),
            row(vec![header::number_block(doc), header::date(doc)]),
        ],
    };
    vec![
        Block::Paragraph(line),
        Block::Table(grid),
        Block::Table(signature::signature(doc, fonts)),
    ]
}

/// The block's height, pt, as the PDF sets it.
pub fn height(copy: &CopyBlock, fonts: &FontSet) -> f32 {
    let width = copy.doc.style.text_width();
    blocks(copy, fonts)
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => stack_height(fonts, std::slice::from_ref(p), width),
            Block::Table(t) => table_height(fonts, t),
        })
        .sum()
}

/// The block alone on a page of the style's size, its rule `top` mm from
/// the page's top (the copied text's last page is drawn under it).
pub fn composition(copy: &CopyBlock, fonts: &FontSet, top: f32) -> Composition {
    let style = &copy.doc.style;
    Composition {
        sections: vec![Section {
            page: Page {
                width: style.page_width,
                height: style.page_height,
                landscape: false,
                margins: Margins {
                    top,
                    ..style.margins
                },
                header_distance: style.header_distance,
            },
            blocks: blocks(copy, fonts),
            floats: Vec::new(),
            page_number: style.page_number,
        }],
    }
}

/// Where the block's rule may start on a page whose marks reach `lowest`
/// mm from its top (`None`: a blank page): right under them, or `None`
/// when the block does not fit above the bottom margin there.
pub fn top_under(copy: &CopyBlock, fonts: &FontSet, lowest: Option<f32>) -> Option<f32> {
    let style = &copy.doc.style;
    let top = match lowest {
        Some(y) => (y + pt_to_mm(style.copy_rule_space)).max(style.margins.top),
        None => style.margins.top,
    };
    let bottom = style.page_height - style.margins.bottom;
    (top + pt_to_mm(height(copy, fonts)) <= bottom).then_some(top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::copy::{CopyInput, CopyKind};
    use crate::limits::Limits;
    use crate::source::{parse_as, Format};

    fn block() -> CopyBlock {
        let input: CopyInput = parse_as(
            "issuer: {name: ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI, abbreviation: UBND}\n\
             number: 5\nplace: Quảng Ngãi\ndate: 2026-03-08\n\
             signer: {authority: [TL. CHỦ TỊCH], title: CHÁNH VĂN PHÒNG, name: Nguyễn Văn An}\n\
             recipients: [Sở Nội vụ]\n",
            Format::Yaml,
            &Limits::default(),
        )
        .unwrap();
        CopyBlock::from_input(&input, CopyKind::SaoY, &Limits::default(), None).unwrap()
    }

    #[test]
    fn the_rule_spans_the_text_block_and_the_kind_is_bold_13_to_14_pt() {
        let fonts = FontSet::liberation_serif();
        let copy = block();
        let blocks = blocks(&copy, fonts);
        let Block::Paragraph(line) = &blocks[0] else {
            panic!("a rule first")
        };
        assert_eq!((line.indent.left, line.indent.right), (0.0, 0.0));
        assert!(line.border.is_some());
        let Block::Table(grid) = &blocks[1] else {
            panic!("the grid second")
        };
        let kind = &grid.rows[0].cells[1][0];
        assert_eq!(kind.runs[0].text, "SAO Y");
        let s = kind.runs[0].style;
        assert!(s.bold && !s.italic && (13.0..=14.0).contains(&s.size));
        assert_eq!(grid.rows[1].cells[0][0].runs[0].text, "Số: 05/SY-UBND");
    }

    #[test]
    fn the_block_goes_under_the_text_when_it_fits_and_not_otherwise() {
        let fonts = FontSet::liberation_serif();
        let copy = block();
        let tall = pt_to_mm(height(&copy, fonts));
        assert!(tall > 40.0 && tall < 120.0, "{tall} mm");
        assert!(top_under(&copy, fonts, Some(100.0)).is_some_and(|t| t > 100.0));
        assert_eq!(
            top_under(&copy, fonts, Some(297.0 - 20.0 - tall + 1.0)),
            None
        );
        assert_eq!(top_under(&copy, fonts, None), Some(20.0));
    }
}
