//! `vanban lint --fix`: rewrites what a DOCX gets wrong mechanically —
//! fonts, sizes and emphasis of each element, margins and page size, body
//! alignment, first-line indent and spacing, number and date padding — and
//! keeps the text; what is left is listed for a person.

mod xml;

use std::collections::BTreeSet;
use std::collections::HashMap;
use std::io::{Cursor, Write};

use roxmltree::Node;

use crate::error::ReadError;
use crate::finding::Finding;
use crate::limits::LintLimits;
use crate::model::{Align, Para, ReadDoc};
use crate::recognize::{recognise, Elements};
use crate::rules::dominant;
use xml::{toggle, val, Edit};

/// What `--fix` did and what it left.
#[derive(Debug)]
pub struct Fixed {
    /// The rewritten DOCX.
    pub docx: Vec<u8>,
    /// Findings before the fix that are gone after it.
    pub fixed: Vec<Finding>,
    /// Findings still there: they need a person.
    pub remaining: Vec<Finding>,
    /// Pages of the input and of the fixed copy (the same), as the reader
    /// counts or estimates them.
    pub pages: Option<usize>,
}

/// Fixes a DOCX's mechanical findings, with the default limits.
pub fn fix_docx(bytes: &[u8]) -> Result<Fixed, ReadError> {
    fix_docx_with(bytes, &LintLimits::default())
}

/// Fixes a DOCX's mechanical findings within `limits`.
pub fn fix_docx_with(bytes: &[u8], limits: &LintLimits) -> Result<Fixed, ReadError> {
    let doc = crate::docx::read_with(bytes, limits)?;
    let before = crate::lint_read(&doc).findings;
    let main = document_xml(bytes, limits)?;
    let tree = crate::docx::parse_xml("word/document.xml", &main, limits)?;
    let rules: BTreeSet<&str> = before.iter().map(|f| f.rule).collect();
    let el = recognise(&doc);
    // Sizes and emphasis are set per element: without a recognised kind the
    // elements are guesses, and a guess must not be "fixed".
    // (A kind guessed from the symbol alone is not enough: the type name,
    // or a công văn's V/v line, must be found.)
    if el.kind.is_none() || (el.type_name.is_none() && el.subject.is_empty()) {
        return Err(ReadError::FixRefused(
            "the kind of document was not recognised (no type name such as KẾ HOẠCH under the header), so its elements cannot be told apart with confidence".into(),
        ));
    }
    let edits = plan(&main, &tree, &doc, &el, &rules);
    let fixed_xml = xml::apply(&main, edits);
    let docx = replace_part(bytes, "word/document.xml", fixed_xml.as_bytes())?;
    let reread = crate::docx::read_with(&docx, limits)?;
    let after = crate::lint_read(&reread).findings;
    let key = |f: &Finding| (f.rule, f.element.clone());
    // Never worse: no error the input did not have, and as many pages.
    let before_keys: BTreeSet<_> = before.iter().map(key).collect();
    if let Some(new) = after
        .iter()
        .find(|f| f.severity == crate::Severity::Error && !before_keys.contains(&key(f)))
    {
        return Err(ReadError::FixRefused(format!(
            "the fixed copy would have a new error: {new}"
        )));
    }
    if reread.page_count != doc.page_count {
        return Err(ReadError::FixRefused(format!(
            "the fixed copy would fill {} page(s), the input {}",
            reread.page_count.unwrap_or(0),
            doc.page_count.unwrap_or(0)
        )));
    }
    let remaining_keys: BTreeSet<_> = after.iter().map(key).collect();
    let fixed = before
        .into_iter()
        .filter(|f| !remaining_keys.contains(&key(f)))
        .collect();
    Ok(Fixed {
        docx,
        fixed,
        remaining: after,
        pages: reread.page_count,
    })
}

fn document_xml(bytes: &[u8], limits: &LintLimits) -> Result<String, ReadError> {
    let name = "word/document.xml";
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Zip(e.to_string()))?;
    let data = crate::docx::inflate(&mut zip, name, limits)?
        .ok_or_else(|| ReadError::MissingPart(name.into()))?;
    String::from_utf8(data).map_err(|e| ReadError::Xml {
        part: name.into(),
        message: e.to_string(),
    })
}

/// The package with one part replaced; every other part copied as it was.
fn replace_part(bytes: &[u8], name: &str, data: &[u8]) -> Result<Vec<u8>, ReadError> {
    let zip_error = |e: zip::result::ZipError| ReadError::Zip(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(zip_error)?;
        if entry.name() == name {
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            drop(entry);
            out.start_file(name, options).map_err(zip_error)?;
            out.write_all(data)
                .map_err(|e| ReadError::Zip(e.to_string()))?;
        } else {
            out.raw_copy_file(entry).map_err(zip_error)?;
        }
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}

/// Target size and emphasis of an element: (min, max, bold, italic).
type Target = (f32, f32, Option<bool>, Option<bool>);

fn plan(
    source: &str,
    tree: &roxmltree::Document,
    doc: &ReadDoc,
    el: &Elements,
    rules: &BTreeSet<&str>,
) -> Vec<Edit> {
    // Each paragraph's element by where it starts: found once, not searched
    // for again for every paragraph.
    let paragraphs: HashMap<usize, Node> = tree
        .descendants()
        .filter(|n| n.has_tag_name((crate::docx::W, "p")))
        .map(|n| (n.range().start, n))
        .collect();
    let node_of = |para: &Para| -> Option<Node> {
        let range = para.source.clone()?;
        paragraphs
            .get(&range.start)
            .copied()
            .filter(|n| n.range() == range)
    };
    let mut edits = Vec::new();
    let font_wrong = rules.contains("ND30-1-font");
    // Run formatting: every element with its target; the font everywhere.
    // Only elements a finding named are touched: an element whose rule
    // raised nothing keeps its formatting byte for byte.
    let mut targets: Vec<(usize, Target)> = Vec::new();
    let mut add = |rule: &str, indices: &[usize], t: Target| {
        if rules.contains(rule) {
            targets.extend(indices.iter().map(|&i| (i, t)));
        }
    };
    add(
        "ND30-2.1-national-title",
        &el.national_title.into_iter().collect::<Vec<_>>(),
        (12.0, 13.0, Some(true), Some(false)),
    );
    add(
        "ND30-2.1-motto",
        &el.motto.into_iter().collect::<Vec<_>>(),
        (13.0, 14.0, Some(true), Some(false)),
    );
    add(
        "ND30-2.2-parent",
        &el.parent,
        (12.0, 13.0, Some(false), Some(false)),
    );
    add(
        "ND30-2.2-issuer",
        &el.issuer,
        (12.0, 13.0, Some(true), Some(false)),
    );
    add(
        "ND30-2.3-number",
        &el.number.into_iter().collect::<Vec<_>>(),
        (13.0, 13.0, None, Some(false)),
    );
    add(
        "ND30-2.4-date-style",
        &el.place_date.into_iter().collect::<Vec<_>>(),
        (13.0, 14.0, None, Some(true)),
    );
    add(
        "ND30-2.5-type-name",
        &el.type_name.into_iter().collect::<Vec<_>>(),
        (13.0, 14.0, Some(true), Some(false)),
    );
    add(
        "ND30-2.5-summary",
        &el.summary,
        (13.0, 14.0, Some(true), Some(false)),
    );
    add(
        "ND30-2.5-subject-line",
        &el.subject,
        (12.0, 13.0, Some(false), Some(false)),
    );
    add("ND30-2.6-bases", &el.bases, (13.0, 14.0, None, Some(true)));
    add(
        "ND30-2.9-addressees",
        &el.addressees,
        (13.0, 14.0, None, Some(false)),
    );
    add(
        "ND30-2.9-recipients",
        &el.recipients_label.into_iter().collect::<Vec<_>>(),
        (12.0, 12.0, Some(true), Some(true)),
    );
    let items: Vec<usize> = el
        .recipients
        .iter()
        .copied()
        .filter(|&i| doc.paras[i].text.trim_start().starts_with('-'))
        .collect();
    add(
        "ND30-2.9-recipients",
        &items,
        (11.0, 11.0, None, Some(false)),
    );
    add(
        "ND30-2.7-signer",
        &el.signer,
        (13.0, 14.0, Some(true), Some(false)),
    );
    // The body keeps its inline emphasis; only its size is set, one for all.
    let body_size = body_size(doc, el);
    add(
        "ND30-2.6-body-size",
        &el.body,
        (body_size, body_size, None, None),
    );

    let mut done = BTreeSet::new();
    for (i, (min, max, bold, italic)) in targets {
        let para = &doc.paras[i];
        if !done.insert(i) {
            continue;
        }
        let Some(node) = node_of(para) else { continue };
        let Some(span) = dominant(para) else { continue };
        let mut set: Vec<(&str, String)> = Vec::new();
        if font_wrong {
            set.push(("rFonts", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>".into()));
        }
        if span.size < min - 0.25
            || span.size > max + 0.25
            || para
                .visible_spans()
                .any(|s| (s.size - span.size).abs() > 0.25)
        {
            let size = span.size.clamp(min, max);
            let half = ((size * 2.0).round() as i32).to_string();
            set.push(("sz", val("sz", &half)));
            set.push(("szCs", val("szCs", &half)));
        }
        if let Some(b) = bold {
            set.push(("b", toggle("b", b)));
            set.push(("bCs", toggle("bCs", b)));
        }
        if let Some(it) = italic {
            set.push(("i", toggle("i", it)));
            set.push(("iCs", toggle("iCs", it)));
        }
        if !set.is_empty() {
            edits.extend(xml::set_runs(source, node, &set));
        }
    }
    if font_wrong {
        // Paragraphs that are no element (tables, drafter line) get the font too.
        for para in doc.paras.iter().filter(|p| !done.contains(&(p.index - 1))) {
            if let Some(node) = node_of(para) {
                let set = [("rFonts", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/>".to_string())];
                edits.extend(xml::set_runs(source, node, &set));
            }
        }
    }
    body_paragraphs(source, doc, el, rules, &node_of, &mut edits);
    text_padding(doc, el, rules, &node_of, &mut edits);
    if rules.contains("ND30-1-page-size") || rules.contains("ND30-1-margins") {
        page_setup(tree, &mut edits);
    }
    edits
}

/// The body's size: the one most of it has if the decree allows it, else 14.
fn body_size(doc: &ReadDoc, el: &Elements) -> f32 {
    let mut counts = std::collections::BTreeMap::new();
    for &i in &el.body {
        if let Some(s) = dominant(&doc.paras[i]) {
            *counts
                .entry((s.size * 2.0).round() as i32)
                .or_insert(0usize) += s.text.len();
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(half, _)| half as f32 / 2.0)
        .filter(|s| (13.0..=14.0).contains(s))
        .unwrap_or(14.0)
}

/// Body paragraphs: justified, a 1 cm first-line indent, 6 pt before,
/// single to 1.5 spacing — each only where it is outside the decree's range.
fn body_paragraphs<'a>(
    source: &str,
    doc: &ReadDoc,
    el: &Elements,
    rules: &BTreeSet<&str>,
    node_of: &dyn Fn(&Para) -> Option<Node<'a, 'a>>,
    edits: &mut Vec<Edit>,
) {
    let body_layout = [
        "ND30-2.6-body-align",
        "ND30-2.6-body-indent",
        "ND30-2.6-body-spacing",
    ]
    .iter()
    .any(|r| rules.contains(r));
    for &i in &el.body {
        let para = &doc.paras[i];
        let text = para.text.trim_start();
        let part =
            text.starts_with("Phần ") || text.starts_with("Chương ") || text.starts_with("Mục ");
        if part || para.align == Some(Align::Center) && crate::recognize::is_upper(text) {
            continue;
        }
        let Some(node) = node_of(para) else { continue };
        let mut set: Vec<(&str, String)> = Vec::new();
        // The body's layout is one thing: a paragraph turned from centred
        // to justified must get the indent and spacing justified text has.
        if !body_layout {
            continue;
        }
        if para.align != Some(Align::Justify) {
            set.push(("jc", val("jc", "both")));
        }
        let indent = para.first_indent.unwrap_or(0.0) + para.left.unwrap_or(0.0);
        if !(9.7..=13.0).contains(&indent) {
            set.push((
                "ind",
                "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"567\"/>".into(),
            ));
        }
        let before = para.space_before.unwrap_or(0.0);
        let line = para.line_spacing.unwrap_or(1.0);
        if before < 5.9 || !(0.9..=1.6).contains(&line) {
            let before = (before.max(6.0) * 20.0).round() as i32;
            let line = (line.clamp(1.0, 1.5) * 240.0).round() as i32;
            set.push((
                "spacing",
                format!("<w:spacing w:before=\"{before}\" w:after=\"0\" w:line=\"{line}\" w:lineRule=\"auto\"/>"),
            ));
        }
        if !set.is_empty() {
            edits.push(xml::set_paragraph(source, node, &set));
        }
    }
}

/// `Số: 5/…` → `Số: 05/…`; `ngày 8 tháng 03` → `ngày 08 tháng 3`, when the
/// text sits in one `w:t`.
fn text_padding<'a>(
    doc: &ReadDoc,
    el: &Elements,
    rules: &BTreeSet<&str>,
    node_of: &dyn Fn(&Para) -> Option<Node<'a, 'a>>,
    edits: &mut Vec<Edit>,
) {
    let texts = |para: &Para| -> Vec<Node<'a, 'a>> {
        node_of(para)
            .map(|p| {
                p.descendants()
                    .filter(|n| n.has_tag_name((crate::docx::W, "t")))
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(i) = el
        .number
        .filter(|_| rules.contains("ND30-2.3-number-padding"))
    {
        for t in texts(&doc.paras[i]) {
            let Some(value) = t.text() else { continue };
            if let Some(fixed) = pad_number(value) {
                edits.push(text_edit(t, &fixed));
            }
        }
    }
    if let Some(i) = el.place_date.filter(|_| rules.contains("ND30-2.4-date")) {
        for t in texts(&doc.paras[i]) {
            let Some(value) = t.text() else { continue };
            if let Some(fixed) = pad_date(value) {
                edits.push(text_edit(t, &fixed));
            }
        }
    }
}

fn text_edit(t: Node, text: &str) -> Edit {
    Edit {
        range: t.range(),
        text: format!("<w:t xml:space=\"preserve\">{}</w:t>", xml::escape(text)),
    }
}

/// The digits right before the first `/`, padded below 10.
fn pad_number(text: &str) -> Option<String> {
    let slash = text.find('/')?;
    let head = &text[..slash];
    // After the last character that is not a digit (a space, a no-break
    // space: any width in bytes).
    let start = head
        .trim_end()
        .char_indices()
        .rfind(|(_, c)| !c.is_ascii_digit())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let digits = head[start..].trim_end();
    let value: u32 = digits.parse().ok()?;
    let want = vanban::vn::document_number(value);
    (digits != want).then(|| format!("{}{}{}", &text[..start], want, &text[slash..]))
}

/// `ngày D tháng M` with the decree's padding.
fn pad_date(text: &str) -> Option<String> {
    let (before, after_day) = text.split_once("ngày ")?;
    let (day, rest) = after_day.split_once(" tháng ")?;
    let (month, tail) = rest.split_once(' ')?;
    let (d, m): (u32, u32) = (day.trim().parse().ok()?, month.trim().parse().ok()?);
    let want_day = format!("{d:02}");
    let want_month = if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    };
    (day != want_day || month != want_month)
        .then(|| format!("{before}ngày {want_day} tháng {want_month} {tail}"))
}

/// Page size A4 and margins inside the decree's ranges, in every section.
fn page_setup(tree: &roxmltree::Document, edits: &mut Vec<Edit>) {
    let twips_to_mm = crate::docx::twips_to_mm;
    for sect in tree
        .descendants()
        .filter(|n| n.has_tag_name((crate::docx::W, "sectPr")))
    {
        for child in sect.children().filter(|n| n.is_element()) {
            let attr = |name: &str| {
                child
                    .attribute((crate::docx::W, name))
                    .and_then(|v| v.parse::<f32>().ok())
            };
            match child.tag_name().name() {
                "pgSz" => {
                    let (w, h) = (attr("w").unwrap_or(0.0), attr("h").unwrap_or(0.0));
                    let landscape = w > h;
                    let a4 = if landscape {
                        (16838.0, 11906.0)
                    } else {
                        (11906.0, 16838.0)
                    };
                    if (w - a4.0).abs() > 57.0 || (h - a4.1).abs() > 57.0 {
                        edits.push(xml::set_attributes(
                            child,
                            "pgSz",
                            &[("w", format!("{}", a4.0)), ("h", format!("{}", a4.1))],
                        ));
                    }
                }
                "pgMar" => {
                    let mut set = Vec::new();
                    for (name, min, max) in [
                        ("top", 20.0, 25.0),
                        ("bottom", 20.0, 25.0),
                        ("left", 30.0, 35.0),
                        ("right", 15.0, 20.0),
                    ] {
                        let Some(v) = attr(name) else { continue };
                        let mm = twips_to_mm(v.abs());
                        if mm < min - 0.2 || mm > max + 0.2 {
                            let fixed = (mm.clamp(min, max) * 1440.0 / 25.4).round() as i32;
                            set.push((name, fixed.to_string()));
                        }
                    }
                    if !set.is_empty() {
                        edits.push(xml::set_attributes(child, "pgMar", &set));
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_below_ten_are_padded() {
        assert_eq!(pad_number("Số: 5/KH-VP").as_deref(), Some("Số: 05/KH-VP"));
        assert_eq!(pad_number("Số: 05/KH-VP"), None);
        assert_eq!(pad_number("Số: 1026/KH-VP"), None);
        // A no-break space (two bytes in UTF-8) before the digits.
        assert_eq!(
            pad_number("Số:\u{a0}5/KH-VP").as_deref(),
            Some("Số:\u{a0}05/KH-VP")
        );
        assert_eq!(pad_number("Số:\u{a0}/KH-VP"), None);
    }

    #[test]
    fn dates_are_padded_as_the_decree_writes_them() {
        assert_eq!(
            pad_date("Tây Ninh, ngày 8 tháng 03 năm 2024").as_deref(),
            Some("Tây Ninh, ngày 08 tháng 3 năm 2024")
        );
        assert_eq!(
            pad_date("Hà Nội, ngày 05 tháng 1 năm 2020").as_deref(),
            Some("Hà Nội, ngày 05 tháng 01 năm 2020")
        );
        assert_eq!(pad_date("Tây Ninh, ngày 08 tháng 3 năm 2024"), None);
    }
}
