//! Errors as RFC 9457 problem details (`application/problem+json`), each
//! carrying every problem found: field path, line, column and message.
//!
//! Messages are catalogue messages (`vanban-i18n`), rendered late: a
//! handler returns a [`Problem`]; [`localize`] writes it in the language
//! the request's `Accept-Language` asks for (English by default).

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use vanban_i18n::{msg, Arg, Lang, Message};

/// One problem with the request: the field (`signer.name`), where it is in
/// the body (1-based line and column) when known, and what is wrong.
#[derive(Clone, Debug)]
pub struct Item {
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: Message,
}

/// An RFC 9457 problem document.
#[derive(Clone, Debug)]
pub struct Problem {
    /// `urn:vanban:problem:NAME`, naming the kind of problem.
    pub kind: String,
    pub status: u16,
    pub detail: Message,
    /// Every problem found, for bad input; empty otherwise.
    pub problems: Vec<Item>,
    /// Seconds to wait before trying again (busy or timed out).
    pub retry_after: Option<u64>,
}

/// The problem document as sent (the OpenAPI schema of every error).
#[derive(Serialize, ToSchema)]
pub struct ProblemJson {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub problems: Vec<ItemJson>,
}

#[derive(Serialize, ToSchema)]
pub struct ItemJson {
    /// The field: `signer.name`, `recipients[2]`; empty for the whole body.
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn new(status: StatusCode, kind: &str, detail: impl Into<Message>) -> Problem {
        Problem {
            kind: format!("urn:vanban:problem:{kind}"),
            status: status.as_u16(),
            detail: detail.into(),
            problems: Vec::new(),
            retry_after: None,
        }
    }

    /// 422: input that parses but is not a valid document, every problem listed.
    pub fn invalid(detail: impl Into<Message>, problems: Vec<Item>) -> Problem {
        Problem {
            problems,
            ..Problem::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid-input", detail)
        }
    }

    /// 400: a body that is not JSON, YAML or TOML at all.
    pub fn malformed(problems: Vec<Item>) -> Problem {
        Problem {
            problems,
            ..Problem::new(
                StatusCode::BAD_REQUEST,
                "malformed",
                msg!("serve-malformed"),
            )
        }
    }

    pub fn too_large(limit: u64) -> Problem {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            msg!("serve-too-large", limit = Arg::count(limit)),
        )
    }

    pub fn busy(retry_after: u64, detail: impl Into<Message>) -> Problem {
        Problem {
            retry_after: Some(retry_after),
            ..Problem::new(StatusCode::SERVICE_UNAVAILABLE, "busy", detail)
        }
    }

    pub fn slow(seconds: u64) -> Problem {
        Problem::new(
            StatusCode::REQUEST_TIMEOUT,
            "slow-client",
            msg!("serve-slow-client", seconds = seconds),
        )
    }

    pub fn not_found(detail: impl Into<Message>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, "not-found", detail)
    }

    pub fn internal(why: impl Into<String>) -> Problem {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            msg!("serve-internal", why = why.into()),
        )
    }

    /// The problems of a document that failed validation.
    pub fn from_input(error: &vanban::InputError) -> Problem {
        let items = error.problems.iter().map(Item::from_problem).collect();
        Problem::invalid(msg!("serve-invalid-input"), items)
    }

    /// The document in `lang`.
    pub fn to_json(&self, lang: Lang) -> ProblemJson {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ProblemJson {
            kind: self.kind.clone(),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: self.status,
            detail: self.detail.render(lang),
            problems: self
                .problems
                .iter()
                .map(|item| ItemJson {
                    path: item.path.clone(),
                    line: item.line,
                    column: item.column,
                    message: item.message.render(lang),
                })
                .collect(),
        }
    }

    fn response(&self, lang: Lang) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self.to_json(lang)).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(tag(lang)),
        );
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

fn tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        _ => "en",
    }
}

impl Item {
    pub fn new(path: impl Into<String>, message: impl Into<Message>) -> Item {
        Item {
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    pub fn from_problem(p: &vanban::Problem) -> Item {
        Item {
            path: p.path.clone(),
            line: p.line,
            column: p.column,
            message: p.msg.clone(),
        }
    }
}

/// Sent in English; [`localize`] rewrites it when the client asked for
/// another language.
impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = self.response(Lang::En);
        response.extensions_mut().insert(Localizable(self));
        response
    }
}

#[derive(Clone)]
struct Localizable(Problem);

/// Writes a problem in the language of the request's `Accept-Language`.
pub async fn localize(request: Request, next: Next) -> Response {
    let lang = request
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Lang::En, Lang::negotiate);
    let mut response = next.run(request).await;
    match response.extensions_mut().remove::<Localizable>() {
        Some(Localizable(problem)) if lang != Lang::En => problem.response(lang),
        _ => response,
    }
}
