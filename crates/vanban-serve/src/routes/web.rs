//! The clerk's web page: every file is inside the binary (no CDN, works
//! offline).

use axum::extract::Path;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::problem::Problem;

/// (name, content type, text) of each asset.
const ASSETS: [(&str, &str, &str); 6] = [
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../../web/app.js"),
    ),
    (
        "attach.js",
        "text/javascript; charset=utf-8",
        include_str!("../../web/attach.js"),
    ),
    (
        "form.js",
        "text/javascript; charset=utf-8",
        include_str!("../../web/form.js"),
    ),
    (
        "lint.js",
        "text/javascript; charset=utf-8",
        include_str!("../../web/lint.js"),
    ),
    (
        "register.js",
        "text/javascript; charset=utf-8",
        include_str!("../../web/register.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../../web/style.css"),
    ),
];

fn html(text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            // Nothing from elsewhere: scripts, styles and frames from here only.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:",
            ),
        ],
        text,
    )
        .into_response()
}

/// The page for drafting a document.
#[utoipa::path(get, path = "/", tag = "web",
    responses((status = 200, description = "The page", content_type = "text/html", body = String)))]
pub async fn index() -> Response {
    html(include_str!("../../web/index.html"))
}

/// The page for checking a DOCX or PDF.
#[utoipa::path(get, path = "/lint", tag = "web",
    responses((status = 200, description = "The lint page", content_type = "text/html", body = String)))]
pub async fn lint_page() -> Response {
    html(include_str!("../../web/lint.html"))
}

/// A script or style sheet of the pages.
#[utoipa::path(get, path = "/assets/{file}", tag = "web",
    params(("file" = String, Path, description = "app.js, attach.js, form.js, lint.js, register.js or style.css")),
    responses(
        (status = 200, description = "The file", body = String),
        (status = 404, description = "No such file", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    ))]
pub async fn asset(Path(file): Path<String>) -> Result<Response, Problem> {
    let (_, content_type, text) = ASSETS
        .iter()
        .find(|(name, _, _)| *name == file)
        .ok_or_else(|| Problem::not_found(vanban_i18n::msg!("serve-no-file-here")))?;
    Ok(([(header::CONTENT_TYPE, *content_type)], *text).into_response())
}
