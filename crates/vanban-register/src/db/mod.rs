//! The two backends behind one small interface: SQL with `?` parameters
//! (always bound, never spliced), values that are integers or text, and
//! transactions that retry a busy database within a bounded wait. Every
//! statement the register runs is written once and runs on both.

pub(crate) mod postgres;
pub(crate) mod sqlite;

use std::time::Duration;

use crate::error::{Error, Result};

/// A parameter or a column: the register stores only integers and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    Int(Option<i64>),
    Text(Option<String>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Some(v))
    }
}

impl From<i32> for Value {
    fn from(v: i32) -> Value {
        Value::Int(Some(i64::from(v)))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(Some(v.to_owned()))
    }
}

impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(Some(v))
    }
}

impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(Some(v.clone()))
    }
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Value {
        Value::Text(v)
    }
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Value {
        Value::Int(v)
    }
}

/// One result row.
#[derive(Clone, Debug)]
pub(crate) struct Row(pub Vec<Value>);

impl Row {
    pub fn int(&self, i: usize) -> i64 {
        self.opt_int(i).unwrap_or(0)
    }

    pub fn opt_int(&self, i: usize) -> Option<i64> {
        match self.0.get(i) {
            Some(Value::Int(v)) => *v,
            Some(Value::Text(Some(t))) => t.parse().ok(),
            _ => None,
        }
    }

    pub fn text(&self, i: usize) -> String {
        self.opt_text(i).unwrap_or_default()
    }

    pub fn opt_text(&self, i: usize) -> Option<String> {
        match self.0.get(i) {
            Some(Value::Text(v)) => v.clone(),
            Some(Value::Int(Some(v))) => Some(v.to_string()),
            _ => None,
        }
    }
}

/// Which database, and how long a locked one is waited for.
#[derive(Clone, Debug)]
pub struct Settings {
    pub read_only: bool,
    /// The longest wait for a lock held by another process.
    pub busy_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            read_only: false,
            busy_timeout: Duration::from_secs(30),
        }
    }
}

/// An open connection.
pub(crate) enum Conn {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

/// A transaction under way; dropped without `commit` it rolls back.
pub(crate) enum Tx<'a> {
    Sqlite(rusqlite::Transaction<'a>, &'a str),
    Postgres(::postgres::Transaction<'a>, &'a str),
}

impl Conn {
    pub fn target(&self) -> &str {
        match self {
            Conn::Sqlite(c) => &c.target,
            Conn::Postgres(c) => &c.target,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Conn::Sqlite(_) => "SQLite",
            Conn::Postgres(_) => "PostgreSQL",
        }
    }

    /// Runs `f` in one transaction that takes the write lock at once
    /// (SQLite `BEGIN IMMEDIATE`; PostgreSQL row locks), commits when it
    /// returns `Ok`, rolls back otherwise.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Conn::Sqlite(c) => c.write(f),
            Conn::Postgres(c) => c.write(f),
        }
    }

    /// Runs `f` in a read transaction (one consistent snapshot).
    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        match self {
            Conn::Sqlite(c) => c.read(f),
            Conn::Postgres(c) => c.read(f),
        }
    }
}

impl Tx<'_> {
    /// Runs a statement; returns the rows it changed.
    pub fn exec(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
        match self {
            Tx::Sqlite(tx, target) => sqlite::exec(tx, target, sql, params),
            Tx::Postgres(tx, target) => postgres::exec(tx, target, sql, params),
        }
    }

    /// Runs a query; returns every row.
    pub fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match self {
            Tx::Sqlite(tx, target) => sqlite::query(tx, target, sql, params),
            Tx::Postgres(tx, target) => postgres::query(tx, target, sql, params),
        }
    }

    pub fn query_one(&mut self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }

    /// Runs several statements without parameters (migrations).
    pub fn batch(&mut self, sql: &str) -> Result<()> {
        match self {
            Tx::Sqlite(tx, target) => tx.execute_batch(sql).map_err(|e| sqlite::error(target, e)),
            Tx::Postgres(tx, target) => tx
                .batch_execute(sql)
                .map_err(|e| postgres::error(target, e)),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Tx::Postgres(..))
    }
}

/// Whether a statement was refused by a unique constraint (the caller
/// names the entry that holds the value).
pub(crate) fn is_conflict(error: &Error) -> bool {
    matches!(error, Error::Conflict { .. })
}
