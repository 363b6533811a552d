//! Drawing the block's page onto the copied PDF: the block page's content
//! and the objects it uses (fonts, images) are copied in, wrapped as a form
//! XObject, and drawn on the last page after its own content (kept apart
//! by `q`/`Q`) or on a new page appended to the page tree. The copied
//! pages' own content streams are left as they are.

use std::collections::{BTreeMap, VecDeque};

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};
use vanban::style::mm_to_pt;
use vanban::Style;

/// The name the form is drawn by (another taken on a page that has it).
const FORM: &str = "VanbanCopy";

/// The last page can take the block: it has the style's page size (within
/// a millimetre) and is not turned.
pub fn drawable(doc: &Document, page_id: ObjectId, style: &Style) -> bool {
    let Some([x0, y0, x1, y1]) = media_box(doc, page_id) else {
        return false;
    };
    let near = |a: f32, b: f32| (a - b).abs() <= mm_to_pt(1.0);
    let rotate = inherited(doc, page_id, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    near((x1 - x0).abs(), mm_to_pt(style.page_width))
        && near((y1 - y0).abs(), mm_to_pt(style.page_height))
        && rotate.rem_euclid(360) == 0
}

/// Adds the block (a one-page PDF) to `doc`: drawn on `page_id`, or on a
/// new last page of the style's size when `new_page`.
pub fn add(
    doc: &mut Document,
    page_id: ObjectId,
    block: &[u8],
    new_page: bool,
    style: &Style,
) -> Result<(), String> {
    let block = Document::load_mem(block).map_err(|e| e.to_string())?;
    let block_page = *block
        .get_pages()
        .values()
        .next()
        .ok_or("the block has no page")?;
    let content = block.get_page_content(block_page);
    let resources = match inherited(&block, block_page, b"Resources") {
        Some(Object::Reference(id)) => block.get_object(*id).map_err(|e| e.to_string())?.clone(),
        Some(o) => o.clone(),
        None => Object::Dictionary(Dictionary::new()),
    };
    let bbox = media_box(&block, block_page).ok_or("the block has no page size")?;
    let resources = copy_in(doc, &block, resources);
    let form = Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Form",
            "BBox" => bbox.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
            "Resources" => resources,
        },
        content,
    );
    let form_id = doc.add_object(form);
    if new_page {
        append_page(doc, form_id, style)
    } else {
        draw_on(doc, page_id, form_id)
    }
}

/// Copies `object` and every object it refers to (but a page's parent)
/// from `from` into `to`, under new numbers; returns `object` renumbered.
fn copy_in(to: &mut Document, from: &Document, object: Object) -> Object {
    let mut ids: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
    let mut queue: VecDeque<ObjectId> = VecDeque::new();
    let mut root = object;
    collect(&mut root, to, &mut ids, &mut queue);
    while let Some(old) = queue.pop_front() {
        let Ok(object) = from.get_object(old) else {
            continue;
        };
        let mut object = object.clone();
        collect(&mut object, to, &mut ids, &mut queue);
        to.objects.insert(ids[&old], object);
    }
    root
}

/// Renumbers the references in `object`, queueing each object first seen.
fn collect(
    object: &mut Object,
    to: &mut Document,
    ids: &mut BTreeMap<ObjectId, ObjectId>,
    queue: &mut VecDeque<ObjectId>,
) {
    match object {
        Object::Reference(id) => {
            let new = *ids.entry(*id).or_insert_with(|| {
                queue.push_back(*id);
                to.new_object_id()
            });
            *id = new;
        }
        Object::Array(items) => items.iter_mut().for_each(|o| collect(o, to, ids, queue)),
        Object::Dictionary(dict) => collect_dict(dict, to, ids, queue),
        Object::Stream(stream) => collect_dict(&mut stream.dict, to, ids, queue),
        _ => {}
    }
}

fn collect_dict(
    dict: &mut Dictionary,
    to: &mut Document,
    ids: &mut BTreeMap<ObjectId, ObjectId>,
    queue: &mut VecDeque<ObjectId>,
) {
    dict.remove(b"Parent");
    for (_, value) in dict.iter_mut() {
        collect(value, to, ids, queue);
    }
}

/// Draws the form after the page's own content, which `q` … `Q` keeps
/// from changing where it lands.
fn draw_on(doc: &mut Document, page_id: ObjectId, form_id: ObjectId) -> Result<(), String> {
    let [x0, y0, _, _] = media_box(doc, page_id).ok_or("the last page has no size")?;
    let mut resources = match inherited(doc, page_id, b"Resources") {
        Some(Object::Reference(id)) => doc.get_dictionary(*id).map_err(|e| e.to_string())?.clone(),
        Some(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(id)) => doc.get_dictionary(*id).cloned().unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    let mut name = FORM.to_string();
    while xobjects.has(name.as_bytes()) {
        name.push('X');
    }
    xobjects.set(name.as_bytes(), Object::Reference(form_id));
    resources.set("XObject", xobjects);
    let before = doc.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let after = doc.add_object(Stream::new(
        Dictionary::new(),
        format!("\nQ\nq 1 0 0 1 {x0} {y0} cm /{name} Do Q\n").into_bytes(),
    ));
    let page = doc
        .get_object_mut(page_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    let mut contents = vec![Object::Reference(before)];
    match page.get(b"Contents") {
        Ok(Object::Array(items)) => contents.extend(items.iter().cloned()),
        Ok(other @ Object::Reference(_)) => contents.push(other.clone()),
        _ => {}
    }
    contents.push(Object::Reference(after));
    page.set("Contents", contents);
    page.set("Resources", resources);
    Ok(())
}

/// A new last page of the style's size that draws only the form.
fn append_page(doc: &mut Document, form_id: ObjectId, style: &Style) -> Result<(), String> {
    let pages_id = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())?;
    let content = doc.add_object(Stream::new(
        Dictionary::new(),
        format!("q 1 0 0 1 0 0 cm /{FORM} Do Q\n").into_bytes(),
    ));
    let size = [mm_to_pt(style.page_width), mm_to_pt(style.page_height)];
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), Object::Real(size[0]), Object::Real(size[1])],
        "Resources" => dictionary! { "XObject" => dictionary! { FORM => form_id } },
        "Contents" => content,
    });
    let pages = doc
        .get_object_mut(pages_id)
        .and_then(Object::as_dict_mut)
        .map_err(|e| e.to_string())?;
    let count = pages.get(b"Count").and_then(Object::as_i64).unwrap_or(0);
    pages.set("Count", count + 1);
    match pages.get_mut(b"Kids") {
        Ok(Object::Array(kids)) => kids.push(page_id.into()),
        _ => return Err("the page tree has no list of pages".into()),
    }
    Ok(())
}

/// A page's key, from the page or the nearest ancestor that has it.
fn inherited<'a>(doc: &'a Document, page_id: ObjectId, key: &[u8]) -> Option<&'a Object> {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let dict = doc.get_dictionary(id?).ok()?;
        if let Ok(value) = dict.get(key) {
            return Some(value);
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    None
}

fn media_box(doc: &Document, page_id: ObjectId) -> Option<[f32; 4]> {
    let object = inherited(doc, page_id, b"MediaBox")?;
    let array = match object {
        Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
        o => o.as_array().ok()?,
    };
    let v: Vec<f32> = array
        .iter()
        .filter_map(|o| match o {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) => Some(*r),
            _ => None,
        })
        .collect();
    match v[..] {
        [a, b, c, d] => Some([a.min(c), b.min(d), a.max(c), b.max(d)]),
        _ => None,
    }
}

/// The file is written whole, with a cross-reference table: what the
/// trailer held of the revisions and streams it was read from goes.
pub fn as_one_revision(doc: &mut Document) {
    doc.reference_table.cross_reference_type = lopdf::xref::XrefType::CrossReferenceTable;
    for key in [
        "Prev",
        "XRefStm",
        "Type",
        "W",
        "Index",
        "Filter",
        "DecodeParms",
        "Length",
    ] {
        doc.trailer.remove(key.as_bytes());
    }
}
