//! Helpers of the tests that run `vanban sign`, `verify` and `copy` as a
//! user does (`sign_cli`, `sign_place`, `copy_cli`): the CLI with the test
//! keys' password, and the seed plan as the PDF they sign or copy.
#![allow(dead_code)]

#[path = "../../../vanban-sign/tests/common/mod.rs"]
pub mod keys;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A signing time within the test certificates' validity.
pub const TIME: &str = "2026-12-07T14:30:00+07:00";

/// `vanban args`, the .p12 password from its variable, English messages,
/// and no terminal to ask on.
pub fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .env("VANBAN_P12_PASSWORD", keys::PASSWORD)
        .env("LANG", "C")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

pub fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `vanban args`, which must succeed.
pub fn vanban_ok(args: &[&str]) -> Output {
    let out = vanban(args);
    assert!(
        out.status.success(),
        "vanban {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `vanban sign input -o output` as attachment 1026/KH-VP, by the office's
/// key at [`TIME`] (the mark at the top right of page 1).
pub fn sign_as_attachment(input: &Path, output: &Path) -> Output {
    vanban(&[
        "sign",
        s(input),
        "-o",
        s(output),
        "--p12",
        s(&keys::keys().office_p12),
        "--role",
        "office",
        "--attachment",
        "1026/KH-VP",
        "--time",
        TIME,
    ])
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The seed plan (Kế hoạch 1026/KH-VP) rendered to a PDF at `path`.
pub fn seed_pdf_at(path: PathBuf) -> PathBuf {
    std::fs::write(&path, keys::seed_pdf()).unwrap();
    path
}

/// The top 20 mm of page 1, its right half (where ô 14 and an
/// attachment's mark stand).
pub fn top_right_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([
            "-f", "1", "-l", "1", "-x", "298", "-y", "0", "-W", "298", "-H", "57", "-layout",
        ])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
