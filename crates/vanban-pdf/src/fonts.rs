//! The faces: parsed once for printpdf (plain TrueType as an outline-free
//! skeleton), and — after printpdf has embedded them as Type 0 / CIDFontType2
//! fonts with Identity-H encoding and ToUnicode CMaps — given their program
//! (only the glyphs used, at their ids: `subset`; made and compressed once
//! per set of glyphs) and named and described truthfully:
//! `ABCDEF+LiberationSerif-Bold` with a tag derived from the program,
//! descriptor metrics and flags from the font itself.

use std::collections::{BTreeSet, HashMap};
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
/// render's work. With `skeleton`, of the font without outlines
/// (`subset::skeleton`; the program embedded is made in [`finish_font`]):
/// printpdf copies the font it is given into every document.
pub fn parsed(font: &Font, skeleton: bool) -> Option<ParsedFont> {
    type Parsed = HashMap<(FontKey, bool), Arc<ParsedFont>>;
    static CACHE: OnceLock<Mutex<Parsed>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (key(font), skeleton);
    if let Some(p) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Some((*p).clone());
    }
    let bones = skeleton
        .then(|| crate::subset::skeleton(font.data()))
        .flatten();
    let parsed =
        ParsedFont::from_bytes(bones.as_deref().unwrap_or(font.data()), 0, &mut Vec::new())?;
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

/// The embedded program of the glyphs `used` of `font`: only those
/// glyphs, at their own ids, without hinting (`subset`; a font it cannot
/// rewrite goes whole), compressed, tagged from its bytes. Cached by font
/// and glyphs: documents of one issuer share most glyphs.
fn program(font: &Font, used: &BTreeSet<u16>) -> Arc<Program> {
    type ProgramKey = (FontKey, Vec<u16>);
    static CACHE: OnceLock<Mutex<HashMap<ProgramKey, Arc<Program>>>> = OnceLock::new();
    let key = (key(font), used.iter().copied().collect::<Vec<_>>());
    let cache = CACHE.get_or_init(Default::default);
    if let Some(p) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return p;
    }
    let raw = font.data();
    let program = Arc::new(pack(
        &font.postscript_name,
        crate::subset::subset(raw, used).unwrap_or_else(|| raw.to_vec()),
    ));
    if let Ok(mut c) = cache.lock() {
        // Bounded: a long-running service renders many different documents.
        if c.len() >= 256 {
            c.clear();
        }
        c.insert(key, program.clone());
    }
    program
}

/// A program as written: compressed at level 6 (a batch of documents with
/// different names makes a program per document; level 9 saved under 1 % of
/// the bytes for markedly more time), tagged from its bytes.
fn pack(postscript_name: &str, bytes: Vec<u8>) -> Program {
    let mut named = postscript_name.as_bytes().to_vec();
    named.extend_from_slice(&bytes);
    Program {
        packed: deflate(&bytes, 6),
        length: bytes.len(),
        tag: tag(&named),
    }
}

/// Renames and describes the Type 0 font `type0` that printpdf wrote for
/// `font`: subset-tagged PostScript name on both font dictionaries and the
/// descriptor, truthful descriptor, hinting-free compressed program.
/// `own_subset`: printpdf embedded the whole font (the glyphs keep their
/// ids) and the program is cut down here; otherwise printpdf subset it and
/// only its hinting is dropped.
pub fn finish_font(doc: &mut lopdf::Document, type0: ObjectId, font: &Font, own_subset: bool) {
    let Some((descriptor, file, used)) = descriptor_and_file(doc, type0) else {
        return;
    };
    let ps = &font.postscript_name;
    let mut name = ps.clone();
    if let Some(Object::Stream(stream)) = file.and_then(|f| doc.objects.get_mut(&f)) {
        let truetype = stream.dict.has(b"Length1");
        // printpdf leaves the program uncompressed for lopdf's compress().
        if truetype && stream.dict.get(b"Filter").is_err() {
            let p = if own_subset {
                program(font, &used)
            } else {
                let raw = &stream.content;
                let bytes = crate::hinting::strip(raw).unwrap_or_else(|| raw.clone());
                Arc::new(pack(ps, bytes))
            };
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

/// The descriptor, the font program and the glyphs used (those /W gives
/// widths for: printpdf writes one per glyph the text uses) of a Type 0 font.
fn descriptor_and_file(
    doc: &lopdf::Document,
    type0: ObjectId,
) -> Option<(ObjectId, Option<ObjectId>, BTreeSet<u16>)> {
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
    Some((descriptor, file, glyphs_with_widths(&cid)))
}

/// The glyph ids of a /W array: `first [w1 w2 …]` and `first last w` runs.
fn glyphs_with_widths(cid: &Dictionary) -> BTreeSet<u16> {
    let mut used = BTreeSet::new();
    let Ok(Object::Array(w)) = cid.get(b"W") else {
        return used;
    };
    let mut items = w.iter().peekable();
    while let Some(first) = items.next().and_then(|o| o.as_i64().ok()) {
        match items.next() {
            Some(Object::Array(widths)) => {
                used.extend((first..first + widths.len() as i64).map(|g| g as u16))
            }
            Some(last) => {
                if let Ok(last) = last.as_i64() {
                    used.extend((first..=last).map(|g| g as u16));
                }
                items.next();
            }
            None => {}
        }
    }
    used
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
