//! Stacking set lines and rules top to bottom inside a fixed block (the
//! header's cells, the title, the signature columns).

use vanban::metrics::{FaceStyle, FontSet};
use vanban::style::{Style, TextStyle};

use crate::flow::{Block, Mark};
use crate::layout::{set, Align, Frame, Line};

/// Marks stacked downwards from `y` = 0.
#[derive(Default)]
pub struct Stack {
    pub y: f32,
    pub marks: Vec<Mark>,
}

impl Stack {
    /// Adds set lines.
    pub fn lines(&mut self, lines: Vec<Line>, red: bool) {
        for line in lines {
            let block = line_block(line, red);
            self.marks.extend(block.shifted(self.y));
            self.y += block.height;
        }
    }

    /// Sets `text` single-spaced in a column and adds it. Returns the width of
    /// its widest line.
    pub fn text(
        &mut self,
        fonts: &FontSet,
        text: &str,
        style: TextStyle,
        x: f32,
        width: f32,
        align: Align,
    ) -> f32 {
        let lines = single(fonts, text, style, x, width, align);
        let widest = lines
            .iter()
            .map(|l| line_width(fonts, l))
            .fold(0.0, f32::max);
        self.lines(lines, false);
        widest
    }

    /// A rule centred in `[x, x + available]`, just under what is above, where
    /// the DOCX has it: the bottom border of an empty paragraph set at
    /// [`RULE_PARAGRAPH_SIZE`] right under the text line; the border adds its
    /// thickness to that paragraph's height.
    /// A short rule drawn where the DOCX draws it: the bottom border of an
    /// empty `rule_paragraph_size` paragraph, then `space_after` pt.
    pub fn rule(
        &mut self,
        fonts: &FontSet,
        style: &Style,
        (x, available): (f32, f32),
        length: f32,
        space_after: f32,
    ) {
        let thickness = style.rule_thickness;
        let length = length.min(available);
        let paragraph = fonts
            .face(FaceStyle::Regular)
            .line_height(style.rule_paragraph_size);
        self.marks.push(Mark::Rule {
            x: x + (available - length) / 2.0,
            y: self.y + paragraph - thickness / 2.0,
            width: length,
            thickness,
        });
        self.y += paragraph + thickness + space_after;
    }
}

/// Text set single-spaced without indent.
pub fn single(
    fonts: &FontSet,
    text: &str,
    style: TextStyle,
    x: f32,
    width: f32,
    align: Align,
) -> Vec<Line> {
    let frame = Frame {
        x,
        width,
        indent: 0.0,
        align,
        spacing: 1.0,
    };
    set(fonts, &[(text.to_string(), style)], style, frame)
}

/// A line as a pageable block: its runs at its baseline.
pub fn line_block(line: Line, red: bool) -> Block {
    Block {
        height: line.height,
        marks: line
            .runs
            .into_iter()
            .map(|run| Mark::Text {
                baseline: line.ascent,
                run,
                red,
            })
            .collect(),
    }
}

/// The drawn width of a set line, from its first run's start to its end.
pub fn line_width(fonts: &FontSet, line: &Line) -> f32 {
    let (Some(first), Some(last)) = (line.runs.first(), line.runs.last()) else {
        return 0.0;
    };
    let font = fonts.face(last.face);
    let spaces = last.text.matches(' ').count() as f32;
    last.x + font.width(&last.text, last.size) + spaces * last.word_spacing - first.x
}
