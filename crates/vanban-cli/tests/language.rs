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

#[path = "../../../tests/support/english_words.rs"]
mod english_words;

use english_words::{english_words, english_words_of_lint};

#[test]
fn the_english_word_finder_finds_english_and_passes_quotes() {
    assert_eq!(
        english_words("the data has no such field"),
        ["the", "has", "no"]
    );
    assert!(
        english_words("dữ liệu `is not` “expected i64” {{#if the}} signer.line_spacing").is_empty()
    );
}

/// The lines of `text` that still have English words, outside quotes and
/// the file names among `args` (the user's own).
fn english_lines(args: &[&str], text: &str) -> Vec<String> {
    let mut english = Vec::new();
    for line in text.lines() {
        let message = args
            .iter()
            .filter(|a| a.contains('/'))
            .fold(line.to_string(), |l, a| l.replace(a, ""));
        let words = english_words(&message);
        if !words.is_empty() {
            english.push(format!("{args:?}: {words:?} in: {line}"));
        }
    }
    english
}

/// `vanban --lang vi ARGS`: its exit status and what it said (both streams).
fn vietnamese(args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["--lang", "vi"];
    all.extend_from_slice(args);
    let out = vanban(&all, &[]);
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    (out.status.code(), text)
}

/// Every register error the command line can provoke, with `--lang vi`:
/// said in Vietnamese, naming the entry, the number or the database.
#[test]
fn register_errors_are_told_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let db = path("so.db");
    let (code, text) = vietnamese(&["register", "init", "--db", &db]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("đã tạo sổ đăng ký") && text.contains("một dãy số chung"),
        "{text}"
    );
    let info = ["register", "info", "--db", &db];
    let (code, text) = vietnamese(&info);
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("cách đánh số: một dãy số chung"), "{text}");
    assert!(english_lines(&info, &text).is_empty(), "{text}");
    let foreign = path("khac.db");
    // An SQLite file of another application (application_id 0), and a
    // file that is no database at all.
    let mut header = b"SQLite format 3\0".to_vec();
    header.resize(4096, 0);
    std::fs::write(&foreign, &header).unwrap();
    let not_sqlite = path("ghi-chu.db");
    std::fs::write(&not_sqlite, "không phải cơ sở dữ liệu").unwrap();
    let import = path("so-cu.csv");
    std::fs::write(
        &import,
        "number,symbol,date,kind,summary\n1,KH-VP,2026-03-08,ke-hoach,Kế hoạch công tác\n",
    )
    .unwrap();
    let bad_import = path("so-loi.csv");
    std::fs::write(
        &bad_import,
        "number,symbol,date,kind,summary,status\n0,,2026-02-30,xyz,Kế hoạch,huy\n",
    )
    .unwrap();
    let pdf = repo()
        .join("tests/lint-elsewhere/ke-hoach-2026.pdf")
        .display()
        .to_string();
    let receive = [
        "register",
        "receive",
        "--db",
        &db,
        &pdf,
        "--issuer",
        "UBND HUYỆN A",
        "--number",
        "5",
        "--symbol",
        "KH-UBND",
        "--kind",
        "ke-hoach",
        "--summary",
        "Kế hoạch công tác",
    ];
    let (code, text) = vietnamese(&["register", "import", "--db", &db, &import]);
    assert_eq!(code, Some(0), "{text}");
    let (code, text) = vietnamese(&receive);
    assert_eq!(code, Some(0), "{text}");
    let (new_db, missing_db) = (path("moi.db"), path("khong-co.db"));
    // (arguments, words the message must have)
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["register", "init", "--db", &db], "tệp đã có"),
        (
            vec!["register", "init", "--db", &new_db, "--scheme", "le"],
            "cách đánh số `le`",
        ),
        (
            vec!["register", "info", "--db", &missing_db],
            "không có sổ đăng ký này",
        ),
        (
            vec!["register", "info", "--db", &foreign],
            "của một ứng dụng khác",
        ),
        (
            vec!["register", "info", "--db", &not_sqlite],
            "không phải sổ đăng ký vanban",
        ),
        (
            vec!["register", "import", "--db", &db, &import],
            "đã được cấp cho mục #1",
        ),
        (
            vec!["register", "import", "--db", &db, &bad_import],
            "thiếu ký hiệu",
        ),
        (
            vec!["register", "show", "--db", &db, "99"],
            "không có mục #99 trong sổ đăng ký",
        ),
        (
            vec!["register", "show", "--db", &db, "mười hai"],
            "hãy chỉ rõ mục",
        ),
        (
            vec!["register", "void", "--db", &db, "1/KH-VP", "--reason", " "],
            "lý do hủy số",
        ),
        (
            vec![
                "register",
                "reserve",
                "--db",
                &db,
                "--read-only",
                "--kind",
                "ke-hoach",
                "--symbol",
                "KH-VP",
            ],
            "chỉ đọc",
        ),
        (
            vec![
                "register", "reserve", "--db", &db, "--kind", "xyz", "--symbol", "KH-VP",
            ],
            "không phải là loại văn bản",
        ),
        (
            vec![
                "register",
                "reserve",
                "--db",
                &db,
                "--kind",
                "ke-hoach",
                "--symbol",
                "KH-VP",
                "--body",
                "Hội đồng thi đua",
            ],
            "không phải hội đồng tư vấn của sổ này",
        ),
        (
            vec!["register", "render", "--db", &db, "1"],
            "không kèm văn bản",
        ),
        (
            receive.to_vec(),
            "văn bản này đã được tiếp nhận, số đến 1 năm",
        ),
        (
            vec!["register", "receive", "--db", &db, &import],
            "không phải tệp DOCX hay PDF",
        ),
        (
            vec![
                "register", "export", "--db", &db, "--year", "2026", "--format", "odt",
            ],
            "định dạng `odt`",
        ),
    ];
    let mut english = Vec::new();
    for (args, words) in &cases {
        let (code, text) = vietnamese(args);
        assert_eq!(code, Some(1), "{args:?}: {text}");
        assert!(text.starts_with("lỗi: "), "{args:?}: {text}");
        assert!(text.contains(words), "{args:?}: `{words}` not in: {text}");
        english.extend(english_lines(args, &text));
    }
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
    // The same refusal in English by default, in the words it always had.
    let out = vanban(&["register", "show", "--db", &db, "99"], &[]);
    assert_eq!(stderr(&out).trim(), "error: no entry #99 in the register");
}

/// clap's usage errors, with `--lang vi` or from `LANG=vi_VN.UTF-8`: in
/// Vietnamese, naming the argument, exit status 2.
#[test]
fn usage_errors_are_told_in_vietnamese() {
    let input = "examples/ke-hoach-1026.yaml";
    // (arguments, words the message must have, whether clap gave a usage line)
    let cases: Vec<(Vec<&str>, &str, bool)> = vec![
        (vec!["rendr", input], "không có lệnh `rendr`", true),
        (
            vec!["render", "--frmat", "pdf", input],
            "không có tham số `--frmat`",
            true,
        ),
        (vec!["render", "--format"], "cần một giá trị", false),
        (
            vec!["render"],
            "còn thiếu tham số bắt buộc: `<INPUTS>...`",
            true,
        ),
        (
            vec!["render", "--format", "odt", input],
            "giá trị `odt` không hợp lệ cho `--format <FORMAT>`",
            false,
        ),
        (vec!["batch", "data.csv"], "`--template <NAME>`", true),
        (
            vec![
                "register",
                "issue",
                "--db",
                "so.db",
                "--date",
                "2026-02-30",
                input,
            ],
            "không có ngày 30 tháng 02 năm 2026",
            false,
        ),
        (
            vec![
                "copy",
                "a.pdf",
                "-o",
                "b.pdf",
                "--kind",
                "sao-y",
                "--paper",
                "--time",
                "2026-03-08T08:00:00+07:00",
            ],
            "không dùng được cùng với",
            true,
        ),
        (
            vec!["lint", "--max-pages", "nhiều", "a.pdf"],
            "`--max-pages <N>`",
            false,
        ),
        (
            vec!["check", "--lang", "xx", input],
            "không có ngôn ngữ `xx`",
            false,
        ),
    ];
    let mut english = Vec::new();
    for (args, words, usage) in &cases {
        let (code, text) = vietnamese(args);
        assert_eq!(code, Some(2), "{args:?}: {text}");
        assert!(text.starts_with("lỗi: "), "{args:?}: {text}");
        assert!(text.contains(words), "{args:?}: `{words}` not in: {text}");
        assert_eq!(
            text.contains("Cách dùng: vanban"),
            *usage,
            "{args:?}: {text}"
        );
        english.extend(english_lines(args, &text));
    }
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
    // Vietnamese from the environment; English stays the default, clap's own.
    let out = vanban(&["rendr"], &[("LANG", "vi_VN.UTF-8")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("gợi ý: có phải ý bạn là `render`?"),
        "{}",
        stderr(&out)
    );
    let out = vanban(&["rendr"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("error: unrecognized subcommand 'rendr'"),
        "{}",
        stderr(&out)
    );
    // Help, in Vietnamese: every command and argument described.
    let out = vanban(&["--lang", "vi", "register", "receive", "--help"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Vào sổ văn bản đến"), "{help}");
    assert!(
        help.contains("--issuer <ISSUER>") && help.contains("Cơ quan ban hành"),
        "{help}"
    );
    let english = english_lines(&[], &help);
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
}

/// Every kind of bad input, with `--lang vi`: no sentence of any message
/// is English (the words quoted from the input or a parser may be).
#[test]
fn every_kind_of_bad_input_is_told_in_vietnamese() {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut invalid: Vec<_> = std::fs::read_dir(repo().join("tests/invalid"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expect"))
        .collect();
    invalid.sort();
    assert!(invalid.len() >= 40, "{}", invalid.len());
    for path in &invalid {
        runs.push(vec!["check".into(), path.display().to_string()]);
    }
    let data = |template: &str, file: &str| {
        vec![
            "check".to_string(),
            "--template".into(),
            template.into(),
            format!("tests/i18n/{file}"),
        ]
    };
    for file in [
        "data-syntax.yaml",
        "data-unknown-field.yaml",
        "data-zero-number.yaml",
        "data-cite-date.yaml",
        "data-cite-kind.yaml",
    ] {
        runs.push(data("bao-cao", file));
    }
    runs.push(data("bao-cao-ket-qua-nam", "data-indicator-figure.yaml"));
    runs.push(data("bao-cao", "rows.csv"));
    runs.push(
        [
            "check",
            "--templates",
            "tests/i18n/templates",
            "--template",
            "hong",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(["tests/i18n/data-zero-number.yaml".to_string()])
        .collect(),
    );
    let font = "tests/i18n/font.ttf";
    let fonts = format!("{font},{font},{font},{font}");
    let out = std::env::temp_dir().join(format!("vanban-i18n-{}", std::process::id()));
    runs.push(
        [
            "render",
            "examples/ke-hoach-1026.yaml",
            "--format",
            "pdf",
            "--fonts",
            &fonts,
            "-o",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain([out.display().to_string()])
        .collect(),
    );
    let mut english = Vec::new();
    for args in &runs {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.insert(0, "--lang");
        args.insert(1, "vi");
        let output = vanban(&args, &[]);
        assert_ne!(output.status.code(), Some(0), "{args:?} should fail");
        let text = stderr(&output);
        assert!(!text.trim().is_empty(), "{args:?}: nothing said");
        english.extend(english_lines(&args, &text));
    }
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
    assert!(!out.exists(), "a failed render wrote {}", out.display());
}

/// Data read from a workbook and a CSV file beside the data: the sheet,
/// cell, column, file and line are named in Vietnamese as in English.
#[test]
fn bad_cells_and_rows_of_data_files_are_told_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Chỉ tiêu").unwrap();
    for (c, text) in ["TT", "Chỉ tiêu", "Kế hoạch năm 2024", "Đơn vị tính"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *text).unwrap();
    }
    for (r, plan) in [(1u32, "1.200"), (2, "1.2.3")] {
        sheet.write_string(r, 0, r.to_string()).unwrap();
        sheet.write_string(r, 1, format!("Lúa {r}")).unwrap();
        sheet.write_string(r, 2, plan).unwrap();
        sheet.write_string(r, 3, "ha").unwrap();
    }
    book.save(dir.path().join("sai.xlsx")).unwrap();
    std::fs::write(
        dir.path().join("dong.csv"),
        "name,unit,plan\nLúa,ha,10\nNgô,ha\n",
    )
    .unwrap();
    let example =
        std::fs::read_to_string(repo().join("examples/data/bao-cao-ket-qua-nam-excel.yaml"))
            .unwrap();
    let from = "indicators: {from: chi-tieu-2024.xlsx, sheet: Chỉ tiêu}";
    assert!(example.contains(from));
    let data = dir.path().join("bao-cao.yaml");
    let check = |lang: &str, with: &str| {
        std::fs::write(&data, example.replace(from, with)).unwrap();
        let path = data.display().to_string();
        let args = [
            "--lang",
            lang,
            "check",
            "--template",
            "bao-cao-ket-qua-nam",
            &path,
        ];
        let out = vanban(&args, &[]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        stderr(&out).replace(&format!("{}/", dir.path().display()), "")
    };
    let book = "indicators: {from: sai.xlsx, sheet: Chỉ tiêu}";
    let en = check("en", book);
    assert!(
        en.contains("bao-cao.yaml: field `indicators`: sai.xlsx: data `indicators.1.plan`, sheet `Chỉ tiêu`, cell C3, column `Kế hoạch năm 2024`: `1.2.3` is not a number"),
        "{en}"
    );
    let vi = check("vi", book);
    assert!(
        vi.contains("bao-cao.yaml: trường `indicators`: sai.xlsx: dữ liệu `indicators.1.plan`, ô C3 của trang tính `Chỉ tiêu`, cột `Kế hoạch năm 2024`: `1.2.3` không phải là số"),
        "{vi}"
    );
    let csv = "indicators: {from: dong.csv}";
    let en = check("en", csv);
    assert!(
        en.contains("field `indicators`: dong.csv: line 3: the row has 2 cells, the header row 3"),
        "{en}"
    );
    let vi = check("vi", csv);
    assert!(
        vi.contains("trường `indicators`: dong.csv: dòng 3: dòng có 2 ô, dòng tiêu đề có 3 ô"),
        "{vi}"
    );
    for text in [check("vi", book), vi] {
        for line in text.lines() {
            let words = english_words(line);
            assert!(words.is_empty(), "{words:?} in: {line}");
        }
    }
}

/// Every document of the lint corpora (DOCX and PDF) linted with `--lang
/// vi`: no English word outside quoted document text (`…`, «…»), in the
/// findings and in the refusals of files that cannot be read (limits,
/// encryption).
#[test]
fn every_lint_finding_is_told_in_vietnamese() {
    let mut files = Vec::new();
    for corpus in ["tests/lint-elsewhere", "tests/lint-hostile"] {
        for entry in std::fs::read_dir(repo().join(corpus)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "docx" | "pdf") {
                files.push(format!(
                    "{corpus}/{}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    files.sort();
    assert!(files.len() >= 100, "{}", files.len());
    let mut english = Vec::new();
    let mut findings = 0;
    for file in &files {
        let out = vanban(&["--lang", "vi", "lint", file], &[]);
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert!(!text.trim().is_empty(), "{file}: nothing said");
        for line in text.lines() {
            findings += usize::from(line.contains("Nghị định yêu cầu"));
            let words = english_words_of_lint(&line.replace(file.as_str(), ""));
            if !words.is_empty() {
                english.push(format!("{file}: {words:?} in: {line}"));
            }
        }
    }
    assert!(findings >= 100, "only {findings} findings read");
    assert!(english.is_empty(), "still English:\n{}", english.join("\n"));
}
