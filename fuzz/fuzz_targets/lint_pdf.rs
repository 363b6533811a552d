//! Fuzz target `lint_pdf`: see `check_pdf` in fuzz/src/lint.rs for what it feeds and checks.
#![no_main]

#[path = "../src/lint.rs"]
mod lint;

libfuzzer_sys::fuzz_target!(|data: &[u8]| lint::check_pdf(data));
