//! The PDF reader runs content as PDF defines it: what `q` saves, `Q`
//! restores, the text state included (character spacing set inside one
//! block does not leak into the next); a PDF without text gets one finding.

/// A one-page PDF with `content` and the font /F1 (Times-Roman, widths
/// of 500 for every code).
fn one_page(content: &str, font: bool) -> Vec<u8> {
    let resources = if font {
        "/Resources << /Font << /F1 5 0 R >> >>"
    } else {
        ""
    };
    let widths = vec!["500"; 224].join(" ");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {resources} /Contents 4 0 R >>"),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len() + 1),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 32 /LastChar 255 /Widths [{widths}] >>"),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

/// The width of each line read, mm.
fn widths(content: &str) -> Vec<(String, f32)> {
    let doc = vanban_lint::read(&one_page(content, true)).unwrap();
    doc.paras
        .iter()
        .map(|p| (p.text.clone(), p.text_width.unwrap()))
        .collect()
}

#[test]
fn character_spacing_set_inside_q_does_not_leak_past_q() {
    let plain = widths("BT /F1 12 Tf 72 700 Td (ABCDEFGH) Tj ET");
    let after = widths(
        "q BT /F1 12 Tf 10 Tc 72 760 Td (XY) Tj ET Q BT /F1 12 Tf 72 700 Td (ABCDEFGH) Tj ET",
    );
    let line = after.iter().find(|(t, _)| t == "ABCDEFGH").unwrap();
    assert!(
        (line.1 - plain[0].1).abs() < 0.01,
        "{after:?} against {plain:?}"
    );
    // Without q/Q the spacing stays, as PDF defines it.
    let kept =
        widths("BT /F1 12 Tf 10 Tc 72 760 Td (XY) Tj ET BT /F1 12 Tf 72 700 Td (ABCDEFGH) Tj ET");
    let line = kept.iter().find(|(t, _)| t.starts_with('A')).unwrap();
    assert!(line.1 > plain[0].1 + 10.0, "{kept:?}");
}

#[test]
fn a_pdf_without_text_gets_one_finding() {
    let report = vanban_lint::lint(&one_page("0 0 m 100 100 l S", false)).unwrap();
    let rules: Vec<&str> = report.findings.iter().map(|f| f.rule).collect();
    assert_eq!(rules, ["ND30-5-text-layer"]);
    assert!(!report.has_errors());
}
