//! Elements the seed plan does not have: blank number and date, căn cứ,
//! Kính gửi, the công văn "V/v" line, urgency and secrecy marks, signing
//! authority lines, the 13 pt preset.

mod common;

use common::*;
use vanban::{Document, Format};

fn docx_of(yaml: &str) -> (Document, String) {
    let doc = Document::from_text(yaml, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
    let xml = part(&vanban_docx::to_docx(&doc).unwrap(), "word/document.xml");
    (doc, xml)
}

const CONG_VAN: &str = "
kind: cong-van
parent: UBND TỈNH TÂY NINH
issuer: {name: SỞ NỘI VỤ, abbreviation: SNV, unit: TCBC}
place: Tây Ninh
summary: báo cáo kết quả công tác năm 2024
addressees: [Ủy ban nhân dân tỉnh, Sở Tài chính]
urgency: hoa-toc
secrecy: mat
body: |
  Sở Nội vụ báo cáo như sau./.
recipients: [Như trên]
archive: {units: [TCBC], copies: 2}
drafter: {initials: PL, copies: 300}
signer:
  authority: [KT. GIÁM ĐỐC]
  title: PHÓ GIÁM ĐỐC
  name: Nguyễn Văn An
";

/// The `w:t` holding exactly `text`.
fn text_node<'a, 'i>(tree: &'a roxmltree::Document<'i>, text: &str) -> roxmltree::Node<'a, 'i> {
    tree.descendants()
        .find(|n| n.has_tag_name((W, "t")) && n.text() == Some(text))
        .unwrap_or_else(|| panic!("no text {text:?}"))
}

/// Whether the run holding `text` has the run property `name` (`b`, `i`).
fn has_run_property(tree: &roxmltree::Document, text: &str, name: &str) -> bool {
    let run = text_node(tree, text).parent().unwrap();
    run.children()
        .find(|n| n.has_tag_name((W, "rPr")))
        .is_some_and(|rpr| rpr.children().any(|n| n.has_tag_name((W, name))))
}

#[test]
fn blank_number_and_date_leave_slots() {
    let (_, xml) = docx_of(CONG_VAN);
    let texts = paragraph_texts(&xml);
    // Whitespace is normalised in `texts`; the raw XML keeps the slot's width.
    // A slot of spaces (a word processor keeps each) at least 10 mm wide at
    // 13 pt (a space is 1/4 em).
    let start = xml.find("Số: ").expect("the number line") + "Số: ".len();
    let slot = xml[start..].split("/SNV").next().unwrap();
    assert!(slot.chars().all(|c| c == ' '), "{slot:?}");
    let width = slot.chars().count() as f32 * 13.0 / 4.0;
    assert!(width >= vanban::style::mm_to_pt(10.0), "{width} pt");
    assert!(
        texts.contains(&"Tây Ninh, ngày tháng năm".to_string()),
        "{texts:?}"
    );
}

#[test]
fn cong_van_has_a_subject_line_instead_of_a_type_name() {
    let (doc, xml) = docx_of(CONG_VAN);
    let texts = paragraph_texts(&xml);
    assert!(texts.contains(&"V/v báo cáo kết quả công tác năm 2024".to_string()));
    assert!(!texts.iter().any(|t| t == "CÔNG VĂN"));
    assert_eq!(
        doc.subject_line().as_deref(),
        Some("V/v báo cáo kết quả công tác năm 2024")
    );
}

#[test]
fn addressees_marks_archive_drafter_and_authority_lines() {
    let (_, xml) = docx_of(CONG_VAN);
    let texts = paragraph_texts(&xml);
    for expected in [
        "Kính gửi:",
        "- Ủy ban nhân dân tỉnh;",
        "- Sở Tài chính.",
        "HỎA TỐC",
        "MẬT",
        "- Như trên;",
        "- Lưu: VT, TCBC (02).",
        "PL(300)",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
    ] {
        assert!(
            texts.contains(&expected.to_string()),
            "{expected} not in {texts:?}"
        );
    }
    // The urgency stamp is boxed in red.
    assert!(xml.contains("w:color=\"FF0000\""));
}

#[test]
fn bases_are_italic_and_punctuated() {
    let yaml = "
kind: quyet-dinh
issuer: {name: ỦY BAN NHÂN DÂN TỈNH TÂY NINH, abbreviation: UBND}
number: 7
place: Tây Ninh
date: 2024-01-05
summary: Về việc thành lập Tổ công tác
bases:
  - Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015
  - Xét đề nghị của Giám đốc Sở Nội vụ
body: |
  Điều 1. Thành lập Tổ công tác./.
signer: {authority: [TM. ỦY BAN NHÂN DÂN], title: CHỦ TỊCH, name: Nguyễn Thanh Ngọc}
";
    let (_, xml) = docx_of(yaml);
    let texts = paragraph_texts(&xml);
    assert!(texts.contains(&"Số: 07/QĐ-UBND".to_string()));
    assert!(texts.contains(&"Tây Ninh, ngày 05 tháng 01 năm 2024".to_string()));
    assert!(texts.contains(&"QUYẾT ĐỊNH".to_string()));
    let first = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;";
    assert!(texts.contains(&first.to_string()), "{texts:?}");
    assert!(texts.contains(&"Xét đề nghị của Giám đốc Sở Nội vụ.".to_string()));
    let tree = roxmltree::Document::parse(&xml).unwrap();
    assert!(has_run_property(&tree, first, "i"), "căn cứ in italics");
}

#[test]
fn preset_13_steps_every_size_down() {
    let yaml = format!(
        "{}\nstyle: {{preset: 13, margins: {{left: 35, right: 20, top: 25}}}}\n",
        std::fs::read_to_string(seed_example()).unwrap()
    );
    let (_, xml) = docx_of(&yaml);
    // Body 13 pt = 26 half-points; quốc hiệu 12 pt = 24.
    assert!(xml.contains("<w:sz w:val=\"26\" />"));
    assert!(xml.contains("<w:sz w:val=\"24\" />"));
    assert!(!xml.contains("<w:sz w:val=\"28\" />"), "no 14 pt text left");
    assert!(xml.contains("w:left=\"1984\""), "35 mm left margin");
}

#[test]
fn body_tables_repeat_their_header_row_and_size_columns_to_content() {
    let yaml =
        std::fs::read_to_string(repo().join("tests/documents/bao-cao-co-bang.yaml")).unwrap();
    let (doc, xml) = docx_of(&yaml);
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let table = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .find(|t| t.descendants().any(|n| n.text() == Some("Chỉ tiêu")))
        .expect("the indicators table");
    let rows: Vec<_> = table
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    let is_header =
        |row: &roxmltree::Node| row.descendants().any(|n| n.has_tag_name((W, "tblHeader")));
    assert!(is_header(&rows[0]));
    assert!(!rows[1..].iter().any(is_header));
    let grid: Vec<f32> = table
        .descendants()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .map(|n| n.attribute((W, "w")).unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.len(), 6);
    let widest = grid.iter().cloned().fold(0.0, f32::max);
    assert_eq!(grid[1], widest, "“Chỉ tiêu” gets the room: {grid:?}");
    let total_mm = grid.iter().sum::<f32>() * 25.4 / 1440.0;
    assert!(
        (total_mm - doc.style.text_width()).abs() < 0.5,
        "{total_mm}"
    );
}

#[test]
fn parts_are_centred_label_and_title_lines() {
    let yaml =
        std::fs::read_to_string(repo().join("tests/documents/bao-cao-co-bang.yaml")).unwrap();
    let (_, xml) = docx_of(&yaml);
    let texts = paragraph_texts(&xml);
    let at = texts.iter().position(|t| t == "Phần I").expect("Phần I");
    assert_eq!(texts[at + 1], "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024");
    assert_eq!(texts[at + 2], "I. CÁC CHỈ TIÊU CHỦ YẾU");
    let second = texts
        .iter()
        .position(|t| t == "Phần thứ hai")
        .expect("Phần thứ hai");
    assert_eq!(
        texts[second + 2],
        "I. NHIỆM VỤ TRỌNG TÂM",
        "sections restart under a part"
    );
    let tree = roxmltree::Document::parse(&xml).unwrap();
    for label in ["Phần I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024"] {
        let t = text_node(&tree, label);
        let p = t.ancestors().find(|n| n.has_tag_name((W, "p"))).unwrap();
        let jc = p.descendants().find(|n| n.has_tag_name((W, "jc"))).unwrap();
        assert_eq!(jc.attribute((W, "val")), Some("center"), "{label}");
        assert!(has_run_property(&tree, label, "b"), "{label} bold");
    }
}
