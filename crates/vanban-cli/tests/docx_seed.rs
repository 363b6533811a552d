//! The seed plan (Kế hoạch 1026/KH-VP) through the DOCX backend, read back
//! from the package's XML.

mod common;

use common::*;

#[test]
fn docx_text_is_the_seed_text_in_order() {
    let xml = part(&seed_docx(), "word/document.xml");
    let mut expected: Vec<String> = SEED_HEADER.iter().map(|s| s.to_string()).collect();
    expected.extend(seed_lines());
    assert_eq!(paragraph_texts(&xml), expected);
}

fn document() -> roxmltree::Document<'static> {
    let xml: &'static str = Box::leak(part(&seed_docx(), "word/document.xml").into_boxed_str());
    roxmltree::Document::parse(xml).unwrap()
}

fn attr(node: roxmltree::Node, name: &str) -> Option<String> {
    node.attribute((W, name)).map(String::from)
}

fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((W, name)))
}

/// How the first run of the paragraph whose text is `text` is set:
/// (size in pt, bold, italic, font).
fn run_format(doc: &roxmltree::Document, text: &str) -> (f32, bool, bool, String) {
    let p = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| normalise(&docx_text(*p)).starts_with(text))
        .unwrap_or_else(|| panic!("no paragraph starting {text:?}"));
    let run = child(p, "r").expect("a run");
    let rpr = child(run, "rPr").expect("run properties");
    let size: f32 = attr(child(rpr, "sz").expect("a size"), "val")
        .unwrap()
        .parse()
        .unwrap();
    let font = attr(child(rpr, "rFonts").expect("fonts"), "ascii").unwrap();
    (
        size / 2.0,
        child(rpr, "b").is_some(),
        child(rpr, "i").is_some(),
        font,
    )
}

#[test]
fn page_is_a4_with_the_default_margins() {
    let doc = document();
    let sect = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    let size = child(sect, "pgSz").unwrap();
    assert_eq!(attr(size, "w").as_deref(), Some("11906"));
    assert_eq!(attr(size, "h").as_deref(), Some("16838"));
    let margins = child(sect, "pgMar").unwrap();
    // 20, 20, 30, 15 mm; the header (page number) 10 mm from the top.
    for (name, twips) in [
        ("top", "1134"),
        ("bottom", "1134"),
        ("left", "1701"),
        ("right", "850"),
        ("header", "567"),
    ] {
        assert_eq!(attr(margins, name).as_deref(), Some(twips), "{name}");
    }
}

#[test]
fn each_element_has_the_decrees_size_and_emphasis() {
    let doc = document();
    let tnr = "Times New Roman".to_string();
    let cases = [
        ("UBND TỈNH TÂY NINH", (13.0, false, false)),
        ("VĂN PHÒNG", (13.0, true, false)),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (13.0, true, false)),
        ("Độc lập - Tự do - Hạnh phúc", (14.0, true, false)),
        ("Số: 1026/KH-VP", (13.0, false, false)),
        ("Tây Ninh, ngày 08 tháng 3 năm 2024", (14.0, false, true)),
        ("KẾ HOẠCH", (14.0, true, false)),
        (
            "Tuyên truyền các phong trào thi đua yêu nước, các điển hình",
            (14.0, true, false),
        ),
        ("Căn cứ Kế hoạch số 623/KH-UBND", (14.0, false, false)),
        ("I. MỤC ĐÍCH, YÊU CẦU", (14.0, true, false)),
        ("1. Mục đích", (14.0, true, false)),
        ("a) Tư tưởng Thi đua ái quốc", (14.0, false, false)),
        ("- Tuyên truyền sâu rộng", (14.0, false, false)),
        ("Nơi nhận:", (12.0, true, true)),
        ("- CT, các PCT UBND tỉnh;", (11.0, false, false)),
        ("- Lưu: VT, VP.", (11.0, false, false)),
        ("T.Dung", (11.0, false, false)),
        ("CHÁNH VĂN PHÒNG", (14.0, true, false)),
        ("Đoàn Minh Long", (14.0, true, false)),
    ];
    for (text, (size, bold, italic)) in cases {
        assert_eq!(
            run_format(&doc, text),
            (size, bold, italic, tnr.clone()),
            "{text}"
        );
    }
}

#[test]
fn body_paragraphs_are_justified_indented_and_spaced() {
    let doc = document();
    let p = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            p.descendants()
                .any(|t| t.text().is_some_and(|s| s.starts_with("Căn cứ Kế hoạch")))
        })
        .unwrap();
    let ppr = child(p, "pPr").unwrap();
    assert_eq!(
        attr(child(ppr, "jc").unwrap(), "val").as_deref(),
        Some("both")
    );
    // 1 cm first-line indent; 6 pt before; single line spacing.
    assert_eq!(
        attr(child(ppr, "ind").unwrap(), "firstLine").as_deref(),
        Some("567")
    );
    let spacing = child(ppr, "spacing").unwrap();
    assert_eq!(attr(spacing, "before").as_deref(), Some("120"));
    assert_eq!(attr(spacing, "line").as_deref(), Some("240"));
}

#[test]
fn page_numbers_from_page_two_in_a_centred_header() {
    let docx = seed_docx();
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("<w:titlePg"), "different first page");
    let rels = part(&docx, "word/_rels/document.xml.rels");
    let tree = roxmltree::Document::parse(&document).unwrap();
    let sect = tree
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    let mut saw = Vec::new();
    for reference in sect
        .children()
        .filter(|n| n.has_tag_name((W, "headerReference")))
    {
        let kind = attr(reference, "type").unwrap();
        let id = reference
            .attributes()
            .find(|a| a.name() == "id")
            .unwrap()
            .value()
            .to_string();
        let target = rels
            .split("<Relationship ")
            .find(|r| r.contains(&format!("Id=\"{id}\"")))
            .and_then(|r| r.split("Target=\"").nth(1))
            .and_then(|r| r.split('"').next())
            .unwrap_or_else(|| panic!("dangling relationship {id}"));
        let header = part(&docx, &format!("word/{target}"));
        let has_page_field = header.contains(">PAGE<");
        saw.push((kind.clone(), has_page_field));
        if kind == "default" {
            assert!(header.contains("w:val=\"center\""), "page number centred");
            assert!(header.contains("w:val=\"28\""), "page number 14 pt");
        }
    }
    saw.sort();
    assert_eq!(saw, [("default".into(), true), ("first".into(), false)]);
}

#[test]
fn rules_are_drawn_borders_sized_from_the_text() {
    let xml = part(&seed_docx(), "word/document.xml");
    assert!(!xml.contains("___"), "no underscore rules");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let rules: Vec<_> = tree
        .descendants()
        .filter(|n| n.has_tag_name((W, "pBdr")))
        .map(|b| b.parent().unwrap())
        .collect();
    assert_eq!(rules.len(), 3, "issuer, motto and summary rules");
    // The motto rule: the right column's inner width less both indents is the
    // motto's width, 60.4 mm at 14 pt bold (spec §2.1).
    let motto_rule = rules[1];
    let ind = child(motto_rule, "ind").unwrap();
    let side: f32 = attr(ind, "left").unwrap().parse().unwrap();
    let inner_mm = 100.0 - 2.0 * 1.9;
    let rule_mm = inner_mm - 2.0 * side * 25.4 / 1440.0;
    assert!((rule_mm - 60.4).abs() < 0.5, "motto rule {rule_mm} mm");
}

#[test]
fn same_input_gives_the_same_bytes() {
    assert_eq!(seed_docx(), seed_docx());
}

#[test]
fn parts_are_deflated() {
    let docx = seed_docx();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    for i in 0..archive.len() {
        let entry = archive.by_index(i).unwrap();
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Deflated,
            "{}",
            entry.name()
        );
    }
}

#[test]
fn properties_are_in_schema_order() {
    let xml = part(&seed_docx(), "word/document.xml");
    let tree = roxmltree::Document::parse(&xml).unwrap();
    let sect = tree
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .unwrap();
    let names: Vec<&str> = sect
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(
        &names[..2],
        ["headerReference", "headerReference"],
        "{names:?}"
    );
    for ppr in tree.descendants().filter(|n| n.has_tag_name((W, "pPr"))) {
        let names: Vec<&str> = ppr
            .children()
            .filter(|n| n.is_element())
            .map(|n| n.tag_name().name())
            .collect();
        if let Some(i) = names.iter().position(|n| *n == "rPr") {
            assert_eq!(
                i,
                names.len() - 1,
                "rPr is the last child of pPr: {names:?}"
            );
        }
    }
    // Every table cell holds a paragraph, as Word requires.
    for cell in tree.descendants().filter(|n| n.has_tag_name((W, "tc"))) {
        assert!(child(cell, "p").is_some());
    }
}

#[test]
fn no_dangling_relationships_or_content_types() {
    let docx = seed_docx();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let names: Vec<String> = archive.file_names().map(String::from).collect();
    let read = |archive: &mut zip::ZipArchive<std::io::Cursor<&Vec<u8>>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    for rels in names.iter().filter(|n| n.ends_with(".rels")) {
        let xml = read(&mut archive, rels);
        let tree = roxmltree::Document::parse(&xml).unwrap();
        // `word/_rels/document.xml.rels` resolves against `word/`.
        let base = rels.split("_rels/").next().unwrap();
        for rel in tree
            .descendants()
            .filter(|n| n.has_tag_name("Relationship"))
        {
            if rel.attribute("TargetMode") == Some("External") {
                continue;
            }
            let target = rel.attribute("Target").unwrap();
            let path = format!("{base}{target}")
                .trim_start_matches('/')
                .to_string();
            assert!(names.contains(&path), "{rels}: dangling {target}");
        }
    }
    let types = read(&mut archive, "[Content_Types].xml");
    let tree = roxmltree::Document::parse(&types).unwrap();
    for part in tree.descendants().filter_map(|n| n.attribute("PartName")) {
        assert!(
            names.contains(&part.trim_start_matches('/').to_string()),
            "no part {part}"
        );
    }
}
