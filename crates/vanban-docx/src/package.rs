//! The DOCX package: docx-rs's parts with their XML made schema-valid, a
//! theme part added (Word expects one), deflate-compressed, with fixed
//! timestamps so the same input gives the same bytes.
//!
//! docx-rs's own `pack` stores parts uncompressed; we zip its built parts
//! ourselves, in the same order and under the same names.

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::sync::{Arc, Mutex, OnceLock};

use docx_rs::XMLDocx;
use zip::result::ZipResult;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::schema_order;

const THEME_PART: &str = "word/theme/theme1.xml";
const THEME: &str = include_str!("theme1.xml");
const THEME_RELATIONSHIP: &str = r#"<Relationship Id="rIdVanbanTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#;
const THEME_CONTENT_TYPE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#;

/// Packs a built docx-rs document.
pub fn pack(docx: docx_rs::Docx) -> ZipResult<Vec<u8>> {
    let xml = docx.build();
    let mut zip = Package::new(xml.document.len() / 2);
    zip.part(
        "[Content_Types].xml",
        &insert_before(&xml.content_type, "</Types>", THEME_CONTENT_TYPE),
    )?;
    zip.part("_rels/.rels", &xml.rels)?;
    zip.part("docProps/app.xml", &xml.doc_props.app)?;
    zip.part("docProps/core.xml", &xml.doc_props.core)?;
    zip.part("docProps/custom.xml", &xml.doc_props.custom)?;
    zip.part(
        "word/_rels/document.xml.rels",
        &insert_before(&xml.document_rels, "</Relationships>", THEME_RELATIONSHIP),
    )?;
    zip.word_part("word/document.xml", &xml.document)?;
    zip.word_part("word/styles.xml", &xml.styles)?;
    zip.word_part("word/settings.xml", &xml.settings)?;
    zip.word_part("word/fontTable.xml", &xml.font_table)?;
    zip.word_part("word/comments.xml", &xml.comments)?;
    zip.word_part("word/numbering.xml", &xml.numberings)?;
    zip.word_part("word/commentsExtended.xml", &xml.comments_extended)?;
    zip.word_part("word/footnotes.xml", &xml.footnotes)?;
    headers_and_footers(&mut zip, &xml)?;
    zip.part(THEME_PART, THEME.as_bytes())?;
    for (id, png) in &xml.media {
        // Pictures are written as they are, never through the part cache.
        zip.zip
            .start_file(format!("word/media/{id}.png"), zip.options)?;
        zip.zip.write_all(png)?;
    }
    zip.finish()
}

fn headers_and_footers(zip: &mut Package, xml: &XMLDocx) -> ZipResult<()> {
    for (kind, parts, rels) in [
        ("header", &xml.headers, &xml.header_rels),
        ("footer", &xml.footers, &xml.footer_rels),
    ] {
        for (i, part) in parts.iter().enumerate() {
            zip.word_part(&format!("word/{kind}{}.xml", i + 1), part)?;
            if let Some(rels) = rels.get(i) {
                zip.part(&format!("word/_rels/{kind}{}.xml.rels", i + 1), rels)?;
            }
        }
    }
    Ok(())
}

struct Package {
    zip: ZipWriter<Cursor<Vec<u8>>>,
    options: SimpleFileOptions,
}

impl Package {
    fn new(capacity: usize) -> Package {
        Package {
            zip: ZipWriter::new(Cursor::new(Vec::with_capacity(capacity))),
            // Level 1: these parts are small and markup-heavy; higher levels
            // cost several times the time for a few percent of size.
            options: SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
                .last_modified_time(DateTime::default()),
        }
    }

    fn part(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        self.cached(name, bytes, |bytes| bytes.to_vec())
    }

    /// A WordprocessingML part, put in schema order first.
    fn word_part(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        self.cached(name, bytes, |bytes| {
            let fixed = schema_order::fix_part(name, &String::from_utf8_lossy(bytes));
            crate::drawing::fix(&renumber_paragraph_ids(&fixed)).into_bytes()
        })
    }

    /// Writes part `name` made from docx-rs's `bytes` by `finish`. Most parts
    /// (styles, settings, fonts, theme …) are the same in every document of
    /// a run: each is finished and compressed once, kept as a one-entry
    /// archive and copied raw. The body (`word/document.xml`) differs every
    /// time and is written directly. Either way a part always takes the same
    /// path, so the bytes never depend on what was rendered before.
    fn cached(
        &mut self,
        name: &str,
        bytes: &[u8],
        finish: impl Fn(&[u8]) -> Vec<u8>,
    ) -> ZipResult<()> {
        if name == "word/document.xml" {
            self.zip.start_file(name, self.options)?;
            return self.zip.write_all(&finish(bytes)).map_err(Into::into);
        }
        type Key = (String, Vec<u8>);
        static CACHE: OnceLock<Mutex<HashMap<Key, Arc<Vec<u8>>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let key = (name.to_string(), bytes.to_vec());
        let hit = cache.lock().ok().and_then(|c| c.get(&key).cloned());
        let entry = match hit {
            Some(entry) => entry,
            None => {
                let mut one = ZipWriter::new(Cursor::new(Vec::new()));
                one.start_file(name, self.options)?;
                one.write_all(&finish(bytes))?;
                let entry = Arc::new(one.finish()?.into_inner());
                if let Ok(mut c) = cache.lock() {
                    // Bounded: headers and properties vary between documents.
                    if c.len() >= 256 {
                        c.clear();
                    }
                    c.insert(key, entry.clone());
                }
                entry
            }
        };
        let mut archive = ZipArchive::new(Cursor::new(entry.as_slice()))?;
        let file = archive.by_index_raw(0)?;
        self.zip.raw_copy_file(file)?;
        Ok(())
    }

    fn finish(self) -> ZipResult<Vec<u8>> {
        Ok(self.zip.finish()?.into_inner())
    }
}

/// Paragraph ids in document order (`00000001` …): docx-rs draws some from a
/// per-thread counter that runs on between documents, so the same input
/// would otherwise give different bytes.
fn renumber_paragraph_ids(xml: &str) -> String {
    const KEY: &str = "w14:paraId=\"";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    let mut next = 1u32;
    while let Some(at) = rest.find(KEY) {
        let value = at + KEY.len();
        out.push_str(&rest[..value]);
        out.push_str(&format!("{next:08X}"));
        next += 1;
        rest = &rest[value..];
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

fn insert_before(xml: &[u8], closing: &str, element: &str) -> Vec<u8> {
    String::from_utf8_lossy(xml)
        .replace(closing, &format!("{element}{closing}"))
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn one_part(name: &str, text: &str) -> Vec<u8> {
        let mut package = Package::new(0);
        package.part(name, text.as_bytes()).unwrap();
        package.finish().unwrap()
    }

    #[test]
    fn a_part_copied_from_the_cache_is_the_part_first_written() {
        let first = one_part("docProps/app.xml", "<Properties>một</Properties>");
        // Another part in between, then the first again: from the cache.
        one_part("docProps/app.xml", "<Properties>hai</Properties>");
        let again = one_part("docProps/app.xml", "<Properties>một</Properties>");
        assert_eq!(first, again);
        let mut archive = ZipArchive::new(Cursor::new(again)).unwrap();
        let mut text = String::new();
        archive
            .by_index(0)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "<Properties>một</Properties>");
    }
}
