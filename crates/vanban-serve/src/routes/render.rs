//! `POST /v1/render`: an input document (JSON, YAML or TOML) → its file.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::{file_response, render_problem, stem_of, FormatQuery, OutFormat};
use crate::body;
use crate::problem::Problem;
use crate::state::Shared;

/// Renders an input document. The body is the document as `vanban render`
/// reads it from a file, in the language its content type names.
#[utoipa::path(
    post,
    path = "/v1/render",
    tag = "render",
    params(FormatQuery),
    request_body(
        description = "The input document (see GET /v1/schema)",
        content((String = "application/json"), (String = "application/yaml"), (String = "application/toml"))
    ),
    responses(
        (status = 200, description = "The document", content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/zip"))),
        (status = 400, description = "The body cannot be parsed", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON, YAML or TOML", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 422, description = "Not a valid document: every problem", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 503, description = "Busy; see Retry-After", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn render(
    State(state): State<Shared>,
    Query(query): Query<FormatQuery>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    let (format, bytes) = body::read_input(&state, &headers, request).await?;
    let limits = state.config.limits;
    let out = query.format.unwrap_or(OutFormat::Pdf);
    let job = move || -> Result<Response, Problem> {
        let (doc, _) = body::document(bytes, format, limits)?;
        let rendered = vanban_output::render(&doc, &out.formats(), &Default::default())
            .map_err(render_problem)?;
        file_response(out, &stem_of(&doc), rendered)
    };
    state.pool.run(job).await?
}
