//! Messages in Vietnamese: `--lang vi`, or `LANG=vi_VN.UTF-8` from the
//! environment; English stays the default.

mod common;

use std::process::{Command, Output};

use common::repo;

/// `vanban ARGS` with the locale variables given and no others.
fn vanban(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_vanban"));
    command
        .args(args)
        .current_dir(repo())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const DATE: &str = "tests/invalid/impossible-date.yaml";
const PRESET: &str = "tests/invalid/bad-preset.yaml";

const DATE_EN: &str = "date: 2024-02 has no day 30 (it has 29 days)";
const DATE_VI: &str = "date: không có ngày 30 tháng 02 năm 2024 (tháng 02 năm 2024 có 29 ngày)";

#[test]
fn lang_vi_gives_vietnamese_problems_and_the_same_exit_status() {
    let out = vanban(&["check", "--lang", "vi", DATE], &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains(DATE_VI), "{text}");
    assert!(!text.contains("has no day"), "{text}");
    // The flag is global: before the command too.
    let out = vanban(&["--lang", "vi-VN", "check", PRESET], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("style.preset: phải là 13 hoặc 14, không phải 12"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn lang_from_the_environment() {
    let out = vanban(&["check", DATE], &[("LANG", "vi_VN.UTF-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(DATE_VI), "{}", stderr(&out));
    // LC_ALL comes before LANG; --lang before both.
    let out = vanban(
        &["check", DATE],
        &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C")],
    );
    assert!(stderr(&out).contains(DATE_EN), "{}", stderr(&out));
    let out = vanban(
        &["check", "--lang", "en", DATE],
        &[("LC_ALL", "vi_VN.UTF-8")],
    );
    assert!(stderr(&out).contains(DATE_EN), "{}", stderr(&out));
    let ok = vanban(
        &["check", "examples/ke-hoach-1026.yaml"],
        &[("LC_MESSAGES", "vi_VN")],
    );
    assert_eq!(ok.status.code(), Some(0));
    assert!(
        stderr(&ok).contains("ke-hoach-1026.yaml: hợp lệ"),
        "{}",
        stderr(&ok)
    );
}

#[test]
fn english_is_the_default() {
    let out = vanban(&["check", DATE], &[]);
    assert!(stderr(&out).contains(DATE_EN), "{}", stderr(&out));
    let out = vanban(&["check", DATE], &[("LANG", "fr_FR.UTF-8")]);
    assert!(stderr(&out).contains(DATE_EN), "{}", stderr(&out));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let out = vanban(&["check", "--lang", "fr", DATE], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("use en or vi"), "{}", stderr(&out));
}
