//! Templates across crates: each built-in from its example data to DOCX,
//! and the `templates`, `render --template` and `batch` commands.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{paragraph_texts, part, repo, temp_dir};
use serde_json::Value;
use vanban_report::{data, Templates};

fn example_data(name: &str) -> PathBuf {
    repo().join("examples/data").join(format!("{name}.yaml"))
}

/// The paragraphs of the DOCX a built-in makes from its example data.
fn docx_texts(name: &str) -> Vec<String> {
    let data = data::read_data(&example_data(name), &vanban::Limits::default())
        .unwrap()
        .value;
    let doc = Templates::builtin()
        .render_document(name, &data)
        .unwrap_or_else(|e| panic!("{e}"));
    paragraph_texts(&part(
        &vanban_docx::to_docx(&doc).unwrap(),
        "word/document.xml",
    ))
}

fn has(texts: &[String], wanted: &str) -> bool {
    texts.iter().any(|t| t == wanted)
}

#[test]
fn year_end_report_docx_has_computed_percentages() {
    let texts = docx_texts("bao-cao-ket-qua-nam");
    let all = texts.join("\n");
    assert!(has(&texts, "BÁO CÁO"), "{all}");
    assert!(
        has(&texts, "Kính gửi: Ủy ban nhân dân huyện Châu Thành"),
        "{all}"
    );
    // Thu ngân sách: 9.875,5 of a 9.000 plan, against 8.420 the year before.
    let row = texts
        .iter()
        .position(|t| t == "Thu ngân sách nhà nước trên địa bàn")
        .expect(&all);
    assert_eq!(
        texts[row + 1..row + 7],
        ["triệu đồng", "8.420", "9.000", "9.875,5", "109,7", "117,3"]
    );
    // Tỷ lệ hộ nghèo: 1,48 against 1,6 planned.
    let row = texts
        .iter()
        .position(|t| t == "Tỷ lệ hộ nghèo (chuẩn đa chiều)")
        .expect(&all);
    // Lower is better: 1,48 ÷ 1,6 = 92,5% of the plan, and the row counts
    // as exceeded; 1,48 ÷ 2,15 = 68,8% of last year.
    assert_eq!(texts[row + 3..row + 7], ["1,6", "1,48", "92,5", "68,8"]);
    assert_eq!(texts[row + 7], "Vượt");
    assert!(has(&texts, "- Như trên;"), "{all}");
    assert!(
        all.contains("Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2024"),
        "{all}"
    );
}

#[test]
fn plan_docx_has_task_table_and_money_in_words() {
    let texts = docx_texts("ke-hoach");
    let all = texts.join("\n");
    assert!(has(&texts, "KẾ HOẠCH"), "{all}");
    for cell in [
        "STT",
        "Nội dung",
        "Chủ trì",
        "Phối hợp",
        "Thời gian hoàn thành",
        "Quý II/2024",
    ] {
        assert!(has(&texts, cell), "{cell}\n{all}");
    }
    assert!(
        all.contains("(Bằng chữ: Một trăm hai mươi ba triệu đồng)"),
        "{all}"
    );
}

#[test]
fn general_report_docx() {
    let texts = docx_texts("bao-cao");
    let all = texts.join("\n");
    assert!(has(&texts, "I. KẾT QUẢ THỰC HIỆN"), "{all}");
    assert!(
        all.contains("Thực hiện Công văn số 512/UBND-NC ngày 12/3/2025 của UBND tỉnh"),
        "{all}"
    );
}

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(repo())
        .output()
        .expect("the vanban binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn templates_command_lists_builtins_and_their_fields() {
    let output = vanban(&["templates"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    for line in [
        "bao-cao:",
        "bao-cao-ket-qua-nam:",
        "ke-hoach:",
        "  indicators[] ",
        "  superior? ",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn render_with_a_template_writes_the_document() {
    let out = temp_dir("template-render");
    let data = example_data("ke-hoach");
    let output = vanban(&[
        "render",
        "--template",
        "ke-hoach",
        data.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let docx = std::fs::read(out.join("ke-hoach.docx")).unwrap();
    let texts = paragraph_texts(&part(&docx, "word/document.xml"));
    assert!(has(&texts, "IV. TỔ CHỨC THỰC HIỆN"), "{texts:?}");
}

#[test]
fn render_with_a_template_reports_missing_data() {
    let dir = temp_dir("template-missing");
    let mut data: Value = data::read_data(
        &example_data("bao-cao-ket-qua-nam"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    data.as_object_mut().unwrap().remove("year");
    let file = dir.join("thieu.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let output = vanban(&[
        "render",
        "--template",
        "bao-cao-ket-qua-nam",
        file.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("template `bao-cao-ket-qua-nam` line ") && message.contains("data `year`"),
        "{message}"
    );
}

/// The 50-commune CSV with row 7's date and row 31's actual value broken.
fn csv_with_two_bad_rows(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(repo().join("examples/data/bao-cao-50-xa.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    // Row n is on line n + 1, after the header.
    let date = lines[7].find(",2024-12-").unwrap() + 1;
    lines[7].replace_range(date..date + 10, "2024-02-30");
    let key = "Sản lượng lương thực,tấn,";
    let plan = lines[31].find(key).unwrap() + key.len();
    let actual = plan + lines[31][plan..].find(',').unwrap() + 1;
    let end = actual + lines[31][actual..].find(',').unwrap();
    lines[31].replace_range(actual..end, "chưa có số liệu");
    let path = dir.join("bao-cao-50-xa.csv");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_batch_of_50_with_2_bad_rows_writes_48_and_names_the_2() {
    let dir = temp_dir("template-batch");
    let data = csv_with_two_bad_rows(&dir);
    let out = dir.join("out");
    let output = vanban(&[
        "batch",
        data.to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
        "--jobs",
        "2",
        "--name-field",
        "issued_by",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 48, "{written:?}\n{message}");
    assert!(
        written.contains(&"ubnd-xa-an-binh.docx".to_string()),
        "{written:?}"
    );
    assert!(
        message.contains("row 7 (line 8), field `date`"),
        "{message}"
    );
    assert!(
        message.contains("row 31 (line 32), field `indicators.4.actual`"),
        "{message}"
    );
    assert!(
        message.contains("`chưa có số liệu` is not a number"),
        "{message}"
    );
    assert!(
        message.contains("48 of 50 documents written, 2 failed"),
        "{message}"
    );
    let failures = message.lines().filter(|l| l.contains(": row ")).count();
    assert_eq!(failures, 2, "{message}");
}

#[test]
fn a_batch_reads_json_lines_too() {
    let dir = temp_dir("template-batch-jsonl");
    let one = data::read_data(&example_data("bao-cao"), &vanban::Limits::default())
        .unwrap()
        .value;
    let mut two = one.clone();
    two["issued_by"] = Value::from("Sở Tư pháp");
    let path = dir.join("items.jsonl");
    std::fs::write(&path, format!("{one}\n{two}\n")).unwrap();
    let out = dir.join("out");
    let output = vanban(&[
        "batch",
        path.to_str().unwrap(),
        "--template",
        "bao-cao",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("bao-cao-001.docx").exists() && out.join("bao-cao-002.docx").exists());
}

#[test]
fn a_user_template_folder_overrides_a_builtin() {
    let dir = temp_dir("template-folder");
    let folder = dir.join("mau");
    std::fs::create_dir_all(&folder).unwrap();
    let own = "{{!--\nThông báo ngắn.\n- who: người ký\n--}}\n---\nkind: bao-cao\nissuer: {name: \"SỞ X\", abbreviation: \"SX\"}\nplace: \"Hà Nội\"\nsummary: \"Tin của {{who}}\"\nrecipients: [\"A\"]\nsigner: {title: \"GIÁM ĐỐC\", name: \"{{who}}\"}\n---\n{{> _chao}} {{who}}./.\n";
    std::fs::write(folder.join("bao-cao.hbs"), own).unwrap();
    std::fs::write(folder.join("_chao.hbs"), "Xin chào").unwrap();
    let listing = vanban(&["templates", "--templates", folder.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&listing.stdout).into_owned();
    assert!(
        text.contains("bao-cao: Thông báo ngắn.") && !text.contains("_chao"),
        "{text}"
    );
    let data = dir.join("d.yaml");
    std::fs::write(&data, "who: Lê An\n").unwrap();
    let out = dir.join("out");
    let output = vanban(&[
        "render",
        "--template",
        "bao-cao",
        "--templates",
        folder.to_str().unwrap(),
        data.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "docx",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let texts = paragraph_texts(&part(
        &std::fs::read(out.join("d.docx")).unwrap(),
        "word/document.xml",
    ));
    assert!(has(&texts, "Xin chào Lê An./."), "{texts:?}");
}

/// The files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn check_with_a_template_reports_every_problem_and_writes_nothing() {
    let dir = temp_dir("check-template");
    let mut data: Value = data::read_data(
        &example_data("bao-cao-ket-qua-nam"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    data["strenghts"] = data["strengths"].clone();
    data["indicators"][1]["uint"] = Value::from("ha");
    data["number"] = Value::from(0);
    data["date"] = Value::from("2024-02-30");
    let file = dir.join("bao-cao.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["check", "--template", "bao-cao-ket-qua-nam", "bao-cao.json"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    // One line each: two unknown fields, the number, the invalid date.
    for expected in [
        "bao-cao.json: template `bao-cao-ket-qua-nam`, data `indicators.1.uint`: the template has no such field: `indicators.1.uint` (did you mean `unit`?",
        "bao-cao.json: template `bao-cao-ket-qua-nam`, data `strenghts`: the template has no such field: `strenghts` (did you mean `strengths`?",
        "bao-cao.json: template `bao-cao-ket-qua-nam`, data `number`: 0 is not a number in the register; for a blank slot (filled in after signing), leave `number` out",
        "bao-cao.json: template `bao-cao-ket-qua-nam`: the document it makes is not valid",
    ] {
        assert!(
            message.lines().any(|l| l.starts_with(expected)),
            "{expected}\n{message}"
        );
    }
    assert!(message.contains("date"), "{message}");
    assert!(!message.contains(": ok"), "{message}");
    assert_eq!(files_in(&dir), ["bao-cao.json"], "nothing is written");

    let clean = vanban(&[
        "check",
        "--template",
        "bao-cao-ket-qua-nam",
        example_data("bao-cao-ket-qua-nam").to_str().unwrap(),
    ]);
    let message = stderr(&clean);
    assert!(clean.status.success(), "{message}");
    assert!(
        message.ends_with("bao-cao-ket-qua-nam.yaml: ok\n"),
        "{message}"
    );
}

#[test]
fn check_with_a_template_goes_through_every_row_of_a_batch() {
    let dir = temp_dir("check-rows");
    let data = csv_with_two_bad_rows(&dir);
    let output = vanban(&[
        "check",
        "--template",
        "bao-cao-ket-qua-nam",
        data.to_str().unwrap(),
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    let failed: Vec<&str> = message.lines().filter(|l| l.contains(": row ")).collect();
    assert!(
        failed.len() == 2
            && failed[0].contains(": row 7 (line 8): ")
            && failed[1].contains(": row 31 (line 32): ")
            && failed[1].contains("data `indicators.4.actual`"),
        "{message}"
    );
    assert_eq!(files_in(&dir), ["bao-cao-50-xa.csv"], "nothing is written");
}

#[test]
fn check_names_the_cell_of_an_unknown_column_in_a_sheet() {
    let dir = temp_dir("check-sheet");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Chỉ tiêu").unwrap();
    for (c, name) in ["name", "unit", "plan", "actual", "uint"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    sheet.write_string(1, 0, "Diện tích lúa").unwrap();
    sheet.write_string(1, 1, "ha").unwrap();
    sheet.write_number(1, 2, 1200.0).unwrap();
    sheet.write_number(1, 3, 1185.0).unwrap();
    sheet.write_string(1, 4, "ha").unwrap();
    book.save(dir.join("chi-tieu.xlsx")).unwrap();
    let mut data: Value = data::read_data(
        &example_data("bao-cao-ket-qua-nam"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    data["indicators"] = serde_json::json!({"from": "chi-tieu.xlsx", "sheet": "Chỉ tiêu"});
    let file = dir.join("bao-cao.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let output = vanban(&[
        "check",
        "--template",
        "bao-cao-ket-qua-nam",
        file.to_str().unwrap(),
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("data `indicators.0.uint`")
            && message.contains("did you mean `unit`?")
            && message.contains("sheet `Chỉ tiêu`, cell E2"),
        "{message}"
    );
}

#[test]
fn a_batch_allows_its_name_field_column_and_nothing_else() {
    let dir = temp_dir("batch-name-column");
    let text = std::fs::read_to_string(repo().join("examples/data/bao-cao-50-xa.csv")).unwrap();
    let mut lines = text.lines();
    let header = format!("xa,{}", lines.next().unwrap());
    let rows: Vec<String> = lines
        .take(2)
        .enumerate()
        .map(|(i, l)| format!("xa-{i},{l}"))
        .collect();
    let data = dir.join("rows.csv");
    std::fs::write(&data, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let run = |extra: &[&str]| {
        let out = dir.join("out");
        let mut args = vec![
            "batch",
            data.to_str().unwrap(),
            "--template",
            "bao-cao-ket-qua-nam",
            "-o",
            out.to_str().unwrap(),
            "--format",
            "docx",
        ];
        args.extend_from_slice(extra);
        vanban(&args)
    };
    let named = run(&["--name-field", "xa"]);
    assert!(named.status.success(), "{}", stderr(&named));
    assert_eq!(files_in(&dir.join("out")), ["xa-0.docx", "xa-1.docx"]);
    let unnamed = run(&[]);
    let message = stderr(&unnamed);
    assert_eq!(unnamed.status.code(), Some(1), "{message}");
    assert!(
        message.contains("the template has no such field: `xa`"),
        "{message}"
    );
}

#[test]
fn check_names_every_missing_field_with_what_it_is() {
    let dir = temp_dir("check-missing");
    let mut data: Value = data::read_data(
        &example_data("bao-cao-ket-qua-nam"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    let object = data.as_object_mut().unwrap();
    object.remove("year");
    object.remove("tasks");
    data["signer"].as_object_mut().unwrap().remove("name");
    data["indicators"][3]
        .as_object_mut()
        .unwrap()
        .remove("name");
    let file = dir.join("thieu.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let output = vanban(&[
        "check",
        "--template",
        "bao-cao-ket-qua-nam",
        file.to_str().unwrap(),
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    let lines: Vec<&str> = message.lines().collect();
    for (path, about) in [
        ("indicators.3.name", "(chỉ tiêu)"),
        ("signer.name", "(full name)"),
        ("tasks", "(nhiệm vụ, giải pháp trọng tâm năm sau)"),
        ("year", "(the year reported on, e.g. 2024"),
    ] {
        let expected =
            format!("data `{path}`: the data lacks a field the template needs: `{path}` {about}");
        assert!(
            lines.iter().filter(|l| l.contains(&expected)).count() == 1,
            "{expected}\n{message}"
        );
    }
    assert_eq!(lines.len(), 4, "each once, nothing else: {message}");
}
