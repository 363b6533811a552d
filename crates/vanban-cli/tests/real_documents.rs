//! What writing real published documents of each kind (`tests/real/`)
//! found missing or wrong, each checked here: read back from the DOCX XML
//! and from our PDF.

mod common;

use common::*;
use vanban::{Document, Format};

fn real(name: &str) -> Document {
    Document::from_path(repo().join("tests/real").join(name)).unwrap_or_else(|e| panic!("{e}"))
}

/// The paragraphs of the DOCX body, in order: (text, has a bottom border).
fn paragraphs(doc: &Document) -> Vec<(String, bool)> {
    let xml = part(&vanban_docx::to_docx(doc).unwrap(), "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    tree.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let border = p.descendants().any(|n| {
                n.has_tag_name((W, "pBdr")) && n.children().any(|b| b.has_tag_name((W, "bottom")))
            });
            (docx_text(p), border)
        })
        .collect()
}

/// Appendix III's Giấy giới thiệu (1.8) has no summary: the type name
/// stands over its own short rule, and the text follows. Other kinds still
/// require one.
#[test]
fn a_giay_gioi_thieu_needs_no_summary() {
    let doc = real("giay-gioi-thieu-cong-tac.yaml");
    assert_eq!(doc.summary, "");
    let paras = paragraphs(&doc);
    let at = paras
        .iter()
        .position(|(t, _)| t == "GIẤY GIỚI THIỆU")
        .expect("the type name");
    assert_eq!(
        paras[at + 1],
        (String::new(), true),
        "the rule right under the type name"
    );
    assert_eq!(
        paras[at + 2].0,
        "Sở Tài chính tỉnh Cà Mau trân trọng giới thiệu:"
    );

    let pdf = vanban_pdf::to_pdf(&doc).unwrap();
    if have("pdftotext") {
        let text = pdf_text(&pdf);
        assert!(
            text.contains("GIẤY GIỚI THIỆU Sở Tài chính tỉnh Cà Mau trân trọng giới thiệu:"),
            "{text}"
        );
    } else {
        eprintln!("SKIPPED: pdftotext missing");
    }

    let without =
        "kind: ke-hoach\nissuer: {name: SỞ TÀI CHÍNH, abbreviation: STC}\nplace: Cà Mau\n\
                   body: Nội dung./.\nsigner: {title: GIÁM ĐỐC, name: Lý Thị Thu Hà}\n";
    let err = Document::from_text(without, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("summary: is required"), "{err}");
    let nghi_phep = without.replace("ke-hoach", "giay-nghi-phep");
    Document::from_text(&nghi_phep, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
}

/// The text of a PDF, whitespace-normalised (pdftotext).
fn pdf_text(pdf: &[u8]) -> String {
    let dir = temp_dir("real-documents-text");
    let path = dir.join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    normalise(&run("pdftotext", &[path.to_str().unwrap(), "-"]))
}

/// `vanban lint` on every real document, both formats: no error.
#[test]
fn vanban_lint_finds_no_error_in_the_real_documents() {
    let errors = lint_errors("real-lint", &real_files());
    assert!(errors.is_empty(), "{errors:#?}");
}

fn real_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("tests/real"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "yaml" || e == "json" || e == "toml")
        })
        .collect();
    files.sort();
    files
}

/// The data files of `tests/real/data`, each through the built-in template
/// its name starts with, render in both formats with the parts the
/// template promises and every data sentence in the text.
#[test]
fn real_data_renders_through_its_template() {
    let dir = repo().join("tests/real/data");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().to_string();
        let template = ["cong-van", "giay-moi", "quyet-dinh"]
            .into_iter()
            .find(|t| name.starts_with(t))
            .unwrap_or_else(|| panic!("{name}: no template of that name"));
        let data = vanban_report::data::read_data(&file, &vanban::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .value;
        let doc = vanban_report::Templates::builtin()
            .render_document(template, &data)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let texts: Vec<String> = paragraphs(&doc).into_iter().map(|(t, _)| t).collect();
        let wanted: &[&str] = match template {
            "cong-van" => &[
                "Số: 1520/SYT-NVY",
                "V/v tăng cường bảo đảm an toàn thực phẩm dịp Tết Nguyên đán Bính Ngọ và mùa Lễ hội Xuân 2027",
                "Kính gửi:",
                "- Chi cục An toàn vệ sinh thực phẩm;",
                "KHẨN",
                "- Lưu: VT, NVY.",
            ],
            "giay-moi" => &[
                "GIẤY MỜI",
                "Văn phòng Ủy ban nhân dân tỉnh trân trọng kính mời:",
                "- Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh;",
            ],
            _ => &[
                "QUYẾT ĐỊNH",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LONG HỒ",
                "QUYẾT ĐỊNH:",
                "Điều 2. Tiền thưởng",
                "2. Cá nhân được tặng Giấy khen được thưởng 585.000 đồng.",
                "Điều 3. Trách nhiệm thi hành",
                "- Lưu: VT, VP. LMT(55)",
            ],
        };
        for line in wanted {
            assert!(
                texts.iter().any(|t| t == line),
                "{name}: {line}\n{texts:#?}"
            );
        }
        vanban_pdf::to_pdf(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

/// The Kế hoạch and Báo cáo templates refuse a field they do not document,
/// as the templates of the other kinds do: a misspelt optional field would
/// otherwise drop its paragraph silently.
#[test]
fn plan_and_report_templates_refuse_unknown_fields() {
    for (template, misspelt) in [("ke-hoach", "closign"), ("bao-cao", "superiour")] {
        let path = repo()
            .join("examples/data")
            .join(format!("{template}.yaml"));
        let mut data = vanban_report::data::read_data(&path, &vanban::Limits::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .value;
        vanban_report::Templates::builtin()
            .render_document(template, &data)
            .unwrap_or_else(|e| panic!("{template}: {e}"));
        data[misspelt] = serde_json::Value::from("Trên đây là …./.");
        let err = vanban_report::Templates::builtin()
            .render_document(template, &data)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("the template has no such field: `{misspelt}`")),
            "{template}: {err}"
        );
    }
}
