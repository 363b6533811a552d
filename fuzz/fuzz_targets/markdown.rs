//! Fuzz target `markdown`: see `vanban_fuzz::check_markdown` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vanban_fuzz::check_markdown(data));
