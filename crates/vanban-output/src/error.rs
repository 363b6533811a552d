//! What can go wrong when rendering and writing; each error names the file or
//! the option concerned.

use std::fmt;
use std::path::PathBuf;

use vanban_i18n::{language, msg, Lang, Message};

use crate::format::Format;

#[derive(Debug)]
pub enum Error {
    /// An output format name that is not `docx` or `pdf`.
    UnknownFormat(String),
    /// An empty list of formats.
    NoFormat,
    /// A path whose suffix names no format.
    NoSuffix(PathBuf),
    /// Font files that cannot be read or used.
    Fonts(Message),
    /// Style options outside the decree's ranges (each problem names its field).
    Style(Vec<String>),
    /// The document cannot be shown as it is (a character the fonts lack):
    /// the input's fault, each problem naming its field.
    Refused(vanban::InputError),
    /// A backend failed on this document.
    Render { format: Format, message: String },
    /// A file or folder that could not be written.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    /// What to tell the user, as a catalogue message (every variant has
    /// one: the match is checked by the compiler).
    pub fn message(&self) -> Message {
        match self {
            Error::UnknownFormat(name) => msg!("output-unknown-format", name = name),
            Error::NoFormat => msg!("output-no-format"),
            Error::NoSuffix(path) => msg!("output-no-suffix", path = path.display().to_string()),
            Error::Fonts(why) => msg!("output-fonts", reason = why),
            Error::Style(problems) => Message::text(problems.join("; ")),
            Error::Refused(input) => Message::text(input.to_string()),
            Error::Render { format, message } => msg!(
                "output-render",
                format = format.to_string(),
                reason = message
            ),
            Error::Io { path, source } => msg!(
                "output-io",
                path = path.display().to_string(),
                reason = source.to_string()
            ),
        }
    }

    /// The error as shown, in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        match self {
            Error::Refused(input) => input.display_in(lang),
            _ => self.message().render(lang),
        }
    }
}

/// In the process's language ([`vanban_i18n::set_language`]).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(language()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Refused(input) => Some(input),
            _ => None,
        }
    }
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant, one of each: a new variant fails to compile in
    /// `Error::message` until it has its words, and here until it is
    /// listed.
    fn one_of_each() -> Vec<Error> {
        let every = |e: &Error| match e {
            Error::UnknownFormat(_)
            | Error::NoFormat
            | Error::NoSuffix(_)
            | Error::Fonts(_)
            | Error::Style(_)
            | Error::Refused(_)
            | Error::Render { .. }
            | Error::Io { .. } => (),
        };
        let all = vec![
            Error::UnknownFormat("odt".into()),
            Error::NoFormat,
            Error::NoSuffix("a.txt".into()),
            Error::Fonts(msg!("fonts-four-files", count = 2)),
            Error::Style(vec!["style.preset: must be 13 or 14, not 12".into()]),
            Error::Refused(vanban::InputError::new(vec![vanban::Problem::new(
                "signer.name",
                msg!("field-required"),
            )])),
            Error::Render {
                format: Format::Pdf,
                message: "glyph".into(),
            },
            Error::Io {
                path: "out/a.pdf".into(),
                source: std::io::Error::other("disk full"),
            },
        ];
        all.iter().for_each(every);
        all
    }

    #[test]
    fn every_variant_has_catalogue_words() {
        for error in one_of_each() {
            match error.message() {
                Message::Id { id, .. } => {
                    assert!(vanban_i18n::exists(id), "{id}");
                    assert!(!error.display_in(Lang::Vi).contains(id), "{id}");
                }
                // Its words are its problems', each from the catalogue.
                Message::Text(_) => {}
            }
        }
        let refused = one_of_each().swap_remove(5);
        assert_eq!(refused.display_in(Lang::En), "signer.name: is required");
        assert_eq!(
            refused.display_in(Lang::Vi),
            "signer.name: là thông tin bắt buộc"
        );
        assert_eq!(
            Error::UnknownFormat("odt".into()).display_in(Lang::En),
            "unknown format `odt` (use docx, pdf)"
        );
    }
}
