//! Ô 1–4 (with 5b, 10a, 10b): the header block of page 1, two borderless
//! columns reaching `header_outdent` into the left margin, as the DOCX table.
//! Row 1: parent, issuer, rule | quốc hiệu, tiêu ngữ, rule. Row 2 starts under
//! the taller row-1 cell: "Số:" (V/v, stamps) | place and date.

use vanban::metrics::FontSet;
use vanban::model::Urgency;
use vanban::style::mm_to_pt;
use vanban::Document;

use crate::flow::{Block, Mark, Para};
use crate::layout::Align;
use crate::stack::Stack;

pub fn header(doc: &Document, fonts: &FontSet) -> Para {
    let style = &doc.style;
    let pad = mm_to_pt(style.cell_padding);
    // As in the DOCX, the table sits a cell padding left of the margin, so
    // its text starts at the margin (less any outdent).
    let left_x = mm_to_pt(style.margins.left - style.header_outdent());
    let left_w = mm_to_pt(style.header_left_width) - 2.0 * pad;
    let right_x = left_x + mm_to_pt(style.header_left_width);
    let right_w = mm_to_pt(style.header_right_width) - 2.0 * pad;
    let thickness = style.rule_thickness;

    let mut authority = Stack::default();
    for line in doc.parent_lines() {
        authority.text(fonts, &line, style.parent, left_x, left_w, Align::Center);
    }
    let mut widest: f32 = 0.0;
    for line in doc.issuer_lines() {
        widest =
            widest.max(authority.text(fonts, &line, style.issuer, left_x, left_w, Align::Center));
    }
    authority.rule(
        fonts,
        style,
        (left_x, left_w),
        widest * style.short_rule_ratio,
        0.0,
    );

    let mut national = Stack::default();
    national.text(
        fonts,
        style.national_title_text,
        style.national_title,
        right_x,
        right_w,
        Align::Center,
    );
    let motto = national.text(
        fonts,
        style.motto_text,
        style.motto,
        right_x,
        right_w,
        Align::Center,
    );
    national.rule(fonts, style, (right_x, right_w), motto, 0.0);

    let row2 = authority.y.max(national.y) + style.header_rule_space_after;
    let mut number = Stack {
        y: row2,
        ..Stack::default()
    };
    number.text(
        fonts,
        &doc.number_line(),
        style.number,
        left_x,
        left_w,
        Align::Center,
    );
    if let Some(subject) = doc.subject_line() {
        number.y += style.subject_line_space_before;
        number.text(
            fonts,
            &subject,
            style.subject_line,
            left_x,
            left_w,
            Align::Center,
        );
    }
    // Stamps: boxed bold capitals; urgency in bright red (App. I III.2).
    let box_height = mm_to_pt(Urgency::Khan.box_size().1);
    let stamps = doc
        .secrecy
        .map(|s| {
            (
                s.text(),
                fonts.width(s.text(), style.mark) + 2.0 * pad,
                false,
            )
        })
        .into_iter()
        .chain(
            doc.urgency
                .map(|u| (u.text(), mm_to_pt(u.box_size().0), true)),
        );
    for (text, width, red) in stamps {
        number.y += style.subject_line_space_before;
        let width = width.min(left_w);
        let x = left_x + (left_w - width) / 2.0;
        number.marks.push(Mark::Frame {
            x,
            y: number.y,
            width,
            height: box_height,
            line: thickness,
            red,
        });
        let mut inside = Stack::default();
        inside.text(fonts, text, style.mark, x, width, Align::Center);
        let dy = number.y + (box_height - inside.y).max(0.0) / 2.0;
        number.marks.extend(
            inside
                .marks
                .into_iter()
                .map(|m| recolor(m, red))
                .map(|m| shift(m, dy)),
        );
        number.y += box_height.max(inside.y);
    }

    let mut date = Stack {
        y: row2,
        ..Stack::default()
    };
    date.text(
        fonts,
        &doc.place_date_line(),
        style.place_date,
        right_x,
        right_w,
        Align::Center,
    );

    let height = number.y.max(date.y);
    let mut marks = authority.marks;
    marks.extend(national.marks);
    marks.extend(number.marks);
    marks.extend(date.marks);
    Para {
        blocks: vec![Block { height, marks }],
        unbreakable: true,
        ..Para::default()
    }
}

fn recolor(mark: Mark, to_red: bool) -> Mark {
    match mark {
        Mark::Text { baseline, run, .. } => Mark::Text {
            baseline,
            run,
            red: to_red,
        },
        other => other,
    }
}

fn shift(mark: Mark, dy: f32) -> Mark {
    let block = Block {
        height: 0.0,
        marks: vec![mark],
    };
    block.shifted(dy).pop().expect("one mark")
}
