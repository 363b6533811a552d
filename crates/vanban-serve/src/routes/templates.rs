//! `GET /v1/templates`, `GET /v1/templates/{name}/example` and
//! `POST /v1/templates/{name}/render`: documents made from data.
//!
//! A template name from a request is only ever looked up among the
//! templates loaded at start: it never reaches the file system. Workbooks
//! sent with the data (`indicators: {from: chi-tieu.xlsx}`) are written
//! into a fresh temporary folder under names made safe, and read from
//! there as `vanban render --template` reads them beside a data file.

use std::path::Path;

use axum::extract::{FromRequest, Multipart, Path as UrlPath, Query, Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use vanban::metrics::FontSet;
use vanban::ReadOptions;
use vanban_report::{TemplateError, TemplateErrorKind};

use super::{file_response, render_problem, stem_of, FormatQuery, OutFormat};
use crate::body;
use crate::problem::{Item, Problem};
use crate::state::Shared;

/// A template and the data fields it reads.
#[derive(Serialize, ToSchema)]
pub struct TemplateInfo {
    pub name: String,
    /// What it makes, in a line.
    pub about: String,
    pub fields: Vec<FieldInfo>,
    /// Whether `GET /v1/templates/{name}/example` has example data.
    pub example: bool,
}

#[derive(Serialize, ToSchema)]
pub struct FieldInfo {
    /// Data path: `indicators[].plan`.
    pub path: String,
    pub required: bool,
    pub description: String,
}

/// Example data of the built-in templates (the files of examples/data).
const EXAMPLES: [(&str, &str); 9] = [
    (
        "ke-hoach",
        include_str!("../../../../examples/data/ke-hoach.yaml"),
    ),
    (
        "bao-cao",
        include_str!("../../../../examples/data/bao-cao.yaml"),
    ),
    (
        "bao-cao-ket-qua-nam",
        include_str!("../../../../examples/data/bao-cao-ket-qua-nam.yaml"),
    ),
    (
        "quyet-dinh",
        include_str!("../../../../examples/data/quyet-dinh.yaml"),
    ),
    (
        "to-trinh",
        include_str!("../../../../examples/data/to-trinh.yaml"),
    ),
    (
        "cong-van",
        include_str!("../../../../examples/data/cong-van.yaml"),
    ),
    (
        "thong-bao",
        include_str!("../../../../examples/data/thong-bao.yaml"),
    ),
    (
        "giay-moi",
        include_str!("../../../../examples/data/giay-moi.yaml"),
    ),
    (
        "bien-ban",
        include_str!("../../../../examples/data/bien-ban.yaml"),
    ),
];

fn example_text(name: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// Every template, with its fields.
#[utoipa::path(
    get,
    path = "/v1/templates",
    tag = "templates",
    responses((status = 200, description = "The templates", body = Vec<TemplateInfo>))
)]
pub async fn list(State(state): State<Shared>) -> Json<Vec<TemplateInfo>> {
    let templates = &state.templates;
    let list = templates
        .names()
        .into_iter()
        .map(|name| TemplateInfo {
            name: name.to_string(),
            about: templates.about(name).unwrap_or("").to_string(),
            fields: templates
                .fields(name)
                .unwrap_or(&[])
                .iter()
                .map(|f| FieldInfo {
                    path: f.path.clone(),
                    required: f.required,
                    description: f.description.clone(),
                })
                .collect(),
            example: example_text(name).is_some(),
        })
        .collect();
    Json(list)
}

/// A template's example data, as YAML text (comments kept).
#[utoipa::path(
    get,
    path = "/v1/templates/{name}/example",
    tag = "templates",
    params(("name" = String, Path, description = "The template's name, as GET /v1/templates lists it")),
    responses(
        (status = 200, description = "Example data", content_type = "application/yaml", body = String),
        (status = 404, description = "No example for that name", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn example(UrlPath(name): UrlPath<String>) -> Result<Response, Problem> {
    let text = example_text(&name).ok_or_else(|| {
        Problem::not_found(vanban_i18n::msg!(
            "serve-no-example",
            name = shown_name(&name)
        ))
    })?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/yaml; charset=utf-8",
        )],
        text,
    )
        .into_response())
}

/// Renders data through a template. The body is the data (JSON, YAML or
/// TOML by content type), or multipart form data: a part `data` (a
/// `.yaml`/`.json`/`.toml` file) and the workbooks or CSV files its
/// `{from: FILE}` fields name, each a part with its file name.
#[utoipa::path(
    post,
    path = "/v1/templates/{name}/render",
    tag = "templates",
    params(
        ("name" = String, Path, description = "The template's name, as GET /v1/templates lists it"),
        FormatQuery
    ),
    request_body(
        description = "The template's data",
        content((String = "application/json"), (String = "application/yaml"), (String = "application/toml"), (String = "multipart/form-data"))
    ),
    responses(
        (status = 200, description = "The document", content((Vec<u8> = "application/pdf"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), (Vec<u8> = "application/zip"))),
        (status = 400, description = "The body cannot be parsed", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 404, description = "No such template", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON, YAML, TOML or multipart", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 422, description = "The data makes no valid document: every problem", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
        (status = 503, description = "Busy; see Retry-After", body = crate::problem::ProblemJson, content_type = "application/problem+json"),
    )
)]
pub async fn render(
    State(state): State<Shared>,
    UrlPath(name): UrlPath<String>,
    Query(query): Query<FormatQuery>,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, Problem> {
    if !state.templates.names().contains(&name.as_str()) {
        return Err(Problem::not_found(vanban_i18n::msg!(
            "serve-no-template",
            name = shown_name(&name)
        )));
    }
    let limits = state.config.limits;
    let data = if body::media_type(&headers) == "multipart/form-data" {
        Data::Files(read_parts(&state, request).await?)
    } else {
        let format = body::input_format(&headers)?;
        let bytes = body::read(
            &headers,
            request.into_body(),
            limits.max_file_bytes,
            state.config.read_timeout,
        )
        .await?;
        Data::Text(bytes, format)
    };
    let out = query.format.unwrap_or(OutFormat::Pdf);
    let shared = state.clone();
    let job = move || -> Result<Response, Problem> {
        let (value, origins) = data.value(&limits)?;
        let options = ReadOptions {
            limits,
            fonts: Some(FontSet::liberation_serif()),
        };
        let doc = shared
            .templates
            .render_document_with(&name, &value, &options)
            .map_err(|e| template_problem(&e, &origins))?;
        let rendered = vanban_output::render(&doc, &out.formats(), &Default::default())
            .map_err(render_problem)?;
        file_response(out, &stem_of(&doc), rendered)
    };
    state.pool.run(job).await?
}

/// A name as shown in a message: printable, and not too long.
fn shown_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(80).collect()
}

/// The data of a template render: a body, or files written to a folder.
enum Data {
    Text(Vec<u8>, vanban::Format),
    Files(Parts),
}

struct Parts {
    dir: tempfile::TempDir,
    data: std::path::PathBuf,
}

impl Data {
    fn value(
        self,
        limits: &vanban::Limits,
    ) -> Result<(Value, vanban_report::data::Origins), Problem> {
        match self {
            Data::Text(bytes, format) => {
                let text = body::text(bytes)?;
                let text = vanban::limits::strip_bom(&text);
                body::check_syntax(text, format, limits.max_depth)?;
                let value =
                    vanban_report::data::parse_data(text, format, limits).map_err(|why| {
                        Problem::invalid(
                            vanban_i18n::msg!("serve-data-unusable"),
                            vec![Item::new("", why)],
                        )
                    })?;
                Ok((value, Default::default()))
            }
            Data::Files(parts) => {
                // `{from: FILE}` may name the files sent along, nothing else.
                let text = vanban::limits::read_text(&parts.data, limits.max_file_bytes).map_err(
                    |why| {
                        Problem::invalid(
                            vanban_i18n::msg!("serve-data-unusable"),
                            vec![Item::new("data", why)],
                        )
                    },
                )?;
                let format = vanban::Format::from_path(&parts.data).unwrap_or(vanban::Format::Yaml);
                body::check_syntax(vanban::limits::strip_bom(&text), format, limits.max_depth)?;
                let value = vanban_report::data::parse_data(
                    vanban::limits::strip_bom(&text),
                    format,
                    limits,
                )
                .map_err(|why| {
                    Problem::invalid(
                        vanban_i18n::msg!("serve-data-unusable"),
                        vec![Item::new("", why)],
                    )
                })?;
                check_from_names(&value, &mut Vec::new())?;
                let read = vanban_report::data::read_data(&parts.data, limits);
                // Messages name the files as sent, not the folder they were kept in.
                let folder = format!("{}/", parts.dir.path().display());
                let hide = |text: &str| text.replace(&folder, "");
                let file = read.map_err(|e| {
                    let items = e
                        .messages()
                        .iter()
                        .map(|p| Item::new("", p.map_text(&hide)))
                        .collect();
                    Problem::invalid(vanban_i18n::msg!("serve-data-unusable"), items)
                })?;
                let origins = file
                    .origins
                    .into_iter()
                    .map(|(k, v)| (k, v.map_text(&hide)))
                    .collect();
                drop(parts.dir);
                Ok((file.value, origins))
            }
        }
    }
}

/// Refuses a `{from: FILE}` whose FILE is not a plain file name, so an
/// upload can read only the files sent with it.
fn check_from_names(value: &Value, at: &mut Vec<String>) -> Result<(), Problem> {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(from)) = map.get("from") {
                if safe_file_name(from).as_deref() != Some(from.as_str()) {
                    let why = vanban_i18n::msg!("serve-from-outside", file = from.as_str());
                    return Err(Problem::invalid(
                        why.clone(),
                        vec![Item::new(at.join("."), why)],
                    ));
                }
            }
            for (key, item) in map {
                at.push(key.clone());
                check_from_names(item, at)?;
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                at.push(i.to_string());
                check_from_names(item, at)?;
                at.pop();
            }
        }
        _ => {}
    }
    Ok(())
}

/// Writes the parts of a multipart body into a fresh folder: `data` as
/// `data.EXT`, every other file under its own name made safe.
async fn read_parts(state: &Shared, request: Request) -> Result<Parts, Problem> {
    let limit = state.config.limits.max_file_bytes;
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    // The data and its workbooks together.
    let total = limit.saturating_mul(4);
    if declared.is_some_and(|n| n > total) {
        return Err(Problem::too_large(total));
    }
    let mut form = Multipart::from_request(request, state).await.map_err(|e| {
        Problem::new(
            axum::http::StatusCode::BAD_REQUEST,
            "malformed",
            e.body_text(),
        )
    })?;
    let dir = tempfile::tempdir().map_err(|e| Problem::internal(e.to_string()))?;
    let mut data = None;
    let mut written: u64 = 0;
    let timeout = state.config.read_timeout;
    loop {
        let next = tokio::time::timeout(timeout, form.next_field())
            .await
            .map_err(|_| slow(timeout.as_secs()))?
            .map_err(multipart_problem)?;
        let Some(field) = next else { break };
        let part = field.name().unwrap_or("").to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = tokio::time::timeout(timeout, field.bytes())
            .await
            .map_err(|_| slow(timeout.as_secs()))?
            .map_err(multipart_problem)?;
        written += bytes.len() as u64;
        if bytes.len() as u64 > limit || written > total {
            return Err(Problem::too_large(limit));
        }
        let name = if part == "data" {
            let ext = file_name
                .as_deref()
                .and_then(|n| Path::new(n).extension())
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_else(|| "yaml".into());
            if !matches!(ext.as_str(), "yaml" | "yml" | "json" | "toml") {
                return Err(body::unsupported(
                    &ext,
                    "the data as a .yaml, .json or .toml file",
                ));
            }
            let name = format!("data.{ext}");
            data = Some(dir.path().join(&name));
            name
        } else {
            match file_name.as_deref().and_then(safe_file_name) {
                Some(name) => name,
                None => continue,
            }
        };
        std::fs::write(dir.path().join(name), &bytes)
            .map_err(|e| Problem::internal(format!("cannot keep an uploaded file: {e}")))?;
    }
    let data = data.ok_or_else(|| {
        Problem::invalid(
            vanban_i18n::msg!("serve-no-data"),
            vec![Item::new("data", vanban_i18n::msg!("serve-no-data"))],
        )
    })?;
    Ok(Parts { dir, data })
}

fn slow(seconds: u64) -> Problem {
    Problem::slow(seconds)
}

fn multipart_problem(e: axum::extract::multipart::MultipartError) -> Problem {
    let text = e.body_text();
    if text.contains("limit") {
        Problem::new(axum::http::StatusCode::PAYLOAD_TOO_LARGE, "too-large", text)
    } else {
        Problem::new(axum::http::StatusCode::BAD_REQUEST, "malformed", text)
    }
}

/// An uploaded file's name, reduced to its last component; `None` for a
/// name that is empty, hidden, or not a plain file name (`../x`, `a/b`).
pub fn safe_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next()?.trim();
    let ok = !base.is_empty()
        && !base.starts_with('.')
        && base.len() <= 200
        && base
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '));
    ok.then(|| base.to_string())
}

/// A template's failure as problems: the data's fault (422, with the data
/// path and, for values from a sheet, the cell), or a missing template (404).
fn template_problem(e: &TemplateError, origins: &vanban_report::data::Origins) -> Problem {
    match &e.kind {
        TemplateErrorKind::NotFound => Problem::not_found(e.msg.clone()),
        TemplateErrorKind::Input(input) => Problem::from_input(input),
        TemplateErrorKind::MissingData | TemplateErrorKind::BadData => {
            let path = e.data_path.clone().unwrap_or_default();
            // Still a catalogue message: written in the request's language.
            let mut message = vanban_report::data::located(&e.msg, origins);
            if let Some(cell) = origins.get(&path) {
                if !message.english().contains(&cell.english()) {
                    message = vanban_i18n::msg!("serve-with-cell", why = message, cell = cell);
                }
            }
            Problem::invalid(
                vanban_i18n::msg!("serve-data-unfit"),
                vec![Item::new(path, message)],
            )
        }
        TemplateErrorKind::Template | TemplateErrorKind::Io => {
            Problem::internal(format!("template `{}` is broken: {e}", e.template))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_stay_in_their_folder() {
        assert_eq!(
            safe_file_name("chi-tieu 2024.xlsx").as_deref(),
            Some("chi-tieu 2024.xlsx")
        );
        assert_eq!(
            safe_file_name("C:\\x\\chi-tieu.xlsx").as_deref(),
            Some("chi-tieu.xlsx")
        );
        assert_eq!(
            safe_file_name("../../etc/passwd").as_deref(),
            Some("passwd")
        );
        for bad in ["", "..", ".env", "a/..", "x\0y", "a:b"] {
            assert_eq!(safe_file_name(bad), None, "{bad:?}");
        }
    }
}
