//! The body, written in Markdown, read into the decree's blocks.
//!
//! `#` → `I.` (bold capitals), `##` → `1.` (bold), `###` → `a)`, numbered
//! automatically and restarting under each parent; a heading typed with its
//! own label keeps it. `# Phần: Title` (or `# Phần I. Title`, `# Phần thứ
//! nhất: Title`) is a part: `Phần I` centred over its title, and the `I.`
//! numbering restarts under it. `# Điều: Title` (or `# Điều 2. Title`, checked
//! to be in order) is an article of a Quyết định or Nghị quyết: `Điều 1.` and
//! its title in bold, khoản and điểm restarting under it. `# Phụ lục: Title`
//! (`# Phụ lục (ngang): Title` for landscape) starts an appendix that runs to
//! the next one or the end ([`split_appendices`]). `- item` is a dash
//! paragraph, `1. item` an untitled khoản, `---` a page break, GFM tables are
//! tables.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::model::{Align, Block, Heading, Level, Paragraph, Span, Table};
use crate::vn;
use vanban_i18n::{msg, Message};

/// A problem in the body, at a line of the Markdown text (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct BodyProblem {
    pub line: usize,
    pub message: Message,
}

/// A Phụ lục written in the body: `# Phụ lục: Title` starts one, `# Phụ lục
/// (ngang): Title` a landscape one; it runs to the next or to the end.
#[derive(Clone, Debug, PartialEq)]
pub struct AppendixText<'a> {
    pub title: &'a str,
    pub landscape: bool,
    /// The numeral typed after `Phụ lục` (`# Phụ lục II: …`), if any.
    pub typed: Option<u32>,
    pub markdown: &'a str,
    /// Line of its first content line in the whole body (1-based).
    pub first_line: usize,
}

/// Splits a body at its `# Phụ lục` headings: the body's own text, then each
/// appendix's title, orientation and text.
pub fn split_appendices(markdown: &str) -> (&str, Vec<AppendixText<'_>>) {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, line) in markdown.split_inclusive('\n').enumerate() {
        if let Some(heading) = appendix_heading(line) {
            starts.push((offset, offset + line.len(), i + 2, heading));
        }
        offset += line.len();
    }
    let own = &markdown[..starts.first().map_or(markdown.len(), |s| s.0)];
    let appendices = starts
        .iter()
        .enumerate()
        .map(
            |(k, &(_, content, first_line, (title, landscape, typed)))| {
                let end = starts.get(k + 1).map_or(markdown.len(), |s| s.0);
                AppendixText {
                    title,
                    landscape,
                    typed,
                    markdown: &markdown[content..end],
                    first_line,
                }
            },
        )
        .collect();
    (own, appendices)
}

/// `# Phụ lục: Title` → (title, landscape, typed numeral). The label may
/// be typed as printed, in capitals or with its numeral, and end in `:` or
/// `.`: `# Phụ lục II (ngang): Title`, `# PHỤ LỤC I. Title`.
fn appendix_heading(line: &str) -> Option<(&str, bool, Option<u32>)> {
    let line = line.trim_end();
    let rest = ["# Phụ lục", "# PHỤ LỤC"]
        .iter()
        .find_map(|prefix| line.strip_prefix(prefix))?;
    // No `:` at all (`# Phụ lục II`): an appendix without its title, which
    // validation refuses, rather than a section heading `I. PHỤ LỤC II`.
    let (label, title) = match rest.find([':', '.']) {
        Some(at) => (rest[..at].trim(), &rest[at + 1..]),
        None => (rest.trim(), ""),
    };
    let (label, landscape) = match label.strip_suffix("(ngang)") {
        Some(label) => (label.trim_end(), true),
        None => (label, false),
    };
    let typed = match label {
        "" => None,
        numeral => Some(crate::vn::parse_roman(numeral)?),
    };
    Some((title.trim(), landscape, typed))
}

/// Reads Markdown into blocks, or every problem found.
pub fn parse(markdown: &str) -> Result<Vec<Block>, Vec<BodyProblem>> {
    let mut reader = Reader::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let parser = Parser::new_ext(markdown, options);
    // A link reference definition (`[ghi chú]: …`) prints nothing in
    // Markdown; a body prints every word, so it stays as the text typed.
    let mut definitions: Vec<_> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.clone())
        .collect();
    definitions.sort_by_key(|span| std::cmp::Reverse(span.start));
    // Line numbers by binary search over the newlines, found once: counting
    // them from the start for every event was quadratic in the body's size.
    let newlines: Vec<usize> = markdown.match_indices('\n').map(|(at, _)| at).collect();
    for (event, range) in parser.into_offset_iter() {
        while definitions.last().is_some_and(|d| d.start < range.start) {
            let span = definitions.pop().expect("a definition");
            reader.literal_paragraph(markdown[span].trim());
        }
        let line = newlines.partition_point(|&at| at < range.start) + 1;
        reader.event(event, line);
    }
    for span in definitions.into_iter().rev() {
        reader.literal_paragraph(markdown[span].trim());
    }
    reader.flush_item_text();
    if reader.problems.is_empty() {
        Ok(reader.blocks)
    } else {
        Err(reader.problems)
    }
}

/// Escapes text so that Markdown reads it back as the same literal text: data
/// inserted by a template can never become a heading, a list or a table.
/// CommonMark lets a backslash escape any ASCII punctuation, so all are escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() && c != ',' && c != ';' && c != ':' && c != '/' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Default)]
struct Reader {
    blocks: Vec<Block>,
    problems: Vec<BodyProblem>,
    /// Inline spans of the block being read.
    spans: Vec<Span>,
    bold: u32,
    italic: u32,
    heading: Option<HeadingLevel>,
    /// Counters of `Phần I`, `Điều 1`, `I.`, `1.`, `a)`.
    part: u32,
    article: u32,
    section: u32,
    clause: u32,
    point: u32,
    lists: Vec<ListState>,
    /// Open links and images: the destination and where their text starts.
    links: Vec<(String, usize)>,
    /// The marker of the list item whose first paragraph is still to come.
    pending_marker: Option<String>,
    table: Option<TableState>,
    /// Where the paragraph being read starts (1-based).
    line: usize,
}

struct ListState {
    next: Option<u64>,
}

struct TableState {
    align: Vec<Align>,
    header: Vec<Vec<Span>>,
    rows: Vec<Vec<Vec<Span>>>,
    row: Vec<Vec<Span>>,
}

impl Reader {
    fn event(&mut self, event: Event<'_>, line: usize) {
        if matches!(event, Event::Start(Tag::Paragraph)) {
            self.line = line;
        }
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Rule => self.blocks.push(Block::PageBreak),
            Event::Html(html) | Event::InlineHtml(html) => {
                if html.trim().eq_ignore_ascii_case("<!-- pagebreak -->") {
                    self.blocks.push(Block::PageBreak);
                } else if !html.trim_start().starts_with("<!--") {
                    self.text(&html);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Heading { level, .. } => {
                if level > HeadingLevel::H3 {
                    self.problems.push(BodyProblem {
                        line,
                        message: msg!("heading-level", level = level as usize),
                    });
                }
                self.heading = Some(level);
            }
            Tag::Strong => self.bold += 1,
            Tag::Emphasis => self.italic += 1,
            Tag::List(start) => {
                self.flush_item_text();
                self.lists.push(ListState { next: start });
            }
            Tag::Item => {
                let depth = self.lists.len();
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(next) => {
                        *next += 1;
                        format!("{}.", *next - 1)
                    }
                    None if depth > 1 => "+".to_string(),
                    None => "-".to_string(),
                };
                self.pending_marker = Some(marker);
            }
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                let at = crate::model::plain_text(&self.spans).len();
                self.links.push((dest_url.into_string(), at));
            }
            Tag::Table(align) => {
                self.table = Some(TableState {
                    align: align.iter().map(convert_align).collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                    row: Vec::new(),
                });
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, line: usize) {
        match tag {
            TagEnd::Heading(level) => self.end_heading(level, line),
            TagEnd::Paragraph => self.flush_paragraph(),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Item => {
                self.flush_item_text();
                self.pending_marker = None;
            }
            TagEnd::List(_) => {
                self.lists.pop();
            }
            TagEnd::Link | TagEnd::Image => self.end_link(),
            // Code and HTML blocks are printed as typed, each its own paragraph.
            TagEnd::CodeBlock | TagEnd::HtmlBlock => self.flush_item_text(),
            TagEnd::TableCell => {
                let cell = trim_spans(std::mem::take(&mut self.spans));
                if let Some(table) = &mut self.table {
                    table.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.header = std::mem::take(&mut table.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(table) = &mut self.table {
                    let row = std::mem::take(&mut table.row);
                    table.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::Table(Table {
                        align: t.align,
                        header: t.header,
                        rows: t.rows,
                    }));
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let bold = self.bold > 0;
        let italic = self.italic > 0;
        match self.spans.last_mut() {
            Some(last) if last.bold == bold && last.italic == italic => last.text.push_str(text),
            _ => self.spans.push(Span {
                text: text.to_string(),
                bold,
                italic,
            }),
        }
    }

    /// A printed document cannot be clicked: a link's or image's
    /// destination follows its text in brackets, unless the text is it.
    fn end_link(&mut self) {
        let Some((dest, at)) = self.links.pop() else {
            return;
        };
        let text = crate::model::plain_text(&self.spans);
        let shown = text.get(at..).unwrap_or("").trim();
        let dest = dest.trim();
        let same = shown == dest || dest.strip_prefix("mailto:") == Some(shown);
        if !dest.is_empty() && !same {
            self.text(&format!(" ({dest})"));
        }
    }

    /// Source text kept as a paragraph of its own, as typed.
    fn literal_paragraph(&mut self, text: &str) {
        self.flush_item_text();
        self.text(text);
        self.flush_paragraph();
    }

    /// Text of a tight list item arrives without a paragraph around it.
    fn flush_item_text(&mut self) {
        if !self.spans.is_empty() {
            self.flush_paragraph();
        }
    }

    fn flush_paragraph(&mut self) {
        let content = trim_spans(std::mem::take(&mut self.spans));
        if self.table.is_some() {
            return;
        }
        let marker = self.pending_marker.take();
        if content.is_empty() && marker.is_none() {
            return;
        }
        // `**Điều 2.** Nghị quyết này …`: an article typed as printed.
        let bold_label = content.first().is_some_and(|s| {
            // Its number and the `.` or `:` after it, as printed: a bold
            // `Điều 5 Luật …` is a citation, not a label.
            let label = article_label(&s.text).map(|(typed, at)| (typed, &s.text[..at]));
            s.bold && matches!(label, Some((Some(n), l)) if !n.is_empty() && l.trim_end().ends_with(['.', ':']))
        });
        if marker.is_none() && bold_label && self.lists.is_empty() {
            if let Some(article) = self.article(&content, self.line, true) {
                self.blocks.push(Block::Heading(article));
                return;
            }
        }
        self.blocks
            .push(Block::Paragraph(Paragraph { marker, content }));
    }

    fn end_heading(&mut self, level: HeadingLevel, line: usize) {
        self.heading = None;
        let mut content = trim_spans(std::mem::take(&mut self.spans));
        if content.is_empty() {
            self.problems.push(BodyProblem {
                line,
                message: msg!("heading-title-missing"),
            });
            return;
        }
        if level == HeadingLevel::H1 {
            if let Some(article) = self.article(&content, line, false) {
                self.blocks.push(Block::Heading(article));
                return;
            }
            if let Some((label, title)) = self.part(&content) {
                self.blocks.push(Block::Heading(Heading {
                    level: Level::Part,
                    label,
                    content: title,
                    run_in: false,
                }));
                return;
            }
        }
        let level = match level {
            HeadingLevel::H1 => Level::Section,
            HeadingLevel::H2 => Level::Clause,
            _ => Level::Point,
        };
        let typed = take_typed_label(level, &mut content);
        let label = match level {
            // Parts and articles were taken above; only `#`, `##` and `###` come here.
            Level::Part | Level::Section | Level::Article => {
                self.section = typed.unwrap_or(self.section + 1);
                (self.clause, self.point) = (0, 0);
                format!("{}.", vn::roman(self.section))
            }
            Level::Clause => {
                self.clause = typed.unwrap_or(self.clause + 1);
                self.point = 0;
                format!("{}.", self.clause)
            }
            Level::Point => {
                self.point = typed.unwrap_or(self.point + 1);
                // The decree's letters end at `y`; past it a label would
                // have to be made up (and would grow without end).
                if self.point as usize > vn::POINT_LETTERS.len() {
                    // Said once per run of points, at the first past `y`.
                    if self.point as usize == vn::POINT_LETTERS.len() + 1 {
                        self.problems.push(BodyProblem {
                            line,
                            message: msg!("points-too-many", count = vn::POINT_LETTERS.len()),
                        });
                    }
                    return;
                }
                format!("{})", vn::point_letter(self.point))
            }
        };
        if level == Level::Section {
            for span in &mut content {
                span.text = span.text.to_uppercase();
            }
        }
        self.blocks.push(Block::Heading(Heading {
            level,
            label,
            content,
            run_in: false,
        }));
    }
}

impl Reader {
    /// A `# Điều: Title` (numbered in order) or `# Điều 3. Title` heading,
    /// or a paragraph opening with its label in bold (`**Điều 3.** …`):
    /// `Điều 1.` and what follows, khoản and điểm restarting under it. What
    /// follows is a title (bold), nothing (`# Điều 1.` over its khoản), or a
    /// sentence (`Điều 2. Nghị quyết này có hiệu lực …`, or any text after a
    /// bold label): then only the label is bold, as printed. A typed number
    /// out of order is a problem; bold labels and headings count together.
    fn article(&mut self, content: &[Span], line: usize, paragraph: bool) -> Option<Heading> {
        let text = crate::model::plain_text(content);
        let (typed, at) = article_label(&text)?;
        let expected = self.article + 1;
        let number = match typed.map(str::parse::<u32>) {
            None => expected,
            Some(Ok(n)) if n == expected => n,
            Some(Ok(n)) => {
                self.problems.push(BodyProblem {
                    line,
                    message: msg!("article-order", typed = n, expected = expected),
                });
                n
            }
            Some(Err(_)) => return None,
        };
        self.article = number;
        (self.clause, self.point) = (0, 0);
        let rest = trim_spans(drop_prefix(content, at));
        let all_bold = rest.iter().all(|s| s.bold);
        let run_in = ends_sentence(&crate::model::plain_text(&rest)) || (paragraph && !all_bold);
        Some(Heading {
            level: Level::Article,
            label: format!("Điều {number}."),
            content: rest,
            run_in,
        })
    }

    /// A `# Phần …` heading: its label (`Phần I`, `Phần thứ nhất`) and its
    /// title in capitals; `None` for any other heading.
    fn part(&mut self, content: &[Span]) -> Option<(String, Vec<Span>)> {
        let text = crate::model::plain_text(content);
        // A Quy chế's `Chương` is laid out as a `Phần`.
        // Typed in capitals as printed (`PHẦN I.`, `CHƯƠNG II:`) too.
        let (word, rest) = [
            ("Phần", "Phần"),
            ("PHẦN", "Phần"),
            ("Chương", "Chương"),
            ("CHƯƠNG", "Chương"),
        ]
        .iter()
        .find_map(|(typed, word)| text.strip_prefix(typed).map(|rest| (*word, rest)))?;
        if !(rest.is_empty() || rest.starts_with([' ', ':', '.'])) {
            return None;
        }
        let (label, title) = match rest.find([':', '.']) {
            Some(i) => (rest[..i].trim(), rest[i + 1..].trim()),
            None => ("", rest.trim()),
        };
        let label = match vn::parse_roman(label) {
            _ if label.is_empty() => {
                self.part += 1;
                format!("{word} {}", vn::roman(self.part))
            }
            Some(n) => {
                self.part = n;
                format!("{word} {label}")
            }
            None => {
                self.part += 1;
                format!("{word} {label}")
            }
        };
        (self.section, self.clause, self.point) = (0, 0, 0);
        Some((
            label,
            vec![Span {
                text: title.to_uppercase(),
                bold: false,
                italic: false,
            }],
        ))
    }
}

/// Removes a label the author typed (`I.`, `2.`, `đ)`) from the start of a
/// heading and returns its number, so it is neither doubled nor lost.
fn take_typed_label(level: Level, content: &mut [Span]) -> Option<u32> {
    let first = content.first_mut()?;
    let (word, rest) = first.text.split_once(' ')?;
    let number = match level {
        Level::Part | Level::Section => vn::parse_roman(word.strip_suffix('.')?),
        Level::Clause | Level::Article => word.strip_suffix('.')?.parse().ok().filter(|&n| n > 0),
        Level::Point => vn::parse_point_letter(word.strip_suffix(')')?),
    }?;
    first.text = rest.trim_start().to_string();
    Some(number)
}

/// `Điều 2.`, `Điều 2:`, `ĐIỀU 2`, `Điều:` at the start of `text`: the
/// typed number (`None` for `Điều:`, numbered in order) and where the text
/// after the label starts. `Điều 12a` is not an article we number.
fn article_label(text: &str) -> Option<(Option<&str>, usize)> {
    let rest = ["Điều", "ĐIỀU"]
        .iter()
        .find_map(|word| text.strip_prefix(word))?;
    if !(rest.is_empty() || rest.starts_with([' ', ':', '.'])) {
        return None;
    }
    let trimmed = rest.trim_start();
    let at = text.len() - trimmed.len();
    if trimmed.starts_with([':', '.']) {
        return Some((None, at + 1));
    }
    let digits = trimmed.len()
        - trimmed
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let (number, after) = trimmed.split_at(digits);
    if !(after.is_empty() || after.starts_with([' ', ':', '.'])) {
        return None;
    }
    let title = after.trim_start().trim_start_matches([':', '.']);
    Some((Some(number), text.len() - title.len()))
}

/// `spans` without their first `bytes` bytes of text.
fn drop_prefix(spans: &[Span], mut bytes: usize) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        if bytes >= span.text.len() {
            bytes -= span.text.len();
            continue;
        }
        out.push(Span {
            text: span.text[bytes..].to_string(),
            ..span.clone()
        });
        bytes = 0;
    }
    out
}

/// Text that ends as a sentence does (`.`, `:`, `;`, `./.`), not as a title.
fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', ':', ';', '!', '?'])
}

fn trim_spans(mut spans: Vec<Span>) -> Vec<Span> {
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    spans.retain(|s| !s.text.is_empty());
    spans
}

fn convert_align(align: &Alignment) -> Align {
    match align {
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
        _ => Align::Left,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plain_text;

    /// Articles, chapters and parts typed as printed: `# Điều 1: …`,
    /// `# ĐIỀU 2. …`, `# Điều 3 …`, `# CHƯƠNG II. …` are numbered and
    /// checked like `# Điều: …`; `# Điều 12a. …` is not an article.
    #[test]
    fn article_and_chapter_headings_as_typed() {
        let body = "# CHƯƠNG I: Quy định chung\n\n# Điều 1: Phạm vi\n\nA.\n\n# ĐIỀU 2. Hiệu lực\n\nB.\n\n# Điều 3 Trách nhiệm thi hành\n\nC.\n\n# Điều 12a. Sửa đổi\n";
        assert_eq!(
            texts(body),
            [
                "Chương I QUY ĐỊNH CHUNG",
                "Điều 1. Phạm vi",
                "A.",
                "Điều 2. Hiệu lực",
                "B.",
                "Điều 3. Trách nhiệm thi hành",
                "C.",
                "I. ĐIỀU 12A. SỬA ĐỔI"
            ]
        );
        let problems = parse("# Điều 1: A\n\nx\n\n# Điều 3: B\n").unwrap_err();
        assert!(
            problems[0]
                .message
                .english()
                .contains("Điều 3 where Điều 2 comes"),
            "{problems:?}"
        );
    }

    /// Articles as a printed resolution has them: `Điều 1.` alone over its
    /// khoản, `Điều 2.` with a sentence (only the label bold), a bold label
    /// typed in a paragraph; all numbered together and checked in order.
    #[test]
    fn articles_as_printed() {
        let body = "# Điều 1.\n\n1. Khoản một.\n\n2. Khoản hai.\n\n\
                    # Điều 2. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.\n\n\
                    **Điều 3.** Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.\n\n\
                    # Điều 4. Trách nhiệm thi hành\n\nNội dung.\n\n**Điều 5 Luật Đất đai** quy định.\n";
        let blocks = parse(body).unwrap();
        let articles: Vec<(String, String, bool)> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.label.clone(), plain_text(&h.content), h.run_in)),
                _ => None,
            })
            .collect();
        assert_eq!(
            articles,
            [
                ("Điều 1.".into(), "".into(), false),
                (
                    "Điều 2.".into(),
                    "Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2027.".into(),
                    true
                ),
                (
                    "Điều 3.".into(),
                    "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện.".into(),
                    true
                ),
                ("Điều 4.".into(), "Trách nhiệm thi hành".into(), false),
            ]
        );
        assert_eq!(texts(body)[0], "Điều 1.");
        // A bold `Điều 5 Luật …` cites a law: a paragraph.
        assert_eq!(texts(body).last().unwrap(), "Điều 5 Luật Đất đai quy định.");
        let problems = parse("# Điều 1. A\n\n**Điều 3.** B.\n").unwrap_err();
        assert!(
            problems[0]
                .message
                .english()
                .contains("Điều 3 where Điều 2 comes"),
            "{problems:?}"
        );
        assert_eq!(problems[0].line, 3);
    }

    /// A Phụ lục heading typed as printed: with its numeral, in capitals,
    /// ending in `.`; without a title it is still a Phụ lục (refused by
    /// validation), never a section heading.
    #[test]
    fn appendix_headings_as_typed() {
        assert_eq!(
            appendix_heading("# Phụ lục: Danh sách"),
            Some(("Danh sách", false, None))
        );
        assert_eq!(
            appendix_heading("# Phụ lục II (ngang): Kế hoạch chi tiết\n"),
            Some(("Kế hoạch chi tiết", true, Some(2)))
        );
        assert_eq!(
            appendix_heading("# PHỤ LỤC III. Bảng tổng hợp"),
            Some(("Bảng tổng hợp", false, Some(3)))
        );
        assert_eq!(appendix_heading("# Phụ lục I"), Some(("", false, Some(1))));
        assert_eq!(appendix_heading("# Phụ lục kèm theo: x"), None);
        assert_eq!(appendix_heading("# Phụ lục kèm theo"), None);
        let (own, appendices) =
            split_appendices("Nội dung.\n\n# Phụ lục I: A\n\nx\n\n# Phụ lục II: B\n\ny\n");
        assert_eq!(own, "Nội dung.\n\n");
        let typed: Vec<_> = appendices.iter().map(|a| (a.title, a.typed)).collect();
        assert_eq!(typed, [("A", Some(1)), ("B", Some(2))]);
    }

    fn texts(markdown: &str) -> Vec<String> {
        parse(markdown)
            .unwrap()
            .iter()
            .map(|b| match b {
                Block::Heading(h) => plain_text(&h.spans()),
                Block::Paragraph(p) => plain_text(&p.spans()),
                Block::Table(_) => "<table>".into(),
                Block::PageBreak => "<page>".into(),
            })
            .collect()
    }

    #[test]
    fn markdown_that_prints_nothing_elsewhere_keeps_every_word() {
        // An HTML block last in the body, a link reference definition, a
        // link's and an image's destinations: all printed.
        assert_eq!(
            texts("<script>alert(1)</script> <b>x</b>"),
            ["<script>alert(1)</script> <b>x</b>"]
        );
        assert_eq!(
            texts("Mở đầu.\n\n[ghi chú]: http://a.b \"Tiêu đề\"\n\nKết."),
            ["Mở đầu.", "[ghi chú]: http://a.b \"Tiêu đề\"", "Kết."]
        );
        assert_eq!(
            texts("Xem [Cổng thông tin](https://tayninh.gov.vn), <https://a.vn> và ![sơ đồ](so-do.png)."),
            ["Xem Cổng thông tin (https://tayninh.gov.vn), https://a.vn và sơ đồ (so-do.png)."]
        );
        assert_eq!(texts("    thụt lề\n\nKết."), ["thụt lề", "Kết."]);
    }

    #[test]
    fn headings_are_numbered_and_restart_under_their_parent() {
        let md = "# Mục đích, yêu cầu\n## Mục đích\n## Yêu cầu\n# Nội dung\n## Nội dung tuyên truyền\n### Tư tưởng\n### Kết quả\n## Hình thức\n### Trên báo\n";
        assert_eq!(
            texts(md),
            [
                "I. MỤC ĐÍCH, YÊU CẦU",
                "1. Mục đích",
                "2. Yêu cầu",
                "II. NỘI DUNG",
                "1. Nội dung tuyên truyền",
                "a) Tư tưởng",
                "b) Kết quả",
                "2. Hình thức",
                "a) Trên báo",
            ]
        );
    }

    #[test]
    fn parts_are_centred_labels_and_restart_the_sections() {
        let md = "# Phần: Kết quả năm 2024\n# Lãnh đạo\n# Chỉ tiêu\n# Phần thứ hai. Phương hướng\n# Nhiệm vụ\n# Phần V: Khác\n# Một mục\n# Phầnlớn không phải phần\n";
        let blocks = parse(md).unwrap();
        let Block::Heading(first) = &blocks[0] else {
            panic!()
        };
        assert_eq!(first.level, Level::Part);
        assert_eq!(first.label, "Phần I");
        assert_eq!(plain_text(&first.content), "KẾT QUẢ NĂM 2024");
        assert_eq!(
            texts(md),
            [
                "Phần I KẾT QUẢ NĂM 2024",
                "I. LÃNH ĐẠO",
                "II. CHỈ TIÊU",
                "Phần thứ hai PHƯƠNG HƯỚNG",
                "I. NHIỆM VỤ",
                "Phần V KHÁC",
                "I. MỘT MỤC",
                "II. PHẦNLỚN KHÔNG PHẢI PHẦN",
            ]
        );
    }

    #[test]
    fn points_run_through_the_vietnamese_alphabet() {
        let md: String = (0..8).map(|i| format!("### Điểm {i}\n")).collect();
        let labels: Vec<String> = texts(&md)
            .iter()
            .map(|t| t.split(' ').next().unwrap().to_string())
            .collect();
        assert_eq!(labels, ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]);
    }

    #[test]
    fn points_past_y_are_refused_once_not_lettered() {
        let md: String = (0..20_000).map(|i| format!("### Điểm {i}\n")).collect();
        let problems = parse(&md).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 24);
        assert!(
            problems[0]
                .message
                .english()
                .contains("letters run a) to y)"),
            "{}",
            problems[0].message.english()
        );
        let md: String = (0..23).map(|i| format!("### Điểm {i}\n")).collect();
        assert_eq!(texts(&md).last().unwrap(), "y) Điểm 22");
    }

    #[test]
    fn a_typed_label_is_kept_not_doubled() {
        let md = "# I. MỤC ĐÍCH\n# III. TỔ CHỨC\n## 2. Yêu cầu\n## Tiếp\n### đ) Năm\n### Sáu\n";
        assert_eq!(
            texts(md),
            [
                "I. MỤC ĐÍCH",
                "III. TỔ CHỨC",
                "2. Yêu cầu",
                "3. Tiếp",
                "đ) Năm",
                "e) Sáu"
            ]
        );
    }

    #[test]
    fn dashes_and_untitled_clauses() {
        let md = "- Một;\n- Hai.\n\n1. Khoản một.\n\n2. Khoản hai:\n\n   Tiếp của khoản hai.\n\n   - chi tiết\n\nĐoạn thường.\n";
        assert_eq!(
            texts(md),
            [
                "- Một;",
                "- Hai.",
                "1. Khoản một.",
                "2. Khoản hai:",
                "Tiếp của khoản hai.",
                "+ chi tiết",
                "Đoạn thường."
            ]
        );
    }

    #[test]
    fn emphasis_tables_and_page_breaks() {
        let md = "Có **đậm** và *nghiêng*.\n\n---\n\n| TT | Chỉ tiêu |\n|---:|:---|\n| 1 | Thu ngân sách |\n";
        let blocks = parse(md).unwrap();
        let Block::Paragraph(p) = &blocks[0] else {
            panic!()
        };
        assert_eq!(p.content.len(), 5);
        assert!(p.content[1].bold && p.content[1].text == "đậm");
        assert!(p.content[3].italic && p.content[3].text == "nghiêng");
        assert_eq!(blocks[1], Block::PageBreak);
        let Block::Table(t) = &blocks[2] else {
            panic!()
        };
        assert_eq!(plain_text(&t.header[1]), "Chỉ tiêu");
        assert_eq!(plain_text(&t.rows[0][1]), "Thu ngân sách");
        assert_eq!(t.align, [Align::Right, Align::Left]);
    }

    #[test]
    fn deep_headings_are_problems_with_lines() {
        let problems = parse("Mở đầu.\n\n#### Quá sâu\n\n#\n").unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].message.english().contains("level 4"));
        assert_eq!(problems[1].line, 5);
    }

    #[test]
    fn escaped_text_reads_back_literally() {
        for hostile in [
            "# Hack",
            "*x*",
            "| a | b |",
            "- không phải gạch đầu dòng",
            "1. không phải khoản",
            "**đậm**",
            "[link](x)",
            "<b>html</b>",
            "---",
            "a_b_c",
            "100% \\ 5",
        ] {
            let escaped = escape(hostile);
            assert_eq!(texts(&escaped), [hostile], "{hostile} → {escaped}");
        }
    }
}
