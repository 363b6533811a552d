//! Drops TrueType hinting from a subset font before embedding: the
//! instruction tables (fpgm, prep, cvt) and each glyph's instructions. They
//! only tune rasterising at small screen sizes and are over a third of
//! Liberation Serif's subset bytes; print and PDF viewers do without.

/// The font without hinting, or `None` if it is not a plain TrueType font we
/// can rewrite (the caller then embeds it unchanged).
pub fn strip(font: &[u8]) -> Option<Vec<u8>> {
    let outlines = Outlines::read(font)?;
    let (tables, glyf, count) = (&outlines.tables, outlines.glyf, outlines.count);
    let table = |tag: &[u8; 4]| outlines.table(tag);
    let head = table(b"head")?;
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity((count + 1) * 4);
    for i in 0..count {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        let glyph = outlines.glyph(i)?;
        if !glyph.is_empty() {
            new_glyf.extend_from_slice(&glyph_without_instructions(glyph)?);
        }
        // Glyphs start on 4-byte boundaries.
        while new_glyf.len() % 4 != 0 {
            new_glyf.push(0);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut head = head.to_vec();
    head[50..52].copy_from_slice(&1u16.to_be_bytes()); // long loca offsets
    head[8..12].copy_from_slice(&[0; 4]); // checkSumAdjustment, set below
    let mut maxp = table(b"maxp")?.to_vec();
    maxp_without_hinting(&mut maxp);
    let mut out_tables: Vec<([u8; 4], Vec<u8>)> = Vec::new();
    for (tag, start, len) in tables {
        let data = match tag {
            b"fpgm" | b"prep" | b"cvt " | b"hdmx" | b"LTSH" | b"VDMX" | b"gasp" => continue,
            b"glyf" => new_glyf.clone(),
            b"loca" => new_loca.clone(),
            b"head" => head.clone(),
            b"maxp" => maxp.clone(),
            _ => font[*start..*start + *len].to_vec(),
        };
        out_tables.push((*tag, data));
    }
    Some(assemble(&font[0..4], out_tables))
}

/// A TrueType font's table directory and its glyph outlines by id (glyf
/// through loca): what stripping hints and cutting a subset both read.
pub(crate) struct Outlines<'a> {
    font: &'a [u8],
    pub tables: Vec<([u8; 4], usize, usize)>,
    long_loca: bool,
    loca: &'a [u8],
    pub glyf: &'a [u8],
    /// Glyphs in the font.
    pub count: usize,
}

impl<'a> Outlines<'a> {
    pub fn read(font: &'a [u8]) -> Option<Outlines<'a>> {
        let tables = directory(font)?;
        let find = |tag: &[u8; 4]| {
            tables
                .iter()
                .find(|t| &t.0 == tag)
                .map(|t| &font[t.1..t.1 + t.2])
        };
        let long_loca = u16_at(find(b"head")?, 50)? == 1;
        let (loca, glyf) = (find(b"loca")?, find(b"glyf")?);
        let count = (loca.len() / if long_loca { 4 } else { 2 }).checked_sub(1)?;
        Some(Outlines {
            font,
            tables,
            long_loca,
            loca,
            glyf,
            count,
        })
    }

    pub fn table(&self, tag: &[u8; 4]) -> Option<&'a [u8]> {
        let font = self.font;
        self.tables
            .iter()
            .find(|t| &t.0 == tag)
            .map(|t| &font[t.1..t.1 + t.2])
    }

    fn offset(&self, i: usize) -> Option<usize> {
        match self.long_loca {
            true => Some(u32_at(self.loca, i * 4)? as usize),
            false => Some(u16_at(self.loca, i * 2)? as usize * 2),
        }
    }

    /// Glyph `i`'s outline (empty for a glyph without one).
    pub fn glyph(&self, i: usize) -> Option<&'a [u8]> {
        self.glyf.get(self.offset(i)?..self.offset(i + 1)?)
    }
}

/// maxp without what hinting needs: maxZones 1, no twilight points,
/// storage, function or instruction definitions.
pub(crate) fn maxp_without_hinting(maxp: &mut [u8]) {
    if maxp.len() >= 32 {
        for at in (14..28).step_by(2) {
            maxp[at..at + 2].copy_from_slice(&u16::from(at == 14).to_be_bytes());
        }
    }
}

/// A simple glyph with an empty instruction block, or a composite without
/// its trailing instructions.
pub(crate) fn glyph_without_instructions(glyph: &[u8]) -> Option<Vec<u8>> {
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        let at = 10 + 2 * contours as usize;
        let length = u16_at(glyph, at)? as usize;
        let mut out = glyph.get(..at)?.to_vec();
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + length..)?);
        return Some(out);
    }
    let mut out = glyph.get(..10)?.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        let mut size = 4 + if flags & 0x0001 != 0 { 4 } else { 2 };
        size += match () {
            _ if flags & 0x0008 != 0 => 2,
            _ if flags & 0x0040 != 0 => 4,
            _ if flags & 0x0080 != 0 => 8,
            _ => 0,
        };
        let start = out.len();
        out.extend_from_slice(glyph.get(at..at + size)?);
        // Clear WE_HAVE_INSTRUCTIONS.
        out[start..start + 2].copy_from_slice(&(flags & !0x0100).to_be_bytes());
        at += size;
        if flags & 0x0020 == 0 {
            return Some(out);
        }
    }
}

/// (tag, offset, length) of each table.
pub(crate) fn directory(font: &[u8]) -> Option<Vec<([u8; 4], usize, usize)>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let count = u16_at(font, 4)? as usize;
    (0..count)
        .map(|i| {
            let record = font.get(12 + 16 * i..28 + 16 * i)?;
            let tag: [u8; 4] = record[0..4].try_into().ok()?;
            let (offset, length) = (u32_at(record, 8)? as usize, u32_at(record, 12)? as usize);
            font.get(offset..offset + length)?;
            Some((tag, offset, length))
        })
        .collect()
}

/// Writes a font file: directory, then the tables in tag order, 4-aligned,
/// with their checksums and head's checkSumAdjustment.
pub(crate) fn assemble(version: &[u8], tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let n = tables.len() as u16;
    let power = 1u16 << (15 - n.max(1).leading_zeros());
    let mut out = version.to_vec();
    for v in [
        n,
        power * 16,
        power.trailing_zeros() as u16,
        n * 16 - power * 16,
    ] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut body = Vec::new();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if tag == b"head" {
            head_at = Some(offset);
        }
        body.extend_from_slice(data);
        while body.len() % 4 != 0 {
            body.push(0);
        }
        offset = 12 + 16 * tables.len() + body.len();
    }
    out.extend_from_slice(&body);
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

pub(crate) fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

pub(crate) fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripped_fonts_still_parse_with_the_same_glyphs_and_advances() {
        let fonts = vanban::metrics::FontSet::liberation_serif();
        for face in vanban::metrics::FaceStyle::ALL {
            let data = fonts.face(face).data();
            let stripped = strip(data).expect("Liberation Serif is plain TrueType");
            assert!(stripped.len() < data.len());
            let (a, b) = (
                ttf_parser::Face::parse(data, 0).unwrap(),
                ttf_parser::Face::parse(&stripped, 0).unwrap(),
            );
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for c in "Độc lập - Tự do - Hạnh phúc ỹ".chars() {
                let g = a.glyph_index(c).unwrap();
                assert_eq!(Some(g), b.glyph_index(c));
                assert_eq!(a.glyph_hor_advance(g), b.glyph_hor_advance(g));
                assert_eq!(a.glyph_bounding_box(g), b.glyph_bounding_box(g), "{c}");
            }
        }
    }
}
