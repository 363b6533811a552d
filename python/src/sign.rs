//! `vanban.sign(pdf_bytes, p12, role=…)`, `vanban.verify(pdf_bytes)` and
//! the signing of `Document.save(path, sign=[…])`: vanban-sign's PAdES
//! signatures. The password is an argument or $VANBAN_P12_PASSWORD.

use std::path::{Path, PathBuf};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};
use vanban_sign::{Appearance, Identity, LintLimits, Role, SignOptions, SigningTime};

use crate::errors::{catch_panic, internal_error};

const PASSWORD_VAR: &str = "VANBAN_P12_PASSWORD";

fn value_error(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// Reads a .p12 file with `password` or $VANBAN_P12_PASSWORD.
pub(crate) fn identity(p12: &Path, password: Option<&str>) -> PyResult<Identity> {
    let bytes = vanban::limits::read_bytes(p12, vanban_sign::MAX_P12_BYTES)
        .map_err(|e| pyo3::exceptions::PyOSError::new_err(format!("{}: {e}", p12.display())))?;
    let env = std::env::var(PASSWORD_VAR).ok();
    let password = password.or(env.as_deref()).ok_or_else(|| {
        value_error(format!(
            "{}: no password: pass password= or set {PASSWORD_VAR}",
            p12.display()
        ))
    })?;
    Identity::from_p12(&bytes, password).map_err(|e| value_error(format!("{}: {e}", p12.display())))
}

fn time_of(time: Option<&str>) -> PyResult<SigningTime> {
    match time {
        Some(t) => SigningTime::parse_iso(t).map_err(|e| value_error(format!("time: {e}"))),
        None => Ok(SigningTime::now_in_vietnam()),
    }
}

/// The keys of `save(sign=[…])`, the first as the signer, the rest as the
/// office, all at `time`: the PDF is signed as it is rendered, its pictures
/// the signatures' appearances (`vanban_sign::placement`).
pub(crate) fn signing(keys: &[PathBuf], time: Option<&str>) -> PyResult<vanban_sign::Signing> {
    let time = time_of(time)?;
    let identities: Vec<Identity> = keys
        .iter()
        .map(|k| identity(k, None))
        .collect::<PyResult<_>>()?;
    Ok(vanban_sign::Signing::in_order(identities, time))
}

/// Signs a PDF's bytes (PAdES baseline B-B, ETSI.CAdES.detached, SHA-256)
/// as an incremental update and returns the signed bytes. `p12` is the
/// key file; `role` "signer" (the competent person, first) or "office"
/// (after the signer); `password` defaults to $VANBAN_P12_PASSWORD; `time`
/// is ISO 8601 (default: now, +07:00); `attachment` ("565/TB-UBND") signs a
/// separate-file attachment as the office, with the number and the time in
/// 10 pt at the top right of page 1. Raises ValueError for a wrong password,
/// a PDF that cannot be read, or a bad argument; OSError when the key file
/// cannot be read.
#[pyfunction]
#[pyo3(signature = (pdf, p12, *, role, password = None, time = None, attachment = None))]
pub fn sign<'py>(
    py: Python<'py>,
    pdf: Vec<u8>,
    p12: PathBuf,
    role: &str,
    password: Option<&str>,
    time: Option<&str>,
    attachment: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let role: Role = role.parse().map_err(value_error)?;
    if attachment.is_some() && role != Role::Office {
        return Err(value_error(
            "an attachment is signed by the office: role=\"office\"",
        ));
    }
    let time = time_of(time)?;
    let id = identity(&p12, password)?;
    let appearance = match attachment {
        Some(number) => Appearance::TopRightText {
            lines: vanban_sign::marks::attachment(number, time),
        },
        None => Appearance::Invisible,
    };
    let options = SignOptions {
        role,
        time,
        appearance,
        limits: LintLimits::default(),
    };
    let signed = py
        .detach(|| catch_panic(|| vanban_sign::sign(&pdf, &id, &options)))
        .map_err(|m| internal_error(&m))?
        .map_err(value_error)?;
    Ok(PyBytes::new(py, &signed))
}

/// Verifies every signature of a PDF's bytes. Returns {"signatures": [{
/// "signer", "role", "time", "intact", "covers_whole_file", "trusted"}, …]}
/// as `vanban verify --json` prints it; `trust` is a PEM file of trusted
/// certificates. Raises ValueError when the PDF cannot be read.
#[pyfunction]
#[pyo3(signature = (pdf, *, trust = None))]
pub fn verify<'py>(
    py: Python<'py>,
    pdf: Vec<u8>,
    trust: Option<PathBuf>,
) -> PyResult<Bound<'py, PyDict>> {
    let anchors = match trust {
        None => Vec::new(),
        Some(path) => {
            let pem = std::fs::read_to_string(&path)?;
            vanban_sign::trust_anchors(&pem)
                .map_err(|e| value_error(format!("{}: {e}", path.display())))?
        }
    };
    let report = py
        .detach(|| catch_panic(|| vanban_sign::verify(&pdf, &anchors, &LintLimits::default())))
        .map_err(|m| internal_error(&m))?
        .map_err(value_error)?;
    let list = PyList::empty(py);
    for s in &report.signatures {
        let d = PyDict::new(py);
        d.set_item("signer", &s.signer)?;
        d.set_item("role", s.role.as_str())?;
        d.set_item("time", &s.time)?;
        d.set_item("intact", s.intact && s.ranges_ok)?;
        d.set_item("covers_whole_file", s.covers_whole_file)?;
        d.set_item("trusted", s.trusted)?;
        list.append(d)?;
    }
    let out = PyDict::new(py);
    out.set_item("signatures", list)?;
    Ok(out)
}
