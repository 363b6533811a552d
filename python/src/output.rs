//! Python's side of the output layer (`vanban-output`): format names,
//! `fonts=` and `style=` arguments, and its errors as Python exceptions.
//! Rendering and writing themselves live in that crate, shared with the CLI.

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use vanban::metrics::FontSet;
use vanban::Style;
use vanban_output::{Error, Format, Options};

use crate::convert;

/// A `vanban_output` error as the Python exception it stands for: a file
/// problem is an `OSError` subclass (with `.filename`), bad arguments and
/// documents a backend refuses are `ValueError`s.
pub fn output_error(error: Error) -> PyErr {
    match error {
        Error::Io { path, source } => match source.raw_os_error() {
            // OSError(errno, …) picks the subclass: FileNotFoundError …
            Some(errno) => {
                PyOSError::new_err((errno, source.to_string(), path.display().to_string()))
            }
            None => PyErr::from(std::io::Error::new(
                source.kind(),
                format!("{}: {source}", path.display()),
            )),
        },
        // Text the fonts cannot show: a ValidationError naming the field.
        Error::Refused(input) => Python::attach(|py| crate::errors::validation_error(py, &input)),
        // A backend refusing a document (a character it cannot write …) is
        // about the input, as a ValueError; panics are InternalError elsewhere.
        other => PyValueError::new_err(other.to_string()),
    }
}

/// The format of a name (`"pdf"`, `".docx"`).
pub fn parse_format(name: &str) -> PyResult<Format> {
    name.parse().map_err(output_error)
}

/// The format a file name's suffix names.
pub fn format_of(path: &Path) -> PyResult<Format> {
    Format::from_path(path).map_err(output_error)
}

/// Reads `"docx"`, `"docx,pdf"` or any iterable of such names.
pub fn format_list(formats: &Bound<'_, PyAny>) -> PyResult<Vec<Format>> {
    let names: Vec<String> = match formats.cast::<PyString>() {
        Ok(s) => s.to_cow()?.split(',').map(str::to_owned).collect(),
        Err(_) => formats
            .try_iter()?
            .map(|n| n.and_then(|n| n.extract::<String>()))
            .collect::<PyResult<_>>()?,
    };
    Format::from_names(names.iter().map(String::as_str)).map_err(output_error)
}

/// `fonts=` and `style=` as the backends take them, read once per call.
#[derive(Default)]
pub struct RenderOptions {
    fonts: Option<FontSet>,
    style: Option<Style>,
    /// `pdfa=True`: the PDF as PDF/A-2b.
    pub pdfa: bool,
    /// `sign=[…]`: the PDF signed as it is rendered.
    pub signing: Option<vanban_sign::Signing>,
}

impl RenderOptions {
    /// `fonts`: four font files (regular, bold, italic, bold italic) as a
    /// sequence of paths or a comma-separated string; `style`: a mapping
    /// shaped like an input's `style` field.
    pub fn from_args(
        fonts: Option<&Bound<'_, PyAny>>,
        style: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<RenderOptions> {
        let fonts = match fonts {
            None => None,
            Some(list) => {
                let paths: Vec<PathBuf> = match list.cast::<PyString>() {
                    Ok(s) => s
                        .to_cow()?
                        .split(',')
                        .map(|p| PathBuf::from(p.trim()))
                        .collect(),
                    Err(_) => list.extract()?,
                };
                let py = list.py();
                Some(
                    py.detach(|| {
                        vanban_output::load_fonts(&paths, vanban::Limits::default().max_font_bytes)
                    })
                    .map_err(output_error)?,
                )
            }
        };
        let style = match style {
            None => None,
            Some(mapping) => {
                let value = convert::to_json(mapping, "style")?;
                Some(vanban_output::render::style_from_json(&value).map_err(output_error)?)
            }
        };
        Ok(RenderOptions {
            fonts,
            style,
            pdfa: false,
            signing: None,
        })
    }

    pub fn options(&self) -> Options<'_> {
        Options {
            fonts: self.fonts.as_ref().unwrap_or(FontSet::liberation_serif()),
            style: self.style.as_ref(),
            pdfa: self.pdfa,
            signing: self.signing.as_ref(),
        }
    }
}
