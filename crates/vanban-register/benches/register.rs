//! The register's speed: allocating and recording numbers on SQLite (target
//! ≥ 1,000 a second), and issuing (number, record, render, write) against a
//! plain render and write of the same document (target: within 10 %).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use vanban_register::{IssueOptions, NewEntry, Register, RegisterSettings, Settings};

fn seed() -> (vanban::Input, vanban::Document) {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    let text = std::fs::read_to_string(&path).expect("the seed example");
    let mut input = vanban::source::parse(&text, vanban::Format::Yaml).expect("parses");
    input.number = None;
    let doc = vanban::Document::from_input(&input).expect("valid");
    (input, doc)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db").display().to_string();
    let mut reg = Register::init(&db, &RegisterSettings::default(), &Settings::default()).unwrap();
    let entry = NewEntry {
        kind: "ke-hoach".into(),
        symbol: "KH-VP".into(),
        summary: "Tuyên truyền".into(),
        signer: "Đoàn Minh Long".into(),
        ..NewEntry::default()
    };
    c.bench_function("allocate and record one number (SQLite)", |b| {
        b.iter(|| black_box(reg.record(&entry).unwrap().number))
    });
    let durable = dir.path().join("durable.db").display().to_string();
    let settings = Settings {
        durable: true,
        ..Settings::default()
    };
    let mut synced = Register::init(&durable, &RegisterSettings::default(), &settings).unwrap();
    c.bench_function("allocate and record one number (SQLite, --durable)", |b| {
        b.iter(|| black_box(synced.record(&entry).unwrap().number))
    });
    let (input, doc) = seed();
    let out = dir.path().join("out");
    let formats = vanban_output::Format::ALL;
    let options = vanban_output::Options::default();
    // Each render writes new files, as issue does (no file replaced).
    let mut n = 0u64;
    c.bench_function("plain render and write (DOCX+PDF)", |b| {
        b.iter(|| {
            n += 1;
            vanban_output::write_document(&doc, &out, &format!("plain-{n}"), &formats, &options)
                .unwrap()
        })
    });
    let issue = IssueOptions::new(&out);
    c.bench_function("issue: number, record, render, write (DOCX+PDF)", |b| {
        b.iter(|| black_box(reg.issue(&input, &doc, &issue).unwrap().number))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
