//! Helpers for the lint tests: rendering with vanban, editing a DOCX's XML,
//! converting with LibreOffice.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A corpus base: `tests/lint/<name>.yaml`, else `examples/<name>.yaml`.
pub fn base_document(name: &str) -> vanban::Document {
    let corpus = repo().join("tests/lint").join(format!("{name}.yaml"));
    let path = if corpus.exists() {
        corpus
    } else {
        repo().join("examples").join(format!("{name}.yaml"))
    };
    vanban::Document::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn docx(doc: &vanban::Document) -> Vec<u8> {
    vanban_docx::to_docx(doc).unwrap()
}

pub fn pdf(doc: &vanban::Document) -> Vec<u8> {
    vanban_pdf::render(
        doc,
        &vanban_pdf::Options {
            fonts: vanban::metrics::FontSet::liberation_serif(),
        },
    )
    .unwrap()
}

/// The ids of the rules a report names.
pub fn rules(report: &vanban_lint::Report) -> BTreeSet<String> {
    report.findings.iter().map(|f| f.rule.to_string()).collect()
}

pub fn describe(report: &vanban_lint::Report) -> String {
    report
        .findings
        .iter()
        .map(|f| format!("  {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replaces `find` by `replace` in `word/document.xml`, within `scope`:
/// `all`, `body` (paragraphs with a first-line indent) or `para:TEXT` (the
/// paragraphs containing TEXT). Panics if nothing was replaced, so a case
/// cannot silently test the unchanged document.
pub fn mutate(docx: &[u8], scope: &str, find: &str, replace: &str) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().to_string();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(data).unwrap();
            let changed = edit_xml(&xml, scope, find, replace);
            assert!(changed != xml, "`{find}` not found in scope {scope}");
            data = changed.into_bytes();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn edit_xml(xml: &str, scope: &str, find: &str, replace: &str) -> String {
    if scope == "all" {
        return xml.replace(find, replace);
    }
    // Walk the paragraphs `<w:p …>…</w:p>` and edit those in scope.
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = find_paragraph(rest) {
        let Some(len) = rest[start..].find("</w:p>") else {
            break;
        };
        let end = start + len + "</w:p>".len();
        out.push_str(&rest[..start]);
        let para = &rest[start..end];
        let in_scope = match scope {
            "body" => para.contains("w:firstLine="),
            other => para.contains(other.strip_prefix("para:").expect("a known scope")),
        };
        out.push_str(&if in_scope {
            para.replace(find, replace)
        } else {
            para.to_string()
        });
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn find_paragraph(xml: &str) -> Option<usize> {
    let a = xml.find("<w:p ");
    let b = xml.find("<w:p>");
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts DOCX files to PDF with LibreOffice in one run (one profile of
/// its own); returns the PDFs' paths in the same order.
pub fn libreoffice_pdfs(docx_files: &[PathBuf], dir: &Path) -> Vec<PathBuf> {
    let profile = dir.join("lo-profile");
    let output = Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .args(docx_files)
        .output()
        .expect("soffice runs");
    docx_files
        .iter()
        .map(|docx| {
            let pdf = dir.join(docx.with_extension("pdf").file_name().unwrap());
            assert!(
                pdf.exists(),
                "LibreOffice made no {}: {output:?}",
                pdf.display()
            );
            pdf
        })
        .collect()
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-lint-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
