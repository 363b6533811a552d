//! Data a template refuses whatever it would render: fields its closed
//! list does not document (with the name meant), fields the list requires
//! that are missing (even where a helper would pass over them), and a
//! `number` of 0, which `{{#if number}}` would turn into a blank slot.

use serde_json::Value;

use crate::closed::{self, Missing, Unknown};
use crate::file::TemplateFile;
use crate::{TemplateError, TemplateErrorKind};
use vanban_i18n::{msg, Message};

/// The data field holding the document's number in the register.
pub(super) const NUMBER: &str = "number";

/// What a template's data must not be, found before rendering.
pub(super) struct Refusals {
    /// Undocumented fields (a closed field list only).
    unknown: Vec<Unknown>,
    /// Required fields missing (a closed field list only).
    missing: Vec<Missing>,
    /// `number: 0` (a template that documents `number`).
    pub zero_number: bool,
}

impl Refusals {
    /// `extra`: data paths the caller allows beyond the template's list.
    pub fn of(file: &TemplateFile, data: &Value, extra: &[String]) -> Refusals {
        let (unknown, missing) = match file.closed {
            true => (
                closed::unknown_fields(&file.fields, data, extra),
                closed::missing_fields(&file.fields, data),
            ),
            false => (Vec::new(), Vec::new()),
        };
        let documents_number = file.fields.iter().any(|f| f.path == NUMBER);
        Refusals {
            unknown,
            missing,
            zero_number: documents_number && data.get(NUMBER).is_some_and(is_zero),
        }
    }

    /// What to refuse before rendering, in one error: every unknown field
    /// (the first as its path), else a `number` of 0.
    pub fn before_rendering(&self, name: &str) -> Option<TemplateError> {
        if let Some(first) = self.unknown.first() {
            let listed = join(self.unknown.iter().map(Unknown::describe));
            let message = msg!("refuse-no-such-field", fields = listed);
            return Some(bad(name, message, &first.path));
        }
        self.zero_number.then(|| zero_number(name))
    }

    /// What to refuse once the template rendered: every missing required
    /// field, in one error. (A missing field usually stops the rendering
    /// first, naming its line in the template.)
    pub fn after_rendering(&self, name: &str) -> Option<TemplateError> {
        let first = self.missing.first()?;
        let listed = join(self.missing.iter().map(describe_missing));
        let message = msg!("refuse-needed", fields = listed);
        Some(
            TemplateError::new(name, TemplateErrorKind::MissingData, message)
                .data(Some(first.path.clone())),
        )
    }

    /// Every refusal apart, each with its own path: unknown fields,
    /// missing fields, the number.
    pub fn each(&self, name: &str) -> Vec<TemplateError> {
        let unknown = self.unknown.iter().map(|u| {
            bad(
                name,
                msg!("refuse-no-such-field", fields = u.describe()),
                &u.path,
            )
        });
        let missing = self.missing.iter().map(|m| {
            TemplateError::new(
                name,
                TemplateErrorKind::MissingData,
                msg!("refuse-needed", fields = describe_missing(m)),
            )
            .data(Some(m.path.clone()))
        });
        let zero = self.zero_number.then(|| zero_number(name));
        unknown.chain(missing).chain(zero).collect()
    }

    /// Whether an error about `path` repeats a missing field of these.
    pub fn repeats_missing(&self, path: Option<&String>) -> bool {
        self.missing.iter().any(|m| Some(&m.path) == path)
    }
}

fn bad(name: &str, message: Message, path: &str) -> TemplateError {
    TemplateError::new(name, TemplateErrorKind::BadData, message).data(Some(path.to_string()))
}

fn zero_number(name: &str) -> TemplateError {
    bad(name, msg!("refuse-zero-number"), NUMBER)
}

/// "`year` (the year reported on, e.g. 2024)"
fn describe_missing(field: &Missing) -> Message {
    // The description is the template's own words, shown as written.
    match field.description.is_empty() {
        true => Message::text(format!("`{}`", field.path)),
        false => Message::text(format!("`{}` ({})", field.path, field.description)),
    }
}

/// Messages one after another, `; ` between them, each in the reader's
/// language.
fn join(messages: impl Iterator<Item = Message>) -> Message {
    let mut messages: Vec<Message> = messages.collect();
    let last = messages.pop().unwrap_or_else(|| Message::text(""));
    messages.into_iter().rev().fold(last, |tail, head| {
        msg!("list-then", head = head, tail = tail)
    })
}

/// `0`, `"0"` or `"00"`: a number that fills no register slot.
fn is_zero(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => {
            let s = s.trim();
            !s.is_empty() && s.chars().all(|c| c == '0')
        }
        _ => false,
    }
}
