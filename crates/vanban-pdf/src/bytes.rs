//! Hashing and compression shared by the font and file finishing steps.

use std::io::Write;

pub const FNV_SEED: u64 = 0xcbf29ce484222325;

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
