//! The exceptions Python sees. Every failure of the Rust core arrives as one
//! of these (or as `OSError` for files), never as a crash.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use vanban::{InputError, Problem};
use vanban_i18n::{language, msg};

pyo3::create_exception!(
    vanban,
    ValidationError,
    PyValueError,
    "The input is not a valid document.\n\n`.errors` lists every problem found, each a dict with `path`\n(e.g. `signer.name`), `message`, and `line`/`column` (1-based, or None\nwhen the input did not come from text)."
);
pyo3::create_exception!(
    vanban,
    TemplateError,
    PyValueError,
    "A template is unknown, or could not be rendered with the data given."
);
pyo3::create_exception!(
    vanban,
    InternalError,
    PyRuntimeError,
    "A bug in vanban (a Rust panic), caught before it could reach the interpreter."
);

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("ValidationError", py.get_type::<ValidationError>())?;
    let template_error = py.get_type::<TemplateError>();
    // Every TemplateError has these, set on the instance when known.
    template_error.setattr("template", "")?;
    for name in ["file", "line", "column", "data_path"] {
        template_error.setattr(name, py.None())?;
    }
    m.add("TemplateError", template_error)?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    Ok(())
}

/// A `ValidationError` whose `.errors` holds one dict per problem.
pub fn validation_error(py: Python<'_>, error: &InputError) -> PyErr {
    let header = msg!("py-problems-in-input", count = error.problems.len());
    let err = ValidationError::new_err(format!("{header}:\n{error}"));
    if let Ok(list) = problem_list(py, error) {
        // An exception instance has a __dict__, so this cannot fail in practice.
        let _ = err.value(py).setattr("errors", list);
    }
    err
}

fn problem_list<'py>(py: Python<'py>, error: &InputError) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for problem in &error.problems {
        list.append(problem_dict(py, problem, error.source.as_deref())?)?;
    }
    Ok(list)
}

fn problem_dict<'py>(
    py: Python<'py>,
    problem: &Problem,
    source: Option<&str>,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("path", &problem.path)?;
    dict.set_item("message", problem.localized(language()))?;
    dict.set_item("line", problem.line)?;
    dict.set_item("column", problem.column)?;
    dict.set_item("source", source)?;
    Ok(dict)
}

/// Runs `f`, turning a panic into its message so that a bug in a backend
/// becomes an exception (or one failed batch item) instead of an abort.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| panic_message(&*payload))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

pub fn internal_error(message: &str) -> PyErr {
    InternalError::new_err(format!(
        "internal error in vanban (please report it): {message}"
    ))
}
