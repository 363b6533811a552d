//! Renders the seed plan N times (default 20) to PDF (or, with `docx`
//! after N, to DOCX), for profilers that count
//! instructions (`valgrind --tool=callgrind`), which the other jobs on a
//! shared machine do not disturb as they disturb wall-clock timings.
//!
//!     cargo build --release -p vanban-pdf --example render_seed
//!     valgrind --tool=callgrind target/release/examples/render_seed 20 [docx]

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    let doc = vanban::Document::from_path(&path).expect("the seed example is valid");
    let docx = std::env::args().nth(2).as_deref() == Some("docx");
    let mut bytes = 0;
    for _ in 0..runs {
        let doc = std::hint::black_box(&doc);
        bytes = if docx {
            vanban_docx::to_docx(doc).expect("the seed renders").len()
        } else {
            vanban_pdf::to_pdf(doc).expect("the seed renders").len()
        };
    }
    println!("{runs} renders, {bytes} bytes each");
}
