//! Fuzz target `template_text`: see `vanban_fuzz::check_template_text` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vanban_fuzz::check_template_text(data));
