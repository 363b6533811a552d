//! vanban: Vietnamese administrative documents (văn bản hành chính) laid out
//! as Decree 30/2020/NĐ-CP requires.
//!
//! This crate holds the model, the input and its validation, the Vietnamese
//! writing rules, the Markdown body, the style sheet and the page
//! composition ([`compose`]) that both backends (`vanban-docx`, `vanban-pdf`)
//! turn into bytes.

pub mod body;
pub mod compose;
pub mod date;
pub mod error;
pub mod input;
pub mod kind;
pub mod metrics;
pub mod model;
pub mod source;
pub mod style;
pub mod template;
pub mod validate;
pub mod vn;

use std::path::Path;

pub use date::Date;
pub use error::{InputError, Problem};
pub use input::Input;
pub use kind::Kind;
pub use model::Document;
pub use source::Format;
pub use style::Style;

impl Document {
    /// Reads and validates an input file (`.yaml`, `.yml`, `.json`, `.toml`).
    /// Every problem is reported, each with its field path, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Document, InputError> {
        let path = path.as_ref();
        let (input, text, format) = source::read_file(path)?;
        Document::from_located_input(&input, &text, format)
            .map_err(|e| e.in_file(path.display().to_string()))
    }

    /// Reads and validates input text in a given format.
    pub fn from_text(text: &str, format: Format) -> Result<Document, InputError> {
        let input = source::parse(text, format)?;
        Document::from_located_input(&input, text, format)
    }

    /// Validates an input built in code (e.g. from Python); problems have paths
    /// but no lines.
    pub fn from_input(input: &Input) -> Result<Document, InputError> {
        validate::validate(input, None).map_err(InputError::new)
    }

    fn from_located_input(
        input: &Input,
        text: &str,
        format: Format,
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
        validate::validate(input, body_offset).map_err(|problems| {
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
