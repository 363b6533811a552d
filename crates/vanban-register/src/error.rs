//! What can go wrong with a register; every message names the database, the
//! entry or the field concerned.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A database file or URL that is not a vanban register, or one vanban
    /// must not touch (foreign, newer, corrupt). Nothing was written.
    #[error("{target}: {why}")]
    Refused { target: String, why: String },
    /// The database stayed locked by others longer than the bounded wait.
    #[error("{target}: the register is busy (locked by another clerk or process for more than {seconds} s); try again")]
    Busy { target: String, seconds: u64 },
    /// A write asked of a register opened with `--read-only`.
    #[error("{0}: opened read-only; this would change the register")]
    ReadOnly(String),
    /// A number (and symbol) already held by an entry of the same year.
    #[error("number {number}/{symbol} of {year} is already held by entry {held_by}")]
    Taken {
        year: i32,
        number: i64,
        symbol: String,
        held_by: String,
    },
    /// The same received file twice.
    #[error("{file}: already received as incoming number {incoming_number} of {year} on {received_on} (same SHA-256)")]
    AlreadyReceived {
        file: String,
        year: i32,
        incoming_number: i64,
        received_on: String,
    },
    /// The entry was recorded but its files could not be written.
    #[error("entry {entry} is recorded, but its files were not written: {message}; `vanban register render` writes them again")]
    RenderFailed { entry: String, message: String },
    /// No entry with that id / number.
    #[error("no entry {0} in the register")]
    NotFound(String),
    /// A request the register cannot honour (named field, why).
    #[error("{0}")]
    Invalid(String),
    /// The document (input) is not valid.
    #[error("{0}")]
    Input(#[from] vanban::InputError),
    /// Rendering or writing the files failed.
    #[error("{0}")]
    Output(#[from] vanban_output::Error),
    /// A file that could not be read.
    #[error("{}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A row refused by one of the register's unique constraints.
    #[error("{target}: {message}")]
    Conflict { target: String, message: String },
    /// The database itself failed (message from SQLite or PostgreSQL).
    #[error("{target}: database error: {message}")]
    Database { target: String, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
