//! The PNG pictures a document carries (ô 7c: the signer's signature, ô 8:
//! the office's seal), read within limits: the file's bytes, its pixel
//! dimensions and the memory decoding takes are bounded before anything
//! large is allocated. The file's own bytes go into the DOCX as they are;
//! the decoded pixels (8-bit RGB and, where the PNG has transparency, an
//! alpha channel) go into the PDF as an image with a soft mask.

use std::fmt;
use std::io::Cursor;
use std::sync::Arc;

/// Largest picture file read, bytes. A signature or seal PNG is tens of
/// kilobytes; a scan at 600 dpi of a 40 mm seal about one megabyte.
pub const MAX_IMAGE_BYTES: u64 = 4 * 1024 * 1024;
/// Widest and tallest picture, pixels (40 mm at 1,200 dpi is 1,890).
pub const MAX_IMAGE_SIDE: u32 = 4096;
/// Most pixels in all (16 MB of decoded RGBA).
pub const MAX_IMAGE_PIXELS: u64 = 4_000_000;
/// Most memory the decoder may take beyond the pixels themselves, bytes.
const DECODER_MEMORY: usize = 8 * 1024 * 1024;
/// Pixels per inch when the PNG does not say (Word's convention).
pub const DEFAULT_DPI: f32 = 96.0;

/// A decoded PNG.
#[derive(Clone, PartialEq)]
pub struct Png {
    /// The file as read (written into the DOCX unchanged).
    pub file: Arc<[u8]>,
    pub width: u32,
    pub height: u32,
    /// Pixels per inch across and down, from the `pHYs` chunk when it gives
    /// them in metres, else [`DEFAULT_DPI`].
    pub dpi: (f32, f32),
    /// 8-bit RGB, row by row.
    pub rgb: Arc<[u8]>,
    /// 8-bit alpha, one byte a pixel, when the picture has transparency.
    pub alpha: Option<Arc<[u8]>>,
}

impl fmt::Debug for Png {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Png({}×{} px, {} bytes{})",
            self.width,
            self.height,
            self.file.len(),
            if self.alpha.is_some() { ", alpha" } else { "" }
        )
    }
}

impl Png {
    /// Decodes `file`, refusing what is not a PNG or is larger than the
    /// limits; the message says what is wrong, for the field's problem.
    pub fn read(file: Vec<u8>) -> Result<Png, String> {
        if file.len() as u64 > MAX_IMAGE_BYTES {
            return Err(format!(
                "the file is {} bytes, more than the limit of {MAX_IMAGE_BYTES} bytes for a picture",
                file.len()
            ));
        }
        if !file.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Err(
                "is not a PNG file (the decree asks for PNG with a transparent background)".into(),
            );
        }
        let limits = png::Limits {
            bytes: DECODER_MEMORY,
        };
        let mut decoder = png::Decoder::new_with_limits(Cursor::new(&file[..]), limits);
        decoder.set_transformations(png::Transformations::normalize_to_color8());
        let header = decoder
            .read_header_info()
            .map_err(|e| format!("is not a readable PNG ({e})"))?;
        let (width, height) = (header.width, header.height);
        if width > MAX_IMAGE_SIDE
            || height > MAX_IMAGE_SIDE
            || width as u64 * height as u64 > MAX_IMAGE_PIXELS
        {
            return Err(format!(
                "is {width}×{height} pixels, more than the limit of {MAX_IMAGE_SIDE} pixels a side and {MAX_IMAGE_PIXELS} in all"
            ));
        }
        let mut reader = decoder
            .read_info()
            .map_err(|e| format!("is not a readable PNG ({e})"))?;
        let dpi = match reader.info().pixel_dims {
            Some(png::PixelDimensions {
                xppu,
                yppu,
                unit: png::Unit::Meter,
            }) if xppu > 0 && yppu > 0 => (xppu as f32 * 0.0254, yppu as f32 * 0.0254),
            _ => (DEFAULT_DPI, DEFAULT_DPI),
        };
        let size = reader
            .output_buffer_size()
            .ok_or_else(|| "is too large to decode".to_string())?;
        let mut pixels = vec![0; size];
        let frame = reader
            .next_frame(&mut pixels)
            .map_err(|e| format!("is not a readable PNG ({e})"))?;
        pixels.truncate(frame.buffer_size());
        let (rgb, alpha) = split(&pixels, frame.color_type);
        Ok(Png {
            file: file.into(),
            width,
            height,
            dpi,
            rgb: rgb.into(),
            alpha: alpha.map(Into::into),
        })
    }

    /// Its size at its own resolution, mm (width, height).
    pub fn natural_size(&self) -> (f32, f32) {
        (
            self.width as f32 / self.dpi.0 * 25.4,
            self.height as f32 / self.dpi.1 * 25.4,
        )
    }

    /// Height over width.
    pub fn aspect(&self) -> f32 {
        self.height as f32 / self.width.max(1) as f32
    }
}

/// 8-bit pixels of `color` as RGB and, if they have one, alpha.
fn split(pixels: &[u8], color: png::ColorType) -> (Vec<u8>, Option<Vec<u8>>) {
    use png::ColorType::*;
    match color {
        Rgb => (pixels.to_vec(), None),
        Rgba => {
            let rgb = pixels
                .chunks_exact(4)
                .flat_map(|p| [p[0], p[1], p[2]])
                .collect();
            (rgb, Some(pixels.chunks_exact(4).map(|p| p[3]).collect()))
        }
        Grayscale => (pixels.iter().flat_map(|&g| [g, g, g]).collect(), None),
        GrayscaleAlpha => {
            let rgb = pixels
                .chunks_exact(2)
                .flat_map(|p| [p[0], p[0], p[0]])
                .collect();
            (rgb, Some(pixels.chunks_exact(2).map(|p| p[1]).collect()))
        }
        // EXPAND turns a palette into RGB(A); nothing else is left.
        Indexed => (pixels.to_vec(), None),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A `width`×`height` RGBA PNG: opaque blue strokes on a transparent
    /// ground, at `dpi` when given.
    pub fn png(width: u32, height: u32, dpi: Option<u32>) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, width, height);
            encoder.set_color(png::ColorType::Rgba);
            encoder.set_depth(png::BitDepth::Eight);
            if let Some(dpi) = dpi {
                encoder.set_pixel_dims(Some(png::PixelDimensions {
                    xppu: (dpi as f32 / 0.0254).round() as u32,
                    yppu: (dpi as f32 / 0.0254).round() as u32,
                    unit: png::Unit::Meter,
                }));
            }
            let mut writer = encoder.write_header().unwrap();
            let data: Vec<u8> = (0..width * height)
                .flat_map(|i| {
                    let on = (i % width + i / width) % 7 == 0;
                    [0, 0, 200, if on { 255 } else { 0 }]
                })
                .collect();
            writer.write_image_data(&data).unwrap();
        }
        out
    }

    #[test]
    fn reads_size_resolution_and_transparency() {
        let png = Png::read(png(300, 100, Some(300))).unwrap();
        assert_eq!((png.width, png.height), (300, 100));
        let (w, h) = png.natural_size();
        assert!(
            (w - 25.4).abs() < 0.01 && (h - 8.467).abs() < 0.01,
            "{w} {h}"
        );
        assert_eq!(png.rgb.len(), 300 * 100 * 3);
        let alpha = png.alpha.as_ref().unwrap();
        assert!(alpha.contains(&0) && alpha.contains(&255));
        // No pHYs: 96 dpi.
        let plain = Png::read(self::png(96, 48, None)).unwrap();
        let (w, h) = plain.natural_size();
        assert!((w - 25.4).abs() < 0.01 && (h - 12.7).abs() < 0.01);
    }

    #[test]
    fn refuses_what_is_not_a_png_or_too_large() {
        let jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF".to_vec();
        assert!(Png::read(jpeg).unwrap_err().contains("not a PNG"));
        let mut cut = png(50, 50, None);
        cut.truncate(cut.len() / 2);
        assert!(Png::read(cut).unwrap_err().contains("not a readable PNG"));
        let wide = png(MAX_IMAGE_SIDE + 1, 1, None);
        assert!(Png::read(wide).unwrap_err().contains("pixels a side"));
        let big = vec![0; MAX_IMAGE_BYTES as usize + 1];
        assert!(Png::read(big).unwrap_err().contains("more than the limit"));
    }

    #[test]
    fn a_header_claiming_more_than_its_data_is_refused() {
        // A valid 1×1 PNG whose IHDR is patched (CRC fixed): a claim past
        // the limits is refused from the header, one within them when the
        // data runs out.
        let patched = |side: u32| {
            let mut file = png(1, 1, None);
            file[16..20].copy_from_slice(&side.to_be_bytes());
            file[20..24].copy_from_slice(&side.to_be_bytes());
            let crc = crc32(&file[12..29]);
            file[29..33].copy_from_slice(&crc.to_be_bytes());
            file
        };
        let err = Png::read(patched(4096)).unwrap_err();
        assert!(err.contains("in all"), "{err}");
        let err = Png::read(patched(1000)).unwrap_err();
        assert!(err.contains("not a readable PNG"), "{err}");
    }

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffffu32;
        for &b in bytes {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
