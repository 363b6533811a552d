//! Fuzz target `workbook`: see `vanban_fuzz::check_workbook` for what it feeds and checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vanban_fuzz::check_workbook(data));
