//! `vanban register …` through the binary, on SQLite and on a private
//! PostgreSQL cluster: eight processes issuing at once, `kill -9` in the
//! middle of issuing, the year's books, and receiving documents made by
//! python-docx and LibreOffice.

#[path = "../../vanban-register/tests/common/pg.rs"]
mod pg;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const VANBAN: &str = env!("CARGO_BIN_EXE_vanban");

/// A Kế hoạch with its number and date left out.
const PLAN: &str = r#"kind: ke-hoach
parent: UBND TỈNH TÂY NINH
issuer:
  name: VĂN PHÒNG
  abbreviation: VP
place: Tây Ninh
summary: Tuyên truyền các phong trào thi đua yêu nước năm 2026
body: |
  Tuyên truyền sâu rộng trong toàn thể công chức.
recipients: [Như trên]
archive:
  units: [VP]
signer:
  title: CHÁNH VĂN PHÒNG
  name: Đoàn Minh Long
"#;

fn vanban(args: &[&str]) -> Output {
    Command::new(VANBAN)
        .args(args)
        .output()
        .expect("run vanban")
}

fn ok(args: &[&str]) -> String {
    let out = vanban(args);
    assert!(
        out.status.success(),
        "vanban {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn list(db: &str, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["register", "list", "--db", db, "--json"];
    args.extend_from_slice(extra);
    serde_json::from_str::<Value>(&ok(&args))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn numbers(entries: &[Value]) -> Vec<i64> {
    let mut n: Vec<i64> = entries
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    n.sort();
    n
}

fn plan_file(dir: &Path) -> PathBuf {
    let path = dir.join("ke-hoach.yaml");
    std::fs::write(&path, PLAN).unwrap();
    path
}

/// Eight processes issue 250 documents each at once: 2,000 entries,
/// numbered 1…2,000, each once, every file written.
fn eight_processes(db: &str, dir: &Path) {
    ok(&[
        "register",
        "init",
        "--db",
        db,
        "--office",
        "Văn phòng UBND tỉnh Tây Ninh",
    ]);
    let plan = plan_file(dir);
    let out = dir.join("out");
    let children: Vec<_> = (0..8)
        .map(|_| {
            let mut args: Vec<String> =
                vec!["register".into(), "issue".into(), "--db".into(), db.into()];
            args.extend(std::iter::repeat_n(plan.display().to_string(), 250));
            args.extend([
                "-o".into(),
                out.display().to_string(),
                "--format".into(),
                "docx".into(),
            ]);
            args.extend([
                "--date".into(),
                "2026-03-08".into(),
                "--busy-timeout".into(),
                "600".into(),
            ]);
            Command::new(VANBAN)
                .args(&args)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let entries = list(db, &["--year", "2026"]);
    assert_eq!(numbers(&entries), (1..=2000).collect::<Vec<i64>>());
    assert!(entries.iter().all(|e| e["render_status"] == "done"));
    let written = std::fs::read_dir(&out).unwrap().count();
    assert_eq!(written, 2000);
    assert!(out.join("2026-2000-KH-VP.docx").exists());
}

#[test]
fn eight_processes_issue_at_once_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db").display().to_string();
    eight_processes(&db, dir.path());
    // The year's book of 2,000 entries: both formats, lint clean, the
    // header row on every page.
    let books = dir.path().join("books");
    ok(&[
        "register",
        "export",
        "--db",
        &db,
        "--year",
        "2026",
        "-o",
        books.to_str().unwrap(),
    ]);
    let pdf = books.join("so-di-2026.pdf");
    let docx = books.join("so-di-2026.docx");
    let lint = ok(&[
        "lint",
        pdf.to_str().unwrap(),
        docx.to_str().unwrap(),
        "--json",
    ]);
    let lint: Value = serde_json::from_str(&lint).unwrap();
    for file in lint.as_array().unwrap() {
        assert_eq!(file["report"]["kind"], "so-dang-ky-di", "{file}");
        assert_eq!(
            file["report"]["findings"].as_array().unwrap().len(),
            0,
            "{file}"
        );
    }
    assert!(books.join("so-di-2026.xlsx").exists());
    let xml = docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains("<w:tblHeader"),
        "the DOCX header row does not repeat"
    );
    assert!(
        xml.contains("<w:orient w:val=\"landscape\"") || xml.contains("w:orient=\"landscape\"")
    );
    if let Some(text) = pdftotext(&pdf) {
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert!(pages.len() > 20, "{} pages for 2,000 entries", pages.len());
        assert!(pages[0].contains("SỔ ĐĂNG KÝ VĂN BẢN ĐI") && pages[0].contains("Năm 2026"));
        for (i, page) in pages.iter().enumerate().skip(1) {
            assert!(page.contains("Ghi chú"), "page {} has no header row", i + 1);
        }
        assert!(pages.last().unwrap().contains("2000/KH-VP"));
    }
}

#[test]
fn eight_processes_issue_at_once_on_postgresql() {
    let Some(cluster) = pg::start("eight processes issuing") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    eight_processes(&cluster.new_database(), dir.path());
}

/// `kill -9` while issuing leaves committed entries numbered 1…k without a
/// gap (the last perhaps without its files, which `register render`
/// writes), and the next issue takes k + 1.
fn killed_while_issuing(db: &str, dir: &Path) {
    ok(&["register", "init", "--db", db]);
    let plan = plan_file(dir);
    let out = dir.join("out");
    let mut args: Vec<String> = vec!["register".into(), "issue".into(), "--db".into(), db.into()];
    args.extend(std::iter::repeat_n(plan.display().to_string(), 2000));
    args.extend([
        "-o".into(),
        out.display().to_string(),
        "--date".into(),
        "2026-05-20".into(),
    ]);
    let mut child = Command::new(VANBAN)
        .args(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once a few documents are out, wherever it is then.
    while std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0) < 6 {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let entries = list(db, &[]);
    let k = entries.len() as i64;
    assert!(k >= 3, "only {k} entries before the kill");
    assert_eq!(numbers(&entries), (1..=k).collect::<Vec<i64>>());
    let pending: Vec<&Value> = entries
        .iter()
        .filter(|e| e["render_status"] != "done")
        .collect();
    assert!(pending.len() <= 1, "{pending:?}");
    for e in pending {
        assert_eq!(e["render_status"], "pending");
        let id = e["id"].as_i64().unwrap().to_string();
        ok(&["register", "render", "--db", db, &id]);
    }
    assert!(list(db, &[]).iter().all(|e| e["render_status"] == "done"));
    let next = ok(&[
        "register",
        "issue",
        "--db",
        db,
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--json",
    ]);
    let next: Value = serde_json::from_str(&next).unwrap();
    assert_eq!(next[0]["number"].as_i64(), Some(k + 1));
    // verify finds every file as recorded.
    ok(&["register", "verify", "--db", db]);
}

#[test]
fn kill_9_while_issuing_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    killed_while_issuing(&dir.path().join("so.db").display().to_string(), dir.path());
}

#[test]
fn kill_9_while_issuing_on_postgresql() {
    let Some(cluster) = pg::start("kill -9 while issuing") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    killed_while_issuing(&cluster.new_database(), dir.path());
}

#[test]
fn the_year_turns_with_the_date_and_numbers_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db").display().to_string();
    let plan = plan_file(dir.path());
    let out = dir.path().join("out");
    ok(&["register", "init", "--db", &db, "--scheme", "per-kind"]);
    let issue = |date: &str| {
        let json = ok(&[
            "register",
            "issue",
            "--db",
            &db,
            plan.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--format",
            "pdf",
            "--date",
            date,
            "--json",
        ]);
        let v: Value = serde_json::from_str(&json).unwrap();
        (
            v[0]["number"].as_i64().unwrap(),
            v[0]["date"].as_str().unwrap().to_owned(),
        )
    };
    assert_eq!(issue("2026-12-31"), (1, "2026-12-31".into()));
    assert_eq!(issue("2026-12-31"), (2, "2026-12-31".into()));
    assert_eq!(issue("2027-01-01"), (1, "2027-01-01".into()));
    assert_eq!(numbers(&list(&db, &["--year", "2026"])), [1, 2]);
    let info = ok(&["register", "info", "--db", &db, "--json"]);
    let info: Value = serde_json::from_str(&info).unwrap();
    assert_eq!(info["scheme"], "per-kind");
    // A typed number that is taken is refused, naming the entry.
    let typed = dir.path().join("typed.yaml");
    std::fs::write(&typed, format!("number: 2\ndate: 2026-12-30\n{PLAN}")).unwrap();
    let out2 = vanban(&[
        "register",
        "issue",
        "--db",
        &db,
        typed.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out2.stderr);
    assert!(
        !out2.status.success() && err.contains("02/KH-VP") && err.contains("#2"),
        "{err}"
    );
    // Read-only refuses to issue and changes nothing.
    let ro = vanban(&[
        "register",
        "issue",
        "--db",
        &db,
        "--read-only",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(!ro.status.success() && String::from_utf8_lossy(&ro.stderr).contains("read-only"));
    assert_eq!(list(&db, &[]).len(), 3);
}

/// A python that has python-docx: `VANBAN_TEST_PYTHON`, else `python3`.
fn python_with_docx() -> Option<String> {
    let python = std::env::var("VANBAN_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let ok = Command::new(&python)
        .args(["-c", "import docx"])
        .output()
        .is_ok_and(|o| o.status.success());
    ok.then_some(python)
}

fn skip_or_fail(test: &str, why: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true" || v == "1") {
        panic!("{test}: {why}");
    }
    eprintln!("SKIPPED: {test}: {why}");
}

const MAKE_DOCX: &str = r#"
import sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH as A

def make(path, heading, number, summary, date_line):
    d = Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    def line(cell, text, bold=False, italic=False, first=False):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        r = p.add_run(text); r.bold = bold; r.italic = italic
        p.alignment = A.CENTER
    line(left, "UBND TỈNH TÂY NINH", first=True)
    line(left, "SỞ NỘI VỤ", bold=True)
    line(left, "Số: " + number)
    if heading is None:
        line(left, "V/v " + summary)
    line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, first=True)
    line(right, "Độc lập - Tự do - Hạnh phúc", bold=True)
    line(right, date_line, italic=True)
    if heading is not None:
        for text in (heading, summary):
            p = d.add_paragraph(); p.add_run(text).bold = True; p.alignment = A.CENTER
    else:
        d.add_paragraph("Kính gửi: Ủy ban nhân dân các huyện.")
    d.add_paragraph("Nội dung của văn bản, do một cơ quan khác soạn.")
    d.save(path)

make(sys.argv[1] + "/cong-van.docx", None, "123/SNV-TCBC", "tuyển dụng công chức năm 2026",
     "Tây Ninh, ngày 05 tháng 3 năm 2026")
make(sys.argv[1] + "/ke-hoach.docx", "KẾ HOẠCH", "45/KH-SNV", "Tổ chức thi tuyển công chức năm 2026",
     "Tây Ninh, ngày 12 tháng 02 năm 2026")
"#;

#[test]
fn receive_reads_documents_made_by_python_docx_and_libreoffice() {
    let test = "receive from python-docx and LibreOffice";
    let Some(python) = python_with_docx() else {
        return skip_or_fail(
            test,
            "python-docx is not installed (pip install python-docx; scripts/test does)",
        );
    };
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("make.py");
    std::fs::write(&script, MAKE_DOCX).unwrap();
    let made = Command::new(&python)
        .arg(&script)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let mut files = vec![
        dir.path().join("cong-van.docx"),
        dir.path().join("ke-hoach.docx"),
    ];
    // LibreOffice's own DOCX and PDF of the same documents.
    let lo = dir.path().join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let mut libreoffice = true;
    for target in ["pdf", "docx:MS Word 2007 XML"] {
        let converted = Command::new("soffice")
            .args([
                profile.as_str(),
                "--headless",
                "--convert-to",
                target,
                "--outdir",
            ])
            .arg(&lo)
            .args(&files[..2])
            .output();
        libreoffice &= converted.is_ok_and(|o| o.status.success());
    }
    if libreoffice {
        for name in [
            "cong-van.pdf",
            "ke-hoach.pdf",
            "cong-van.docx",
            "ke-hoach.docx",
        ] {
            files.push(lo.join(name));
        }
    } else {
        skip_or_fail(
            test,
            "LibreOffice (soffice) is not installed; only python-docx files read",
        );
    }
    let db = dir.path().join("so.db").display().to_string();
    ok(&["register", "init", "--db", &db]);
    let mut args = vec![
        "register",
        "receive",
        "--db",
        &db,
        "--date",
        "2026-03-09",
        "--json",
    ];
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    args.extend(names.iter().map(String::as_str));
    let received: Value = serde_json::from_str(&ok(&args)).unwrap();
    let received = received.as_array().unwrap();
    assert_eq!(received.len(), files.len());
    for (i, (entry, file)) in received.iter().zip(&names).enumerate() {
        let cong_van = file.contains("cong-van");
        let want = if cong_van {
            (
                123,
                "SNV-TCBC",
                "2026-03-05",
                "cong-van",
                "tuyển dụng công chức năm 2026",
            )
        } else {
            (
                45,
                "KH-SNV",
                "2026-02-12",
                "ke-hoach",
                "Tổ chức thi tuyển công chức năm 2026",
            )
        };
        let got = (
            entry["number"].as_i64().unwrap(),
            entry["symbol"].as_str().unwrap(),
            entry["date"].as_str().unwrap_or("(none)"),
            entry["kind"].as_str().unwrap(),
            entry["summary"].as_str().unwrap(),
        );
        assert_eq!(got, want, "{file}");
        assert_eq!(entry["issuer"], "SỞ NỘI VỤ", "{file}");
        assert_eq!(entry["incoming_number"].as_i64(), Some(i as i64 + 1));
        assert_eq!(entry["received_on"], "2026-03-09");
    }
    // The same file twice is reported, and takes no number.
    let again = vanban(&["register", "receive", "--db", &db, &names[0]]);
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        !again.status.success() && err.contains("already received as incoming number 1"),
        "{err}"
    );
    let listed = list(&db, &["--incoming"]);
    assert_eq!(listed.len(), files.len());
    // What cannot be read is asked for by name.
    let blank = dir.path().join("blank.docx");
    std::fs::copy(&files[0], &blank).unwrap();
    let mut bytes = std::fs::read(&blank).unwrap();
    bytes.push(0); // another file (another hash), the same text
    std::fs::write(&blank, &bytes).unwrap();
    let read = vanban(&[
        "register",
        "receive",
        "--db",
        &db,
        blank.to_str().unwrap(),
        "--number",
        "7",
        "--symbol",
        "SNV-X",
    ]);
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    // The incoming book prints and lints clean.
    let books = dir.path().join("books");
    ok(&[
        "register",
        "export",
        "--db",
        &db,
        "--year",
        "2026",
        "--incoming",
        "-o",
        books.to_str().unwrap(),
    ]);
    let lint = ok(&[
        "lint",
        "--json",
        books.join("so-den-2026.pdf").to_str().unwrap(),
    ]);
    assert!(lint.contains("so-dang-ky-den"), "{lint}");
}

fn docx_part(path: &Path, part: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(part).unwrap(), &mut xml).unwrap();
    xml
}

fn pdftotext(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn import_starts_mid_year_from_csv_and_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.db").display().to_string();
    ok(&["register", "init", "--db", &db]);
    let csv = dir.path().join("so-2026.csv");
    std::fs::write(
        &csv,
        "number,symbol,date,kind,summary,signer,recipients,status\n\
         1,KH-VP,2026-01-05,ke-hoach,Kế hoạch đầu năm,Đoàn Minh Long,Như trên; Sở Nội vụ,issued\n\
         2,BC-VP,09/01/2026,,Báo cáo tháng 1,Đoàn Minh Long,,void\n",
    )
    .unwrap();
    ok(&["register", "import", "--db", &db, csv.to_str().unwrap()]);
    let entries = list(&db, &[]);
    assert_eq!(numbers(&entries), [1, 2]);
    assert_eq!(
        (entries[1]["kind"].as_str(), entries[1]["status"].as_str()),
        (Some("bao-cao"), Some("void"))
    );
    assert_eq!(
        entries[0]["recipients"],
        serde_json::json!(["Như trên", "Sở Nội vụ"])
    );
    // The sequence goes on after the imported numbers.
    let plan = plan_file(dir.path());
    let out = dir.path().join("out");
    let next = ok(&[
        "register",
        "issue",
        "--db",
        &db,
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-02-01",
        "--json",
    ]);
    assert_eq!(
        serde_json::from_str::<Value>(&next).unwrap()[0]["number"],
        3
    );
    // Every bad row is reported, and nothing is recorded.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "number,symbol,date\nx,KH-VP,2026-01-05\n3,,2026-13-01\n",
    )
    .unwrap();
    let refused = vanban(&["register", "import", "--db", &db, bad.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "{err}");
    for needle in [
        "bad.csv:2: number `x`",
        "bad.csv:3: date",
        "bad.csv:3: symbol is missing",
    ] {
        assert!(err.contains(needle), "{needle} not in: {err}");
    }
    // A number already held refuses the whole import.
    let taken = dir.path().join("taken.csv");
    std::fs::write(
        &taken,
        "number,symbol,date\n4,KH-VP,2026-02-02\n1,KH-VP,2026-01-05\n",
    )
    .unwrap();
    let refused = vanban(&["register", "import", "--db", &db, taken.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already held by entry #1"));
    assert_eq!(list(&db, &[]).len(), 3);
    // The same register kept in a workbook (.xlsx) goes into a new one as it was.
    let book = dir.path().join("so-2026.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows = [
        ["number", "symbol", "date", "summary", "status"],
        ["1", "KH-VP", "2026-01-05", "Kế hoạch đầu năm", "issued"],
        ["2", "BC-VP", "2026-01-09", "Báo cáo tháng 1", "void"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    workbook.save(&book).unwrap();
    let db2 = dir.path().join("so-2.db").display().to_string();
    ok(&["register", "init", "--db", &db2]);
    ok(&["register", "import", "--db", &db2, book.to_str().unwrap()]);
    let key = |e: &Value| {
        (
            e["number"].clone(),
            e["symbol"].clone(),
            e["date"].clone(),
            e["kind"].clone(),
            e["status"].clone(),
        )
    };
    let before: Vec<_> = list(&db, &[]).iter().take(2).map(key).collect();
    let after: Vec<_> = list(&db2, &[]).iter().map(key).collect();
    assert_eq!(after, before);
}
