//! The lint readers' guarantee, checked by the fuzz targets `lint_docx` and
//! `lint_pdf` and by the replay of their corpora
//! (crates/vanban-lint/tests/fuzz_corpus.rs): any bytes are read or
//! refused with a reason, never a panic, within the default limits (the
//! fuzzer's memory and time limits catch what the limits let through).
//!
//! Only `vanban_lint` and `zip` are used, so the test can include this file.

use std::io::{Cursor, Write};

/// The first byte picks how the rest is used: as a whole file, or as one
/// part (document, styles, numbering) of an otherwise valid DOCX, so the
/// fuzzer reaches the XML readers without having to build a ZIP.
pub fn check_docx(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let file = match first % 4 {
        0 => rest.to_vec(),
        1 => package("word/document.xml", rest),
        2 => package("word/styles.xml", rest),
        _ => package("word/numbering.xml", rest),
    };
    let _ = vanban_lint::lint(&file);
    if first % 4 == 1 {
        let _ = vanban_lint::fix::fix_docx(&file);
    }
}

/// The first byte picks whether the rest is a whole file or one page's
/// content stream in a valid PDF.
pub fn check_pdf(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let file = if first % 2 == 0 {
        let mut file = b"%PDF-1.7\n".to_vec();
        file.extend_from_slice(rest);
        file
    } else {
        one_page(rest)
    };
    let _ = vanban_lint::lint(&file);
}

const DOCUMENT: &str = r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p><w:p><w:r><w:t>Số: 5/KH-UBND</w:t></w:r></w:p><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#;

fn package(part: &str, data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut write = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options).expect("in memory");
        zip.write_all(bytes).expect("in memory");
    };
    if part != "word/document.xml" {
        write("word/document.xml", DOCUMENT.as_bytes());
    }
    write(part, data);
    zip.finish().expect("in memory").into_inner()
}

fn one_page(content: &[u8]) -> Vec<u8> {
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
        [
            format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(),
            content,
            b"\nendstream",
        ]
        .concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold >>".to_vec(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
