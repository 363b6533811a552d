//! Hashing and compression shared by the font and file finishing steps.

use std::cell::RefCell;
use std::io::Write;

use flate2::{Compress, Compression, FlushCompress, Status};

pub const FNV_SEED: u64 = 0xcbf29ce484222325;

/// FNV-1a: small, stable across platforms and runs (unlike `DefaultHasher`).
pub fn fnv1a(data: &[u8], seed: u64) -> u64 {
    data.iter()
        .fold(seed, |h, b| (h ^ *b as u64).wrapping_mul(0x100000001b3))
}

pub fn hash(data: &[u8]) -> u64 {
    fnv1a(data, FNV_SEED)
}

/// zlib-compressed `data`. The compressor of each level is made once per
/// thread and reset between streams: setting one up (its window and hash
/// tables) cost more than compressing a page's content stream.
pub fn deflate(data: &[u8], level: u32) -> Vec<u8> {
    thread_local! {
        static COMPRESSORS: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    }
    COMPRESSORS.with(|compressors| {
        let mut compressors = compressors.borrow_mut();
        let at = match compressors.iter().position(|(l, _)| *l == level) {
            Some(at) => at,
            None => {
                compressors.push((level, Compress::new(Compression::new(level), true)));
                compressors.len() - 1
            }
        };
        let z = &mut compressors[at].1;
        z.reset();
        let mut out = Vec::with_capacity(data.len() / 2 + 64);
        loop {
            let read = z.total_in() as usize;
            match z.compress_vec(&data[read..], &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return out,
                Ok(_) => out.reserve(out.capacity().max(64)),
                // Only a broken stream state fails; start afresh next time.
                Err(_) => {
                    compressors.remove(at);
                    return deflate_once(data, level);
                }
            }
        }
    })
}

fn deflate_once(data: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), Compression::new(level));
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(data);
    encoder.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_compressor_gives_what_a_fresh_one_gives() {
        let text: Vec<u8> = (0..20_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        for level in [2, 9] {
            for data in [&text[..], b"", b"BT /F0 14 Tf ET", &text[..777]] {
                assert_eq!(deflate(data, level), deflate_once(data, level));
            }
        }
    }
}
