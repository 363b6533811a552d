//! `vanban lint` on files from strangers: every hostile file of
//! tests/lint-hostile ends with exit 0/1 (read) or 2 (refused, saying what
//! was exceeded), never a crash; a device is read once up to the limit; a
//! closed stdout is not a crash; `--fix` never writes over its input.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lint-hostile")
}

#[test]
fn every_hostile_file_is_linted_or_refused_with_exit_2() {
    let cases = std::fs::read_to_string(hostile().join("cases.tsv")).unwrap();
    let mut wrong = Vec::new();
    for line in cases
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let path = hostile().join(cols[0]);
        let out = vanban(&["lint", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code();
        let fine = match cols[1] {
            "read" => matches!(code, Some(0 | 1)) && stderr.is_empty(),
            _ => code == Some(2) && stderr.contains("cannot read") && stderr.contains(cols[2]),
        };
        if !fine {
            wrong.push(format!("{}: exit {code:?}: {stderr}", cols[0]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_at_the_file_limit() {
    let out = vanban(&["lint", "/dev/zero", "--max-file-bytes", "100000"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: bytes beyond the limit of 100000"),
        "{stderr}"
    );
    assert!(stderr.contains("--max-file-bytes"), "{stderr}");
}

#[test]
fn a_limit_raised_by_its_flag_lets_the_file_through() {
    let path = hostile().join("q-nesting-100.pdf");
    let out = vanban(&["lint", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let out = vanban(&["lint", path.to_str().unwrap(), "--max-nesting", "200"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = temp_dir("lint-epipe");
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let pdf = dir.join("ke-hoach-1026.pdf");
    let docx = dir.join("ke-hoach-1026.docx");
    let mut args = vec!["lint".to_string()];
    // Enough output to outlast the pipe's buffer once the reader is gone.
    for _ in 0..200 {
        args.push(pdf.display().to_string());
        args.push(docx.display().to_string());
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The reader (`head -1`) is gone: the pipe is closed here.
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(status.code(), Some(0 | 1)), "{status:?}: {stderr}");
}

#[cfg(unix)]
#[test]
fn fix_refuses_to_write_over_its_input_whatever_the_path() {
    let dir = temp_dir("lint-fix-same");
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "-f",
        "docx",
    ]);
    assert!(out.status.success());
    let input = dir.join("ke-hoach-1026.docx");
    let before = std::fs::read(&input).unwrap();
    let link = dir.join("linked");
    std::os::unix::fs::symlink(&dir, &link).unwrap();
    let hard = dir.join("hard.docx");
    std::fs::hard_link(&input, &hard).unwrap();
    let spellings = [
        input.clone(),
        dir.join(".").join("ke-hoach-1026.docx"),
        link.join("ke-hoach-1026.docx"),
        hard.clone(),
    ];
    for out_path in &spellings {
        let out = vanban(&[
            "lint",
            "--fix",
            out_path.to_str().unwrap(),
            input.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}: {stderr}",
            out_path.display()
        );
        assert!(
            stderr.contains("the output is the input itself"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&input).unwrap(), before);
    }
}

#[test]
fn fix_in_place_replaces_the_input_only_through_a_new_file() {
    let dir = temp_dir("lint-fix-in-place");
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "-f",
        "docx",
    ]);
    assert!(out.status.success());
    let input = dir.join("ke-hoach-1026.docx");
    let out = vanban(&["lint", "--in-place", input.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("wrote"), "{stdout}");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["ke-hoach-1026.docx"], "no temporary file is left");
    let out = vanban(&["lint", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
}
