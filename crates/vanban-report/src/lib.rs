//! Templates: input documents made from data.
//!
//! A template (`templates/*.hbs`, handlebars) renders data into an input
//! document: a YAML header with every field but the body, then the body in
//! Markdown (see `file.rs` for the shape). The result is an ordinary
//! [`Input`], so templated and hand-written documents go one way through
//! validation and rendering.
//!
//! Data cannot change a document's structure: in the header values stand
//! inside double quotes and are escaped for them (checked when a template
//! is loaded); in the body `{{x}}` is escaped for Markdown and `{{{x}}}`
//! inserts trusted Markdown. Rendering is strict: a field the template reads
//! but the data lacks is an error naming the template, line, column and
//! data path. Optional fields are written `{{#if x}}…{{/if}}`.
//!
//! Templates read nothing but their data: there is no file-system helper,
//! and partials (`_name.hbs` in the same folder) are found by name only.

// A TemplateError carries its template, file, place and data path as plain
// fields for the CLI and Python; it is rare, so its size does not matter.
#![allow(clippy::result_large_err)]

mod book;
mod budget;
mod closed;
pub mod data;
pub use vanban::derive;
mod error;
mod escape;
pub mod file;
pub mod format;
mod helpers;
pub mod indicators;
pub mod measure;
pub mod numbers;
mod partials;
mod refuse;
mod report_helpers;
pub mod rollup;
pub mod sheet;
pub mod words;
pub mod workbook;
mod xls_limits;
mod xlsx_calc;
mod xlsx_percent;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use handlebars::{Handlebars, RenderError, RenderErrorReason};
use serde_json::Value;

pub use error::{TemplateError, TemplateErrorKind};
pub use file::Field;

use helpers::HelperFailure;
use refuse::Refusals;
use vanban::limits::Limits;
use vanban::source::{self, Format};
use vanban::{Document, Input, ReadOptions};
use vanban_i18n::{msg, Message};

/// The built-in templates, embedded in the binary.
const BUILTIN: [(&str, &str); 9] = [
    ("ke-hoach", include_str!("../../../templates/ke-hoach.hbs")),
    ("bao-cao", include_str!("../../../templates/bao-cao.hbs")),
    (
        "bao-cao-ket-qua-nam",
        include_str!("../../../templates/bao-cao-ket-qua-nam.hbs"),
    ),
    (
        "quyet-dinh",
        include_str!("../../../templates/quyet-dinh.hbs"),
    ),
    ("to-trinh", include_str!("../../../templates/to-trinh.hbs")),
    ("cong-van", include_str!("../../../templates/cong-van.hbs")),
    (
        "thong-bao",
        include_str!("../../../templates/thong-bao.hbs"),
    ),
    ("giay-moi", include_str!("../../../templates/giay-moi.hbs")),
    ("bien-ban", include_str!("../../../templates/bien-ban.hbs")),
];

/// A set of templates ready to render: the built-ins, plus a user folder's.
#[derive(Clone)]
pub struct Templates {
    /// Header parts, escaped as YAML double-quoted string content.
    header: Handlebars<'static>,
    /// Body parts, escaped as literal Markdown text.
    body: Handlebars<'static>,
    entries: BTreeMap<String, Entry>,
    limits: Limits,
}

#[derive(Clone)]
struct Entry {
    file: file::TemplateFile,
    /// The file a user template came from; `None` for a built-in.
    origin: Option<String>,
}

impl Templates {
    /// The built-in templates only.
    pub fn builtin() -> Templates {
        // Compiling them is most of the cost of loading a folder or one
        // template's text (the parser's positions are slow on long texts),
        // so it is done once per process and cloned.
        static BUILT: OnceLock<Templates> = OnceLock::new();
        BUILT
            .get_or_init(|| {
                let mut templates = Templates::empty();
                for (name, text) in BUILTIN {
                    templates
                        .add(name, text, None)
                        .unwrap_or_else(|e| panic!("built-in template is broken: {e}"));
                }
                templates
            })
            .clone()
    }

    /// The built-ins plus every `*.hbs` in `dir`; a file named like a
    /// built-in replaces it, `_name.hbs` files are partials (`{{> _name}}`).
    pub fn with_dir(dir: impl AsRef<Path>) -> Result<Templates, TemplateError> {
        Templates::with_dir_limited(dir, &Limits::default())
    }

    /// [`Templates::with_dir`] within `limits`: the size of each file read,
    /// and how deep partials may call partials (a loop is refused).
    pub fn with_dir_limited(
        dir: impl AsRef<Path>,
        limits: &Limits,
    ) -> Result<Templates, TemplateError> {
        let dir = dir.as_ref();
        let io = |what: Message, e: std::io::Error| {
            let why = msg!("path-reason", path = what, reason = e.to_string());
            TemplateError::new("", TemplateErrorKind::Io, why)
                .in_file(Some(dir.display().to_string()))
        };
        let root = dir
            .canonicalize()
            .map_err(|e| io(msg!("template-folder-open"), e))?;
        let mut paths: Vec<_> = std::fs::read_dir(&root)
            .map_err(|e| io(msg!("template-folder-read"), e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "hbs"))
            .collect();
        paths.sort();
        let mut templates = Templates::builtin();
        templates.limits = *limits;
        // Partials first, so templates that use them compile against them.
        paths.sort_by_key(|p| !is_partial(p));
        for path in paths {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let shown = path.display().to_string();
            // A link pointing out of the folder would let a template read any file.
            let real = path
                .canonicalize()
                .map_err(|e| io(Message::text(&shown), e))?;
            if !real.starts_with(&root) {
                return Err(TemplateError::new(
                    &name,
                    TemplateErrorKind::Template,
                    msg!("template-outside-folder"),
                )
                .in_file(Some(shown)));
            }
            let text = vanban::limits::read_text(&real, limits.max_file_bytes).map_err(|why| {
                TemplateError::new(&name, TemplateErrorKind::Io, why).in_file(Some(shown.clone()))
            })?;
            if is_partial(&path) {
                templates.add_partial(&name, &text, &shown)?;
            } else {
                templates.add(&name, &text, Some(shown))?;
            }
        }
        for registry in [&templates.header, &templates.body] {
            partials::check(registry, limits.max_partial_depth)
                .map_err(|e| e.in_file(Some(dir.display().to_string())))?;
        }
        Ok(templates)
    }

    /// The built-ins plus one template given as text, as a folder's file
    /// `NAME.hbs` would add it, within `limits` (for tools and fuzzing).
    pub fn with_text(name: &str, text: &str, limits: &Limits) -> Result<Templates, TemplateError> {
        let mut templates = Templates::builtin();
        templates.limits = *limits;
        templates.add(name, text, None)?;
        for registry in [&templates.header, &templates.body] {
            partials::check(registry, limits.max_partial_depth)?;
        }
        Ok(templates)
    }

    /// Names of the templates that can be rendered, in order.
    pub fn names(&self) -> Vec<&str> {
        self.entries.keys().map(String::as_str).collect()
    }

    /// The documented data fields of a template.
    pub fn fields(&self, name: &str) -> Option<&[Field]> {
        self.entries.get(name).map(|e| e.file.fields.as_slice())
    }

    /// What a template makes, in a line.
    pub fn about(&self, name: &str) -> Option<&str> {
        self.entries.get(name).map(|e| e.file.about.as_str())
    }

    /// Renders `data` through template `name` into an input document.
    pub fn render(&self, name: &str, data: &Value) -> Result<Input, TemplateError> {
        self.render_allowing(name, data, &[])
    }

    /// [`Templates::render`], also allowing the data fields at `extra`
    /// (dotted paths, e.g. a batch's name field) in a template whose field
    /// list is closed.
    pub fn render_allowing(
        &self,
        name: &str,
        data: &Value,
        extra: &[String],
    ) -> Result<Input, TemplateError> {
        let entry = self.entry(name)?;
        self.check_shape(name, entry, data)?;
        let refused = Refusals::of(&entry.file, data, extra);
        let origin = || entry.origin.clone();
        if let Some(refusal) = refused.before_rendering(name) {
            return Err(refusal.in_file(origin()));
        }
        let input = self.render_entry(name, entry, data)?;
        // A helper that passes over a missing list would drop it silently.
        if let Some(refusal) = refused.after_rendering(name) {
            return Err(refusal.in_file(origin()));
        }
        Ok(input)
    }

    /// Renders and validates into a [`Document`]; an invalid result is a
    /// [`TemplateErrorKind::Input`] holding every problem.
    pub fn render_document(&self, name: &str, data: &Value) -> Result<Document, TemplateError> {
        self.render_document_with(name, data, &ReadOptions::default())
    }

    /// [`Templates::render_document`] within limits and for fonts (see
    /// [`ReadOptions`]).
    pub fn render_document_with(
        &self,
        name: &str,
        data: &Value,
        options: &ReadOptions<'_>,
    ) -> Result<Document, TemplateError> {
        self.render_document_allowing(name, data, options, &[])
    }

    /// [`Templates::render_document_with`], also allowing the data fields
    /// at `extra` (see [`Templates::render_allowing`]).
    pub fn render_document_allowing(
        &self,
        name: &str,
        data: &Value,
        options: &ReadOptions<'_>,
        extra: &[String],
    ) -> Result<Document, TemplateError> {
        let input = self.render_allowing(name, data, extra)?;
        Document::from_input_with(&input, options).map_err(|error| invalid(name, error))
    }

    /// Every problem `data` has for template `name`, without stopping at
    /// the first: each undocumented field (one error each, with its path),
    /// each required field missing (templates with a closed field list),
    /// a `number` of 0, then what rendering finds (the first template
    /// error, or every problem of the document it makes, including text
    /// the fonts of `options` cannot show). Empty when the data renders
    /// into a valid document.
    pub fn check(
        &self,
        name: &str,
        data: &Value,
        options: &ReadOptions<'_>,
        extra: &[String],
    ) -> Vec<TemplateError> {
        let entry = match self.entry(name) {
            Ok(entry) => entry,
            Err(e) => return vec![e],
        };
        if let Err(e) = self.check_shape(name, entry, data) {
            return vec![e];
        }
        let refused = Refusals::of(&entry.file, data, extra);
        let mut problems: Vec<TemplateError> = refused
            .each(name)
            .into_iter()
            .map(|e| e.in_file(entry.origin.clone()))
            .collect();
        // Rendered without a refused number, so it is not reported twice.
        let mut data = std::borrow::Cow::Borrowed(data);
        if refused.zero_number {
            if let Value::Object(map) = data.to_mut() {
                map.remove(refuse::NUMBER);
            }
        }
        let made = self.render_entry(name, entry, &data).and_then(|input| {
            let doc = Document::from_input_with(&input, options).map_err(|e| invalid(name, e))?;
            match options.fonts {
                Some(fonts) => vanban::coverage::check(&doc, fonts).map_err(|e| invalid(name, e)),
                None => Ok(()),
            }
        });
        match made {
            // A missing field is reported above, with what it is.
            Err(e) if refused.repeats_missing(e.data_path.as_ref()) => {}
            Err(e) => problems.push(e),
            Ok(()) => {}
        }
        problems
    }

    fn entry(&self, name: &str) -> Result<&Entry, TemplateError> {
        self.entries.get(name).ok_or_else(|| {
            TemplateError::new(
                name,
                TemplateErrorKind::NotFound,
                msg!("template-not-found", known = self.names().join(", ")),
            )
        })
    }

    /// Data a template can take at all: an object, within the limits.
    fn check_shape(&self, name: &str, entry: &Entry, data: &Value) -> Result<(), TemplateError> {
        let origin = || entry.origin.clone();
        if let Err((path, why)) = check_data(data, self.limits.max_depth) {
            return Err(TemplateError::new(name, TemplateErrorKind::BadData, why)
                .data(Some(path))
                .in_file(origin()));
        }
        if !data.is_object() {
            return Err(TemplateError::new(
                name,
                TemplateErrorKind::BadData,
                msg!("template-data-not-object"),
            )
            .in_file(origin()));
        }
        Ok(())
    }

    /// The input document `data` makes, without the data checks.
    fn render_entry(
        &self,
        name: &str,
        entry: &Entry,
        data: &Value,
    ) -> Result<Input, TemplateError> {
        let origin = || entry.origin.clone();
        check_figures(name, &entry.file.fields, data).map_err(|e| e.in_file(origin()))?;
        let data = derive::with_derived(data);
        let data = data.as_ref();
        budget::metered(self.limits.max_template_work, || {
            self.render_parts(name, entry, data)
        })
    }

    /// The header, read as input, and the body of one rendering.
    fn render_parts(
        &self,
        name: &str,
        entry: &Entry,
        data: &Value,
    ) -> Result<Input, TemplateError> {
        let origin = || entry.origin.clone();
        let most = self.limits.max_field_chars.saturating_mul(4);
        let header = budget::render_capped(&self.header, name, data, most)
            .map_err(|e| render_error(name, e, entry.file.header_line, data).in_file(origin()))?;
        let mut input = source::parse(&header, Format::Yaml).map_err(|e| {
            let problem = e.problems.first();
            let at = problem.and_then(|p| p.line).unwrap_or(1);
            let line = header.lines().nth(at - 1).unwrap_or("").trim();
            TemplateError::new(
                name,
                TemplateErrorKind::Template,
                msg!(
                    "template-header-invalid",
                    problem = problem.map_or(Message::text(""), |p| p.msg.clone()),
                    line_number = at,
                    line = line
                ),
            )
            .in_file(origin())
        })?;
        if input.body.is_some() {
            return Err(TemplateError::new(
                name,
                TemplateErrorKind::Template,
                msg!("template-header-body"),
            )
            .in_file(origin()));
        }
        let body = budget::render_capped(&self.body, name, data, most)
            .map_err(|e| render_error(name, e, entry.file.body_line, data).in_file(origin()))?;
        input.body = Some(body);
        Ok(input)
    }

    fn empty() -> Templates {
        let mut header = registry();
        header.register_escape_fn(escape::yaml_quoted);
        let mut body = registry();
        body.register_escape_fn(escape::markdown);
        Templates {
            header,
            body,
            entries: BTreeMap::new(),
            limits: Limits::default(),
        }
    }

    fn add(&mut self, name: &str, text: &str, origin: Option<String>) -> Result<(), TemplateError> {
        let fail = |kind, message: Message| {
            TemplateError::new(name, kind, message).in_file(origin.clone())
        };
        budget::check_nesting(text, self.limits.max_template_depth)
            .map_err(|why| fail(TemplateErrorKind::Template, why.into()))?;
        let parts = file::split(text)
            .map_err(|(line, why)| fail(TemplateErrorKind::Template, why.into()).at(line, 1))?;
        if let Some(bad) = escape::lint_header(&parts.header).into_iter().next() {
            return Err(fail(
                TemplateErrorKind::Template,
                msg!(
                    "template-header-unquoted",
                    expression = bad.expression.as_str()
                ),
            )
            .at(bad.line + parts.header_line - 1, bad.column));
        }
        let compile = |registry: &mut Handlebars<'static>, source: &str, first_line: usize| {
            registry
                .register_template_string(name, source)
                .map_err(|e| {
                    let (line, column) = e.pos().unwrap_or((1, 1));
                    fail(TemplateErrorKind::Template, syntax_error(e.reason()))
                        .at(line + first_line - 1, column)
                })
        };
        compile(&mut self.header, &parts.header, parts.header_line)?;
        compile(&mut self.body, &parts.body, parts.body_line)?;
        self.entries.insert(
            name.to_string(),
            Entry {
                file: parts,
                origin,
            },
        );
        Ok(())
    }

    fn add_partial(&mut self, name: &str, text: &str, shown: &str) -> Result<(), TemplateError> {
        budget::check_nesting(text, self.limits.max_template_depth).map_err(|why| {
            TemplateError::new(name, TemplateErrorKind::Template, why)
                .in_file(Some(shown.to_string()))
        })?;
        for registry in [&mut self.header, &mut self.body] {
            registry.register_partial(name, text).map_err(|e| {
                let (line, column) = e.pos().unwrap_or((1, 1));
                TemplateError::new(name, TemplateErrorKind::Template, syntax_error(e.reason()))
                    .in_file(Some(shown.to_string()))
                    .at(line, column)
            })?;
        }
        Ok(())
    }
}

/// Data a template can print faithfully: nested no deeper than `max_depth`,
/// and no number beyond 15 digits, which JSON and YAML hand over as a
/// float (`99999999999999999999` would print `1e+20`). Walked without
/// recursion so that no data can overflow the stack.
fn check_data(data: &Value, max_depth: usize) -> Result<(), (String, String)> {
    let mut stack: Vec<(String, &Value, usize)> = vec![(String::new(), data, 0)];
    while let Some((path, value, depth)) = stack.pop() {
        if depth > max_depth {
            return Err((
                path,
                msg!("template-data-depth", max = max_depth).to_string(),
            ));
        }
        let child = |key: &str| {
            if path.is_empty() {
                key.to_string()
            } else {
                format!("{path}.{key}")
            }
        };
        match value {
            Value::Number(n) if n.is_f64() && n.as_f64().is_some_and(|x| x.abs() >= 1e15) => {
                return Err((
                    path.clone(),
                    msg!("template-number-too-large", value = n.to_string()).to_string(),
                ));
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push((child(&i.to_string()), item, depth + 1));
                }
            }
            Value::Object(map) => {
                for (key, item) in map.iter().rev() {
                    stack.push((child(key), item, depth + 1));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The rendered document was invalid: every problem, in one error.
fn invalid(name: &str, error: vanban::InputError) -> TemplateError {
    TemplateError::new(
        name,
        TemplateErrorKind::Input(error),
        msg!("template-document-invalid"),
    )
}

fn is_partial(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('_'))
}

fn registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    helpers::register(&mut registry);
    registry.register_helper("each", Box::new(budget::MeteredEach));
    registry
}

/// Turns a handlebars error into ours, with the line counted in the whole
/// template file (`first_line` is where this part starts).
fn render_error(name: &str, error: RenderError, first_line: usize, data: &Value) -> TemplateError {
    let in_partial = error
        .template_name
        .as_deref()
        .filter(|t| *t != name)
        .map(str::to_string);
    let (kind, message, path): (_, Message, _) = match error.reason() {
        RenderErrorReason::MissingVariable(path) => (
            TemplateErrorKind::MissingData,
            msg!("template-no-such-field"),
            path.as_deref().map(|p| locate_missing(data, p)),
        ),
        RenderErrorReason::NestedError(nested) => match nested.downcast_ref::<HelperFailure>() {
            Some(failure) => helper_failure(failure),
            None => (TemplateErrorKind::Template, nested.to_string().into(), None),
        },
        RenderErrorReason::Other(message) => {
            let (path, why) = split_data_path(message);
            (TemplateErrorKind::BadData, why.into(), path)
        }
        // Only our capped output fails to write: a limit, said as is.
        RenderErrorReason::IOError(e) => (TemplateErrorKind::BadData, e.to_string().into(), None),
        other => (TemplateErrorKind::Template, other.to_string().into(), None),
    };
    let message = match &in_partial {
        Some(partial) => msg!(
            "template-in-partial",
            partial = partial.as_str(),
            why = message
        ),
        None => message,
    };
    let mut out = TemplateError::new(name, kind, message).data(path);
    if let (Some(line), Some(column)) = (error.line_no, error.column_no) {
        let line = if in_partial.is_some() {
            line
        } else {
            line + first_line - 1
        };
        out = out.at(line, column);
    }
    out
}

/// Handlebars names a missing field relative to its block (`name` inside
/// `{{#each indicators}}`); find the list item that lacks it while its
/// siblings have it (`indicators.3.name`). Otherwise the path stands as given.
fn locate_missing(data: &Value, relative: &str) -> String {
    let keys: Vec<&str> = relative.split('.').collect();
    let mut found = None;
    find_item_without(data, &keys, &mut Vec::new(), &mut found);
    found.unwrap_or_else(|| relative.to_string())
}

fn find_item_without(
    value: &Value,
    keys: &[&str],
    at: &mut Vec<String>,
    found: &mut Option<String>,
) {
    if found.is_some() {
        return;
    }
    let resolves = |item: &Value| keys.iter().try_fold(item, |v, k| v.get(*k)).is_some();
    match value {
        Value::Array(items) if items.iter().any(resolves) => {
            if let Some(i) = items
                .iter()
                .position(|item| item.is_object() && !resolves(item))
            {
                *found = Some(format!(
                    "{}{i}.{}",
                    at.iter().map(|k| format!("{k}.")).collect::<String>(),
                    keys.join(".")
                ));
                return;
            }
            walk(
                items.iter().enumerate().map(|(i, v)| (i.to_string(), v)),
                keys,
                at,
                found,
            );
        }
        Value::Array(items) => walk(
            items.iter().enumerate().map(|(i, v)| (i.to_string(), v)),
            keys,
            at,
            found,
        ),
        Value::Object(map) => walk(map.iter().map(|(k, v)| (k.clone(), v)), keys, at, found),
        _ => {}
    }
}

fn walk<'a>(
    children: impl Iterator<Item = (String, &'a Value)>,
    keys: &[&str],
    at: &mut Vec<String>,
    found: &mut Option<String>,
) {
    for (key, child) in children {
        at.push(key);
        find_item_without(child, keys, at, found);
        at.pop();
    }
}

/// Helper messages read "{{helper}}: data `path`: why".
/// Handlebars' words on a template it cannot read, quoted after ours.
fn syntax_error(reason: &impl std::fmt::Display) -> Message {
    msg!("template-syntax", detail = reason.to_string())
}

/// A helper's failure as the template's: the helper named, the data path
/// apart (a list of indicator problems names its first path in its text).
fn helper_failure(failure: &HelperFailure) -> (TemplateErrorKind, Message, Option<String>) {
    let (path, why) = match (&failure.path, &failure.why) {
        (None, Message::Text(text)) => {
            let (path, why) = split_data_path(text);
            (
                path,
                Message::Text(why.trim_start_matches([':', ' ']).to_string()),
            )
        }
        (path, why) => (path.clone(), why.clone()),
    };
    let message = msg!(
        "template-helper-failed",
        helper = failure.helper.as_str(),
        why = why
    );
    (TemplateErrorKind::BadData, message, path)
}

fn split_data_path(message: &str) -> (Option<String>, String) {
    if let Some(start) = message.find("data `") {
        let rest = &message[start + 6..];
        if let Some(end) = rest.find('`') {
            let helper = message[..start].trim_end_matches([' ', ':']);
            let why = rest[end + 1..].trim_start_matches([':', ' ']);
            return (Some(rest[..end].to_string()), format!("{helper}: {why}"));
        }
    }
    (None, message.to_string())
}

/// The data's number format, and its indicators read whole before any
/// helper uses them: every bad figure at once, each with its data path (a
/// caller that knows where the data came from names the cell: see
/// [`data::with_cells`]).
fn check_figures(name: &str, fields: &[Field], data: &Value) -> Result<(), TemplateError> {
    let bad = |path: &str, why: Message| {
        TemplateError::new(name, TemplateErrorKind::BadData, why).data(Some(path.to_string()))
    };
    let numbers = numbers::NumberFormat::of_data(data).map_err(|why| bad("number_format", why))?;
    let reads_indicators = fields.iter().any(|f| f.path.starts_with("indicators"));
    match data.get("indicators") {
        Some(list @ Value::Array(_)) if reads_indicators => {
            indicators::read_list(list, "indicators", numbers).map_err(|problems| {
                let first = problems
                    .first()
                    .map(Message::english)
                    .and_then(|p| Some(p.strip_prefix("data `")?.split('`').next()?.to_string()))
                    .unwrap_or_else(|| "indicators".to_string());
                let count = vanban_i18n::Arg::count(problems.len());
                let list = Message::concat(
                    problems
                        .into_iter()
                        .map(|p| Message::concat([Message::text("\n  "), p])),
                );
                let message = msg!("indicators-problems", count = count, list = list);
                TemplateError::new(name, TemplateErrorKind::BadData, message).data(Some(first))
            })?;
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_refused;
