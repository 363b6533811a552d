//! Pictures shown by signature widgets: a signed e-document's signature and
//! seal pictures are the appearances of its signatures (`vanban sign`,
//! `render --sign`), drawn at the widget's /Rect rather than by the page.

use lopdf::{Document, Object, ObjectId};

/// Annotations looked at on one page, at most.
const MAX_ANNOTS: usize = 1000;

/// The /Rect (pt, from the page's bottom left) of each signature widget on
/// `page_id` whose normal appearance draws an image.
pub fn picture_rects(doc: &Document, page_id: ObjectId) -> Vec<[f32; 4]> {
    let deref = |o: &Object| match o {
        Object::Reference(id) => doc.get_object(*id).ok().cloned(),
        other => Some(other.clone()),
    };
    let Some(annots) = doc
        .get_dictionary(page_id)
        .ok()
        .and_then(|p| p.get(b"Annots").ok())
        .and_then(deref)
        .and_then(|a| a.as_array().ok().cloned())
    else {
        return Vec::new();
    };
    let mut rects = Vec::new();
    for annot in annots.iter().take(MAX_ANNOTS) {
        let Some(Object::Dictionary(d)) = deref(annot) else {
            continue;
        };
        let is_sig = d.get(b"FT").and_then(Object::as_name).ok() == Some(b"Sig");
        let shows_image = d
            .get(b"AP")
            .ok()
            .and_then(deref)
            .and_then(|ap| ap.as_dict().ok()?.get(b"N").ok().cloned())
            .and_then(|n| deref(&n))
            .and_then(|n| n.as_stream().ok()?.dict.get(b"Resources").ok().cloned())
            .and_then(|r| deref(&r))
            .and_then(|r| r.as_dict().ok()?.get(b"XObject").ok().cloned())
            .and_then(|x| deref(&x))
            .and_then(|x| x.as_dict().ok().cloned())
            .is_some_and(|x| {
                x.iter().any(|(_, v)| {
                    deref(v).is_some_and(|s| {
                        s.as_stream().is_ok_and(|s| {
                            s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
                        })
                    })
                })
            });
        let rect: Vec<f32> = d
            .get(b"Rect")
            .and_then(Object::as_array)
            .map(|r| r.iter().filter_map(|v| v.as_float().ok()).collect())
            .unwrap_or_default();
        if is_sig && shows_image && rect.len() == 4 {
            let (x0, x1) = (rect[0].min(rect[2]), rect[0].max(rect[2]));
            let (y0, y1) = (rect[1].min(rect[3]), rect[1].max(rect[3]));
            if x1 > x0 && y1 > y0 {
                rects.push([x0, y0, x1, y1]);
            }
        }
    }
    rects
}
