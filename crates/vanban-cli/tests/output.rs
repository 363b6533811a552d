//! What a run leaves on disk (the `vanban-output` layer seen from the
//! command): names and collisions, file modes, progress, and SIGTERM/SIGINT
//! stopping a batch with no temporary file left and a true summary.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{repo, seed_example, temp_dir};
use vanban_report::data;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn year_end_rows() -> PathBuf {
    repo().join("examples/data/bao-cao-50-xa.csv")
}

/// `copies` times the 50 example rows, as JSON Lines.
fn many_rows(dir: &Path, copies: usize) -> PathBuf {
    let rows = data::read_rows(&year_end_rows()).unwrap();
    let mut text = String::new();
    for _ in 0..copies {
        for row in &rows {
            text.push_str(&row.data.as_ref().unwrap().to_string());
            text.push('\n');
        }
    }
    let path = dir.join("rows.jsonl");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn two_inputs_with_the_same_name_keep_both_with_mode_0644() {
    let dir = temp_dir("output-same-stem");
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let (a, b) = (dir.join("a/Kế hoạch.yaml"), dir.join("b/KE HOACH.yaml"));
    for path in [&a, &b] {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &seed).unwrap();
    }
    let out = dir.join("out");
    let output = vanban(&[
        "render",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        listing(&out),
        BTreeSet::from(["ke-hoach.docx".into(), "ke-hoach-2.docx".into()])
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.join("ke-hoach-2.docx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn rows_with_the_same_name_keep_every_document() {
    let dir = temp_dir("output-same-name");
    let out = dir.join("out");
    // `parent` is one of 5 districts: each name comes 10 times.
    let output = vanban(&[
        "batch",
        year_end_rows().to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
        "--name-field",
        "parent",
        "--progress",
    ]);
    let message = stderr(&output);
    assert!(output.status.success(), "{message}");
    let files = listing(&out);
    assert_eq!(files.len(), 50, "{files:?}");
    for stem in [
        "ubnd-huyen-chau-thanh",
        "ubnd-huyen-chau-thanh-2",
        "ubnd-huyen-chau-thanh-10",
    ] {
        assert!(files.contains(&format!("{stem}.docx")), "{stem}: {files:?}");
    }
    assert!(
        message.contains("50 of 50 documents written, 0 failed, 50 files"),
        "{message}"
    );
    // --progress shows it even when stderr is not a terminal.
    assert!(message.contains("progress: 50/50"), "{message}");
}

#[test]
fn items_without_a_name_are_numbered() {
    let dir = temp_dir("output-numbered");
    let out = dir.join("out");
    let output = vanban(&[
        "batch",
        year_end_rows().to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    let message = stderr(&output);
    assert!(output.status.success(), "{message}");
    let files = listing(&out);
    assert!(files.contains("bao-cao-ket-qua-nam-001.docx"), "{files:?}");
    assert!(files.contains("bao-cao-ket-qua-nam-050.docx"), "{files:?}");
    assert!(!message.contains("progress:"), "{message}");
}

/// Starts a long batch, waits until it has written some files, sends
/// `signal`, and checks that it stops soon, leaves no temporary file, keeps
/// every document whole and says truly what it wrote.
#[cfg(unix)]
fn stops_cleanly_on(signal: &str, status: i32) {
    let dir = temp_dir(&format!("output-signal-{signal}"));
    let rows = many_rows(&dir, 40);
    let out = dir.join("out");
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "batch",
            rows.to_str().unwrap(),
            "--template",
            "bao-cao-ket-qua-nam",
        ])
        .args(["-o", out.to_str().unwrap(), "--jobs", "2"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while listing(&out).iter().filter(|f| f.ends_with(".pdf")).count() < 4 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "nothing written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let number = if signal == "TERM" {
        libc::SIGTERM
    } else {
        libc::SIGINT
    };
    // SAFETY: kill(2) on the pid of a child we started and have not reaped.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, number) }, 0);
    let sent = Instant::now();
    let output = child.wait_with_output().unwrap();
    let message = stderr(&output);
    assert!(
        sent.elapsed() < Duration::from_secs(10),
        "took {:?} to stop",
        sent.elapsed()
    );
    assert_eq!(output.status.code(), Some(status), "{message}");

    let files = listing(&out);
    let litter: Vec<&String> = files.iter().filter(|f| f.starts_with('.')).collect();
    assert!(litter.is_empty(), "temporary files left: {litter:?}");
    let docx = files.iter().filter(|f| f.ends_with(".docx")).count();
    let pdf = files.iter().filter(|f| f.ends_with(".pdf")).count();
    assert_eq!(docx, pdf, "every document has both files: {files:?}");
    assert!(docx < 2000, "it did stop");
    let summary = format!(
        "interrupted by SIG{signal} after {docx} of 2000 items: {docx} of 2000 documents written, 0 failed, {} files",
        docx + pdf
    );
    assert!(
        message.contains(&summary),
        "wanted {summary:?} in\n{message}"
    );
}

#[cfg(unix)]
#[test]
fn sigterm_stops_a_batch_cleanly_with_a_summary() {
    stops_cleanly_on("TERM", 143);
}

#[cfg(unix)]
#[test]
fn sigint_stops_a_batch_cleanly_with_a_summary() {
    stops_cleanly_on("INT", 130);
}

#[test]
fn bom_and_streamed_rows_render_like_whole_ones() {
    // A CSV with a BOM reads like one without (the first column keeps its name).
    let dir = temp_dir("output-bom");
    let text = std::fs::read_to_string(year_end_rows()).unwrap();
    let bom = dir.join("bom.csv");
    std::fs::write(&bom, format!("\u{FEFF}{text}")).unwrap();
    let out = dir.join("out");
    let output = vanban(&[
        "batch",
        bom.to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
        "--name-field",
        "parent",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(listing(&out).contains("ubnd-huyen-chau-thanh.docx"));
}

#[test]
fn an_output_folder_that_is_a_file_is_named() {
    let dir = temp_dir("output-is-a-file");
    let out = dir.join("out");
    std::fs::write(&out, b"not a folder").unwrap();
    let output = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains(&format!("{}: ", out.display())),
        "{message}"
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"not a folder");
}
