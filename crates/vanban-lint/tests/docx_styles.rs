//! The DOCX reader resolves formatting as Word does: direct formatting over
//! the character style over the paragraph style (and its `basedOn` chain)
//! over the table style over the document defaults; theme fonts through the
//! theme part. A minimal package is written here by hand.

use std::io::{Cursor, Write};

use vanban_lint::model::{Align, Zone};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn package(document: &str, styles: &str, theme: &str) -> Vec<u8> {
    package_with(document, styles, theme, None)
}

fn package_with(document: &str, styles: &str, theme: &str, numbering: Option<&str>) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{document}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>"#)),
        ("word/styles.xml", format!(r#"<?xml version="1.0"?><w:styles {W}>{styles}</w:styles>"#)),
        ("word/theme/theme1.xml", theme.to_string()),
    ];
    let numbering = numbering.map(|n| {
        (
            "word/numbering.xml",
            format!(r#"<?xml version="1.0"?><w:numbering {W}>{n}</w:numbering>"#),
        )
    });
    for (name, text) in parts.into_iter().chain(numbering) {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const THEME: &str = r#"<?xml version="1.0"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements><a:fontScheme name="x"><a:majorFont><a:latin typeface="Cambria"/></a:majorFont><a:minorFont><a:latin typeface="Times New Roman"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>"#;

const STYLES: &str = r#"
<w:docDefaults>
  <w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="28"/></w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:before="120" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:pPr><w:jc w:val="both"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLine="567"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:basedOn w:val="Body"/><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:styleId="Small"><w:rPr><w:sz w:val="24"/><w:i/></w:rPr></w:style>
"#;

#[test]
fn formatting_comes_from_defaults_styles_and_direct_formatting() {
    let document = r#"
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr><w:r><w:t xml:space="preserve">Plain, </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t xml:space="preserve">strong, </w:t></w:r><w:r><w:rPr><w:rStyle w:val="Strong"/><w:b w:val="0"/><w:sz w:val="26"/></w:rPr><w:t>direct.</w:t></w:r></w:p>
<w:p><w:r><w:t>Default style.</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:tblStyle w:val="Small"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>Cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
"#;
    let doc = vanban_lint::read(&package(document, STYLES, THEME)).unwrap();
    let [title, body, plain, cell] = &doc.paras[..] else {
        panic!("four paragraphs, got {:?}", doc.paras)
    };

    // Title: basedOn Body basedOn Normal; its own centre and bold; major theme font.
    assert_eq!(title.align, Some(Align::Center));
    assert_eq!(title.first_indent, Some(0.0));
    let s = &title.spans[0];
    assert_eq!(
        (s.font.as_str(), s.size, s.bold, s.italic),
        ("Cambria", 14.0, true, false)
    );

    // Body: justified from Normal, 1 cm indent from Body, 6 pt before from the defaults.
    assert_eq!(body.align, Some(Align::Justify));
    assert!((body.first_indent.unwrap() - 10.0).abs() < 0.01);
    assert_eq!(body.space_before, Some(6.0));
    let runs: Vec<(&str, f32, bool)> = body
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.size, s.bold))
        .collect();
    assert_eq!(
        runs,
        [
            ("Plain, ", 14.0, false),
            ("strong, ", 14.0, true),
            ("direct.", 13.0, false)
        ]
    );
    assert!(
        body.spans.iter().all(|s| s.font == "Times New Roman"),
        "minor theme font"
    );

    // No pStyle: the default paragraph style applies.
    assert_eq!(plain.align, Some(Align::Justify));

    // In a table: the table style's size and italics under the defaults.
    assert_eq!(cell.zone, Zone::Table);
    let s = &cell.spans[0];
    assert_eq!((s.size, s.italic), (12.0, true));

    // The section: A4 with 20/20/30/15 mm margins.
    let page = &doc.pages[0];
    assert!((page.width - 210.0).abs() < 0.1 && (page.height - 297.0).abs() < 0.1);
    assert!((page.margins.left.unwrap() - 30.0).abs() < 0.01);
    assert!((page.margins.right.unwrap() - 15.0).abs() < 0.01);
}

#[test]
fn text_boxes_and_line_breaks_are_read() {
    let document = r#"
<w:p><w:r><w:t>UBND TỈNH</w:t><w:br/><w:t>TÂY NINH</w:t></w:r></w:p>
<w:p><w:r><w:t>Outside</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>In a box</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>
"#;
    let doc = vanban_lint::read(&package(document, STYLES, THEME)).unwrap();
    let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["UBND TỈNH\nTÂY NINH", "Outside", "In a box"]);
}

const LISTS: &str = r#"
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
"#;

#[test]
fn word_list_numbers_are_read_and_judged_as_printed() {
    let item = |level: usize, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    };
    let mut document = item(0, "MỤC ĐÍCH, YÊU CẦU");
    document.push_str(&item(1, "Mục đích"));
    for point in ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu"] {
        document.push_str(&item(2, point));
    }
    document.push_str(&item(0, "TỔ CHỨC THỰC HIỆN"));
    document.push_str(&item(1, "Giao nhiệm vụ"));
    let bytes = package_with(&document, STYLES, THEME, Some(LISTS));
    let doc = vanban_lint::read(&bytes).unwrap();
    let texts: Vec<&str> = doc.paras.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "I. MỤC ĐÍCH, YÊU CẦU",
            "1. Mục đích",
            "a) Một",
            "b) Hai",
            "c) Ba",
            "d) Bốn",
            "e) Năm",
            "f) Sáu",
            "II. TỔ CHỨC THỰC HIỆN",
            "1. Giao nhiệm vụ",
        ]
    );
    // Word letters a-f; the decree's sequence is a, b, c, d, đ, e: both the
    // `e)` where `đ)` belongs and the `f)` are reported.
    let report = vanban_lint::lint(&bytes).unwrap();
    let found: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == "ND30-2.6-heading-numbering")
        .map(|f| f.found.as_str())
        .collect();
    assert_eq!(found, ["`e)`", "`f)`"]);
}
