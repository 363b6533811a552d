//! The guarantee every fuzz target checks, shared with the replay of the
//! corpus as an ordinary test (crates/vanban-cli/tests/fuzz_corpus.rs) and
//! the property tests: for any input, vanban either refuses it with
//! problems that say what is wrong, or renders a DOCX whose XML parses and
//! a PDF that parses and whose text holds every word of the input, in
//! order. A panic anywhere is a failure too.
//!
//! Only `vanban`, its two backends, `arbitrary`, `serde_json`, `zip`,
//! `roxmltree` and `lopdf` are used, so the test crate can include this
//! file as a module.

use std::io::{Cursor, Read};

use arbitrary::{Arbitrary, Unstructured};
use serde_json::Value;
use vanban::metrics::FontSet;
use vanban::model::{plain_text, Block};
use vanban::{Document, Format, InputError};
use vanban_report::Templates;

/// What a fuzz target runs on its bytes.
pub type Check = fn(&[u8]);

/// The fuzz targets, by the name of their folder in `fuzz/corpus/`.
pub const TARGETS: [(&str, Check); 6] = [
    ("parse", check_parse),
    ("markdown", check_markdown),
    ("template", check_template),
    ("document", check_document),
    ("workbook", check_workbook),
    ("template_text", check_template_text),
];

/// Limits small enough that a case passing them costs the fuzzer little:
/// what a hostile file asks for beyond them must be refused, not tried.
fn fuzz_limits() -> vanban::Limits {
    vanban::Limits {
        max_file_bytes: 1 << 20,
        max_cells: 100_000,
        max_inflated_bytes: 16 << 20,
        max_template_work: 100_000,
        ..vanban::Limits::default()
    }
}

/// A workbook (the first byte picks .xlsx, .ods, .xls or .csv) read as a
/// batch reads it: rows, or an error that says why; never a panic, and
/// never more than the limits (the fuzzer's memory limit would catch it).
pub fn check_workbook(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let extension = ["xlsx", "ods", "xls", "csv"][first as usize % 4];
    let limits = fuzz_limits();
    match vanban_report::sheet::rows_from_bytes(rest, extension, None, &limits) {
        Ok(rows) => {
            for row in rows {
                if let Err(why) = row.data {
                    assert!(
                        !why.english().trim().is_empty(),
                        "a row refused without a reason"
                    );
                }
            }
        }
        Err(why) => assert!(
            !why.english().trim().is_empty(),
            "a workbook refused without a reason"
        ),
    }
}

/// A user template's text, loaded and rendered with the year-end report's
/// example data: loaded or refused with a reason, rendered or refused with
/// a reason, within the limits (nesting, work), never a crash.
pub fn check_template_text(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let limits = fuzz_limits();
    let templates = match Templates::with_text("t", &text, &limits) {
        Ok(templates) => templates,
        Err(error) => {
            assert!(!error.to_string().trim().is_empty(), "an empty load error");
            return;
        }
    };
    let data: Value =
        serde_json::from_str(include_str!("../template-data.json")).expect("the example data");
    if let Err(error) = templates.render("t", &data) {
        assert!(
            !error.to_string().trim().is_empty(),
            "an empty template error"
        );
    }
}

/// Input text in one of the three languages (the first byte picks it).
pub fn check_parse(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let format = [Format::Yaml, Format::Json, Format::Toml][first as usize % 3];
    let text = String::from_utf8_lossy(rest);
    check_outcome(Document::from_text(&text, format));
}

/// A body in Markdown inside an otherwise valid document.
pub fn check_markdown(bytes: &[u8]) {
    let markdown = String::from_utf8_lossy(bytes);
    let _ = vanban::body::parse(&markdown);
    let mut input = base_input();
    input.body = Some(markdown.into_owned());
    check_outcome(Document::from_input(&input));
}

/// The year-end report template with its example data, changed in places.
pub fn check_template(bytes: &[u8]) {
    let mut u = Unstructured::new(bytes);
    let Ok(edits) = Vec::<DataEdit>::arbitrary(&mut u) else {
        return;
    };
    let mut data: Value =
        serde_json::from_str(include_str!("../template-data.json")).expect("the example data");
    for edit in edits.iter().take(16) {
        edit.apply(&mut data);
    }
    let templates = builtin_templates();
    match templates.render_document("bao-cao-ket-qua-nam", &data) {
        Ok(doc) => {
            check_rendering(&doc);
        }
        Err(error) => assert!(
            !error.to_string().trim().is_empty(),
            "an empty template error"
        ),
    }
}

/// A whole document built field by field from the bytes.
pub fn check_document(bytes: &[u8]) {
    let mut u = Unstructured::new(bytes);
    let Ok(doc) = FuzzDoc::arbitrary(&mut u) else {
        return;
    };
    check_outcome(Document::from_input(&doc.input()));
}

/// Refused with reasons, or rendered in full.
pub fn check_outcome(outcome: Result<Document, InputError>) {
    match outcome {
        Ok(doc) => {
            check_rendering(&doc);
        }
        Err(error) => {
            assert!(!error.problems.is_empty(), "refused without a problem");
            for problem in &error.problems {
                assert!(
                    !problem.message.trim().is_empty(),
                    "a problem with no message"
                );
            }
        }
    }
}

/// Renders a valid document unless the fonts cannot show it (then it must
/// be refused by name); the DOCX must parse and the PDF must hold every
/// word, in order. Says whether it rendered.
pub fn check_rendering(doc: &Document) -> bool {
    let fonts = FontSet::liberation_serif();
    if let Err(error) = vanban::coverage::check(doc, fonts) {
        assert!(!error.problems.is_empty());
        return false;
    }
    // A valid document the fonts can show must render in both formats.
    let docx = vanban_docx::render(doc, &vanban_docx::Options { fonts })
        .unwrap_or_else(|e| panic!("a valid, covered document was refused by the DOCX: {e}"));
    let docx_text = docx_text(&docx);
    let pdf = vanban_pdf::render(doc, &vanban_pdf::Options { fonts })
        .unwrap_or_else(|e| panic!("a valid, covered document was refused by the PDF: {e}"));
    if let Ok(dir) = std::env::var("GUARD_DUMP") {
        let _ = std::fs::write(format!("{dir}/case.pdf"), &pdf);
        let _ = std::fs::write(format!("{dir}/case.docx"), &docx);
    }
    let pdf_text = pdf_text(&pdf);
    for (field, words) in doc_words(doc) {
        assert_words_in_order(&docx_text, &words, &format!("DOCX {field}"));
        assert_words_in_order(&pdf_text, &words, &format!("PDF {field}"));
    }
    true
}

/// The words of each part of the document: the body's headings and
/// paragraphs as one sequence (its order must hold across blocks), each
/// table cell on its own (a row cut by a page is read a page at a time:
/// each cell's first lines, then the next page's share), and each other
/// field on its own.
pub fn doc_words(doc: &Document) -> Vec<(String, Vec<String>)> {
    let words = |text: &str| -> Vec<String> { text.split_whitespace().map(comparable).collect() };
    let mut out = Vec::new();
    let mut body = Vec::new();
    let mut cells = Vec::new();
    for (b, block) in doc.body.iter().enumerate() {
        match block {
            Block::Heading(h) => body.extend(words(&plain_text(&h.spans()))),
            Block::Paragraph(p) => body.extend(words(&plain_text(&p.spans()))),
            Block::Table(t) => {
                for (r, row) in std::iter::once(&t.header).chain(&t.rows).enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        cells.push((
                            format!("body[{b}] row {r} cell {c}"),
                            words(&plain_text(cell)),
                        ));
                    }
                }
            }
            Block::PageBreak => {}
        }
    }
    out.push(("body".to_string(), body));
    out.extend(cells);
    let mut field = |name: &str, text: &str| out.push((name.to_string(), words(text)));
    field("summary", &doc.summary);
    field("issuer", &doc.issuer);
    field("place", &doc.place);
    field("signer.title", &doc.signer.title);
    field("signer.name", &doc.signer.name);
    for (i, r) in doc.recipients.iter().enumerate() {
        field(&format!("recipients[{i}]"), &r.text());
    }
    for (i, b) in doc.bases.iter().enumerate() {
        field(&format!("bases[{i}]"), b);
    }
    for (i, a) in doc.addressees.iter().enumerate() {
        field(&format!("addressees[{i}]"), a);
    }
    for (i, a) in doc.signer.authority.iter().enumerate() {
        field(&format!("signer.authority[{i}]"), a);
    }
    out
}

/// Upper case with no white space, composed (NFC): headings print in
/// capitals, lines may break inside a word too long for its line, and a
/// PDF's text may come back canonically equivalent rather than the same
/// code points (`ΰ` U+03B0 as `ϋ` + U+0301).
fn comparable(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    // Composed before the white space goes: a combining mark typed after a
    // space must not compose with the letter before the space.
    text.chars()
        .flat_map(char::to_uppercase)
        .nfc()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Marks where a page of the PDF's text ends.
const PAGE_END: char = '\u{1}';

/// Where `word` ends in `haystack` after `from`: whole, or broken at a page
/// end — its first part on one page (a row cut by the page writes the text
/// beside it after it), the rest on the next page.
fn find_word(haystack: &str, from: usize, word: &str) -> Option<usize> {
    let whole = haystack[from..].find(word).map(|at| from + at + word.len());
    let page_end = haystack[from..].find(PAGE_END).map(|at| from + at);
    match (whole, page_end) {
        (Some(end), Some(page_end)) if end <= page_end => return whole,
        (Some(_), None) => return whole,
        _ => {}
    }
    // Of the ways to find it (whole on a later page, or split at a page
    // end), the one that ends first: a match further down must not skip
    // the words before it.
    let split = word.char_indices().skip(1).filter_map(|(k, _)| {
        let (head, tail) = word.split_at(k);
        let head_end = from + haystack[from..].find(head)? + head.len();
        let next_page = head_end + haystack[head_end..].find(PAGE_END)? + PAGE_END.len_utf8();
        let page_len = haystack[next_page..]
            .find(PAGE_END)
            .unwrap_or(haystack.len() - next_page);
        let at = haystack[next_page..next_page + page_len].find(tail)?;
        Some(next_page + at + tail.len())
    });
    split.chain(whole).min()
}

/// Each word found after the one before it.
pub fn assert_words_in_order(haystack: &str, words: &[String], what: &str) {
    let mut from = 0;
    for (i, word) in words.iter().enumerate() {
        match find_word(haystack, from, word) {
            Some(end) => from = end,
            None => {
                if let Ok(dir) = std::env::var("GUARD_DUMP") {
                    let _ = std::fs::write(format!("{dir}/haystack.txt"), haystack);
                    let _ = std::fs::write(format!("{dir}/words.txt"), words.join("\n"));
                }
                let next: String = haystack[from..].chars().take(80).collect();
                let before: String = words[i.saturating_sub(5)..i].concat();
                panic!(
                    "{what}: word {i} `{word}` is missing (or out of order) in the output text after `{before}`, which goes on `{next}`"
                )
            }
        }
    }
}

/// The text of `word/document.xml` in document order, comparable; the XML
/// must parse.
pub fn docx_text(docx: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("the DOCX is a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the DOCX has word/document.xml")
        .read_to_string(&mut xml)
        .expect("document.xml is UTF-8");
    let tree = roxmltree::Document::parse(&xml).expect("document.xml is well-formed XML");
    // Runs apart, as a line break or tab between them sets them apart (a
    // combining mark at the start of a line must not join the line above).
    let text: Vec<&str> = tree
        .descendants()
        .filter_map(|n| match n.tag_name().name() {
            "t" => n.text(),
            // A symbol's hyphen (`310/KH-UBND`) is a non-breaking hyphen.
            "noBreakHyphen" => Some("-"),
            _ => None,
        })
        .collect();
    comparable(&text.join(" "))
}

/// The text of every page of the PDF, comparable; the PDF must parse.
pub fn pdf_text(pdf: &[u8]) -> String {
    let doc = lopdf::Document::load_mem(pdf).expect("the PDF parses");
    let mut text = String::new();
    for page in doc.get_pages().keys().copied() {
        let page_text = doc.extract_text(&[page]).expect("the PDF's text extracts");
        // From page 2 the page number is drawn last (in the top margin): a
        // word that runs on to the next page must not have it inside.
        let number = page.to_string();
        let body = match page_text.trim_end().strip_suffix(number.as_str()) {
            Some(rest) if page > 1 => rest,
            _ => page_text.as_str(),
        };
        text.push_str(&comparable(body));
        text.push(PAGE_END);
    }
    text
}

fn builtin_templates() -> &'static Templates {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(Templates::builtin)
}

/// A valid plan to put a fuzzed body into.
fn base_input() -> vanban::Input {
    let mut doc = FuzzDoc::default();
    doc.body.clear();
    doc.input()
}

/// Words a document is made of, so fuzzed text is mostly printable.
const WORDS: [&str; 16] = [
    "Ủy", "ban", "nhân", "dân", "tỉnh", "Tây", "Ninh", "kế", "hoạch", "năm", "2024", "thực",
    "hiện", "100%", "(01)", "Đ.",
];

/// Text made of dictionary words, any characters and breaks.
#[derive(Arbitrary, Debug, Clone)]
pub struct FuzzText(Vec<Piece>);

#[derive(Arbitrary, Debug, Clone)]
enum Piece {
    Word(u8),
    Letter(u8),
    /// Any character at all, one time in 32; else a letter.
    Any(u8, char),
    Space,
    Newline,
}

/// Letters, digits and the punctuation Markdown and XML care about.
const LETTERS: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ0123456789.,;:!?-–—+*_#|[](){}<>&\"'`~/\\%$@^=§°…“”‘’«»€";

impl FuzzText {
    fn text(&self) -> String {
        let mut out = String::new();
        for piece in self.0.iter().take(200) {
            match piece {
                Piece::Word(i) => out.push_str(WORDS[*i as usize % WORDS.len()]),
                Piece::Letter(i) => out.push(letter(*i)),
                Piece::Any(0..=7, c) => out.push(*c),
                Piece::Any(i, _) => out.push(letter(*i)),
                Piece::Space => out.push(' '),
                Piece::Newline => out.push('\n'),
            }
        }
        out
    }

    fn or(&self, fallback: &str) -> String {
        let text = self.text();
        if text.trim().is_empty() {
            fallback.to_string()
        } else {
            text
        }
    }
}

fn letter(i: u8) -> char {
    let count = LETTERS.chars().count();
    LETTERS.chars().nth(i as usize % count).expect("in range")
}

/// A document as the fuzzer builds it; `input()` writes it as an input.
#[derive(Arbitrary, Debug)]
pub struct FuzzDoc {
    kind: u8,
    parent: Option<FuzzText>,
    issuer: FuzzText,
    number: Option<u16>,
    place: FuzzText,
    date: Option<(u8, u8, u8)>,
    summary: FuzzText,
    bases: Vec<FuzzText>,
    addressees: Vec<FuzzText>,
    body: Vec<FuzzBlock>,
    recipients: Vec<FuzzText>,
    authority: Vec<(u8, FuzzText)>,
    title: FuzzText,
    name: FuzzText,
}

impl Default for FuzzDoc {
    fn default() -> FuzzDoc {
        FuzzDoc {
            kind: 0,
            parent: None,
            issuer: FuzzText(Vec::new()),
            number: Some(5),
            place: FuzzText(Vec::new()),
            date: None,
            summary: FuzzText(Vec::new()),
            bases: Vec::new(),
            addressees: Vec::new(),
            body: Vec::new(),
            recipients: Vec::new(),
            authority: Vec::new(),
            title: FuzzText(Vec::new()),
            name: FuzzText(Vec::new()),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum FuzzBlock {
    Heading(u8, FuzzText),
    Paragraph(FuzzText),
    Dash(FuzzText),
    Numbered(FuzzText),
    Table(Vec<Vec<FuzzText>>),
    PageBreak,
}

const KINDS: [&str; 6] = [
    "ke-hoach",
    "bao-cao",
    "quyet-dinh",
    "to-trinh",
    "cong-van",
    "thong-bao",
];

impl FuzzDoc {
    /// The input document, every text escaped where Markdown would read it.
    pub fn input(&self) -> vanban::Input {
        let list = |items: &[FuzzText]| -> Vec<String> {
            items.iter().take(20).map(|t| t.or("Sở Nội vụ")).collect()
        };
        let mut body = String::new();
        for block in self.body.iter().take(30) {
            let line =
                |t: &FuzzText| vanban::body::escape(t.or("Nội dung").replace('\n', " ").trim());
            match block {
                FuzzBlock::Heading(level, t) => {
                    let hashes = "#".repeat(1 + *level as usize % 3);
                    body.push_str(&format!("{hashes} {}\n\n", line(t)));
                }
                FuzzBlock::Paragraph(t) => body.push_str(&format!("{}\n\n", line(t))),
                FuzzBlock::Dash(t) => body.push_str(&format!("- {}\n\n", line(t))),
                FuzzBlock::Numbered(t) => body.push_str(&format!("1. {}\n\n", line(t))),
                FuzzBlock::Table(rows) => {
                    let columns = rows.first().map_or(0, |r| r.len().clamp(1, 6));
                    for (i, row) in rows.iter().take(8).enumerate() {
                        let cells: Vec<String> = (0..columns)
                            .map(|c| row.get(c).map_or("x".to_string(), line))
                            .collect();
                        body.push_str(&format!("| {} |\n", cells.join(" | ")));
                        if i == 0 {
                            body.push_str(&format!("|{}\n", "---|".repeat(columns)));
                        }
                    }
                    body.push('\n');
                }
                FuzzBlock::PageBreak => body.push_str("\n---\n\n"),
            }
        }
        let kind = KINDS[self.kind as usize % KINDS.len()];
        vanban::Input {
            kind: Some(kind.to_string()),
            parent: self.parent.as_ref().map(|t| t.or("UBND TỈNH TÂY NINH")),
            issuer: Some(vanban::input::IssuerInput {
                name: Some(self.issuer.or("VĂN PHÒNG")),
                abbreviation: Some("VP".into()),
                unit: Some("VX".into()),
            }),
            number: self.number.map(i64::from),
            place: Some(self.place.or("Tây Ninh").replace('\n', " ")),
            date: self.date.map(|(y, m, d)| {
                vanban::input::DateInput::Text(format!(
                    "{}-{:02}-{:02}",
                    2000 + y as u32 % 50,
                    1 + m % 12,
                    1 + d % 28
                ))
            }),
            summary: Some(self.summary.or("Tuyên truyền")),
            bases: list(&self.bases),
            addressees: list(&self.addressees),
            body: Some(body),
            recipients: list(&self.recipients).into_iter().map(Into::into).collect(),
            signer: Some(vanban::input::SignerInput {
                authority: self
                    .authority
                    .iter()
                    .take(3)
                    .map(|(p, t)| {
                        let prefix = vanban::validate::AUTHORITY_PREFIXES
                            [*p as usize % vanban::validate::AUTHORITY_PREFIXES.len()];
                        format!("{prefix} {}", t.or("CHỦ TỊCH"))
                    })
                    .collect(),
                title: Some(self.title.or("CHÁNH VĂN PHÒNG")),
                name: Some(self.name.or("Đoàn Minh Long").replace('\n', " ")),
                signature_image: None,
            }),
            ..vanban::Input::default()
        }
    }
}

/// One change to template data: a leaf (chosen by its index among the
/// leaves) replaced, or removed.
#[derive(Arbitrary, Debug)]
enum DataEdit {
    Text(u16, FuzzText),
    Integer(u16, i64),
    Float(u16, f64),
    Null(u16),
    Remove(u16),
}

impl DataEdit {
    fn apply(&self, data: &mut Value) {
        let (index, value) = match self {
            DataEdit::Text(i, t) => (*i, Some(Value::String(t.text()))),
            DataEdit::Integer(i, n) => (*i, Some(Value::from(*n))),
            DataEdit::Float(i, x) => (*i, serde_json::Number::from_f64(*x).map(Value::Number)),
            DataEdit::Null(i) => (*i, Some(Value::Null)),
            DataEdit::Remove(i) => (*i, None),
        };
        let mut leaves = Vec::new();
        leaf_paths(data, &mut Vec::new(), &mut leaves);
        if leaves.is_empty() {
            return;
        }
        let path = &leaves[index as usize % leaves.len()];
        let (last, parents) = path.split_last().expect("a leaf has a path");
        let mut node = &mut *data;
        for key in parents {
            node = match key {
                Key::Field(k) => &mut node[k.as_str()],
                Key::Index(i) => &mut node[*i],
            };
        }
        match (last, value, node) {
            (Key::Field(k), Some(v), node) => node[k.as_str()] = v,
            (Key::Index(i), Some(v), node) => node[*i] = v,
            (Key::Field(k), None, Value::Object(map)) => {
                map.remove(k);
            }
            (Key::Index(i), None, Value::Array(items)) => {
                items.remove(*i);
            }
            _ => {}
        }
    }
}

#[derive(Clone, Debug)]
enum Key {
    Field(String),
    Index(usize),
}

fn leaf_paths(value: &Value, at: &mut Vec<Key>, out: &mut Vec<Vec<Key>>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                at.push(Key::Field(k.clone()));
                leaf_paths(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Key::Index(i));
                leaf_paths(v, at, out);
                at.pop();
            }
        }
        _ => out.push(at.clone()),
    }
}
