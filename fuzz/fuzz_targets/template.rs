//! Fuzz target `template`: see `vanban_fuzz::check_template` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vanban_fuzz::check_template(data));
