//! vanban's registers (sổ đăng ký văn bản): the office's outgoing and
//! incoming books, kept in SQLite (a file, by default) or PostgreSQL (a
//! `postgres://` URL), one schema and one implementation for both.
//!
//! - [`Register`]: open by path or URL ([`Register::open`], [`Register::init`]);
//! - numbering by Decree 30 Art. 15 ([`register`]): shared or per-kind
//!   sequences, advisory bodies and secret documents in their own, copies
//!   ([`copy`]) in one per year, incoming numbers ([`incoming`]) in one per
//!   year; the year is Vietnam's calendar year ([`clock`]);
//! - [`issue`]: number, record, render — a number exists only as a
//!   committed entry;
//! - [`lookup`]: list, search, void, verify.

pub mod book;
pub mod clock;
pub mod copy;
mod db;
pub mod entry;
pub mod error;
pub mod import;
pub mod incoming;
pub mod issue;
pub mod lookup;
pub mod receive;
pub mod register;
mod schema;

pub use clock::{Clock, FixedClock, SystemClock};
pub use copy::{CopyKind, CopyRequest};
pub use db::Settings;
pub use entry::{Book, Entry, FileRecord, IncomingEntry, RenderStatus, Status};
pub use error::{Error, Result};
pub use incoming::Received;
pub use issue::IssueOptions;
pub use lookup::{EntryRef, FileCheck, Filter};
pub use register::{Info, NewEntry, Register, RegisterSettings, Scheme, SequenceState, Target};
pub use schema::VERSION as SCHEMA_VERSION;
