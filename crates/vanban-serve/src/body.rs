//! Reading a request body within the limits: its size (413 past it, told
//! by `Content-Length` before a byte is read), its time (408 for a client
//! that sends too slowly), and the input language its content type names.

use std::time::Duration;

use axum::body::Body;
use axum::http::{header, HeaderMap, StatusCode};
use vanban::metrics::FontSet;
use vanban::{Document, Format, Limits, ReadOptions};

use crate::problem::{Item, Problem};
use crate::state::Shared;

/// The input a request carries: its language from the content type, its
/// bytes read within the server's byte limit and read timeout.
pub async fn read_input(
    state: &Shared,
    headers: &HeaderMap,
    request: Body,
) -> Result<(Format, Vec<u8>), Problem> {
    let format = input_format(headers)?;
    let max = state.config.limits.max_file_bytes;
    let bytes = read(headers, request, max, state.config.read_timeout).await?;
    Ok((format, bytes))
}

/// The body validated as a document set in the PDF's built-in font: a
/// syntax error is 400, every problem of the document at once 422. Its
/// text (without a BOM) comes back too, for a caller that keeps the input.
pub fn document(
    bytes: Vec<u8>,
    format: Format,
    limits: Limits,
) -> Result<(Document, String), Problem> {
    let text = text(bytes)?;
    let text = vanban::limits::strip_bom(&text).to_string();
    check_syntax(&text, format, limits.max_depth)?;
    let options = ReadOptions {
        limits,
        fonts: Some(FontSet::liberation_serif()),
    };
    let doc =
        Document::from_text_with(&text, format, &options).map_err(|e| Problem::from_input(&e))?;
    Ok((doc, text))
}

/// The input language of a content type: JSON, YAML or TOML.
pub fn input_format(headers: &HeaderMap) -> Result<Format, Problem> {
    let media = media_type(headers);
    match media.as_str() {
        "application/json" => Ok(Format::Json),
        "application/yaml" | "application/x-yaml" | "text/yaml" | "text/x-yaml" => Ok(Format::Yaml),
        "application/toml" | "text/toml" => Ok(Format::Toml),
        _ => Err(unsupported(
            &media,
            "application/json, application/yaml or application/toml",
        )),
    }
}

/// The media type without its parameters, in lower case.
pub fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

pub fn unsupported(media: &str, wanted: &str) -> Problem {
    let shown = if media.is_empty() { "none" } else { media };
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        vanban_i18n::msg!("serve-unsupported", found = shown, wanted = wanted),
    )
}

/// The whole body, at most `limit` bytes, within `time`.
pub async fn read(
    headers: &HeaderMap,
    body: Body,
    limit: u64,
    time: Duration,
) -> Result<Vec<u8>, Problem> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit) {
        return Err(Problem::too_large(limit));
    }
    let limit_usize = usize::try_from(limit).unwrap_or(usize::MAX);
    match tokio::time::timeout(time, axum::body::to_bytes(body, limit_usize)).await {
        Err(_) => Err(Problem::slow(time.as_secs())),
        Ok(Err(e)) if is_length_limit(&e) => Err(Problem::too_large(limit)),
        Ok(Err(e)) => Err(Problem::new(
            StatusCode::BAD_REQUEST,
            "malformed",
            format!("cannot read the body: {e}"),
        )),
        Ok(Ok(bytes)) => Ok(bytes.to_vec()),
    }
}

fn is_length_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}

/// The body as UTF-8 text (a byte-order mark is allowed).
pub fn text(bytes: Vec<u8>) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|e| {
        Problem::malformed(vec![Item::new(
            "",
            vanban_i18n::msg!("serve-not-utf8", byte = e.utf8_error().valid_up_to() + 1),
        )])
    })
}

/// Whether `text` is JSON, YAML or TOML at all: a syntax error is the
/// request's shape (400), not the document's content (422).
pub fn check_syntax(text: &str, format: Format, max_depth: usize) -> Result<(), Problem> {
    // No parser recurses on hostile nesting: it is refused first.
    vanban::limits::check_depth(text, format, max_depth)
        .map_err(|why| Problem::malformed(vec![Item::new("", why)]))?;
    let result = match format {
        Format::Json => serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map(drop)
            .map_err(|e| (e.to_string(), Some((e.line(), e.column())))),
        Format::Yaml => serde_norway::from_str::<serde::de::IgnoredAny>(text)
            .map(drop)
            .map_err(|e| {
                let at = e.location().map(|l| (l.line(), l.column()));
                (e.to_string(), at)
            }),
        Format::Toml => toml::from_str::<toml::Table>(text)
            .map(drop)
            .map_err(|e| (e.message().to_string(), None)),
    };
    result.map_err(|(message, at)| {
        let mut item = Item::new("", vanban::source::syntax_error(format, &message, None));
        if let Some((line, column)) = at {
            item.line = Some(line);
            item.column = Some(column);
        }
        Problem::malformed(vec![item])
    })
}
