//! Ô 5a, 9a and the căn cứ: the type name and summary with the rule under
//! them, Kính gửi, and the legal bases.

use super::plan::*;
use super::{body::body_paragraph, rule, widest_line};
use crate::metrics::FontSet;
use crate::model::Span;
use crate::style::pt_to_mm;
use crate::Document;

/// Type name, summary and the rule under it (ô 5a), kept together and with
/// what follows. A công văn has none: its "V/v" line is in the header.
pub fn title(doc: &Document, fonts: &FontSet) -> Vec<Block> {
    let style = &doc.style;
    let Some(heading) = doc.kind_heading() else {
        return Vec::new();
    };
    let width = style.text_width();
    // Without a summary (Giấy giới thiệu, 1.8) the rule goes under the
    // type name and is measured on it.
    let widest = match doc.summary.is_empty() {
        true => widest_line(fonts, &heading, style.kind_name, width),
        false => widest_line(fonts, &doc.summary, style.summary, width),
    };
    let mut rule = rule(style, width, widest * style.short_rule_ratio)
        .spacing(Spacing::single(0.0, style.space_after_title));
    rule.keep.with_next = true;
    let mut title = vec![Paragraph::text(&heading, style.kind_name, Align::Center)
        .spacing(Spacing::single(style.space_after_header, 0.0))
        .keep_with_next()];
    if !doc.summary.is_empty() {
        title.push(Paragraph::text(&doc.summary, style.summary, Align::Center).keep_with_next());
    }
    title.push(rule);
    // A Quyết định / Nghị quyết names who enacts it under the rule
    // (templates 1.1–1.3): bold capitals, centred.
    if let Some(authority) = &doc.authority_line {
        let mut line = Paragraph::text(
            &authority.to_uppercase(),
            style.authority_line,
            Align::Center,
        )
        .keep_with_next();
        if let Some(word) = doc.kind.sender_word() {
            // A Công điện's sender: `THỦ TƯỚNG CHÍNH PHỦ điện:` (1.6).
            line = line.run(&format!(" {word}"), style.authority_line);
        }
        title.push(line);
    }
    title.into_iter().map(Block::Paragraph).collect()
}

/// `QUYẾT ĐỊNH:` / `QUYẾT NGHỊ:` between the căn cứ and the articles.
pub fn enacting_word(doc: &Document) -> Option<Block> {
    let style = &doc.style;
    let word = doc.enacting_word()?;
    Some(Block::Paragraph(
        Paragraph::text(word, style.enacting_word, Align::Center)
            .spacing(Spacing::single(style.enacting_word_space_before, 0.0))
            .keep_with_next(),
    ))
}

/// Kính gửi (ô 9a): the label indented, several addressees on lines of their
/// own with their dashes under the label's end. A name too long for its line
/// goes on under its text, not under the label or the dash (a hanging
/// indent), as printed.
pub fn addressees(doc: &Document, fonts: &FontSet) -> Vec<Block> {
    let style = &doc.style;
    if doc.kind.sender_word().is_some() {
        return cable_addressees(doc);
    }
    let label = pt_to_mm(fonts.width("Kính gửi: ", style.addressees));
    let dash = pt_to_mm(fonts.width("- ", style.addressees));
    let lines = doc.addressee_lines();
    let one = lines.len() == 1;
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let (left, before) = match i {
                0 => (style.addressee_indent, style.paragraph_spacing),
                _ => (style.addressee_indent + label, 0.0),
            };
            // What the text after the label or the dash hangs under.
            let hang = match (i, one) {
                (0, true) => label,
                (0, false) => 0.0,
                _ => dash,
            };
            let mut p = Paragraph::text(text, style.addressees, Align::Left)
                .spacing(Spacing::single(before, 0.0));
            // The label stays with the first addressee and the last with the
            // text; a long list between them breaks where a page is full.
            p.keep.with_next = i == 0 || i == last;
            p.indent.left = left + hang;
            p.indent.first_line = -hang;
            p.keep.widow_control = true;
            Block::Paragraph(p)
        })
        .collect()
}

/// A Công điện's addressees under its sender's line (template 1.6): no
/// `Kính gửi:`, each `- …;` (the last `- ….`) indented as the body.
fn cable_addressees(doc: &Document) -> Vec<Block> {
    let style = &doc.style;
    let last = doc.addressees.len().saturating_sub(1);
    doc.addressees
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let end = if i == last { "." } else { ";" };
            let mut p = body_paragraph(
                style,
                style.addressees,
                &[Span::plain(format!("- {a}{end}"))],
            );
            p.keep.with_next = i == 0 || i == last;
            Block::Paragraph(p)
        })
        .collect()
}

/// Căn cứ: italic, one per paragraph, laid out as the body.
pub fn bases(doc: &Document) -> Vec<Block> {
    let style = &doc.style;
    doc.bases
        .iter()
        .map(|basis| {
            Block::Paragraph(body_paragraph(
                style,
                style.bases,
                &[Span::plain(basis.clone())],
            ))
        })
        .collect()
}
