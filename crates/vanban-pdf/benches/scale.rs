//! Cost linear in size (issue 12): one 200,000-character word to PDF
//! (≤ 0.1 s), a 1,000-page document to PDF (≤ 1 s), 100,000 body
//! paragraphs read, validated and checked against the fonts (`vanban
//! check`, ≤ 1 s). `benches/scale.sh` times the same through the CLI.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use vanban::metrics::FontSet;
use vanban::Format;
use vanban::Limits;
use vanban::{Document, ReadOptions};

/// A plan whose body is `body` (JSON, so any text is one string).
fn plan(body: &str) -> String {
    serde_json::json!({
        "kind": "ke-hoach",
        "issuer": {"name": "VĂN PHÒNG", "abbreviation": "VP"},
        "number": 1026,
        "place": "Tây Ninh",
        "date": "2024-03-08",
        "summary": "Tuyên truyền các phong trào thi đua yêu nước năm 2024",
        "signer": {"title": "CHÁNH VĂN PHÒNG", "name": "Đoàn Minh Long"},
        "body": body,
    })
    .to_string()
}

fn options() -> ReadOptions<'static> {
    ReadOptions {
        limits: Limits {
            max_field_chars: usize::MAX,
            max_file_bytes: u64::MAX,
            ..Limits::default()
        },
        fonts: Some(FontSet::liberation_serif()),
    }
}

fn read(text: &str) -> Document {
    Document::from_text_with(text, Format::Json, &options()).expect("a valid plan")
}

/// About three lines of 14 pt text: ten make a page.
const SENTENCE: &str = "Tuyên truyền sâu rộng để công chức, viên chức, người lao động thuộc \
    Văn phòng nhận thức sâu sắc về tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh; chủ \
    trương, đường lối của Đảng; chính sách, pháp luật của Nhà nước về thi đua, khen thưởng.";

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("scale");
    group.sample_size(10);

    let word = read(&plan(&"Đ".repeat(200_000)));
    group.bench_function("one 200,000-character word to PDF", |b| {
        b.iter(|| vanban_pdf::to_pdf(black_box(&word)).unwrap())
    });

    let body: Vec<String> = (1..=10_000).map(|i| format!("{i}. {SENTENCE}")).collect();
    let pages = read(&plan(&body.join("\n\n")));
    let pdf = vanban_pdf::to_pdf(&pages).unwrap();
    eprintln!("long document: {} bytes", pdf.len());
    group.bench_function("a 1,000-page document to PDF", |b| {
        b.iter(|| vanban_pdf::to_pdf(black_box(&pages)).unwrap())
    });

    let body: Vec<String> = (1..=100_000)
        .map(|i| format!("Đoạn {i}: thực hiện nhiệm vụ được giao."))
        .collect();
    let text = plan(&body.join("\n\n"));
    // As `vanban check` does: read (fields checked), then compose and
    // check every printed line.
    group.bench_function("check 100,000 paragraphs", |b| {
        b.iter(|| {
            let doc = read(black_box(&text));
            vanban::coverage::check(&doc, FontSet::liberation_serif()).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, scale);
criterion_main!(benches);
