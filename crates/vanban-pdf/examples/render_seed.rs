//! Renders the seed plan N times (default 20), for profilers that count
//! instructions (`valgrind --tool=callgrind`), which the other jobs on a
//! shared machine do not disturb as they disturb wall-clock timings.
//!
//!     cargo build --release -p vanban-pdf --example render_seed
//!     valgrind --tool=callgrind target/release/examples/render_seed 20

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(20);
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml");
    let doc = vanban::Document::from_path(&path).expect("the seed example is valid");
    let mut bytes = 0;
    for _ in 0..runs {
        bytes = vanban_pdf::to_pdf(std::hint::black_box(&doc))
            .expect("the seed renders")
            .len();
    }
    println!("{runs} renders, {bytes} bytes each");
}
