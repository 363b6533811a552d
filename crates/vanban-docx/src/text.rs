//! Runs in a style-sheet text style, in the decree's font.

use docx_rs::{Run, RunFonts};
use vanban::compose::symbols::glue;
use vanban::style::TextStyle;

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
        // A symbol's hyphens do not break (`w:noBreakHyphen`, written by
        // the package step from U+2011).
        run = run.add_text(glue(line));
    }
    run
}
