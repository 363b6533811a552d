//! Text a page paints through a form XObject (`Do`) is read like the page's
//! own, placed by the form's matrix, with the state restored after it; forms
//! that paint themselves, or are painted without end, meet the limits.

use vanban_lint::{LintLimits, ReadError};

/// A one-page PDF whose page content is `page` and whose form XObject
/// /Fm1 (object 6) has `form` as its content and `extra` in its dictionary.
/// The font /F1 is Times-Roman with widths of 500 for every code; the form
/// names it in its own resources and may paint itself as /Fm1.
fn with_form(page: &str, form: &str, extra: &str) -> Vec<u8> {
    let widths = vec!["500"; 224].join(" ");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 4 0 R >>".to_string(),
        format!("<< /Length {} >>\nstream\n{page}\nendstream", page.len() + 1),
        format!("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /FirstChar 32 /LastChar 255 /Widths [{widths}] >>"),
        format!(
            "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >> {extra} /Length {} >>\nstream\n{form}\nendstream",
            form.len() + 1
        ),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 7\n0000000000 65535 f \n");
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

fn limit_error(result: Result<vanban_lint::ReadDoc, ReadError>) -> String {
    match result {
        Ok(_) => panic!("read within the limits"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn text_inside_a_form_is_read_as_its_matrix_scales_it() {
    // The form draws at its origin; its matrix doubles it and moves it up.
    let pdf = with_form(
        "/Fm1 Do BT /F1 12 Tf 72 600 Td (AFTER) Tj ET",
        "BT /F1 12 Tf 0 0 Td (INSIDE) Tj ET",
        "/Matrix [2 0 0 2 72 700]",
    );
    let doc = vanban_lint::read(&pdf).unwrap();
    let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["INSIDE", "AFTER"]);
    let (inside, after) = (&doc.paras[0], &doc.paras[1]);
    assert_eq!(inside.spans[0].size.round(), 24.0, "{inside:?}");
    assert_eq!(after.spans[0].size.round(), 12.0, "{after:?}");
    // 6 glyphs of 500/1000 em at 24 pt: 72 pt, 25,4 mm.
    let width = inside.text_width.unwrap();
    assert!((width - 25.4).abs() < 0.2, "{width}");
}

#[test]
fn state_set_inside_a_form_does_not_leak_out() {
    let plain = with_form("BT /F1 12 Tf 72 600 Td (ABCDEFGH) Tj ET", "", "");
    // The form sets character spacing and a scaling matrix without q/Q.
    let leaky = with_form(
        "/Fm1 Do BT /F1 12 Tf 72 600 Td (ABCDEFGH) Tj ET",
        "2 0 0 2 0 0 cm q q BT /F1 12 Tf 10 Tc 36 380 Td (XY) Tj ET",
        "",
    );
    let width = |pdf: &[u8]| {
        let doc = vanban_lint::read(pdf).unwrap();
        let line = doc.paras.iter().find(|p| p.text == "ABCDEFGH").unwrap();
        line.text_width.unwrap()
    };
    let (plain, after) = (width(&plain), width(&leaky));
    assert!((plain - after).abs() < 0.01, "{after} against {plain}");
    // 8 glyphs of 500/1000 × 12 pt = 48 pt = 16,93 mm, less the last advance's
    // nothing: the measured width is the glyphs' own.
    assert!((plain - 48.0 * 25.4 / 72.0).abs() < 0.5, "{plain}");
}

#[test]
fn a_form_that_paints_itself_is_refused_at_the_nesting_limit() {
    let pdf = with_form("/Fm1 Do", "BT /F1 12 Tf 72 700 Td (A) Tj ET /Fm1 Do", "");
    let message = limit_error(vanban_lint::read(&pdf));
    assert!(message.contains("form XObjects nested"), "{message}");
    assert!(message.contains("--max-nesting"), "{message}");
}

#[test]
fn a_form_painted_again_and_again_counts_against_the_operator_budget() {
    // 2,000 paints of a form of 4 operators: 8,000 operators in all, though
    // the page itself has only 2,000.
    let page = vec!["/Fm1 Do"; 2000].join(" ");
    let pdf = with_form(&page, "BT /F1 12 Tf (A) Tj ET", "");
    let limits = LintLimits {
        max_operators: 5000,
        ..LintLimits::default()
    };
    let message = limit_error(vanban_lint::read_with(&pdf, &limits));
    assert!(message.contains("--max-operators"), "{message}");
    // Within a budget that covers it, the same file is read.
    let roomy = LintLimits {
        max_operators: 20_000,
        ..LintLimits::default()
    };
    assert!(vanban_lint::read_with(&pdf, &roomy).is_ok());
}
