//! The handlers, one file per part of the API; each carries its OpenAPI
//! description (`#[utoipa::path]`), from which `/v1/openapi.json` is made.

pub mod lint;
pub mod meta;
pub mod register;
pub mod render;
pub mod templates;
pub mod web;

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use vanban_output::Format;

pub const DOCX_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The file a render asked for: `pdf` (default), `docx`, or `zip` (both).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OutFormat {
    Pdf,
    Docx,
    Zip,
}

/// `?format=`.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `pdf` (default), `docx`, or `zip` (the DOCX and the PDF).
    pub format: Option<OutFormat>,
}

impl OutFormat {
    pub fn formats(self) -> Vec<Format> {
        match self {
            OutFormat::Pdf => vec![Format::Pdf],
            OutFormat::Docx => vec![Format::Docx],
            OutFormat::Zip => vec![Format::Docx, Format::Pdf],
        }
    }
}

/// A rendered document as the response: the file, or a zip of both files,
/// named `stem.EXT`.
pub fn file_response(
    format: OutFormat,
    stem: &str,
    rendered: vanban_output::Rendered,
) -> Result<Response, crate::problem::Problem> {
    let (content_type, ext, bytes) = match format {
        OutFormat::Pdf => ("application/pdf", "pdf", rendered.into_single()),
        OutFormat::Docx => (DOCX_TYPE, "docx", rendered.into_single()),
        OutFormat::Zip => ("application/zip", "zip", Some(zip_of(stem, &rendered)?)),
    };
    let bytes = bytes.ok_or_else(|| crate::problem::Problem::internal("nothing was rendered"))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{stem}.{ext}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Both files in one zip, stored with a fixed time so the same input gives
/// the same bytes.
fn zip_of(
    stem: &str,
    rendered: &vanban_output::Rendered,
) -> Result<Vec<u8>, crate::problem::Problem> {
    use std::io::Write;
    let fail = |e: String| crate::problem::Problem::internal(format!("cannot write the zip: {e}"));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for (format, bytes) in &rendered.0 {
        zip.start_file(format!("{stem}.{}", format.extension()), options)
            .map_err(|e| fail(e.to_string()))?;
        zip.write_all(bytes).map_err(|e| fail(e.to_string()))?;
    }
    zip.finish()
        .map(|cursor| cursor.into_inner())
        .map_err(|e| fail(e.to_string()))
}

/// A file name for a document: its kind and number (`ke-hoach-1026`).
pub fn stem_of(doc: &vanban::Document) -> String {
    match doc.number {
        Some(n) => format!("{}-{n}", doc.kind.id()),
        None => doc.kind.id().to_string(),
    }
}

/// The error a render gives back: the input's fault (422) or ours (500).
pub fn render_problem(error: vanban_output::Error) -> crate::problem::Problem {
    match error {
        vanban_output::Error::Refused(input) => crate::problem::Problem::from_input(&input),
        other => crate::problem::Problem::internal(other.to_string()),
    }
}
