//! `vanban.Document`: a validated document, readable from Python and
//! rendered to bytes or files with the GIL released.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyBytes;
use vanban::{Format as InputFormat, Input, InputError};

use crate::convert;
use crate::errors::{catch_panic, internal_error, validation_error};
use crate::limits::{or_default, Limits};
use crate::output::{format_of, output_error, parse_format, RenderOptions};
use vanban_output::Format;

/// A validated administrative document (văn bản hành chính).
///
/// Build it from a mapping with the same fields as an input file:
///
///     doc = vanban.Document({"kind": "ke-hoach", "issuer": {...}, ...})
///
/// or with `Document.from_file(path)`, `Document.from_yaml(text)`,
/// `Document.from_json(text)`. An invalid input raises `ValidationError`
/// listing every problem. A Document never changes once made.
///
/// A Document pickles (for multiprocessing, Dask …) as the input it was
/// made from, validated again when unpickled.
#[pyclass(frozen, module = "vanban", name = "Document")]
pub struct Document {
    pub inner: vanban::Document,
    /// The input it was validated from: what a pickle carries.
    input: Arc<Input>,
}

impl Document {
    /// The input it was validated from (the register keeps it to render
    /// the entry again).
    pub fn input(&self) -> &Input {
        &self.input
    }

    pub fn new_validated(inner: vanban::Document, input: Input) -> Document {
        Document {
            inner,
            input: Arc::new(input),
        }
    }
}

/// Validates an input, a panic in the core becoming `InternalError`.
pub fn build(
    py: Python<'_>,
    make: impl FnOnce() -> Result<(vanban::Document, Input), InputError>,
) -> PyResult<Document> {
    match catch_panic(make) {
        Ok(Ok((inner, input))) => Ok(Document::new_validated(inner, input)),
        Ok(Err(e)) => Err(validation_error(py, &e)),
        Err(message) => Err(internal_error(&message)),
    }
}

/// Validates a Python mapping (already converted to JSON).
pub fn validate_value(value: &serde_json::Value) -> Result<vanban::Document, InputError> {
    validate_value_with(value, &vanban::Limits::default())
}

/// [`validate_value`] within `limits`.
pub fn validate_value_with(
    value: &serde_json::Value,
    limits: &vanban::Limits,
) -> Result<vanban::Document, InputError> {
    validate_input(value, limits).map(|(doc, _)| doc)
}

/// Validates a Python mapping within `limits`, keeping the input it read.
pub fn validate_input(
    value: &serde_json::Value,
    limits: &vanban::Limits,
) -> Result<(vanban::Document, Input), InputError> {
    let input = convert::to_input(value)?;
    let options = vanban::ReadOptions {
        limits: *limits,
        fonts: None,
    };
    vanban::Document::from_input_with(&input, &options).map(|doc| (doc, input))
}

/// Validates text in a format, keeping the input it read (problems located
/// by line and column, as `Document::from_text` locates them).
/// Validates input text. Text read from a file in the folder `base` has
/// its picture paths relative to that folder, as the CLI reads them, and
/// kept anchored there so a pickled or registered document finds them
/// again; text given as a string has them relative to the working folder.
fn validate_text(
    text: &str,
    format: InputFormat,
    options: &vanban::ReadOptions,
    base: Option<&std::path::Path>,
) -> Result<(vanban::Document, Input), InputError> {
    // Validated (within the limits) before the input is kept.
    let doc = match base {
        Some(base) => vanban::Document::from_text_in(text, format, options, base)?,
        None => vanban::Document::from_text_with(text, format, options)?,
    };
    let mut input = vanban::source::parse(text, format)?;
    if let Some(base) = base {
        input.anchor_pictures(base);
    }
    Ok((doc, input))
}

fn read_options(limits: Option<&Limits>) -> vanban::ReadOptions<'static> {
    vanban::ReadOptions {
        limits: or_default(limits),
        fonts: None,
    }
}

/// Reads at most `max` bytes: a missing file is `FileNotFoundError`, a
/// larger (or endless) one a `ValidationError` as soon as the limit passes.
fn read_limited(py: Python<'_>, path: &std::path::Path, max: u64) -> PyResult<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let refuse = |message: String| {
        let problem = vanban::Problem::new("", message);
        validation_error(
            py,
            &InputError::new(vec![problem]).in_file(path.display().to_string()),
        )
    };
    if bytes.len() as u64 > max {
        return Err(refuse(format!(
            "the file is larger than the limit of {max} bytes (raise it with limits=vanban.Limits(max_file_bytes=…))"
        )));
    }
    String::from_utf8(bytes).map_err(|_| refuse("not UTF-8 text; save the file as UTF-8".into()))
}

impl Document {
    pub fn from_file_path(py: Python<'_>, path: PathBuf) -> PyResult<Document> {
        Document::from_file_limited(py, path, None)
    }

    fn from_file_limited(
        py: Python<'_>,
        path: PathBuf,
        limits: Option<&Limits>,
    ) -> PyResult<Document> {
        let Some(format) = InputFormat::from_path(&path) else {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{}: unknown input format; use a .yaml, .yml, .json or .toml file",
                path.display()
            )));
        };
        // Read here so a missing file is FileNotFoundError, not a ValidationError.
        let options = read_options(limits);
        let text = read_limited(py, &path, options.limits.max_file_bytes)?;
        let name = path.display().to_string();
        // `plan.yaml` has the folder "", which `absolute` refuses: ".".
        let folder = match path.parent() {
            Some(folder) if !folder.as_os_str().is_empty() => folder,
            _ => std::path::Path::new("."),
        };
        let base = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
        build(py, || {
            validate_text(&text, format, &options, Some(&base)).map_err(|e| e.in_file(name))
        })
    }

    fn render(&self, py: Python<'_>, format: Format, options: &RenderOptions) -> PyResult<Vec<u8>> {
        // Rendering is pure Rust: let other Python threads run meanwhile.
        let rendered = py
            .detach(|| {
                catch_panic(|| vanban_output::render(&self.inner, &[format], &options.options()))
            })
            .map_err(|m| internal_error(&m))?
            .map_err(output_error)?;
        Ok(rendered.into_single().unwrap_or_default())
    }
}

#[pymethods]
impl Document {
    #[new]
    #[pyo3(signature = (data, *, limits = None))]
    fn new(py: Python<'_>, data: &Bound<'_, PyAny>, limits: Option<&Limits>) -> PyResult<Self> {
        let limits = or_default(limits);
        let value = convert::to_json_within(data, &limits)?;
        build(py, || validate_input(&value, &limits))
    }

    /// Rebuilds a pickled Document from its input (JSON text).
    #[staticmethod]
    fn _from_state(py: Python<'_>, state: &str) -> PyResult<Self> {
        build(py, || {
            let input: Input = serde_json::from_str(state)
                .map_err(|e| InputError::new(vec![vanban::Problem::new("", e.to_string())]))?;
            vanban::Document::from_input(&input).map(|doc| (doc, input))
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let state = serde_json::to_string(&*slf.get().input)
            .map_err(|e| internal_error(&format!("cannot pickle a Document: {e}")))?;
        Ok((slf.get_type().getattr("_from_state")?, (state,)))
    }

    /// Reads and validates an input file (.yaml, .yml, .json or .toml).
    /// Problems name their line and column in the file. `limits` (a
    /// `vanban.Limits`) bounds the file size, field length and nesting.
    #[staticmethod]
    #[pyo3(signature = (path, *, limits = None))]
    fn from_file(py: Python<'_>, path: PathBuf, limits: Option<&Limits>) -> PyResult<Self> {
        Document::from_file_limited(py, path, limits)
    }

    /// Reads and validates YAML text.
    #[staticmethod]
    #[pyo3(signature = (text, *, limits = None))]
    fn from_yaml(py: Python<'_>, text: &str, limits: Option<&Limits>) -> PyResult<Self> {
        let options = read_options(limits);
        build(py, || {
            validate_text(text, InputFormat::Yaml, &options, None)
        })
    }

    /// Reads and validates JSON text.
    #[staticmethod]
    #[pyo3(signature = (text, *, limits = None))]
    fn from_json(py: Python<'_>, text: &str, limits: Option<&Limits>) -> PyResult<Self> {
        let options = read_options(limits);
        build(py, || {
            validate_text(text, InputFormat::Json, &options, None)
        })
    }

    /// Reads and validates TOML text.
    #[staticmethod]
    #[pyo3(signature = (text, *, limits = None))]
    fn from_toml(py: Python<'_>, text: &str, limits: Option<&Limits>) -> PyResult<Self> {
        let options = read_options(limits);
        build(py, || {
            validate_text(text, InputFormat::Toml, &options, None)
        })
    }

    /// The document kind's identifier: "ke-hoach", "bao-cao", "cong-van", …
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.id()
    }

    /// The kind's name in Vietnamese: "Kế hoạch".
    #[getter]
    fn kind_name(&self) -> &'static str {
        self.inner.kind.name()
    }

    /// Cơ quan chủ quản (parent authority), or None.
    #[getter]
    fn parent(&self) -> Option<&str> {
        self.inner.parent.as_deref()
    }

    /// Cơ quan ban hành (issuing authority).
    #[getter]
    fn issuer(&self) -> &str {
        &self.inner.issuer
    }

    /// Số: the serial number, or None for a blank slot.
    #[getter]
    fn number(&self) -> Option<u32> {
        self.inner.number
    }

    /// Ký hiệu: "KH-VP".
    #[getter]
    fn symbol(&self) -> &str {
        &self.inner.symbol
    }

    /// The line as printed: "Số: 1026/KH-VP".
    #[getter]
    fn number_line(&self) -> String {
        self.inner.number_line()
    }

    /// Địa danh: "Tây Ninh".
    #[getter]
    fn place(&self) -> &str {
        &self.inner.place
    }

    /// Ngày ban hành as ISO text ("2024-03-08"), or None for blank slots.
    #[getter]
    fn date(&self) -> Option<String> {
        self.inner.date.map(|d| d.iso())
    }

    /// Trích yếu: the summary.
    #[getter]
    fn summary(&self) -> &str {
        &self.inner.summary
    }

    /// Căn cứ: legal bases, as printed.
    #[getter]
    fn bases(&self) -> Vec<String> {
        self.inner.bases.clone()
    }

    /// Kính gửi: addressees.
    #[getter]
    fn addressees(&self) -> Vec<String> {
        self.inner.addressees.clone()
    }

    /// Nơi nhận: recipients, without dash and semicolon.
    #[getter]
    fn recipients(&self) -> Vec<String> {
        self.inner.recipients.iter().map(|r| r.text()).collect()
    }

    /// The signer's full name: "Đoàn Minh Long".
    #[getter]
    fn signer_name(&self) -> &str {
        &self.inner.signer.name
    }

    /// The signer's title: "CHÁNH VĂN PHÒNG".
    #[getter]
    fn signer_title(&self) -> &str {
        &self.inner.signer.title
    }

    /// Signing authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH").
    #[getter]
    fn signer_authority(&self) -> Vec<String> {
        self.inner.signer.authority.clone()
    }

    /// Độ khẩn as printed ("KHẨN"), or None.
    #[getter]
    fn urgency(&self) -> Option<&'static str> {
        self.inner.urgency.map(|u| u.text())
    }

    /// Độ mật as printed ("MẬT"), or None.
    #[getter]
    fn secrecy(&self) -> Option<&'static str> {
        self.inner.secrecy.map(|s| s.text())
    }

    /// Renders the document as a Word file; returns its bytes. `style`
    /// (a mapping like an input's `style` field) replaces the document's.
    #[pyo3(signature = (*, style = None))]
    fn to_docx<'py>(
        &self,
        py: Python<'py>,
        style: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let options = RenderOptions::from_args(None, style)?;
        let bytes = self.render(py, Format::Docx, &options)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Renders the document as a PDF file; returns its bytes. `fonts`: four
    /// font files (regular, bold, italic, bold italic) instead of the
    /// built-in Liberation Serif; `style` replaces the document's style;
    /// `pdfa=True` writes PDF/A-2b, for the archive.
    #[pyo3(signature = (*, fonts = None, style = None, pdfa = false))]
    fn to_pdf<'py>(
        &self,
        py: Python<'py>,
        fonts: Option<&Bound<'py, PyAny>>,
        style: Option<&Bound<'py, PyAny>>,
        pdfa: bool,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mut options = RenderOptions::from_args(fonts, style)?;
        options.pdfa = pdfa;
        let bytes = self.render(py, Format::Pdf, &options)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// Writes the document to `path`, as DOCX or PDF by its suffix (or
    /// `format`), with `fonts`, `style` and `pdfa` as in `to_pdf`. The file
    /// appears whole or not at all (mode 0644): it is written to a
    /// temporary file beside it and renamed into place. `sign` (PDF only):
    /// .p12 key files that sign it in turn, the first as the signer, the
    /// next as the office (passwords from $VANBAN_P12_PASSWORD), at
    /// `sign_time` (ISO 8601; default now).
    #[pyo3(signature = (path, format = None, *, fonts = None, style = None, pdfa = false, sign = None, sign_time = None))]
    #[allow(clippy::too_many_arguments)]
    fn save(
        &self,
        py: Python<'_>,
        path: PathBuf,
        format: Option<&str>,
        fonts: Option<&Bound<'_, PyAny>>,
        style: Option<&Bound<'_, PyAny>>,
        pdfa: bool,
        sign: Option<Vec<PathBuf>>,
        sign_time: Option<&str>,
    ) -> PyResult<()> {
        let format = match format {
            Some(name) => parse_format(name)?,
            None => format_of(&path)?,
        };
        let keys = sign.unwrap_or_default();
        if !keys.is_empty() && format != Format::Pdf {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "sign=: only a PDF is signed; save as .pdf",
            ));
        }
        let mut options = RenderOptions::from_args(fonts, style)?;
        options.pdfa = pdfa;
        if !keys.is_empty() {
            options.signing = Some(crate::sign::signing(&keys, sign_time)?);
        }
        let bytes = self.render(py, format, &options)?;
        py.detach(|| vanban_output::write::write_files(&[(path, bytes.as_slice())]))
            .map_err(output_error)
    }

    fn __repr__(&self) -> String {
        let doc = &self.inner;
        let date = doc.date.map_or_else(|| "no date".to_string(), |d| d.iso());
        format!(
            "<vanban.Document {} {}: {:?}, {} {}>",
            doc.kind.name(),
            doc.number_line().trim_start_matches("Số: "),
            doc.summary,
            doc.place,
            date
        )
    }
}
