//! The template catalogue as Python sees it: `vanban.templates()` and
//! `vanban.render_template()`. The handlebars engine lives in the core crate.

use std::path::{Path, PathBuf};

use pyo3::prelude::*;
use serde_json::Value;

use crate::convert;
use crate::document::Document;
use crate::errors::{catch_panic, internal_error, validation_error, TemplateError};
use crate::limits::{or_default, Limits};
use vanban_report::{TemplateError as CoreError, TemplateErrorKind, Templates};

/// The built-in templates, or those plus a folder's.
pub struct Catalog(Templates);

impl Catalog {
    pub fn load(dir: Option<&Path>) -> PyResult<Catalog> {
        Catalog::load_limited(dir, &vanban::Limits::default())
    }

    /// [`Catalog::load`] within `limits` (file size, partial depth).
    pub fn load_limited(dir: Option<&Path>, limits: &vanban::Limits) -> PyResult<Catalog> {
        match dir {
            None => Ok(Catalog(Templates::builtin())),
            Some(dir) => Python::attach(|py| {
                Templates::with_dir_limited(dir, limits)
                    .map(Catalog)
                    .map_err(|e| template_error(py, &e))
            }),
        }
    }

    pub fn names(&self) -> Vec<String> {
        self.0.names().into_iter().map(str::to_owned).collect()
    }

    /// The validated document the template makes from `data` (the error
    /// boxed: it is large, and results travel between threads); `extra`
    /// are data fields allowed beyond the template's own (a name field).
    pub fn render(
        &self,
        name: &str,
        data: &Value,
        extra: &[String],
    ) -> Result<vanban::Document, Box<CoreError>> {
        let options = vanban::ReadOptions::default();
        self.0
            .render_document_allowing(name, data, &options, extra)
            .map_err(Box::new)
    }

    /// As `render`, keeping the input the template made (for pickling),
    /// within read options (limits).
    pub fn render_input_with(
        &self,
        name: &str,
        data: &Value,
        options: &vanban::ReadOptions<'_>,
        extra: &[String],
    ) -> Result<(vanban::Document, vanban::Input), Box<CoreError>> {
        let input = self
            .0
            .render_allowing(name, data, extra)
            .map_err(Box::new)?;
        match vanban::Document::from_input_with(&input, options) {
            Ok(doc) => Ok((doc, input)),
            // Made again by the core so the error is exactly render_document's.
            Err(_) => match self.0.render_document_allowing(name, data, options, extra) {
                Err(e) => Err(Box::new(e)),
                Ok(doc) => Ok((doc, input)),
            },
        }
    }
}

/// A template failure as Python sees it: an invalid resulting document is a
/// `ValidationError` like any other; the rest are `TemplateError`s carrying
/// the template, its line and column, and the data path concerned.
pub fn template_error(py: Python<'_>, error: &CoreError) -> PyErr {
    if let TemplateErrorKind::Input(input) = &error.kind {
        return validation_error(py, input);
    }
    let err = TemplateError::new_err(error.to_string());
    let value = err.value(py);
    // Attributes on an exception instance cannot fail; ignore the Results.
    let _ = value.setattr("template", &error.template);
    let _ = value.setattr("file", &error.file);
    let _ = value.setattr("line", error.line);
    let _ = value.setattr("column", error.column);
    let _ = value.setattr("data_path", &error.data_path);
    err
}

/// The names of the templates available: the built-ins, plus those in
/// `templates_dir` (a file named like a built-in replaces it).
#[pyfunction]
#[pyo3(signature = (templates_dir = None, *, limits = None))]
pub fn templates(templates_dir: Option<PathBuf>, limits: Option<&Limits>) -> PyResult<Vec<String>> {
    Ok(Catalog::load_limited(templates_dir.as_deref(), &or_default(limits))?.names())
}

/// Fills the template `name` with `data` (a mapping) and validates the
/// result. Raises `TemplateError` for an unknown template or data it cannot
/// use (with `.template`, `.line`, `.column`, `.data_path`), and
/// `ValidationError` when the document it makes is invalid. `name_field`
/// names a field of `data` that is not the template's (the one a batch
/// names its files by): it is allowed beside the fields the template lists.
#[pyfunction]
#[pyo3(signature = (name, data, templates_dir = None, *, limits = None, name_field = None))]
pub fn render_template(
    py: Python<'_>,
    name: &str,
    data: &Bound<'_, PyAny>,
    templates_dir: Option<PathBuf>,
    limits: Option<&Limits>,
    name_field: Option<String>,
) -> PyResult<Document> {
    let limits = or_default(limits);
    let catalog = Catalog::load_limited(templates_dir.as_deref(), &limits)?;
    let data = convert::to_json_within(data, &limits)?;
    let options = vanban::ReadOptions {
        limits,
        fonts: None,
    };
    let extra: Vec<String> = name_field.into_iter().collect();
    match catch_panic(|| catalog.render_input_with(name, &data, &options, &extra)) {
        Ok(Ok((inner, input))) => Ok(Document::new_validated(inner, input)),
        Ok(Err(e)) => Err(template_error(py, &e)),
        Err(message) => Err(internal_error(&message)),
    }
}
