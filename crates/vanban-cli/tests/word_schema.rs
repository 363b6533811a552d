//! Word is stricter than LibreOffice: every DOCX we make must pass a schema
//! and semantic validation of ECMA-376 (`openxml-audit`, installed by
//! scripts/test into a tools virtualenv and named by $OPENXML_AUDIT).

mod common;

use std::process::Command;

use common::*;

fn validator() -> Option<String> {
    if let Ok(path) = std::env::var("OPENXML_AUDIT") {
        return Some(path);
    }
    have("openxml-audit").then(|| "openxml-audit".to_string())
}

#[test]
fn every_kind_of_document_passes_the_openxml_schema() {
    let Some(audit) = validator() else {
        eprintln!("SKIPPED: openxml-audit not installed (scripts/test installs it)");
        return;
    };
    let dir = temp_dir("schema");
    let mut inputs = vec![seed_example()];
    // tests/pictures: floating signature and seal pictures (wp:anchor).
    for folder in [
        "tests/documents",
        "tests/parity",
        "examples/kinds",
        "tests/pictures",
    ] {
        let documents = std::fs::read_dir(repo().join(folder)).unwrap();
        inputs.extend(
            documents
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e != "png" && e != "py")),
        );
    }
    assert!(inputs.len() >= 4);
    for input in inputs {
        let doc = vanban::Document::from_path(&input).unwrap();
        let path = dir.join("doc.docx");
        std::fs::write(&path, vanban_docx::to_docx(&doc).unwrap()).unwrap();
        let out = Command::new(&audit)
            .arg(&path)
            .args(["-m", "0"])
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && report.contains("Errors: 0"),
            "{}: {report}",
            input.display()
        );
    }
}
