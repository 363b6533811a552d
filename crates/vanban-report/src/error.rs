//! Why a template could not be loaded or rendered: which template, where in
//! it (line and column of the template file), which data path, and why.

use std::fmt;

use vanban::InputError;

/// What went wrong, broadly; the message says exactly.
#[derive(Debug)]
pub enum TemplateErrorKind {
    /// No template by that name.
    NotFound,
    /// The template file itself is wrong (shape, syntax, unsafe placement).
    Template,
    /// A field the template reads is not in the data.
    MissingData,
    /// A field is there but cannot be used (not a date, not a number …).
    BadData,
    /// The rendered input is not a valid document.
    Input(InputError),
    /// A template folder could not be read.
    Io,
}

#[derive(Debug)]
pub struct TemplateError {
    /// Template name (`bao-cao-ket-qua-nam`).
    pub template: String,
    /// The file it came from, for a user template.
    pub file: Option<String>,
    /// 1-based line and column in the template file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// Path of the data field concerned: `indicators.3.plan`.
    pub data_path: Option<String>,
    pub message: String,
    pub kind: TemplateErrorKind,
}

impl TemplateError {
    pub(crate) fn new(
        template: &str,
        kind: TemplateErrorKind,
        message: impl Into<String>,
    ) -> TemplateError {
        TemplateError {
            template: template.to_string(),
            file: None,
            line: None,
            column: None,
            data_path: None,
            message: message.into(),
            kind,
        }
    }

    pub(crate) fn at(mut self, line: usize, column: usize) -> TemplateError {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    pub(crate) fn data(mut self, path: Option<String>) -> TemplateError {
        self.data_path = path;
        self
    }

    pub(crate) fn in_file(mut self, file: Option<String>) -> TemplateError {
        self.file = file;
        self
    }

    /// The validation problems, when the rendered document was invalid.
    pub fn input_error(&self) -> Option<&InputError> {
        match &self.kind {
            TemplateErrorKind::Input(error) => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "template `{}`", self.template)?;
        if let Some(file) = &self.file {
            write!(f, " ({file})")?;
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, " line {line}, column {column}")?;
        }
        if let Some(path) = &self.data_path {
            write!(f, ", data `{path}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let TemplateErrorKind::Input(error) = &self.kind {
            for problem in &error.problems {
                write!(f, "\n  {problem}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            TemplateErrorKind::Input(error) => Some(error),
            _ => None,
        }
    }
}
