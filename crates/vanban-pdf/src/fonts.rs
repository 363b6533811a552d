//! The faces: parsed once for printpdf, and — after printpdf has subset and
//! embedded them as Type 0 / CIDFontType2 fonts with Identity-H encoding and
//! ToUnicode CMaps — named and described truthfully: `ABCDEF+LiberationSerif-Bold`
//! with a tag derived from the subset, descriptor metrics and flags from the
//! font itself, the font program without hinting and compressed once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use lopdf::{Dictionary, Object, ObjectId, Stream};
use printpdf::ParsedFont;
use vanban::metrics::Font;

use crate::bytes::{deflate, hash};

/// Font size and a hash of its first bytes: enough to tell the faces of the
/// font sets a process uses apart.
type FontKey = (usize, u64);

fn key(font: &Font) -> FontKey {
    let data = font.data();
    (data.len(), hash(&data[..data.len().min(4096)]))
}

/// printpdf's parse of `font`, made once per face: parsing is much of a
/// render's work.
pub fn parsed(font: &Font) -> Option<ParsedFont> {
    static CACHE: OnceLock<Mutex<HashMap<FontKey, Arc<ParsedFont>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = key(font);
    if let Some(p) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Some((*p).clone());
    }
    let parsed = ParsedFont::from_bytes(font.data(), 0, &mut Vec::new())?;
    if let Ok(mut c) = cache.lock() {
        if c.len() >= 64 {
            c.clear();
        }
        c.insert(key, Arc::new(parsed.clone()));
    }
    Some(parsed)
}

/// A font program as written: compressed, its uncompressed length and the
/// subset tag.
struct Program {
    packed: Vec<u8>,
    length: usize,
    tag: String,
}

/// Length and two hashes of printpdf's subset program.
type ProgramKey = (usize, u64, u64);

/// The embedded program for printpdf's subset `raw`: hinting dropped (over a
/// third of Liberation Serif's subset bytes), compressed at the best level,
/// tagged from its bytes. Cached by the subset's bytes: documents of one
/// issuer share most glyphs.
fn program(postscript_name: &str, raw: &[u8]) -> Arc<Program> {
    static CACHE: OnceLock<Mutex<HashMap<ProgramKey, Arc<Program>>>> = OnceLock::new();
    let key = (raw.len(), quick_hash(raw, 1), quick_hash(raw, 2));
    let cache = CACHE.get_or_init(Default::default);
    if let Some(p) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return p;
    }
    let bytes = crate::hinting::strip(raw).unwrap_or_else(|| raw.to_vec());
    let mut named = postscript_name.as_bytes().to_vec();
    named.extend_from_slice(&bytes);
    let program = Arc::new(Program {
        packed: deflate(&bytes, 9),
        length: bytes.len(),
        tag: tag(&named),
    });
    if let Ok(mut c) = cache.lock() {
        // Bounded: a long-running service renders many different documents.
        if c.len() >= 256 {
            c.clear();
        }
        c.insert(key, program.clone());
    }
    program
}

/// Renames and describes the Type 0 font `type0` that printpdf wrote for
/// `font`: subset-tagged PostScript name on both font dictionaries and the
/// descriptor, truthful descriptor, hinting-free compressed program.
pub fn finish_font(doc: &mut lopdf::Document, type0: ObjectId, font: &Font) {
    let Some((descriptor, file)) = descriptor_and_file(doc, type0) else {
        return;
    };
    let ps = &font.postscript_name;
    let mut name = ps.clone();
    if let Some(Object::Stream(stream)) = file.and_then(|f| doc.objects.get_mut(&f)) {
        let truetype = stream.dict.has(b"Length1");
        // printpdf leaves the program uncompressed for lopdf's compress().
        if truetype && stream.dict.get(b"Filter").is_err() {
            let p = program(ps, &stream.content);
            let mut dict = std::mem::take(&mut stream.dict);
            dict.set("Length1", p.length as i64);
            dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            *stream = Stream::new(dict, p.packed.clone()).with_compression(false);
            name = format!("{}+{ps}", p.tag);
        } else {
            let content = stream.content.clone();
            name = format!("{}+{ps}", tag(&[ps.as_bytes(), &content].concat()));
        }
    }
    let name = Object::Name(name.into_bytes());
    if let Ok(dict) = doc.get_dictionary_mut(type0) {
        dict.set("BaseFont", name.clone());
        if let Ok(Object::Array(descendants)) = dict.get_mut(b"DescendantFonts") {
            if let Some(Object::Dictionary(cid)) = descendants.first_mut() {
                cid.set("BaseFont", name.clone());
            }
        }
    }
    if let Ok(d) = doc.get_dictionary_mut(descriptor) {
        describe(d, font);
        d.set("FontName", name);
    }
}

/// The descriptor and the font program of a Type 0 font.
fn descriptor_and_file(
    doc: &lopdf::Document,
    type0: ObjectId,
) -> Option<(ObjectId, Option<ObjectId>)> {
    let dict = doc.get_dictionary(type0).ok()?;
    let cid = match dict.get(b"DescendantFonts").ok()? {
        Object::Array(a) => match a.first()? {
            Object::Dictionary(d) => d.clone(),
            Object::Reference(r) => doc.get_dictionary(*r).ok()?.clone(),
            _ => return None,
        },
        _ => return None,
    };
    let descriptor = cid.get(b"FontDescriptor").ok()?.as_reference().ok()?;
    let d = doc.get_dictionary(descriptor).ok()?;
    let file = [b"FontFile2".as_slice(), b"FontFile3", b"FontFile"]
        .iter()
        .find_map(|k| d.get(k).ok().and_then(|o| o.as_reference().ok()));
    Some((descriptor, file))
}

/// Descriptor metrics from the font, in glyph space (1000 per em).
fn describe(d: &mut Dictionary, font: &Font) {
    let face = ttf_parser::Face::parse(font.data(), 0).ok();
    let scale = |v: f32| (v * 1000.0 / font.units_per_em.max(1) as f32).round() as i64;
    let italic = font.italic_angle != 0.0;
    let [x0, y0, x1, y1] = font.bbox.map(|v| Object::Integer(scale(v as f32)));
    d.set("Flags", flags(face.as_ref(), italic) as i64);
    d.set("FontBBox", Object::Array(vec![x0, y0, x1, y1]));
    d.set(
        "ItalicAngle",
        if font.italic_angle.fract() == 0.0 {
            Object::Integer(font.italic_angle as i64)
        } else {
            Object::Real((font.italic_angle * 100.0).round() / 100.0)
        },
    );
    d.set("Ascent", scale(font.ascender as f32));
    d.set("Descent", scale(font.descender as f32));
    d.set("CapHeight", scale(font.cap_height as f32));
    // StemV is not stored in TrueType fonts; this is the usual estimate from the weight.
    let stem_v = 10 + (220.0 * ((font.weight as f32 - 50.0) / 900.0).powi(2)).round() as i64;
    d.set("StemV", stem_v);
    d.set("FontWeight", font.weight as i64);
}

/// Descriptor flags from the font itself: fixed pitch (1), serif (2, from
/// the PANOSE serif style), symbolic (4: Identity-H glyphs outside the
/// standard Latin set, always), italic (64).
fn flags(face: Option<&ttf_parser::Face>, italic: bool) -> u32 {
    let fixed = face.is_some_and(|f| f.is_monospaced());
    let panose = face
        .and_then(|f| f.raw_face().table(ttf_parser::Tag::from_bytes(b"OS/2")))
        .and_then(|os2| os2.get(32..34).map(|p| (p[0], p[1])));
    // PANOSE Latin text (2) with serif styles 2–10; 11–13 are sans serif.
    let serif = matches!(panose, Some((2, 2..=10)));
    u32::from(fixed) | if serif { 2 } else { 0 } | 4 | if italic { 64 } else { 0 }
}

/// Six capital letters from a hash of the font's name and its subset
/// program, so the same subset always gets the same tag.
fn tag(bytes: &[u8]) -> String {
    let mut h = hash(bytes);
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

/// A hash eight bytes at a time, for cache keys of whole font programs
/// (FNV-1a byte by byte was a tenth of a render).
fn quick_hash(data: &[u8], seed: u64) -> u64 {
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    let mut h = seed.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        h = mix(h, u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    for b in chunks.remainder() {
        h = mix(h, *b as u64);
    }
    mix(h, data.len() as u64)
}
