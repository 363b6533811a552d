//! Shared by the integration tests: the seed document and tool helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn seed() -> vanban::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    vanban::Document::from_path(&path).expect("the seed example is valid")
}

/// Whether a command-line tool is installed; prints why a test is skipped.
pub fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("-v").output().is_ok()
        || Command::new(tool).arg("--version").output().is_ok();
    if !found {
        eprintln!("SKIPPED: `{tool}` is not installed (CI installs poppler-utils, qpdf, libreoffice-writer-nogui)");
    }
    found
}

pub fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path
}

pub fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().expect("run tool");
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A word box from `pdftotext -bbox-layout` (points, y down).
#[derive(Debug, Clone)]
pub struct Word {
    pub page: usize,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
    pub text: String,
}

/// The lines of each page as (words) from `pdftotext -bbox-layout`.
pub fn bbox_lines(pdf: &Path) -> Vec<Vec<Vec<Word>>> {
    let html = run("pdftotext", &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<Vec<Vec<Word>>> = Vec::new();
    for raw in html.lines() {
        let t = raw.trim();
        if t.starts_with("<page") {
            pages.push(Vec::new());
        } else if t.starts_with("<line") {
            pages.last_mut().expect("page").push(Vec::new());
        } else if t.starts_with("<word") {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                let start = t.find(&key).expect("attr") + key.len();
                t[start..].split('"').next().unwrap().parse().unwrap()
            };
            let text = t
                .split('>')
                .nth(1)
                .unwrap_or("")
                .split('<')
                .next()
                .unwrap_or("");
            let page = pages.len() - 1;
            let word = Word {
                page,
                x_min: attr("xMin"),
                y_min: attr("yMin"),
                x_max: attr("xMax"),
                y_max: attr("yMax"),
                text: unescape(text),
            };
            pages
                .last_mut()
                .unwrap()
                .last_mut()
                .expect("line")
                .push(word);
        }
    }
    pages
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of a PDF, whitespace-normalised, without the page numbers (so a
/// paragraph running over a page break reads as one), and a word broken
/// after a hyphen at a line end joined again (`310/KH-` / `UBND`).
pub fn text_without_page_numbers(pdf: &Path, style: &vanban::Style) -> String {
    let top = vanban::style::mm_to_pt(style.margins.top);
    let mut text = String::new();
    for line in bbox_lines(pdf).into_iter().flatten() {
        let words: Vec<String> = line
            .into_iter()
            .filter(|w| w.y_max > top)
            .map(|w| w.text)
            .collect();
        if words.is_empty() {
            continue;
        }
        let glued = text.ends_with('-')
            && text
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| !c.is_whitespace());
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        text.push_str(&words.join(" "));
    }
    normalise(&text)
}

/// LibreOffice's PDF of `docx`, in `dir/lo`; a profile of its own so that
/// parallel runs do not collide.
pub fn libreoffice_pdf(dir: &Path, docx: &Path) -> PathBuf {
    let out = dir.join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile-{}",
        dir.display(),
        std::process::id()
    );
    let status = std::process::Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(docx)
        .status()
        .expect("run soffice");
    assert!(status.success(), "soffice failed");
    out.join(docx.with_extension("pdf").file_name().unwrap())
}
