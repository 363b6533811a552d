//! The PDF file itself: numbered objects, the cross-reference table and a
//! trailer whose /ID is a hash of the content, so equal input gives equal bytes.

use std::io::Write;

/// Objects are written in id order; an id is reserved before its object is
/// known so that objects can point at each other.
#[derive(Default)]
pub struct PdfWriter {
    objects: Vec<Vec<u8>>,
}

impl PdfWriter {
    pub fn reserve(&mut self) -> usize {
        self.objects.push(Vec::new());
        self.objects.len()
    }

    pub fn set(&mut self, id: usize, body: Vec<u8>) {
        self.objects[id - 1] = body;
    }

    pub fn add(&mut self, body: Vec<u8>) -> usize {
        let id = self.reserve();
        self.set(id, body);
        id
    }

    /// A stream object, Flate-compressed; `dict` holds the extra entries.
    pub fn add_stream(&mut self, dict: &str, data: &[u8]) -> usize {
        // Content streams are made every render: a fast level.
        self.add_packed_stream(dict, &deflate(data, 2))
    }

    /// A stream object from already Flate-compressed data.
    pub fn add_packed_stream(&mut self, dict: &str, packed: &[u8]) -> usize {
        let mut body = format!(
            "<< {dict} /Length {} /Filter /FlateDecode >>\nstream\n",
            packed.len()
        )
        .into_bytes();
        body.extend_from_slice(packed);
        body.extend_from_slice(b"\nendstream");
        self.add(body)
    }

    pub fn finish(self, root: usize, info: usize) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(self.objects.len());
        for (i, body) in self.objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let id = format!(
            "{:016x}{:016x}",
            fnv1a(&out, FNV_SEED),
            fnv1a(&out, FNV_SEED ^ 0x5bd1e995)
        );
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes(),
        );
        for offset in offsets {
            out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root {root} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n",
                self.objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }
}

const FNV_SEED: u64 = 0xcbf29ce484222325;

/// FNV-1a: small, stable across platforms and runs (unlike `DefaultHasher`).
pub fn fnv1a(data: &[u8], seed: u64) -> u64 {
    data.iter()
        .fold(seed, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3))
}

pub fn hash(data: &[u8]) -> u64 {
    fnv1a(data, FNV_SEED)
}

pub fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(level));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

/// A text string for the Info dictionary: UTF-16BE with a BOM, in hex.
pub fn text_string(text: &str) -> String {
    let mut s = String::from("<FEFF");
    for unit in text.encode_utf16() {
        s.push_str(&format!("{unit:04X}"));
    }
    s.push('>');
    s
}

/// A number in content streams: three decimals at most, no trailing zeros.
/// Integer arithmetic: float formatting was a tenth of the render time.
pub fn num(v: f32) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let milli = (v as f64 * 1000.0).round() as i64;
    let (sign, milli) = if milli < 0 {
        ("-", -milli)
    } else {
        ("", milli)
    };
    let (whole, frac) = (milli / 1000, milli % 1000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let frac = format!("{frac:03}");
    format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_to_a_thousandth() {
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0001), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(-12.34567), "-12.346");
        assert_eq!(num(595.2756), "595.276");
        assert_eq!(num(0.05), "0.05");
        assert_eq!(num(f32::NAN), "0");
    }
}
