//! Fuzz target `document`: see `vanban_fuzz::check_document` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vanban_fuzz::check_document(data));
