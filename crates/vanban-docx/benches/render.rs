//! DOCX rendering speed: the seed plan (Kế hoạch 1026/KH-VP) to bytes.
//! `cargo bench -p vanban-docx --bench render`

use criterion::{criterion_group, criterion_main, Criterion};

fn seed() -> vanban::Document {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/ke-hoach-1026.yaml"
    );
    vanban::Document::from_path(path).expect("the seed example is valid")
}

fn render(c: &mut Criterion) {
    let doc = seed();
    let bytes = vanban_docx::to_docx(&doc).unwrap();
    eprintln!("seed DOCX: {} bytes", bytes.len());
    c.bench_function("seed plan to DOCX bytes", |b| {
        b.iter(|| vanban_docx::to_docx(std::hint::black_box(&doc)).unwrap())
    });
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/ke-hoach-1026.yaml"
    ))
    .unwrap();
    c.bench_function("seed plan YAML to Document", |b| {
        b.iter(|| vanban::Document::from_text(std::hint::black_box(&text), vanban::Format::Yaml))
    });
}

criterion_group!(benches, render);
criterion_main!(benches);
