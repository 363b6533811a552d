//! The lint fuzzers' corpora (fuzz/corpus/lint_docx, lint_pdf), replayed
//! through the very checks the fuzz targets run, so CI keeps every case
//! without a nightly toolchain.

#[path = "../../../fuzz/src/lint.rs"]
mod guarantee;

use std::path::Path;

/// What a fuzz target runs on its bytes.
type Check = fn(&[u8]);

#[test]
fn every_lint_corpus_case_is_read_or_refused_without_a_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let targets: [(&str, Check); 2] = [
        ("lint_docx", guarantee::check_docx),
        ("lint_pdf", guarantee::check_pdf),
    ];
    for (target, check) in targets {
        let dir = corpus.join(target);
        let mut cases: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        cases.sort();
        assert!(cases.len() >= 4, "too small a corpus for {target}");
        for case in cases {
            let bytes = std::fs::read(&case).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target}: {} panics", case.display());
        }
    }
}
