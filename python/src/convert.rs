//! Python values → serde: a dict becomes the same `Input` a YAML file makes.
//!
//! We walk the objects ourselves rather than pull in a bridge crate: the
//! input is small, and this lets us accept what data frames hand out
//! (numpy scalars, NaN for an empty cell, `datetime.date`).

use std::cell::Cell;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use serde_json::{Map, Number, Value};
use vanban::{Input, InputError, Problem};

/// Converts a Python value to JSON; `path` names it in error messages.
/// Nesting deeper than the default limit is refused (see [`to_json_within`]).
pub fn to_json(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    let limits = vanban::Limits::default();
    to_json_at(obj, path, limits.max_depth, &Cell::new(limits.max_cells))
}

/// Converts a Python value nested at most `max_depth` deep (lists built in
/// a loop can nest 100,000 deep, which would overflow the stack here) and
/// holding at most `max_cells` values: a list that holds itself twice, 30
/// times over, is 60 objects for Python and a billion values here.
pub fn to_json_within(obj: &Bound<'_, PyAny>, limits: &vanban::Limits) -> PyResult<Value> {
    to_json_at(obj, "", limits.max_depth, &Cell::new(limits.max_cells))
}

fn to_json_at(
    obj: &Bound<'_, PyAny>,
    path: &str,
    depth_left: usize,
    values_left: &Cell<u64>,
) -> PyResult<Value> {
    let at = |path: &str| {
        if path.is_empty() {
            "the input".to_string()
        } else {
            path.to_string()
        }
    };
    match values_left.get().checked_sub(1) {
        Some(left) => values_left.set(left),
        None => {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{}: holds more values than the limit allows, a list or dict held twice counting twice (limits=vanban.Limits(max_cells=…))",
                at(path)
            )))
        }
    }
    let to_json = |obj: &Bound<'_, PyAny>, path: &str| {
        if depth_left == 0 {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{}: nested more deeply than the limit allows (limits=vanban.Limits(max_depth=…))",
                at(path)
            )));
        }
        to_json_at(obj, path, depth_left - 1, values_left)
    };
    if obj.is_none() {
        return Ok(Value::Null);
    }
    // bool before int: in Python, True is an int.
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        // As a float it would print `1e+20`: refuse it by name instead.
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{}: {} is too large a number",
            if path.is_empty() { "the input" } else { path },
            obj.str()?
        )));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        let f = f.value();
        // pandas writes an empty cell as NaN: treat it as absent.
        return Ok(Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (key, value) in dict.iter() {
            let key = key_text(&key, path)?;
            let value = to_json(&value, &join(path, &key))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return sequence(list.iter(), path, &to_json);
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return sequence(tuple.iter(), path, &to_json);
    }
    if let Ok(mapping) = obj.cast::<PyMapping>() {
        let mut map = Map::new();
        for item in mapping.items()?.iter() {
            let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
            let key = key_text(&key, path)?;
            let value = to_json(&value, &join(path, &key))?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    // datetime.date / datetime.datetime / pandas.Timestamp → `YYYY-MM-DD`.
    if obj.hasattr("isoformat")? {
        let date = if obj.hasattr("date")? && obj.getattr("date")?.is_callable() {
            obj.call_method0("date")?
        } else {
            obj.clone()
        };
        let text: String = date.call_method0("isoformat")?.extract()?;
        return Ok(Value::String(text));
    }
    // numpy scalars (int64, float64, str_) know their Python value.
    if obj.hasattr("item")? && obj.hasattr("dtype")? {
        let item = obj.call_method0("item")?;
        if !item.get_type().is(obj.get_type()) {
            return to_json(&item, path);
        }
    }
    // Any other iterable but text (a set, a generator) as a list.
    if !obj.is_instance_of::<pyo3::types::PyBytes>() {
        if let Ok(iter) = obj.try_iter() {
            let items: Vec<_> = iter.collect::<PyResult<_>>()?;
            return sequence(items.into_iter(), path, &to_json);
        }
    }
    let type_name = obj.get_type().name()?;
    let at = if path.is_empty() { "the input" } else { path };
    Err(PyTypeError::new_err(format!(
        "{at}: a `{type_name}` cannot go into a document; use str, int, float, bool, None, list or dict"
    )))
}

fn sequence<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    path: &str,
    to_json: &dyn Fn(&Bound<'py, PyAny>, &str) -> PyResult<Value>,
) -> PyResult<Value> {
    items
        .enumerate()
        .map(|(i, item)| to_json(&item, &format!("{path}[{i}]")))
        .collect::<PyResult<Vec<_>>>()
        .map(Value::Array)
}

fn key_text(key: &Bound<'_, PyAny>, path: &str) -> PyResult<String> {
    match key.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{}: keys must be str, not `{}`",
            if path.is_empty() { "the input" } else { path },
            key.get_type().name()?
        ))),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reads JSON into an `Input`; a wrong type or unknown field comes back with
/// the path of the field, as validation problems do.
pub fn to_input(value: &Value) -> Result<Input, InputError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        InputError::new(vec![Problem::new(path, e.into_inner().to_string())])
    })
}
