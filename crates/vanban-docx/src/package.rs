//! The DOCX package: docx-rs's parts with their XML made schema-valid, a
//! theme part added (Word expects one), deflate-compressed, with fixed
//! timestamps so the same input gives the same bytes.
//!
//! docx-rs's own `pack` stores parts uncompressed; we zip its built parts
//! ourselves, in the same order and under the same names.

use std::io::{Cursor, Write};

use docx_rs::XMLDocx;
use zip::result::ZipResult;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

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
        self.zip.start_file(name, self.options)?;
        self.zip.write_all(bytes)?;
        Ok(())
    }

    /// A WordprocessingML part, put in schema order first.
    fn word_part(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        let fixed = schema_order::fix_part(name, &String::from_utf8_lossy(bytes));
        self.part(name, renumber_paragraph_ids(&fixed).as_bytes())
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
