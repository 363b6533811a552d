//! What can go wrong when rendering and writing; each error names the file or
//! the option concerned.

use std::path::PathBuf;

use crate::format::Format;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An output format name that is not `docx` or `pdf`.
    #[error("unknown format `{0}` (use docx, pdf)")]
    UnknownFormat(String),
    /// An empty list of formats.
    #[error("no output format given")]
    NoFormat,
    /// A path whose suffix names no format.
    #[error("{}: give the file a .docx or .pdf suffix", .0.display())]
    NoSuffix(PathBuf),
    /// Font files that cannot be read or used.
    #[error("fonts: {0}")]
    Fonts(String),
    /// Style options outside the decree's ranges (each problem names its field).
    #[error("{}", .0.join("; "))]
    Style(Vec<String>),
    /// The document cannot be shown as it is (a character the fonts lack):
    /// the input's fault, each problem naming its field.
    #[error("{0}")]
    Refused(vanban::InputError),
    /// A backend failed on this document.
    #[error("cannot render {format}: {message}")]
    Render { format: Format, message: String },
    /// A file or folder that could not be written.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
