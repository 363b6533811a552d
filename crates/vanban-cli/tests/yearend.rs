//! Year-end reports end to end: indicators with direction, groups and
//! missing values, checked number by number in the PDF's text; the same
//! report from YAML and from an .xlsx workbook; bad cells named; roll-up;
//! the summary sentence against the table on 50 generated units.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{have, normalise, paragraph_texts, part, repo, run, temp_dir};
use rust_xlsxwriter::Workbook;
use serde_json::{json, Value};
use vanban_report::{data, Templates};

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

/// Year-end data with every awkward case: a `giảm` indicator, plan 0,
/// missing current and previous values, decimals, and `m²`, `#`, `&`, `*`,
/// `_` in names.
fn tricky_data() -> Value {
    let mut data = data::read_data(
        &repo().join("examples/data/bao-cao-ket-qua-nam.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    data["indicators"] = json!([
        {"group": "Kinh tế", "name": "Doanh thu thương mại & dịch vụ", "unit": "tỷ đồng", "plan": 350.5, "actual": 362.25, "key": true},
        {"group": "Kinh tế", "name": "Giá trị sản xuất nông nghiệp #1", "unit": "tỷ đồng", "previous": 1085.47, "plan": 1150, "actual": 1192.63, "key": true},
        {"group": "Kinh tế", "name": "Thu nhập bình quân đầu người", "unit": "triệu đồng/người", "previous": 62.5, "plan": 68, "actual": 66.35},
        {"group": "Văn hóa - xã hội", "name": "Tỷ lệ hộ nghèo *đa chiều*", "unit": "%", "previous": 2.15, "plan": 1.6, "actual": 1.48, "direction": "giảm", "key": true},
        {"group": "Văn hóa - xã hội", "name": "Diện tích nhà ở bình quân (m²/người)", "unit": "m²", "previous": 23.4, "plan": 25, "key": true},
        {"group": "Văn hóa - xã hội", "name": "Số lao động được đào tạo nghề", "unit": "người", "previous": 410, "plan": 400, "actual": 400},
        {"group": "Quốc phòng - an ninh", "name": "Số vụ cháy_nổ", "unit": "vụ", "previous": 3, "plan": 0, "actual": 2, "direction": "giảm", "key": true},
    ]);
    data
}

/// A number the Vietnamese way, computed here: `.` between thousands, `,`
/// before the decimals (up to two, or exactly `places`), half away from zero.
fn vn(x: f64, places: Option<usize>) -> String {
    let p = places.unwrap_or(2);
    let scaled = (x.abs() * 10f64.powi(p as i32)).round() as u64;
    let (whole, frac) = (scaled / 10u64.pow(p as u32), scaled % 10u64.pow(p as u32));
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    let mut frac = format!("{frac:0p$}");
    if places.is_none() {
        frac = frac.trim_end_matches('0').to_string();
    }
    if p > 0 && !frac.is_empty() {
        out = format!("{out},{frac}");
    }
    out
}

fn num(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

/// What one indicator's table row must read, computed from its data:
/// previous, plan, actual, % of plan, % of last year, status.
fn expected_row(i: &Value) -> Vec<String> {
    let (plan, actual, previous) = (num(i, "plan"), num(i, "actual"), num(i, "previous"));
    let cell = |x: Option<f64>| x.map_or("-".into(), |x| vn(x, None));
    let pct = |x: Option<f64>| x.map_or("-".into(), |x| vn(x, Some(1)));
    // Actual ÷ plan in either direction; the status says which is good.
    let of_plan = match (plan, actual) {
        (Some(p), Some(a)) if p != 0.0 => Some(a / p * 100.0),
        _ => None,
    };
    let of_previous = match (previous, actual) {
        (Some(p), Some(a)) if p != 0.0 => Some(a / p * 100.0),
        _ => None,
    };
    let status = status_of(i).unwrap_or("-");
    vec![
        cell(previous),
        cell(plan),
        cell(actual),
        pct(of_plan),
        pct(of_previous),
        status.split(' ').next().unwrap().to_string(),
    ]
}

fn status_of(i: &Value) -> Option<&'static str> {
    let down = i.get("direction").and_then(Value::as_str) == Some("giảm");
    let (plan, actual) = (num(i, "plan")?, num(i, "actual")?);
    // A plan of 0 says nothing of more-is-better; for less-is-better it
    // asks for none at all.
    if plan == 0.0 && !down {
        return None;
    }
    let better = if down { plan - actual } else { actual - plan };
    Some(if better > 0.0 {
        "Vượt"
    } else if better == 0.0 {
        "Đạt"
    } else {
        "Không đạt"
    })
}

fn write_yaml(dir: &Path, name: &str, data: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(data).unwrap()).unwrap();
    path
}

fn render(data_file: &Path, out: &Path, format: &str) -> Output {
    vanban(&[
        "render",
        "--template",
        "bao-cao-ket-qua-nam",
        data_file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        format,
    ])
}

#[test]
fn tricky_indicators_read_right_number_by_number_in_the_pdf() {
    if !have("pdftotext") {
        eprintln!("SKIPPED: pdftotext not installed (run .ci/run)");
        return;
    }
    let dir = temp_dir("yearend-pdf");
    let data = tricky_data();
    let file = write_yaml(&dir, "bao-cao.json", &data);
    let output = render(&file, &dir, "pdf");
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = dir.join("bao-cao.pdf");
    let layout = run("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let indicators = data["indicators"].as_array().unwrap();
    for (index, indicator) in indicators.iter().enumerate() {
        let tt = (index + 1).to_string();
        let want = expected_row(indicator);
        let rows: Vec<&str> = layout
            .lines()
            .filter(|l| {
                let tokens: Vec<&str> = l.split_whitespace().collect();
                tokens.first() == Some(&tt.as_str())
                    && tokens.ends_with(&want.iter().map(String::as_str).collect::<Vec<_>>())
            })
            .collect();
        assert_eq!(rows.len(), 1, "row {tt} should read {want:?}\n{layout}");
    }
    // The sentence counts what the table shows.
    let statuses: Vec<Option<&str>> = indicators.iter().map(status_of).collect();
    let judged = statuses.iter().flatten().count();
    let met = statuses
        .iter()
        .flatten()
        .filter(|s| **s != "Không đạt")
        .count();
    let exceeded = statuses.iter().flatten().filter(|s| **s == "Vượt").count();
    let text = normalise(&run("pdftotext", &[pdf.to_str().unwrap(), "-"]));
    let sentence = format!(
        "hoàn thành {met}/{judged} chỉ tiêu chủ yếu, trong đó {exceeded} chỉ tiêu vượt kế hoạch; {} chỉ tiêu chưa đạt kế hoạch: Thu nhập bình quân đầu người, Số vụ cháy_nổ; {} chỉ tiêu chưa đánh giá được",
        judged - met,
        indicators.len() - judged
    );
    assert!(text.contains(&sentence), "{sentence}\n{text}");
    // Key figures, with names verbatim (m², #, &, *, _ are not Markdown here).
    let i = &indicators[1];
    let (p, a, prev) = (
        num(i, "plan").unwrap(),
        num(i, "actual").unwrap(),
        num(i, "previous").unwrap(),
    );
    for wanted in [
        format!(
            "- Doanh thu thương mại & dịch vụ đạt {} tỷ đồng, bằng {}% kế hoạch;",
            vn(362.25, None),
            vn(362.25 / 350.5 * 100.0, Some(1))
        ),
        format!(
            "- Giá trị sản xuất nông nghiệp #1 đạt {} tỷ đồng, bằng {}% kế hoạch, tăng {}% so với cùng kỳ;",
            vn(a, None),
            vn(a / p * 100.0, Some(1)),
            vn((a - prev) / prev * 100.0, Some(1))
        ),
        format!(
            // A rate changes in percentage points: 2,15 − 1,48 = 0,67.
            "- Tỷ lệ hộ nghèo *đa chiều* còn 1,48% (kế hoạch 1,6%), giảm {} điểm phần trăm so với cùng kỳ;",
            vn(2.15 - 1.48, None)
        ),
        "- Diện tích nhà ở bình quân (m²/người): chưa có số liệu;".to_string(),
        format!(
            "- Số vụ cháy_nổ còn 2 vụ (kế hoạch 0 vụ), giảm {}% so với cùng kỳ;",
            vn((3.0 - 2.0) / 3.0 * 100.0, Some(1))
        ),
    ] {
        assert!(text.contains(&wanted), "{wanted}\n{text}");
    }
    // Group rows, numbered I, II, III.
    for group in ["I Kinh tế", "II Văn hóa", "III Quốc phòng"] {
        assert!(
            layout.lines().any(|l| normalise(l).starts_with(group)),
            "{group}\n{layout}"
        );
    }
}

/// The indicators as an office keeps them: one row each under a header of
/// field names, numbers as numbers, blanks where a value is missing, and
/// rates (unit `%`) typed as percentages (`1,48%`, which Excel stores as
/// 0.0148 with a percent format).
fn write_workbook(path: &Path, sheet_name: &str, indicators: &[Value]) {
    let columns = [
        "group",
        "name",
        "unit",
        "direction",
        "key",
        "previous",
        "plan",
        "actual",
    ];
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.00%");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name(sheet_name).unwrap();
    for (c, name) in columns.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for (r, indicator) in indicators.iter().enumerate() {
        let row = r as u32 + 1;
        for (c, name) in columns.iter().enumerate() {
            let col = c as u16;
            match indicator.get(*name) {
                Some(Value::String(s)) => {
                    sheet.write_string(row, col, s).unwrap();
                }
                Some(Value::Number(n)) if indicator["unit"] == "%" => {
                    let x = n.as_f64().unwrap() / 100.0;
                    sheet
                        .write_number_with_format(row, col, x, &percent)
                        .unwrap();
                }
                Some(Value::Number(n)) => {
                    sheet.write_number(row, col, n.as_f64().unwrap()).unwrap();
                }
                Some(Value::Bool(b)) => {
                    sheet.write_boolean(row, col, *b).unwrap();
                }
                _ => {}
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn the_same_report_from_yaml_and_from_a_workbook_is_the_same_bytes() {
    let dir = temp_dir("yearend-xlsx");
    let data = tricky_data();
    write_workbook(
        &dir.join("chi-tieu.xlsx"),
        "Chỉ tiêu",
        data["indicators"].as_array().unwrap(),
    );
    let mut from_sheet = data.clone();
    from_sheet["indicators"] = json!({"from": "chi-tieu.xlsx", "sheet": "Chỉ tiêu"});
    let inline = write_yaml(&dir, "inline.json", &data);
    let sheet = write_yaml(&dir, "sheet.json", &from_sheet);
    for file in [&inline, &sheet] {
        let output = render(file, &dir, "docx,pdf");
        assert!(output.status.success(), "{}", stderr(&output));
    }
    for ext in ["docx", "pdf"] {
        let a = std::fs::read(dir.join(format!("inline.{ext}"))).unwrap();
        let b = std::fs::read(dir.join(format!("sheet.{ext}"))).unwrap();
        assert!(a.len() > 1000 && a == b, "{ext} differs");
    }
}

#[test]
fn the_example_workbook_holds_the_example_indicators() {
    let examples = repo().join("examples/data");
    let yaml = data::read_data(
        &examples.join("bao-cao-ket-qua-nam.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    let book = examples.join("chi-tieu-2024.xlsx");
    if std::env::var_os("VANBAN_WRITE_EXAMPLES").is_some() {
        write_workbook(&book, "Chỉ tiêu", yaml["indicators"].as_array().unwrap());
    }
    let excel = data::read_data(
        &examples.join("bao-cao-ket-qua-nam-excel.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    assert_eq!(excel["indicators"], yaml["indicators"]);
    let a = Templates::builtin()
        .render_document("bao-cao-ket-qua-nam", &yaml)
        .unwrap();
    let b = Templates::builtin()
        .render_document("bao-cao-ket-qua-nam", &excel)
        .unwrap();
    assert_eq!(
        vanban_docx::to_docx(&a).unwrap(),
        vanban_docx::to_docx(&b).unwrap()
    );
}

#[test]
fn a_bad_cell_names_its_sheet_cell_and_field() {
    let dir = temp_dir("yearend-bad-cell");
    let mut data = tricky_data();
    let mut indicators = data["indicators"].as_array().unwrap().clone();
    indicators[2]["plan"] = json!("chưa giao");
    write_workbook(&dir.join("chi-tieu.xlsx"), "Chỉ tiêu", &indicators);
    data["indicators"] = json!({"from": "chi-tieu.xlsx", "sheet": "Chỉ tiêu"});
    let file = write_yaml(&dir, "bad.json", &data);
    let output = render(&file, &dir, "docx");
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    // Indicator 3 is on row 4; plan is the 7th column, G.
    assert!(
        message.contains("indicators.2.plan")
            && message.contains("`chưa giao` is not a number")
            && message.contains("sheet `Chỉ tiêu`, cell G4"),
        "{message}"
    );
    assert!(!dir.join("bad.docx").exists());

    // A sheet that is not there names the sheets that are.
    data["indicators"] = json!({"from": "chi-tieu.xlsx", "sheet": "Chi tieu"});
    let file = write_yaml(&dir, "bad.json", &data);
    let message = stderr(&render(&file, &dir, "docx"));
    assert!(
        message.contains("field `indicators`")
            && message.contains("no sheet `Chi tieu`; the sheets are: `Chỉ tiêu`"),
        "{message}"
    );
}

#[test]
fn batch_from_a_sheet_names_bad_cells() {
    let dir = temp_dir("yearend-batch-sheet");
    let book = dir.join("xa.xlsx");
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("Khác").unwrap();
    let sheet = workbook.add_worksheet().set_name("Các xã").unwrap();
    let header = [
        "issuer.name",
        "issuer.abbreviation",
        "place",
        "year",
        "indicators.0.name",
        "indicators.0.unit",
        "indicators.0.plan",
        "indicators.0.actual",
        "leadership.0.kind",
        "strengths.0",
        "weaknesses.0",
        "causes.0",
        "tasks.0",
        "recipients.0",
        "signer.title",
        "signer.name",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (xa, actual)) in [
        ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", 120.0),
        ("ỦY BAN NHÂN DÂN XÃ AN HÒA", 80.0),
    ]
    .iter()
    .enumerate()
    {
        let row = r as u32 + 1;
        let texts = [
            *xa,
            "UBND",
            "An Bình",
            "",
            "Thu ngân sách",
            "triệu đồng",
            "",
            "",
            "Kế hoạch",
            "a",
            "b",
            "c",
            "d",
            "HĐND xã",
            "CHỦ TỊCH",
            "Nguyễn Văn A",
        ];
        for (c, t) in texts.iter().enumerate() {
            if !t.is_empty() {
                sheet.write_string(row, c as u16, *t).unwrap();
            }
        }
        sheet.write_number(row, 3, 2024).unwrap();
        // An Hòa's plan is text that is not a number: its cell is named.
        if r == 1 {
            sheet.write_string(row, 6, "chưa giao").unwrap();
        } else {
            sheet.write_number(row, 6, 100).unwrap();
        }
        sheet.write_number(row, 7, *actual).unwrap();
    }
    // Row 4: a header-less column holds a value.
    sheet.write_string(3, 20, "lạc chỗ").unwrap();
    workbook.save(&book).unwrap();
    let output = vanban(&[
        "batch",
        book.to_str().unwrap(),
        "--sheet",
        "Các xã",
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        dir.to_str().unwrap(),
        "--format",
        "docx",
        "--jobs",
        "1",
        "--name-field",
        "issuer.name",
    ]);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(message.contains("sheet `Các xã`, cell U4"), "{message}");
    assert!(
        message.contains("row 2 (line 3), field `indicators.0.plan`")
            && message.contains("`chưa giao` is not a number")
            && message.contains("(sheet `Các xã`, cell G3)"),
        "{message}"
    );
    // issued_by is derived from issuer.name.
    let texts = paragraph_texts(&part(
        &std::fs::read(dir.join("uy-ban-nhan-dan-xa-an-binh.docx")).unwrap(),
        "word/document.xml",
    ));
    assert!(
        texts.iter().any(|t| t.contains(
            "UBND xã An Bình hoàn thành 1/1 chỉ tiêu chủ yếu, trong đó 1 chỉ tiêu vượt kế hoạch"
        )),
        "{texts:?}"
    );
    assert!(!dir.join("uy-ban-nhan-dan-xa-an-hoa.docx").exists());
}

/// A deterministic stream of numbers for generated data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A value with up to 2 decimals in [lo, hi).
    fn between(&mut self, lo: f64, hi: f64) -> f64 {
        ((lo + (hi - lo) * self.next()) * 100.0).round() / 100.0
    }
}

const NAMES: [(&str, &str, bool); 6] = [
    ("Thu ngân sách", "triệu đồng", false),
    ("Diện tích lúa", "ha", false),
    ("Lao động có việc làm", "người", false),
    ("Tỷ lệ hộ nghèo", "%", true),
    ("Tỷ lệ tham gia BHYT", "%", false),
    ("Số vụ tai nạn giao thông", "vụ", true),
];

fn generated_unit(rng: &mut Lcg, index: usize) -> Value {
    let indicators: Vec<Value> = NAMES
        .iter()
        .map(|(name, unit, down)| {
            let plan = if rng.next() < 0.1 {
                0.0
            } else {
                rng.between(10.0, 1000.0)
            };
            let mut i = json!({"name": name, "unit": unit, "plan": plan,
                "previous": rng.between(10.0, 1000.0)});
            let roll = rng.next();
            if roll < 0.1 {
                // no actual
            } else if roll < 0.2 {
                i["actual"] = json!(plan);
            } else {
                i["actual"] = json!((plan * rng.between(0.8, 1.2) * 100.0).round() / 100.0);
            }
            if *down {
                i["direction"] = json!("giảm");
            }
            if rng.next() < 0.2 {
                i.as_object_mut().unwrap().remove("previous");
            }
            i
        })
        .collect();
    json!({"name": format!("Xã {index}"), "households": rng.between(500.0, 5000.0).round(), "indicators": indicators})
}

#[test]
fn summary_counts_equal_the_table_statuses_on_50_units() {
    let base = data::read_data(
        &repo().join("examples/data/bao-cao-ket-qua-nam.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    let templates = Templates::builtin();
    let mut rng = Lcg(2024);
    for index in 0..50 {
        let unit = generated_unit(&mut rng, index);
        let mut data = base.clone();
        data["indicators"] = unit["indicators"].clone();
        let doc = templates
            .render_document("bao-cao-ket-qua-nam", &data)
            .unwrap_or_else(|e| panic!("unit {index}: {e}"));
        let texts = paragraph_texts(&part(
            &vanban_docx::to_docx(&doc).unwrap(),
            "word/document.xml",
        ));
        let count = |s: &str| texts.iter().filter(|t| *t == s).count();
        let (exceeded, met, not_met) = (count("Vượt"), count("Đạt"), count("Không đạt"));
        let judged = exceeded + met + not_met;
        let sentence = texts
            .iter()
            .find(|t| t.contains("chỉ tiêu chủ yếu, trong đó"));
        if judged == 0 {
            assert!(sentence.is_none(), "unit {index}");
            continue;
        }
        let wanted = format!(
            "hoàn thành {}/{judged} chỉ tiêu chủ yếu, trong đó {exceeded} chỉ tiêu vượt kế hoạch",
            exceeded + met
        );
        let sentence = sentence.unwrap_or_else(|| panic!("unit {index}: no sentence\n{texts:?}"));
        assert!(
            sentence.contains(&wanted),
            "unit {index}: {wanted}\n{sentence}"
        );
        // And the table's statuses are the ones judged here.
        let want: Vec<&str> = unit["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(status_of)
            .collect();
        assert_eq!(want.len(), judged, "unit {index}");
    }
}

fn amount(units: &[Value], name: &str, key: &str) -> Option<f64> {
    units
        .iter()
        .map(|u| {
            u["indicators"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["name"] == name)
                .and_then(|i| num(i, key))
        })
        .sum()
}

fn weighted(units: &[Value], name: &str, key: &str) -> Option<f64> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    for u in units {
        let w = u["households"].as_f64().unwrap();
        let i = u["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["name"] == name)?;
        sum += num(i, key)? * w;
        weights += w;
    }
    Some(sum / weights)
}

#[test]
fn rollup_of_three_units_sums_amounts_and_weights_rates() {
    let dir = temp_dir("yearend-rollup");
    let mut rng = Lcg(7);
    let units: Vec<Value> = (0..3).map(|i| generated_unit(&mut rng, i)).collect();
    let mut files = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        files.push(write_yaml(&dir, &format!("xa-{i}.json"), unit));
    }
    let mut base = data::read_data(
        &repo().join("examples/data/bao-cao-ket-qua-nam.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    let object = base.as_object_mut().unwrap();
    object.remove("indicators");
    object.insert(
        "weights".into(),
        json!({"Tỷ lệ hộ nghèo": "households", "Tỷ lệ tham gia BHYT": "households"}),
    );
    let base_file = write_yaml(&dir, "huyen.json", &base);
    let mut args = vec!["rollup", base_file.to_str().unwrap()];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    args.extend(["-o", dir.to_str().unwrap(), "--format", "docx"]);
    let output = vanban(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let texts = paragraph_texts(&part(
        &std::fs::read(dir.join("huyen.docx")).unwrap(),
        "word/document.xml",
    ));
    let all = texts.join("\n");
    for (name, unit, _) in NAMES {
        let combine = if unit == "%" { weighted } else { amount };
        let row = texts
            .iter()
            .position(|t| t == name)
            .unwrap_or_else(|| panic!("{name}\n{all}"));
        let cell = |x: Option<f64>| x.map_or("-".to_string(), |x| vn(x, None));
        let mut want = vec![
            cell(combine(&units, name, "plan")),
            cell(combine(&units, name, "actual")),
        ];
        if all.contains("So với cùng kỳ (%)") {
            want.insert(0, cell(combine(&units, name, "previous")));
        }
        assert_eq!(texts[row + 2..row + 2 + want.len()], want, "{name}\n{all}");
    }
    // The per-unit table: each unit's own counts.
    for (i, unit) in units.iter().enumerate() {
        let statuses: Vec<&str> = unit["indicators"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(status_of)
            .collect();
        let met = statuses.iter().filter(|s| **s != "Không đạt").count();
        let row = texts
            .iter()
            .position(|t| *t == format!("Xã {i}"))
            .unwrap_or_else(|| panic!("Xã {i}\n{all}"));
        assert_eq!(texts[row + 2], format!("{met}/{}", statuses.len()), "{all}");
    }

    // Without a weight, a percentage is refused, naming it.
    base.as_object_mut().unwrap().remove("weights");
    let base_file = write_yaml(&dir, "huyen.json", &base);
    args[1] = base_file.to_str().unwrap();
    let output = vanban(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("indicator `Tỷ lệ hộ nghèo` is in `%`, a rate, which is never summed"),
        "{}",
        stderr(&output)
    );
}

/// A minimal OpenDocument spreadsheet, as LibreOffice Calc saves one: each
/// cell is `Some((value-type, value))` or `None` for an empty cell.
fn write_ods(path: &Path, sheet: &str, rows: &[Vec<Option<(&str, String)>>]) {
    use std::io::Write;
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    xml += &format!(r#"<table:table table:name="{sheet}">"#);
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;")
    };
    for row in rows {
        xml += "<table:table-row>";
        for cell in row {
            xml += &match cell {
                None => "<table:table-cell/>".to_string(),
                Some(("string", s)) => format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                    escape(s)
                ),
                Some(("date", d)) => format!(
                    r#"<table:table-cell office:value-type="date" office:date-value="{d}"><text:p>{d}</text:p></table:table-cell>"#
                ),
                Some(("boolean", b)) => format!(
                    r#"<table:table-cell office:value-type="boolean" office:boolean-value="{b}"><text:p>{b}</text:p></table:table-cell>"#
                ),
                Some((kind, v)) => format!(
                    r#"<table:table-cell office:value-type="{kind}" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
                ),
            };
        }
        xml += "</table:table-row>";
    }
    xml += "</table:table></office:spreadsheet></office:body></office:document-content>";
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_ods_sheet_gives_the_same_report_and_reads_dates() {
    let dir = temp_dir("yearend-ods");
    let data = tricky_data();
    let columns = [
        "group",
        "name",
        "unit",
        "direction",
        "key",
        "previous",
        "plan",
        "actual",
    ];
    let mut rows = vec![columns
        .iter()
        .map(|c| Some(("string", c.to_string())))
        .collect::<Vec<_>>()];
    for indicator in data["indicators"].as_array().unwrap() {
        rows.push(
            columns
                .iter()
                .map(|c| match indicator.get(*c) {
                    Some(Value::String(s)) => Some(("string", s.clone())),
                    Some(Value::Number(n)) => Some(("float", n.to_string())),
                    Some(Value::Bool(b)) => Some(("boolean", b.to_string())),
                    _ => None,
                })
                .collect(),
        );
    }
    write_ods(&dir.join("chi-tieu.ods"), "Chỉ tiêu", &rows);
    let mut from_sheet = data.clone();
    from_sheet["indicators"] = json!({"from": "chi-tieu.ods", "sheet": "Chỉ tiêu"});
    let inline = write_yaml(&dir, "inline.json", &data);
    let sheet = write_yaml(&dir, "sheet.json", &from_sheet);
    for file in [&inline, &sheet] {
        let output = render(file, &dir, "docx");
        assert!(output.status.success(), "{}", stderr(&output));
    }
    let a = std::fs::read(dir.join("inline.docx")).unwrap();
    let b = std::fs::read(dir.join("sheet.docx")).unwrap();
    assert!(a == b, "the report from the .ods differs");

    // A date cell becomes an ISO date; an empty cell is absent.
    let dates = dir.join("dates.ods");
    write_ods(
        &dates,
        "Ngày",
        &[
            vec![
                Some(("string", "date".into())),
                Some(("string", "note".into())),
            ],
            vec![Some(("date", "2024-12-16".into())), None],
        ],
    );
    let rows = data::read_rows_in(&dates, None).unwrap();
    assert_eq!(
        rows[0].data.as_ref().unwrap(),
        &json!({"date": "2024-12-16"})
    );
}

/// The cells after the row's name in the DOCX table, up to `n`.
fn row_after<'a>(texts: &'a [String], name: &str, n: usize) -> &'a [String] {
    let all = texts.join("\n");
    let at = texts
        .iter()
        .position(|t| t == name)
        .unwrap_or_else(|| panic!("{name}\n{all}"));
    &texts[at + 1..at + 1 + n]
}

#[test]
fn the_offices_own_workbook_renders_with_its_figures_checked_by_hand() {
    let dir = temp_dir("yearend-office");
    let data = repo().join("examples/data/bao-cao-ket-qua-nam-2025.yaml");
    let output = render(&data, &dir, "docx");
    assert!(output.status.success(), "{}", stderr(&output));
    let texts = paragraph_texts(&part(
        &std::fs::read(dir.join("bao-cao-ket-qua-nam-2025.docx")).unwrap(),
        "word/document.xml",
    ));
    // 185.420 ÷ 180.000 = 103,01%; 185.420 ÷ 170.700 = 108,62%: typed as
    // text the Vietnamese way, read as a hundred and eighty-five thousand.
    assert_eq!(
        row_after(&texts, "Thu ngân sách nhà nước trên địa bàn", 8),
        [
            "triệu đồng",
            "170.700",
            "180.000",
            "185.420",
            "103,0",
            "108,6",
            "Vượt",
            "Ước thực hiện"
        ]
    );
    // 1,48 ÷ 1,6 = 92,5%; 1,48 ÷ 2,15 = 68,84%; `Giảm` in capitals.
    assert_eq!(
        row_after(&texts, "Tỷ lệ hộ nghèo (chuẩn đa chiều)", 7),
        ["%", "2,15", "1,6", "1,48", "92,5", "68,8", "Vượt"]
    );
    // A plan of none, two fires: judged, not met; 2 ÷ 3 = 66,7% of last year.
    assert_eq!(
        row_after(&texts, "Số vụ cháy, nổ", 7),
        ["vụ", "3", "0", "2", "-", "66,7", "Không đạt"]
    );
    // 98 ÷ 110 = 89,1% of a lower-is-better plan: exceeded.
    assert_eq!(
        row_after(&texts, "Số vụ phạm pháp hình sự", 7),
        ["vụ", "120", "110", "98", "89,1", "81,7", "Vượt"]
    );
    // Group rows from the merged `I. KINH TẾ` and from `II` | `VĂN HÓA - XÃ HỘI`;
    // the title rows and the "Người lập biểu" line are no indicators.
    for group in ["KINH TẾ", "VĂN HÓA - XÃ HỘI", "QUỐC PHÒNG - AN NINH"] {
        assert!(texts.iter().any(|t| t == group), "{group}");
    }
    assert!(!texts.iter().any(|t| t.contains("Người lập biểu")));
    let all = texts.join("\n");
    assert!(
        all.contains("giảm 0,67 điểm phần trăm so với cùng kỳ"),
        "{all}"
    );
    assert!(
        all.contains("hoàn thành 6/7 chỉ tiêu chủ yếu, trong đó 6 chỉ tiêu vượt kế hoạch; 1 chỉ tiêu chưa đạt kế hoạch: Số vụ cháy, nổ."),
        "{all}"
    );
}

#[test]
fn an_office_workbook_with_wrong_years_or_english_figures_is_refused_by_cell() {
    let dir = temp_dir("yearend-office-bad");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Biểu 01").unwrap();
    sheet.write_string(0, 0, "BIỂU CHỈ TIÊU").unwrap();
    for (c, h) in [
        "TT",
        "Chỉ tiêu",
        "Đơn vị tính",
        "Kế hoạch năm 2025",
        "Thực hiện năm 2025",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    sheet.write_number(3, 0, 1).unwrap();
    sheet.write_string(3, 1, "Diện tích lúa").unwrap();
    sheet.write_string(3, 2, "ha").unwrap();
    sheet.write_string(3, 3, "1.5").unwrap();
    sheet.write_string(3, 4, "1.250,5").unwrap();
    sheet.write_number(4, 0, 2).unwrap();
    sheet.write_string(4, 1, "Sản lượng").unwrap();
    sheet.write_string(4, 2, "tấn").unwrap();
    sheet.write_number(4, 3, 10).unwrap();
    sheet.write_formula(4, 4, "=D5*2").unwrap();
    book.save(dir.join("chi-tieu.xlsx")).unwrap();
    let mut data = data::read_data(
        &repo().join("examples/data/bao-cao-ket-qua-nam-2025.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    data["indicators"] = json!({"from": "chi-tieu.xlsx", "sheet": "Biểu 01"});
    // The same sheet in a report on 2024: both year headers named.
    data["year"] = json!(2024);
    let file = write_yaml(&dir, "bao-cao.json", &data);
    let output = render(&file, &dir, "docx");
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("cell D3: `Kế hoạch năm 2025` is for 2025, but the report is on 2024"),
        "{message}"
    );
    assert!(message.contains("cell E3"), "{message}");
    // In 2025: the English `1.5` and the formula never computed, both named
    // with their cells, at once.
    data["year"] = json!(2025);
    let file = write_yaml(&dir, "bao-cao.json", &data);
    let output = render(&file, &dir, "docx");
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains("cell D4") && message.contains("written the English way it is 1,5"),
        "{message}"
    );
    assert!(
        message.contains("cell E5") && message.contains("never saved"),
        "{message}"
    );
    assert!(!dir.join("bao-cao.docx").exists());
}
