//! Output formats and writing files so that a reader never sees half a file.

use std::io::Write;
use std::path::Path;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A file format a document renders to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Docx,
    Pdf,
}

impl Format {
    pub fn parse(name: &str) -> PyResult<Format> {
        match name
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            other => Err(PyValueError::new_err(format!(
                "unknown format `{other}`; use \"docx\" or \"pdf\""
            ))),
        }
    }

    /// The format a file name's suffix names.
    pub fn from_path(path: &Path) -> PyResult<Format> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) => Format::parse(ext),
            None => Err(PyValueError::new_err(format!(
                "{}: give the file a .docx or .pdf suffix",
                path.display()
            ))),
        }
    }

    /// Reads `"docx"`, `"docx,pdf"` or any iterable of such names.
    pub fn list(formats: &Bound<'_, PyAny>) -> PyResult<Vec<Format>> {
        let names: Vec<String> = match formats.cast::<PyString>() {
            Ok(s) => s.to_cow()?.split(',').map(str::to_owned).collect(),
            Err(_) => formats
                .try_iter()?
                .map(|n| n.and_then(|n| n.extract::<String>()))
                .collect::<PyResult<_>>()?,
        };
        let mut list = Vec::new();
        for name in names.iter().filter(|n| !n.trim().is_empty()) {
            let format = Format::parse(name)?;
            if !list.contains(&format) {
                list.push(format);
            }
        }
        if list.is_empty() {
            return Err(PyValueError::new_err("no output format given"));
        }
        Ok(list)
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// Renders `doc`, or refuses it when the PDF fonts (the built-in
    /// Liberation Serif) lack a character it prints, naming the field.
    pub fn render(self, doc: &vanban::Document) -> Result<Vec<u8>, vanban::InputError> {
        vanban::coverage::check(doc, vanban::metrics::FontSet::liberation_serif())?;
        Ok(match self {
            Format::Docx => vanban_docx::to_docx(doc),
            Format::Pdf => vanban_pdf::to_pdf(doc),
        })
    }
}

/// Writes through a temporary file in the same folder, then renames it into
/// place: a crash or a full disk leaves the old file, never a torn one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-").suffix(".part");
    // A temporary file is private (0600); the document should get the usual
    // mode, which the process umask then narrows, as for any new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
