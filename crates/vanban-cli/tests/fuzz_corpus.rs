//! The fuzzers' minimised corpora (fuzz/corpus/TARGET/*), replayed through
//! the very checks the fuzz targets run, so CI keeps every case the
//! fuzzers found without a nightly toolchain.

#[allow(dead_code)]
#[path = "../../../fuzz/src/lib.rs"]
mod guarantee;

use std::path::Path;

#[test]
fn every_corpus_case_is_refused_clearly_or_rendered_in_full() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut replayed = 0;
    for (target, check) in guarantee::TARGETS {
        let dir = corpus.join(target);
        let mut cases: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        cases.sort();
        assert!(!cases.is_empty(), "no corpus for {target}");
        for case in cases {
            let bytes = std::fs::read(&case).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target}: {} fails", case.display());
            replayed += 1;
        }
    }
    eprintln!("{replayed} corpus cases replayed");
}
