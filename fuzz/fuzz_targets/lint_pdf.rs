//! Fuzz target `lint_pdf`: see `check_pdf` in fuzz/src/lint.rs for what it feeds and checks.
#![no_main]

// Each target uses one of the two checks.
#[allow(dead_code)]
#[path = "../src/lint.rs"]
mod lint;

libfuzzer_sys::fuzz_target!(|data: &[u8]| lint::check_pdf(data));
