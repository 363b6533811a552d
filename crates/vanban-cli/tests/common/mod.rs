//! Helpers shared by the end-to-end tests: the repository's files, the parts
//! of a DOCX, and the external tools (LibreOffice, poppler) CI installs.
#![allow(dead_code)]

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

pub fn seed_example() -> PathBuf {
    repo().join("examples/ke-hoach-1026.yaml")
}

/// The seed plan as the records office extracted it, one non-empty line each.
pub fn seed_lines() -> Vec<String> {
    let path = repo().join("tests/seed/ke-hoach-1026-KH-VP.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .map(normalise)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The header lines the seed's text extraction lost (its header table).
pub const SEED_HEADER: [&str; 4] = [
    "UBND TỈNH TÂY NINH",
    "VĂN PHÒNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
];

pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn seed_docx() -> Vec<u8> {
    let doc = vanban::Document::from_path(seed_example()).expect("the seed example is valid");
    vanban_docx::to_docx(&doc).unwrap()
}

/// One part of a DOCX package as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut entry = archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"));
    let mut text = String::new();
    entry.read_to_string(&mut text).unwrap();
    text
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of an element as Word shows it: its `w:t`, and each
/// `w:noBreakHyphen` (a symbol's hyphen) as `-`.
pub fn docx_text(node: roxmltree::Node) -> String {
    node.descendants()
        .filter_map(|n| match n.tag_name().name() {
            "t" if n.has_tag_name((W, "t")) => n.text(),
            "noBreakHyphen" => Some("-"),
            _ => None,
        })
        .collect()
}

/// The text of every non-empty paragraph, in document order (table cells included).
pub fn paragraph_texts(xml: &str) -> Vec<String> {
    let tree = roxmltree::Document::parse(xml).expect("well-formed XML");
    tree.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| normalise(&docx_text(p)))
        .filter(|t| !t.is_empty())
        .collect()
}

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {tool}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Converts a DOCX to PDF with LibreOffice, in a profile of its own so that
/// parallel conversions do not silently produce nothing.
pub fn libreoffice_pdf(docx: &[u8], dir: &Path, name: &str) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let input = dir.join(format!("{name}.docx"));
    std::fs::write(&input, docx).unwrap();
    let profile = dir.join("lo-profile");
    let status = Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&input)
        .output()
        .expect("soffice runs");
    let pdf = dir.join(format!("{name}.pdf"));
    assert!(pdf.exists(), "LibreOffice made no PDF: {status:?}");
    pdf
}

pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("tool runs");
    assert!(
        out.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vanban-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Renders each input file to DOCX and PDF in a temporary folder `name` and
/// runs `vanban lint` on them all: the error lines it prints.
pub fn lint_errors(name: &str, inputs: &[PathBuf]) -> Vec<String> {
    let dir = temp_dir(name);
    let mut files = Vec::new();
    for input in inputs {
        let stem = input.file_stem().unwrap().to_string_lossy().to_string();
        let doc = vanban::Document::from_path(input).unwrap_or_else(|e| panic!("{e}"));
        let docx = dir.join(format!("{stem}.docx"));
        let pdf = dir.join(format!("{stem}.pdf"));
        std::fs::write(&docx, vanban_docx::to_docx(&doc).unwrap()).unwrap();
        std::fs::write(&pdf, vanban_pdf::to_pdf(&doc).unwrap()).unwrap();
        files.extend([docx, pdf]);
    }
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("lint")
        .args(&files)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains(": error["))
        .map(str::to_string)
        .collect()
}
