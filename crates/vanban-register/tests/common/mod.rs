//! Shared by the register's tests: the backends to run on and a document.

#![allow(dead_code)]

pub mod pg;

/// A short Kế hoạch with its number and date left out, as a clerk leaves
/// them for the register to fill in.
pub fn plan_yaml(summary: &str) -> String {
    format!(
        r#"kind: ke-hoach
parent: UBND TỈNH TÂY NINH
issuer:
  name: VĂN PHÒNG
  abbreviation: VP
place: Tây Ninh
summary: {summary}
body: |
  # MỤC ĐÍCH, YÊU CẦU

  Tuyên truyền sâu rộng trong toàn thể công chức.
recipients: [Như trên]
archive:
  units: [VP]
signer:
  authority: [KT. CHÁNH VĂN PHÒNG]
  title: PHÓ CHÁNH VĂN PHÒNG
  name: Đoàn Minh Long
"#
    )
}

/// The input and the document of [`plan_yaml`], with `kind` swapped in
/// (`bao-cao` …) and `extra` YAML lines added.
pub fn plan(summary: &str, kind: &str, extra: &str) -> (vanban::Input, vanban::Document) {
    let text = plan_yaml(summary).replace("kind: ke-hoach", &format!("kind: {kind}")) + extra;
    let input = vanban::source::parse(&text, vanban::Format::Yaml).expect("test input parses");
    let doc =
        vanban::Document::from_text(&text, vanban::Format::Yaml).expect("test input is valid");
    (input, doc)
}
