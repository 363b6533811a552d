//! The paper copy of the shipped plan as poppler sees it: the plan's pages
//! unchanged, then under the last text a rule across the text block,
//! `SAO Y` in 13–14 pt bold, `Số: 05/SY-SNV`, the place and date, the
//! signer and Nơi nhận; a block that does not fit takes a page of its own.

use std::path::{Path, PathBuf};
use std::process::Command;

use vanban::copy::{CopyBlock, CopyInput, CopyKind};
use vanban::{Document, Limits};
use vanban_copy::{paper, Options, Placement};
use vanban_lint::LintLimits;

const PT: f32 = 25.4 / 72.0;

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn plan_pdf() -> Vec<u8> {
    let doc = Document::from_path(repo("examples/ke-hoach-1026.yaml")).unwrap();
    vanban_pdf::to_pdf(&doc).unwrap()
}

fn block(fill: impl FnOnce(&mut CopyInput)) -> CopyBlock {
    CopyBlock::from_path(
        &repo("examples/copy/sao-y.yaml"),
        CopyKind::SaoY,
        fill,
        &Limits::default(),
    )
    .unwrap()
}

fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (apt-get install poppler-utils qpdf): {e}"));
    assert!(out.status.success(), "{program} {args:?}: {:?}", out);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A word from `pdftotext -bbox`: page (1-based), x0, y0, x1, y1 in mm
/// from the page's top left, text.
#[derive(Debug, Clone)]
struct Word {
    page: usize,
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

fn words(pdf: &Path) -> Vec<Word> {
    let html = run("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let mut page = 0;
    let mut out = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page") {
            page += 1;
        } else if line.starts_with("<word") {
            let attr = |name: &str| -> f32 {
                let key = format!("{name}=\"");
                let at = line.find(&key).unwrap() + key.len();
                line[at..].split('"').next().unwrap().parse().unwrap()
            };
            let text = line.split('>').nth(1).unwrap().split('<').next().unwrap();
            out.push(Word {
                page,
                x0: attr("xMin") * PT,
                y0: attr("yMin") * PT,
                x1: attr("xMax") * PT,
                y1: attr("yMax") * PT,
                text: text.to_string(),
            });
        }
    }
    out
}

fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn pages(pdf: &Path) -> usize {
    run("qpdf", &["--show-npages", pdf.to_str().unwrap()])
        .trim()
        .parse()
        .unwrap()
}

/// The rules of the copy's last page (left, right, height in mm).
fn rules_of_last_page(pdf: &[u8]) -> Vec<(f32, f32, f32)> {
    let doc = vanban_lint::pdf::load(pdf, &LintLimits::default()).unwrap();
    vanban_lint::pdf::last_page_marks(&doc, &LintLimits::default())
        .unwrap()
        .2
        .rules
}

fn find<'a>(words: &'a [Word], text: &str, page: usize) -> &'a Word {
    words
        .iter()
        .find(|w| w.page == page && w.text == text)
        .unwrap_or_else(|| panic!("`{text}` on page {page}"))
}

#[test]
fn the_block_stands_under_the_last_text_of_the_last_page() {
    let dir = tempfile::tempdir().unwrap();
    let original = plan_pdf();
    let original_path = save(dir.path(), "ke-hoach.pdf", &original);
    let before = words(&original_path);
    let last = pages(&original_path);
    let copy = block(|_| {});
    let (bytes, placement) = paper(
        &original,
        &copy,
        &Options::default(),
        &LintLimits::default(),
    )
    .unwrap();
    let copy_path = save(dir.path(), "ban-sao.pdf", &bytes);
    run("qpdf", &["--check", copy_path.to_str().unwrap()]);
    assert_eq!(
        placement,
        Placement {
            page: last,
            top: placement.top,
            new_page: false
        }
    );
    assert_eq!(pages(&copy_path), last, "no page added");

    let after = words(&copy_path);
    // The copied pages keep every word where it was.
    for w in &before {
        assert!(
            after.iter().any(|a| a.page == w.page
                && a.text == w.text
                && (a.x0 - w.x0).abs() < 0.01
                && (a.y0 - w.y0).abs() < 0.01),
            "{w:?} moved or went"
        );
    }
    let lowest = before
        .iter()
        .filter(|w| w.page == last)
        .map(|w| w.y1)
        .fold(0.0, f32::max);

    // A rule across the text block (30 mm to 195 mm), under the last text.
    let rules = rules_of_last_page(&bytes);
    let rule = rules
        .iter()
        .find(|(x0, x1, y)| *y > lowest && (x1 - x0) > 160.0)
        .unwrap_or_else(|| panic!("a full-width rule under {lowest} mm in {rules:?}"));
    assert!(
        (rule.0 - 30.0).abs() < 0.5 && (rule.1 - 195.0).abs() < 0.5,
        "{rule:?}"
    );
    assert!(
        rule.2 - lowest < 10.0,
        "right under the text: {rule:?}, {lowest}"
    );

    // SAO Y at the right column's top, 13–14 pt (poppler's box is the
    // font's ascent to descent, 1.107 em for Liberation Serif), under the rule.
    let sao = find(&after, "SAO", last);
    let y = find(&after, "Y", last);
    assert!(sao.y0 > rule.2 && (y.y0 - sao.y0).abs() < 0.1);
    let size = (sao.y1 - sao.y0) / PT / 1.107;
    assert!((12.9..=14.1).contains(&size), "SAO Y is {size} pt");
    assert!(sao.x0 > 105.0, "right column: {sao:?}");
    // Bold: the linter's reading of the same file.
    let read = vanban_lint::pdf::read(&bytes).unwrap();
    let span = read
        .paras
        .iter()
        .flat_map(|p| &p.spans)
        .find(|s| s.text.contains("SAO Y"))
        .expect("a span with SAO Y");
    assert!(span.bold && !span.italic, "{span:?}");

    // The copying office and the number left, place and date right, the
    // signer and Nơi nhận below, all under the rule.
    let text = run(
        "pdftotext",
        &[
            "-f",
            &last.to_string(),
            "-layout",
            copy_path.to_str().unwrap(),
            "-",
        ],
    );
    for expected in [
        "SỞ NỘI VỤ",
        "Số: 05/SY-SNV",
        "Tây Ninh, ngày 12 tháng 3 năm 2024",
        "PHÓ GIÁM ĐỐC",
        "Trần Văn Bình",
        "Nơi nhận:",
        "- Phòng Tổ chức cán bộ;",
        "- Lưu: VT.",
    ] {
        assert!(text.contains(expected), "`{expected}` in\n{text}");
    }
    let number = find(&after, "05/SY-SNV", last);
    assert!(number.y0 > sao.y1 && number.x1 < 105.0, "{number:?}");
    let name = find(&after, "Bình", last);
    assert!(name.y0 > number.y1 && name.y1 < 297.0 - 20.0, "{name:?}");
}

#[test]
fn a_block_that_does_not_fit_takes_a_page_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let original = plan_pdf();
    let original_path = save(dir.path(), "ke-hoach.pdf", &original);
    let last = pages(&original_path);
    let long: Vec<vanban::input::RecipientInput> = (1..=30)
        .map(|i| vanban::input::RecipientInput::Name(format!("Phòng số {i}")))
        .collect();
    let copy = block(|c| c.recipients = long);
    let (bytes, placement) = paper(
        &original,
        &copy,
        &Options::default(),
        &LintLimits::default(),
    )
    .unwrap();
    let copy_path = save(dir.path(), "ban-sao.pdf", &bytes);
    run("qpdf", &["--check", copy_path.to_str().unwrap()]);
    assert!(placement.new_page);
    assert_eq!((placement.page, pages(&copy_path)), (last + 1, last + 1));
    let after = words(&copy_path);
    let sao = find(&after, "SAO", last + 1);
    assert!(sao.y0 > 20.0 && sao.y0 < 40.0, "at the page's top: {sao:?}");
    assert!(after.iter().any(|w| w.page == last + 1 && w.text == "30;"));
    let rule = rules_of_last_page(&bytes)
        .into_iter()
        .find(|(x0, x1, _)| x1 - x0 > 160.0)
        .expect("the full-width rule");
    assert!((rule.2 - 20.0).abs() < 3.0, "{rule:?}");
}

#[test]
fn the_same_input_gives_the_same_bytes_and_a_hostile_pdf_is_refused() {
    let original = plan_pdf();
    let copy = block(|_| {});
    let one = paper(
        &original,
        &copy,
        &Options::default(),
        &LintLimits::default(),
    )
    .unwrap();
    let two = paper(
        &original,
        &copy,
        &Options::default(),
        &LintLimits::default(),
    )
    .unwrap();
    assert!(one.0 == two.0);
    let err = paper(
        b"%PDF-1.7\nnot a pdf",
        &copy,
        &Options::default(),
        &LintLimits::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("the copied PDF"), "{err}");
    let small = LintLimits {
        max_file_bytes: 100,
        ..LintLimits::default()
    };
    let err = paper(&original, &copy, &Options::default(), &small).unwrap_err();
    assert!(err.to_string().contains("max-file-bytes"), "{err}");
}
