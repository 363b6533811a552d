//! Where the signature and seal pictures stand (ô 7c, 8), decided once for
//! validation, both writers and signing: the signature centred in the gap
//! between the title and the name, at its own size; the seal at its real
//! diameter over the left third of the signature, centred on the same
//! height. The gap is as tall with pictures as without: they float over it.

use std::sync::Arc;

use super::plan::{Paragraph, Picture, PictureRole};
use super::stack_height;
use crate::image::Png;
use crate::metrics::FontSet;
use crate::model::Seal;
use crate::style::{mm_to_pt, pt_to_mm, Style};

/// A picture's box: `x` mm from the left edge of the signer's column (inside
/// its cell padding), `y` pt down from the top of the gap, `width` and
/// `height` in mm.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PictureBox {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// The gap left for signature and seal, pt: the style's blank lines at the
/// name's size.
pub fn gap_height(style: &Style, fonts: &FontSet) -> f32 {
    let line = Paragraph::new(style.signer_name);
    style.signature_gap_lines as f32 * stack_height(fonts, &[line], 100.0)
}

/// The signature at its own size, centred across the column `column` mm
/// wide and down the gap `gap` pt tall.
pub fn signature_box(png: &Png, column: f32, gap: f32) -> PictureBox {
    let (width, height) = png.natural_size();
    PictureBox {
        x: (column - width) / 2.0,
        y: (gap - mm_to_pt(height)) / 2.0,
        width,
        height,
    }
}

/// The seal `diameter` mm wide (its picture's proportions kept), centred
/// on the signature's height with its right edge a third of the way into
/// the signature; with no signature, centred in the gap.
pub fn seal_box(
    diameter: f32,
    aspect: f32,
    signature: Option<PictureBox>,
    column: f32,
    gap: f32,
) -> PictureBox {
    let height = diameter * aspect;
    let (x, centre) = match signature {
        Some(s) => (
            s.x + s.width / 3.0 - diameter,
            s.y + mm_to_pt(s.height) / 2.0,
        ),
        None => ((column - diameter) / 2.0, gap / 2.0),
    };
    PictureBox {
        x,
        y: centre - mm_to_pt(height) / 2.0,
        width: diameter,
        height,
    }
}

/// Why the pictures cannot stand where the decree puts them in a column
/// `column` mm wide: (field, message) for each that does not fit. The
/// signature comes with its field's path.
pub fn misfits(
    style: &Style,
    fonts: &FontSet,
    signature: Option<(&str, &Png)>,
    seal: Option<(f32, f32)>,
    column: f32,
) -> Vec<(String, String)> {
    let gap = gap_height(style, fonts);
    let mut out = Vec::new();
    let sig = signature.map(|(_, png)| signature_box(png, column, gap));
    if let (Some(b), Some((field, _))) = (sig, signature) {
        if mm_to_pt(b.height) > gap + 0.01 || b.width > column + 0.01 {
            out.push((
                field.to_string(),
                format!(
                    "at its own size ({:.1} × {:.1} mm, from its pixels and resolution) it does not fit the gap between title and name ({:.1} × {:.1} mm); export it smaller or at a higher resolution",
                    b.width,
                    b.height,
                    column,
                    pt_to_mm(gap)
                ),
            ));
        }
    }
    if let Some((diameter, aspect)) = seal {
        let b = seal_box(diameter, aspect, sig, column, gap);
        if b.x < -0.01 || b.x + b.width > column + 0.01 {
            out.push((
                "seal.diameter".to_string(),
                format!(
                    "a seal {diameter:.1} mm wide over the left third of the signature reaches out of the signer's column ({column:.1} mm wide)"
                ),
            ));
        }
    }
    out
}

/// The pictures of a signer's gap, anchored to its first blank line: the
/// signature, then the seal over it.
pub fn pictures(
    style: &Style,
    fonts: &FontSet,
    signature: Option<&Arc<Png>>,
    seal: Option<&Seal>,
    column: f32,
) -> Vec<Picture> {
    let gap = gap_height(style, fonts);
    let sig = signature.map(|png| signature_box(png, column, gap));
    let mut out = Vec::new();
    if let (Some(png), Some(b)) = (signature, sig) {
        out.push(Picture {
            role: PictureRole::Signature,
            image: Some(png.clone()),
            place: b,
        });
    }
    if let Some(seal) = seal {
        out.push(Picture {
            role: PictureRole::Seal,
            image: Some(seal.image.clone()),
            place: seal_box(seal.diameter, seal.image.aspect(), sig, column, gap),
        });
    }
    out
}

/// The gap itself as a box without a picture: where a signature would
/// stand (signing puts its visible signature there when the document has
/// no pictures).
pub fn gap(style: &Style, fonts: &FontSet, column: f32) -> Picture {
    Picture {
        role: PictureRole::Gap,
        image: None,
        place: PictureBox {
            x: 0.0,
            y: 0.0,
            width: column,
            height: pt_to_mm(gap_height(style, fonts)),
        },
    }
}

/// Keeps the pictures of a signer's `cell` inside a row `row` pt tall, as
/// Word and LibreOffice keep a picture laid out in a table cell: a seal
/// taller than the block beside its gap moves up from the row's foot, and
/// starts at the row's top when taller than the row.
pub fn keep_in_row(fonts: &FontSet, cell: &mut [Paragraph], width: f32, row: f32) {
    let Some(at) = cell.iter().position(|p| !p.pictures.is_empty()) else {
        return;
    };
    // From the cell's top to the anchor's top: the paragraphs above it.
    let above = stack_height(fonts, &cell[..at], width);
    for picture in &mut cell[at].pictures {
        let height = mm_to_pt(picture.place.height);
        let top = (above + picture.place.y).min(row - height).max(0.0);
        picture.place.y = top - above;
    }
}
