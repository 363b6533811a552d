//! The register (`--db`): `POST /v1/register/issue` (a draft → its number,
//! files and entry), `GET /v1/register?year=`, `POST /v1/register/receive`
//! and `GET /v1/register/book?year=&format=`, through `vanban-register`
//! as `vanban register` uses it. Each call runs on the render pool; the
//! register itself takes one caller at a time.

use std::io::Write;

use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::Value;
use vanban_i18n::msg;
use vanban_register::book::BookFormat;
use vanban_register::{Error, Filter, IssueOptions};

use crate::body;
use crate::problem::{Item, Problem};
use crate::state::Shared;

/// `?format=` of an issue: the entry as JSON (default), or a zip of the
/// numbered files with `entry.json`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IssueQuery {
    /// `json` (default) or `zip`.
    pub format: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The year (default: every year).
    pub year: Option<i32>,
    /// `true`: the incoming book (sổ văn bản đến).
    pub incoming: Option<bool>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BookQuery {
    pub year: i32,
    /// `pdf` (default), `docx` or `xlsx`.
    pub format: Option<String>,
    /// `true`: the incoming book.
    pub incoming: Option<bool>,
}

/// A clerk's request panicked while holding the register (poisoned lock).
fn unavailable() -> Problem {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        msg!("register-unavailable"),
    )
}

fn no_register() -> Problem {
    Problem::not_found(msg!("serve-no-register"))
}

/// A register error as a problem: the caller's (409, 422, 404) or ours.
/// Its words are catalogue messages, shown in the request's language.
fn register_problem(e: Error) -> Problem {
    let message = e.message();
    match e {
        Error::NotFound(_) => Problem::not_found(message),
        Error::Input(input) => Problem::from_input(&input),
        Error::Problems(problems) => Problem::invalid(
            msg!("serve-invalid-input"),
            problems.into_iter().map(|p| Item::new("", p)).collect(),
        ),
        Error::Invalid(_) | Error::AlreadyReceived { .. } => {
            Problem::invalid(message.clone(), vec![Item::new("", message)])
        }
        Error::Taken { .. } | Error::Conflict { .. } => {
            Problem::new(StatusCode::CONFLICT, "conflict", message)
        }
        Error::Busy { seconds, .. } => Problem::busy(seconds.max(1), message),
        _ => Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message),
    }
}

/// Issues a draft: allocates its number and date, records it and writes its
/// files (DOCX and PDF) into the register's folder, in one step.
#[utoipa::path(
    post,
    path = "/v1/register/issue",
    tag = "register",
    params(IssueQuery),
    request_body(description = "The draft (an input document, without number and date)",
        content((String = "application/json"), (String = "application/yaml"), (String = "application/toml"))),
    responses(
        (status = 200, description = "The entry (JSON), or with format=zip the files and entry.json", body = Object),
        (status = 404, description = "The server runs without --db", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 422, description = "Not a valid document", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn issue(
    State(state): State<Shared>,
    Query(query): Query<IssueQuery>,
    headers: HeaderMap,
    request: Body,
) -> Result<Response, Problem> {
    let Some(register) = state.register.clone() else {
        return Err(no_register());
    };
    let (format, bytes) = body::read_input(&state, &headers, request).await?;
    let limits = state.config.limits;
    let zip = matches!(query.format.as_deref(), Some("zip"));
    let dir = state.config.register_files.clone();
    let job = move || -> Result<Response, Problem> {
        let (doc, text) = body::document(bytes, format, limits)?;
        let source = vanban::source::parse_with(&text, format, &limits)
            .map_err(|e| Problem::from_input(&e))?;
        let mut register = register.lock().map_err(|_| unavailable())?;
        let entry = register
            .issue(&source, &doc, &IssueOptions::new(&dir))
            .map_err(register_problem)?;
        drop(register);
        let json = serde_json::to_vec_pretty(&entry).unwrap_or_default();
        if !zip {
            return Ok(([(header::CONTENT_TYPE, "application/json")], json).into_response());
        }
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options =
            zip::write::SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
        let mut add = |name: &str, bytes: &[u8]| -> Result<(), Problem> {
            out.start_file(name, options)
                .map_err(|e| Problem::internal(e.to_string()))?;
            out.write_all(bytes)
                .map_err(|e| Problem::internal(e.to_string()))
        };
        add("entry.json", &json)?;
        for file in &entry.files {
            let path = std::path::Path::new(&file.path);
            let bytes = std::fs::read(path).map_err(|e| Problem::internal(e.to_string()))?;
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
            add(name, &bytes)?;
        }
        let bytes = out
            .finish()
            .map_err(|e| Problem::internal(e.to_string()))?
            .into_inner();
        Ok(([(header::CONTENT_TYPE, "application/zip")], bytes).into_response())
    };
    state.pool.run(job).await?
}

/// The entries of a year (or every year), outgoing or incoming.
#[utoipa::path(
    get,
    path = "/v1/register",
    tag = "register",
    params(YearQuery),
    responses(
        (status = 200, description = "The entries, as `vanban register list --json`", body = Object),
        (status = 404, description = "The server runs without --db", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn list(
    State(state): State<Shared>,
    Query(query): Query<YearQuery>,
) -> Result<Json<Value>, Problem> {
    let Some(register) = state.register.clone() else {
        return Err(no_register());
    };
    let job = move || -> Result<Value, Problem> {
        let filter = Filter {
            year: query.year,
            ..Filter::default()
        };
        let mut register = register.lock().map_err(|_| unavailable())?;
        let value = if query.incoming == Some(true) {
            serde_json::to_value(register.incoming(&filter).map_err(register_problem)?)
        } else {
            serde_json::to_value(register.entries(&filter).map_err(register_problem)?)
        };
        value.map_err(|e| Problem::internal(e.to_string()))
    };
    state.pool.run(job).await?.map(Json)
}

/// Registers a received DOCX or PDF: what can be read from it (issuer,
/// number, symbol, date, kind, summary), with form fields of the same
/// names over it.
#[utoipa::path(
    post,
    path = "/v1/register/receive",
    tag = "register",
    request_body(description = "The file (part `file`) and, where it cannot be read, fields issuer, number, symbol, kind, summary, date",
        content((Vec<u8> = "multipart/form-data"), (Vec<u8> = "application/pdf"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))),
    responses(
        (status = 200, description = "The incoming entry", body = Object),
        (status = 404, description = "The server runs without --db", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 422, description = "A field could not be read nor was given", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn receive(
    State(state): State<Shared>,
    request: Request,
) -> Result<Json<Value>, Problem> {
    let Some(register) = state.register.clone() else {
        return Err(no_register());
    };
    let limits = state.config.lint_limits;
    let headers = request.headers().clone();
    let mut given = vanban_register::receive::Given::default();
    let (name, bytes) = if body::media_type(&headers) == "multipart/form-data" {
        let mut form = Multipart::from_request(request, &state)
            .await
            .map_err(|e| Problem::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))?;
        let mut file = None;
        while let Some(field) = form
            .next_field()
            .await
            .map_err(|e| Problem::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))?
        {
            let part = field.name().unwrap_or("").to_string();
            let file_name = field.file_name().map(str::to_string);
            let bytes = field
                .bytes()
                .await
                .map_err(|e| Problem::new(StatusCode::BAD_REQUEST, "malformed", e.body_text()))?;
            if bytes.len() as u64 > limits.max_file_bytes {
                return Err(Problem::too_large(limits.max_file_bytes));
            }
            let text = || String::from_utf8_lossy(&bytes).trim().to_string();
            match part.as_str() {
                "file" => file = Some((file_name.unwrap_or_else(|| "file".into()), bytes.to_vec())),
                "issuer" => given.issuer = Some(text()),
                "symbol" => given.symbol = Some(text()),
                "kind" => given.kind = Some(text()),
                "summary" => given.summary = Some(text()),
                "number" => given.number = text().parse().ok(),
                "date" => given.date = vanban::Date::parse(&text()).ok(),
                _ => {}
            }
        }
        file.ok_or_else(|| {
            Problem::invalid(
                msg!("serve-no-file"),
                vec![Item::new("file", msg!("serve-no-file"))],
            )
        })?
    } else {
        let bytes = body::read(
            &headers,
            request.into_body(),
            limits.max_file_bytes,
            state.config.read_timeout,
        )
        .await?;
        ("body".to_string(), bytes)
    };
    let job = move || -> Result<Value, Problem> {
        let read = vanban_register::receive::read_bytes(&bytes, &limits)
            .map_err(|why| Problem::invalid(why.clone(), vec![Item::new("file", why)]))?;
        let received =
            vanban_register::receive::received(&name, &read, &given).map_err(register_problem)?;
        let mut register = register.lock().map_err(|_| unavailable())?;
        let entry = register.receive(&received).map_err(register_problem)?;
        serde_json::to_value(entry).map_err(|e| Problem::internal(e.to_string()))
    };
    state.pool.run(job).await?.map(Json)
}

/// The year's book (sổ đăng ký văn bản đi, or đến) as PDF, DOCX or XLSX.
#[utoipa::path(
    get,
    path = "/v1/register/book",
    tag = "register",
    params(BookQuery),
    responses(
        (status = 200, description = "The book", content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 404, description = "The server runs without --db", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn book(
    State(state): State<Shared>,
    Query(query): Query<BookQuery>,
) -> Result<Response, Problem> {
    let Some(register) = state.register.clone() else {
        return Err(no_register());
    };
    let malformed = |why| Problem::new(StatusCode::BAD_REQUEST, "malformed", why);
    let format = BookFormat::parse_list(query.format.as_deref().unwrap_or("pdf"))
        .map_err(|e| malformed(e.message()))?
        .into_iter()
        .next()
        .ok_or_else(|| malformed(msg!("register-book-no-format")))?;
    let incoming = query.incoming == Some(true);
    let year = query.year;
    let job = move || -> Result<Response, Problem> {
        let mut register = register.lock().map_err(|_| unavailable())?;
        let book = register.book(year, incoming).map_err(register_problem)?;
        drop(register);
        let (content_type, bytes) = match format {
            BookFormat::Pdf => {
                let doc = book.document().map_err(register_problem)?;
                let bytes = vanban_pdf::render_composition(
                    &doc,
                    &book.composition(),
                    &vanban_pdf::Options::default(),
                )
                .map_err(|e| Problem::internal(e.to_string()))?;
                ("application/pdf", bytes)
            }
            BookFormat::Docx => {
                let doc = book.document().map_err(register_problem)?;
                let bytes = vanban_docx::render_composition(&doc, &book.composition())
                    .map_err(|e| Problem::internal(e.to_string()))?;
                (super::DOCX_TYPE, bytes)
            }
            BookFormat::Xlsx => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                book.xlsx().map_err(register_problem)?,
            ),
        };
        let stem = format!("{}-{year}", if incoming { "so-den" } else { "so-di" });
        let mut response = bytes.into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Ok(v) = HeaderValue::from_str(&format!(
            "attachment; filename=\"{stem}.{}\"",
            format.extension()
        )) {
            response
                .headers_mut()
                .insert(header::CONTENT_DISPOSITION, v);
        }
        Ok(response)
    };
    state.pool.run(job).await?
}
