//! A database that is not a vanban register this version can read is
//! refused, and left exactly as it was.

mod common;

use vanban_register::{Register, RegisterSettings, Settings};

fn digest(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn refused(db: &std::path::Path, expect: &str) {
    let before = digest(db);
    let err = Register::open(&db.display().to_string(), &Settings::default())
        .err()
        .unwrap_or_else(|| panic!("{} was opened", db.display()))
        .to_string();
    assert!(err.contains(expect), "{err}");
    assert!(err.contains("left untouched"), "{err}");
    assert_eq!(digest(db), before, "{} was changed", db.display());
    let wal = format!("{}-wal", db.display());
    assert!(
        !std::path::Path::new(&wal).exists(),
        "a WAL file was made beside it"
    );
}

#[test]
fn foreign_newer_and_damaged_sqlite_files_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // A text file.
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "Sổ ghi chép, không phải sổ đăng ký\n".repeat(10)).unwrap();
    refused(&text, "not a vanban register");
    // Another application's SQLite database.
    let other = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    refused(&other, "another application");
    // A register from a newer vanban (its header's schema version raised).
    let newer = dir.path().join("newer.db");
    let url = newer.display().to_string();
    drop(Register::init(&url, &RegisterSettings::default(), &Settings::default()).unwrap());
    let mut bytes = std::fs::read(&newer).unwrap();
    bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
    std::fs::write(&newer, &bytes).unwrap();
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{url}{side}"));
    }
    refused(&newer, "newer vanban");
    // A damaged header.
    let damaged = dir.path().join("damaged.db");
    bytes[0..6].copy_from_slice(b"XXXXXX");
    std::fs::write(&damaged, &bytes).unwrap();
    refused(&damaged, "header is damaged");
    // init never overwrites a file.
    let err = Register::init(
        &text.display().to_string(),
        &RegisterSettings::default(),
        &Settings::default(),
    )
    .err()
    .unwrap()
    .to_string();
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn a_postgresql_database_without_a_register_is_refused() {
    let Some(cluster) = common::pg::start("refusal") else {
        return;
    };
    let url = cluster.new_database();
    let err = Register::open(&url, &Settings::default())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("not a vanban register"), "{err}");
    drop(Register::init(&url, &RegisterSettings::default(), &Settings::default()).unwrap());
    let err = Register::init(&url, &RegisterSettings::default(), &Settings::default())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("already holds a vanban register"), "{err}");
    // A newer schema is refused.
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE vanban_meta SET value = '99' WHERE key = 'schema_version'")
        .unwrap();
    let err = Register::open(&url, &Settings::default())
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("newer vanban"), "{err}");
    // Passwords never appear in messages.
    let wrong = format!(
        "postgres://vanban:hunter2@127.0.0.1:{}/no_such_db",
        cluster.port
    );
    let err = Register::open(&wrong, &Settings::default())
        .err()
        .unwrap()
        .to_string();
    assert!(
        !err.contains("hunter2") && err.contains("no_such_db"),
        "{err}"
    );
}
