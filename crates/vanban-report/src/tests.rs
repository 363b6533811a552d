//! The engine end to end: built-ins from their example data, escaping of
//! hostile values, strict errors, user folders.

use std::path::PathBuf;

use serde_json::{json, Value};

use super::*;

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(format!("{name}.yaml"));
    data::read_data(&path, &vanban::Limits::default())
        .unwrap()
        .value
}

fn lines(name: &str, data: &Value) -> Vec<String> {
    let templates = Templates::builtin();
    match templates.render_document(name, data) {
        Ok(doc) => doc.text_lines(),
        Err(e) => panic!("{e}\n{:#?}", templates.render(name, data).map(|i| i.body)),
    }
}

fn has(lines: &[String], wanted: &str) -> bool {
    lines.iter().any(|l| l == wanted)
}

#[test]
fn builtins_are_listed_with_their_fields() {
    let templates = Templates::builtin();
    assert_eq!(
        templates.names(),
        [
            "bao-cao",
            "bao-cao-ket-qua-nam",
            "bien-ban",
            "cong-van",
            "giay-moi",
            "ke-hoach",
            "quyet-dinh",
            "thong-bao",
            "to-trinh"
        ]
    );
    let fields = templates.fields("bao-cao-ket-qua-nam").unwrap();
    let year = fields.iter().find(|f| f.path == "year").unwrap();
    assert!(year.required);
    let superior = fields.iter().find(|f| f.path == "superior").unwrap();
    assert!(!superior.required && superior.description.contains("Kính gửi"));
    assert!(templates.about("ke-hoach").unwrap().starts_with("Kế hoạch"));
    assert!(templates.fields("nope").is_none());
}

#[test]
fn year_end_report_from_its_example() {
    let lines = lines("bao-cao-ket-qua-nam", &example("bao-cao-ket-qua-nam"));
    let text = lines.join("\n");
    assert!(has(&lines, "Số: 215/BC-UBND"), "{text}");
    assert!(
        has(&lines, "Kính gửi: Ủy ban nhân dân huyện Châu Thành"),
        "{text}"
    );
    assert!(has(&lines, "- Như trên;"), "{text}");
    assert!(
        text.contains(
            "Thực hiện Công văn số 1845/UBND-VP ngày 25/11/2024 của UBND huyện về việc báo cáo"
        ),
        "{text}"
    );
    assert!(has(&lines, "- Kế hoạch số 12/KH-UBND ngày 15/01/2024 về thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024;"), "{text}");
    assert!(has(&lines, "- Chỉ thị số 03/CT-UBND ngày 10/9/2024 về tăng cường công tác phòng, chống thiên tai mùa mưa bão."), "{text}");
    assert!(
        has(&lines, "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH"),
        "{text}"
    );
    assert!(has(&lines, "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"), "{text}");
    assert!(has(&lines, "V. ĐỀ XUẤT, KIẾN NGHỊ"), "{text}");
    // Table: header, then row 2 (thu ngân sách) with the computed percentages.
    assert!(has(&lines, "So sánh với kế hoạch (%)"), "{text}");
    let row = lines
        .iter()
        .position(|l| l == "Thu ngân sách nhà nước trên địa bàn")
        .unwrap();
    assert_eq!(
        lines[row + 1..row + 6],
        ["triệu đồng", "8.420", "9.000", "9.875,5", "109,7"]
    );
    assert_eq!(lines[row + 6], "117,3");
    assert!(
        has(&lines, "Số gia đình đạt danh hiệu \"Gia đình văn hóa\""),
        "{text}"
    );
    assert!(has(&lines, "Trên đây là báo cáo kết quả thực hiện nhiệm vụ năm 2024, phương hướng, nhiệm vụ năm 2025 của UBND xã An Bình./."), "{text}");
}

#[test]
fn year_end_report_without_superior_or_previous_year() {
    let mut data = example("bao-cao-ket-qua-nam");
    let object = data.as_object_mut().unwrap();
    for indicator in object["indicators"].as_array_mut().unwrap() {
        indicator.as_object_mut().unwrap().remove("previous");
    }
    for key in ["superior", "request", "proposals", "targets", "results"] {
        object.remove(key);
    }
    let lines = lines("bao-cao-ket-qua-nam", &data);
    let text = lines.join("\n");
    assert!(
        !text.contains("Kính gửi") && !text.contains("Như trên"),
        "{text}"
    );
    assert!(
        has(&lines, "So sánh (%)") && !text.contains("cùng kỳ"),
        "{text}"
    );
    assert!(!text.contains("ĐỀ XUẤT"), "{text}");
    assert!(text.contains("UBND xã An Bình báo cáo kết quả"), "{text}");
}

#[test]
fn plan_from_its_example() {
    let lines = lines("ke-hoach", &example("ke-hoach"));
    let text = lines.join("\n");
    assert!(has(&lines, "Số: 1130/KH-VP"), "{text}");
    assert!(has(&lines, "Căn cứ Kế hoạch số 702/KH-UBND ngày 27/02/2024 của UBND tỉnh về chuyển đổi số tỉnh Tây Ninh năm 2024, Văn phòng UBND tỉnh ban hành Kế hoạch chuyển đổi số tại Văn phòng UBND tỉnh năm 2024 như sau:"), "{text}");
    for heading in [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "III. KINH PHÍ THỰC HIỆN",
        "IV. TỔ CHỨC THỰC HIỆN",
        "3. Phân công nhiệm vụ",
    ] {
        assert!(has(&lines, heading), "{heading}\n{text}");
    }
    assert!(has(&lines, "Thời gian hoàn thành"), "{text}");
    assert!(
        has(&lines, "Tập huấn kỹ năng số (2 lớp | 120 học viên)"),
        "a | in data stays in its cell\n{text}"
    );
    assert!(
        has(
            &lines,
            "Tổng kinh phí dự kiến: 123.000.000 đồng (Bằng chữ: Một trăm hai mươi ba triệu đồng)."
        ),
        "{text}"
    );
    assert!(has(&lines, "Trên đây là Kế hoạch chuyển đổi số tại Văn phòng UBND tỉnh năm 2024 của Văn phòng UBND tỉnh./."), "{text}");
}

#[test]
fn plan_opening_variants() {
    let mut data = example("ke-hoach");
    data["opening_verb"] = json!("Thực hiện");
    let text = lines("ke-hoach", &data).join("\n");
    assert!(
        text.contains("\nThực hiện Kế hoạch số 702/KH-UBND"),
        "{text}"
    );
    data["opening"] = json!("Để triển khai kịp thời, Văn phòng ban hành Kế hoạch như sau:");
    let text = lines("ke-hoach", &data).join("\n");
    assert!(
        text.contains(
            "\nĐể triển khai kịp thời, Văn phòng ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH"
        ),
        "{text}"
    );
    data.as_object_mut().unwrap().remove("opening");
    data.as_object_mut().unwrap().remove("bases");
    let text = lines("ke-hoach", &data).join("\n");
    assert!(
        text.contains("\nVăn phòng UBND tỉnh ban hành Kế hoạch chuyển đổi số"),
        "{text}"
    );
}

#[test]
fn general_report_from_its_example() {
    let lines = lines("bao-cao", &example("bao-cao"));
    let text = lines.join("\n");
    assert!(has(&lines, "Kính gửi: Ủy ban nhân dân tỉnh"), "{text}");
    assert!(has(&lines, "I. KẾT QUẢ THỰC HIỆN"), "{text}");
    assert!(has(&lines, "2. Cải cách thủ tục hành chính"), "{text}");
    assert!(
        has(&lines, "- Không có hồ sơ trễ hạn do lỗi chủ quan."),
        "{text}"
    );
    assert!(has(&lines, "III. NHIỆM VỤ QUÝ II NĂM 2025"), "{text}");
}

#[test]
fn hostile_values_stay_literal_text() {
    let mut data = example("bao-cao");
    let hostile = [
        "# Hack",
        "*x*",
        "| a | b |",
        "- not a dash",
        "1. not a clause",
        "<b>x</b>",
        "a\n\n# two",
        "\"quoted\": yes #",
    ];
    data["sections"] = json!([{ "title": "# Hack", "items": hostile, "paragraphs": hostile }]);
    data["issued_by"] = json!("Sở *Nội* vụ");
    data["summary"] = json!("Báo cáo\"\nnumber: 9 # injected");
    data["superior"] = json!("] , evil: [");
    let templates = Templates::builtin();
    let input = templates.render("bao-cao", &data).unwrap();
    assert_eq!(
        input.summary.as_deref(),
        Some("Báo cáo\"\nnumber: 9 # injected")
    );
    assert_eq!(input.number, Some(87));
    assert_eq!(input.addressees, ["] , evil: ["]);
    let doc = templates
        .render_document("bao-cao", &{
            let mut d = data.clone();
            d["summary"] = json!("Tình hình # 1 | *x*");
            d
        })
        .unwrap();
    let lines = doc.text_lines();
    let text = lines.join("\n");
    assert!(has(&lines, "I. # HACK"), "{text}");
    for value in [
        "*x*",
        "| a | b |",
        "- not a dash",
        "1. not a clause",
        "<b>x</b>",
        "a  # two",
        "\"quoted\": yes #",
    ] {
        assert!(has(&lines, value), "paragraph `{value}` missing\n{text}");
        assert!(
            has(&lines, &format!("- {value}")),
            "dash item `{value}` missing\n{text}"
        );
    }
    assert!(
        text.contains("Sở *Nội* vụ báo cáo tình hình # 1 | *x* như sau:"),
        "{text}"
    );
    assert_eq!(
        doc.body
            .iter()
            .filter(|b| matches!(b, vanban::model::Block::Heading(_)))
            .count(),
        1
    );
}

#[test]
fn triple_stash_inserts_trusted_markdown() {
    let mut data = example("bao-cao");
    data["sections"] = json!([{ "title": "Phụ lục số liệu", "markdown": "## Bảng\n\n| A | B |\n|---|---|\n| 1 | 2 |" }]);
    let lines = lines("bao-cao", &data);
    assert!(has(&lines, "1. Bảng") && has(&lines, "B"), "{lines:?}");
}

#[test]
fn a_missing_field_names_template_line_column_and_path() {
    let mut data = example("bao-cao-ket-qua-nam");
    data.as_object_mut().unwrap().remove("year");
    let error = Templates::builtin()
        .render("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert!(matches!(error.kind, TemplateErrorKind::MissingData));
    assert_eq!(error.data_path.as_deref(), Some("year"));
    // The first `{{year}}` is in the header's summary line.
    let source = include_str!("../../../templates/bao-cao-ket-qua-nam.hbs");
    let (line, text) = source
        .lines()
        .enumerate()
        .find(|(_, l)| l.starts_with("summary:"))
        .unwrap();
    let column = text.find("{{year}}").unwrap() + 1;
    let column = text[..column - 1].chars().count() + 1;
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("template `bao-cao-ket-qua-nam` line {}, column {column}, data `year`: the data has no such field", line + 1)),
        "{message}"
    );
}

#[test]
fn an_indicator_without_a_name_names_the_item() {
    let mut data = example("bao-cao-ket-qua-nam");
    data["indicators"][4]
        .as_object_mut()
        .unwrap()
        .remove("name");
    let error = Templates::builtin()
        .render("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert_eq!(
        error.data_path.as_deref(),
        Some("indicators.4.name"),
        "{error}"
    );
    assert!(
        error.to_string().contains("every indicator needs a name"),
        "{error}"
    );
}

#[test]
fn a_bad_value_in_a_list_names_its_full_path() {
    let mut data = example("bao-cao-ket-qua-nam");
    data["indicators"][3]["actual"] = json!("nhiều");
    let error = Templates::builtin()
        .render("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert!(matches!(error.kind, TemplateErrorKind::BadData));
    assert_eq!(error.data_path.as_deref(), Some("indicators.3.actual"));
    assert!(
        error
            .to_string()
            .contains("data `indicators.3.actual`: `nhiều` is not a number"),
        "{error}"
    );
    data["indicators"][3]["actual"] = json!(1);
    data["date"] = json!("2024-02-30");
    let error = Templates::builtin()
        .render_document("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert!(error.input_error().is_some(), "{error}");
    assert!(error.to_string().contains("date"), "{error}");
}

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const MINI: &str = "{{!--\nA note.\n- who: the signer\n--}}\n---\nkind: bao-cao\nissuer: {name: \"SỞ X\", abbreviation: \"SX\"}\nplace: \"Hà Nội\"\nsummary: \"Tin {{who}}\"\nrecipients: [\"A\"]\nsigner: {title: \"GIÁM ĐỐC\", name: \"{{who}}\"}\n---\n{{> _greeting}} {{who}}./.\n";

#[test]
fn a_user_folder_adds_and_overrides_with_partials_by_name() {
    let dir = folder(&[
        ("ghi-chu.hbs", MINI),
        ("bao-cao.hbs", MINI),
        ("_greeting.hbs", "Xin chào"),
    ]);
    let templates = Templates::with_dir(dir.path()).unwrap();
    assert_eq!(
        templates.names(),
        [
            "bao-cao",
            "bao-cao-ket-qua-nam",
            "bien-ban",
            "cong-van",
            "ghi-chu",
            "giay-moi",
            "ke-hoach",
            "quyet-dinh",
            "thong-bao",
            "to-trinh"
        ]
    );
    let doc = templates
        .render_document("ghi-chu", &json!({"who": "An"}))
        .unwrap();
    assert!(doc.text_lines().contains(&"Xin chào An./.".to_string()));
    assert_eq!(templates.about("bao-cao"), Some("A note."));
}

#[test]
fn a_value_outside_quotes_in_the_header_is_refused_at_load() {
    let bad = MINI.replace("place: \"Hà Nội\"", "place: {{who}}");
    let dir = folder(&[("x.hbs", &bad)]);
    let error = Templates::with_dir(dir.path()).err().unwrap();
    let message = error.to_string();
    assert!(
        message.contains("template `x`") && message.contains("line 8, column 8"),
        "{message}"
    );
    assert!(message.contains("inside double quotes"), "{message}");
}

#[test]
fn syntax_errors_and_unknown_partials_are_located() {
    let dir = folder(&[("x.hbs", &MINI.replace("{{> _greeting}}", "{{#if who}}"))]);
    let message = Templates::with_dir(dir.path()).err().unwrap().to_string();
    assert!(
        message.contains("template `x`") && message.contains("line 14"),
        "{message}"
    );
    let dir = folder(&[("x.hbs", MINI)]);
    let error = Templates::with_dir(dir.path())
        .unwrap()
        .render("x", &json!({"who": "A"}))
        .unwrap_err();
    assert!(error.to_string().contains("_greeting"), "{error}");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused() {
    let outside = folder(&[("secret.hbs", MINI)]);
    let dir = folder(&[]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.hbs"),
        dir.path().join("_leak.hbs"),
    )
    .unwrap();
    let error = Templates::with_dir(dir.path()).err().unwrap();
    assert!(
        error.to_string().contains("outside the template folder"),
        "{error}"
    );
}

#[test]
fn numbers_beyond_15_digits_are_refused_by_their_data_path() {
    // JSON hands 99999999999999999999 over as the float 1e20.
    let data: Value = serde_json::from_str(r#"{"year": 99999999999999999999}"#).unwrap();
    let error = Templates::builtin()
        .render("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert_eq!(error.data_path.as_deref(), Some("year"));
    assert!(error.message.contains("too large"), "{}", error.message);
    // Arithmetic that leaves the exact range is refused too, never `1e+20`.
    let example = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data/bao-cao-ket-qua-nam.yaml");
    let mut data = data::read_data(&example, &vanban::Limits::default())
        .unwrap()
        .value;
    data["year"] = json!(999_999_999_999_999u64);
    let error = Templates::builtin()
        .render("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert!(error.message.contains("too large"), "{}", error.message);
}

/// A template file with `header` (after `kind`) and `body`.
fn hostile(header: &str, body: &str) -> String {
    format!("---\nkind: bao-cao\n{header}---\n{body}\n")
}

#[test]
fn ten_thousand_nested_ifs_are_refused_at_load() {
    let body = "{{#if x}}".repeat(10_000) + &"{{/if}}".repeat(10_000);
    let dir = folder(&[("deep.hbs", &hostile("", &body))]);
    let error = Templates::with_dir(dir.path()).err().unwrap();
    assert!(
        error
            .message
            .contains("nest 10000 deep, more than the limit of 32")
            && error.message.contains("--max-template-depth"),
        "{error}"
    );
    let dir = folder(&[
        ("_p.hbs", &"((".repeat(5_000)),
        ("t.hbs", &hostile("", "x")),
    ]);
    let partial = format!("{{{{x {}}}}}", "(a ".repeat(5_000));
    std::fs::write(dir.path().join("_p.hbs"), partial).unwrap();
    let error = Templates::with_dir(dir.path()).err().unwrap();
    assert!(error.message.contains("nest 5000 deep"), "{error}");
}

#[test]
fn nine_nested_lists_stop_at_the_work_budget() {
    let body = "{{#each @root.xs}}".repeat(9) + "." + &"{{/each}}".repeat(9);
    let dir = folder(&[("t.hbs", &hostile("", &body))]);
    let templates = Templates::with_dir(dir.path()).unwrap();
    let data = json!({"xs": (0..10).collect::<Vec<_>>()});
    let started = std::time::Instant::now();
    let error = templates.render("t", &data).err().unwrap();
    assert!(
        error
            .message
            .contains("more than the limit of 1000000 (raise it with --max-template-work)"),
        "{error}"
    );
    assert!(started.elapsed().as_secs() < 10);
}

#[test]
fn json_of_data_30_deep_is_written_or_refused_quickly() {
    let dir = folder(&[("t.hbs", &hostile("summary: {{json deep}}\n", "x"))]);
    let templates = Templates::with_dir(dir.path()).unwrap();
    let mut deep = json!("đáy");
    for _ in 0..30 {
        deep = json!({ "a": [deep] });
    }
    let started = std::time::Instant::now();
    let result = templates.render("t", &json!({ "deep": deep }));
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    let error = result.err().unwrap();
    assert!(error.message.contains("summary"), "{error}");
    for (header, body) in [
        ("bases: {{json deep}}\n", "x"),
        ("", "{{json deep}}"),
        ("issuer: {{json deep}}\n", "{{json deep}}"),
    ] {
        let dir = folder(&[("t.hbs", &hostile(header, body))]);
        let templates = Templates::with_dir(dir.path()).unwrap();
        for d in [deep.clone(), (0..30).fold(json!("x"), |v, _| json!([v]))] {
            let started = std::time::Instant::now();
            let result = templates.render_document("t", &json!({ "deep": d }));
            eprintln!(
                "TOOK {:?} {:?}",
                started.elapsed(),
                result
                    .err()
                    .map(|e| e.to_string().chars().take(200).collect::<String>())
            );
        }
    }
}

#[test]
fn a_list_repeating_a_long_value_stops_at_the_field_limit() {
    let dir = folder(&[("t.hbs", &hostile("", "{{#each xs}}{{@root.big}}{{/each}}"))]);
    let templates = Templates::with_dir(dir.path()).unwrap();
    let data = json!({"xs": vec![0; 10_000], "big": "x".repeat(100_000)});
    let error = templates.render("t", &data).err().unwrap();
    assert!(
        error.message.contains("writes more text than a field may hold, more than the limit of 1000000 (raise it with --max-field-chars)"),
        "{error}"
    );
}
