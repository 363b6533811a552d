//! LibreOffice, our real DOCX client, renders the seed plan's DOCX: the text
//! comes out in order and page numbers sit where the decree puts them.

mod common;

use common::*;

/// Skips (loudly) where LibreOffice or poppler is missing; CI installs both.
fn tools() -> bool {
    let ok = have("soffice") && have("pdftotext");
    if !ok {
        eprintln!("SKIPPED: soffice or pdftotext not installed (run .ci/run)");
    }
    ok
}

#[test]
fn libreoffice_renders_the_seed_text_in_order_with_page_numbers() {
    if !tools() {
        return;
    }
    let dir = temp_dir("lo-seed");
    let pdf = libreoffice_pdf(&seed_docx(), &dir, "seed");
    let pdf = pdf.to_str().unwrap();

    // The text, in order: every seed line appears after the previous one.
    // The header table's two columns are read in an order of pdftotext's
    // choosing, so its lines are only required to be there.
    let pages = run("pdftotext", &[pdf, "-"]);
    // Pages are split by form feeds; the page numbers heading pages 2… are
    // not part of the running text.
    let text: Vec<String> = pages
        .split('\u{c}')
        .map(|page| {
            let page = page.trim_start();
            match page.split_once('\n') {
                Some((first, rest)) if first.trim().parse::<u32>().is_ok() => rest.to_string(),
                _ => page.to_string(),
            }
        })
        .collect();
    // pdftotext joins a word broken after a hyphen ("01-" / "KL/TW") without
    // the hyphen, so hyphens and spaces are compared out.
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect::<String>()
    };
    let text = squeeze(&text.join(" "));
    let seed = seed_lines();
    let header: Vec<String> = SEED_HEADER
        .iter()
        .map(|s| s.to_string())
        .chain(seed[..2].iter().cloned())
        .collect();
    for line in &header {
        assert!(
            text.contains(&squeeze(line)),
            "header line missing: {line:?}"
        );
    }
    let expected = seed[2..].to_vec();
    let mut from = 0;
    for line in expected {
        let line = squeeze(&line);
        match text[from..].find(&line) {
            Some(i) => from += i + line.len(),
            None => panic!("not found in order: {line:?}"),
        }
    }

    // Page numbers: none on page 1; "2" centred in the top margin of page 2.
    let words = |page: &str| {
        let xml = run("pdftotext", &["-f", page, "-l", page, "-bbox", pdf, "-"]);
        xml.lines()
            .filter(|l| l.contains("<word "))
            .map(|l| {
                let num = |key: &str| -> f32 {
                    l.split(&format!("{key}=\""))
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap()
                };
                let word = l
                    .split('>')
                    .nth(1)
                    .unwrap()
                    .split('<')
                    .next()
                    .unwrap()
                    .to_string();
                (word, num("xMin"), num("yMin"), num("xMax"), num("yMax"))
            })
            .collect::<Vec<_>>()
    };
    let top_margin = 20.0 * 72.0 / 25.4;
    let in_top_margin = |page: &str| -> Vec<(String, f32)> {
        words(page)
            .into_iter()
            .filter(|w| w.4 <= top_margin)
            .map(|w| (w.0, (w.1 + w.3) / 2.0))
            .collect()
    };
    assert_eq!(in_top_margin("1"), [], "page 1 shows no number");
    let page2 = in_top_margin("2");
    assert_eq!(page2.len(), 1, "{page2:?}");
    assert_eq!(page2[0].0, "2");
    // Centred on the text block: 30 mm + 165 mm / 2 from the left edge.
    let centre = (30.0 + 165.0 / 2.0) * 72.0 / 25.4;
    assert!(
        (page2[0].1 - centre).abs() < 3.0,
        "page number at x = {}",
        page2[0].1
    );
    let _ = std::fs::remove_dir_all(&dir);
}
