//! The router: every route is added with `routes!` from its handler's
//! OpenAPI description, so the OpenAPI document cannot miss one (a test
//! reads this file to keep it so); then the layers every request passes:
//! the token, the time limit.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::problem::Problem;
use crate::routes::{lint, meta, register, render, templates, web};
use crate::state::Shared;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "vanban",
        description = "Vietnamese administrative documents (Decree 30/2020/NĐ-CP) over HTTP: render, templates, lint. \
                       Errors are RFC 9457 problem details listing every problem (path, line, column, message)."
    ),
    components(schemas(crate::problem::ProblemJson, crate::problem::ItemJson)),
    modifiers(&Bearer),
    tags(
        (name = "render", description = "Input documents to DOCX and PDF"),
        (name = "templates", description = "Documents made from data"),
        (name = "lint", description = "Any DOCX or PDF checked against the decree"),
        (name = "meta", description = "Health, schema, this document"),
        (name = "register", description = "The office's register (with --db): numbers, books, received documents"),
        (name = "web", description = "The clerk's web page"),
    )
)]
struct ApiDoc;

/// `Authorization: Bearer …`, required when the server runs with `--token`.
struct Bearer;

impl Modify for Bearer {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The whole application, and its OpenAPI document.
pub fn app(state: Shared) -> (Router, utoipa::openapi::OpenApi) {
    let (router, api) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(render::render))
        .routes(routes!(templates::list))
        .routes(routes!(templates::example))
        .routes(routes!(templates::render))
        .routes(routes!(lint::lint))
        .routes(routes!(meta::schema))
        .routes(routes!(meta::kinds))
        .routes(routes!(meta::to_json))
        .routes(routes!(meta::openapi))
        .routes(routes!(meta::healthz))
        .routes(routes!(register::issue))
        .routes(routes!(register::list))
        .routes(routes!(register::receive))
        .routes(routes!(register::book))
        .routes(routes!(web::index))
        .routes(routes!(web::lint_page))
        .routes(routes!(web::asset))
        .with_state(state.clone())
        .split_for_parts();
    let json = Arc::new(api.to_pretty_json().unwrap_or_default());
    let router = router
        .fallback(not_found)
        // Multipart forms count their own bytes (see the handlers).
        .layer(DefaultBodyLimit::disable())
        .layer(Extension(meta::OpenApiJson(json)))
        .layer(middleware::from_fn_with_state(state.clone(), time_limit))
        .layer(middleware::from_fn_with_state(state, token))
        .layer(middleware::from_fn(crate::problem::localize));
    (router, api)
}

async fn not_found() -> Problem {
    Problem::not_found(vanban_i18n::msg!("serve-not-found"))
}

/// Every `/v1/` request carries the token when the server has one.
async fn token(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let Some(token) = state.config.token.as_deref() else {
        return next.run(request).await;
    };
    if !request.uri().path().starts_with("/v1/") {
        return next.run(request).await;
    }
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if same(given.as_bytes(), token.as_bytes()) {
        return next.run(request).await;
    }
    let mut response = Problem::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        vanban_i18n::msg!("serve-unauthorized"),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// Compares without stopping at the first difference, so the time taken
/// does not tell how much of a guess was right.
fn same(a: &[u8], b: &[u8]) -> bool {
    let mut diff = a.len() ^ b.len();
    for (i, byte) in b.iter().enumerate() {
        diff |= usize::from(a.get(i).copied().unwrap_or(0) ^ byte);
    }
    diff == 0
}

/// No request takes longer than `request_timeout` (a render under way
/// still ends on its worker; the client is answered 503).
async fn time_limit(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let limit = state.config.request_timeout;
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Problem::busy(
            5,
            vanban_i18n::msg!("serve-timeout", seconds = limit.as_secs()),
        )
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_compare_whole() {
        assert!(super::same(b"abc", b"abc"));
        assert!(!super::same(b"abd", b"abc"));
        assert!(!super::same(b"ab", b"abc"));
        assert!(!super::same(b"abcd", b"abc"));
        assert!(!super::same(b"", b"abc"));
    }

    /// Every route goes through `routes!`, so it is in the OpenAPI document.
    #[test]
    fn no_route_bypasses_the_openapi_document() {
        let source = include_str!("app.rs");
        let plain = [".route(", ".route_service(", ".nest(", ".merge("];
        for call in plain {
            let found = source
                .lines()
                .filter(|l| l.contains(call) && !l.contains("let plain"))
                .count();
            assert_eq!(
                found, 0,
                "`{call}` adds a route the OpenAPI document does not describe"
            );
        }
    }
}
