//! The font program a PDF embeds: only the glyphs its text uses (and the
//! parts of composite glyphs), at their own glyph ids, without hinting.
//!
//! Keeping the ids lets printpdf write the content streams, widths and
//! ToUnicode maps from the font it parsed once per process, instead of
//! subsetting, re-parsing and re-measuring a renumbered font every render;
//! the program is made once per set of glyphs and cached (`fonts`).

use std::collections::BTreeSet;

use crate::hinting::{
    assemble, directory, glyph_without_instructions, maxp_without_hinting, u16_at, Outlines,
};

/// `font` with every glyph but `used` (and `.notdef`) emptied, the glyph
/// count cut after the last one kept and only the tables a PDF reader uses;
/// `None` if it is not a plain TrueType font we can rewrite.
pub fn subset(font: &[u8], used: &BTreeSet<u16>) -> Option<Vec<u8>> {
    rewrite(font, Some(used))
}

/// `font` with no outlines at all but every glyph id, advance and cmap
/// entry: what printpdf needs to encode text and write widths and
/// ToUnicode maps. It copies the font it is given into every document; the
/// program embedded is made by [`subset`].
pub fn skeleton(font: &[u8]) -> Option<Vec<u8>> {
    rewrite(font, None)
}

/// [`subset`] with `used`; [`skeleton`] without.
fn rewrite(font: &[u8], used: Option<&BTreeSet<u16>>) -> Option<Vec<u8>> {
    if !is_plain_truetype(font) {
        return None;
    }
    let outlines = Outlines::read(font)?;
    let (tables, count) = (&outlines.tables, outlines.count);
    let table = |tag: &[u8; 4]| outlines.table(tag);
    let head = table(b"head")?;
    let glyph = |i: usize| outlines.glyph(i);

    // The glyphs kept: those used, .notdef, and every composite's parts.
    let mut kept: BTreeSet<usize> = used.into_iter().flatten().map(|&g| g as usize).collect();
    if used.is_some() {
        kept.insert(0);
    }
    let mut todo: Vec<usize> = kept.iter().copied().collect();
    while let Some(g) = todo.pop() {
        if g >= count {
            return None;
        }
        for part in components(glyph(g)?)? {
            if kept.insert(part) {
                todo.push(part);
            }
        }
    }
    let glyphs = match used {
        Some(_) => kept.last().map_or(1, |last| last + 1),
        None => count,
    };
    let metrics_of = |i: usize| used.is_none() || kept.contains(&i);

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity((glyphs + 1) * 4);
    for i in 0..glyphs {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let data = glyph(i)?;
        if kept.contains(&i) && !data.is_empty() {
            new_glyf.extend_from_slice(&glyph_without_instructions(data)?);
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut head = head.to_vec();
    head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    head[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set by assemble
    let mut maxp = table(b"maxp")?.to_vec();
    maxp.get_mut(4..6)?
        .copy_from_slice(&(glyphs as u16).to_be_bytes());
    maxp_without_hinting(&mut maxp);
    // Metrics of the glyphs kept; the others zero (the PDF's /W gives the
    // widths viewers use).
    let mut hhea = table(b"hhea")?.to_vec();
    let long_metrics = (u16_at(&hhea, 34)? as usize).min(glyphs);
    hhea.get_mut(34..36)?
        .copy_from_slice(&(long_metrics as u16).to_be_bytes());
    let hmtx = table(b"hmtx")?;
    let mut new_hmtx = Vec::with_capacity(glyphs * 4);
    for i in 0..glyphs {
        let (at, size) = if i < long_metrics {
            (i * 4, 4)
        } else {
            (long_metrics * 4 + (i - long_metrics) * 2, 2)
        };
        match metrics_of(i) {
            true => new_hmtx.extend_from_slice(hmtx.get(at..at + size)?),
            false => new_hmtx.extend_from_slice(&[0; 4][..size]),
        }
    }
    // post version 3: no glyph names.
    let mut post = table(b"post")?.get(..32)?.to_vec();
    post[0..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());

    let mut out: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, start, len) in tables {
        let data = match tag {
            b"glyf" => std::mem::take(&mut new_glyf),
            b"loca" => std::mem::take(&mut new_loca),
            b"head" => std::mem::take(&mut head),
            b"maxp" => std::mem::take(&mut maxp),
            b"hhea" => std::mem::take(&mut hhea),
            b"hmtx" => std::mem::take(&mut new_hmtx),
            b"post" => std::mem::take(&mut post),
            b"OS/2" => font[*start..*start + *len].to_vec(),
            b"cmap" | b"name" if used.is_none() => font[*start..*start + *len].to_vec(),
            // Not read from a PDF's CIDFontType2 (the content gives glyph ids,
            // the PDF names the font and maps to Unicode): cmap, name; nor
            // hinting, layout tables (the text is laid out) or signatures.
            _ => continue,
        };
        out.push((*tag, data));
    }
    Some(assemble(&font[0..4], out))
}

/// Whether `font` is a TrueType font with glyf outlines, which [`subset`]
/// can rewrite (CFF-flavoured OpenType fonts are left to printpdf's
/// subsetter).
pub fn is_plain_truetype(font: &[u8]) -> bool {
    directory(font).is_some_and(|tables| {
        [
            b"glyf", b"loca", b"head", b"maxp", b"hhea", b"hmtx", b"post",
        ]
        .iter()
        .all(|tag| tables.iter().any(|t| &t.0 == *tag))
    })
}

/// The glyph ids a composite glyph is made of (none for a simple glyph).
fn components(glyph: &[u8]) -> Option<Vec<usize>> {
    if glyph.is_empty() || u16_at(glyph, 0)? as i16 >= 0 {
        return Some(Vec::new());
    }
    let mut parts = Vec::new();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        parts.push(u16_at(glyph, at + 2)? as usize);
        let mut size = 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        size += match () {
            _ if flags & 0x0008 != 0 => 2,
            _ if flags & 0x0040 != 0 => 4,
            _ if flags & 0x0080 != 0 => 8,
            _ => 0,
        };
        at += size;
        if flags & 0x0020 == 0 {
            return Some(parts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glyphs_used_keep_their_ids_outlines_and_advances_and_no_others() {
        let fonts = vanban::metrics::FontSet::liberation_serif();
        let data = fonts.face(vanban::metrics::FaceStyle::Regular).data();
        let full = ttf_parser::Face::parse(data, 0).unwrap();
        let text = "Độc lập - Tự do - Hạnh phúc";
        let used: BTreeSet<u16> = text
            .chars()
            .map(|c| full.glyph_index(c).unwrap().0)
            .collect();
        let small = subset(data, &used).expect("Liberation Serif is plain TrueType");
        assert!(small.len() * 10 < data.len(), "{} bytes", small.len());
        let face = ttf_parser::Face::parse(&small, 0).unwrap();
        assert_eq!(
            face.number_of_glyphs(),
            used.iter().max().unwrap() + 1,
            "cut after the last glyph used"
        );
        for c in text.chars() {
            let g = full.glyph_index(c).unwrap();
            assert_eq!(face.glyph_hor_advance(g), full.glyph_hor_advance(g));
            assert_eq!(
                face.glyph_bounding_box(g),
                full.glyph_bounding_box(g),
                "{c}"
            );
        }
        // A glyph not used is empty.
        let unused = full.glyph_index('Q').unwrap();
        assert!(unused.0 < face.number_of_glyphs());
        assert_eq!(face.glyph_bounding_box(unused), None);
        assert!(full.glyph_bounding_box(unused).is_some());
    }

    #[test]
    fn a_skeleton_maps_and_measures_every_glyph_and_draws_none() {
        let fonts = vanban::metrics::FontSet::liberation_serif();
        let data = fonts.face(vanban::metrics::FaceStyle::Bold).data();
        let full = ttf_parser::Face::parse(data, 0).unwrap();
        let bones = skeleton(data).expect("Liberation Serif is plain TrueType");
        assert!(bones.len() * 5 < data.len(), "{} bytes", bones.len());
        let face = ttf_parser::Face::parse(&bones, 0).unwrap();
        assert_eq!(face.number_of_glyphs(), full.number_of_glyphs());
        for c in "Cộng hòa xã hội chủ nghĩa Việt Nam QWZ".chars() {
            let g = full.glyph_index(c).unwrap();
            assert_eq!(face.glyph_index(c), Some(g), "{c}");
            assert_eq!(face.glyph_hor_advance(g), full.glyph_hor_advance(g), "{c}");
            assert_eq!(face.glyph_bounding_box(g), None, "{c}");
        }
    }
}
