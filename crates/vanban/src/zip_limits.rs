//! Reading the parts of a zip package (.xlsx, .ods) within the limits:
//! every part is inflated once, as a stream, and refused as soon as the
//! whole package passes `max_inflated_bytes` or a part over 1 MiB inflates
//! more than `max_inflate_ratio` times its compressed size. What a part
//! declares about its size is never trusted: the bytes are counted.

use std::cell::RefCell;
use std::io::{Cursor, Read};

use vanban_i18n::{msg, Arg, Message};

use crate::limits::{exceeded_message, Limits};

/// Parts smaller than this are not held to the ratio: a tiny part of
/// repeated text compresses far better than any bomb could use.
const RATIO_GRACE: u64 = 1024 * 1024;

/// Inflates every part of the zip archive in `bytes`, giving each part's
/// stream to `inspect` (which may read as much of it as it wants; the rest
/// is counted after). The first limit passed, or `inspect`'s first error,
/// is the error.
pub fn each_part(
    bytes: &[u8],
    limits: &Limits,
    mut inspect: impl FnMut(&str, &mut dyn Read) -> Result<(), Message>,
) -> Result<(), Message> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| msg!("zip-not-a-package", reason = e.to_string()))?;
    let total = RefCell::new(0u64);
    for index in 0..zip.len() {
        let part = zip
            .by_index(index)
            .map_err(|e| msg!("zip-part", index = index, reason = e.to_string()))?;
        let name = part.name().to_string();
        let compressed = part.compressed_size();
        let mut counted = Counted {
            inner: part,
            name: &name,
            read: 0,
            compressed,
            total: &total,
            limits,
            passed: None,
        };
        let inspected = inspect(&name, &mut counted);
        let drained = std::io::copy(&mut counted, &mut std::io::sink());
        if let Some(why) = counted.passed.take() {
            return Err(why);
        }
        inspected?;
        drained.map_err(|e| {
            msg!(
                "zip-cannot-inflate",
                name = name.as_str(),
                reason = e.to_string()
            )
        })?;
    }
    Ok(())
}

/// A part's inflated stream, counted against the limits as it is read.
struct Counted<'a, R> {
    inner: R,
    name: &'a str,
    read: u64,
    compressed: u64,
    total: &'a RefCell<u64>,
    limits: &'a Limits,
    /// The limit passed, once it is.
    passed: Option<Message>,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if let Some(why) = &self.passed {
            return Err(std::io::Error::other(why.english()));
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        let mut total = self.total.borrow_mut();
        *total += n as u64;
        let max = self.limits.max_inflated_bytes;
        let ratio = self.limits.max_inflate_ratio;
        let why = if *total > max {
            Some(msg!(
                "zip-inflated-limit",
                limit = Arg::count(max),
                name = self.name
            ))
        } else if self.read > RATIO_GRACE && self.read / self.compressed.max(1) > ratio {
            Some(exceeded_message(
                msg!(
                    "zip-inflate-ratio",
                    name = self.name,
                    ratio = Arg::count(self.read / self.compressed.max(1)),
                    compressed = Arg::count(self.compressed)
                ),
                ratio,
                "max-inflate-ratio",
            ))
        } else {
            None
        };
        if let Some(why) = why {
            let text = why.english();
            self.passed = Some(why);
            return Err(std::io::Error::other(text));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn package(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, bytes) in parts {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    #[test]
    fn a_bomb_is_refused_while_it_inflates() {
        // 64 MiB of zeros in some 64 KB.
        let bomb = package(&[("xl/unused.xml", vec![0; 64 << 20])]);
        assert!(bomb.len() < 200_000, "{}", bomb.len());
        let mut seen = 0;
        let err = each_part(&bomb, &Limits::default(), |_, _| {
            seen += 1;
            Ok(())
        })
        .unwrap_err()
        .english();
        assert!(
            err.contains("part `xl/unused.xml` inflates more than")
                && err.contains("raise it with --max-inflate-ratio"),
            "{err}"
        );
        let small = Limits {
            max_inflated_bytes: 1000,
            ..Limits::default()
        };
        let text = package(&[
            ("a.xml", b"<a/>".repeat(100)),
            ("b.xml", b"<b/>".repeat(200)),
        ]);
        let err = each_part(&text, &small, |_, _| Ok(()))
            .unwrap_err()
            .english();
        assert!(
            err.contains("inflates to more than the limit of 1000 bytes (reached at `b.xml`; raise it with --max-inflated-bytes)"),
            "{err}"
        );
        assert!(each_part(&text, &Limits::default(), |_, _| Ok(())).is_ok());
        assert!(each_part(b"not a zip", &Limits::default(), |_, _| Ok(())).is_err());
    }
}
