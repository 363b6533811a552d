//! The seed plan rendered to PDF and checked with poppler and qpdf.

mod common;

use common::*;
use vanban::style::mm_to_pt;

#[test]
fn renders_valid_pdf_bytes() {
    let pdf = vanban_pdf::to_pdf(&seed());
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(pdf.ends_with(b"%%EOF\n"));
    eprintln!("seed PDF: {} bytes", pdf.len());
    assert!(pdf.len() <= 50_000, "{} bytes", pdf.len());
}

#[test]
fn same_bytes_twice_in_one_process() {
    let doc = seed();
    assert_eq!(vanban_pdf::to_pdf(&doc), vanban_pdf::to_pdf(&doc));
}

/// Run by `same_bytes_across_processes` in a child process.
#[test]
#[ignore = "helper for same_bytes_across_processes"]
fn helper_write_seed_pdf() {
    if let Ok(path) = std::env::var("VANBAN_PDF_OUT") {
        std::fs::write(path, vanban_pdf::to_pdf(&seed())).unwrap();
    }
}

#[test]
fn same_bytes_across_processes() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut outputs = Vec::new();
    for i in 0..2 {
        let path = dir.path().join(format!("{i}.pdf"));
        let status = std::process::Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "helper_write_seed_pdf",
                "--test-threads=1",
            ])
            .env("VANBAN_PDF_OUT", &path)
            .status()
            .unwrap();
        assert!(status.success());
        outputs.push(std::fs::read(&path).unwrap());
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], vanban_pdf::to_pdf(&seed()));
}

#[test]
fn metadata_comes_from_the_document() {
    let pdf = lopdf::Document::load_mem(&vanban_pdf::to_pdf(&seed())).unwrap();
    let info = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info).unwrap();
    let string = |key: &[u8]| info.get(key).unwrap().as_str().unwrap().to_vec();
    assert_eq!(string(b"CreationDate"), b"D:20240308000000+07'00'");
    assert_eq!(string(b"ModDate"), b"D:20240308000000+07'00'");
    // "VĂN PHÒNG" as UTF-16BE with a byte order mark.
    let author: Vec<u8> = [0xFEFFu16]
        .into_iter()
        .chain("VĂN PHÒNG".encode_utf16())
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(string(b"Author"), author);
}

#[test]
fn pdftotext_holds_the_seed_text_in_order() {
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = seed();
    let pdf = write_temp(dir.path(), "seed.pdf", &vanban_pdf::to_pdf(&doc));
    let text = text_without_page_numbers(&pdf, &doc.style);
    // Every line of the model in the extracted text; after the header (whose
    // two columns are read one after the other), in order.
    let lines = doc.text_lines();
    let title = lines
        .iter()
        .position(|l| Some(l) == doc.kind_heading().as_ref())
        .unwrap_or(0);
    for line in &lines[..title] {
        assert!(
            text.contains(&normalise(line)),
            "header line missing: {line:?}"
        );
    }
    let mut at = 0;
    for line in &lines[title..] {
        let line = normalise(line);
        if line.is_empty() {
            continue;
        }
        match text[at..].find(&line) {
            Some(i) => at += i + line.len(),
            None => panic!(
                "not found in order: {line:?}\nnear: {:?}",
                &text[at..(at + 300).min(text.len())]
            ),
        }
    }
    // And the seed text file, whitespace-normalised, word for word in order.
    let seed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seed/ke-hoach-1026-KH-VP.txt");
    let seed_text = std::fs::read_to_string(seed_path).expect("the seed text is in tests/seed");
    let mut at = 0;
    for word in normalise(&seed_text).split(' ') {
        match text[at..].find(word) {
            Some(i) => at += i + word.len(),
            None => panic!(
                "seed word {word:?} missing after {:?}",
                &text[at.saturating_sub(100)..at]
            ),
        }
    }
}

#[test]
fn pdffonts_embedded_subset_unicode_with_tags() {
    if !have("pdffonts") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_temp(dir.path(), "seed.pdf", &vanban_pdf::to_pdf(&seed()));
    let out = run("pdffonts", &[pdf.to_str().unwrap()]);
    eprintln!("{out}");
    let rows: Vec<&str> = out.lines().skip(2).collect();
    assert_eq!(rows.len(), 4, "four faces");
    let mut names = Vec::new();
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let name = cols[0];
        let (tag, base) = name.split_once('+').expect("subset tag");
        assert!(
            tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
            "{name}"
        );
        assert!(base.starts_with("LiberationSerif"), "{name}");
        assert_eq!(
            &cols[cols.len() - 5..cols.len() - 2],
            &["yes", "yes", "yes"],
            "emb sub uni: {row}"
        );
        names.push(base.to_string());
    }
    names.sort();
    assert_eq!(
        names,
        [
            "LiberationSerif",
            "LiberationSerif-Bold",
            "LiberationSerif-BoldItalic",
            "LiberationSerif-Italic"
        ]
    );
}

#[test]
fn qpdf_check_passes() {
    if !have("qpdf") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_temp(dir.path(), "seed.pdf", &vanban_pdf::to_pdf(&seed()));
    let out = std::process::Command::new("qpdf")
        .arg("--check")
        .arg(&pdf)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("No syntax or stream encoding errors"),
        "{text}"
    );
}

#[test]
fn text_inside_margins_and_page_numbers_in_the_top_margin() {
    if !have("pdftotext") {
        return;
    }
    check_positions(&seed());
    // Narrower text block: the header table reaches 5 mm into the left margin.
    let mut doc = seed();
    doc.style.margins = vanban::style::Margins {
        top: 25.0,
        bottom: 25.0,
        left: 35.0,
        right: 20.0,
    };
    assert!(doc.style.header_outdent() > 0.0);
    doc.addressees = vec!["Sở Nội vụ".into(), "Ban Thi đua – Khen thưởng tỉnh".into()];
    doc.urgency = Some(vanban::model::Urgency::HoaToc);
    check_positions(&doc);
}

fn check_positions(doc: &vanban::Document) {
    let style = &doc.style;
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_temp(dir.path(), "seed.pdf", &vanban_pdf::to_pdf(doc));
    let pages = bbox_lines(&pdf);
    assert!(pages.len() >= 2, "the seed takes more than one page");
    let tol = 0.5;
    let left = mm_to_pt(style.margins.left - style.header_outdent());
    let body_left = mm_to_pt(style.margins.left);
    let right = mm_to_pt(style.page_width - style.margins.right);
    let top = mm_to_pt(style.margins.top);
    let bottom = mm_to_pt(style.page_height - style.margins.bottom);
    let centre = mm_to_pt(style.margins.left + style.text_width() / 2.0);
    for (index, lines) in pages.iter().enumerate() {
        let mut numbers = Vec::new();
        for word in lines.iter().flatten() {
            assert!(
                word.x_min >= left - tol && word.x_max <= right + tol,
                "outside left/right: {word:?}"
            );
            // Only page 1's header may use the outdent.
            let in_header = index == 0 && word.y_max < top + 60.0;
            assert!(
                in_header || word.x_min >= body_left - tol,
                "in the left margin: {word:?}"
            );
            assert!(
                word.y_max <= bottom + tol,
                "below the bottom margin: {word:?}"
            );
            if word.y_min < top - tol {
                numbers.push(word.clone());
            }
        }
        if index == 0 {
            assert!(numbers.is_empty(), "page 1 has no number: {numbers:?}");
            continue;
        }
        assert_eq!(numbers.len(), 1, "page {}: {numbers:?}", index + 1);
        let n = &numbers[0];
        assert_eq!(n.text, (index + 1).to_string());
        assert!(
            ((n.x_min + n.x_max) / 2.0 - centre).abs() < 1.0,
            "centred: {n:?}"
        );
        assert!(
            n.y_min >= mm_to_pt(style.header_distance) - 2.0 && n.y_max <= top,
            "{n:?}"
        );
    }
}

#[test]
fn font_descriptors_tell_the_truth() {
    let pdf = lopdf::Document::load_mem(&vanban_pdf::to_pdf(&seed())).unwrap();
    let descriptors: Vec<&lopdf::Dictionary> = pdf
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.has_type(b"FontDescriptor"))
        .collect();
    assert_eq!(descriptors.len(), 4);
    for d in descriptors {
        let name = String::from_utf8_lossy(d.get(b"FontName").unwrap().as_name().unwrap());
        let int = |key: &[u8]| d.get(key).unwrap().as_i64().unwrap();
        let bold = name.contains("-Bold");
        let italic = name.ends_with("Italic");
        assert_eq!(int(b"FontWeight"), if bold { 700 } else { 400 }, "{name}");
        // Serif 2 + symbolic 4 (+ italic 64).
        assert_eq!(int(b"Flags"), if italic { 70 } else { 6 }, "{name}");
        let angle = d.get(b"ItalicAngle").unwrap().as_float().unwrap();
        assert_eq!(angle == 0.0, !italic, "{name}");
        assert!(d.has(b"FontFile2"), "{name}");
        assert!(int(b"Ascent") > 800 && int(b"Descent") < -200, "{name}");
    }
}
