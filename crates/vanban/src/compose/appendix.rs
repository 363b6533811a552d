//! A Phụ lục (spec 2.14): a section of its own after the document, with its
//! own page numbers, portrait or landscape. `Phụ lục I` centred in bold, the
//! title in bold capitals, the `(Kèm theo …)` line in italics and a short
//! rule, then its content laid out as the body.

use super::plan::*;
use super::{body, rule, widest_line};
use crate::metrics::FontSet;
use crate::model::Appendix;
use crate::style::Margins;
use crate::Document;

pub fn appendix(doc: &Document, fonts: &FontSet, appendix: &Appendix) -> Section {
    let style = &doc.style;
    let page = page(doc, appendix.landscape);
    let width = page.text_width();
    // A text the document issues (template 1.3: a Quy chế) is headed as a
    // document — its type name over its title in sentence case — a Phụ lục
    // by its label over its title in capitals.
    let (attached, label, title) = match appendix.issued {
        Some(_) => (
            doc.issued_with_line(),
            Paragraph::text(&appendix.label, style.kind_name, Align::Center),
            Paragraph::text(&appendix.title, style.summary, Align::Center),
        ),
        None => (
            doc.attached_to_line(),
            Paragraph::text(&appendix.label, style.appendix_label, Align::Center),
            Paragraph::text(
                &appendix.title.to_uppercase(),
                style.appendix_title,
                Align::Center,
            ),
        ),
    };
    let widest = widest_line(fonts, &attached, style.appendix_reference, width);
    let mut blocks = vec![
        label.keep_with_next(),
        title.keep_with_next(),
        Paragraph::text(&attached, style.appendix_reference, Align::Center).keep_with_next(),
    ];
    let mut rule = rule(style, width, widest * style.short_rule_ratio)
        .spacing(Spacing::single(0.0, style.space_after_title));
    rule.keep.with_next = true;
    blocks.push(rule);
    let mut blocks: Vec<Block> = blocks.into_iter().map(Block::Paragraph).collect();
    // The body is laid out in the section's text width.
    let mut section_style = style.clone();
    section_style.page_width = page.width;
    section_style.page_height = page.height;
    section_style.margins = page.margins;
    blocks.extend(body::body(&section_style, fonts, &appendix.body).blocks);
    Section {
        page,
        blocks,
        floats: Vec::new(),
        page_number: style.page_number,
    }
}

/// The document's page, turned for a landscape appendix: the binding
/// margin (left in portrait) goes to the top edge, where a landscape page is
/// bound, and the others turn with it.
fn page(doc: &Document, landscape: bool) -> Page {
    let style = &doc.style;
    let m = style.margins;
    let (width, height, margins) = if landscape {
        let turned = Margins {
            top: m.left,
            bottom: m.right,
            left: m.top,
            right: m.bottom,
        };
        (style.page_height, style.page_width, turned)
    } else {
        (style.page_width, style.page_height, m)
    };
    Page {
        width,
        height,
        landscape,
        margins,
        header_distance: style.header_distance,
    }
}
