//! The signature and seal pictures in the PDF: each PNG an image XObject
//! (8-bit RGB, Flate) with its transparency as a soft mask (`/SMask`, which
//! PDF/A-2 allows), drawn over the text in a content stream of its own at
//! the place the composition gave it; and those places on their pages, for
//! signing ([`SignaturePlaces`]).

use std::sync::Arc;

use lopdf::{Dictionary, Object, ObjectId, Stream};
use vanban::compose::PictureRole;
use vanban::image::Png;
use vanban::style::mm_to_pt;

use crate::bytes::deflate;
use crate::flow::Mark;

/// A rectangle on a page in PDF user space: points, `x`/`y` its lower-left
/// corner measured from the page's lower-left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// A rectangle on one page; `page` counts from 0 in the PDF's page order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub rect: Rect,
}

/// Where the document's own signer signs: the gap between title and name
/// (always, even without pictures), and the signature and seal pictures
/// when the document has them. What `vanban sign` uses to put each visible
/// signature where the composition put its picture.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SignaturePlaces {
    pub gap: Option<Placed>,
    pub signature: Option<Placed>,
    pub seal: Option<Placed>,
}

/// The places of the pictures among the pages' marks (`sizes` in mm).
pub fn places(pages: &[Vec<Mark>], sizes: &[(f32, f32)]) -> SignaturePlaces {
    let mut out = SignaturePlaces::default();
    for (page, (marks, &(_, height))) in pages.iter().zip(sizes).enumerate() {
        for mark in marks {
            let Mark::Picture {
                role,
                image,
                x,
                y,
                width,
                height: h,
            } = mark
            else {
                continue;
            };
            let placed = Placed {
                page,
                rect: Rect {
                    x: *x,
                    y: mm_to_pt(height) - y - h,
                    width: *width,
                    height: *h,
                },
            };
            let slot = match role {
                PictureRole::Gap => &mut out.gap,
                PictureRole::Signature => &mut out.signature,
                PictureRole::Seal => &mut out.seal,
            };
            // The document's own signer: the first gap; pictures with images.
            if slot.is_none() && (image.is_some() || *role == PictureRole::Gap) {
                *slot = Some(placed);
            }
        }
    }
    out
}

/// Adds the pictures of `pages` to `pdf`: one XObject per distinct PNG, and
/// on each page that has pictures a content stream drawing them after
/// (over) its text.
pub fn embed(pdf: &mut lopdf::Document, pages: &[Vec<Mark>], sizes: &[(f32, f32)]) {
    let mut images: Vec<(Arc<Png>, ObjectId)> = Vec::new();
    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    for ((marks, &(_, height)), &page_id) in pages.iter().zip(sizes).zip(&page_ids) {
        let mut content = Vec::new();
        let mut resources = Dictionary::new();
        for mark in marks {
            let Mark::Picture {
                image: Some(png),
                x,
                y,
                width,
                height: h,
                ..
            } = mark
            else {
                continue;
            };
            let index = match images.iter().position(|(p, _)| **p == **png) {
                Some(i) => i,
                None => {
                    let id = xobject(pdf, png);
                    images.push((png.clone(), id));
                    images.len() - 1
                }
            };
            let name = format!("Im{index}");
            resources.set(name.as_bytes(), Object::Reference(images[index].1));
            content.extend_from_slice(
                format!(
                    "q\n{} 0 0 {} {} {} cm\n/{name} Do\nQ\n",
                    q(*width),
                    q(*h),
                    q(*x),
                    q(mm_to_pt(height) - y - h)
                )
                .as_bytes(),
            );
        }
        if !content.is_empty() {
            add_to_page(pdf, page_id, content, resources);
        }
    }
}

/// The image XObject of `png`, with its alpha as a soft mask.
fn xobject(pdf: &mut lopdf::Document, png: &Png) -> ObjectId {
    let image = |space: &str, data: &[u8]| {
        let mut d = Dictionary::new();
        d.set("Type", Object::Name(b"XObject".to_vec()));
        d.set("Subtype", Object::Name(b"Image".to_vec()));
        d.set("Width", Object::Integer(png.width as i64));
        d.set("Height", Object::Integer(png.height as i64));
        d.set("ColorSpace", Object::Name(space.as_bytes().to_vec()));
        d.set("BitsPerComponent", Object::Integer(8));
        d.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        Stream::new(d, deflate(data, 6))
    };
    let mut rgb = image("DeviceRGB", &png.rgb);
    if let Some(alpha) = &png.alpha {
        let mask = pdf.add_object(image("DeviceGray", alpha));
        rgb.dict.set("SMask", Object::Reference(mask));
    }
    pdf.add_object(rgb)
}

/// Appends `content` to the page's content and `xobjects` to its
/// resources (the page gets a resource dictionary of its own).
fn add_to_page(pdf: &mut lopdf::Document, page: ObjectId, content: Vec<u8>, xobjects: Dictionary) {
    let stream = pdf.add_object(Stream::new(Dictionary::new(), content));
    let resources = pdf
        .get_dictionary(page)
        .ok()
        .and_then(|p| p.get(b"Resources").ok().cloned());
    let mut resources = match resources {
        Some(Object::Reference(id)) => pdf.get_dictionary(id).cloned().unwrap_or_default(),
        Some(Object::Dictionary(d)) => d,
        _ => Dictionary::new(),
    };
    let mut all = match resources.get(b"XObject") {
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    for (name, value) in xobjects.iter() {
        all.set(name.clone(), value.clone());
    }
    resources.set("XObject", Object::Dictionary(all));
    if let Ok(dict) = pdf.get_dictionary_mut(page) {
        let contents = match dict.get(b"Contents") {
            Ok(Object::Array(items)) => {
                let mut items = items.clone();
                items.push(Object::Reference(stream));
                items
            }
            Ok(other) => vec![other.clone(), Object::Reference(stream)],
            Err(_) => vec![Object::Reference(stream)],
        };
        dict.set("Contents", Object::Array(contents));
        dict.set("Resources", Object::Dictionary(resources));
    }
}

/// Rounded to a thousandth, without `-0`.
fn q(v: f32) -> f32 {
    (v * 1000.0).round() / 1000.0 + 0.0
}
