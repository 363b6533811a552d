//! The document as a page flow: header, title, Kính gửi, căn cứ, body blocks
//! and the signature block, each set into lines with its keep rules.

use vanban::metrics::FontSet;
use vanban::model::{Block as Body, Level, Span};
use vanban::style::{mm_to_pt, Style, TextStyle};
use vanban::Document;

use crate::flow::{Block, Para};
use crate::layout::{set, Align, Frame};
use crate::stack::{line_block, line_width, single, Stack};

pub fn flow(doc: &Document, fonts: &FontSet) -> Vec<Para> {
    let mut paras = vec![crate::header::header(doc, fonts)];
    paras.extend(title(doc, fonts));
    paras.extend(addressees(doc, fonts));
    let style = &doc.style;
    for basis in &doc.bases {
        paras.push(body_para(
            style,
            fonts,
            style.bases,
            &[Span::plain(basis.clone())],
        ));
    }
    let mut page_break = false;
    for block in &doc.body {
        let mut para = match block {
            Body::Heading(h) if h.level == Level::Part => part(style, fonts, h),
            Body::Heading(h) => {
                let (text_style, keep) = match h.level {
                    Level::Part => (style.part_heading, true),
                    Level::Section => (style.section_heading, true),
                    Level::Clause => (style.clause_heading, true),
                    // A điểm is body text, not a title.
                    Level::Point => (style.point, false),
                };
                let mut p = body_para(style, fonts, text_style, &h.spans());
                p.keep_next = keep;
                p
            }
            Body::Paragraph(p) => body_para(style, fonts, style.body, &p.spans()),
            Body::Table(t) => crate::table::table(style, fonts, t),
            Body::PageBreak => {
                page_break = true;
                continue;
            }
        };
        para.page_break_before = std::mem::take(&mut page_break);
        para.body = true;
        paras.push(para);
    }
    let mut signature = crate::signature::signature(doc, fonts);
    signature.page_break_before = page_break;
    paras.push(signature);
    paras
}

/// A part (Phần): label and title centred on lines of their own, kept
/// together and with what follows (as the DOCX's two paragraphs).
fn part(style: &Style, fonts: &FontSet, heading: &vanban::model::Heading) -> Para {
    let x = mm_to_pt(style.margins.left);
    let width = mm_to_pt(style.text_width());
    let title = vanban::model::plain_text(&heading.content);
    let mut stack = Stack::default();
    stack.text(
        fonts,
        &heading.label,
        style.part_heading,
        x,
        width,
        Align::Center,
    );
    stack.text(fonts, &title, style.part_heading, x, width, Align::Center);
    Para {
        blocks: vec![Block {
            height: stack.y,
            marks: stack.marks,
        }],
        space_before: style.paragraph_spacing,
        keep_next: true,
        unbreakable: true,
        ..Para::default()
    }
}

/// Ô 5a: type name, summary and the rule under it, kept with what follows.
fn title(doc: &Document, fonts: &FontSet) -> Option<Para> {
    let heading = doc.kind_heading()?;
    let style = &doc.style;
    let x = mm_to_pt(style.margins.left);
    let width = mm_to_pt(style.text_width());
    let mut stack = Stack::default();
    stack.text(fonts, &heading, style.kind_name, x, width, Align::Center);
    let lines = single(fonts, &doc.summary, style.summary, x, width, Align::Center);
    let widest = lines
        .iter()
        .map(|l| line_width(fonts, l))
        .fold(0.0, f32::max);
    stack.lines(lines, false);
    // The space after the summary rule is the block's own, below.
    stack.rule(
        fonts,
        style,
        (x, width),
        widest * style.short_rule_ratio,
        0.0,
    );
    Some(Para {
        blocks: vec![Block {
            height: stack.y + style.space_after_title,
            marks: stack.marks,
        }],
        space_before: style.space_after_header,
        keep_next: true,
        unbreakable: true,
        ..Para::default()
    })
}

/// Ô 9a: "Kính gửi:" indented, the dashes lined up under its colon.
fn addressees(doc: &Document, fonts: &FontSet) -> Vec<Para> {
    let style = &doc.style;
    let label = fonts.width("Kính gửi: ", style.addressees);
    let left = mm_to_pt(style.margins.left + style.addressee_indent);
    let width = mm_to_pt(style.text_width() - style.addressee_indent);
    doc.addressee_lines()
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let shift = if i == 0 { 0.0 } else { label };
            let lines = single(
                fonts,
                text,
                style.addressees,
                left + shift,
                width - shift,
                Align::Left,
            );
            Para {
                blocks: lines.into_iter().map(|l| line_block(l, false)).collect(),
                space_before: if i == 0 { style.paragraph_spacing } else { 0.0 },
                keep_next: true,
                widow_control: true,
                ..Para::default()
            }
        })
        .collect()
}

/// A justified paragraph with the first-line indent; spans add emphasis to
/// the level's style.
pub fn body_para(style: &Style, fonts: &FontSet, base: TextStyle, spans: &[Span]) -> Para {
    let runs: Vec<(String, TextStyle)> = spans
        .iter()
        .map(|s| (s.text.clone(), s.style_over(base)))
        .collect();
    let frame = Frame {
        x: mm_to_pt(style.margins.left),
        width: mm_to_pt(style.text_width()),
        indent: mm_to_pt(style.first_line_indent),
        align: Align::Justify,
        spacing: style.line_spacing,
    };
    let lines = set(fonts, &runs, base, frame);
    Para {
        blocks: lines.into_iter().map(|l| line_block(l, false)).collect(),
        space_before: style.paragraph_spacing,
        widow_control: true,
        ..Para::default()
    }
}
