//! Why a template could not be loaded or rendered: which template, where in
//! it (line and column of the template file), which data path, and why.

use std::fmt;

use vanban::InputError;
use vanban_i18n::{language, msg, Lang, Message};

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
    /// Why, in English (the words programs and tests compare).
    pub message: String,
    /// The same as a catalogue message, shown in the user's language.
    pub msg: Message,
    pub kind: TemplateErrorKind,
}

impl TemplateError {
    pub(crate) fn new(
        template: &str,
        kind: TemplateErrorKind,
        message: impl Into<Message>,
    ) -> TemplateError {
        let msg = message.into();
        TemplateError {
            template: template.to_string(),
            file: None,
            line: None,
            column: None,
            data_path: None,
            message: msg.english(),
            msg,
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

impl TemplateError {
    /// The whole error as shown, in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        let mut out = msg!("template-name", name = self.template.as_str()).render(lang);
        if let Some(file) = &self.file {
            out.push_str(&format!(" ({file})"));
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            out.push_str(&msg!("template-at", line = line, column = column).render(lang));
        }
        if let Some(path) = &self.data_path {
            out.push_str(&msg!("template-data", path = path.as_str()).render(lang));
        }
        out.push_str(": ");
        out.push_str(&self.msg.render(lang));
        if let TemplateErrorKind::Input(error) = &self.kind {
            for problem in &error.problems {
                out.push_str("\n  ");
                out.push_str(&problem.display_in(lang));
            }
        }
        out
    }
}

/// In the process's language ([`vanban_i18n::set_language`]).
impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(language()))
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
