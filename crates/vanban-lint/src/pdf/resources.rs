//! A content stream's named resources: the fonts it selects with `Tf` and
//! the form XObjects it paints with `Do`. A page inherits resources from
//! its ancestors; a form XObject carries its own, or uses its page's.

use std::collections::{BTreeMap, HashMap};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::text::FontInfo;
use crate::error::ReadError;
use crate::limits::LintLimits;

/// Every font the document's pages use, each read (and its ToUnicode map
/// parsed) once, keyed by where its dictionary lives in the document.
#[derive(Default)]
pub struct Fonts<'a> {
    pub infos: Vec<FontInfo<'a>>,
    known: HashMap<*const Dictionary, usize>,
}

impl<'a> Fonts<'a> {
    /// Indices into `infos` for the fonts a resource dictionary names.
    pub fn names(
        &mut self,
        doc: &'a Document,
        named: &BTreeMap<Vec<u8>, &'a Dictionary>,
        limits: &LintLimits,
    ) -> Result<BTreeMap<Vec<u8>, usize>, ReadError> {
        let mut names = BTreeMap::new();
        for (name, dict) in named {
            let key = *dict as *const Dictionary;
            let index = match self.known.get(&key) {
                Some(&index) => index,
                None => {
                    self.infos.push(FontInfo::read(doc, dict, limits)?);
                    self.known.insert(key, self.infos.len() - 1);
                    self.infos.len() - 1
                }
            };
            names.insert(name.clone(), index);
        }
        Ok(names)
    }
}

/// The resource dictionaries that apply to a page, nearest first.
pub fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((inline, ids)) = doc.get_page_resources(page_id) else {
        return Vec::new();
    };
    inline
        .into_iter()
        .chain(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()))
        .collect()
}

/// A form XObject's own resource dictionary, if it has one.
pub fn form_resources<'a>(doc: &'a Document, form: &'a Dictionary) -> Option<&'a Dictionary> {
    match form.get(b"Resources").ok()? {
        Object::Dictionary(dict) => Some(dict),
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        _ => None,
    }
}

/// The entries of one category (`Font`, `XObject`) of the dictionaries,
/// the nearest dictionary's entry winning.
fn entries<'a>(
    doc: &'a Document,
    dicts: &[&'a Dictionary],
    category: &[u8],
) -> BTreeMap<Vec<u8>, &'a Object> {
    let mut out = BTreeMap::new();
    for dict in dicts {
        let listed = match dict.get(category) {
            Ok(Object::Dictionary(d)) => Some(d),
            Ok(Object::Reference(id)) => doc.get_dictionary(*id).ok(),
            _ => None,
        };
        for (name, value) in listed.into_iter().flat_map(|d| d.iter()) {
            out.entry(name.clone()).or_insert(value);
        }
    }
    out
}

/// The font dictionaries the resources name.
pub fn fonts<'a>(doc: &'a Document, dicts: &[&'a Dictionary]) -> BTreeMap<Vec<u8>, &'a Dictionary> {
    entries(doc, dicts, b"Font")
        .into_iter()
        .filter_map(|(name, value)| {
            let dict = match value {
                Object::Reference(id) => doc.get_dictionary(*id).ok()?,
                Object::Dictionary(dict) => dict,
                _ => return None,
            };
            Some((name, dict))
        })
        .collect()
}

/// The form XObjects the resources name (images and the rest are left out:
/// they paint no text and no rules).
pub fn forms(doc: &Document, dicts: &[&Dictionary]) -> BTreeMap<Vec<u8>, ObjectId> {
    entries(doc, dicts, b"XObject")
        .into_iter()
        .filter_map(|(name, value)| {
            let id = value.as_reference().ok()?;
            let stream = doc.get_object(id).ok()?.as_stream().ok()?;
            let subtype = stream.dict.get(b"Subtype").ok()?.as_name().ok()?;
            (subtype == b"Form").then_some((name, id))
        })
        .collect()
}
