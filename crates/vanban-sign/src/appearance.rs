//! What a signature shows on the page (its widget's appearance stream): the
//! signer's or seal's PNG image where the composition put it, or the
//! decree's 10 pt text at the top right of page 1 for a separate-file
//! attachment (ô 8) and for an electronic copy (ô 14), or nothing.

use std::collections::BTreeSet;
use std::io::Write;

use lopdf::{dictionary, Object, ObjectId, Stream};
use vanban::metrics::{FaceStyle, FontSet};

use crate::SignError;

/// Largest PNG taken as an appearance.
pub const MAX_PNG_BYTES: usize = 8 << 20;
/// Largest PNG side in pixels.
const MAX_PNG_SIDE: u32 = 8000;

/// A rectangle on the page in PDF points, origin at the bottom left.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }
}

/// What the signature shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Appearance {
    /// No mark on the page (the widget has an empty rectangle).
    Invisible,
    /// A PNG (the signer's signature or the seal) drawn into `rect` on
    /// page `page` (1-based).
    Image {
        page: usize,
        rect: Rect,
        png: Vec<u8>,
    },
    /// Lines of 10 pt black text at the top right of page 1 (the decree's
    /// attachment and copy marks), right-aligned.
    TopRightText { lines: Vec<String> },
    /// A field at `rect` on page `page` (1-based) that draws nothing: the
    /// signer's gap when the document has no signature picture.
    Field { page: usize, rect: Rect },
}

impl Appearance {
    /// The page (1-based) the widget stands on.
    pub fn page(&self) -> usize {
        match self {
            Appearance::Image { page, .. } | Appearance::Field { page, .. } => *page,
            Appearance::Invisible | Appearance::TopRightText { .. } => 1,
        }
    }
}

/// Text size of the decree's attachment and copy marks (II.8.b, II ô 14).
pub const TEXT_PT: f32 = 10.0;
/// The text's distance from the page's right edge: the right margin.
const TEXT_RIGHT_MM: f32 = 15.0;
/// The text's distance from the page's top: it stays above the header,
/// which starts at the 20 mm top margin.
const TEXT_TOP_MM: f32 = 5.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

/// The objects an appearance adds, and where its widget stands.
pub(crate) struct Drawn {
    pub rect: Rect,
    /// The form XObject (`/AP /N`), and the objects it uses.
    pub form: ObjectId,
    pub objects: Vec<(ObjectId, Object)>,
}

/// Hands out fresh object ids.
pub(crate) struct Ids(pub u32);

impl Ids {
    pub fn next(&mut self) -> ObjectId {
        let id = (self.0, 0);
        self.0 += 1;
        id
    }
}

fn deflate(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(bytes);
    e.finish().unwrap_or_default()
}

fn form(bbox: Rect, resources: lopdf::Dictionary, content: Vec<u8>) -> Object {
    Object::Stream(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), Object::Real(bbox.width()), Object::Real(bbox.height())],
            "Resources" => resources,
        },
        content,
    ))
}

/// Draws `appearance` for a page of `page_size` (width, height in pt).
pub(crate) fn draw(
    appearance: &Appearance,
    page_size: (f32, f32),
    ids: &mut Ids,
) -> Result<Drawn, SignError> {
    match appearance {
        Appearance::Invisible => {
            let form_id = ids.next();
            let rect = Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 0.0,
                y1: 0.0,
            };
            Ok(Drawn {
                rect,
                form: form_id,
                objects: vec![(form_id, form(rect, lopdf::Dictionary::new(), Vec::new()))],
            })
        }
        Appearance::Image { rect, png, .. } => image(*rect, png, ids),
        Appearance::TopRightText { lines } => text(lines, page_size, ids),
        Appearance::Field { rect, .. } => {
            let rect = *rect;
            if rect.width() <= 0.0 || rect.height() <= 0.0 {
                return Err(SignError::Appearance(
                    "the signature's rectangle is empty".into(),
                ));
            }
            let form_id = ids.next();
            Ok(Drawn {
                rect,
                form: form_id,
                objects: vec![(form_id, form(rect, lopdf::Dictionary::new(), Vec::new()))],
            })
        }
    }
}

fn image(rect: Rect, png_bytes: &[u8], ids: &mut Ids) -> Result<Drawn, SignError> {
    let bad = |m: String| SignError::Appearance(format!("the signature image: {m}"));
    if png_bytes.len() > MAX_PNG_BYTES {
        return Err(bad(format!("more than {MAX_PNG_BYTES} bytes")));
    }
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return Err(bad("its rectangle is empty".into()));
    }
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder
        .read_info()
        .map_err(|e| bad(format!("not a PNG: {e}")))?;
    let (w, h) = (reader.info().width, reader.info().height);
    if w > MAX_PNG_SIDE || h > MAX_PNG_SIDE {
        return Err(bad(format!(
            "{w}×{h} pixels, more than {MAX_PNG_SIDE} a side"
        )));
    }
    let mut buf = vec![
        0;
        reader
            .output_buffer_size()
            .ok_or_else(|| bad("too large".into()))?
    ];
    let frame = reader
        .next_frame(&mut buf)
        .map_err(|e| bad(format!("not a PNG: {e}")))?;
    let pixels = &buf[..frame.buffer_size()];
    let (mut rgb, mut alpha) = (Vec::new(), Vec::new());
    match frame.color_type {
        png::ColorType::Rgba => pixels.chunks_exact(4).for_each(|p| {
            rgb.extend(&p[..3]);
            alpha.push(p[3]);
        }),
        png::ColorType::Rgb => rgb.extend(pixels),
        png::ColorType::GrayscaleAlpha => pixels.chunks_exact(2).for_each(|p| {
            rgb.extend([p[0]; 3]);
            alpha.push(p[1]);
        }),
        png::ColorType::Grayscale => pixels.iter().for_each(|&g| rgb.extend([g; 3])),
        other => return Err(bad(format!("unexpected colour type {other:?}"))),
    }
    let (form_id, image_id) = (ids.next(), ids.next());
    let mut objects = Vec::new();
    let mut image_dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Image",
        "Width" => w as i64,
        "Height" => h as i64,
        "ColorSpace" => "DeviceRGB",
        "BitsPerComponent" => 8,
        "Filter" => "FlateDecode",
    };
    if !alpha.is_empty() && alpha.iter().any(|&a| a != 255) {
        let mask_id = ids.next();
        image_dict.set("SMask", mask_id);
        objects.push((
            mask_id,
            Object::Stream(Stream::new(
                dictionary! {
                    "Type" => "XObject",
                    "Subtype" => "Image",
                    "Width" => w as i64,
                    "Height" => h as i64,
                    "ColorSpace" => "DeviceGray",
                    "BitsPerComponent" => 8,
                    "Filter" => "FlateDecode",
                },
                deflate(&alpha),
            )),
        ));
    }
    objects.push((
        image_id,
        Object::Stream(Stream::new(image_dict, deflate(&rgb))),
    ));
    let content = format!(
        "q {} 0 0 {} 0 0 cm /Im0 Do Q",
        crate::write_real(rect.width()),
        crate::write_real(rect.height())
    );
    let resources = dictionary! { "XObject" => dictionary! { "Im0" => image_id } };
    objects.push((form_id, form(rect, resources, content.into_bytes())));
    Ok(Drawn {
        rect,
        form: form_id,
        objects,
    })
}

/// The decree's mark: 10 pt black upright text, right-aligned at the top
/// right of page 1, in the built-in Liberation Serif (Times New Roman's
/// metrics), embedded as a subset.
fn text(lines: &[String], (page_w, page_h): (f32, f32), ids: &mut Ids) -> Result<Drawn, SignError> {
    let font = FontSet::liberation_serif().face(FaceStyle::Regular);
    let face = ttf_parser::Face::parse(font.data(), 0)
        .map_err(|e| SignError::Appearance(format!("the built-in font: {e}")))?;
    let lines: Vec<String> = lines
        .iter()
        .map(|l| unicode_normalization::UnicodeNormalization::nfc(l.as_str()).collect())
        .collect();
    let missing: Vec<char> = lines
        .iter()
        .flat_map(|l| l.chars())
        .filter(|&c| face.glyph_index(c).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(SignError::Appearance(format!(
            "the mark's text has characters the font lacks: {missing:?}"
        )));
    }
    let leading = font.line_height(TEXT_PT);
    let widths: Vec<f32> = lines.iter().map(|l| font.width(l, TEXT_PT)).collect();
    let width = widths.iter().cloned().fold(0.0, f32::max).ceil() + 2.0;
    let height = (leading * lines.len() as f32).ceil() + 2.0;
    let x1 = page_w - TEXT_RIGHT_MM * PT_PER_MM;
    let y1 = page_h - TEXT_TOP_MM * PT_PER_MM;
    let rect = Rect {
        x0: x1 - width,
        y0: y1 - height,
        x1,
        y1,
    };
    let mut content = String::from("BT 0 g\n/F1 10 Tf\n");
    let mut used = BTreeSet::new();
    for (i, (line, w)) in lines.iter().zip(&widths).enumerate() {
        let x = width - 1.0 - w;
        let y = height - 1.0 - font.ascent(TEXT_PT) - leading * i as f32;
        let mut hex = String::new();
        for c in line.chars() {
            let gid = face.glyph_index(c).map_or(0, |g| g.0);
            used.insert(gid);
            hex.push_str(&format!("{gid:04X}"));
        }
        content.push_str(&format!(
            "1 0 0 1 {} {} Tm <{hex}> Tj\n",
            crate::write_real(x),
            crate::write_real(y)
        ));
    }
    content.push_str("ET");
    let font_id = embed_font(&face, font, &lines, &used, ids)?;
    let form_id = ids.next();
    let mut objects = font_id.1;
    let resources = dictionary! { "Font" => dictionary! { "F1" => font_id.0 } };
    objects.push((form_id, form(rect, resources, content.into_bytes())));
    Ok(Drawn {
        rect,
        form: form_id,
        objects,
    })
}

type Objects = Vec<(ObjectId, Object)>;

/// A Type 0 font (Identity-H, glyph ids as codes) with the glyphs `used`,
/// their widths and a ToUnicode map, so the mark's text can be copied.
fn embed_font(
    face: &ttf_parser::Face,
    font: &vanban::metrics::Font,
    lines: &[String],
    used: &BTreeSet<u16>,
    ids: &mut Ids,
) -> Result<(ObjectId, Objects), SignError> {
    let program = vanban_pdf::subset_font(font.data(), used)
        .ok_or_else(|| SignError::Appearance("the built-in font cannot be subset".into()))?;
    let (type0, cid, descriptor, file, to_unicode) =
        (ids.next(), ids.next(), ids.next(), ids.next(), ids.next());
    let scale = 1000.0 / f32::from(font.units_per_em);
    let mut widths = Vec::new();
    for &g in used {
        let w = face.glyph_hor_advance(ttf_parser::GlyphId(g)).unwrap_or(0);
        widths.push(Object::Integer(i64::from(g)));
        widths.push(Object::Array(vec![Object::Integer(
            (f32::from(w) * scale).round() as i64,
        )]));
    }
    // Deterministic subset tag from the glyphs used.
    let tag: String = {
        let mut h: u32 = 2166136261;
        for &g in used {
            h = (h ^ u32::from(g)).wrapping_mul(16777619);
        }
        (0..6)
            .map(|i| (b'A' + ((h >> (i * 5)) % 26) as u8) as char)
            .collect()
    };
    let base = format!("{tag}+{}", font.postscript_name);
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n\
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    let mut pairs = BTreeSet::new();
    for c in lines.iter().flat_map(|l| l.chars()) {
        if let Some(g) = face.glyph_index(c) {
            pairs.insert((g.0, c));
        }
    }
    cmap.push_str(&format!("{} beginbfchar\n", pairs.len()));
    for (g, c) in &pairs {
        let utf16: String = c
            .encode_utf16(&mut [0; 2])
            .iter()
            .map(|u| format!("{u:04X}"))
            .collect();
        cmap.push_str(&format!("<{g:04X}> <{utf16}>\n"));
    }
    cmap.push_str("endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end");
    let bbox: Vec<Object> = font
        .bbox
        .iter()
        .map(|&v| Object::Integer((f32::from(v) * scale).round() as i64))
        .collect();
    let objects = vec![
        (
            type0,
            Object::Dictionary(dictionary! {
                "Type" => "Font",
                "Subtype" => "Type0",
                "BaseFont" => Object::Name(base.clone().into_bytes()),
                "Encoding" => "Identity-H",
                "DescendantFonts" => vec![cid.into()],
                "ToUnicode" => to_unicode,
            }),
        ),
        (
            cid,
            Object::Dictionary(dictionary! {
                "Type" => "Font",
                "Subtype" => "CIDFontType2",
                "BaseFont" => Object::Name(base.clone().into_bytes()),
                "CIDSystemInfo" => dictionary! {
                    "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("Identity"),
                    "Supplement" => 0,
                },
                "FontDescriptor" => descriptor,
                "CIDToGIDMap" => "Identity",
                "W" => widths,
            }),
        ),
        (
            descriptor,
            Object::Dictionary(dictionary! {
                "Type" => "FontDescriptor",
                "FontName" => Object::Name(base.into_bytes()),
                "Flags" => 34,
                "FontBBox" => bbox,
                "ItalicAngle" => 0,
                "Ascent" => (f32::from(font.ascender) * scale).round() as i64,
                "Descent" => (f32::from(font.descender) * scale).round() as i64,
                "CapHeight" => (f32::from(font.cap_height) * scale).round() as i64,
                "StemV" => 80,
                "FontFile2" => file,
            }),
        ),
        (
            file,
            Object::Stream(Stream::new(
                dictionary! { "Filter" => "FlateDecode", "Length1" => program.len() as i64 },
                deflate(&program),
            )),
        ),
        (
            to_unicode,
            Object::Stream(Stream::new(lopdf::Dictionary::new(), cmap.into_bytes())),
        ),
    ];
    Ok((type0, objects))
}
