//! `vanban.render_many`: many documents on Rust threads, GIL released.
//!
//! Python objects are converted while we hold the GIL; the rendering then
//! runs on the output layer's pool (`vanban_output::pool`) while the calling
//! thread, detached, collects results and briefly re-attaches to report
//! progress and look for Ctrl-C. File names and collisions follow
//! `vanban_output::names`, as in the CLI.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyIterator, PyString};
use serde_json::Value;
use vanban::InputError;
use vanban_output::pool::Pool;
use vanban_output::{names, Cancel, Format, Namer};
use vanban_report::data::{self, RowStream};

use crate::convert;
use crate::document::{validate_value, Document};
use crate::errors::{catch_panic, internal_error, validation_error, TemplateError};
use crate::output::{format_list, output_error, RenderOptions};
use crate::templates::{template_error, Catalog};
use vanban_report::TemplateError as CoreError;

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
    /// The item could not be converted (a `TypeError` …), raised as is.
    Raised(PyErr),
    /// A row of a data file that could not be read: why.
    Unreadable(String),
}

/// One item as the workers get it: data to validate (or fill a template
/// with), a `Document` the caller already made, or why there is none.
enum Item {
    Data(Value),
    Document(Box<vanban::Document>),
    Raised(PyErr),
    Unreadable(String),
}

/// An item with its position and the file stem it was given.
struct Job {
    index: usize,
    name: String,
    item: Item,
}

/// Everything the workers share, read-only.
struct Batch<'a> {
    formats: &'a [Format],
    out_dir: &'a Path,
    template: Option<(&'a Catalog, &'a str)>,
    /// Data fields the template may be given beyond its own (the name field).
    extra: &'a [String],
    options: &'a RenderOptions,
}

impl Batch<'_> {
    fn render(&self, name: &str, item: Item) -> Outcome {
        let made = match (item, self.template) {
            (Item::Raised(e), _) => return Outcome::Raised(e),
            (Item::Unreadable(why), _) => return Outcome::Unreadable(why),
            (Item::Document(doc), _) => return self.write(name, &doc),
            (Item::Data(value), Some((catalog, template))) => {
                match catalog.render(template, &value, self.extra) {
                    Ok(doc) => Ok(doc),
                    Err(e) => return Outcome::Template(e),
                }
            }
            (Item::Data(value), None) => validate_value(&value),
        };
        match made {
            Ok(doc) => self.write(name, &doc),
            Err(e) => Outcome::Invalid(e),
        }
    }

    fn write(&self, name: &str, doc: &vanban::Document) -> Outcome {
        let options = self.options.options();
        match vanban_output::write_document(doc, self.out_dir, name, self.formats, &options) {
            Ok(paths) => Outcome::Written(paths),
            Err(e) => Outcome::Output(e),
        }
    }
}

/// Render many documents in parallel and write them to `out_dir`.
///
/// `items` is any iterable of mappings — input documents, or the data for
/// `template` when it is given (e.g. `df.to_dict("records")`) — or of
/// `Document`s already made; or the path of a data file of rows (`.csv`,
/// `.jsonl`, read as `vanban batch` reads it; a workbook's `sheet`).
/// Items are read as the workers take them, never collected first: a
/// generator is consumed a few items ahead of the documents being
/// written, a CSV or JSON Lines file is read row by row, so memory does
/// not grow with the number of items. Each item becomes
/// `out_dir/NAME.docx` and/or `.pdf`, named as the `vanban batch` command
/// names them: NAME is the item's `name_field` value as an ASCII slug
/// (`Xã An Bình` → `xa-an-binh`), else `TEMPLATE-NNN` (or `van-ban-NNN`)
/// with the item's 1-based number, zero-padded to the digits of the item
/// count (at least three; an iterable without `len()` has no count known
/// in advance: three); a name already given in this call gets `-2`, `-3`,
/// … so no item overwrites another. With a template, the `name_field`
/// may be a field the template does not list. `jobs` threads render at
/// once (default: one per CPU), with the GIL released. `fonts` (four font
/// files: regular, bold, italic, bold italic) replaces the PDF's
/// Liberation Serif; `style` (a mapping like an input's `style` field)
/// replaces each document's style. `progress`, if given, is called as
/// `progress(done, total)` as items finish (`total`: the item count, or
/// for an iterable without `len()` the items read so far). `names`, if
/// given, names each item instead of `name_field` (one per item, e.g.
/// from `file_names`; None for a numbered one). A bad item does not stop
/// the batch: the result list (in input order) says for each item what
/// was written or what went wrong. An exception raised by the iterable
/// itself stops the batch after the documents under way and is raised.
/// Ctrl-C stops the batch after the documents under way (no temporary
/// file is left) and raises KeyboardInterrupt.
#[pyfunction]
#[pyo3(
    signature = (items, out_dir, formats = None, template = None, jobs = None, name_field = None, templates_dir = None, *, fonts = None, style = None, progress = None, names = None, sheet = None),
    text_signature = "(items, out_dir, formats=('docx', 'pdf'), template=None, jobs=None, name_field=None, templates_dir=None, *, fonts=None, style=None, progress=None, names=None, sheet=None)"
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
    sheet: Option<String>,
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
                let err = TemplateError::new_err(format!(
                    "no template named `{name}`; there are: {}",
                    catalog.names().join(", ")
                ));
                // An attribute on an exception instance cannot fail.
                let _ = err.value(py).setattr("template", name);
                return Err(err);
            }
            Some(catalog)
        }
        None => None,
    };
    let (source, total) = Source::open(items, sheet.as_deref())?;
    if let (Some(given), Some(total)) = (&names, total) {
        if given.len() != total {
            return Err(names_mismatch(given.len(), total));
        }
    }
    std::fs::create_dir_all(&out_dir)?;

    let extra: Vec<String> = name_field.iter().cloned().collect();
    let batch = Batch {
        formats: &formats,
        out_dir: &out_dir,
        template: catalog.as_ref().zip(template.as_deref()),
        extra: &extra,
        options: &options,
    };
    let raised = Mutex::new(None);
    let read = AtomicUsize::new(0);
    let reader = Reader {
        source,
        templated: template.is_some(),
        name_field: name_field.as_deref(),
        names: names.as_deref(),
        namer: Namer::new(template.as_deref(), total.or(names.as_ref().map(Vec::len))),
        raised: &raised,
        read: &read,
    };
    let run = py.detach(|| run(&batch, reader, total, jobs.unwrap_or(0), progress.as_ref()));
    // An exception the iterable raised, or too many items for the names.
    if let Some(e) = raised.into_inner().unwrap_or_else(|p| p.into_inner()) {
        return Err(e);
    }
    let outcomes = run?;
    if let Some(given) = &names {
        if given.len() != outcomes.len() {
            return Err(names_mismatch(given.len(), outcomes.len()));
        }
    }
    let results = outcomes
        .into_iter()
        .enumerate()
        .map(|(index, done)| {
            let (name, outcome) = done.unwrap_or_default();
            let (paths, error) = match outcome {
                Some(Outcome::Written(paths)) => (
                    paths.iter().map(|p| p.display().to_string()).collect(),
                    None,
                ),
                Some(Outcome::Invalid(e)) => (Vec::new(), Some(validation_error(py, &e))),
                Some(Outcome::Template(e)) => (Vec::new(), Some(template_error(py, &e))),
                Some(Outcome::Output(e)) => (Vec::new(), Some(output_error(e))),
                Some(Outcome::Panic(m)) => (Vec::new(), Some(internal_error(&m))),
                Some(Outcome::Raised(e)) => (Vec::new(), Some(e)),
                Some(Outcome::Unreadable(why)) => (Vec::new(), Some(PyValueError::new_err(why))),
                None => (Vec::new(), Some(internal_error("item was not rendered"))),
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

fn names_mismatch(names: usize, items: usize) -> PyErr {
    PyValueError::new_err(format!("names: {names} names for {items} items"))
}

/// Where the items come from.
enum Source {
    /// A Python iterator, advanced with the GIL as the workers need items.
    Python(Py<PyIterator>),
    /// The rows of a data file (CSV, JSON Lines: read row by row).
    Rows { file: String, rows: RowStream },
}

impl Source {
    /// The source of `items`, and the number of items when it is known
    /// without reading them (`len()`, or a first pass over a file's rows
    /// that keeps none of them).
    fn open(items: &Bound<'_, PyAny>, sheet: Option<&str>) -> PyResult<(Source, Option<usize>)> {
        if items.is_instance_of::<PyString>() || items.hasattr("__fspath__")? {
            let path: PathBuf = items.extract()?;
            let open = || {
                data::stream_rows(&path, sheet).map_err(|e| PyValueError::new_err(e.to_string()))
            };
            let count = open()?.count();
            let rows = open()?;
            let file = path.display().to_string();
            return Ok((Source::Rows { file, rows }, Some(count)));
        }
        let total = items.len().ok();
        Ok((Source::Python(items.try_iter()?.unbind()), total))
    }
}

/// Reads the items one at a time, on the pool's reading thread: converts
/// each (with the GIL, briefly) and names it, in input order.
struct Reader<'a> {
    source: Source,
    templated: bool,
    name_field: Option<&'a str>,
    names: Option<&'a [Option<String>]>,
    namer: Namer,
    /// The first exception the iterable raised (it ends the reading).
    raised: &'a Mutex<Option<PyErr>>,
    /// Items read so far.
    read: &'a AtomicUsize,
}

impl Reader<'_> {
    fn stop(&self, error: PyErr) -> Option<Job> {
        let mut raised = self.raised.lock().unwrap_or_else(|p| p.into_inner());
        raised.get_or_insert(error);
        None
    }
}

impl Iterator for Reader<'_> {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        let index = self.read.load(Ordering::SeqCst);
        let (item, raw_name) = match &mut self.source {
            Source::Python(iterator) => {
                let next = Python::attach(|py| {
                    let mut iterator = iterator.bind(py).clone();
                    iterator.next().map(|item| {
                        item.map(|item| match to_item(&item, self.templated) {
                            Ok(value) => {
                                let name = item_name(&item, &value, self.name_field);
                                (value, name)
                            }
                            Err(e) => (Item::Raised(e), None),
                        })
                    })
                });
                match next? {
                    Ok(found) => found,
                    Err(e) => return self.stop(e),
                }
            }
            Source::Rows { file, rows } => {
                let row = rows.next()?;
                let name = self.name_field.and_then(|field| {
                    let data = row.data.as_ref().ok()?;
                    names::lookup(data, field)
                });
                let item = match row.data {
                    Ok(value) => Item::Data(value),
                    Err(why) => Item::Unreadable(match row.line {
                        Some(line) => format!(
                            "{file}: {}{}: {why}",
                            vanban_i18n::msg!("cli-row", row = row.number),
                            vanban_i18n::msg!("cli-row-line", line = line)
                        ),
                        None => format!(
                            "{file}: {}: {why}",
                            vanban_i18n::msg!("cli-row", row = row.number)
                        ),
                    }),
                };
                (item, name)
            }
        };
        let raw_name = match self.names {
            Some(given) => match given.get(index) {
                Some(name) => name.clone(),
                None => return self.stop(names_mismatch(given.len(), index + 1)),
            },
            None => raw_name,
        };
        let name = self.namer.name(index + 1, raw_name.as_deref());
        self.read.store(index + 1, Ordering::SeqCst);
        Some(Job { index, name, item })
    }
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

/// Each item's name and outcome, in input order.
type Outcomes = Vec<Option<(String, Option<Outcome>)>>;

/// Runs the pool over the reader; returns each item's name and outcome, or
/// the exception raised by a signal handler (Ctrl-C) or by the progress
/// callback.
fn run(
    batch: &Batch<'_>,
    reader: Reader<'_>,
    total: Option<usize>,
    jobs: usize,
    progress: Option<&Py<PyAny>>,
) -> PyResult<Outcomes> {
    let cancel = Cancel::new();
    let read = reader.read;
    let mut outcomes: Outcomes = Vec::new();
    // The first exception raised stops the pool and is raised to the caller.
    let raised: RefCell<Option<PyErr>> = RefCell::new(None);
    let stop = |error: PyErr| {
        cancel.cancel();
        raised.borrow_mut().get_or_insert(error);
    };
    let mut pool = Pool::new(jobs).cancel(&cancel);
    if let Some(total) = total {
        pool = pool.total(total);
    }
    pool
        // Signal handlers run only on the main thread with the GIL held.
        .on_idle(|| {
            if let Err(e) = Python::attach(|py| py.check_signals()) {
                stop(e);
            }
        })
        .run(
            reader,
            |job: Job| {
                let Job { index, name, item } = job;
                let outcome =
                    catch_panic(|| batch.render(&name, item)).unwrap_or_else(Outcome::Panic);
                (index, name, outcome)
            },
            |(index, name, outcome), at| {
                if outcomes.len() <= index {
                    outcomes.resize_with(index + 1, || None);
                }
                outcomes[index] = Some((name, Some(outcome)));
                if let Some(callback) = progress {
                    let total = at.total.unwrap_or_else(|| read.load(Ordering::SeqCst));
                    let called =
                        Python::attach(|py| callback.call1(py, (at.done, total)).map(drop));
                    if let Err(e) = called {
                        stop(e);
                    }
                }
            },
        );
    // Items read but not rendered (the run stopped) still have a place.
    outcomes.resize_with(read.load(Ordering::SeqCst), || None);
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
        Item::Raised(_) | Item::Unreadable(_) => None,
        Item::Document(_) => {
            let value = item.getattr(field).ok().filter(|v| !v.is_none())?;
            match value.cast::<PyString>() {
                Ok(s) => s.to_cow().ok().map(|c| c.into_owned()),
                Err(_) => value.str().ok().map(|s| s.to_string()),
            }
        }
    }
}
