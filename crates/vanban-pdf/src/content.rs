//! Page content streams written straight to bytes, for faces embedded at
//! their own glyph ids (`subset`): text as Identity-H glyph ids in hex,
//! rules, table lines and stamp frames. printpdf would build a lopdf
//! operation per text run and write every byte of every glyph string
//! through `core::fmt`: a third of a render. The operators are those
//! `draw::ops` gives printpdf (the path for fonts printpdf subsets itself).

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use vanban::metrics::{FaceStyle, Font, FontSet};

use crate::flow::Mark;

/// Glyph ids by character, from the font's Unicode cmap, made once per face.
pub struct GlyphIds {
    /// `c >> 8` → 256 glyph ids (0: none), for the Basic Multilingual Plane.
    pages: Vec<Option<Box<[u16; 256]>>>,
    astral: HashMap<char, u16>,
}

impl GlyphIds {
    fn of(font: &Font) -> GlyphIds {
        let mut ids = GlyphIds {
            pages: Vec::new(),
            astral: HashMap::new(),
        };
        let Ok(face) = ttf_parser::Face::parse(font.data(), 0) else {
            return ids;
        };
        let Some(cmap) = face.tables().cmap else {
            return ids;
        };
        for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
            subtable.codepoints(|cp| {
                let (Some(c), Some(glyph)) = (char::from_u32(cp), subtable.glyph_index(cp)) else {
                    return;
                };
                let code = cp as usize;
                if code >= 0x10000 {
                    ids.astral.insert(c, glyph.0);
                    return;
                }
                if ids.pages.len() <= code >> 8 {
                    ids.pages.resize(code / 256 + 1, None);
                }
                ids.pages[code >> 8].get_or_insert_with(|| Box::new([0; 256]))[code & 0xff] =
                    glyph.0;
            });
        }
        ids
    }

    fn get(&self, c: char) -> u16 {
        let code = c as usize;
        if code >= 0x10000 {
            return self.astral.get(&c).copied().unwrap_or(0);
        }
        self.pages
            .get(code >> 8)
            .and_then(|p| p.as_ref())
            .map_or(0, |p| p[code & 0xff])
    }
}

/// The glyph ids of `font`, made once per process.
fn glyph_ids(font: &Font) -> Arc<GlyphIds> {
    type Cache = HashMap<(usize, u64), Arc<GlyphIds>>;
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    let data = font.data();
    let key = (
        data.len(),
        crate::bytes::hash(&data[..data.len().min(4096)]),
    );
    let cache = CACHE.get_or_init(Default::default);
    if let Some(ids) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return ids;
    }
    let ids = Arc::new(GlyphIds::of(font));
    if let Ok(mut c) = cache.lock() {
        if c.len() >= 64 {
            c.clear();
        }
        c.insert(key, ids.clone());
    }
    ids
}

/// The content stream of one page (PDF user space: y up from the bottom
/// edge); faces are the fonts `F0` … `F3`.
pub fn page(marks: &[Mark], page_height: f32, fonts: &FontSet) -> Vec<u8> {
    let ids = FaceStyle::ALL.map(|face| glyph_ids(fonts.face(face)));
    let flip = |y: f32| page_height - y;
    let mut out = Vec::with_capacity(marks.len() * 96);
    for mark in marks {
        // Writing to a Vec cannot fail.
        let _ = match mark {
            Mark::Text { baseline, run, red } => {
                out.extend_from_slice(b"BT\n");
                out.extend_from_slice(fill(*red));
                let _ = writeln!(
                    out,
                    "/F{} {} Tf\n1 0 0 1 {} {} Tm",
                    run.face as usize,
                    q(run.size),
                    q(run.x),
                    q(flip(*baseline))
                );
                let glyphs = &ids[run.face as usize];
                if run.word_spacing.abs() <= 0.0005 {
                    out.push(b'<');
                    hex(&mut out, glyphs, &run.text);
                    out.extend_from_slice(b"> Tj\n");
                } else {
                    // Each space followed by the line's extra spacing (TJ
                    // numbers are thousandths of the size; negative moves right).
                    let offset = q(-run.word_spacing * 1000.0 / run.size.max(0.01));
                    out.push(b'[');
                    for word in run.text.split_inclusive(' ') {
                        out.push(b'<');
                        hex(&mut out, glyphs, word);
                        out.push(b'>');
                        if word.ends_with(' ') {
                            let _ = write!(out, " {offset}");
                        }
                    }
                    out.extend_from_slice(b"] TJ\n");
                }
                out.extend_from_slice(b"ET\n");
                Ok(())
            }
            Mark::Rule {
                x,
                y,
                width,
                thickness,
            } => {
                out.extend_from_slice(fill(false));
                writeln!(
                    out,
                    "{} {} {} {} re\nf",
                    q(*x),
                    q(flip(*y + thickness / 2.0)),
                    q(*width),
                    q(*thickness)
                )
            }
            Mark::Stroke {
                x1,
                y1,
                x2,
                y2,
                width,
            } => writeln!(
                out,
                "0 G\n{} w\n0 J\n{} {} m\n{} {} l\nS",
                q(*width),
                q(*x1),
                q(flip(*y1)),
                q(*x2),
                q(flip(*y2))
            ),
            // Pictures go in a stream of their own, over the text (`pictures`).
            Mark::Picture { .. } => Ok(()),
            Mark::Frame {
                x,
                y,
                width,
                height,
                line,
                red,
            } => writeln!(
                out,
                "{}\n{} w\n{} {} {} {} re\nS",
                if *red { "1 0 0 RG" } else { "0 G" },
                q(*line),
                q(*x),
                q(flip(*y + height)),
                q(*width),
                q(*height)
            ),
        };
    }
    out
}

/// Black, or the red of urgency marks and stamps, for fills.
fn fill(red: bool) -> &'static [u8] {
    if red {
        b"1 0 0 rg\n"
    } else {
        b"0 g\n"
    }
}

/// The glyph ids of `text`, two bytes each, in hex.
fn hex(out: &mut Vec<u8>, glyphs: &GlyphIds, text: &str) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for c in text.chars() {
        for byte in glyphs.get(c).to_be_bytes() {
            out.push(DIGITS[(byte >> 4) as usize]);
            out.push(DIGITS[(byte & 0xf) as usize]);
        }
    }
}

/// Rounded to a thousandth: shorter numbers, and no `-0`.
fn q(v: f32) -> f32 {
    if v.is_finite() {
        (v * 1000.0).round() / 1000.0 + 0.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vanban::compose::linebreak::Run;

    fn text(run: Run) -> String {
        let mark = Mark::Text {
            baseline: 100.0,
            run,
            red: false,
        };
        String::from_utf8(page(&[mark], 841.89, FontSet::liberation_serif())).unwrap()
    }

    fn gid(c: char) -> String {
        let data = FontSet::liberation_serif().face(FaceStyle::Bold).data();
        let face = ttf_parser::Face::parse(data, 0).unwrap();
        format!("{:04x}", face.glyph_index(c).unwrap().0)
    }

    #[test]
    fn text_is_glyph_ids_at_its_place_and_spaces_stretch_in_tj() {
        let run = Run {
            face: FaceStyle::Bold,
            size: 14.0,
            x: 85.0394,
            text: "Độc lập".into(),
            word_spacing: 0.0,
        };
        let ids: String = "Độc lập".chars().map(gid).collect();
        assert_eq!(
            text(run.clone()),
            format!("BT\n0 g\n/F1 14 Tf\n1 0 0 1 85.039 741.89 Tm\n<{ids}> Tj\nET\n")
        );
        let spread = text(Run {
            word_spacing: 1.4,
            ..run
        });
        let (a, b): (String, String) = (
            "Độc ".chars().map(gid).collect(),
            "lập".chars().map(gid).collect(),
        );
        assert!(
            spread.contains(&format!("[<{a}> -100<{b}>] TJ\n")),
            "{spread}"
        );
    }

    #[test]
    fn rules_lines_and_frames_are_filled_and_stroked_paths() {
        let marks = [
            Mark::Rule {
                x: 10.0,
                y: 20.0,
                width: 30.0,
                thickness: 0.5,
            },
            Mark::Stroke {
                x1: 1.0,
                y1: 2.0,
                x2: 3.0,
                y2: 2.0,
                width: 0.5,
            },
            Mark::Frame {
                x: 5.0,
                y: 6.0,
                width: 7.0,
                height: 8.0,
                line: 1.0,
                red: true,
            },
        ];
        let out = String::from_utf8(page(&marks, 100.0, FontSet::liberation_serif())).unwrap();
        assert_eq!(
            out,
            "0 g\n10 79.75 30 0.5 re\nf\n0 G\n0.5 w\n0 J\n1 98 m\n3 98 l\nS\n1 0 0 RG\n1 w\n5 86 7 8 re\nS\n"
        );
    }
}
