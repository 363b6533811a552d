//! Text measurement from a font's advance widths. The PDF backend lays out
//! lines with it and the DOCX backend sizes its drawn rules with it, so both
//! agree with what Word and LibreOffice measure in Times New Roman.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::style::TextStyle;
use vanban_i18n::{msg, Message};

/// Liberation Serif 2 (SIL OFL 1.1): the advance widths of Times New Roman and
/// every Vietnamese letter. Licence: `fonts/OFL.txt`.
const LIBERATION_SERIF: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];

/// The licence text to ship beside the embedded fonts.
pub const FONT_LICENSE: &str = include_str!("../fonts/OFL.txt");

/// One of the four faces of a family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaceStyle {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl FaceStyle {
    pub const ALL: [FaceStyle; 4] = [
        FaceStyle::Regular,
        FaceStyle::Bold,
        FaceStyle::Italic,
        FaceStyle::BoldItalic,
    ];

    pub fn of(bold: bool, italic: bool) -> FaceStyle {
        match (bold, italic) {
            (false, false) => FaceStyle::Regular,
            (true, false) => FaceStyle::Bold,
            (false, true) => FaceStyle::Italic,
            (true, true) => FaceStyle::BoldItalic,
        }
    }
}

/// Advance widths by character: a table per 256 characters of the Basic
/// Multilingual Plane, a map beyond it. Every character of every text is
/// looked up here (measuring, glyph coverage), so the common case is two
/// array reads, not a hash.
#[derive(Debug, Default)]
struct Advances {
    /// Advance + 1 (0: no glyph), for `c < U+10000`, by `c >> 8`.
    pages: Vec<Option<Box<[u32; 256]>>>,
    astral: HashMap<char, u16>,
}

impl Advances {
    fn insert(&mut self, c: char, advance: u16) {
        let code = c as usize;
        if code >= 0x10000 {
            self.astral.insert(c, advance);
            return;
        }
        if self.pages.len() <= code >> 8 {
            self.pages.resize(code / 256 + 1, None);
        }
        let page = self.pages[code >> 8].get_or_insert_with(|| Box::new([0; 256]));
        page[code & 0xff] = advance as u32 + 1;
    }

    fn get(&self, c: char) -> Option<u16> {
        let code = c as usize;
        if code >= 0x10000 {
            return self.astral.get(&c).copied();
        }
        let stored = self.pages.get(code >> 8)?.as_ref()?[code & 0xff];
        stored.checked_sub(1).map(|a| a as u16)
    }

    fn is_empty(&self) -> bool {
        self.astral.is_empty() && self.pages.iter().all(Option::is_none)
    }
}

/// Pixels per point of the device lines are fitted on. LibreOffice breaks
/// a DOCX's lines on a reference device of 8640 dpi (120 pixels a point),
/// each glyph's advance rounded to a whole pixel there; a line fits when
/// those pixels fit its width in twips (6 pixels each). Measured, not
/// assumed: on random lines of Vietnamese words its breaks fall exactly
/// where this rounding puts them and not where exact advances do (a line
/// of 78 characters measures 0.06 pt wider).
pub const LAYOUT_PIXELS_PER_POINT: f32 = 120.0;

/// A parsed font face: its bytes, advance widths and vertical metrics.
#[derive(Debug)]
pub struct Font {
    data: Arc<[u8]>,
    advances: Advances,
    missing_advance: u16,
    pub units_per_em: u16,
    pub ascender: i16,
    pub descender: i16,
    pub line_gap: i16,
    pub cap_height: i16,
    pub postscript_name: String,
    pub weight: u16,
    pub italic_angle: f32,
    pub bbox: [i16; 4],
}

impl Font {
    /// Parses a TrueType/OpenType font; the error names what is wrong.
    pub fn parse(data: impl Into<Arc<[u8]>>) -> Result<Font, Message> {
        let data = data.into();
        let face = ttf_parser::Face::parse(&data, 0)
            .map_err(|e| msg!("font-unusable", reason = e.to_string()))?;
        let mut advances = Advances::default();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                subtable.codepoints(|cp| {
                    let (Some(c), Some(glyph)) = (char::from_u32(cp), subtable.glyph_index(cp))
                    else {
                        return;
                    };
                    if let Some(advance) = face.glyph_hor_advance(glyph) {
                        advances.insert(c, advance);
                    }
                });
            }
        }
        if advances.is_empty() {
            return Err(msg!("font-no-unicode"));
        }
        let name = |id| {
            face.names()
                .into_iter()
                .find(|n| n.name_id == id && n.is_unicode())
                .and_then(|n| n.to_string())
        };
        let postscript_name = name(ttf_parser::name_id::POST_SCRIPT_NAME)
            .unwrap_or_else(|| "UnnamedFont".to_string());
        let rect = face.global_bounding_box();
        Ok(Font {
            missing_advance: face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0),
            units_per_em: face.units_per_em(),
            ascender: face.ascender(),
            descender: face.descender(),
            line_gap: face.line_gap(),
            cap_height: face.capital_height().unwrap_or(face.ascender()),
            weight: face.weight().to_number(),
            italic_angle: face.italic_angle(),
            bbox: [rect.x_min, rect.y_min, rect.x_max, rect.y_max],
            postscript_name,
            advances,
            data,
        })
    }

    /// The font file's bytes, for embedding.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// Whether the font has a glyph for `c`.
    pub fn has_char(&self, c: char) -> bool {
        self.advances.get(c).is_some()
    }

    /// Advance width of `text` at `size` pt, in points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| self.advances.get(c).unwrap_or(self.missing_advance) as u32)
            .sum();
        units as f32 * size / self.units_per_em as f32
    }

    /// The advance width of `text` at `size` pt both ways: in points (where
    /// glyphs are drawn) and in layout pixels (whether a line fits, see
    /// [`LAYOUT_PIXELS_PER_POINT`]). One pass for the line breaker.
    pub fn measure(&self, text: &str, size: f32) -> (f32, i64) {
        let em = (size * LAYOUT_PIXELS_PER_POINT).round() as i64;
        let upem = self.units_per_em as i64;
        let (mut units, mut pixels) = (0u32, 0i64);
        for c in text.chars() {
            let advance = self.advances.get(c).unwrap_or(self.missing_advance);
            units += advance as u32;
            // Rounded half up, glyph by glyph, as the reference device does.
            pixels += (2 * advance as i64 * em + upem) / (2 * upem);
        }
        (units as f32 * size / self.units_per_em as f32, pixels)
    }

    /// LibreOffice's italic correction, in layout pixels: a line whose last
    /// text is italic needs this much more room, as does each non-breaking
    /// hyphen in italic text (the text before it ends a portion). A
    /// twelfth of the text height (ascent and descent, each rounded to a
    /// pixel); measured with `scripts/probe-line-fit.py`-style probes: 155
    /// pixels at 14 pt, within 4 pixels at 12 and 13 pt.
    pub fn italic_correction(&self, size: f32) -> i64 {
        let em = (size * LAYOUT_PIXELS_PER_POINT).round() as i64;
        let upem = self.units_per_em as i64;
        let pixels = |units: i64| (2 * units.abs() * em + upem) / (2 * upem);
        (pixels(self.ascender as i64) + pixels(self.descender as i64)) / 12
    }

    /// Single line height at `size` pt (ascender + descender + line gap), as
    /// word processors space "single" lines.
    pub fn line_height(&self, size: f32) -> f32 {
        let units = self.ascender as i32 - self.descender as i32 + self.line_gap as i32;
        units as f32 * size / self.units_per_em as f32
    }

    /// Ascent at `size` pt, in points.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascender as f32 * size / self.units_per_em as f32
    }
}

/// The four faces of one family.
#[derive(Debug)]
pub struct FontSet {
    faces: [Font; 4],
    /// Bit per character of the Basic Multilingual Plane: every face has it.
    common: OnceLock<Box<[u64]>>,
}

impl FontSet {
    /// The built-in Liberation Serif, parsed once per process.
    pub fn liberation_serif() -> &'static FontSet {
        static FONTS: OnceLock<FontSet> = OnceLock::new();
        FONTS.get_or_init(|| {
            let faces = LIBERATION_SERIF.map(|data| {
                Font::parse(data).expect("the embedded Liberation Serif is a valid font")
            });
            FontSet::new(faces)
        })
    }

    /// Builds a set from four font files' bytes: regular, bold, italic, bold italic.
    pub fn from_data(data: [Vec<u8>; 4]) -> Result<FontSet, Message> {
        let mut faces = Vec::with_capacity(4);
        for (bytes, style) in data.into_iter().zip(FaceStyle::ALL) {
            let face = match style {
                FaceStyle::Regular => msg!("font-face-regular"),
                FaceStyle::Bold => msg!("font-face-bold"),
                FaceStyle::Italic => msg!("font-face-italic"),
                FaceStyle::BoldItalic => msg!("font-face-bold-italic"),
            };
            faces.push(Font::parse(bytes).map_err(|e| msg!("font-face", face = face, why = e))?);
        }
        let faces: [Font; 4] = faces.try_into().expect("four faces");
        Ok(FontSet::new(faces))
    }

    fn new(faces: [Font; 4]) -> FontSet {
        FontSet {
            faces,
            common: OnceLock::new(),
        }
    }

    pub fn face(&self, style: FaceStyle) -> &Font {
        &self.faces[style as usize]
    }

    /// Whether every face has a glyph for `c`. Glyph coverage asks this of
    /// every character of a document: a bitmap made once per set answers.
    pub fn all_have(&self, c: char) -> bool {
        let code = c as usize;
        if code >= 0x10000 {
            return self.faces.iter().all(|f| f.has_char(c));
        }
        let bits = self.common.get_or_init(|| {
            let mut bits = vec![0u64; 0x10000 / 64].into_boxed_slice();
            let pages = &self.faces[0].advances.pages;
            for page in (0..pages.len()).filter(|&p| pages[p].is_some()) {
                for code in page * 256..(page + 1) * 256 {
                    let all = char::from_u32(code as u32)
                        .is_some_and(|c| self.faces.iter().all(|f| f.has_char(c)));
                    if all {
                        bits[code / 64] |= 1 << (code % 64);
                    }
                }
            }
            bits
        });
        bits[code / 64] & (1 << (code % 64)) != 0
    }

    /// The face a text style uses.
    pub fn face_for(&self, style: TextStyle) -> &Font {
        self.face(FaceStyle::of(style.bold, style.italic))
    }

    /// Advance width of `text` set in `style`, in points.
    pub fn width(&self, text: &str, style: TextStyle) -> f32 {
        self.face_for(style).width(text, style.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_have_agrees_with_every_face() {
        let fonts = FontSet::liberation_serif();
        for c in "Độc lập ỹ Ữ €–“”".chars() {
            assert!(fonts.all_have(c), "{c}");
        }
        for c in ['王', '😀', '\u{e000}'] {
            let each = FaceStyle::ALL.iter().all(|&f| fonts.face(f).has_char(c));
            assert_eq!(fonts.all_have(c), each, "{c}");
            assert!(!fonts.all_have(c), "{c}");
        }
    }

    fn style(size: f32, bold: bool) -> TextStyle {
        TextStyle {
            size,
            bold,
            italic: false,
        }
    }

    #[test]
    fn has_every_vietnamese_letter_in_all_faces() {
        let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵỲỶỸÝỴ";
        for face in FaceStyle::ALL {
            let font = FontSet::liberation_serif().face(face);
            for c in letters.chars() {
                assert!(font.has_char(c), "{face:?} lacks {c}");
            }
        }
    }

    #[test]
    fn widths_match_the_spec_measurements() {
        let fonts = FontSet::liberation_serif();
        let mm = |pt: f32| crate::style::pt_to_mm(pt);
        // Spec §2.1: tiêu ngữ is 60.4 mm at 14 pt bold, 56.1 mm at 13 pt bold;
        // quốc hiệu about 95 mm at 13 pt bold, 87.7 mm at 12 pt (we get 95.7, 88.3).
        let motto = "Độc lập - Tự do - Hạnh phúc";
        assert!((mm(fonts.width(motto, style(14.0, true))) - 60.4).abs() < 0.3);
        assert!((mm(fonts.width(motto, style(13.0, true))) - 56.1).abs() < 0.3);
        let title = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert!((mm(fonts.width(title, style(13.0, true))) - 95.0).abs() < 1.0);
        assert!((mm(fonts.width(title, style(12.0, true))) - 87.7).abs() < 1.0);
    }

    #[test]
    fn single_line_is_about_1_15_em() {
        let font = FontSet::liberation_serif().face(FaceStyle::Regular);
        assert!((font.line_height(14.0) - 16.1).abs() < 0.05);
        assert!((font.line_height(13.0) - 14.95).abs() < 0.05);
    }

    #[test]
    fn a_non_font_is_refused() {
        assert!(Font::parse(b"not a font".to_vec()).is_err());
    }
}
