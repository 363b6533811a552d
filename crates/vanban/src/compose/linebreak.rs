//! Line breaking as word processors do it: greedy at spaces and after
//! hyphens inside words, a word longer than the line broken where it must be, justified lines spread their slack
//! over their spaces, the last line (and a line ended by `\n`) flush left.

use crate::metrics::{FaceStyle, FontSet, LAYOUT_PIXELS_PER_POINT};
use crate::style::TextStyle;

/// Text in one face and size starting at `x` (pt from the page's left edge).
/// `word_spacing` is added after every space: CID fonts ignore `Tw`, so the
/// writer turns it into TJ offsets.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    pub face: FaceStyle,
    pub size: f32,
    pub x: f32,
    pub text: String,
    pub word_spacing: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// One set line: its runs, the height it takes and its baseline from its top.
#[derive(Clone, Debug, Default)]
pub struct Line {
    pub runs: Vec<Run>,
    pub height: f32,
    pub ascent: f32,
}

impl Line {
    /// The drawn width of the line, from its first run's start to its end.
    pub fn width(&self, fonts: &FontSet) -> f32 {
        let (Some(first), Some(last)) = (self.runs.first(), self.runs.last()) else {
            return 0.0;
        };
        let font = fonts.face(last.face);
        let spaces = last.text.matches(' ').count() as f32;
        last.x + font.width(&last.text, last.size) + spaces * last.word_spacing - first.x
    }
}

/// Where a paragraph goes: left edge and width (pt), first-line indent.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub x: f32,
    pub width: f32,
    pub indent: f32,
    pub align: Align,
    /// Multiple of single line height.
    pub spacing: f32,
}

#[derive(Clone, Debug)]
struct Piece {
    style: TextStyle,
    text: String,
    width: f32,
    /// Width in layout pixels: what decides whether a line fits.
    fit: i64,
}

/// A word: pieces of one or more spans with nothing between them.
#[derive(Clone, Debug, Default)]
struct Word {
    pieces: Vec<Piece>,
    width: f32,
    fit: i64,
    /// The room it needs besides when it ends a line: LibreOffice's italic
    /// correction when its last piece is italic.
    fit_at_end: i64,
    /// The space before it (style of the span it was in), if any.
    space: Option<Space>,
    /// Forced line break before it.
    break_before: bool,
}

/// A space between words: its style, width in points and in layout pixels.
type Space = (TextStyle, f32, i64);

impl Word {
    /// Only no-break spaces: a blank slot, which prints nothing.
    fn is_blank(&self) -> bool {
        self.pieces
            .iter()
            .all(|p| p.text.chars().all(|c| c == '\u{a0}'))
    }
}

/// Sets styled text (`(text, style)` runs; `\n` breaks a line) in `frame`.
/// `base` decides the height of an empty paragraph.
pub fn set(
    fonts: &FontSet,
    spans: &[(String, TextStyle)],
    base: TextStyle,
    frame: Frame,
) -> Vec<Line> {
    let words = words(fonts, spans);
    let mut lines: Vec<(Vec<Word>, bool)> = Vec::new(); // (words, ended by \n)
    let mut current: Vec<Word> = Vec::new();
    let mut fit = 0;
    let avail = |first: bool| (frame.width - if first { frame.indent } else { 0.0 }).max(1.0);
    // The room in layout pixels: the frame is on the DOCX's twip grid.
    let room_pixels = |first: bool| (avail(first) * LAYOUT_PIXELS_PER_POINT).round() as i64;
    for mut word in words {
        if word.break_before {
            lines.push((std::mem::take(&mut current), true));
            fit = 0;
            word.space = None;
        }
        loop {
            let room = room_pixels(lines.is_empty());
            let space = if current.is_empty() {
                0
            } else {
                word.space.map_or(0, |s| s.2)
            };
            if fit + space + word.fit + word.fit_at_end <= room {
                fit += space + word.fit;
                current.push(word);
                break;
            }
            if !current.is_empty() {
                lines.push((std::mem::take(&mut current), false));
                fit = 0;
                continue;
            }
            // Alone and still too long: break the word itself.
            let (full, rest) = split_word(fonts, word, avail(lines.is_empty()), avail(false));
            if full.is_empty() {
                lines.push((vec![rest], false));
                break;
            }
            lines.extend(full.into_iter().map(|w| (vec![w], false)));
            word = rest;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push((current, true));
    } else if let Some(last) = lines.last_mut() {
        last.1 = true;
    }
    let height = |s: TextStyle| fonts.face_for(s).line_height(s.size) * frame.spacing;
    let ascent = |s: TextStyle| fonts.face_for(s).ascent(s.size);
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, (words, hard_end))| {
            let first = i == 0;
            let room = avail(first);
            let start = frame.x + if first { frame.indent } else { 0.0 };
            // Blank space at the end of a line (a blank year slot) is not
            // counted when centring, as word processors do with trailing spaces.
            let trailing_blank = words
                .iter()
                .rposition(|w| !w.is_blank())
                .map_or(0, |last| last + 1);
            let natural: f32 = words[..trailing_blank]
                .iter()
                .enumerate()
                .map(|(j, w)| {
                    w.width
                        + if j > 0 {
                            w.space.map_or(0.0, |s| s.1)
                        } else {
                            0.0
                        }
                })
                .sum();
            let gaps = words.iter().skip(1).filter(|w| w.space.is_some()).count();
            let slack = (room - natural).max(0.0);
            let (offset, spread) = match frame.align {
                Align::Justify if !hard_end && i + 1 < count && gaps > 0 => {
                    (0.0, slack / gaps as f32)
                }
                Align::Center => (slack / 2.0, 0.0),
                Align::Right => (slack, 0.0),
                _ => (0.0, 0.0),
            };
            let styles = words.iter().flat_map(|w| w.pieces.iter().map(|p| p.style));
            let (mut h, mut a) = (height(base), ascent(base));
            if !words.is_empty() {
                (h, a) = (0.0, 0.0);
                for s in styles {
                    h = f32::max(h, height(s));
                    a = f32::max(a, ascent(s));
                }
            }
            Line {
                runs: runs(words, start + offset, spread),
                height: h,
                ascent: a,
            }
        })
        .collect()
}

/// Runs of one line: neighbouring pieces in the same face and size merge,
/// keeping their spaces so text extraction sees words.
fn runs(words: Vec<Word>, mut x: f32, spread: f32) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for (j, word) in words.into_iter().enumerate() {
        for (k, piece) in word.pieces.into_iter().enumerate() {
            let face = FaceStyle::of(piece.style.bold, piece.style.italic);
            let same = runs
                .last()
                .is_some_and(|r| r.face == face && r.size == piece.style.size);
            let space = if k == 0 && j > 0 { word.space } else { None };
            match space {
                Some((space_style, space_width, _)) if same && space_style == piece.style => {
                    let run = runs.last_mut().expect("same implies a run");
                    run.text.push(' ');
                    run.text.push_str(&piece.text);
                    x += space_width + spread;
                }
                Some((_, space_width, _)) => {
                    x += space_width + spread;
                    runs.push(Run {
                        face,
                        size: piece.style.size,
                        x,
                        text: piece.text,
                        word_spacing: spread,
                    });
                }
                // Inside a word, or a word glued to the one before (after a hyphen).
                None if same && (k > 0 || j > 0) => {
                    runs.last_mut().expect("same").text.push_str(&piece.text)
                }
                None => runs.push(Run {
                    face,
                    size: piece.style.size,
                    x,
                    text: piece.text,
                    word_spacing: spread,
                }),
            }
            x += piece.width;
        }
    }
    runs
}

fn words(fonts: &FontSet, spans: &[(String, TextStyle)]) -> Vec<Word> {
    let mut words = Words::default();
    for (text, style) in spans {
        // The model is NFC already; a Document built in code may not be, and
        // decomposed marks would print as separate glyphs.
        let composed;
        let text = if text.chars().any(|c| ('\u{300}'..='\u{36f}').contains(&c)) {
            composed = crate::vn::nfc(text);
            &composed
        } else {
            text
        };
        let font = fonts.face_for(*style);
        let mut piece = String::new();
        let glued = super::symbols::glued_hyphens(text);
        let mut chars = text.chars().peekable();
        let mut at = 0;
        while let Some(c) = chars.next() {
            let here = at;
            at += 1;
            match c {
                // A symbol's hyphen in the DOCX's form prints as a hyphen;
                // in italics LibreOffice gives it an italic correction.
                super::symbols::NO_BREAK_HYPHEN => {
                    piece.push('-');
                    if style.italic {
                        words.extra_fit += font.italic_correction(style.size);
                    }
                }
                // A break opportunity after a hyphen inside a word, as Word
                // and LibreOffice have it (`e-` / `office`), but not before a
                // digit (Unicode line breaking: HY × NU), nor at the word
                // start, nor inside a symbol (`310/KH-UBND`, `01-KL/TW`).
                '-' if (!piece.is_empty() || !words.current.pieces.is_empty())
                    && glued.binary_search(&here).is_err()
                    && chars
                        .peek()
                        .is_some_and(|n| n.is_alphabetic() && !n.is_numeric()) =>
                {
                    piece.push(c);
                    words.push_piece(&mut piece, font, *style);
                    // The rest of the word follows with no space before it.
                    words.end_word();
                }
                ' ' | '\t' => {
                    words.push_piece(&mut piece, font, *style);
                    words.end_word();
                    words.space(font, *style);
                }
                '\n' => {
                    words.push_piece(&mut piece, font, *style);
                    words.end_word();
                    words.line_break();
                }
                c if c.is_control() => {}
                c => piece.push(c),
            }
        }
        words.push_piece(&mut piece, font, *style);
    }
    words.end_word();
    words.done
}

/// Words as they are read: the finished ones, the one being read, and what
/// stands before the next (a space, a forced line break).
#[derive(Default)]
struct Words {
    done: Vec<Word>,
    current: Word,
    pending_space: Option<Space>,
    pending_break: bool,
    /// Room the next piece needs besides its glyphs.
    extra_fit: i64,
}

impl Words {
    /// Adds the text read so far in one style to the current word.
    fn push_piece(&mut self, piece: &mut String, font: &crate::metrics::Font, style: TextStyle) {
        if piece.is_empty() {
            return;
        }
        let current = &mut self.current;
        if current.pieces.is_empty() {
            current.space = self.pending_space.take();
            current.break_before = std::mem::take(&mut self.pending_break);
        }
        let (width, fit) = font.measure(piece, style.size);
        current.width += width;
        current.fit += fit + std::mem::take(&mut self.extra_fit);
        current.fit_at_end = match style.italic {
            true => font.italic_correction(style.size),
            false => 0,
        };
        current.pieces.push(Piece {
            style,
            text: std::mem::take(piece),
            width,
            fit,
        });
    }

    fn end_word(&mut self) {
        if !self.current.pieces.is_empty() {
            self.done.push(std::mem::take(&mut self.current));
        }
    }

    /// A space after a word: spaces in a row count once, and none before
    /// the first word.
    fn space(&mut self, font: &crate::metrics::Font, style: TextStyle) {
        if self.pending_space.is_none() && !self.done.is_empty() {
            let (width, fit) = font.measure(" ", style.size);
            self.pending_space = Some((style, width, fit));
        }
    }

    fn line_break(&mut self) {
        self.pending_space = None;
        self.pending_break = true;
    }
}

/// Breaks a word too long for its line into lines: the first fits
/// `first_room`, the others `room` (each at least one character). Returns
/// the full lines and the rest, which fits a line and may share it with the
/// words after it. One pass over the word: a 200,000-character word is
/// broken in linear time, not re-measured line after line.
fn split_word(fonts: &FontSet, word: Word, first_room: f32, room: f32) -> (Vec<Word>, Word) {
    let mut lines = Vec::new();
    let mut line = Word {
        space: word.space,
        break_before: word.break_before,
        ..Word::default()
    };
    let mut fits = first_room;
    let mut buf = [0u8; 4];
    for piece in word.pieces {
        let font = fonts.face_for(piece.style);
        let size = piece.style.size;
        let mut taken = String::new();
        for c in piece.text.chars() {
            let w = font.width(c.encode_utf8(&mut buf), size);
            let empty = line.pieces.is_empty() && taken.is_empty();
            if !empty && line.width + w > fits {
                close_piece(&mut line, std::mem::take(&mut taken), piece.style, font);
                lines.push(std::mem::take(&mut line));
                fits = room;
            }
            taken.push(c);
            line.width += w;
        }
        close_piece(&mut line, taken, piece.style, font);
    }
    (lines, line)
}

/// Ends the piece `text` of a line being split: measured as a whole, as
/// every other piece is.
fn close_piece(line: &mut Word, text: String, style: TextStyle, font: &crate::metrics::Font) {
    if text.is_empty() {
        return;
    }
    let (width, fit) = font.measure(&text, style.size);
    line.pieces.push(Piece {
        style,
        width,
        fit,
        text,
    });
    line.width = line.pieces.iter().map(|p| p.width).sum();
    line.fit = line.pieces.iter().map(|p| p.fit).sum();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> TextStyle {
        TextStyle {
            size: 14.0,
            bold: false,
            italic: false,
        }
    }

    fn frame(align: Align) -> Frame {
        Frame {
            x: 85.0,
            width: 467.7,
            indent: 28.35,
            align,
            spacing: 1.0,
        }
    }

    const TEXT: &str = "Tuyên truyền sâu rộng để công chức, viên chức, người lao động thuộc Văn phòng nhận thức sâu sắc về tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh; chủ trương, đường lối của Đảng.";

    fn end(fonts: &FontSet, line: &Line) -> f32 {
        let run = line.runs.last().unwrap();
        let spaces = run.text.matches(' ').count() as f32;
        run.x + fonts.face(run.face).width(&run.text, run.size) + spaces * run.word_spacing
    }

    #[test]
    fn justified_lines_reach_the_right_edge_and_the_last_is_flush_left() {
        let fonts = FontSet::liberation_serif();
        let lines = set(
            fonts,
            &[(TEXT.into(), body())],
            body(),
            frame(Align::Justify),
        );
        assert!(lines.len() >= 3);
        let right = 85.0 + 467.7;
        for line in &lines[..lines.len() - 1] {
            assert!(
                (end(fonts, line) - right).abs() < 0.01,
                "{}",
                end(fonts, line)
            );
        }
        let last = lines.last().unwrap();
        assert_eq!(last.runs[0].word_spacing, 0.0);
        assert!(end(fonts, last) < right);
        assert!(
            (lines[0].runs[0].x - (85.0 + 28.35)).abs() < 1e-3,
            "first-line indent"
        );
        assert!((lines[1].runs[0].x - 85.0).abs() < 1e-3);
    }

    /// LibreOffice's break, measured: this line's exact advances (439.359
    /// pt) fit the 8788 twips (439.4 pt) a body line has after its 1 cm
    /// indent, but its glyphs rounded to 8640-dpi pixels (8788.5 twips) do
    /// not, and LibreOffice sends "độ" on. A line of `n`s (840 pixels each,
    /// nothing to round) fits a frame exactly its width.
    #[test]
    fn a_line_fits_when_its_rounded_glyphs_fit_as_libreoffice_measures() {
        let fonts = FontSet::liberation_serif();
        let text = "Căn cứ nhiệm vụ được giao tại Phụ lục, chủ động triển khai và báo cáo tiến độ hằng quý";
        let frame = Frame {
            x: 85.05,
            width: 9355.0 / 20.0,
            indent: 567.0 / 20.0,
            align: Align::Justify,
            spacing: 1.0,
        };
        let first = fonts.width(text.split(" hằng").next().unwrap(), body());
        assert!(
            first < frame.width - frame.indent,
            "exact advances fit: {first}"
        );
        let lines = set(fonts, &[(text.into(), body())], body(), frame);
        assert!(
            texts(&lines)[0].ends_with("báo cáo tiến"),
            "{:?}",
            texts(&lines)
        );

        let ns = "n".repeat(40);
        let exact = |width: f32| Frame {
            x: 0.0,
            width,
            indent: 0.0,
            align: Align::Left,
            spacing: 1.0,
        };
        let text = [(format!("{ns} {ns}"), body())];
        let one = fonts.width(&format!("{ns} {ns}"), body());
        assert_eq!(set(fonts, &text, body(), exact(one)).len(), 1);
        assert_eq!(set(fonts, &text, body(), exact(one - 0.05)).len(), 2);
    }

    /// LibreOffice's italic correction: a line ending in italic text needs
    /// a twelfth of the text height more room (155 pixels at 14 pt); the
    /// same words upright fit a frame exactly their width.
    #[test]
    fn a_line_ending_in_italics_needs_its_italic_correction() {
        let fonts = FontSet::liberation_serif();
        let italic = TextStyle {
            italic: true,
            ..body()
        };
        assert_eq!(fonts.face_for(italic).italic_correction(14.0), 155);
        let ns = "n".repeat(40);
        let text = format!("{ns} {ns}");
        let frame = Frame {
            x: 0.0,
            width: fonts.width(&text, italic),
            indent: 0.0,
            align: Align::Left,
            spacing: 1.0,
        };
        assert_eq!(
            set(fonts, &[(text.clone(), body())], body(), frame).len(),
            1
        );
        assert_eq!(
            set(fonts, &[(text.clone(), italic)], italic, frame).len(),
            2
        );
        let roomier = Frame {
            width: frame.width + 155.0 / 120.0,
            ..frame
        };
        assert_eq!(set(fonts, &[(text, italic)], italic, roomier).len(), 1);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken() {
        let fonts = FontSet::liberation_serif();
        let word = "Đ".repeat(80);
        let f = Frame {
            width: 100.0,
            indent: 0.0,
            ..frame(Align::Justify)
        };
        let lines = set(fonts, &[(word.clone(), body())], body(), f);
        assert!(lines.len() > 1);
        let joined: String = lines
            .iter()
            .flat_map(|l| l.runs.iter().map(|r| r.text.clone()))
            .collect();
        assert_eq!(joined, word);
        for line in &lines {
            assert!(end(fonts, line) <= 85.0 + 100.0 + 0.01);
        }
    }

    #[test]
    fn spans_keep_their_faces_and_a_newline_ends_a_line_unjustified() {
        let fonts = FontSet::liberation_serif();
        let bold = TextStyle {
            bold: true,
            ..body()
        };
        let spans = [
            ("đậm ".to_string(), bold),
            ("thường\nsau".to_string(), body()),
        ];
        let lines = set(fonts, &spans, body(), frame(Align::Justify));
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[0].face, FaceStyle::Bold);
        assert_eq!(lines[0].runs[0].word_spacing, 0.0);
        assert!(lines[0].runs[1].x > lines[0].runs[0].x);
    }

    #[test]
    fn a_long_word_of_two_faces_is_broken_into_full_lines_in_order() {
        let fonts = FontSet::liberation_serif();
        let bold = TextStyle {
            bold: true,
            ..body()
        };
        let (a, b) = ("Đ".repeat(500), "ư".repeat(700));
        let spans = [
            ("Mở ".to_string(), body()),
            (a.clone(), bold),
            (b.clone(), body()),
            (" cuối".to_string(), body()),
        ];
        let f = Frame {
            width: 200.0,
            indent: 30.0,
            ..frame(Align::Left)
        };
        let lines = set(fonts, &spans, body(), f);
        let joined: String = texts(&lines).concat();
        assert_eq!(joined, format!("Mở{a}{b} cuối"));
        // Every line but the first two and the last is full: adding its
        // next character would overflow.
        let (first, rest) = (lines[1].runs[0].x, 85.0);
        assert!((first - rest).abs() < 1e-3, "the word starts a new line");
        for (i, line) in lines.iter().enumerate().skip(1) {
            let room = 200.0;
            let right = end(fonts, line);
            assert!(right <= rest + room + 0.01, "line {i} ends at {right}");
            if i + 2 < lines.len() {
                let next = texts(&lines)[i + 1].chars().next().unwrap();
                let face = if next == 'Đ' {
                    FaceStyle::Bold
                } else {
                    FaceStyle::Regular
                };
                let w = fonts.face(face).width(&next.to_string(), 14.0);
                assert!(right + w > rest + room - 0.01, "line {i} is not full");
            }
        }
        // A run changes face where the bold letters end, inside a line.
        assert!(lines
            .iter()
            .any(|l| l.runs.len() == 2 && l.runs[0].face == FaceStyle::Bold));
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.runs.iter().map(|r| r.text.as_str()).collect::<String>())
            .collect()
    }

    #[test]
    fn a_line_may_break_after_a_hyphen_inside_a_word_but_not_before_a_digit_nor_in_a_symbol() {
        let fonts = FontSet::liberation_serif();
        let f = |width: f32| Frame {
            width,
            indent: 0.0,
            ..frame(Align::Left)
        };
        let width = |t: &str| fonts.width(t, body());
        let text = "qua hệ thống e-Cabinet";
        // Room for everything up to the hyphen, not for the whole word.
        let lines = set(
            fonts,
            &[(text.into(), body())],
            body(),
            f(width("qua hệ thống e-") + 1.0),
        );
        assert_eq!(texts(&lines), ["qua hệ thống e-", "Cabinet"]);
        // Unbroken, the two halves are one run: text extraction sees one word.
        let lines = set(fonts, &[(text.into(), body())], body(), f(400.0));
        assert_eq!(lines[0].runs.len(), 1);
        assert_eq!(lines[0].runs[0].text, text);
        // Never inside a số/ký hiệu: the whole symbol goes to the next line.
        for (text, head) in [
            ("theo Kế hoạch số 310/KH-UBND", "theo Kế hoạch số 310/KH-"),
            ("Căn cứ Thông báo số 01-KL/TW", "Căn cứ Thông báo số 01-"),
            ("Nghị định số 30/2020/NĐ-CP", "Nghị định số 30/2020/NĐ-"),
        ] {
            let lines = set(
                fonts,
                &[(text.into(), body())],
                body(),
                f(width(head) + 1.0),
            );
            let (before, symbol) = text.rsplit_once(' ').unwrap();
            assert_eq!(texts(&lines), [before, symbol], "{text}");
        }
        // Not before a digit, not after a hyphen that starts a word.
        for text in ["ngày 07-03-2024", "số -ABC"] {
            let room = width(text) - 2.0;
            let lines = set(fonts, &[(text.into(), body())], body(), f(room));
            assert_eq!(lines.len(), 2, "{text}");
            assert_eq!(texts(&lines)[1], text.rsplit(' ').next().unwrap(), "{text}");
        }
        // Justified: the space before the hyphenated word stretches, the
        // hyphen does not.
        let text = "Triển khai qua hệ thống e-Cabinet của Chính phủ";
        let lines = set(
            fonts,
            &[(text.into(), body())],
            body(),
            Frame {
                width: width("Triển khai qua hệ thống e-") + 1.0,
                indent: 0.0,
                ..frame(Align::Justify)
            },
        );
        assert_eq!(texts(&lines)[0], "Triển khai qua hệ thống e-");
        assert!(texts(&lines)[1].starts_with("Cabinet"));
    }

    #[test]
    fn decomposed_text_is_set_composed() {
        let fonts = FontSet::liberation_serif();
        let decomposed = "Vie\u{302}\u{323}t Nam";
        let lines = set(
            fonts,
            &[(decomposed.into(), body())],
            body(),
            frame(Align::Left),
        );
        assert_eq!(lines[0].runs[0].text, "Việt Nam");
    }

    #[test]
    fn empty_text_gives_one_empty_line_of_the_base_height() {
        let fonts = FontSet::liberation_serif();
        let lines = set(
            fonts,
            &[(String::new(), body())],
            body(),
            frame(Align::Justify),
        );
        assert_eq!(lines.len(), 1);
        assert!(lines[0].runs.is_empty());
        assert!((lines[0].height - 16.1).abs() < 0.1);
    }
}
