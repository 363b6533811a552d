//! The DOCX package: docx-rs's parts with their XML made schema-valid, a
//! theme part added (Word expects one), deflate-compressed, with fixed
//! timestamps so the same input gives the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::schema_order;

const THEME_PART: &str = "word/theme/theme1.xml";
const THEME: &str = include_str!("theme1.xml");
const THEME_RELATIONSHIP: &str = r#"<Relationship Id="rIdVanbanTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#;
const THEME_CONTENT_TYPE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#;

/// Packs a built docx-rs document.
pub fn pack(docx: docx_rs::Docx) -> Vec<u8> {
    let mut stored = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut stored)
        .expect("writing a zip to memory cannot fail");
    repack(&stored.into_inner())
}

/// Rewrites docx-rs's stored (uncompressed) zip: parts fixed, theme added, deflated.
fn repack(stored: &[u8]) -> Vec<u8> {
    let mut archive = ZipArchive::new(Cursor::new(stored)).expect("docx-rs writes a valid zip");
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 3)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let mut buffer = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).expect("entry listed by the archive");
        if entry.is_dir() {
            continue;
        }
        buffer.clear();
        entry.read_to_end(&mut buffer).expect("in-memory read");
        let name = entry.name().to_string();
        let bytes = fix_entry(&name, &buffer);
        out.start_file(name, options).expect("in-memory write");
        out.write_all(&bytes).expect("in-memory write");
    }
    out.start_file(THEME_PART, options)
        .expect("in-memory write");
    out.write_all(THEME.as_bytes()).expect("in-memory write");
    out.finish().expect("in-memory write").into_inner()
}

fn fix_entry(name: &str, bytes: &[u8]) -> Vec<u8> {
    let text = || String::from_utf8_lossy(bytes);
    match name {
        "[Content_Types].xml" => text()
            .replace("</Types>", &format!("{THEME_CONTENT_TYPE}</Types>"))
            .into_bytes(),
        "word/_rels/document.xml.rels" => text()
            .replace(
                "</Relationships>",
                &format!("{THEME_RELATIONSHIP}</Relationships>"),
            )
            .into_bytes(),
        _ if name.starts_with("word/") && name.ends_with(".xml") => {
            schema_order::fix_part(name, &text()).into_bytes()
        }
        _ => bytes.to_vec(),
    }
}
