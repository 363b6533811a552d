//! `GET /healthz`, `GET /v1/schema` and `GET /v1/openapi.json`.

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Extension;

/// The OpenAPI document, made once at start from the handlers' annotations.
#[derive(Clone)]
pub struct OpenApiJson(pub std::sync::Arc<String>);

/// Whether the server is up (no token needed).
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "meta",
    responses((status = 200, description = "Up", content_type = "text/plain", body = String))
)]
pub async fn healthz() -> &'static str {
    "ok\n"
}

/// The JSON Schema of the input document (as `vanban schema` prints it).
#[utoipa::path(
    get,
    path = "/v1/schema",
    tag = "meta",
    responses((status = 200, description = "JSON Schema", content_type = "application/schema+json", body = Object))
)]
pub async fn schema() -> Response {
    static SCHEMA: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let text = SCHEMA.get_or_init(vanban::input::json_schema).clone();
    ([(header::CONTENT_TYPE, "application/schema+json")], text).into_response()
}

/// This document.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json", body = Object))
)]
pub async fn openapi(Extension(doc): Extension<OpenApiJson>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        doc.0.as_str().to_string(),
    )
        .into_response()
}

/// One of the 29 kinds of Art. 7.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct KindInfo {
    /// The input's `kind`: `ke-hoach`.
    pub id: &'static str,
    /// Its Vietnamese name: `Kế hoạch`.
    pub name: &'static str,
    /// The Appendix III abbreviation (`KH`); none for công văn and thư công.
    pub abbreviation: Option<&'static str>,
}

/// The kinds of document (Decree 30, Art. 7), in the order of Appendix III.
#[utoipa::path(
    get,
    path = "/v1/kinds",
    tag = "meta",
    responses((status = 200, description = "The 29 kinds", body = Vec<KindInfo>))
)]
pub async fn kinds() -> axum::Json<Vec<KindInfo>> {
    axum::Json(
        vanban::Kind::all()
            .map(|k| KindInfo {
                id: k.id(),
                name: k.name(),
                abbreviation: k.abbreviation(),
            })
            .collect(),
    )
}

/// Reads an input written in YAML, JSON or TOML (by content type) and
/// gives it back as JSON, for clients that cannot read YAML (the page's
/// "open a file"). Only the syntax is checked.
#[utoipa::path(
    post,
    path = "/v1/to-json",
    tag = "meta",
    request_body( content((String = "application/yaml"), (String = "application/toml"), (String = "application/json"))),
    responses(
        (status = 200, description = "The same data as JSON", body = Object),
        (status = 400, description = "The body cannot be parsed", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON, YAML or TOML", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn to_json(
    axum::extract::State(state): axum::extract::State<crate::state::Shared>,
    headers: axum::http::HeaderMap,
    request: axum::body::Body,
) -> Result<axum::Json<serde_json::Value>, crate::problem::Problem> {
    let (format, bytes) = crate::body::read_input(&state, &headers, request).await?;
    let limits = state.config.limits;
    let text = crate::body::text(bytes)?;
    let text = vanban::limits::strip_bom(&text);
    crate::body::check_syntax(text, format, limits.max_depth)?;
    vanban_report::data::parse_data(text, format, &limits)
        .map(axum::Json)
        .map_err(|why| crate::problem::Problem::malformed(vec![crate::problem::Item::new("", why)]))
}
