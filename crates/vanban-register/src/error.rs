//! What can go wrong with a register; every message names the database, the
//! entry or the field concerned, as a catalogue message (`register.ftl`)
//! shown in the language asked for.

use std::fmt;
use std::path::PathBuf;

use vanban_i18n::{language, msg, Lang, Message};

#[derive(Debug)]
pub enum Error {
    /// A database file or URL that is not a vanban register, or one vanban
    /// must not touch (foreign, newer, corrupt). Nothing was written.
    Refused { target: String, why: Message },
    /// The database stayed locked by others longer than the bounded wait.
    Busy { target: String, seconds: u64 },
    /// A write asked of a register opened with `--read-only`.
    ReadOnly(String),
    /// A number (and symbol) already held by an entry of the same year.
    Taken {
        year: i32,
        number: i64,
        symbol: String,
        held_by: Message,
    },
    /// The same received file twice.
    AlreadyReceived {
        file: String,
        year: i32,
        incoming_number: i64,
        received_on: String,
    },
    /// The entry was recorded but its files could not be written.
    RenderFailed { entry: Message, message: Message },
    /// No entry with that id / number.
    NotFound(String),
    /// A request the register cannot honour (named field, why).
    Invalid(Message),
    /// Every problem of a file to import, each naming its row.
    Problems(Vec<Message>),
    /// The document (input) is not valid.
    Input(vanban::InputError),
    /// Rendering or writing the files failed.
    Output(vanban_output::Error),
    /// A file that could not be read.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A row refused by one of the register's unique constraints (the
    /// database's own words).
    Conflict { target: String, message: String },
    /// The database itself failed.
    Database { target: String, message: Message },
}

impl Error {
    /// What to tell the user, as a catalogue message (the match is checked
    /// by the compiler: a new variant has no words until it is given some).
    pub fn message(&self) -> Message {
        match self {
            Error::Refused { target, why } => {
                msg!("register-refused", target = target, why = why)
            }
            Error::Busy { target, seconds } => {
                msg!("register-busy", target = target, seconds = *seconds)
            }
            Error::ReadOnly(target) => msg!("register-read-only", target = target),
            Error::Taken {
                year,
                number,
                symbol,
                held_by,
            } => msg!(
                "register-taken",
                number = *number,
                symbol = symbol,
                year = *year,
                held_by = held_by
            ),
            Error::AlreadyReceived {
                file,
                year,
                incoming_number,
                received_on,
            } => msg!(
                "register-already-received",
                file = file,
                number = *incoming_number,
                year = *year,
                date = received_on
            ),
            Error::RenderFailed { entry, message } => {
                msg!("register-render-failed", entry = entry, reason = message)
            }
            Error::NotFound(entry) => msg!("register-not-found", entry = entry),
            Error::Invalid(message) => message.clone(),
            Error::Output(output) => output.message(),
            // A list is one text, in the process's language; `display_in`
            // puts each problem into the language asked for.
            Error::Problems(_) | Error::Input(_) => Message::text(self.display_in(language())),
            Error::Io { path, source } => msg!(
                "path-reason",
                path = path.display().to_string(),
                reason = source.to_string()
            ),
            Error::Conflict { target, message } => {
                msg!("register-conflict", target = target, reason = message)
            }
            Error::Database { target, message } => {
                msg!("register-database", target = target, reason = message)
            }
        }
    }

    /// The error as shown, in `lang` (a list of problems one a line).
    pub fn display_in(&self, lang: Lang) -> String {
        match self {
            Error::Problems(problems) => problems
                .iter()
                .map(|p| p.render(lang))
                .collect::<Vec<_>>()
                .join("\n"),
            Error::Input(input) => input.display_in(lang),
            Error::Output(output) => output.display_in(lang),
            _ => self.message().render(lang),
        }
    }
}

/// In the process's language ([`vanban_i18n::set_language`]): English
/// unless the program asked for another.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(language()))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Input(e) => Some(e),
            Error::Output(e) => Some(e),
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<vanban::InputError> for Error {
    fn from(e: vanban::InputError) -> Error {
        Error::Input(e)
    }
}

impl From<vanban_output::Error> for Error {
    fn from(e: vanban_output::Error) -> Error {
        Error::Output(e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests;
