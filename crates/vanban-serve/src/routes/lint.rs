//! `POST /v1/lint`: any DOCX or PDF → its findings, as `vanban lint --json`
//! prints them (an array with one entry).

use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::Value;

use crate::body;
use crate::problem::Problem;
use crate::state::Shared;

/// Lints a document sent as the body (`application/pdf`, the DOCX type, or
/// `application/octet-stream`) or as the first file of multipart form data.
#[utoipa::path(
    post,
    path = "/v1/lint",
    tag = "lint",
    request_body(
        description = "A DOCX or PDF file",
        content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/octet-stream"), (Vec<u8> = "multipart/form-data"))
    ),
    responses(
        (status = 200, description = "The findings, as `vanban lint --json` prints them", body = Object),
        (status = 413, description = "The file is too large", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 415, description = "Not a file type lint reads", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 422, description = "The file cannot be read as a DOCX or PDF", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 503, description = "Busy; see Retry-After", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn lint(State(state): State<Shared>, request: Request) -> Result<Json<Value>, Problem> {
    let limits = state.config.lint_limits;
    let headers = request.headers().clone();
    let media = body::media_type(&headers);
    let (name, bytes) =
        match media.as_str() {
            "multipart/form-data" => first_file(&state, request, limits.max_file_bytes).await?,
            "application/pdf" | super::DOCX_TYPE | "application/octet-stream" => {
                let bytes = body::read(
                    &headers,
                    request.into_body(),
                    limits.max_file_bytes,
                    state.config.read_timeout,
                )
                .await?;
                ("body".to_string(), bytes)
            }
            other => return Err(body::unsupported(
                other,
                "application/pdf, the DOCX type, application/octet-stream or multipart/form-data",
            )),
        };
    let result = state
        .pool
        .run(move || vanban_lint::lint_with(&bytes, &limits))
        .await?;
    match &result {
        Ok(_) => Ok(Json(Value::Array(vec![vanban_lint::json_entry(
            &name, &result,
        )]))),
        Err(vanban_lint::ReadError::Limit(e)) => Err(Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            e.message(),
        )),
        Err(e) => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unreadable",
            vanban_i18n::msg!("serve-unreadable", file = name.as_str(), why = e.message()),
        )),
    }
}

/// The first file part of a form: its name and bytes.
async fn first_file(
    state: &Shared,
    request: Request,
    limit: u64,
) -> Result<(String, Vec<u8>), Problem> {
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // The file plus the form's own few lines.
    if declared.is_some_and(|n| n > limit + 64 * 1024) {
        return Err(Problem::too_large(limit));
    }
    let mut form = Multipart::from_request(request, state)
        .await
        .map_err(|e| Problem::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))?;
    let timeout = state.config.read_timeout;
    let late = || Problem::slow(timeout.as_secs());
    loop {
        let field = tokio::time::timeout(timeout, form.next_field())
            .await
            .map_err(|_| late())?
            .map_err(|e| Problem::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))?;
        let Some(field) = field else {
            return Err(Problem::invalid(
                vanban_i18n::msg!("serve-no-file"),
                vec![crate::problem::Item::new(
                    "file",
                    vanban_i18n::msg!("serve-no-file"),
                )],
            ));
        };
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        let bytes = tokio::time::timeout(timeout, field.bytes())
            .await
            .map_err(|_| late())?
            .map_err(|e| {
                let text = e.body_text();
                if text.contains("limit") {
                    Problem::too_large(limit)
                } else {
                    Problem::new(StatusCode::BAD_REQUEST, "malformed", text)
                }
            })?;
        if bytes.len() as u64 > limit {
            return Err(Problem::too_large(limit));
        }
        return Ok((name, bytes.to_vec()));
    }
}
