//! The `vanban` command: exit codes, messages that name the field, and output
//! written atomically.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What each invalid input must name: its `# expect:` line, or a `.expect` file.
fn expectation(path: &Path) -> String {
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    if sidecar.exists() {
        // Its first line; guard.rs checks every line exactly.
        let text = std::fs::read_to_string(sidecar).unwrap();
        return text.lines().next().unwrap_or("").trim().to_string();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let first = text.lines().next().unwrap();
    first
        .strip_prefix("# expect: ")
        .expect("an `# expect:` line")
        .trim()
        .to_string()
}

#[test]
fn every_invalid_input_exits_1_names_the_field_and_writes_nothing() {
    let dir = repo().join("tests/invalid");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expect"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 15, "only {} invalid inputs", inputs.len());
    for input in inputs {
        let out_dir = temp_dir("invalid");
        let out = vanban(&[
            "render",
            input.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
        ]);
        let message = stderr(&out);
        let name = input.file_name().unwrap().to_string_lossy();
        assert_eq!(out.status.code(), Some(1), "{name}: {message}");
        assert!(!message.contains("panicked"), "{name} panicked: {message}");
        let field = expectation(&input);
        if field != "syntax" {
            assert!(
                message.contains(&field),
                "{name}: {message:?} does not name {field}"
            );
        }
        // file:line:column: every message is located.
        assert!(
            message
                .lines()
                .all(|l| l.starts_with(&format!("{}:", input.display()))
                    && l.split(':')
                        .nth(1)
                        .is_some_and(|n| n.parse::<usize>().is_ok())),
            "{name}: {message}"
        );
        assert_eq!(
            std::fs::read_dir(&out_dir).unwrap().count(),
            0,
            "{name} wrote output"
        );
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let input = repo().join("tests/invalid/many-problems.yaml");
    let out = vanban(&["check", input.to_str().unwrap()]);
    let message = stderr(&out);
    for field in [
        "issuer.name",
        "number",
        "place",
        "date",
        "summary",
        "signer.authority[0]",
        "signer.name",
    ] {
        assert!(
            message.contains(&format!(": {field}: ")),
            "{field} missing from {message}"
        );
    }
}

#[test]
fn render_writes_the_seed_docx_and_check_accepts_it() {
    let example = seed_example();
    let out = vanban(&["check", example.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let dir = temp_dir("render");
    let out = vanban(&[
        "render",
        example.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = std::fs::read(dir.join("ke-hoach-1026.docx")).unwrap();
    assert_eq!(
        written,
        seed_docx(),
        "the CLI writes what the library renders"
    );
}

#[test]
fn a_failed_render_leaves_a_previous_good_file_alone() {
    let dir = temp_dir("clobber");
    let input = dir.join("ke-hoach.yaml");
    std::fs::write(&input, "kind: ke-hoach\nnumber: 0\n").unwrap();
    let previous = dir.join("ke-hoach.docx");
    std::fs::write(&previous, b"good").unwrap();
    let out = vanban(&[
        "render",
        input.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read(&previous).unwrap(), b"good");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "no temporary files left: {leftovers:?}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(vanban(&[]).status.code(), Some(2));
    assert_eq!(vanban(&["render"]).status.code(), Some(2));
    assert_eq!(
        vanban(&["render", "x.yaml", "--format", "odt"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(vanban(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn schema_describes_the_input() {
    let out = vanban(&["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let properties = &schema["properties"];
    for field in [
        "kind",
        "issuer",
        "number",
        "date",
        "summary",
        "body",
        "recipients",
        "signer",
    ] {
        assert!(properties.get(field).is_some(), "{field}");
    }
}

#[test]
fn render_writes_docx_and_pdf_by_default_and_takes_other_fonts() {
    let example = seed_example();
    let dir = temp_dir("both");
    let out = vanban(&[
        "render",
        example.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pdf = std::fs::read(dir.join("ke-hoach-1026.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(dir.join("ke-hoach-1026.docx").exists());

    let fonts = repo().join("crates/vanban/fonts");
    let list: Vec<String> = ["Regular", "Bold", "Italic", "BoldItalic"]
        .iter()
        .map(|f| {
            fonts
                .join(format!("LiberationSerif-{f}.ttf"))
                .display()
                .to_string()
        })
        .collect();
    let dir = temp_dir("fonts");
    let args = [
        "render",
        example.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
        "--format",
        "pdf",
        "--fonts",
    ];
    let out = vanban(&[&args[..], &[list.join(",").as_str()]].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(dir.join("ke-hoach-1026.pdf")).unwrap(),
        pdf,
        "same fonts, same bytes"
    );

    let out = vanban(&[&args[..], &["only-one.ttf"]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("four files"));
}
