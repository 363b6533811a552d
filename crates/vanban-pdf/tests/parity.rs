//! Parity with LibreOffice's PDF of our DOCX, on the seed plan, a year-end
//! report with an 8-column indicator table, a plan with a 6-column task
//! table, a 30-page document, the seed's words shuffled into 400
//! paragraphs, every example of `examples/kinds` and every document of
//! `tests/real`: the same page count, ≥ 98 % of body lines
//! ending with the same word, and in LibreOffice's rendering no table cell
//! broken inside a token and no table row kept whole split across two.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::*;
use vanban::model::{plain_text, Block};
use vanban::Document;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parity_document(name: &str) -> Document {
    Document::from_path(repo().join("tests/parity").join(name)).expect("a valid document")
}

/// The seed plan's body ten times over: about 30 pages.
fn thirty_pages() -> Document {
    let mut doc = seed();
    doc.body = (0..10).flat_map(|_| doc.body.clone()).collect();
    doc
}

/// Paragraphs of the seed's own words (punctuation, capitals and all)
/// drawn at random: lines that end anywhere, not where the seed's happen to.
fn shuffled_words(paragraphs: usize) -> Document {
    let mut doc = seed();
    let words: Vec<String> = doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(plain_text(&p.content)),
            _ => None,
        })
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    doc.body = (0..paragraphs)
        .map(|_| {
            let count = 30 + next(60);
            let text: Vec<&str> = (0..count)
                .map(|_| words[next(words.len())].as_str())
                .collect();
            Block::Paragraph(vanban::model::Paragraph {
                marker: None,
                content: vec![vanban::model::Span::plain(text.join(" "))],
            })
        })
        .collect();
    doc
}

#[test]
fn shuffled_italic_words() {
    let mut doc = shuffled_words(100);
    for block in &mut doc.body {
        if let Block::Paragraph(p) = block {
            for span in &mut p.content {
                span.italic = true;
            }
        }
    }
    check("shuffled italic words", &doc);
}

#[test]
fn shuffled_seed_words() {
    check("shuffled words", &shuffled_words(400));
}

#[test]
fn seed_plan() {
    check("seed plan", &seed());
}

#[test]
fn year_end_report_with_an_indicator_table() {
    check("year-end report", &parity_document("bao-cao-chi-tieu.yaml"));
}

#[test]
fn plan_with_a_task_table() {
    check("task plan", &parity_document("ke-hoach-nhiem-vu.yaml"));
}

/// Every example of `examples/kinds` (each kind of the decree), its figures
/// printed one by one.
#[test]
fn every_kind_example() {
    every_document_in("examples/kinds", 13);
}

/// Every document of `tests/real`: inputs written as new users write them,
/// from real published documents of each kind (the model in each file's
/// first comment), measured the same way.
#[test]
fn every_real_document() {
    every_document_in("tests/real", 10);
}

/// Measures every YAML input of `folder` (at least `at_least` of them),
/// printing each one's figures before reporting any failure.
fn every_document_in(folder: &str, at_least: usize) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(folder))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e == "yaml" || e == "json" || e == "toml")
        })
        .collect();
    files.sort();
    assert!(files.len() >= at_least, "{files:?}");
    // Every example is measured and printed before any failure is reported.
    let failed: Vec<String> = files
        .iter()
        .filter_map(|file| {
            let doc = Document::from_path(file).unwrap_or_else(|e| panic!("{e}"));
            let name = file.file_stem().unwrap().to_string_lossy().to_string();
            let run = std::panic::catch_unwind(|| check(&format!("{folder} {name}"), &doc));
            run.is_err().then_some(name)
        })
        .collect();
    assert!(failed.is_empty(), "parity below the bar: {failed:?}");
}

#[test]
fn thirty_page_document() {
    let doc = thirty_pages();
    let pages = check("30 pages", &doc);
    assert!(pages >= 28, "{pages} pages");
}

/// Renders `doc` both ways, prints the figures and asserts them; returns the
/// page count.
fn check(name: &str, doc: &Document) -> usize {
    check_at(name, doc, 0.98)
}

/// As [`check`], with the share of line ends that must agree.
fn check_at(name: &str, doc: &Document, floor: f32) -> usize {
    if !have("soffice") || !have("pdftotext") {
        return 0;
    }
    let dir = tempfile::tempdir().unwrap();
    let docx = write_temp(dir.path(), "doc.docx", &vanban_docx::to_docx(doc).unwrap());
    let ours = write_temp(dir.path(), "ours.pdf", &vanban_pdf::to_pdf(doc).unwrap());
    let theirs = libreoffice_pdf(dir.path(), &docx);
    // To look at both renderings: VANBAN_PDF_KEEP=/some/dir.
    if let Ok(keep) = std::env::var("VANBAN_PDF_KEEP") {
        let keep = Path::new(&keep);
        let stem = name.replace([' ', '/'], "-");
        std::fs::copy(&ours, keep.join(format!("{stem}-ours.pdf"))).unwrap();
        std::fs::copy(&theirs, keep.join(format!("{stem}-libreoffice.pdf"))).unwrap();
    }

    let (a, b) = (bbox_lines(&ours), bbox_lines(&theirs));
    let start = first_words(doc);
    // The body ends at Nơi nhận, or at a Biên bản's two signers above it.
    let mut ends = vec!["Nơi nhận".to_string()];
    ends.extend(doc.secretary.as_ref().map(|s| s.title.clone()));
    let (la, lb) = (
        body_line_ends(&a, &start, &ends),
        body_line_ends(&b, &start, &ends),
    );
    let common = lcs(&la, &lb);
    let ratio = common as f32 / la.len().max(lb.len()).max(1) as f32;
    eprintln!(
        "parity {name}: pages ours {}, LibreOffice {}; body lines ours {}, LibreOffice {}, same last word {common} ({:.1} %)",
        a.len(),
        b.len(),
        la.len(),
        lb.len(),
        ratio * 100.0
    );
    if ratio < floor {
        eprintln!("  line ends, ours: {la:?}\n  LibreOffice's: {lb:?}");
    }
    assert_eq!(a.len(), b.len(), "{name}: page count");
    assert!(
        ratio >= floor,
        "{name}: only {:.1} % of body lines end alike",
        ratio * 100.0
    );
    tables_hold_together(name, doc, &b);
    a.len()
}

/// In LibreOffice's rendering: every token of a table cell comes out whole
/// (a cell never breaks inside a word, number, date or unit), and the words
/// that only one row kept whole has all sit on one page (no such row split).
fn tables_hold_together(name: &str, doc: &Document, pages: &[Vec<Vec<Word>>]) {
    let mut rendered: HashMap<&str, Vec<usize>> = HashMap::new();
    for (page, word) in pages
        .iter()
        .enumerate()
        .flat_map(|(p, lines)| lines.iter().flatten().map(move |w| (p, w)))
    {
        rendered.entry(word.text.as_str()).or_default().push(page);
    }
    let mut in_document: HashMap<String, usize> = HashMap::new();
    for line in doc.text_lines() {
        for token in line.split_whitespace() {
            *in_document.entry(token.to_string()).or_default() += 1;
        }
    }
    // Which rows the composition keeps whole: a tall row may split where
    // a page is full (cantSplit only for short rows).
    let composition = vanban::compose::compose(doc, vanban::metrics::FontSet::liberation_serif());
    let whole: Vec<Vec<bool>> = composition.sections[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            vanban::compose::Block::Table(t) if t.borders.is_some() => {
                Some(t.rows.iter().map(|r| r.cant_split).collect())
            }
            _ => None,
        })
        .collect();
    for (table, whole) in doc
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .zip(&whole)
    {
        for (row, _) in std::iter::once(&table.header)
            .chain(&table.rows)
            .zip(whole)
            .filter(|(_, whole)| **whole)
        {
            let tokens: Vec<String> = row
                .iter()
                .flat_map(|cell| {
                    plain_text(cell)
                        .split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            for token in &tokens {
                let found = rendered.get(token.as_str()).map_or(0, Vec::len);
                assert!(
                    found >= in_document[token],
                    "{name}: table token {token:?} broken in LibreOffice's rendering"
                );
            }
            let own_pages: Vec<usize> = tokens
                .iter()
                .filter(|t| in_document[*t] == 1)
                .filter_map(|t| rendered.get(t.as_str()).map(|p| p[0]))
                .collect();
            assert!(
                own_pages.windows(2).all(|w| w[0] == w[1]),
                "{name}: a row is split across pages: {tokens:?}"
            );
        }
    }
}

/// The first two words of the text under the title (căn cứ or body).
fn first_words(doc: &Document) -> String {
    let first = doc.bases.first().cloned().or_else(|| {
        doc.body.iter().find_map(|b| match b {
            Block::Paragraph(p) => Some(plain_text(&p.spans())),
            Block::Heading(h) => Some(plain_text(&h.spans())),
            _ => None,
        })
    });
    let first = first.unwrap_or_default();
    first
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Last word of each body line: from the first line of the text under the
/// title up to "Nơi nhận:", page numbers left out.
/// A page's words in lines as a reader sees them: by baseline, left to
/// right (pdftotext groups by the order a writer put them down, and
/// LibreOffice sometimes writes a line's last word after the next line's
/// first).
fn lines_by_position(page: &[Vec<Word>]) -> Vec<Vec<Word>> {
    let mut words: Vec<Word> = page.iter().flatten().cloned().collect();
    words.sort_by(|a, b| {
        a.y_max
            .total_cmp(&b.y_max)
            .then(a.x_min.total_cmp(&b.x_min))
    });
    let mut lines: Vec<Vec<Word>> = Vec::new();
    for word in words {
        match lines.last_mut() {
            Some(line) if (line[0].y_max - word.y_max).abs() < 1.5 => line.push(word),
            _ => lines.push(vec![word]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x_min.total_cmp(&b.x_min));
    }
    lines
}

fn body_line_ends(pages: &[Vec<Vec<Word>>], start_words: &str, ends: &[String]) -> Vec<String> {
    let pages: Vec<Vec<Vec<Word>>> = pages.iter().map(|p| lines_by_position(p)).collect();
    let lines: Vec<&Vec<Word>> = pages.iter().flatten().filter(|l| !l.is_empty()).collect();
    let text = |l: &Vec<Word>| {
        l.iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let start = lines
        .iter()
        .position(|l| text(l).starts_with(start_words))
        .unwrap_or(0);
    let end = lines
        .iter()
        .position(|l| ends.iter().any(|end| text(l).starts_with(end.as_str())))
        .unwrap_or(lines.len());
    lines[start..end.max(start)]
        .iter()
        .filter(|l| !(l.len() == 1 && l[0].text.chars().all(|c| c.is_ascii_digit())))
        .map(|l| l.last().unwrap().text.clone())
        .collect()
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let keep = row[j + 1];
            row[j + 1] = if x == y {
                prev + 1
            } else {
                row[j + 1].max(row[j])
            };
            prev = keep;
        }
    }
    row[b.len()]
}
