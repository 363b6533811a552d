//! Hidden helpers for tests and the benchmark (names start with `_`).

use std::time::Instant;

use pyo3::prelude::*;

use crate::convert;
use crate::document::validate_value;
use crate::errors::{catch_panic, internal_error};
use crate::output::Format;

/// Panics inside the guard, so tests can see it become `InternalError`.
#[pyfunction]
#[pyo3(signature = (in_thread = false))]
pub fn _panic_for_test(py: Python<'_>, in_thread: bool) -> PyResult<()> {
    let outcome = py.detach(|| {
        if in_thread {
            std::thread::spawn(|| catch_panic(|| panic!("deliberate panic for a test")))
                .join()
                .unwrap_or_else(|_| Err("thread died".into()))
        } else {
            catch_panic(|| panic!("deliberate panic for a test"))
        }
    });
    outcome.map_err(|m| internal_error(&m))
}

/// Seconds the Rust core alone takes for `n` × (validate `data` + render),
/// no Python in the loop: the baseline for the binding's overhead.
#[pyfunction]
#[pyo3(signature = (data, n, format = "docx"))]
pub fn _core_seconds(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    n: usize,
    format: &str,
) -> PyResult<f64> {
    let value = convert::to_json(data, "")?;
    let format = Format::parse(format)?;
    py.detach(|| {
        let start = Instant::now();
        for _ in 0..n {
            let doc = validate_value(&value).map_err(|e| e.to_string())?;
            std::hint::black_box(format.render(&doc).map_err(|e| e.to_string())?);
        }
        Ok(start.elapsed().as_secs_f64())
    })
    .map_err(|e: String| pyo3::exceptions::PyValueError::new_err(e))
}
