//! Runs and paragraphs set in a style-sheet text style, in the decree's font.

use docx_rs::{AlignmentType, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts};
use vanban::model::Span;
use vanban::style::{mm_to_twips, TextStyle};

/// Half-points, the unit of `w:sz`.
pub fn half_points(size: f32) -> usize {
    (size * 2.0).round() as usize
}

pub fn fonts(family: &str) -> RunFonts {
    RunFonts::new()
        .ascii(family)
        .hi_ansi(family)
        .cs(family)
        .east_asia(family)
}

/// A run of `text` in `style`; `\n` becomes a line break.
pub fn run(text: &str, style: TextStyle, family: &str) -> Run {
    let mut run = Run::new()
        .fonts(fonts(family))
        .size(half_points(style.size));
    if style.bold {
        run = run.bold();
    }
    if style.italic {
        run = run.italic();
    }
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }
    run
}

/// Runs for spans: the level's style, with the spans' own emphasis added.
pub fn span_runs(spans: &[Span], style: TextStyle, family: &str) -> Vec<Run> {
    spans
        .iter()
        .map(|span| run(&span.text, span.style_over(style), family))
        .collect()
}

/// An empty paragraph whose mark (and so its line height) is in `style`.
pub fn paragraph(style: TextStyle, family: &str, align: AlignmentType) -> Paragraph {
    let mut p = Paragraph::new()
        .align(align)
        .fonts(fonts(family))
        .size(half_points(style.size));
    if style.bold {
        p = p.bold();
    }
    if style.italic {
        p = p.italic();
    }
    p.line_spacing(single_spacing(0.0, 0.0))
}

/// A paragraph holding one line of text.
pub fn line(text: &str, style: TextStyle, family: &str, align: AlignmentType) -> Paragraph {
    paragraph(style, family, align).add_run(run(text, style, family))
}

/// Single line spacing with space before and after in points.
pub fn single_spacing(before: f32, after: f32) -> LineSpacing {
    spacing(1.0, before, after)
}

/// Line spacing as a multiple of single, with space before and after in points.
pub fn spacing(multiple: f32, before: f32, after: f32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line((240.0 * multiple).round() as i32)
        .before((before * 20.0).round() as u32)
        .after((after * 20.0).round() as u32)
}

/// Left and right indents (mm) that leave a centred band `width` mm wide in a
/// space `available` mm wide.
pub fn centred_band(available: f32, width: f32) -> (i32, i32) {
    let side = mm_to_twips(((available - width) / 2.0).max(0.0));
    (side, side)
}
