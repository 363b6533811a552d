//! `vanban.render_many`: many documents on Rust threads, GIL released.
//!
//! Python objects are converted while we hold the GIL; the rendering then
//! runs on a pool of scoped threads while the calling thread, detached,
//! waits for them and briefly re-attaches to look for Ctrl-C.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::Value;
use vanban::InputError;

use crate::convert;
use crate::document::{validate_value, Document};
use crate::errors::{catch_panic, internal_error, validation_error, TemplateError};
use crate::output::{write_atomically, Format};
use crate::templates::{template_error, Catalog};
use vanban::template::TemplateError as CoreError;

/// How often the waiting thread looks for signals (Ctrl-C).
const SIGNAL_POLL: Duration = Duration::from_millis(50);

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
    Io(std::io::Error),
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
    values: &'a [Option<Item>],
    names: &'a [String],
    formats: &'a [Format],
    out_dir: &'a Path,
    template: Option<(&'a Catalog, &'a str)>,
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
        // Render every format before writing, so a failure writes nothing.
        let rendered: Result<Vec<(PathBuf, Vec<u8>)>, _> = self
            .formats
            .iter()
            .map(|f| {
                let file = format!("{}.{}", self.names[index], f.extension());
                f.render(doc).map(|bytes| (self.out_dir.join(file), bytes))
            })
            .collect();
        let rendered = match rendered {
            Ok(rendered) => rendered,
            Err(e) => return Outcome::Invalid(e),
        };
        let mut paths = Vec::with_capacity(rendered.len());
        for (path, bytes) in rendered {
            if let Err(e) = write_atomically(&path, &bytes) {
                return Outcome::Io(e);
            }
            paths.push(path);
        }
        Outcome::Written(paths)
    }
}

/// Render many documents in parallel and write them to `out_dir`.
///
/// `items` is any iterable of mappings — input documents, or the data for
/// `template` when it is given (e.g. `df.to_dict("records")`) — or of
/// `Document`s already made. Each item
/// becomes `out_dir/NAME.docx` and/or `.pdf`; NAME is the item's
/// `name_field` value when given, else its index (prefixed by the template
/// name). `jobs` threads render at once (default: one per CPU), with the
/// GIL released. A bad item does not stop the batch: the result list (in
/// input order) says for each item what was written or what went wrong.
/// Ctrl-C stops the batch promptly and raises KeyboardInterrupt.
#[pyfunction]
#[pyo3(
    signature = (items, out_dir, formats = None, template = None, jobs = None, name_field = None, templates_dir = None),
    text_signature = "(items, out_dir, formats=('docx', 'pdf'), template=None, jobs=None, name_field=None, templates_dir=None)"
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
) -> PyResult<Vec<RenderResult>> {
    let formats = match formats {
        Some(f) => Format::list(f)?,
        None => vec![Format::Docx, Format::Pdf],
    };
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
    let mut values = Vec::new();
    let mut early: Vec<Option<PyErr>> = Vec::new();
    let mut raw_names = Vec::new();
    for item in items.try_iter()? {
        py.check_signals()?;
        let item = item?;
        let index = values.len();
        raw_names.push(item_name(&item, name_field.as_deref()));
        match to_item(&item, template.is_some()) {
            Ok(v) => {
                values.push(Some(v));
                early.push(None);
            }
            Err(e) => {
                values.push(None);
                early.push(Some(e));
            }
        }
        debug_assert_eq!(values.len(), index + 1);
    }
    let names = file_names(&raw_names, template.as_deref());
    std::fs::create_dir_all(&out_dir)?;

    let batch = Batch {
        values: &values,
        names: &names,
        formats: &formats,
        out_dir: &out_dir,
        template: catalog.as_ref().zip(template.as_deref()),
    };
    let jobs = jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, values.len().max(1));
    let outcomes = py.detach(|| run(&batch, jobs))?;

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
                (None, Some(Outcome::Io(e))) => (Vec::new(), Some(PyErr::from(e))),
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

/// Runs the pool; returns each item's outcome, or the signal's exception.
fn run(batch: &Batch<'_>, jobs: usize) -> PyResult<Vec<Option<Outcome>>> {
    let count = batch.values.len();
    let next = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    let mut outcomes: Vec<Option<Outcome>> = (0..count).map(|_| None).collect();
    let (sender, receiver) = mpsc::channel::<(usize, Outcome)>();
    let mut interrupted = None;

    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, cancel) = (&next, &cancel);
            scope.spawn(move || {
                // Workers stop taking items once cancelled; an item under way finishes.
                while !cancel.load(Ordering::Relaxed) {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        break;
                    }
                    let Some(value) = &batch.values[index] else {
                        continue;
                    };
                    let outcome =
                        catch_panic(|| batch.render(index, value)).unwrap_or_else(Outcome::Panic);
                    if sender.send((index, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);

        let mut last_check = Instant::now();
        loop {
            match receiver.recv_timeout(SIGNAL_POLL) {
                Ok((index, outcome)) => outcomes[index] = Some(outcome),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if last_check.elapsed() >= SIGNAL_POLL {
                last_check = Instant::now();
                // Signal handlers run only on the main thread with the GIL held.
                if let Err(e) = Python::attach(|py| py.check_signals()) {
                    cancel.store(true, Ordering::Relaxed);
                    interrupted = Some(e);
                    break;
                }
            }
        }
    });
    match interrupted {
        Some(e) => Err(e),
        None => Ok(outcomes),
    }
}

/// The item's `name_field` value as text, if it has one; a dotted field
/// (`issuer.abbreviation`) reaches into nested mappings.
fn item_name(item: &Bound<'_, PyAny>, field: Option<&str>) -> Option<String> {
    let field = field?;
    let value = item
        .get_item(field)
        .ok()
        .or_else(|| {
            field
                .split('.')
                .try_fold(item.clone(), |node, key| node.get_item(key).ok())
        })
        // A Document has no items but properties: `number`, `place` …
        .or_else(|| item.cast::<Document>().ok()?.getattr(field).ok())?;
    if value.is_none() {
        return None;
    }
    match value.cast::<PyString>() {
        Ok(s) => s.to_cow().ok().map(|c| c.into_owned()),
        Err(_) => value.str().ok().map(|s| s.to_string()),
    }
}

/// Safe, unique file stems: the named value where given, else the index.
fn file_names(raw: &[Option<String>], template: Option<&str>) -> Vec<String> {
    let width = raw.len().saturating_sub(1).to_string().len().max(3);
    let prefix = template.map(|t| format!("{t}-")).unwrap_or_default();
    let mut used = HashSet::new();
    raw.iter()
        .enumerate()
        .map(|(index, name)| {
            let numbered = || format!("{prefix}{index:0width$}");
            let mut stem = name.as_deref().map(sanitize).unwrap_or_default();
            if stem.is_empty() {
                stem = numbered();
            }
            // Two items with the same name must not overwrite each other.
            if !used.insert(stem.to_lowercase()) {
                stem = format!("{stem}-{index}");
                used.insert(stem.to_lowercase());
            }
            stem
        })
        .collect()
}

/// Keeps letters (Vietnamese included); drops what no file system takes.
fn sanitize(name: &str) -> String {
    let cleaned: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    cleaned.trim_matches(|c| c == '.' || c == ' ').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_and_unique() {
        let raw = vec![
            Some("Phòng A/B".to_string()),
            None,
            Some("phòng a_b".to_string()),
            Some("..".to_string()),
        ];
        let names = file_names(&raw, Some("bao-cao"));
        assert_eq!(
            names,
            ["Phòng A_B", "bao-cao-001", "phòng a_b-2", "bao-cao-003"]
        );
    }
}
