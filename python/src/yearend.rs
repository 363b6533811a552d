//! Year-end reports from Python: `vanban.rollup()` (a district's data from
//! its units') and `vanban.read_sheet()` (rows of a workbook or CSV as
//! dicts). The reckoning is in the report crate (`vanban_report`).

use std::path::PathBuf;

use std::ffi::CString;

use pyo3::exceptions::{PyUserWarning, PyValueError};
use pyo3::prelude::*;
use serde_json::Value;

use crate::convert;

/// A JSON value as the Python object `json.loads` makes of it.
pub(crate) fn to_python(py: Python<'_>, value: &Value) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(py.import("json")?.call_method1("loads", (text,))?.unbind())
}

/// Rolls units' year-end data up into `base` (the district's own fields):
/// amounts summed, rates averaged weighted by the field named in `weights`
/// (or in an indicator's `weight`), a rate without a weight refused. Returns
/// the data for `render_template("bao-cao-ket-qua-nam", …)`, with
/// `indicators` and a per-unit `units` list. Raises `ValueError` listing
/// every problem.
#[pyfunction]
pub fn rollup(
    py: Python<'_>,
    base: &Bound<'_, PyAny>,
    units: Vec<Bound<'_, PyAny>>,
) -> PyResult<Py<PyAny>> {
    let base = convert::to_json(base, "")?;
    let units = units
        .iter()
        .map(|u| convert::to_json(u, ""))
        .collect::<PyResult<Vec<_>>>()?;
    match vanban_report::rollup::rollup(&base, &units) {
        Ok(rolled) => {
            // Near-miss names: the clerk should see them, the data is still right.
            for warning in &rolled.warnings {
                PyErr::warn(
                    py,
                    &py.get_type::<PyUserWarning>(),
                    &CString::new(warning.to_string())?,
                    1,
                )?;
            }
            to_python(py, &rolled.data)
        }
        Err(problems) => {
            let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            Err(PyValueError::new_err(lines.join("\n")))
        }
    }
}

/// The rows of a data file as dicts: a sheet of `.xlsx`/`.xls`/`.ods`
/// (`sheet` by name, the first by default), or `.csv`/`.jsonl`. The header
/// row holds field paths (`issuer.name`, `indicators.0.plan`); empty cells
/// are left out. Raises `ValueError` naming the sheet and cell of every bad
/// cell. The file is read within `limits` (its size, the cells a sheet
/// spans, how far a workbook inflates); past one, `ValueError` names it.
#[pyfunction]
#[pyo3(signature = (path, sheet = None, *, limits = None))]
pub fn read_sheet(
    py: Python<'_>,
    path: PathBuf,
    sheet: Option<String>,
    limits: Option<&crate::limits::Limits>,
) -> PyResult<Vec<Py<PyAny>>> {
    let limits = crate::limits::or_default(limits);
    let skipped = vanban_report::data::Skipped::default();
    let rows =
        vanban_report::data::read_rows_in_limited(&path, sheet.as_deref(), &limits, &skipped)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for row in rows {
        match row.data {
            Ok(value) => out.push(to_python(py, &value)?),
            Err(why) => {
                let at = vanban_i18n::msg!("cli-row", row = row.number);
                problems.push(format!("{}: {at}: {why}", path.display()))
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(PyValueError::new_err(problems.join("\n")))
    }
}
