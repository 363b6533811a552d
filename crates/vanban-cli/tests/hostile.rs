//! Files from strangers through the command: workbooks that ask for more
//! than they hold, pipes and devices as data, rows of only commas,
//! duplicate headers, and a second signal. Each ends in bounded time with
//! a message naming what was exceeded and the flag that raises it.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{repo, temp_dir};

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The 50 example rows of the year-end report, as CSV text.
fn rows_csv() -> String {
    std::fs::read_to_string(repo().join("examples/data/bao-cao-50-xa.csv")).unwrap()
}

fn batch(data: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "batch",
        s(data),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        s(out),
        "--format",
        "docx",
    ];
    args.extend(extra);
    vanban(&args)
}

#[test]
fn one_far_cell_in_a_small_workbook_is_refused_by_its_span() {
    let dir = temp_dir("hostile-far-cell");
    let book = dir.join("far.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "name").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    workbook.save(&book).unwrap();
    for command in ["batch", "rollup"] {
        let started = Instant::now();
        let output = match command {
            "batch" => batch(&book, &dir.join("out"), &[]),
            _ => vanban(&[
                "rollup",
                s(&repo().join("examples/data/bao-cao-ket-qua-nam.yaml")),
                s(&book),
                "-o",
                s(&dir.join("out")),
            ]),
        };
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{command}: {message}");
        assert!(
            message.contains("its cells span A1:XFD1048576 (17179869184 cells), more than the limit of 4000000 (raise it with --max-cells)"),
            "{command}: {message}"
        );
        assert!(started.elapsed() < Duration::from_secs(20), "{command}");
    }
    // Raised, the limit lets a small real sheet through but not this one.
    let output = batch(&book, &dir.join("out"), &["--max-cells", "1000"]);
    assert!(stderr(&output).contains("more than the limit of 1000"));
}

#[test]
fn a_data_file_on_a_device_is_read_within_max_file_bytes() {
    let dir = temp_dir("hostile-device");
    let zero_yaml = dir.join("zero.yaml");
    let zero_csv = dir.join("zero.csv");
    for link in [&zero_yaml, &zero_csv] {
        std::os::unix::fs::symlink("/dev/zero", link).unwrap();
    }
    let started = Instant::now();
    let render = vanban(&[
        "render",
        "--template",
        "bao-cao",
        s(&zero_yaml),
        "-o",
        s(&dir.join("out")),
        "--max-file-bytes",
        "1000",
    ]);
    assert_eq!(render.status.code(), Some(1), "{}", stderr(&render));
    assert!(
        stderr(&render)
            .contains("larger than the limit of 1000 bytes (raise it with --max-file-bytes)"),
        "{}",
        stderr(&render)
    );
    let output = batch(&zero_csv, &dir.join("out"), &["--max-file-bytes", "1000"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("larger than the limit of 1000 bytes"));
    assert!(started.elapsed() < Duration::from_secs(20));
}

#[cfg(unix)]
fn fifo(path: &Path) {
    let name = std::ffi::CString::new(s(path)).unwrap();
    // SAFETY: mkfifo(3) with a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[cfg(unix)]
#[test]
fn a_batch_on_a_named_pipe_reads_it_once_and_ends() {
    let dir = temp_dir("hostile-fifo");
    let pipe = dir.join("rows.csv");
    fifo(&pipe);
    let text = rows_csv();
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::write(pipe, text).unwrap())
    };
    let out = dir.join("out");
    let output = batch(&pipe, &out, &[]);
    writer.join().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(listing(&out).len(), 50);
}

#[cfg(unix)]
#[test]
fn sigterm_ends_a_batch_waiting_on_a_pipe_nobody_writes() {
    let dir = temp_dir("hostile-fifo-wait");
    let pipe = dir.join("rows.csv");
    fifo(&pipe);
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch", s(&pipe), "--template", "bao-cao-ket-qua-nam"])
        .args(["-o", s(&dir.join("out"))])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Whenever it comes, the signal finds the batch reading (or not yet
    // listening, when it ends it the default way): nothing else to do.
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: kill(2) on the pid of a child we started and have not reaped.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) },
        0
    );
    let sent = Instant::now();
    let output = child.wait_with_output().unwrap();
    assert!(sent.elapsed() < Duration::from_secs(10));
    let code = output.status.code();
    use std::os::unix::process::ExitStatusExt;
    assert!(
        code == Some(143) || output.status.signal() == Some(libc::SIGTERM),
        "{:?} {}",
        output.status,
        stderr(&output)
    );
    assert!(listing(&dir.join("out")).is_empty());
}

#[cfg(unix)]
#[test]
fn a_second_signal_ends_at_once_with_no_temporary_file() {
    let dir = temp_dir("hostile-second-signal");
    let rows = dir.join("rows.csv");
    let text = rows_csv();
    let (header, body) = text.split_once('\n').unwrap();
    std::fs::write(&rows, format!("{header}\n{}", body.repeat(40))).unwrap();
    let out = dir.join("out");
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["batch", s(&rows), "--template", "bao-cao-ket-qua-nam"])
        .args(["-o", s(&out), "--jobs", "2"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !listing(&out).iter().any(|f| f.ends_with(".pdf")) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "nothing written"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    for _ in 0..2 {
        // SAFETY: kill(2) on the pid of a child we started and have not reaped.
        assert_eq!(
            unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) },
            0
        );
    }
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(143), "{}", stderr(&output));
    let files = listing(&out);
    let litter: Vec<&String> = files.iter().filter(|f| f.starts_with('.')).collect();
    assert!(litter.is_empty(), "temporary files left: {litter:?}");
    let docx = files.iter().filter(|f| f.ends_with(".docx")).count();
    let pdf = files.iter().filter(|f| f.ends_with(".pdf")).count();
    assert_eq!(docx, pdf, "every document has both files: {files:?}");
}

#[test]
fn rows_of_only_commas_are_skipped_and_counted() {
    let dir = temp_dir("hostile-commas");
    let text = rows_csv();
    let mut lines = text.lines();
    let header = lines.next().unwrap();
    let commas = ",".repeat(header.matches(',').count());
    let mut csv = format!("{header}\n");
    for line in lines.take(3) {
        csv.push_str(line);
        csv.push('\n');
        for _ in 0..100 {
            csv.push_str(&commas);
            csv.push('\n');
        }
    }
    csv.push_str(",,\n");
    let data = dir.join("rows.csv");
    std::fs::write(&data, csv).unwrap();
    let out = dir.join("out");
    let output = batch(&data, &out, &[]);
    let message = stderr(&output);
    assert!(output.status.success(), "{message}");
    assert!(
        message.contains("301 empty rows (every cell empty) skipped"),
        "{message}"
    );
    assert!(message.contains("3 of 3 documents written"), "{message}");
    assert_eq!(listing(&out).len(), 3);
}

#[test]
fn a_duplicate_header_is_refused_naming_both_columns() {
    let dir = temp_dir("hostile-duplicate-header");
    let text = rows_csv();
    let (header, body) = text.split_once('\n').unwrap();
    let first = header.split(',').next().unwrap();
    let data = dir.join("rows.csv");
    std::fs::write(
        &data,
        format!("{header},{first}\n{}", body.replace('\n', ",x\n")),
    )
    .unwrap();
    let output = batch(&data, &dir.join("out"), &[]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    let columns = header.split(',').count() + 1;
    assert!(
        message.contains(&format!(
            "columns 1 and {columns} both have the header `{first}`"
        )),
        "{message}"
    );
}

#[test]
fn a_shared_name_field_and_device_names_are_safe_file_names() {
    let dir = temp_dir("hostile-names");
    let text = rows_csv();
    let (header, body) = text.split_once('\n').unwrap();
    let data = dir.join("rows.csv");
    let rows: String = body.lines().take(3).map(|l| format!("{l},CON\n")).collect();
    std::fs::write(&data, format!("{header},file\n{rows}")).unwrap();
    let out = dir.join("out");
    let output = batch(&data, &out, &["--name-field", "file"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        listing(&out),
        ["con-1-2.docx", "con-1-3.docx", "con-1.docx"]
    );
}
