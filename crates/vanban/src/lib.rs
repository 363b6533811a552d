//! vanban: Vietnamese administrative documents (văn bản hành chính) laid out
//! as Decree 30/2020/NĐ-CP requires.
//!
//! This crate holds the model, the input and its validation, the Vietnamese
//! writing rules, the Markdown body, the style sheet and the page
//! composition ([`compose`]) that both backends (`vanban-docx`, `vanban-pdf`)
//! turn into bytes.

pub mod body;
pub mod compose;
pub mod copy;
pub mod coverage;
pub mod date;
pub mod derive;
pub mod error;
pub mod image;
pub mod input;
pub mod kind;
pub mod limits;
pub mod metrics;
pub mod model;
pub mod pictures;
pub mod preamble;
pub mod source;
pub mod style;
pub mod validate;
pub mod vn;
pub mod zip_limits;

use std::path::Path;

pub use date::Date;
pub use error::{InputError, Problem};
pub use input::Input;
pub use kind::Kind;
pub use limits::Limits;
pub use model::Document;
pub use source::Format;
pub use style::Style;

/// How input is read: within [`Limits`], and, when `fonts` is given, for
/// those fonts: a character they cannot show is a problem of its field
/// (see [`coverage::check_fields`]), reported with the others. The words
/// vanban adds itself are checked when the document is composed to be
/// rendered ([`coverage::check_composed`]), so a render composes once.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReadOptions<'a> {
    pub limits: Limits,
    pub fonts: Option<&'a metrics::FontSet>,
}

impl Document {
    /// Reads and validates an input file (`.yaml`, `.yml`, `.json`, `.toml`).
    /// Every problem is reported, each with its field path, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Document, InputError> {
        Document::from_path_with(path, &ReadOptions::default())
    }

    /// [`Document::from_path`] with limits and fonts.
    pub fn from_path_with(
        path: impl AsRef<Path>,
        options: &ReadOptions<'_>,
    ) -> Result<Document, InputError> {
        let path = path.as_ref();
        let (input, text, format) = source::read_file(path, &options.limits)?;
        let text = limits::strip_bom(&text);
        // Picture paths are relative to the input file.
        let base = path.parent().unwrap_or(Path::new(""));
        Document::from_located_input(&input, text, format, options, Some(base))
            .map_err(|e| e.in_file(path.display().to_string()))
    }

    /// Reads and validates input text in a given format.
    pub fn from_text(text: &str, format: Format) -> Result<Document, InputError> {
        Document::from_text_with(text, format, &ReadOptions::default())
    }

    /// [`Document::from_text`] with limits and fonts.
    pub fn from_text_with(
        text: &str,
        format: Format,
        options: &ReadOptions<'_>,
    ) -> Result<Document, InputError> {
        let text = limits::strip_bom(text);
        let input = source::parse_with(text, format, &options.limits)?;
        Document::from_located_input(&input, text, format, options, None)
    }

    /// [`Document::from_text_with`] for text read from a file in the folder
    /// `base`: picture paths are relative to it, as [`Document::from_path`]
    /// takes them, not to the working folder.
    pub fn from_text_in(
        text: &str,
        format: Format,
        options: &ReadOptions<'_>,
        base: &Path,
    ) -> Result<Document, InputError> {
        let text = limits::strip_bom(text);
        let input = source::parse_with(text, format, &options.limits)?;
        Document::from_located_input(&input, text, format, options, Some(base))
    }

    /// Validates an input built in code (e.g. from Python); problems have paths
    /// but no lines.
    pub fn from_input(input: &Input) -> Result<Document, InputError> {
        Document::from_input_with(input, &ReadOptions::default())
    }

    /// [`Document::from_input`] with limits and fonts.
    pub fn from_input_with(
        input: &Input,
        options: &ReadOptions<'_>,
    ) -> Result<Document, InputError> {
        let doc = validate::validate_with(input, None, &options.limits).map_err(InputError::new)?;
        match options.fonts {
            Some(fonts) => coverage::check_fields(&doc, fonts).map(|()| doc),
            None => Ok(doc),
        }
    }

    fn from_located_input(
        input: &Input,
        text: &str,
        format: Format,
        options: &ReadOptions<'_>,
        base: Option<&Path>,
    ) -> Result<Document, InputError> {
        let locator = source::Locator::new(text, format);
        // A block scalar's first line is the one after `body:`.
        let body_offset = locator.locate("body").map(|(line, _)| {
            let on_key_line = text.lines().nth(line - 1).is_some_and(|l| {
                let t = l.trim_start();
                t.starts_with("body:") || t.starts_with("body =")
            });
            if on_key_line {
                line + 1
            } else {
                line
            }
        });
        let checked =
            validate::validate_in(input, body_offset, &options.limits, base).and_then(|doc| {
                match options.fonts {
                    Some(fonts) => coverage::check_fields(&doc, fonts)
                        .map(|()| doc)
                        .map_err(|e| e.problems),
                    None => Ok(doc),
                }
            });
        checked.map_err(|problems| {
            let located = problems
                .into_iter()
                .map(|p| match locator.locate(&p.path) {
                    Some((line, column)) => p.at(line, column),
                    None => p,
                })
                .collect();
            InputError::new(located)
        })
    }
}
