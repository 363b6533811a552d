//! `vanban.Register(url)`: the office's register (`vanban-register`) from
//! Python. Every call releases the GIL while the database and the renderer
//! work; a `Register` pickles as its URL, so Dask workers recreate it and
//! take their numbers from the one database.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use vanban::Date;
use vanban_register::receive::{self, Given};
use vanban_register::{
    EntryRef, Filter, IssueOptions, NewEntry, RegisterSettings, Scheme, Settings,
};

use crate::document::Document;
use crate::errors::{catch_panic, internal_error};
use crate::yearend::to_python;

pyo3::create_exception!(
    vanban,
    RegisterError,
    PyValueError,
    "The register refused a request (a number already held, a file already received, a database that is not a vanban register, busy, read-only …); the message says which."
);

fn register_error(e: vanban_register::Error) -> PyErr {
    match e {
        vanban_register::Error::Input(e) => PyValueError::new_err(e.to_string()),
        other => RegisterError::new_err(other.to_string()),
    }
}

fn date(text: Option<&str>) -> PyResult<Option<Date>> {
    text.map(|t| Date::parse(t).map_err(|e| PyValueError::new_err(e.to_string())))
        .transpose()
}

/// An office's register, SQLite (a path) or PostgreSQL (a `postgres://`
/// URL).
#[pyclass(module = "vanban._vanban")]
pub struct Register {
    url: String,
    read_only: bool,
    inner: Mutex<vanban_register::Register>,
}

impl Register {
    fn lock(&self) -> MutexGuard<'_, vanban_register::Register> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Runs `f` on the register without the GIL, panics caught.
    fn call<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut vanban_register::Register) -> vanban_register::Result<T> + Send,
    ) -> PyResult<T> {
        py.detach(|| catch_panic(|| f(&mut self.lock())))
            .map_err(|m| internal_error(&m))?
            .map_err(register_error)
    }
}

fn json<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let value = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    to_python(py, &value)
}

#[pymethods]
impl Register {
    /// Opens the register at `url` (a file path or `postgres://…`).
    #[new]
    #[pyo3(signature = (url, read_only = false))]
    fn new(py: Python<'_>, url: PathBuf, read_only: bool) -> PyResult<Register> {
        let url = url.display().to_string();
        let settings = Settings {
            read_only,
            ..Settings::default()
        };
        let inner = py
            .detach(|| vanban_register::Register::open(&url, &settings))
            .map_err(register_error)?;
        Ok(Register {
            url,
            read_only,
            inner: Mutex::new(inner),
        })
    }

    /// Creates a new register: `scheme` "shared" (one sequence) or
    /// "per-kind"; `bodies`, the advisory bodies with their own sequences.
    #[staticmethod]
    #[pyo3(signature = (url, scheme = "shared", office = "", bodies = Vec::new()))]
    fn init(
        py: Python<'_>,
        url: PathBuf,
        scheme: &str,
        office: &str,
        bodies: Vec<String>,
    ) -> PyResult<Register> {
        let url = url.display().to_string();
        let settings = RegisterSettings {
            scheme: Scheme::parse(scheme).map_err(register_error)?,
            office: office.to_owned(),
            bodies,
        };
        let inner = py
            .detach(|| vanban_register::Register::init(&url, &settings, &Settings::default()))
            .map_err(register_error)?;
        Ok(Register {
            url,
            read_only: false,
            inner: Mutex::new(inner),
        })
    }

    /// The path or URL it was opened from.
    #[getter]
    fn url(&self) -> String {
        self.url.clone()
    }

    /// Pickled as its URL: unpickling opens the same register.
    fn __reduce__(slf: &Bound<'_, Self>) -> PyResult<(Py<PyAny>, (String, bool))> {
        let this = slf.borrow();
        Ok((
            slf.get_type().into_any().unbind(),
            (this.url.clone(), this.read_only),
        ))
    }

    fn __repr__(&self) -> String {
        format!("Register({:?})", self.url)
    }

    /// Numbers, records and renders `doc` (its number and date left out)
    /// into the folder `out`; returns the entry (a dict).
    #[pyo3(signature = (doc, out, formats = vec!["docx".to_owned(), "pdf".to_owned()], date = None, body = None))]
    fn issue(
        &self,
        py: Python<'_>,
        doc: PyRef<'_, Document>,
        out: PathBuf,
        formats: Vec<String>,
        date: Option<&str>,
        body: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let formats = vanban_output::Format::from_names(formats.iter().map(String::as_str))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let options = IssueOptions {
            dir: out,
            formats,
            date: self::date(date)?,
            body,
            render: vanban_output::Options::default(),
        };
        let (input, document) = (doc.input().clone(), doc.inner.clone());
        let entry = self.call(py, |r| r.issue(&input, &document, &options))?;
        json(py, &entry)
    }

    /// Holds the next number for a document signed on paper.
    #[allow(clippy::too_many_arguments)]
    #[pyo3(signature = (kind, symbol, summary = "", date = None, secret = false, body = None))]
    fn reserve(
        &self,
        py: Python<'_>,
        kind: &str,
        symbol: &str,
        summary: &str,
        date: Option<&str>,
        secret: bool,
        body: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let kind = vanban::Kind::parse(kind).ok_or_else(|| {
            PyValueError::new_err(format!("kind `{kind}` is not a kind of Decree 30"))
        })?;
        let entry = NewEntry {
            kind: kind.id().to_owned(),
            symbol: symbol.to_owned(),
            summary: summary.to_owned(),
            date: self::date(date)?,
            secrecy: secret.then(|| "MẬT".to_owned()),
            body,
            ..NewEntry::default()
        };
        let entry = self.call(py, |r| r.reserve(&entry))?;
        json(py, &entry)
    }

    /// Voids an entry (`"15/KH-VP"` or its id) with the reason.
    fn void(&self, py: Python<'_>, entry: &Bound<'_, PyAny>, reason: &str) -> PyResult<Py<PyAny>> {
        let which: EntryRef = match entry.extract::<i64>() {
            Ok(id) => EntryRef::Id(id),
            Err(_) => entry.extract::<String>()?.parse().map_err(register_error)?,
        };
        let entry = self.call(py, |r| r.void(&which, reason))?;
        json(py, &entry)
    }

    /// Registers a received DOCX or PDF: the next incoming number. Values
    /// that cannot be read are given as keywords.
    #[pyo3(signature = (path, date = None, issuer = None, number = None, symbol = None, document_date = None, kind = None, summary = None))]
    #[allow(clippy::too_many_arguments)]
    fn receive(
        &self,
        py: Python<'_>,
        path: PathBuf,
        date: Option<&str>,
        issuer: Option<String>,
        number: Option<i64>,
        symbol: Option<String>,
        document_date: Option<&str>,
        kind: Option<String>,
        summary: Option<String>,
    ) -> PyResult<Py<PyAny>> {
        let given = Given {
            issuer,
            number,
            symbol,
            date: self::date(document_date)?,
            kind,
            summary,
            sha256: String::new(),
        };
        let on = self::date(date)?;
        let entry = self.call(py, |r| {
            let read = receive::read_file(&path, &vanban_lint::LintLimits::default())?;
            let mut received = receive::received(&path.display().to_string(), &read, &given)?;
            received.received_on = on;
            r.receive(&received)
        })?;
        json(py, &entry)
    }

    /// The entries (dicts) of the outgoing book, or of the incoming one.
    #[pyo3(signature = (year = None, kind = None, text = None, incoming = false))]
    fn entries(
        &self,
        py: Python<'_>,
        year: Option<i32>,
        kind: Option<String>,
        text: Option<String>,
        incoming: bool,
    ) -> PyResult<Py<PyAny>> {
        let kind = kind
            .map(|k| {
                vanban::Kind::parse(&k)
                    .map(|k| k.id().to_owned())
                    .ok_or_else(|| {
                        PyValueError::new_err(format!("kind `{k}` is not a kind of Decree 30"))
                    })
            })
            .transpose()?;
        let filter = Filter {
            year,
            kind,
            text,
            ..Filter::default()
        };
        if incoming {
            let entries = self.call(py, |r| r.incoming(&filter))?;
            json(py, &entries)
        } else {
            let entries = self.call(py, |r| r.entries(&filter))?;
            json(py, &entries)
        }
    }
}

/// Adds `Register` and `RegisterError` to the module.
pub fn add(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Register>()?;
    m.add("RegisterError", m.py().get_type::<RegisterError>())?;
    Ok(())
}
