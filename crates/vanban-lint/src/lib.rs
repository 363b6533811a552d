//! vanban-lint: checks any DOCX or PDF against Decree 30/2020/NĐ-CP.
//!
//! A file is read into one neutral model ([`model::ReadDoc`]), its elements
//! are recognised by text and position ([`recognize`]), and every rule
//! ([`finding::RULES`]) runs on that model, so the same rule judges a DOCX
//! and the PDF made of it.

pub mod admin_map;
pub mod docx;
pub mod error;
pub mod finding;
pub mod fix;
pub mod limits;
pub mod model;
pub mod pdf;
mod phrases;
pub mod place;
pub mod recognize;
mod rules;
mod words;

use std::path::Path;

pub use error::ReadError;
pub use finding::{Finding, Severity, RULES};
pub use limits::LintLimits;
pub use model::{ReadDoc, SourceFormat};

/// The findings for one document.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Report {
    pub format: SourceFormat,
    /// The kind recognised (`ke-hoach`, `cong-van` …), if any.
    pub kind: Option<&'static str>,
    pub pages: Option<usize>,
    /// `pages` is the reader's estimate, not a count saved in the file.
    pub pages_estimated: bool,
    pub findings: Vec<Finding>,
}

/// The version of the JSON `vanban lint --json` prints (`schema_version`);
/// raised when a field changes meaning or goes away.
pub const JSON_SCHEMA_VERSION: u32 = 3;

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// One file's entry in the JSON of `vanban lint --json` (and of the HTTP
/// server's `POST /v1/lint`): its report, or why it could not be read.
pub fn json_entry(file: &str, result: &Result<Report, ReadError>) -> serde_json::Value {
    match result {
        Ok(report) => serde_json::json!({
            "schema_version": JSON_SCHEMA_VERSION,
            "file": file,
            "report": report,
        }),
        Err(e) => serde_json::json!({
            "schema_version": JSON_SCHEMA_VERSION,
            "file": file,
            "error": e.to_string(),
        }),
    }
}

/// Reads a DOCX or a PDF, told apart by their first bytes, with the
/// default limits.
pub fn read(bytes: &[u8]) -> Result<ReadDoc, ReadError> {
    read_with(bytes, &LintLimits::default())
}

/// Reads a DOCX or a PDF within `limits`.
pub fn read_with(bytes: &[u8], limits: &LintLimits) -> Result<ReadDoc, ReadError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(limits::exceeded(
            "the file",
            "bytes",
            limits.max_file_bytes,
            "--max-file-bytes",
        ));
    }
    if bytes.starts_with(b"%PDF") || bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        pdf::read_with(bytes, limits)
    } else if bytes.starts_with(b"PK") {
        docx::read_with(bytes, limits)
    } else {
        Err(ReadError::UnknownFormat)
    }
}

/// Lints a document's bytes (DOCX or PDF).
pub fn lint(bytes: &[u8]) -> Result<Report, ReadError> {
    lint_with(bytes, &LintLimits::default())
}

/// Lints a document's bytes within `limits`.
pub fn lint_with(bytes: &[u8], limits: &LintLimits) -> Result<Report, ReadError> {
    let doc = read_with(bytes, limits)?;
    Ok(lint_read(&doc))
}

/// Lints a file.
pub fn lint_path(path: impl AsRef<Path>) -> Result<Report, ReadError> {
    lint_path_with(path, &LintLimits::default())
}

/// Lints a file within `limits`: it is read once, up to the file limit (a
/// FIFO or a device as well as a file).
pub fn lint_path_with(path: impl AsRef<Path>, limits: &LintLimits) -> Result<Report, ReadError> {
    let bytes = limits::read_file(path.as_ref(), limits)?;
    lint_with(&bytes, limits)
}

/// `so-dang-ky-di` / `so-dang-ky-den` when the document is a register book
/// as `vanban register export` prints it: its cover's title among its
/// first lines, and no quốc hiệu.
pub fn register_book(doc: &ReadDoc) -> Option<&'static str> {
    let lines: Vec<String> = doc
        .paras
        .iter()
        .map(|p| recognize::normal(&p.text))
        .filter(|t| !t.is_empty())
        .take(4)
        .collect();
    if lines.iter().any(|t| recognize::is_national_title(t)) {
        return None;
    }
    lines.iter().find_map(|t| match t.as_str() {
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI" => Some("so-dang-ky-di"),
        "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN" => Some("so-dang-ky-den"),
        _ => None,
    })
}

/// Runs the rules on a document already read.
pub fn lint_read(doc: &ReadDoc) -> Report {
    if let Some(book) = register_book(doc) {
        // A register book is a form of its own (Art. 16, 22), not a
        // document of Art. 7: the documents' rules do not judge it.
        return Report {
            format: doc.format,
            kind: Some(book),
            pages: doc.page_count,
            pages_estimated: doc.page_count_estimated,
            findings: Vec::new(),
        };
    }
    let elements = recognize::recognise(doc);
    let mut findings = rules::run(doc, &elements);
    for f in &mut findings {
        let at = f
            .paragraph
            .and_then(|p| doc.paras.iter().position(|q| q.index == p));
        f.location_msg = match at {
            Some(i) => Some(place::describe(doc, &elements, i)),
            None => f
                .page
                .map(|page| vanban_i18n::msg!("lint-page", page = page)),
        };
        f.location = f.location_msg.as_ref().map(|m| m.english());
    }
    // Errors first, then in document order; the same input, the same order.
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.page.unwrap_or(0).cmp(&b.page.unwrap_or(0)))
            .then(a.paragraph.unwrap_or(0).cmp(&b.paragraph.unwrap_or(0)))
            .then(a.rule.cmp(b.rule))
    });
    Report {
        format: doc.format,
        kind: elements.kind.map(|k| k.id()),
        pages: doc.page_count,
        pages_estimated: doc.page_count_estimated,
        findings,
    }
}
