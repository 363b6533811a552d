//! Embedding: each face used is subset to its glyphs, named with a tag
//! derived from those glyphs (`ABCDEF+LiberationSerif-Bold`), and described
//! truthfully, as a Type 0 / CIDFontType2 (CFF: CIDFontType0) font with Identity-H encoding and a
//! ToUnicode CMap so text can be extracted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use vanban::metrics::Font;

use crate::writer::{hash, PdfWriter};

/// A face as written: the code (CID) of each character.
pub struct Embedded {
    codes: HashMap<char, u16>,
}

impl Embedded {
    /// The hex string of `text` for a content stream (2 bytes a glyph).
    pub fn encode(&self, text: &str, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        for c in text.chars() {
            let code = self.codes.get(&c).copied().unwrap_or(0);
            for shift in [12, 8, 4, 0] {
                out.push(HEX[((code >> shift) & 0xF) as usize] as char);
            }
        }
    }
}

/// Writes the font objects for `font` limited to `chars`; returns the Type 0
/// font's id and the character codes.
pub fn embed(writer: &mut PdfWriter, font: &Font, chars: &BTreeSet<char>) -> (usize, Embedded) {
    let face = ttf_parser::Face::parse(font.data(), 0).ok();
    // Original glyph of each character (0: the font lacks it).
    let glyphs: BTreeMap<char, u16> = chars
        .iter()
        .map(|&c| {
            (
                c,
                face.as_ref()
                    .and_then(|f| f.glyph_index(c))
                    .map_or(0, |g| g.0),
            )
        })
        .collect();
    let used: BTreeSet<u16> = glyphs.values().copied().filter(|g| *g != 0).collect();
    let ids: Vec<u16> = std::iter::once(0).chain(used.iter().copied()).collect();

    let program = program(font, &ids);
    // Subset glyph i is ids[i] (allsorts keeps the requested order); the CID
    // is the subset glyph id. If subsetting failed, the whole font is embedded.
    let cid_of: HashMap<u16, u16> = if program.subset {
        ids.iter()
            .enumerate()
            .map(|(i, g)| (*g, i as u16))
            .collect()
    } else {
        ids.iter().map(|g| (*g, *g)).collect()
    };
    let codes: HashMap<char, u16> = glyphs
        .iter()
        .map(|(c, g)| (*c, cid_of.get(g).copied().unwrap_or(0)))
        .collect();

    let scale = |v: f32| (v * 1000.0 / font.units_per_em as f32).round() as i32;
    let name = format!(
        "{}+{}",
        tag(&font.postscript_name, &ids),
        font.postscript_name
    );

    // Widths of the CIDs we use, in glyph space (1000 per em).
    let mut widths: BTreeMap<u16, i32> = BTreeMap::new();
    for g in &ids {
        let advance = face
            .as_ref()
            .and_then(|f| f.glyph_hor_advance(ttf_parser::GlyphId(*g)))
            .unwrap_or(0);
        widths.insert(cid_of[g], scale(advance as f32));
    }
    let w = widths
        .iter()
        .map(|(cid, w)| format!("{cid} [{w}]"))
        .collect::<Vec<_>>()
        .join(" ");

    // TrueType outlines go in FontFile2 under a CIDFontType2; CFF outlines
    // (OpenType .otf user fonts) in FontFile3 /OpenType under a CIDFontType0,
    // whose CIDs are glyph indices when the CFF is not CID-keyed.
    let cff = face.as_ref().is_some_and(|f| f.tables().cff.is_some());
    let (file_dict, file_key, subtype, gid_map) = if cff {
        (
            "/Subtype /OpenType".to_string(),
            "FontFile3",
            "CIDFontType0",
            "",
        )
    } else {
        (
            format!("/Length1 {}", program.length),
            "FontFile2",
            "CIDFontType2",
            " /CIDToGIDMap /Identity",
        )
    };
    let file = writer.add_packed_stream(&file_dict, &program.packed);
    let [x0, y0, x1, y1] = font.bbox.map(|v| scale(v as f32));
    let italic = font.italic_angle != 0.0;
    let flags = flags(face.as_ref(), italic);
    // StemV is not stored in TrueType fonts; this is the usual estimate from the weight.
    let stem_v = 10 + (220.0 * ((font.weight as f32 - 50.0) / 900.0).powi(2)).round() as i32;
    let descriptor = writer.add(
        format!(
            "<< /Type /FontDescriptor /FontName /{name} /Flags {flags} /FontBBox [{x0} {y0} {x1} {y1}] \
             /ItalicAngle {} /Ascent {} /Descent {} /CapHeight {} /StemV {stem_v} /FontWeight {} /{file_key} {file} 0 R >>",
            crate::writer::num(font.italic_angle),
            scale(font.ascender as f32),
            scale(font.descender as f32),
            scale(font.cap_height as f32),
            font.weight,
        )
        .into_bytes(),
    );
    let cid_font = writer.add(
        format!(
            "<< /Type /Font /Subtype /{subtype} /BaseFont /{name} \
             /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> \
             /FontDescriptor {descriptor} 0 R /DW {} /W [{w}]{gid_map} >>",
            widths.get(&0).copied().unwrap_or(0)
        )
        .into_bytes(),
    );
    let to_unicode = writer.add_stream("", to_unicode_cmap(&codes).as_bytes());
    let type0 = writer.add(
        format!(
            "<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H \
             /DescendantFonts [{cid_font} 0 R] /ToUnicode {to_unicode} 0 R >>"
        )
        .into_bytes(),
    );
    (type0, Embedded { codes })
}

/// A compressed font program ready to write.
struct Program {
    packed: Vec<u8>,
    length: usize,
    subset: bool,
}

/// Font size, hash of its first bytes, glyph ids.
type ProgramKey = (usize, u64, Vec<u16>);

/// Subsets and compresses, or reuses the result for the same font and glyphs:
/// documents of one issuer share most glyphs, and this is most of the work.
fn program(font: &Font, ids: &[u16]) -> Arc<Program> {
    static CACHE: OnceLock<Mutex<HashMap<ProgramKey, Arc<Program>>>> = OnceLock::new();
    let key = (
        font.data().len(),
        hash(&font.data()[..font.data().len().min(4096)]),
        ids.to_vec(),
    );
    let cache = CACHE.get_or_init(Default::default);
    if let Some(p) = cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return p;
    }
    let (bytes, subset) = match subset_program(font.data(), ids) {
        Some(bytes) => (crate::hinting::strip(&bytes).unwrap_or(bytes), true),
        None => (font.data().to_vec(), false),
    };
    let program = Arc::new(Program {
        // Cached, so worth the best level.
        packed: crate::writer::deflate(&bytes, 9),
        length: bytes.len(),
        subset,
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

fn subset_program(data: &[u8], ids: &[u16]) -> Option<Vec<u8>> {
    let font_file = ReadScope::new(data).read::<FontData<'_>>().ok()?;
    let provider = font_file.table_provider(0).ok()?;
    subset(&provider, ids, &SubsetProfile::Pdf, CmapTarget::Unicode).ok()
}

/// Six capital letters from a hash of the font and its subset glyphs, so the
/// same subset always gets the same tag.
fn tag(postscript_name: &str, ids: &[u16]) -> String {
    let mut bytes = postscript_name.as_bytes().to_vec();
    for id in ids {
        bytes.extend_from_slice(&id.to_be_bytes());
    }
    let mut h = hash(&bytes);
    (0..6)
        .map(|_| {
            let c = (b'A' + (h % 26) as u8) as char;
            h /= 26;
            c
        })
        .collect()
}

fn to_unicode_cmap(codes: &HashMap<char, u16>) -> String {
    // One entry per code; the first character wins if two share a glyph.
    let mut by_code: BTreeMap<u16, char> = BTreeMap::new();
    let mut sorted: Vec<_> = codes.iter().collect();
    sorted.sort();
    for (c, code) in sorted {
        if *code != 0 {
            by_code.entry(*code).or_insert(*c);
        }
    }
    let mut s = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    let entries: Vec<_> = by_code.into_iter().collect();
    for chunk in entries.chunks(100) {
        s.push_str(&format!("{} beginbfchar\n", chunk.len()));
        for (code, c) in chunk {
            let mut utf16 = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut utf16)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            s.push_str(&format!("<{code:04X}> <{hex}>\n"));
        }
        s.push_str("endbfchar\n");
    }
    s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    s
}
