//! Files from strangers: every hostile file of tests/lint-hostile (written
//! by its make.py, listed in cases.tsv) is read or refused in bounded time
//! and memory, never a panic; a refusal names what was exceeded. The
//! limits themselves, lowered, are checked on ordinary files.

use std::path::{Path, PathBuf};

use vanban_lint::{LintLimits, ReadError};

mod common;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lint-hostile")
}

/// (file, expected message part) — `None` for a file that must be read.
fn cases() -> Vec<(String, Option<String>)> {
    let text = std::fs::read_to_string(folder().join("cases.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            match cols[1] {
                "read" => (cols[0].to_string(), None),
                "refused" => (cols[0].to_string(), Some(cols[2].to_string())),
                other => panic!("cases.tsv: unknown outcome {other}"),
            }
        })
        .collect()
}

#[test]
fn every_hostile_file_is_read_or_refused_with_its_reason() {
    let cases = cases();
    assert!(cases.len() >= 15);
    let mut wrong = Vec::new();
    for (file, expected) in &cases {
        let path = folder().join(file);
        let outcome = std::panic::catch_unwind(|| vanban_lint::lint_path(&path));
        let Ok(outcome) = outcome else {
            wrong.push(format!("{file}: panicked"));
            continue;
        };
        match (outcome, expected) {
            (Ok(_), None) => {}
            (Err(e), Some(part)) if e.to_string().contains(part.as_str()) => {}
            (Ok(_), Some(part)) => wrong.push(format!("{file}: read, expected `{part}`")),
            (Err(e), _) => wrong.push(format!("{file}: {e}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn nested_text_boxes_are_read_once_each() {
    let doc =
        vanban_lint::read(&std::fs::read(folder().join("nested-text-boxes-25.docx")).unwrap())
            .unwrap();
    let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), 26, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "centre").count(), 1);
    for level in 0..25 {
        let name = format!("box {level}");
        assert_eq!(texts.iter().filter(|t| **t == name).count(), 1, "{name}");
    }
}

#[test]
fn list_labels_stay_short_past_the_alphabet() {
    let doc =
        vanban_lint::read(&std::fs::read(folder().join("numbering-start-32767.docx")).unwrap())
            .unwrap();
    assert_eq!(doc.paras.len(), 2000);
    assert!(
        doc.paras.iter().all(|p| p.text.len() < 16),
        "{}",
        doc.paras[0].text
    );
}

fn limit_error(result: Result<vanban_lint::Report, ReadError>) -> String {
    match result {
        Err(ReadError::Limit(e)) => e.to_string(),
        Err(other) => panic!("not a limit: {other}"),
        Ok(_) => panic!("read past the limit"),
    }
}

#[test]
fn each_docx_limit_is_enforced_and_named() {
    let docx = common::docx(&common::base_document("ke-hoach-1026"));
    let limits = LintLimits::default();
    assert!(vanban_lint::lint_with(&docx, &limits).is_ok());
    let lowered = [
        (
            LintLimits {
                max_file_bytes: 1000,
                ..limits
            },
            "--max-file-bytes",
        ),
        (
            LintLimits {
                max_part_bytes: 10_000,
                ..limits
            },
            "--max-part-bytes",
        ),
        (
            LintLimits {
                max_xml_depth: 4,
                ..limits
            },
            "--max-xml-depth",
        ),
        (
            LintLimits {
                max_xml_nodes: 1000,
                ..limits
            },
            "--max-xml-nodes",
        ),
        (
            LintLimits {
                max_nesting: 0,
                ..limits
            },
            "--max-nesting",
        ),
    ];
    for (limits, flag) in lowered {
        let message = limit_error(vanban_lint::lint_with(&docx, &limits));
        assert!(message.contains(flag), "{message}");
    }
}

#[test]
fn each_pdf_limit_is_enforced_and_named() {
    let pdf = common::pdf(&common::base_document("ke-hoach-1026"));
    let limits = LintLimits::default();
    assert!(vanban_lint::lint_with(&pdf, &limits).is_ok());
    let lowered = [
        (
            LintLimits {
                max_part_bytes: 1000,
                ..limits
            },
            "--max-part-bytes",
        ),
        (
            LintLimits {
                max_page_operators: 100,
                ..limits
            },
            "--max-page-operators",
        ),
        (
            LintLimits {
                max_operators: 100,
                ..limits
            },
            "--max-operators",
        ),
        (
            LintLimits {
                max_pages: 1,
                ..limits
            },
            "--max-pages",
        ),
        (
            LintLimits {
                max_nesting: 0,
                ..limits
            },
            "--max-nesting",
        ),
        (
            LintLimits {
                max_font_entries: 10,
                ..limits
            },
            "--max-font-entries",
        ),
    ];
    for (limits, flag) in lowered {
        let message = limit_error(vanban_lint::lint_with(&pdf, &limits));
        assert!(message.contains(flag), "{flag}: {message}");
    }
}

#[cfg(unix)]
#[test]
fn a_device_or_a_fifo_is_read_once_up_to_the_limit() {
    let limits = LintLimits {
        max_file_bytes: 1 << 20,
        ..LintLimits::default()
    };
    let message = limit_error(vanban_lint::lint_path_with("/dev/zero", &limits));
    assert!(message.contains("--max-file-bytes"), "{message}");

    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.docx");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    // A writer that would never stop: the reader stops at the limit.
    let path = fifo.clone();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = vec![b'P'; 64 << 10];
        while f.write_all(&chunk).is_ok() {}
    });
    let message = limit_error(vanban_lint::lint_path_with(&fifo, &limits));
    assert!(message.contains("--max-file-bytes"), "{message}");
    writer.join().unwrap();
}
