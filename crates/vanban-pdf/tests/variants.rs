//! Documents other than the seed: every element, odd inputs, tables across
//! pages, page breaks, user fonts. None may panic, all must be valid PDFs.

mod common;

use common::*;
use vanban::model::{Align, Block, Heading, Level, Paragraph, Secrecy, Span, Table, Urgency};
use vanban::style::{Margins, Preset, Style};
use vanban::Kind;

fn para(text: &str) -> Block {
    Block::Paragraph(Paragraph {
        marker: None,
        content: vec![Span::plain(text)],
    })
}

fn big_table(rows: usize) -> Block {
    let cell = |s: String| vec![Span::plain(s)];
    Block::Table(Table {
        align: vec![Align::Center, Align::Left, Align::Right],
        header: vec![
            cell("STT".into()),
            cell("Nội dung".into()),
            cell("Kết quả".into()),
        ],
        rows: (1..=rows)
            .map(|i| {
                vec![
                    cell(i.to_string()),
                    cell(format!(
                        "Xã số {i}: tuyên truyền các phong trào thi đua yêu nước"
                    )),
                    cell(format!("{}", i * 7)),
                ]
            })
            .collect(),
    })
}

fn cong_van() -> vanban::Document {
    let mut doc = seed();
    doc.kind = Kind::CongVan;
    doc.symbol = "VP-HCTC".into();
    doc.summary =
        "triển khai Kế hoạch tuyên truyền các phong trào thi đua yêu nước năm 2024".into();
    doc.addressees = vec!["Sở Nội vụ".into(), "Ban Thi đua – Khen thưởng tỉnh".into()];
    doc.urgency = Some(Urgency::ThuongKhan);
    doc.secrecy = Some(Secrecy::Mat);
    doc.bases = vec![
        "Căn cứ Luật Thi đua, khen thưởng năm 2022;".into(),
        "Theo đề nghị của Chánh Văn phòng.".into(),
    ];
    doc.signer.authority = vec!["TL. CHỦ TỊCH".into(), "KT. CHÁNH VĂN PHÒNG".into()];
    doc
}

fn check(doc: &vanban::Document) -> Vec<u8> {
    let pdf = vanban_pdf::to_pdf(doc).unwrap();
    // To look at them: VANBAN_PDF_KEEP=/some/dir.
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        let name = format!("{:016x}.pdf", pdf.len() as u64 * 31 + doc.body.len() as u64);
        std::fs::write(std::path::Path::new(&keep).join(name), &pdf).unwrap();
    }
    assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF\n"));
    if have("qpdf") {
        let dir = tempfile::tempdir().unwrap();
        let path = write_temp(dir.path(), "doc.pdf", &pdf);
        let out = std::process::Command::new("qpdf")
            .arg("--check")
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    pdf
}

fn text_of(pdf: &[u8]) -> Option<String> {
    if !have("pdftotext") {
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "doc.pdf", pdf);
    Some(text_without_page_numbers(&path, &vanban::Style::default()))
}

#[test]
fn cong_van_with_addressees_bases_and_stamps() {
    let doc = cong_van();
    let pdf = check(&doc);
    if let Some(text) = text_of(&pdf) {
        for line in doc.text_lines() {
            assert!(text.contains(&normalise(&line)), "missing {line:?}");
        }
        assert!(text.contains("THƯỢNG KHẨN") && text.contains("MẬT"));
    }
}

#[test]
fn a_table_across_pages_repeats_its_header_row() {
    let mut doc = seed();
    doc.body.insert(3, big_table(60));
    let pdf = check(&doc);
    if let Some(text) = text_of(&pdf) {
        assert!(text.contains("Xã số 60: tuyên truyền"));
        assert!(
            text.matches("STT Nội dung Kết quả").count() >= 2,
            "header repeated on the next page"
        );
    }
}

#[test]
fn a_row_taller_than_a_page_is_cut_between_lines() {
    let mut doc = seed();
    let long =
        "Tuyên truyền các phong trào thi đua yêu nước, các điển hình tiên tiến. ".repeat(120);
    doc.body.insert(
        2,
        Block::Table(Table {
            align: vec![Align::Left, Align::Left],
            header: vec![vec![Span::plain("Mục")], vec![Span::plain("Nội dung")]],
            rows: vec![vec![vec![Span::plain("1")], vec![Span::plain(long.trim())]]],
        }),
    );
    let pdf = check(&doc);
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "doc.pdf", &pdf);
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        std::fs::copy(&path, std::path::Path::new(&keep).join("tall-row.pdf")).unwrap();
    }
    let bottom = vanban::style::mm_to_pt(doc.style.page_height - doc.style.margins.bottom);
    for word in bbox_lines(&path).into_iter().flatten().flatten() {
        assert!(word.y_max <= bottom + 0.5, "below the margin: {word:?}");
    }
    let text = text_without_page_numbers(&path, &doc.style);
    assert_eq!(text.matches("tiến.").count(), 120, "every line kept");
    assert!(text.matches("Mục Nội dung").count() >= 2, "header repeated");
}

#[test]
fn a_cut_row_is_written_cell_by_cell_on_each_page() {
    // Two cells each longer than a page: the row is cut between lines, and
    // each page's share must read as the first cell's lines, then the
    // second's — not one line of each in turn.
    let cell = |tag: &str| -> Vec<Span> {
        let words: Vec<String> = (0..900).map(|i| format!("{tag}{i:03}")).collect();
        vec![Span::plain(words.join(" "))]
    };
    let mut doc = seed();
    doc.body.insert(
        2,
        Block::Table(Table {
            align: vec![Align::Left, Align::Left],
            header: vec![vec![Span::plain("Cột một")], vec![Span::plain("Cột hai")]],
            rows: vec![vec![cell("aa"), cell("bb")]],
        }),
    );
    let pdf = check(&doc);
    if !have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = write_temp(dir.path(), "doc.pdf", &pdf);
    let raw = run("pdftotext", &["-raw", path.to_str().unwrap(), "-"]);
    let mut pages_with_both = 0;
    let mut seen = Vec::new();
    for page in raw.split('\u{c}') {
        let tags: Vec<&str> = page
            .split_whitespace()
            .filter(|w| w.len() == 5 && (w.starts_with("aa") || w.starts_with("bb")))
            .collect();
        // On a page: every word of the first cell before every word of the second.
        let first_b = tags.iter().position(|w| w.starts_with("bb"));
        let last_a = tags.iter().rposition(|w| w.starts_with("aa"));
        if let (Some(b), Some(a)) = (first_b, last_a) {
            pages_with_both += 1;
            assert!(
                a < b,
                "cells interleaved on a page: {:?}",
                &tags[b..=a.min(b + 6)]
            );
        }
        seen.extend(tags);
    }
    assert!(pages_with_both >= 2, "the row spans pages in both cells");
    // Each cell's words in order, none lost.
    for tag in ["aa", "bb"] {
        let words: Vec<&&str> = seen.iter().filter(|w| w.starts_with(tag)).collect();
        let expected: Vec<String> = (0..900).map(|i| format!("{tag}{i:03}")).collect();
        assert_eq!(words.len(), expected.len(), "{tag}");
        assert!(
            words.iter().zip(&expected).all(|(w, e)| **w == e.as_str()),
            "{tag} in order"
        );
    }
}

#[test]
fn page_breaks_long_words_line_breaks_and_emphasis() {
    let mut doc = seed();
    let long = "Dài".repeat(120);
    doc.body.insert(0, para(&long));
    doc.body.insert(1, Block::PageBreak);
    doc.body.insert(
        2,
        Block::Paragraph(Paragraph {
            marker: Some("-".into()),
            content: vec![
                Span {
                    text: "đậm ".into(),
                    bold: true,
                    italic: false,
                },
                Span {
                    text: "nghiêng\nxuống dòng ".into(),
                    bold: false,
                    italic: true,
                },
                Span {
                    text: "cả hai".into(),
                    bold: true,
                    italic: true,
                },
            ],
        }),
    );
    doc.body.push(Block::PageBreak);
    let pdf = check(&doc);
    if let Some(text) = text_of(&pdf) {
        // The long word is broken over lines but every letter is there.
        let joined: String = text.split(' ').collect();
        assert!(joined.contains(&long));
        assert!(text.contains("đậm nghiêng"));
    }
}

#[test]
fn odd_but_valid_documents_do_not_panic() {
    let mut empty = seed();
    empty.body.clear();
    empty.bases.clear();
    empty.recipients.clear();
    empty.drafter = None;
    empty.number = None;
    empty.date = None;
    empty.parent = None;
    check(&empty);

    let mut headings_only = seed();
    headings_only.body = (0..80)
        .map(|i| {
            Block::Heading(Heading {
                level: [Level::Section, Level::Clause, Level::Point][i % 3],
                label: format!("{i}."),
                content: vec![Span::plain(
                    "Tiêu đề rất dài để xuống dòng ".repeat(1 + i % 4),
                )],
                run_in: false,
            })
        })
        .collect();
    check(&headings_only);

    let mut blanks = seed();
    blanks.body = vec![
        para(""),
        para("   "),
        para("\n\n"),
        Block::PageBreak,
        Block::PageBreak,
        big_table(0),
    ];
    blanks.issuer =
        "VĂN PHÒNG\nỦY BAN NHÂN DÂN TỈNH TÂY NINH RẤT DÀI ĐỂ XUỐNG DÒNG TRONG CỘT".into();
    blanks.signer.name = String::new();
    check(&blanks);

    let mut long_signature = seed();
    long_signature.recipients = (0..80)
        .map(|i| vanban::model::Recipient::plain(format!("Đơn vị số {i}")))
        .collect();
    check(&long_signature);

    let mut small = seed();
    small.style = Style {
        margins: Margins {
            top: 25.0,
            bottom: 25.0,
            left: 35.0,
            right: 20.0,
        },
        line_spacing: 1.5,
        first_line_indent: 12.7,
        ..Style::preset(Preset::Size13)
    };
    check(&small);
    // Characters the font lacks are refused, named, never dropped.
    let mut foreign = seed();
    foreign.body.push(para("漢字 and emoji 😀 and ∑"));
    match vanban_pdf::to_pdf(&foreign) {
        Err(vanban_pdf::Error::MissingGlyphs { characters, .. }) => {
            assert_eq!(characters, ['字', '漢', '😀']);
        }
        other => panic!("expected missing glyphs, got {other:?}"),
    }
}

#[test]
fn user_fonts_are_embedded_under_their_own_names() {
    let base = vanban::metrics::FontSet::liberation_serif();
    let data = vanban::metrics::FaceStyle::ALL.map(|f| base.face(f).data().to_vec());
    let fonts = vanban::metrics::FontSet::from_data(data).unwrap();
    let doc = seed();
    let pdf = vanban_pdf::render(&doc, &vanban_pdf::Options { fonts: &fonts }).unwrap();
    // Same font, same glyphs: the same bytes as the built-in set.
    assert_eq!(pdf, vanban_pdf::to_pdf(&doc).unwrap());
}

#[test]
fn heading_never_ends_a_page_and_no_single_lines() {
    if !have("pdftotext") {
        return;
    }
    let mut doc = seed();
    // Shift the flow so breaks fall in many places.
    for shift in 0..6 {
        doc.body.insert(0, para("Đoạn ngắn để đẩy nội dung xuống."));
        let dir = tempfile::tempdir().unwrap();
        let path = write_temp(dir.path(), "doc.pdf", &vanban_pdf::to_pdf(&doc).unwrap());
        let pages = bbox_lines(&path);
        for (i, page) in pages.iter().enumerate().take(pages.len() - 1) {
            let last = page.last().expect("a line");
            let text: Vec<&str> = last.iter().map(|w| w.text.as_str()).collect();
            let text = text.join(" ");
            for heading in ["I.", "II.", "III.", "1.", "2."] {
                let bold_heading = text.starts_with(heading) && text.len() < 40;
                assert!(
                    !bold_heading,
                    "shift {shift}: page {} ends with heading {text:?}",
                    i + 1
                );
            }
        }
    }
}

/// A CFF-outline OpenType font (TeX Gyre Termes, a Times clone with
/// Vietnamese), if the system has it: embedded as FontFile3 and extractable.
#[test]
fn cff_opentype_user_fonts_embed_and_extract() {
    let dir = std::path::Path::new("/usr/share/texmf/fonts/opentype/public/tex-gyre");
    let names = ["regular", "bold", "italic", "bolditalic"]
        .map(|s| dir.join(format!("texgyretermes-{s}.otf")));
    if !names.iter().all(|p| p.exists()) {
        eprintln!("SKIPPED: TeX Gyre Termes (.otf, Debian fonts-texgyre) is not installed");
        return;
    }
    let fonts =
        vanban::metrics::FontSet::from_data(names.map(|p| std::fs::read(p).unwrap())).unwrap();
    let doc = seed();
    let pdf = vanban_pdf::render(&doc, &vanban_pdf::Options { fonts: &fonts }).unwrap();
    assert_eq!(
        pdf,
        vanban_pdf::render(&doc, &vanban_pdf::Options { fonts: &fonts }).unwrap()
    );
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/FontFile3") && text.contains("/CIDFontType0"));
    if !have("pdffonts") || !have("qpdf") {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let path = write_temp(tmp.path(), "termes.pdf", &pdf);
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        std::fs::copy(&path, std::path::Path::new(&keep).join("termes.pdf")).unwrap();
    }
    let out = run("pdffonts", &[path.to_str().unwrap()]);
    eprintln!("{out}");
    for row in out.lines().skip(2) {
        assert!(row.contains("+TeXGyreTermes"), "{row}");
        assert!(row.contains("yes yes yes"), "{row}");
    }
    run("qpdf", &["--check", path.to_str().unwrap()]);
    let text = text_without_page_numbers(&path, &doc.style);
    assert!(text.contains(&normalise(&doc.summary)));
    assert!(text.contains("Độc lập - Tự do - Hạnh phúc"));
}
