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
        .find(|p| docx_text(*p) == text)
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
    let centre = mm_to_pt(doc.style.margins.left + doc.style.text_width() / 2.0);
    for pdf in &both_pdfs(&doc, "qd") {
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

#[test]
fn the_last_article_must_name_who_carries_the_decision_out() {
    let yaml = |last: &str| {
        format!("kind: quyet-dinh\nissuer: {{name: SỞ NỘI VỤ, abbreviation: SNV}}\nnumber: 5\nplace: Tây Ninh\ndate: 2026-01-05\nsummary: Về việc thử\nbody: |\n  # Điều 1. Một\n\n  Nội dung.\n\n  # Điều 2. Hai\n\n  {last}\nsigner: {{title: GIÁM ĐỐC, name: Nguyễn Văn An}}\n")
    };
    let err = Document::from_text(
        &yaml("Quyết định này có hiệu lực thi hành kể từ ngày ký./."),
        Format::Yaml,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("body") && err.contains("must name who implements") && err.contains("line 12"),
        "{err}"
    );
    let named =
        "Chánh Văn phòng Sở và Trưởng phòng Tổ chức chịu trách nhiệm thi hành Quyết định này./.";
    Document::from_text(&yaml(named), Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
}

#[derive(Debug, Clone)]
struct Word {
    text: String,
    x_min: f32,
    x_max: f32,
    y_min: f32,
}

/// The words of a PDF's first page with their boxes.
fn words(pdf: &std::path::Path) -> Vec<Word> {
    let path = pdf.to_str().unwrap();
    words_of(&run(
        "pdftotext",
        &["-f", "1", "-l", "1", "-bbox", path, "-"],
    ))
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

#[test]
fn appendices_are_sections_with_their_own_numbers_and_orientation() {
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/quyet-dinh.yaml")).unwrap();
    // With a number and a date, the (Kèm theo …) line carries them, and
    // names who decided: the authority line, in running text.
    let yaml = yaml.replace("date: 2026\n", "date: 2026-01-05\nnumber: 15\n");
    let doc = Document::from_text(&yaml, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
    let docx = vanban_docx::to_docx(&doc).unwrap();
    let xml = part(&docx, "word/document.xml");
    let texts = paragraph_texts(&xml);
    let reference =
        "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch UBND tỉnh Tây Ninh)";
    assert_eq!(
        texts.iter().filter(|t| *t == reference).count(),
        2,
        "{texts:?}"
    );
    for label in ["Phụ lục I", "Phụ lục II"] {
        assert!(texts.contains(&label.to_string()), "{label}");
    }
    // Three sections: the decision and the first appendix portrait, the
    // second landscape; each appendix restarts its page numbers at 1.
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let sections: Vec<_> = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "sectPr")))
        .collect();
    assert_eq!(sections.len(), 3);
    let orient = |s: &roxmltree::Node| {
        s.children()
            .find(|n| n.has_tag_name((W, "pgSz")))
            .and_then(|n| n.attribute((W, "orient")).map(str::to_string))
    };
    assert_eq!(orient(&sections[0]), None);
    assert_eq!(orient(&sections[1]), None);
    assert_eq!(orient(&sections[2]).as_deref(), Some("landscape"));
    for s in &sections[1..] {
        let start = s
            .children()
            .find(|n| n.has_tag_name((W, "pgNumType")))
            .and_then(|n| n.attribute((W, "start")));
        assert_eq!(start, Some("1"));
    }

    if !have("soffice") || !have("pdfinfo") {
        eprintln!("SKIPPED: soffice or pdfinfo missing");
        return;
    }
    for pdf in &both_pdfs(&doc, "appendix") {
        let path = pdf.to_str().unwrap();
        let info = run("pdfinfo", &["-f", "1", "-l", "20", path]);
        let sizes: Vec<bool> = info
            .lines()
            .filter(|l| l.starts_with("Page") && l.contains("size:"))
            .map(|l| {
                let dims: Vec<f32> = l
                    .split("size:")
                    .nth(1)
                    .unwrap()
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect();
                dims[0] > dims[1]
            })
            .collect();
        // Decision (2 pages), Phụ lục I (1), Phụ lục II landscape (1).
        assert_eq!(sizes, [false, false, false, true], "{path}");
        // Page numbers: "2" atop the decision's second page; none atop the
        // appendices' first pages (each starts again at 1).
        for (page, number) in [(2, Some("2")), (3, None), (4, None)] {
            let text = run(
                "pdftotext",
                &["-f", &page.to_string(), "-l", &page.to_string(), path, "-"],
            );
            let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap();
            match number {
                Some(n) => assert_eq!(first, n, "page {page} of {path}"),
                None => assert!(
                    first.starts_with("Phụ lục"),
                    "page {page} of {path}: {first}"
                ),
            }
        }
    }
}

#[test]
fn an_appendix_needs_a_title() {
    let yaml = "kind: ke-hoach\nissuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nnumber: 5\nplace: Tây Ninh\ndate: 2026-01-05\nsummary: Thử\nbody: Nội dung./.\nappendices:\n  - body: Bảng.\nsigner: {title: GIÁM ĐỐC, name: Nguyễn Văn An}\n";
    let err = Document::from_text(yaml, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("appendices[0].title"), "{err}");
}

#[test]
fn sections_give_the_same_bytes_every_time() {
    let doc = quyet_dinh();
    let first = vanban_docx::to_docx(&doc).unwrap();
    let _other = vanban_docx::to_docx(&vanban::Document::from_path(seed_example()).unwrap());
    assert_eq!(first, vanban_docx::to_docx(&doc).unwrap());
    assert_eq!(
        vanban_pdf::to_pdf(&doc).unwrap(),
        vanban_pdf::to_pdf(&doc).unwrap()
    );
}

#[test]
fn a_bien_ban_has_two_signers_side_by_side_and_needs_its_secretary() {
    let doc = Document::from_path(repo().join("examples/kinds/bien-ban.yaml")).unwrap();
    let pdfs = both_pdfs(&doc, "bien-ban");
    let middle = mm_to_pt(doc.style.margins.left + doc.style.text_width() / 2.0);
    for pdf in &pdfs {
        let text = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
        let page = text.rsplit("<page").next().unwrap();
        let words: Vec<Word> = words_of(page);
        let thu = find(&words, "KÝ");
        let chu = find(&words, "TỌA");
        assert!(
            thu.x_max < middle && chu.x_min > middle,
            "{}",
            pdf.display()
        );
        assert!(
            (thu.y_min - chu.y_min).abs() < 1.0,
            "level in {}",
            pdf.display()
        );
        let noi = find(&words, "Nơi");
        assert!(
            noi.y_min > thu.y_min && noi.x_max < middle,
            "Nơi nhận under THƯ KÝ"
        );
    }
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/bien-ban.yaml")).unwrap();
    let without: String = yaml
        .lines()
        .filter(|l| !l.starts_with("secretary:"))
        .collect::<Vec<_>>()
        .join("\n");
    let err = Document::from_text(&without, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("secretary") && err.contains("THƯ KÝ"), "{err}");
}

#[test]
fn a_giay_nghi_phep_has_the_confirmation_box_left_of_its_signer() {
    let path = repo().join("examples/kinds/giay-nghi-phep.yaml");
    let doc = Document::from_path(&path).unwrap();
    let docx = vanban_docx::to_docx(&doc).unwrap();
    let xml = part(&docx, "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let who = paragraph(
        &tree,
        "Xác nhận của cơ quan (tổ chức)hoặc chính quyền địa phươngnơi nghỉ phép",
    );
    assert!(centred(who) && bold(who));
    let note = paragraph(&tree, "(Ký tên, đóng dấu)");
    assert!(centred(note) && property(note, &["pPr", "rPr", "i"]).is_some());

    let middle = mm_to_pt(doc.style.margins.left + doc.style.text_width() / 2.0);
    for words in both_renderings(&doc, "giay-nghi-phep") {
        let xac = find(&words, "Xác");
        let kt = find(&words, "KT.");
        assert!(xac.x_max < middle && kt.x_min > middle, "{xac:?} {kt:?}");
        assert!((xac.y_min - kt.y_min).abs() < 1.0, "level with the signer");
        let ky = find(&words, "(Ký");
        let noi = find(&words, "Nơi");
        assert!(ky.y_min > xac.y_min && noi.y_min > ky.y_min && noi.x_max < middle);
    }

    let yaml = std::fs::read_to_string(&path).unwrap();
    let both = format!("{yaml}\nsecretary: {{title: THƯ KÝ, name: Lê Văn A}}\n");
    let err = Document::from_text(&both, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("confirmation") && err.contains("secretary"),
        "{err}"
    );
}

/// The words of `pdftotext -bbox` output with their boxes.
fn words_of(html: &str) -> Vec<Word> {
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

/// The top of the highest word `text` on page 1.
fn top_of(words: &[Word], text: &str) -> Word {
    words
        .iter()
        .filter(|w| w.text == text)
        .min_by(|a, b| a.y_min.total_cmp(&b.y_min))
        .cloned()
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

/// Our PDF of `doc` and, with LibreOffice, its rendering of the DOCX.
fn both_pdfs(doc: &Document, name: &str) -> Vec<std::path::PathBuf> {
    let dir = temp_dir(&format!("kinds-{name}"));
    let ours = dir.join("ours.pdf");
    std::fs::write(&ours, vanban_pdf::to_pdf(doc).unwrap()).unwrap();
    let mut pdfs = vec![ours];
    if have("soffice") {
        pdfs.push(libreoffice_pdf(
            &vanban_docx::to_docx(doc).unwrap(),
            &dir,
            name,
        ));
    } else {
        eprintln!("SKIPPED the LibreOffice half: soffice missing");
    }
    pdfs
}

/// Page 1 of our PDF and, with LibreOffice, of its rendering of the DOCX.
fn both_renderings(doc: &Document, name: &str) -> Vec<Vec<Word>> {
    both_pdfs(doc, name).iter().map(|pdf| words(pdf)).collect()
}

#[test]
fn stamps_stand_beside_the_title_without_pushing_it_down() {
    if !have("pdftotext") {
        eprintln!("SKIPPED: pdftotext missing");
        return;
    }
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/quyet-dinh.yaml")).unwrap();
    let plain = Document::from_text(&yaml, Format::Yaml).unwrap();
    let stamped = format!("{yaml}secrecy: mat\nurgency: khan\n");
    let stamped = Document::from_text(&stamped, Format::Yaml).unwrap();
    // In the DOCX each stamp is a frame at a fixed place, out of the flow.
    let xml = part(
        &vanban_docx::to_docx(&stamped).unwrap(),
        "word/document.xml",
    );
    let tree = roxmltree::Document::parse(&xml).unwrap();
    for text in ["MẬT", "KHẨN"] {
        let frame = property(paragraph(&tree, text), &["pPr", "framePr"])
            .unwrap_or_else(|| panic!("{text} is not framed"));
        assert_eq!(frame.attribute((W, "vAnchor")), Some("margin"));
    }
    let stamp_zone = mm_to_pt(2.0 * stamped.style.stamp_height + 6.0);
    for (without, with) in both_renderings(&plain, "qd-plain")
        .iter()
        .zip(&both_renderings(&stamped, "qd-stamped"))
    {
        let (title, moved) = (top_of(without, "QUYẾT"), top_of(with, "QUYẾT"));
        assert!(
            (title.y_min - moved.y_min).abs() < 1.5,
            "type name at {} without stamps, {} with",
            title.y_min,
            moved.y_min
        );
        // Under the number, at the left, within their zone; the summary
        // beside them clears them.
        let number = find(with, "Số:");
        let (secret, urgent) = (find(with, "MẬT"), find(with, "KHẨN"));
        assert!(number.y_min < secret.y_min && secret.y_min < urgent.y_min);
        assert!(urgent.y_min - number.y_min < stamp_zone, "{urgent:?}");
        let summary = top_of(with, "Về");
        assert!(
            summary.x_min > urgent.x_max && summary.y_min < urgent.y_min,
            "summary {summary:?} beside the stamp {urgent:?}"
        );
    }
    // Beside MẬT and THƯỢNG KHẨN (40 mm) the summary would be squeezed to
    // less than two thirds of the text width: the title block starts below
    // the stamps instead, at the page's full width (issue 21).
    let squeezed = format!("{yaml}secrecy: mat\nurgency: thuong-khan\n");
    let squeezed = Document::from_text(&squeezed, Format::Yaml).unwrap();
    for (without, with) in both_renderings(&plain, "qd-plain-2")
        .iter()
        .zip(&both_renderings(&squeezed, "qd-squeezed"))
    {
        let urgent = find(with, "THƯỢNG");
        let (title, moved) = (top_of(without, "QUYẾT"), top_of(with, "QUYẾT"));
        assert!(
            moved.y_min > urgent.y_min + 10.0 && moved.y_min > title.y_min,
            "type name {moved:?} below the stamp {urgent:?}"
        );
        let (summary, plain_summary) = (top_of(with, "Về"), top_of(without, "Về"));
        assert!(
            (summary.x_min - plain_summary.x_min).abs() < 1.0,
            "summary {summary:?} set as without stamps {plain_summary:?}"
        );
    }
    // A công văn: KHẨN (20 mm) stands left of Kính gửi, which stays put.
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/cong-van.yaml")).unwrap();
    assert!(yaml.contains("urgency: khan\n"));
    let stamped = Document::from_text(&yaml, Format::Yaml).unwrap();
    let plain = Document::from_text(&yaml.replace("urgency: khan\n", ""), Format::Yaml).unwrap();
    for (without, with) in both_renderings(&plain, "cv-plain")
        .iter()
        .zip(&both_renderings(&stamped, "cv-stamped"))
    {
        let (label, moved) = (find(without, "Kính"), find(with, "Kính"));
        assert!(
            (label.y_min - moved.y_min).abs() < 1.5,
            "{label:?} {moved:?}"
        );
        let stamp = find(with, "KHẨN");
        assert!(stamp.x_max < moved.x_min, "{stamp:?} left of {moved:?}");
        assert!((stamp.y_min - moved.y_min).abs() < mm_to_pt(8.0));
    }
    // THƯỢNG KHẨN (40 mm) would touch Kính gửi (35 mm in): it moves below,
    // by no more than the stamp's height and its spacing.
    let wide = yaml.replace("urgency: khan\n", "urgency: thuong-khan\n");
    let wide = Document::from_text(&wide, Format::Yaml).unwrap();
    for (without, with) in both_renderings(&plain, "cv-plain2")
        .iter()
        .zip(&both_renderings(&wide, "cv-wide"))
    {
        let (label, moved) = (find(without, "Kính"), find(with, "Kính"));
        let stamp = find(with, "THƯỢNG");
        assert!(
            moved.y_min > stamp.y_min + 10.0,
            "{moved:?} below {stamp:?}"
        );
        assert!(
            moved.y_min - label.y_min < mm_to_pt(8.0) + 12.0,
            "{label:?} {moved:?}"
        );
    }
}

#[test]
fn symbols_and_citations_never_break_at_their_hyphens() {
    if !have("pdftotext") {
        eprintln!("SKIPPED: pdftotext missing");
        return;
    }
    // The same citations pushed along the line a word at a time: in some of
    // the paragraphs each hyphen falls at the line's end.
    let citations = "Kế hoạch số 1026/KH-VP, Thông báo số 01-KL/TW và Nghị định số 30/2020/NĐ-CP";
    let body: String = (0..36)
        .map(|i| {
            format!(
                "  Căn cứ {}{citations} của các cơ quan.\n\n",
                "ab ".repeat(i)
            )
        })
        .collect();
    let yaml = format!(
        "kind: thong-bao\nissuer: {{name: SỞ NỘI VỤ, abbreviation: SNV}}\nnumber: 310\nplace: Tây Ninh\ndate: 2026-01-05\nsummary: Thử\nbody: |\n{body}  Thông báo để biết./.\nsigner: {{title: GIÁM ĐỐC, name: Nguyễn Văn An}}\n"
    );
    let doc = Document::from_text(&yaml, Format::Yaml).unwrap_or_else(|e| panic!("{e}"));
    // The DOCX writes a symbol's hyphens as non-breaking ones, and only those.
    let xml = part(&vanban_docx::to_docx(&doc).unwrap(), "word/document.xml");
    assert!(xml.contains(r#"310/TB</w:t><w:noBreakHyphen /><w:t xml:space="preserve">SNV"#));
    assert_eq!(xml.matches("<w:noBreakHyphen />").count(), 1 + 3 * 36);
    let pdfs = both_pdfs(&doc, "symbols");
    for pdf in &pdfs {
        let text = run("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let broken: Vec<&str> = text
            .lines()
            .map(str::trim_end)
            .filter(|l| {
                ["/KH-", "01-", "/NĐ-", "/TB-"]
                    .iter()
                    .any(|end| l.ends_with(end))
            })
            .collect();
        assert!(broken.is_empty(), "{broken:?} in {}", pdf.display());
        // LibreOffice may leave a sliver before a non-breaking hyphen at the
        // end of a justified line, which pdftotext reads as a space.
        let text = text.replace(" -", "-");
        let whole = text.matches("1026/KH-VP").count();
        assert_eq!(whole, 36, "{}", pdf.display());
        assert_eq!(text.matches("01-KL/TW").count(), 36);
        assert_eq!(text.matches("30/2020/NĐ-CP").count(), 36);
        // And the lines do end near each symbol: the test reaches them.
        let ends: usize = ["Kế hoạch số", "Thông báo số", "Nghị định số"]
            .iter()
            .map(|w| text.lines().filter(|l| l.trim_end().ends_with(w)).count())
            .sum();
        assert!(ends >= 3, "{ends} lines end before a symbol");
    }
}

#[test]
fn a_markdown_appendix_needs_a_title_too() {
    let yaml = "kind: ke-hoach\nissuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nnumber: 5\nplace: Tây Ninh\ndate: 2026-01-05\nsummary: Thử\nbody: |\n  Nội dung./.\n\n  # Phụ lục:\n\n  Bảng.\nsigner: {title: GIÁM ĐỐC, name: Nguyễn Văn An}\n";
    let err = Document::from_text(yaml, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("body") && err.contains("needs its title") && err.contains("line 10"),
        "{err}"
    );
    // A landscape page is asked for on a Phụ lục only: elsewhere the field
    // does not exist and is refused by name.
    let yaml = yaml
        .replace("# Phụ lục:", "# Phụ lục: Bảng")
        .replace("summary: Thử\n", "summary: Thử\nlandscape: true\n");
    let err = Document::from_text(&yaml, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("landscape"), "{err}");
}

#[test]
fn a_cong_dien_names_its_sender_and_lists_whom_it_is_sent_to() {
    let doc = Document::from_path(repo().join("examples/kinds/cong-dien.yaml")).unwrap();
    let xml = part(&vanban_docx::to_docx(&doc).unwrap(), "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let sender = paragraph(&tree, "PHÓ THỦ TƯỚNG CHÍNH PHỦ điện:");
    assert!(centred(sender) && bold(sender));
    let texts = paragraph_texts(&xml);
    assert!(
        !texts.iter().any(|t| t.starts_with("Kính gửi")),
        "{texts:?}"
    );
    let at = |t: &str| texts.iter().position(|x| x.starts_with(t)).unwrap();
    assert!(at("CÔNG ĐIỆN") < at("PHÓ THỦ TƯỚNG CHÍNH PHỦ điện:"));
    assert!(at("PHÓ THỦ TƯỚNG CHÍNH PHỦ điện:") < at("- Các Bộ trưởng"));
    assert!(texts.contains(
        &"- Tập đoàn Điện lực Việt Nam, Tập đoàn Bưu chính Viễn thông Việt Nam.".to_string()
    ));
    assert!(texts.contains(&"- Thủ tướng Chính phủ, các Phó Thủ tướng (để b/c);".to_string()));
    // The sender and the addressees are required.
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/cong-dien.yaml")).unwrap();
    let bare: String = yaml
        .lines()
        .filter(|l| !l.starts_with("authority_line:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let err = Document::from_text(&bare, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("authority_line") && err.contains("Công điện"),
        "{err}"
    );
}

#[test]
fn an_indirect_quyet_dinh_issues_its_text_with_its_own_heading() {
    let doc = Document::from_path(repo().join("examples/kinds/quyet-dinh-gian-tiep.yaml")).unwrap();
    let xml = part(&vanban_docx::to_docx(&doc).unwrap(), "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let texts = paragraph_texts(&xml);
    assert!(!texts.iter().any(|t| t.starts_with("Phụ lục")), "{texts:?}");
    let heading = paragraph(&tree, "QUY CHẾ");
    assert!(centred(heading) && bold(heading));
    // Its title as a summary (sentence case, bold), then the reference.
    let title = paragraph(
        &tree,
        "Hoạt động của Ban Chỉ đạo công tác Dân số - Kế hoạch hóa gia đình tỉnh Hà Giang, giai đoạn 2013 - 2015",
    );
    assert!(centred(title) && bold(title));
    assert!(texts.contains(
        &"(Ban hành kèm theo Quyết định số 1209/QĐ-UBND ngày 24 tháng 6 năm 2013 của Chủ tịch UBND tỉnh Hà Giang)"
            .to_string()
    ));
    // Chương over its title; the articles numbered from 1 in the text.
    let at = |t: &str| {
        texts
            .iter()
            .position(|x| x == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    assert!(at("Chương I") < at("QUY ĐỊNH CHUNG"));
    assert!(at("QUY ĐỊNH CHUNG") < at("Điều 1. Chức năng của Ban Chỉ đạo"));
    assert!(at("Chương II") < at("Điều 3. Nhiệm vụ của Ban Chỉ đạo"));
    // A kind that cannot be issued is refused by field.
    let yaml = std::fs::read_to_string(repo().join("examples/kinds/quyet-dinh-gian-tiep.yaml"))
        .unwrap()
        .replace("kind: quy-che", "kind: quy-chế-x");
    let err = Document::from_text(&yaml, Format::Yaml)
        .unwrap_err()
        .to_string();
    assert!(err.contains("appendices[0].kind"), "{err}");
}
