//! The DOCX package: docx-rs's parts with their XML put in schema order,
//! deflate-compressed, with fixed timestamps so the same input gives the same bytes.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::schema_order;

/// Packs a built docx-rs document.
pub fn pack(docx: docx_rs::Docx) -> Vec<u8> {
    let mut xml = docx.build();
    xml.document = fix_part(&xml.document);
    xml.headers = xml.headers.iter().map(|h| fix_part(h)).collect();
    xml.styles = fix_part(&xml.styles);
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored)
        .expect("writing a zip to memory cannot fail");
    recompress(&stored.into_inner())
}

fn fix_part(xml: &[u8]) -> Vec<u8> {
    schema_order::fix(&String::from_utf8_lossy(xml)).into_bytes()
}

/// docx-rs stores its parts uncompressed; Word and archives expect deflate.
fn recompress(stored: &[u8]) -> Vec<u8> {
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
        out.start_file(entry.name(), options)
            .expect("in-memory write");
        out.write_all(&buffer).expect("in-memory write");
    }
    out.finish().expect("in-memory write").into_inner()
}
