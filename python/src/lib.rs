//! `vanban._vanban`: the Rust half of the `vanban` Python package. The
//! Python half (`python/vanban/__init__.py`) re-exports it with stubs.

mod batch;
mod convert;
mod debug;
mod document;
mod errors;
mod language;
mod limits;
mod lint;
mod output;
mod register;
mod sign;
mod templates;
mod yearend;

use pyo3::prelude::*;

/// Rust core of the `vanban` package; use `import vanban` instead.
#[pymodule]
fn _vanban(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<document::Document>()?;
    m.add_class::<batch::RenderResult>()?;
    m.add_class::<limits::Limits>()?;
    m.add_function(wrap_pyfunction!(batch::render_many, m)?)?;
    m.add_function(wrap_pyfunction!(batch::file_names, m)?)?;
    m.add_function(wrap_pyfunction!(templates::render_template, m)?)?;
    m.add_function(wrap_pyfunction!(templates::templates, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(yearend::rollup, m)?)?;
    m.add_function(wrap_pyfunction!(yearend::read_sheet, m)?)?;
    m.add_function(wrap_pyfunction!(lint::lint, m)?)?;
    m.add_function(wrap_pyfunction!(sign::sign, m)?)?;
    m.add_function(wrap_pyfunction!(sign::verify, m)?)?;
    m.add_function(wrap_pyfunction!(debug::_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(debug::_core_seconds, m)?)?;
    m.add_function(wrap_pyfunction!(language::set_language, m)?)?;
    m.add_function(wrap_pyfunction!(language::get_language, m)?)?;
    errors::register(m)?;
    register::add(m)?;
    Ok(())
}

/// Checks an input without raising: returns the list of problems (each a
/// dict with path, message, line, column), empty when the input is valid.
/// `data` is a mapping, or a path (str or os.PathLike) to an input file.
#[pyfunction]
fn validate(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let outcome = if data.is_instance_of::<pyo3::types::PyString>() || data.hasattr("__fspath__")? {
        document::Document::from_file_path(py, data.extract()?)
    } else {
        let value = convert::to_json(data, "")?;
        document::build(py, || {
            document::validate_input(&value, &vanban::Limits::default())
        })
    };
    match outcome {
        Ok(_) => Ok(pyo3::types::PyList::empty(py).into_any().unbind()),
        Err(e) if e.is_instance_of::<errors::ValidationError>(py) => {
            Ok(e.value(py).getattr("errors")?.unbind())
        }
        Err(e) => Err(e),
    }
}
