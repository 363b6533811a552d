//! `vanban.render_many`: many documents on Rust threads, GIL released.
//!
//! Python objects are converted while we hold the GIL; the rendering then
//! runs on the output layer's pool (`vanban_output::pool`) while the calling
//! thread, detached, collects results and briefly re-attaches to report
//! progress and look for Ctrl-C. File names and collisions follow
//! `vanban_output::names`, as in the CLI.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::Value;
use vanban::InputError;
use vanban_output::pool::Pool;
use vanban_output::{names, Cancel, Format, Namer};

use crate::convert;
use crate::document::{validate_value, Document};
use crate::errors::{catch_panic, internal_error, validation_error, TemplateError};
use crate::output::{format_list, output_error, RenderOptions};
use crate::templates::{template_error, Catalog};
use vanban::template::TemplateError as CoreError;

/// What happened to one item of `render_many`.
///
/// `ok` is true when every format was written; then `paths` lists the
/// files. Otherwise `error` holds the exception that rendering it alone
/// would have raised (`ValidationError`, `TemplateError`, `OSError`, …).
#[pyclass(frozen, module = "vanban", name = "RenderResult")]
pub struct RenderResult {
    index: usize,
    name: String,
    paths: Vec<String>,
    error: Option<Py<PyAny>>,
}

#[pymethods]
impl RenderResult {
    /// Made by `render_many`; the constructor is what unpickling calls.
    #[new]
    #[pyo3(signature = (index, name, paths, error = None))]
    fn new(index: usize, name: String, paths: Vec<String>, error: Option<Py<PyAny>>) -> Self {
        RenderResult {
            index,
            name,
            paths,
            error,
        }
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (
        Bound<'py, pyo3::types::PyType>,
        (usize, String, Vec<String>, Option<Py<PyAny>>),
    ) {
        let this = slf.get();
        let error = this.error.as_ref().map(|e| e.clone_ref(slf.py()));
        (
            slf.get_type(),
            (this.index, this.name.clone(), this.paths.clone(), error),
        )
    }

    /// Position of the item in the input iterable (0-based).
    #[getter]
    fn index(&self) -> usize {
        self.index
    }

    /// File name stem used for this item's outputs.
    #[getter]
    fn name(&self) -> &str {
        &self.name
    }

    /// Files written, one per format (empty on failure).
    #[getter]
    fn paths(&self) -> Vec<String> {
        self.paths.clone()
    }

    /// The exception for this item, or None.
    #[getter]
    fn error(&self, py: Python<'_>) -> Option<Py<PyAny>> {
        self.error.as_ref().map(|e| e.clone_ref(py))
    }

    /// True when the item rendered and every file was written.
    #[getter]
    fn ok(&self) -> bool {
        self.error.is_none()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        match &self.error {
            None => format!("<RenderResult {} ok {:?}>", self.index, self.paths),
            Some(e) => {
                let text = e
                    .bind(py)
                    .repr()
                    .map(|r| r.to_string())
                    .unwrap_or_else(|_| "error".into());
                format!("<RenderResult {} failed {}>", self.index, text)
            }
        }
    }
}

/// One item's outcome, made without the GIL.
enum Outcome {
    Written(Vec<PathBuf>),
    Invalid(InputError),
    Template(Box<CoreError>),
    Output(vanban_output::Error),
    Panic(String),
}

/// One item as the workers get it: data to validate (or fill a template
/// with), or a `Document` the caller already made.
enum Item {
    Data(Value),
    Document(Box<vanban::Document>),
}

/// Everything the workers share, read-only.
struct Batch<'a> {
    names: &'a [String],
    formats: &'a [Format],
    out_dir: &'a Path,
    template: Option<(&'a Catalog, &'a str)>,
    options: &'a RenderOptions,
}

impl Batch<'_> {
    fn render(&self, index: usize, item: &Item) -> Outcome {
        let made = match (item, self.template) {
            (Item::Document(doc), _) => return self.write(index, doc),
            (Item::Data(value), Some((catalog, name))) => match catalog.render(name, value) {
                Ok(doc) => Ok(doc),
                Err(e) => return Outcome::Template(e),
            },
            (Item::Data(value), None) => validate_value(value),
        };
        match made {
            Ok(doc) => self.write(index, &doc),
            Err(e) => Outcome::Invalid(e),
        }
    }

    fn write(&self, index: usize, doc: &vanban::Document) -> Outcome {
        let options = self.options.options();
        match vanban_output::write_document(
            doc,
            self.out_dir,
            &self.names[index],
            self.formats,
            &options,
        ) {
            Ok(paths) => Outcome::Written(paths),
            Err(e) => Outcome::Output(e),
        }
    }
}

/// Render many documents in parallel and write them to `out_dir`.
///
/// `items` is any iterable of mappings — input documents, or the data for
/// `template` when it is given (e.g. `df.to_dict("records")`) — or of
/// `Document`s already made. Each item becomes `out_dir/NAME.docx` and/or
/// `.pdf`, named as the `vanban batch` command names them: NAME is the
/// item's `name_field` value as an ASCII slug (`Xã An Bình` → `xa-an-binh`),
/// else `TEMPLATE-NNN` (or `van-ban-NNN`) with the item's 1-based number; a
/// name already given in this call gets `-2`, `-3`, … so no item overwrites
/// another. `jobs` threads render at once (default: one per CPU), with the
/// GIL released. `fonts` (four font files: regular, bold, italic, bold
/// italic) replaces the PDF's Liberation Serif; `style` (a mapping like an
/// input's `style` field) replaces each document's style. `progress`, if
/// given, is called as `progress(done, total)` as items finish. `names`, if
/// given, names each item instead of `name_field` (one per item, e.g. from
/// `file_names`; None for a numbered one). A bad item
/// does not stop the batch: the result list (in input order) says for each
/// item what was written or what went wrong. Ctrl-C stops the batch after
/// the documents under way (no temporary file is left) and raises
/// KeyboardInterrupt.
#[pyfunction]
#[pyo3(
    signature = (items, out_dir, formats = None, template = None, jobs = None, name_field = None, templates_dir = None, *, fonts = None, style = None, progress = None, names = None),
    text_signature = "(items, out_dir, formats=('docx', 'pdf'), template=None, jobs=None, name_field=None, templates_dir=None, *, fonts=None, style=None, progress=None, names=None)"
)]
#[allow(clippy::too_many_arguments)]
pub fn render_many(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    out_dir: PathBuf,
    formats: Option<&Bound<'_, PyAny>>,
    template: Option<String>,
    jobs: Option<usize>,
    name_field: Option<String>,
    templates_dir: Option<PathBuf>,
    fonts: Option<&Bound<'_, PyAny>>,
    style: Option<&Bound<'_, PyAny>>,
    progress: Option<Py<PyAny>>,
    names: Option<Vec<Option<String>>>,
) -> PyResult<Vec<RenderResult>> {
    let formats = match formats {
        Some(f) => format_list(f)?,
        None => Format::ALL.to_vec(),
    };
    let options = RenderOptions::from_args(fonts, style)?;
    let catalog = match &template {
        Some(name) => {
            let catalog = Catalog::load(templates_dir.as_deref())?;
            if !catalog.names().iter().any(|n| n == name) {
                return Err(TemplateError::new_err(format!(
                    "no template named `{name}`; there are: {}",
                    catalog.names().join(", ")
                )));
            }
            Some(catalog)
        }
        None => None,
    };

    // Convert with the GIL held; an item that cannot convert fails alone.
    let mut work = Vec::new();
    let mut early: Vec<Option<PyErr>> = Vec::new();
    let mut raw_names = Vec::new();
    for (index, item) in items.try_iter()?.enumerate() {
        py.check_signals()?;
        let item = item?;
        match to_item(&item, template.is_some()) {
            Ok(value) => {
                raw_names.push(item_name(&item, &value, name_field.as_deref()));
                work.push((index, value));
                early.push(None);
            }
            Err(e) => {
                raw_names.push(None);
                early.push(Some(e));
            }
        }
    }
    let count = early.len();
    if let Some(given) = names {
        if given.len() != count {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "names: {} names for {count} items",
                given.len()
            )));
        }
        raw_names = given;
    }
    let mut namer = Namer::new(template.as_deref(), Some(count));
    let names: Vec<String> = raw_names
        .iter()
        .enumerate()
        .map(|(index, name)| namer.name(index + 1, name.as_deref()))
        .collect();
    std::fs::create_dir_all(&out_dir)?;

    let batch = Batch {
        names: &names,
        formats: &formats,
        out_dir: &out_dir,
        template: catalog.as_ref().zip(template.as_deref()),
        options: &options,
    };
    let outcomes = py.detach(|| run(&batch, work, count, jobs.unwrap_or(0), progress.as_ref()))?;

    let results = outcomes
        .into_iter()
        .zip(early)
        .zip(names)
        .enumerate()
        .map(|(index, ((outcome, early), name))| {
            let (paths, error) = match (early, outcome) {
                (Some(e), _) => (Vec::new(), Some(e)),
                (None, Some(Outcome::Written(paths))) => (
                    paths.iter().map(|p| p.display().to_string()).collect(),
                    None,
                ),
                (None, Some(Outcome::Invalid(e))) => (Vec::new(), Some(validation_error(py, &e))),
                (None, Some(Outcome::Template(e))) => (Vec::new(), Some(template_error(py, &e))),
                (None, Some(Outcome::Output(e))) => (Vec::new(), Some(output_error(e))),
                (None, Some(Outcome::Panic(m))) => (Vec::new(), Some(internal_error(&m))),
                (None, None) => (Vec::new(), Some(internal_error("item was not rendered"))),
            };
            RenderResult {
                index,
                name,
                paths,
                error: error.map(|e| e.into_value(py).into_any()),
            }
        })
        .collect();
    Ok(results)
}

/// Takes a `Document` as it is; converts anything else to data.
fn to_item(item: &Bound<'_, PyAny>, templated: bool) -> PyResult<Item> {
    match item.cast::<Document>() {
        Ok(_) if templated => Err(PyTypeError::new_err(
            "a Document cannot fill a template; pass the template's data instead",
        )),
        Ok(doc) => Ok(Item::Document(Box::new(doc.get().inner.clone()))),
        Err(_) => convert::to_json(item, "").map(Item::Data),
    }
}

/// Runs the pool; returns each item's outcome, or the exception raised by
/// a signal handler (Ctrl-C) or by the progress callback.
fn run(
    batch: &Batch<'_>,
    work: Vec<(usize, Item)>,
    count: usize,
    jobs: usize,
    progress: Option<&Py<PyAny>>,
) -> PyResult<Vec<Option<Outcome>>> {
    let cancel = Cancel::new();
    let mut outcomes: Vec<Option<Outcome>> = (0..count).map(|_| None).collect();
    // The first exception raised stops the pool and is raised to the caller.
    let raised: RefCell<Option<PyErr>> = RefCell::new(None);
    let stop = |error: PyErr| {
        cancel.cancel();
        raised.borrow_mut().get_or_insert(error);
    };
    Pool::new(jobs)
        .total(work.len())
        .cancel(&cancel)
        // Signal handlers run only on the main thread with the GIL held.
        .on_idle(|| {
            if let Err(e) = Python::attach(|py| py.check_signals()) {
                stop(e);
            }
        })
        .run(
            work,
            |(index, item)| {
                let outcome =
                    catch_panic(|| batch.render(index, &item)).unwrap_or_else(Outcome::Panic);
                (index, outcome)
            },
            |(index, outcome), at| {
                outcomes[index] = Some(outcome);
                if let Some(callback) = progress {
                    let total = at.total.unwrap_or(at.done);
                    let called =
                        Python::attach(|py| callback.call1(py, (at.done, total)).map(drop));
                    if let Err(e) = called {
                        stop(e);
                    }
                }
            },
        );
    match raised.into_inner() {
        Some(e) => Err(e),
        None => Ok(outcomes),
    }
}

/// The file stems `render_many` gives items whose `name_field` values are
/// `values` (in order; None for an item without one): ASCII slugs, else
/// `TEMPLATE-NNN` numbered from 1, a name given twice getting `-2`, `-3` ….
/// For splitting one batch over many calls (`vanban.dask`) with the names
/// one call would give.
#[pyfunction]
#[pyo3(signature = (values, template = None))]
pub fn file_names(values: &Bound<'_, PyAny>, template: Option<&str>) -> PyResult<Vec<String>> {
    let raw: Vec<Option<String>> = values
        .try_iter()?
        .map(|value| {
            let value = convert::to_json(&value?, "")?;
            Ok(names::lookup(&serde_json::json!({ "v": value }), "v"))
        })
        .collect::<PyResult<_>>()?;
    let mut namer = Namer::new(template, Some(raw.len()));
    Ok(raw
        .iter()
        .enumerate()
        .map(|(index, name)| namer.name(index + 1, name.as_deref()))
        .collect())
}

/// The item's `name_field` value as text, if it has one: read from the
/// converted data as the CLI reads a row (a dotted field reaches into nested
/// mappings), or from a `Document`'s property (`number`, `place` …).
fn item_name(item: &Bound<'_, PyAny>, value: &Item, field: Option<&str>) -> Option<String> {
    let field = field?;
    match value {
        Item::Data(data) => names::lookup(data, field),
        Item::Document(_) => {
            let value = item.getattr(field).ok().filter(|v| !v.is_none())?;
            match value.cast::<PyString>() {
                Ok(s) => s.to_cow().ok().map(|c| c.into_owned()),
                Err(_) => value.str().ok().map(|s| s.to_string()),
            }
        }
    }
}
