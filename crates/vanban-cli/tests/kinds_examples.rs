//! Every kind's example (`examples/kinds/*.yaml`) and the templates of the
//! common kinds (`quyet-dinh`, `to-trinh`, `cong-van`, `thong-bao`,
//! `giay-moi`, `bien-ban`): each validates, renders to DOCX and PDF with its
//! own text, and LibreOffice lays the DOCX out on as many pages as our PDF.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;
use serde_json::{json, Value};
use vanban::Document;
use vanban_report::{data, TemplateErrorKind, Templates};

const NEW_TEMPLATES: [&str; 6] = [
    "quyet-dinh",
    "to-trinh",
    "cong-van",
    "thong-bao",
    "giay-moi",
    "bien-ban",
];

fn kind_examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("examples/kinds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

fn docx_texts(doc: &Document) -> Vec<String> {
    paragraph_texts(&part(
        &vanban_docx::to_docx(doc).unwrap(),
        "word/document.xml",
    ))
}

fn pages(pdf: &Path) -> usize {
    run("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count for {}", pdf.display()))
}

/// The type name and the text every example must show, by file.
fn expected(name: &str) -> (&'static str, &'static str) {
    match name {
        "bien-ban" => ("BIÊN BẢN", "- Lưu: VT, Hồ sơ."),
        "chuong-trinh" => ("CHƯƠNG TRÌNH", "- CT, các PCT UBND tỉnh (để b/c);"),
        "cong-dien" => ("CÔNG ĐIỆN", "PHÓ THỦ TƯỚNG CHÍNH PHỦ điện:"),
        "giay-gioi-thieu" => (
            "GIẤY GIỚI THIỆU",
            "Giấy này có giá trị đến hết ngày 31 tháng 3 năm 2026./.",
        ),
        "giay-nghi-phep" => ("GIẤY NGHỈ PHÉP", "Chức vụ: Chuyên viên"),
        "huong-dan" => (
            "HƯỚNG DẪN",
            "- Các sở, ban, ngành tỉnh, UBND các xã, phường (để t/h);",
        ),
        "cong-van" => ("Số: 3722/VPCP-CN", "- Như trên;"),
        "giay-moi" => (
            "GIẤY MỜI",
            "Rất mong quý đại biểu tham dự đúng thời gian./.",
        ),
        "ke-hoach" => ("KẾ HOẠCH", "Phụ lục"),
        "nghi-quyet" => ("NGHỊ QUYẾT", "QUYẾT NGHỊ:"),
        "quyet-dinh" => ("QUYẾT ĐỊNH", "QUYẾT ĐỊNH:"),
        "quyet-dinh-gian-tiep" => (
            "QUY CHẾ",
            "(Ban hành kèm theo Quyết định số 1209/QĐ-UBND ngày 24 tháng 6 năm 2013 của Chủ tịch UBND tỉnh Hà Giang)",
        ),
        "thong-bao" => ("THÔNG BÁO", "- Lưu: VT, KT."),
        "to-trinh" => ("TỜ TRÌNH", "Kính gửi: Ủy ban nhân dân tỉnh Tây Ninh"),
        other => panic!("examples/kinds/{other}.yaml has no expectations here: add them"),
    }
}

#[test]
fn every_kind_example_validates_and_renders_its_own_text() {
    let files = kind_examples();
    let names: Vec<String> = files.iter().map(|p| stem(p)).collect();
    for kind in [
        "bien-ban",
        "chuong-trinh",
        "cong-dien",
        "cong-van",
        "giay-gioi-thieu",
        "giay-nghi-phep",
        "huong-dan",
        "giay-moi",
        "ke-hoach",
        "nghi-quyet",
        "thong-bao",
        "to-trinh",
    ] {
        assert!(
            names.iter().any(|n| n == kind),
            "examples/kinds/{kind}.yaml"
        );
    }
    for file in &files {
        let doc = Document::from_path(file).unwrap_or_else(|e| panic!("{e}"));
        let texts = docx_texts(&doc);
        let all = texts.join("\n");
        let (heading, mark) = expected(&stem(file));
        assert!(
            texts.iter().any(|t| t == heading),
            "{heading} in {}\n{all}",
            file.display()
        );
        assert!(
            texts.iter().any(|t| t == mark),
            "{mark} in {}\n{all}",
            file.display()
        );
        assert!(texts.iter().any(|t| t == &doc.signer.name), "{all}");
        let pdf = vanban_pdf::to_pdf(&doc).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{}", file.display());
    }
}

#[test]
fn libreoffice_lays_every_kind_example_out_on_as_many_pages_as_our_pdf() {
    if !have("soffice") || !have("pdfinfo") {
        eprintln!("SKIPPED: soffice or pdfinfo missing");
        return;
    }
    let dir = temp_dir("kinds-examples");
    let mut docx_files = Vec::new();
    for file in kind_examples() {
        let doc = Document::from_path(&file).unwrap_or_else(|e| panic!("{e}"));
        let name = stem(&file);
        std::fs::write(
            dir.join(format!("{name}.pdf")),
            vanban_pdf::to_pdf(&doc).unwrap(),
        )
        .unwrap();
        let docx = dir.join(format!("{name}.docx"));
        std::fs::write(&docx, vanban_docx::to_docx(&doc).unwrap()).unwrap();
        docx_files.push(docx);
    }
    // One LibreOffice run for all of them keeps CI time small.
    let lo = dir.join("lo");
    let status = Command::new("soffice")
        .arg("--headless")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--convert-to", "pdf", "--outdir"])
        .arg(&lo)
        .args(&docx_files)
        .output()
        .expect("soffice runs");
    for docx in &docx_files {
        let name = stem(docx);
        let theirs = lo.join(format!("{name}.pdf"));
        assert!(
            theirs.exists(),
            "LibreOffice made no {name}.pdf: {status:?}"
        );
        let ours = pages(&dir.join(format!("{name}.pdf")));
        assert_eq!(pages(&theirs), ours, "pages of {name}: LibreOffice vs ours");
    }
    // The Kế hoạch's Phụ lục is a landscape page in both.
    for pdf in [dir.join("ke-hoach.pdf"), lo.join("ke-hoach.pdf")] {
        let (width, height) = last_page_size(&pdf);
        assert!(
            width > 840.0 && height < 596.0,
            "{}: {width} x {height}",
            pdf.display()
        );
    }
}

/// Width and height in points of a PDF's last page, from `pdfinfo`.
fn last_page_size(pdf: &Path) -> (f32, f32) {
    let info = run("pdfinfo", &["-l", "99", pdf.to_str().unwrap()]);
    let line = info
        .lines()
        .rfind(|l| l.starts_with("Page") && l.contains("size:"))
        .expect("pdfinfo lists page sizes");
    let numbers: Vec<f32> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    // "Page 3 size: 841.89 x 595.276 pts (A4)" → [3, 841.89, 595.276]
    (numbers[1], numbers[2])
}

fn template_data(name: &str) -> Value {
    data::read_data(
        &repo().join("examples/data").join(format!("{name}.yaml")),
        &vanban::Limits::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
    .value
}

fn render(name: &str, data: &Value) -> Document {
    Templates::builtin()
        .render_document(name, data)
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Paragraphs each template must produce from its example data.
fn template_expectations(name: &str) -> &'static [&'static str] {
    match name {
        "quyet-dinh" => &[
            "QUYẾT ĐỊNH",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH",
            "QUYẾT ĐỊNH:",
            "Điều 1. Công bố Danh mục thủ tục hành chính",
            "Điều 2. Tổ chức thực hiện",
            "Điều 3. Trách nhiệm thi hành",
            "Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng các sở, ban, ngành tỉnh và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.",
            "- Như Điều 3;",
            "- Lưu: VT, KSTT. NTH(15)",
        ],
        "to-trinh" => &[
            "TỜ TRÌNH",
            "Số: 35/TTr-SNV",
            "Kính gửi: Ủy ban nhân dân tỉnh",
            "I. SỰ CẦN THIẾT",
            "II. NỘI DUNG ĐỀ NGHỊ",
            "III. KINH PHÍ THỰC HIỆN",
            "IV. KIẾN NGHỊ",
            "- Bảng tổng hợp ý kiến góp ý của các sở, ngành, địa phương./.",
            "- Như trên;",
        ],
        "cong-van" => &[
            "Số: 1187/UBND-VX",
            "- Ủy ban nhân dân các xã, phường.",
            "Giao Sở Y tế theo dõi, đôn đốc việc thực hiện, tổng hợp báo cáo Ủy ban nhân dân tỉnh và Bộ Y tế theo quy định./.",
            "- Như trên;",
            "- Bộ Y tế (để b/c);",
        ],
        "thong-bao" => &[
            "THÔNG BÁO",
            "Số: 96/TB-VP",
            "1. Đánh giá chung",
            "2. Nhiệm vụ thời gian tới",
            "Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.",
        ],
        "giay-moi" => &[
            "GIẤY MỜI",
            "Số: 142/GM-VP",
            "Văn phòng Ủy ban nhân dân tỉnh trân trọng kính mời:",
            "- Chủ tịch Ủy ban nhân dân các xã, phường.",
            "Thời gian: 08 giờ 00, thứ Năm, ngày 16 tháng 7 năm 2026.",
            "- Như trên;",
        ],
        "bien-ban" => &[
            "BIÊN BẢN",
            "Số: 07/BB-UBND",
            "I. THỜI GIAN, ĐỊA ĐIỂM",
            "Thư ký (người ghi biên bản): Trần Thị Mai, Công chức Văn phòng - Thống kê.",
            "IV. KẾT LUẬN CỦA CHỦ TỌA",
            "CHỦ TỌA",
            "- Lưu: VT, Hồ sơ.",
        ],
        other => panic!("no expectations for template {other}"),
    }
}

#[test]
fn every_new_template_renders_its_example_data_to_docx_and_pdf() {
    let templates = Templates::builtin();
    for name in NEW_TEMPLATES {
        assert!(templates.names().contains(&name), "{name} is built in");
        let doc = render(name, &template_data(name));
        let texts = docx_texts(&doc);
        let all = texts.join("\n");
        for wanted in template_expectations(name) {
            assert!(texts.iter().any(|t| t == wanted), "{name}: {wanted}\n{all}");
        }
        assert!(vanban_pdf::to_pdf(&doc).unwrap().starts_with(b"%PDF-"));
    }
}

#[test]
fn the_quyet_dinh_template_numbers_articles_from_data_and_keeps_them_text() {
    let mut data = template_data("quyet-dinh");
    // A title that looks like Markdown stays one article's literal title.
    data["articles"][1]["title"] = json!("# Điều 9. Hack\n\n# Phụ lục: x");
    let texts = docx_texts(&render("quyet-dinh", &data));
    let articles: Vec<&String> = texts.iter().filter(|t| t.starts_with("Điều ")).collect();
    assert_eq!(articles.len(), 3, "{articles:?}");
    assert_eq!(articles[1], "Điều 2. # Điều 9. Hack # Phụ lục: x");
    assert!(!texts.iter().any(|t| t == "Phụ lục"), "{texts:?}");
}

fn error(name: &str, data: &Value) -> vanban_report::TemplateError {
    match Templates::builtin().render(name, data) {
        Ok(_) => panic!("{name} accepted {data}"),
        Err(e) => e,
    }
}

#[test]
fn an_unknown_field_is_refused_naming_it_and_what_is_allowed() {
    for name in NEW_TEMPLATES {
        let mut data = template_data(name);
        data["closign"] = json!("Trân trọng./.");
        data["issuer"]["abbrev"] = json!("SNV");
        let e = error(name, &data);
        assert!(matches!(e.kind, TemplateErrorKind::BadData), "{name}: {e}");
        let text = e.to_string();
        assert!(
            text.contains("`closign`")
                && text.contains(
                    "`issuer.abbrev` (did you mean `abbreviation`? allowed there: abbreviation, name"
                ),
            "{name}: {text}"
        );
    }
    let mut data = template_data("quyet-dinh");
    data["articles"][1]["clause"] = json!(["Một"]);
    let text = error("quyet-dinh", &data).to_string();
    assert!(
        text.contains("data `articles.1.clause`")
            && text.contains("(did you mean `clauses`? allowed there: clauses, text, title)"),
        "{text}"
    );
}

#[test]
fn bad_or_missing_data_names_the_field() {
    let mut data = template_data("giay-moi");
    data["number"] = json!("một trăm");
    let text = error("giay-moi", &data).to_string();
    assert!(text.contains("data `number`"), "{text}");

    let mut data = template_data("bien-ban");
    data.as_object_mut().unwrap().remove("venue");
    let e = error("bien-ban", &data);
    assert!(matches!(e.kind, TemplateErrorKind::MissingData), "{e}");
    assert!(e.to_string().contains("data `venue`"), "{e}");

    let mut data = template_data("cong-van");
    data["issuer"].as_object_mut().unwrap().remove("unit");
    let e = error("cong-van", &data);
    assert!(e.to_string().contains("data `issuer.unit`"), "{e}");
}

#[test]
fn the_templates_command_lists_the_new_templates() {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("templates")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    for name in NEW_TEMPLATES {
        assert!(text.contains(name), "{name}\n{text}");
    }
    assert!(text.contains("articles[].clauses"), "{text}");
    assert!(
        !text.contains("Fields not listed here are refused."),
        "the marker line is not shown as prose"
    );
}

#[test]
fn vanban_lint_finds_no_error_in_the_new_kind_examples() {
    let errors = lint_errors("kinds-lint", &kind_examples());
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn data_that_looks_like_markdown_or_yaml_stays_text_in_the_giay_moi() {
    let mut data = template_data("giay-moi");
    data["summary"] = json!("Dự \"họp\"\nkind: bao-cao");
    data["invitees"] = json!(["# Hack", "| a | b |"]);
    data["event"] = json!("**x** - y");
    let doc = render("giay-moi", &data);
    assert_eq!(doc.kind.id(), "giay-moi");
    let texts = docx_texts(&doc);
    for wanted in ["- # Hack;", "- | a | b |.", "Tới dự: **x** - y."] {
        assert!(texts.iter().any(|t| t == wanted), "{wanted}\n{texts:?}");
    }
}
