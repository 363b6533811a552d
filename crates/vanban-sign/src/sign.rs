//! Signing a PDF: the incremental update with the signature field, its
//! widget on the page, the AcroForm that lists it and the /Sig dictionary;
//! then the byte ranges are hashed and the CMS written into /Contents.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId};
use sha2::{Digest, Sha256};

use crate::appearance::{self, Appearance, Ids};
use crate::identity::Identity;
use crate::write::{self, Update};
use crate::{Role, SignError, SigningTime};
use vanban_lint::LintLimits;

/// How to sign.
#[derive(Clone, Debug)]
pub struct SignOptions {
    pub role: Role,
    /// The signing time (/M): given, so that signing is repeatable.
    pub time: SigningTime,
    pub appearance: Appearance,
    /// The reader's limits for the PDF signed.
    pub limits: LintLimits,
}

/// Width of the /ByteRange array's placeholder: four numbers of up to 10
/// digits.
const BYTE_RANGE_WIDTH: usize = 48;
/// Widget flags: Print (4) and Locked (128).
const WIDGET_FLAGS: i64 = 132;

/// Signs `pdf` as `identity`: returns the file with one more revision.
pub fn sign(pdf: &[u8], identity: &Identity, options: &SignOptions) -> Result<Vec<u8>, SignError> {
    let limits = &options.limits;
    if pdf.len() as u64 > limits.max_file_bytes {
        return Err(SignError::Read(vanban_lint::ReadError::Limit(
            vanban_lint::limits::Exceeded {
                place: "the file".into(),
                what: "bytes",
                limit: limits.max_file_bytes,
                flag: "--max-file-bytes",
            },
        )));
    }
    let doc = vanban_lint::pdf::load(pdf, limits)?;
    let root_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| SignError::Pdf("no document catalog (/Root)".into()))?;
    let mut catalog = dict_of(&doc, root_id, "the catalog")?;
    let pages = page_ids(&doc, limits)?;
    let size = doc
        .trailer
        .get(b"Size")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .max(i64::from(doc.max_id) + 1);
    let mut ids = Ids(size as u32);

    // The appearance first: it says which page the widget goes on.
    let page_size = |page_id: ObjectId| media_box(&doc, page_id);
    let first = *pages
        .first()
        .ok_or_else(|| SignError::Pdf("no pages".into()))?;
    let wanted = options.appearance.page();
    let page_id = *pages.get(wanted.wrapping_sub(1)).ok_or_else(|| {
        SignError::Appearance(format!(
            "the signature is on page {wanted}, but the PDF has {} pages",
            pages.len()
        ))
    })?;
    let drawn = appearance::draw(&options.appearance, page_size(first), &mut ids)?;

    let mut update = Update::new(pdf);
    let (field_id, sig_id) = (ids.next(), ids.next());
    let (form_ref, fields_owner) = acroform(&doc, &catalog)?;
    let name = field_name(&doc, &fields_owner.1, options.role);

    // The field and its widget, one dictionary (ISO 32000 §12.5.6.19).
    let r = drawn.rect;
    let field = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => write::text(&name),
        "V" => sig_id,
        "F" => WIDGET_FLAGS,
        "Rect" => vec![Object::Real(r.x0), Object::Real(r.y0), Object::Real(r.x1), Object::Real(r.y1)],
        "P" => page_id,
        "AP" => dictionary! { "N" => drawn.form },
    };
    for (id, obj) in &drawn.objects {
        update.add(*id, obj);
    }
    update.add(field_id, &Object::Dictionary(field));

    // The page lists the widget among its annotations.
    let mut page = dict_of(&doc, page_id, "the page")?;
    match page.get(b"Annots") {
        Ok(Object::Reference(annots_id)) => {
            let annots_id = *annots_id;
            let mut annots = doc
                .get_object(annots_id)
                .and_then(Object::as_array)
                .cloned()
                .map_err(|_| SignError::Pdf("the page's /Annots is not an array".into()))?;
            annots.push(field_id.into());
            update.add(annots_id, &Object::Array(annots));
        }
        Ok(Object::Array(list)) => {
            let mut list = list.clone();
            list.push(field_id.into());
            page.set("Annots", list);
            update.add(page_id, &Object::Dictionary(page));
        }
        _ => {
            page.set("Annots", vec![field_id.into()]);
            update.add(page_id, &Object::Dictionary(page));
        }
    }

    // The AcroForm lists the field; SigFlags 3: signatures exist, append only.
    let (owner, mut fields) = fields_owner;
    fields.push(field_id.into());
    let mut form = match form_ref {
        Some(id) => dict_of(&doc, id, "the AcroForm")?,
        None => catalog
            .get(b"AcroForm")
            .and_then(Object::as_dict)
            .cloned()
            .unwrap_or_default(),
    };
    match owner {
        Some(fields_id) => update.add(fields_id, &Object::Array(fields)),
        None => form.set("Fields", fields),
    }
    form.set("SigFlags", 3);
    match form_ref {
        Some(id) => update.add(id, &Object::Dictionary(form)),
        None => {
            catalog.set("AcroForm", form);
            update.add(root_id, &Object::Dictionary(catalog));
        }
    }

    // The signature dictionary, with room for the CMS once the file is
    // whole. Its exact size is known: same key and certificates, a digest
    // of fixed length.
    let capacity = crate::cms_build::signed_data(identity, &[0; 32])?.len();
    let mut sig = Vec::new();
    sig.extend(b"<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange ");
    let range_at = sig.len();
    sig.extend(format!("{:<width$}", "[0 0 0 0]", width = BYTE_RANGE_WIDTH).bytes());
    sig.extend(b"/Contents ");
    let contents_at = sig.len();
    sig.push(b'<');
    sig.extend(std::iter::repeat_n(b'0', capacity * 2));
    sig.push(b'>');
    let mut rest = Vec::new();
    for (key, value) in [
        ("M", write::text(&options.time.pdf_date())),
        ("Name", write::text(&identity.common_name())),
        ("Reason", write::text(options.role.reason())),
    ] {
        rest.extend(format!("/{key} ").bytes());
        write::object(&mut rest, &value);
    }
    sig.extend(rest);
    sig.extend(b">>");
    let sig_at = update.position() + format!("{} 0 obj\n", sig_id.0).len();
    update.add_raw(sig_id, &sig);

    let mut trailer = Dictionary::new();
    trailer.set("Root", root_id);
    for key in [&b"Info"[..], b"ID"] {
        if let Ok(v) = doc.trailer.get(key) {
            trailer.set(key, v.clone());
        }
    }
    trailer.set("Size", i64::from(ids.0));
    let (prev, is_stream) = last_xref(pdf)?;
    let stream_id = is_stream.then(|| ids.next().0);
    let appended = update.finish(trailer, prev, stream_id);

    let mut out = pdf.to_vec();
    out.extend(appended);
    let gap_start = sig_at + contents_at;
    let gap_end = gap_start + capacity * 2 + 2;
    let ranges = [0, gap_start, gap_end, out.len() - gap_end];
    let text = format!("[{} {} {} {}]", ranges[0], ranges[1], ranges[2], ranges[3]);
    let at = sig_at + range_at;
    out[at..at + BYTE_RANGE_WIDTH]
        .copy_from_slice(format!("{text:<width$}", width = BYTE_RANGE_WIDTH).as_bytes());
    let digest = {
        let mut h = Sha256::new();
        h.update(&out[..gap_start]);
        h.update(&out[gap_end..]);
        h.finalize()
    };
    let cms = crate::cms_build::signed_data(identity, &digest)?;
    if cms.len() > capacity {
        return Err(SignError::Cms(
            "the signature outgrew its placeholder".into(),
        ));
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    out[gap_start + 1..gap_start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(out)
}

/// Where the file's last cross-reference section starts (its last
/// `startxref`), and whether it is a stream (else a table).
fn last_xref(pdf: &[u8]) -> Result<(usize, bool), SignError> {
    let tail_start = pdf.len().saturating_sub(2048);
    let tail = &pdf[tail_start..];
    let at = tail
        .windows(9)
        .rposition(|w| w == b"startxref")
        .ok_or_else(|| SignError::Pdf("no startxref at its end".into()))?;
    let digits: String = tail[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    let offset: usize = digits
        .parse()
        .ok()
        .filter(|&o| o < pdf.len())
        .ok_or_else(|| SignError::Pdf("its startxref does not point into the file".into()))?;
    let section = pdf[offset..].iter().skip_while(|b| b.is_ascii_whitespace());
    let is_table = section.take(4).copied().eq(b"xref".iter().copied());
    Ok((offset, !is_table))
}

fn dict_of(doc: &Document, id: ObjectId, what: &str) -> Result<Dictionary, SignError> {
    doc.get_object(id)
        .and_then(Object::as_dict)
        .cloned()
        .map_err(|_| SignError::Pdf(format!("{what} ({} {} R) is not a dictionary", id.0, id.1)))
}

/// The pages in order, the tree walked within the page limit.
fn page_ids(doc: &Document, limits: &LintLimits) -> Result<Vec<ObjectId>, SignError> {
    let mut pages = Vec::new();
    for id in doc.page_iter() {
        if pages.len() >= limits.max_pages {
            return Err(SignError::Pdf(format!(
                "more than {} pages (raise it with --max-pages if the file is trusted)",
                limits.max_pages
            )));
        }
        pages.push(id);
    }
    Ok(pages)
}

/// The page's size in points (A4 when it does not say).
fn media_box(doc: &Document, page: ObjectId) -> (f32, f32) {
    let mut id = Some(page);
    for _ in 0..32 {
        let Some(dict) = id.and_then(|i| doc.get_object(i).and_then(Object::as_dict).ok()) else {
            break;
        };
        if let Ok(b) = dict.get(b"MediaBox").and_then(Object::as_array) {
            let n: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
            if n.len() == 4 {
                return ((n[2] - n[0]).abs(), (n[3] - n[1]).abs());
            }
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    (595.28, 841.89)
}

/// The AcroForm's own object (if it has one), and its /Fields: the array's
/// own object (if any) and its items.
#[allow(clippy::type_complexity)]
fn acroform(
    doc: &Document,
    catalog: &Dictionary,
) -> Result<(Option<ObjectId>, (Option<ObjectId>, Vec<Object>)), SignError> {
    let (form_ref, form) = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => (Some(*id), Some(dict_of(doc, *id, "the AcroForm")?)),
        Ok(Object::Dictionary(d)) => (None, Some(d.clone())),
        _ => (None, None),
    };
    let fields = match form.as_ref().and_then(|f| f.get(b"Fields").ok()) {
        Some(Object::Reference(id)) => (
            Some(*id),
            doc.get_object(*id)
                .and_then(Object::as_array)
                .cloned()
                .unwrap_or_default(),
        ),
        Some(Object::Array(a)) => (None, a.clone()),
        _ => (None, Vec::new()),
    };
    Ok((form_ref, fields))
}

/// A field name no field has yet: `signer`, `office`, `office-2` …
fn field_name(doc: &Document, fields: &[Object], role: Role) -> String {
    let taken: Vec<String> = fields
        .iter()
        .filter_map(|f| f.as_reference().ok())
        .filter_map(|id| doc.get_object(id).and_then(Object::as_dict).ok())
        .filter_map(|d| d.get(b"T").ok())
        .filter_map(|t| t.as_str().ok())
        .map(|t| String::from_utf8_lossy(t).into_owned())
        .collect();
    let base = role.as_str();
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_string()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|n| !taken.contains(n))
        .unwrap_or_else(|| base.to_string())
}
