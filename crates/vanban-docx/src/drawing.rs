//! The signature and seal pictures as floating pictures (`wp:anchor`)
//! anchored in the signer's cell: placed from the cell's column and the
//! gap's first paragraph as the composition says, over the text without
//! moving it (`wp:wrapNone`), the seal above the signature.
//!
//! docx-rs 0.4.22 writes an anchor's offsets as unsigned numbers (a seal
//! reaching above its paragraph would wrap to 4294967…), never allows
//! overlap and gives every picture `docPr id="1"`; [`fix`] mends the XML.

use docx_rs::{Pic, RelativeFromHType, RelativeFromVType, Run};
use vanban::compose::{Picture, PictureRole};
use vanban::style::{mm_to_twips, pt_to_mm};

/// A run holding `picture` floating from its paragraph, or none for a box
/// without an image (the gap).
pub fn run(picture: &Picture) -> Option<Run> {
    let png = picture.image.as_ref()?;
    let b = picture.place;
    // Lengths go through the twip grid, as every other DOCX length does
    // (635 EMU a twip, ECMA-376 §20.1.2.1).
    let emu = |mm: f32| mm_to_twips(mm) * 635;
    let mut pic = Pic::new_with_dimensions(png.file.to_vec(), png.width, png.height)
        .id(match picture.role {
            PictureRole::Seal => "rIdVanbanSeal",
            _ => "rIdVanbanSignature",
        })
        .size(emu(b.width) as u32, emu(b.height) as u32)
        .floating()
        .overlapping()
        .relative_from_h(RelativeFromHType::Column)
        .relative_from_v(RelativeFromVType::Paragraph)
        .offset_x(emu(b.x))
        .offset_y(emu(pt_to_mm(b.y)))
        // The seal stands over the signature.
        .relative_height(match picture.role {
            PictureRole::Seal => 2,
            _ => 1,
        });
    pic.layout_in_cell = true;
    Some(Run::new().add_image(pic))
}

/// Mends docx-rs's anchors in a part: signed offsets, overlap allowed, a
/// distinct `docPr` id and name for each picture.
pub fn fix(xml: &str) -> String {
    if !xml.contains("<wp:anchor") {
        return xml.to_string();
    }
    let mut out = xml.replace(
        "allowOverlap=\"0\" behindDoc=\"0\"",
        "allowOverlap=\"1\" behindDoc=\"0\"",
    );
    out = replace_each(
        &out,
        "<wp:posOffset>",
        "</wp:posOffset>",
        |_, value| match value.parse::<u32>() {
            Ok(v) => (v as i32).to_string(),
            Err(_) => value.to_string(),
        },
    );
    replace_each(&out, "<wp:docPr ", "/>", |i, _| {
        format!("id=\"{}\" name=\"Picture {}\" ", i + 1, i + 1)
    })
}

/// `text` with what stands between each `open` and the next `close`
/// replaced by `with(index, old)`.
fn replace_each(
    text: &str,
    open: &str,
    close: &str,
    with: impl Fn(usize, &str) -> String,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut i = 0;
    while let Some(at) = rest.find(open) {
        let start = at + open.len();
        let Some(len) = rest[start..].find(close) else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&with(i, &rest[start..start + len]));
        i += 1;
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_signed_overlap_allowed_and_ids_distinct() {
        let xml = r#"<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" allowOverlap="0" behindDoc="0" locked="0" layoutInCell="1" relativeHeight="1"><wp:positionH relativeFrom="column"><wp:posOffset>360000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>4294967196</wp:posOffset></wp:positionV><wp:docPr id="1" name="Figure" /></wp:anchor><wp:anchor allowOverlap="0" behindDoc="0"><wp:docPr id="1" name="Figure" />"#;
        let fixed = fix(xml);
        assert!(fixed.contains("<wp:posOffset>360000</wp:posOffset>"));
        assert!(fixed.contains("<wp:posOffset>-100</wp:posOffset>"));
        assert!(!fixed.contains("allowOverlap=\"0\""));
        assert!(fixed.contains(r#"<wp:docPr id="1" name="Picture 1" />"#));
        assert!(fixed.contains(r#"<wp:docPr id="2" name="Picture 2" />"#));
    }
}
