//! SQLite, embedded: a file beside the office's documents, in WAL mode (one
//! writer, readers never blocked). A file is checked from its header bytes
//! before SQLite opens it, so a foreign, newer or corrupt file is refused
//! untouched.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{ffi, OpenFlags, TransactionBehavior};
use vanban_i18n::{msg, Message};

use super::{Row, Settings, Tx, Value};
use crate::error::{Error, Result};
use crate::schema;

pub(crate) struct Sqlite {
    conn: rusqlite::Connection,
    pub target: String,
    busy: Duration,
}

/// What a register file's header must hold.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

impl Sqlite {
    /// Creates a new register file; an existing file is refused.
    pub fn create(path: &Path, settings: &Settings) -> Result<Sqlite> {
        let target = path.display().to_string();
        if path.exists() {
            return Err(Error::Refused {
                target,
                why: msg!("register-file-exists"),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            rusqlite::Connection::open_with_flags(path, flags).map_err(|e| error(&target, e))?;
        let db = Sqlite::configure(conn, target, settings)?;
        db.conn
            .pragma_update(None, "application_id", schema::SQLITE_APPLICATION_ID)
            .map_err(|e| error(&db.target, e))?;
        db.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| error(&db.target, e))?;
        Ok(db)
    }

    /// Opens an existing register file after checking its header.
    pub fn open(path: &Path, settings: &Settings) -> Result<Sqlite> {
        let target = path.display().to_string();
        check_header(path)?;
        let mut flags = OpenFlags::SQLITE_OPEN_NO_MUTEX;
        flags |= if settings.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        let conn =
            rusqlite::Connection::open_with_flags(path, flags).map_err(|e| error(&target, e))?;
        Sqlite::configure(conn, target, settings)
    }

    fn configure(
        conn: rusqlite::Connection,
        target: String,
        settings: &Settings,
    ) -> Result<Sqlite> {
        conn.busy_timeout(settings.busy_timeout)
            .map_err(|e| error(&target, e))?;
        // NORMAL (WAL): a commit survives the process being killed, not
        // always a power cut; FULL syncs the disk at every commit.
        let synchronous = if settings.durable { "FULL" } else { "NORMAL" };
        conn.pragma_update(None, "synchronous", synchronous)
            .and_then(|()| conn.pragma_update(None, "foreign_keys", "ON"))
            .map_err(|e| error(&target, e))?;
        Ok(Sqlite {
            conn,
            target,
            busy: settings.busy_timeout,
        })
    }

    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let busy = self.busy;
        let target = self.target.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy_or(&target, busy, e))?;
        let mut tx = Tx::Sqlite(tx, &target);
        let value = f(&mut tx)?;
        let Tx::Sqlite(tx, _) = tx else {
            unreachable!("a SQLite connection makes SQLite transactions")
        };
        tx.commit().map_err(|e| busy_or(&target, busy, e))?;
        Ok(value)
    }

    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let busy = self.busy;
        let target = self.target.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)
            .map_err(|e| busy_or(&target, busy, e))?;
        let mut tx = Tx::Sqlite(tx, &target);
        f(&mut tx)
    }
}

fn busy_or(target: &str, busy: Duration, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            Error::Busy {
                target: target.to_owned(),
                seconds: busy.as_secs(),
            }
        }
        _ => error(target, e),
    }
}

/// Reads a file's first 100 bytes (SQLite's header) and refuses anything
/// that is not a vanban register this version can read.
pub(crate) fn check_header(path: &Path) -> Result<()> {
    let target = path.display().to_string();
    let refuse = |why: Message| Error::Refused {
        target: target.clone(),
        why,
    };
    let mut file = std::fs::File::open(path).map_err(|e| Error::Io {
        path: PathBuf::from(path),
        source: e,
    })?;
    let mut header = Vec::with_capacity(100);
    (&mut file)
        .take(100)
        .read_to_end(&mut header)
        .map_err(|e| Error::Io {
            path: PathBuf::from(path),
            source: e,
        })?;
    if header.len() < 100 || &header[..16] != MAGIC {
        return Err(refuse(msg!("register-not-sqlite")));
    }
    let be = |at: usize| {
        u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]])
    };
    let application_id = be(68) as i32;
    if application_id != schema::SQLITE_APPLICATION_ID {
        return Err(refuse(msg!(
            "register-foreign-sqlite",
            id = format!("{application_id:#x}")
        )));
    }
    let version = be(60);
    if version > schema::VERSION {
        return Err(refuse(msg!(
            "register-newer",
            version = version,
            supported = schema::VERSION
        )));
    }
    Ok(())
}

fn bind(params: &[Value]) -> Vec<rusqlite::types::Value> {
    params
        .iter()
        .map(|v| match v {
            Value::Int(Some(i)) => rusqlite::types::Value::Integer(*i),
            Value::Text(Some(t)) => rusqlite::types::Value::Text(t.clone()),
            Value::Int(None) | Value::Text(None) => rusqlite::types::Value::Null,
        })
        .collect()
}

pub(crate) fn exec(
    tx: &rusqlite::Transaction<'_>,
    target: &str,
    sql: &str,
    params: &[Value],
) -> Result<u64> {
    tx.execute(sql, rusqlite::params_from_iter(bind(params)))
        .map(|n| n as u64)
        .map_err(|e| error(target, e))
}

pub(crate) fn query(
    tx: &rusqlite::Transaction<'_>,
    target: &str,
    sql: &str,
    params: &[Value],
) -> Result<Vec<Row>> {
    let mut statement = tx.prepare_cached(sql).map_err(|e| error(target, e))?;
    let columns = statement.column_count();
    let rows = statement
        .query_map(rusqlite::params_from_iter(bind(params)), |row| {
            (0..columns)
                .map(|i| {
                    Ok(match row.get_ref(i)? {
                        rusqlite::types::ValueRef::Integer(v) => Value::Int(Some(v)),
                        rusqlite::types::ValueRef::Text(t) => {
                            Value::Text(Some(String::from_utf8_lossy(t).into_owned()))
                        }
                        rusqlite::types::ValueRef::Real(r) => Value::Int(Some(r as i64)),
                        rusqlite::types::ValueRef::Null => Value::Text(None),
                        rusqlite::types::ValueRef::Blob(_) => Value::Text(None),
                    })
                })
                .collect::<rusqlite::Result<Vec<Value>>>()
                .map(Row)
        })
        .map_err(|e| error(target, e))?;
    rows.collect::<rusqlite::Result<Vec<Row>>>()
        .map_err(|e| error(target, e))
}

/// SQLite's error as the register's: constraint → `Conflict`, corrupt →
/// `Refused`, busy → `Busy`, else the message.
pub(crate) fn error(target: &str, e: rusqlite::Error) -> Error {
    let target = target.to_owned();
    if let rusqlite::Error::SqliteFailure(failure, message) = &e {
        let message = message.clone().unwrap_or_else(|| failure.to_string());
        match failure.extended_code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => {
                return Error::Conflict { target, message }
            }
            _ => {}
        }
        match failure.code {
            rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase => {
                return Error::Refused {
                    target,
                    why: msg!("register-damaged", reason = message),
                }
            }
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                return Error::Busy { target, seconds: 0 }
            }
            rusqlite::ErrorCode::ReadOnly => return Error::ReadOnly(target),
            _ => {}
        }
    }
    Error::Database {
        target,
        message: Message::text(e.to_string()),
    }
}
