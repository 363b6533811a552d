//! The structures of other kinds (issue: every kind of document): the
//! Quyết định's authority line, `QUYẾT ĐỊNH:` and numbered articles, blank
//! number and date slots wide enough to write in, the circulation notice,
//! the drafter on the `Lưu` line — read back from the DOCX XML, from our PDF
//! and from LibreOffice's rendering of the DOCX.

mod common;

use common::*;
use vanban::style::mm_to_pt;
use vanban::{Document, Format};

fn quyet_dinh() -> Document {
    Document::from_path(repo().join("examples/kinds/quyet-dinh.yaml"))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The `w:p` whose text is exactly `text`.
fn paragraph<'a, 'i>(tree: &'a roxmltree::Document<'i>, text: &str) -> roxmltree::Node<'a, 'i> {
    tree.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            let t: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|n| n.text())
                .collect();
            t == text
        })
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

fn property<'a>(p: roxmltree::Node<'a, '_>, path: &[&str]) -> Option<roxmltree::Node<'a, 'a>> {
    let mut node = p;
    for name in path {
        node = node.children().find(|n| n.has_tag_name((W, *name)))?;
    }
    Some(node)
}

fn centred(p: roxmltree::Node) -> bool {
    property(p, &["pPr", "jc"]).and_then(|n| n.attribute((W, "val"))) == Some("center")
}

/// Every run of the paragraph is bold.
fn bold(p: roxmltree::Node) -> bool {
    p.descendants()
        .filter(|n| n.has_tag_name((W, "r")))
        .all(|r| property(r, &["rPr", "b"]).is_some())
}

#[test]
fn quyet_dinh_has_its_authority_line_enacting_word_and_articles_in_the_docx() {
    let doc = quyet_dinh();
    let xml = part(&vanban_docx::to_docx(&doc).unwrap(), "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    for text in ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH", "QUYẾT ĐỊNH:"] {
        let p = paragraph(&tree, text);
        assert!(centred(p) && bold(p), "{text} centred and bold");
    }
    for (i, title) in [
        "Thành lập Tổ công tác",
        "Nhiệm vụ và quyền hạn của Tổ công tác",
        "Trách nhiệm thi hành",
    ]
    .iter()
    .enumerate()
    {
        let p = paragraph(&tree, &format!("Điều {}. {title}", i + 1));
        assert!(
            bold(p) && !centred(p),
            "article {} bold, body-aligned",
            i + 1
        );
        let indent = property(p, &["pPr", "ind"]).and_then(|n| n.attribute((W, "firstLine")));
        assert_eq!(indent, Some("567"), "first-line indent 1 cm");
    }
    // Reading order: summary, authority line, căn cứ, QUYẾT ĐỊNH:, Điều 1.
    let texts = paragraph_texts(&xml);
    let at = |t: &str| texts.iter().position(|x| x.starts_with(t)).unwrap();
    assert!(at("CHỦ TỊCH") < at("Căn cứ Luật"));
    assert!(at("Theo đề nghị") < at("QUYẾT ĐỊNH:"));
    assert!(at("QUYẾT ĐỊNH:") < at("Điều 1."));
    // Circulation notice in a box; drafter at the end of the Lưu line.
    let notice = paragraph(&tree, "LƯU HÀNH NỘI BỘ");
    assert!(property(notice, &["pPr", "pBdr", "top"]).is_some());
    assert!(
        texts.contains(&"- Lưu: VT, KGVX. NTH(20)".to_string()),
        "{texts:?}"
    );
}

#[test]
fn quyet_dinh_reads_the_same_in_our_pdf_and_libreoffice() {
    if !have("soffice") || !have("pdftotext") {
        eprintln!("SKIPPED: soffice or pdftotext missing");
        return;
    }
    let doc = quyet_dinh();
    let dir = temp_dir("kinds-qd");
    let ours = dir.join("ours.pdf");
    std::fs::write(&ours, vanban_pdf::to_pdf(&doc).unwrap()).unwrap();
    let theirs = libreoffice_pdf(&vanban_docx::to_docx(&doc).unwrap(), &dir, "qd");
    let centre = mm_to_pt(doc.style.margins.left + doc.style.text_width() / 2.0);
    for pdf in [&ours, &theirs] {
        let words = words(pdf);
        for line in ["QUYẾT ĐỊNH:", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TÂY NINH"] {
            let (x0, x1) = line_extent(&words, line);
            assert!(
                ((x0 + x1) / 2.0 - centre).abs() < 3.0,
                "{line} centred on the text block in {}",
                pdf.display()
            );
        }
        // Blank slots: room to write the number, day and month by hand.
        let so = find(&words, "Số:");
        let symbol = find(&words, "/QĐ-UBND");
        assert!(
            symbol.x_min - so.x_max >= mm_to_pt(6.0),
            "number slot {:.1} pt in {}",
            symbol.x_min - so.x_max,
            pdf.display()
        );
        let ngay = find(&words, "ngày");
        let thang = find(&words, "tháng");
        let nam = find(&words, "năm");
        for (a, b) in [(&ngay, &thang), (&thang, &nam)] {
            assert!(
                b.x_min - a.x_max >= mm_to_pt(6.0),
                "date slot in {}",
                pdf.display()
            );
        }
        assert!(
            words.iter().any(|w| w.text == "2026"),
            "the year is printed"
        );
    }
}

#[test]
fn articles_out_of_order_are_refused_with_their_line() {
    let yaml = "kind: quyet-dinh\nissuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nnumber: 5\nplace: Tây Ninh\ndate: 2026-01-05\nsummary: Về việc thử\nbody: |\n  # Điều 1. Một\n\n  Nội dung.\n\n  # Điều 3. Ba\n\n  Nội dung./.\nsigner: {title: GIÁM ĐỐC, name: Nguyễn Văn An}\n";
    let err = Document::from_text(yaml, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("body") && err.contains("Điều 3 where Điều 2 comes"),
        "{err}"
    );
    assert!(err.contains(":12:") || err.contains("line 12"), "{err}");
}

#[derive(Debug, Clone)]
struct Word {
    text: String,
    x_min: f32,
    x_max: f32,
    y_min: f32,
}

fn words(pdf: &std::path::Path) -> Vec<Word> {
    let html = run(
        "pdftotext",
        &["-f", "1", "-l", "1", "-bbox", pdf.to_str().unwrap(), "-"],
    );
    html.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                let start = l.find(&key).unwrap() + key.len();
                l[start..].split('"').next().unwrap().parse().unwrap()
            };
            let text = l.split('>').nth(1).unwrap().split('<').next().unwrap();
            Word {
                text: text.replace("&amp;", "&"),
                x_min: attr("xMin"),
                x_max: attr("xMax"),
                y_min: attr("yMin"),
            }
        })
        .collect()
}

fn find(words: &[Word], text: &str) -> Word {
    words
        .iter()
        .find(|w| w.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

/// The horizontal extent of the line of words that spells `line`.
fn line_extent(words: &[Word], line: &str) -> (f32, f32) {
    let parts: Vec<&str> = line.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        let run: Vec<&Word> = words[i..].iter().take(parts.len()).collect();
        if run.len() == parts.len()
            && run.iter().zip(&parts).all(|(w, p)| w.text == *p)
            && run.iter().all(|x| (x.y_min - w.y_min).abs() < 2.0)
        {
            return (w.x_min, run.last().unwrap().x_max);
        }
    }
    panic!("no line {line:?}");
}
