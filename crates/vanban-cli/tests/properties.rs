//! Property tests: any valid document renders in both formats, its DOCX
//! XML parses, and the PDF's extracted text holds every word of the body,
//! in order (and of every other field). Documents are built from random
//! bytes through the fuzzers' structure (fuzz/src/lib.rs), so proptest's
//! shrinking works on the bytes.

#[allow(dead_code)]
#[path = "../../../fuzz/src/lib.rs"]
mod guarantee;

use std::sync::atomic::{AtomicUsize, Ordering};

use arbitrary::{Arbitrary, Unstructured};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[test]
fn any_valid_document_renders_every_word_in_both_formats() {
    // Each case renders a DOCX and a PDF: a modest count keeps CI fast
    // (PROPTEST_CASES=2000 for a longer run).
    let cases: u32 = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        ..Config::default()
    });
    let rendered = AtomicUsize::new(0);
    let bytes = proptest::collection::vec(any::<u8>(), 64..4096);
    runner
        .run(&bytes, |bytes| {
            let mut u = Unstructured::new(&bytes);
            let fuzz_doc = guarantee::FuzzDoc::arbitrary(&mut u).unwrap();
            match vanban::Document::from_input(&fuzz_doc.input()) {
                Ok(doc) => {
                    if guarantee::check_rendering(&doc) {
                        rendered.fetch_add(1, Ordering::Relaxed);
                    }
                }
                Err(error) => prop_assert!(!error.problems.is_empty()),
            }
            Ok(())
        })
        .unwrap();
    // Most cases must really render, or the property says little.
    let rendered = rendered.into_inner();
    assert!(
        rendered * 2 >= cases as usize,
        "only {rendered} of {cases} cases rendered"
    );
}

#[test]
fn the_seed_plan_holds_every_word_in_both_formats() {
    let doc = vanban::Document::from_path(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ke-hoach-1026.yaml"),
    )
    .unwrap();
    let words = guarantee::doc_words(&doc);
    assert!(
        words[0].1.len() > 300,
        "the body has {} words",
        words[0].1.len()
    );
    assert!(guarantee::check_rendering(&doc));
}

#[test]
fn a_dropped_word_would_be_seen() {
    // The check itself fails when a word is missing or out of order.
    let text = "MỘTHAIBA";
    let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    guarantee::assert_words_in_order(text, &words(&["MỘT", "BA"]), "ok");
    for bad in [&["HAI", "MỘT"][..], &["BỐN"][..]] {
        let result =
            std::panic::catch_unwind(|| guarantee::assert_words_in_order(text, &words(bad), "bad"));
        assert!(result.is_err(), "{bad:?}");
    }
}
