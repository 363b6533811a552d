//! Parity with LibreOffice's PDF of our DOCX: the same page count and the
//! same line breaks in the body (≥ 95 % of body lines end with the same word).

mod common;

use common::*;

#[test]
fn matches_libreoffice_rendering_of_the_docx() {
    if !have("soffice") || !have("pdftotext") {
        return;
    }
    let doc = seed();
    let dir = tempfile::tempdir().unwrap();
    let docx = write_temp(dir.path(), "seed.docx", &vanban_docx::to_docx(&doc));
    let ours = write_temp(dir.path(), "ours.pdf", &vanban_pdf::to_pdf(&doc));
    let out = dir.path().join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}/lo-profile-{}",
        dir.path().display(),
        std::process::id()
    );
    let status = std::process::Command::new("soffice")
        .args(["--headless", &profile, "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .arg(&docx)
        .status()
        .expect("run soffice");
    assert!(status.success(), "soffice failed");
    let theirs = out.join("seed.pdf");
    // To look at both renderings: VANBAN_PDF_KEEP=/some/dir.
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        let keep = std::path::Path::new(&keep);
        std::fs::copy(&ours, keep.join("ours.pdf")).unwrap();
        std::fs::copy(&theirs, keep.join("libreoffice.pdf")).unwrap();
    }

    let (a, b) = (bbox_lines(&ours), bbox_lines(&theirs));
    eprintln!("pages: ours {}, LibreOffice {}", a.len(), b.len());
    let (la, lb) = (body_line_ends(&a), body_line_ends(&b));
    let common = lcs(&la, &lb);
    let ratio = common as f32 / la.len().max(lb.len()).max(1) as f32;
    eprintln!(
        "body lines: ours {}, LibreOffice {}, same last word {} ({:.1} %)",
        la.len(),
        lb.len(),
        common,
        ratio * 100.0
    );
    assert_eq!(a.len(), b.len(), "page count");
    assert!(
        ratio >= 0.95,
        "only {:.1} % of body lines end alike",
        ratio * 100.0
    );
}

/// Last word of each body line: from the first line after the summary
/// (the "Căn cứ" opening) up to "Nơi nhận:", page numbers left out.
fn body_line_ends(pages: &[Vec<Vec<Word>>]) -> Vec<String> {
    let lines: Vec<&Vec<Word>> = pages.iter().flatten().filter(|l| !l.is_empty()).collect();
    let text = |l: &Vec<Word>| {
        l.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let start = lines
        .iter()
        .position(|l| text(l).starts_with("Căn cứ"))
        .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| text(l).starts_with("Nơi nhận"))
        .unwrap_or(lines.len());
    lines[start..end.max(start)]
        .iter()
        .filter(|l| !(l.len() == 1 && l[0].text.chars().all(|c| c.is_ascii_digit())))
        .map(|l| l.last().unwrap().text.clone())
        .collect()
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let keep = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = keep;
        }
    }
    row[b.len()]
}
