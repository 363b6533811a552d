//! `vanban.lint(path_or_bytes)`: the DOCX/PDF checker of `vanban-lint`,
//! findings as dicts.

use std::io::Read;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::errors::{catch_panic, internal_error};

/// Checks a DOCX or PDF against Decree 30/2020/NĐ-CP. `source` is a path
/// (str or os.PathLike) or the file's bytes. Returns the findings, each a
/// dict with rule, severity ("error"/"warning"), element, found, expected,
/// page, paragraph (None when unknown), section, fixable and text (the first
/// 40 characters of its paragraph); an empty list when
/// nothing was found. Raises OSError when the file cannot be opened and
/// ValueError when it is neither a readable DOCX nor a PDF, is encrypted, or
/// passes a reading limit (the message names it). A path is read once, up
/// to the file limit, so a FIFO or /dev/zero cannot hold it.
#[pyfunction]
pub fn lint<'py>(py: Python<'py>, source: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let bytes: Vec<u8> = if let Ok(data) = source.cast::<PyBytes>() {
        data.as_bytes().to_vec()
    } else {
        let path: PathBuf = source.extract()?;
        // Read once, up to the file limit: a FIFO or /dev/zero stops there.
        let limit = vanban_lint::LintLimits::default().max_file_bytes;
        let file = std::fs::File::open(&path)?;
        let mut bytes = Vec::new();
        file.take(limit + 1).read_to_end(&mut bytes)?;
        bytes
    };
    let outcome = py
        .detach(|| catch_panic(|| vanban_lint::lint(&bytes)))
        .map_err(|message| internal_error(&message))?;
    let report = outcome.map_err(|e| PyValueError::new_err(e.to_string()))?;
    let list = PyList::empty(py);
    for f in &report.findings {
        let dict = PyDict::new(py);
        dict.set_item("rule", f.rule)?;
        dict.set_item(
            "severity",
            match f.severity {
                vanban_lint::Severity::Error => "error",
                vanban_lint::Severity::Warning => "warning",
            },
        )?;
        dict.set_item("element", &f.element)?;
        dict.set_item("found", &f.found)?;
        dict.set_item("expected", &f.expected)?;
        dict.set_item("page", f.page)?;
        dict.set_item("paragraph", f.paragraph)?;
        dict.set_item("section", f.section)?;
        dict.set_item("fixable", f.fixable)?;
        dict.set_item("text", &f.text)?;
        dict.set_item("location", &f.location)?;
        list.append(dict)?;
    }
    Ok(list)
}
