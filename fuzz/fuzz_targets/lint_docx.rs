//! Fuzz target `lint_docx`: see `check_docx` in fuzz/src/lint.rs for what it feeds and checks.
#![no_main]

// Each target uses one of the two checks.
#[allow(dead_code)]
#[path = "../src/lint.rs"]
mod lint;

libfuzzer_sys::fuzz_target!(|data: &[u8]| lint::check_docx(data));
