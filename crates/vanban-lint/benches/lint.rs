//! Linting the 4-page seed plan, as DOCX and as PDF (target ≤ 10 ms each).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn seed() -> vanban::Document {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    vanban::Document::from_path(&path).expect("the seed example is valid")
}

fn lint(c: &mut Criterion) {
    let doc = seed();
    let docx = vanban_docx::to_docx(&doc).unwrap();
    let pdf = vanban_pdf::to_pdf(&doc).unwrap();
    let pages = vanban_lint::lint(&pdf).expect("a readable PDF").pages;
    assert_eq!(pages, Some(4), "the seed plan is four pages long");
    c.bench_function("lint the 4-page seed plan (DOCX)", |b| {
        b.iter(|| vanban_lint::lint(black_box(&docx)).expect("a readable DOCX"))
    });
    c.bench_function("lint the 4-page seed plan (PDF)", |b| {
        b.iter(|| vanban_lint::lint(black_box(&pdf)).expect("a readable PDF"))
    });
}

criterion_group!(benches, lint);
criterion_main!(benches);
