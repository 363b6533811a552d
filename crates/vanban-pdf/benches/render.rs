//! Seed plan to PDF bytes (target ≤ 2 ms a document, ≤ 50 KB).

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn seed() -> vanban::Document {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    vanban::Document::from_path(&path).expect("the seed example is valid")
}

fn render(c: &mut Criterion) {
    let doc = seed();
    // The first render subsets and compresses the fonts; later ones reuse them.
    let start = std::time::Instant::now();
    let bytes = vanban_pdf::to_pdf(&doc).unwrap().len();
    eprintln!(
        "seed PDF: {bytes} bytes; first render (font subsetting included): {:?}",
        start.elapsed()
    );
    c.bench_function("seed plan to PDF", |b| {
        b.iter(|| vanban_pdf::to_pdf(black_box(&doc)).unwrap())
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
