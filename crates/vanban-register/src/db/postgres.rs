//! PostgreSQL, for an office's shared server, through the synchronous
//! `postgres` client. Allocation takes a row lock on the sequence, so
//! clerks at once are served one after the other; a lock held longer than
//! the bounded wait is a clear `Busy` error.

use std::time::Duration;

use postgres::error::SqlState;
use postgres::types::{ToSql, Type};
use postgres::{Client, IsolationLevel, NoTls};
use vanban_i18n::{msg, Message};

use super::{Row, Settings, Tx, Value};
use crate::error::{Error, Result};

pub(crate) struct Postgres {
    client: Client,
    pub target: String,
    busy: Duration,
}

impl Postgres {
    pub fn connect(url: &str, settings: &Settings) -> Result<Postgres> {
        let target = redact(url);
        let mut client = Client::connect(url, NoTls).map_err(|e| Error::Database {
            target: target.clone(),
            message: msg!("register-cannot-connect", reason = message(&e)),
        })?;
        let millis = settings.busy_timeout.as_millis().max(1);
        let mut setup = format!(
            "SET lock_timeout = {millis}; SET client_min_messages = warning; SET TIME ZONE 'UTC';"
        );
        if settings.read_only {
            setup.push_str(" SET default_transaction_read_only = on;");
        }
        client
            .batch_execute(&setup)
            .map_err(|e| error(&target, e))?;
        Ok(Postgres {
            client,
            target,
            busy: settings.busy_timeout,
        })
    }

    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.run(f)
    }

    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        self.run(f)
    }

    fn run<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let target = self.target.clone();
        let busy = self.busy;
        let tx = self
            .client
            .build_transaction()
            .isolation_level(IsolationLevel::ReadCommitted)
            .start()
            .map_err(|e| busy_or(&target, busy, e))?;
        let mut tx = Tx::Postgres(tx, &target);
        let value = f(&mut tx).map_err(|e| match e {
            Error::Busy { target, .. } => Error::Busy {
                target,
                seconds: busy.as_secs(),
            },
            other => other,
        })?;
        let Tx::Postgres(tx, _) = tx else {
            unreachable!("a PostgreSQL connection makes PostgreSQL transactions")
        };
        tx.commit().map_err(|e| busy_or(&target, busy, e))?;
        Ok(value)
    }
}

/// The URL without its password, to name the database in messages.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_owned(),
    }
}

/// `?` placeholders as PostgreSQL's `$1`, `$2` … (the register's SQL has
/// no `?` inside literals).
fn numbered(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push('$');
            out.push_str(&n.to_string());
        } else {
            out.push(c);
        }
    }
    out
}

fn bind(params: &[Value]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|v| -> Box<dyn ToSql + Sync> {
            match v {
                Value::Int(i) => Box::new(*i),
                Value::Text(t) => Box::new(t.clone()),
            }
        })
        .collect()
}

fn refs(boxed: &[Box<dyn ToSql + Sync>]) -> Vec<&(dyn ToSql + Sync)> {
    boxed.iter().map(|b| b.as_ref()).collect()
}

pub(crate) fn exec(
    tx: &mut postgres::Transaction<'_>,
    target: &str,
    sql: &str,
    params: &[Value],
) -> Result<u64> {
    let boxed = bind(params);
    tx.execute(numbered(sql).as_str(), &refs(&boxed))
        .map_err(|e| error(target, e))
}

pub(crate) fn query(
    tx: &mut postgres::Transaction<'_>,
    target: &str,
    sql: &str,
    params: &[Value],
) -> Result<Vec<Row>> {
    let boxed = bind(params);
    let rows = tx
        .query(numbered(sql).as_str(), &refs(&boxed))
        .map_err(|e| error(target, e))?;
    rows.iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    let ty = row.columns()[i].type_();
                    let value = if *ty == Type::INT8 {
                        row.try_get::<_, Option<i64>>(i).map(Value::Int)
                    } else if *ty == Type::INT4 {
                        row.try_get::<_, Option<i32>>(i)
                            .map(|v| Value::Int(v.map(i64::from)))
                    } else if *ty == Type::INT2 {
                        row.try_get::<_, Option<i16>>(i)
                            .map(|v| Value::Int(v.map(i64::from)))
                    } else {
                        row.try_get::<_, Option<String>>(i).map(Value::Text)
                    };
                    value.map_err(|e| error(target, e))
                })
                .collect::<Result<Vec<Value>>>()
                .map(Row)
        })
        .collect()
}

fn busy_or(target: &str, busy: Duration, e: postgres::Error) -> Error {
    match error(target, e) {
        Error::Busy { target, .. } => Error::Busy {
            target,
            seconds: busy.as_secs(),
        },
        other => other,
    }
}

fn message(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(db) => db.message().to_owned(),
        None => e.to_string(),
    }
}

/// PostgreSQL's error as the register's.
pub(crate) fn error(target: &str, e: postgres::Error) -> Error {
    let target = target.to_owned();
    let text = message(&e);
    match e.code() {
        Some(code) if *code == SqlState::UNIQUE_VIOLATION => Error::Conflict {
            target,
            message: text,
        },
        Some(code)
            if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED =>
        {
            Error::Busy { target, seconds: 0 }
        }
        Some(code) if *code == SqlState::READ_ONLY_SQL_TRANSACTION => Error::ReadOnly(target),
        _ => Error::Database {
            target,
            message: Message::text(text),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_numbered_in_order() {
        assert_eq!(
            numbered("UPDATE s SET last = last + 1 WHERE year = ? AND name = ?"),
            "UPDATE s SET last = last + 1 WHERE year = $1 AND name = $2"
        );
    }

    #[test]
    fn passwords_never_reach_messages() {
        assert_eq!(
            redact("postgres://clerk:secret@db.local:5432/register"),
            "postgres://clerk@db.local:5432/register"
        );
        assert_eq!(
            redact("postgres://db.local/register"),
            "postgres://db.local/register"
        );
    }
}
