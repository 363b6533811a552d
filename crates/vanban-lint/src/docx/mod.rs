//! Reads a DOCX into the neutral model: body paragraphs and tables (the
//! header table of ô 1–4 and the Nơi nhận / signature table by their
//! text), text boxes, sections and their headers (page numbers).

mod numbering;
mod styles;
mod typed_header;

use std::collections::HashMap;
use std::io::Cursor;

use roxmltree::{Document as Xml, Node};
use vanban::metrics::FontSet;
use vanban::style::TextStyle;

use crate::error::ReadError;
use crate::limits::{exceeded, read_bounded, LintLimits};
use crate::model::{
    Align, MarginsRead, Numbering, PageNumber, PageSetup, Para, ReadDoc, SourceFormat, Span, Zone,
};
use styles::{LineRule, RunProps, Styles, Theme};

pub(crate) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DML: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

pub(crate) fn twips_to_mm(twips: f32) -> f32 {
    twips * 25.4 / 1440.0
}

pub(crate) fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((W, name)))
}

pub(crate) fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The parts of a DOCX package that lint reads, by name: only these are
/// inflated, each within the part limits.
struct Package {
    parts: HashMap<String, Vec<u8>>,
    limits: LintLimits,
}

/// The parts read besides the headers the main part's relationships name.
const PARTS: [&str; 6] = [
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/theme/theme1.xml",
    "word/numbering.xml",
    "docProps/app.xml",
];

impl Package {
    fn open(bytes: &[u8], limits: &LintLimits) -> Result<Package, ReadError> {
        let mut zip =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Zip(e.to_string()))?;
        let mut package = Package {
            parts: HashMap::new(),
            limits: *limits,
        };
        for name in PARTS {
            if let Some(data) = inflate(&mut zip, name, limits)? {
                package.parts.insert(name.to_string(), data);
            }
        }
        let headers: Vec<String> = relationships(&package, "word/_rels/document.xml.rels")?
            .into_values()
            .filter(|target| target.starts_with("word/header") && target.ends_with(".xml"))
            .collect();
        for name in headers {
            if let Some(data) = inflate(&mut zip, &name, limits)? {
                package.parts.insert(name, data);
            }
        }
        Ok(package)
    }

    fn text(&self, name: &str) -> Result<Option<&str>, ReadError> {
        match self.parts.get(name) {
            None => Ok(None),
            Some(bytes) => std::str::from_utf8(bytes)
                .map(Some)
                .map_err(|e| ReadError::Xml {
                    part: name.to_string(),
                    message: e.to_string(),
                }),
        }
    }

    fn xml<'a>(&'a self, name: &str) -> Result<Option<Xml<'a>>, ReadError> {
        match self.text(name)? {
            None => Ok(None),
            Some(text) => parse_xml(name, text, &self.limits).map(Some),
        }
    }
}

/// One part of the package inflated, refused past the size and ratio
/// limits while it inflates; `None` when the package lacks it.
pub(crate) fn inflate(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limits: &LintLimits,
) -> Result<Option<Vec<u8>>, ReadError> {
    let entry = match zip.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::Zip(format!("{name}: {e}"))),
    };
    let compressed = entry.compressed_size().max(1);
    let ratio_ok = |size: u64| size <= 1 << 20 || size / compressed <= limits.max_inflate_ratio;
    if !ratio_ok(entry.size()) {
        return Err(exceeded(
            name,
            "inflation ratio",
            limits.max_inflate_ratio,
            "--max-inflate-ratio",
        ));
    }
    let data = read_bounded(entry, limits.max_part_bytes, name, "--max-part-bytes").map_err(
        |e| match e {
            ReadError::Io(message) => ReadError::Zip(message),
            other => other,
        },
    )?;
    if !ratio_ok(data.len() as u64) {
        return Err(exceeded(
            name,
            "inflation ratio",
            limits.max_inflate_ratio,
            "--max-inflate-ratio",
        ));
    }
    Ok(Some(data))
}

/// Parses one XML part within the depth and node limits; the depth is
/// measured before the tree is built.
pub(crate) fn parse_xml<'a>(
    name: &str,
    text: &'a str,
    limits: &LintLimits,
) -> Result<Xml<'a>, ReadError> {
    if let Err(line) = crate::limits::xml_depth_within(text, limits.max_xml_depth) {
        return Err(exceeded(
            format!("{name} line {line}"),
            "element nesting",
            limits.max_xml_depth,
            "--max-xml-depth",
        ));
    }
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: limits.max_xml_nodes,
    };
    Xml::parse_with_options(text, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => {
            exceeded(name, "XML nodes", limits.max_xml_nodes, "--max-xml-nodes")
        }
        e => ReadError::Xml {
            part: name.to_string(),
            message: e.to_string(),
        },
    })
}

/// Reads a DOCX file's bytes with the default limits.
pub fn read(bytes: &[u8]) -> Result<ReadDoc, ReadError> {
    read_with(bytes, &LintLimits::default())
}

/// Reads a DOCX file's bytes within `limits`.
pub fn read_with(bytes: &[u8], limits: &LintLimits) -> Result<ReadDoc, ReadError> {
    let package = Package::open(bytes, limits)?;
    let main = package
        .xml("word/document.xml")?
        .ok_or_else(|| ReadError::MissingPart("word/document.xml".into()))?;
    let theme = package.xml("word/theme/theme1.xml")?;
    let styles_xml = package.xml("word/styles.xml")?;
    let styles = Styles::read(styles_xml.as_ref(), Theme::read(theme.as_ref()));
    let lists_xml = package.xml("word/numbering.xml")?;
    let mut lists = numbering::Lists::read(lists_xml.as_ref())?;
    let rels = relationships(&package, "word/_rels/document.xml.rels")?;

    let body = child(main.root_element(), "body")
        .ok_or_else(|| ReadError::MissingPart("w:body in word/document.xml".into()))?;
    let uses_rendered_breaks = main
        .descendants()
        .any(|n| n.has_tag_name((W, "lastRenderedPageBreak")));
    // The first section's text block (the main text's; an appendix may be
    // a landscape section of its own).
    let block_width = body
        .descendants()
        .find(|n| n.has_tag_name((W, "sectPr")))
        .map(|s| section_setup(s, 1))
        .map(|s| s.width - s.margins.left.unwrap_or(0.0) - s.margins.right.unwrap_or(0.0))
        .unwrap_or(165.0);
    let mut reader = BodyReader {
        styles: &styles,
        lists: &mut lists,
        paras: Vec::new(),
        page: 1,
        uses_rendered_breaks,
        sections: Vec::new(),
        block_width,
        after_previous: 0.0,
        depth: 0,
        max_nesting: limits.max_nesting,
        decomposed: Vec::new(),
        cell: None,
        header_outdent: None,
        pictures: Vec::new(),
    };
    reader.block_children(body, Zone::Body, None, None)?;
    if let Some(sect) = child(body, "sectPr") {
        reader.sections.push(sect);
    }
    // A header typed with tabs or spaces instead of a table: its columns.
    let was = typed_header::split(&mut reader.paras);
    let decomposed: Vec<usize> = was
        .iter()
        .enumerate()
        .filter(|(_, old)| reader.decomposed.contains(old))
        .map(|(k, _)| k + 1)
        .collect();

    let mut pages = Vec::new();
    let mut numbering = Numbering::default();
    for (i, sect) in reader.sections.iter().enumerate() {
        pages.push(section_setup(*sect, i + 1));
        if i == 0 {
            numbering.shown = page_numbers(&package, &rels, &styles, *sect)?;
        }
    }
    let saved_pages = package
        .xml("docProps/app.xml")?
        .and_then(|app| {
            app.descendants()
                .find(|n| n.tag_name().name() == "Pages")
                .and_then(|n| n.text())
                .and_then(|t| t.trim().parse::<usize>().ok())
        })
        .filter(|&p| p > 0);
    // python-docx and templates copied around keep a stale `1`: trust the
    // saved count only when the text does not clearly fill more.
    let estimate = estimated_pages(&reader.paras);
    let filled = if reader.page > 1 || estimate > 1.2 {
        reader.page.max(estimate.ceil() as usize)
    } else {
        1
    };
    let (page_count, page_count_estimated) = match saved_pages {
        Some(p) if p >= filled => (Some(p), false),
        _ => (Some(filled), true),
    };
    numbering.multi_page = page_count.is_some_and(|p| p > 1);
    Ok(ReadDoc {
        format: SourceFormat::Docx,
        pages,
        paras: reader.paras,
        numbering,
        page_count,
        fonts_not_embedded: Vec::new(),
        decomposed,
        page_count_estimated,
        header_outdent: reader.header_outdent,
        pictures: reader.pictures,
    })
}

/// Pages the text would fill at about 40 lines of 85 characters a page:
/// enough to tell a one-page letter from a plan when Word saved no count.
pub(crate) fn estimated_pages(paras: &[Para]) -> f32 {
    let lines: usize = paras
        .iter()
        .map(|p| p.text.chars().count().div_ceil(85).max(1))
        .sum();
    lines as f32 / 40.0
}

fn relationships(package: &Package, name: &str) -> Result<HashMap<String, String>, ReadError> {
    let mut map = HashMap::new();
    if let Some(xml) = package.xml(name)? {
        for rel in xml
            .descendants()
            .filter(|n| n.tag_name().name() == "Relationship")
        {
            if let (Some(id), Some(target)) = (rel.attribute("Id"), rel.attribute("Target")) {
                let target = target.trim_start_matches('/');
                let path = if target.starts_with("word/") {
                    target.to_string()
                } else {
                    format!("word/{target}")
                };
                map.insert(id.to_string(), path);
            }
        }
    }
    Ok(map)
}

fn section_setup(sect: Node, number: usize) -> PageSetup {
    let twips = |node: Option<Node>, name: &str| {
        node.and_then(|n| attr(n, name))
            .and_then(|v| v.parse::<f32>().ok())
            .map(twips_to_mm)
    };
    let size = child(sect, "pgSz");
    let margins = child(sect, "pgMar");
    PageSetup {
        page: number,
        // Word's default page when pgSz is absent is Letter; say so honestly.
        width: twips(size, "w").unwrap_or(215.9),
        height: twips(size, "h").unwrap_or(279.4),
        margins: MarginsRead {
            top: twips(margins, "top").map(f32::abs),
            bottom: twips(margins, "bottom").map(f32::abs),
            left: twips(margins, "left"),
            right: twips(margins, "right"),
        },
        restarts_numbering: child(sect, "pgNumType")
            .and_then(|n| attr(n, "start"))
            .is_some(),
    }
}

/// Page numbers of the first section: the PAGE field of the header Word
/// shows on page 1 (the first-page header when `titlePg` is on) and on page 2.
fn page_numbers(
    package: &Package,
    rels: &HashMap<String, String>,
    styles: &Styles,
    sect: Node,
) -> Result<Vec<PageNumber>, ReadError> {
    let title_page = child(sect, "titlePg").is_some_and(|n| attr(n, "val") != Some("0"));
    let header_of = |kind: &str| {
        sect.children()
            .filter(|n| n.has_tag_name((W, "headerReference")))
            .find(|n| attr(*n, "type") == Some(kind))
            .and_then(|n| n.attribute((R, "id")))
            .and_then(|id| rels.get(id))
            .cloned()
    };
    let default = header_of("default");
    let first = if title_page {
        header_of("first")
    } else {
        default.clone()
    };
    let mut shown = Vec::new();
    for (page, part) in [(1, first), (2, default)] {
        let Some(part) = part else { continue };
        let Some(xml) = package.xml(&part)? else {
            continue;
        };
        if let Some(number) = page_field(&xml, styles, page) {
            shown.push(number);
        }
    }
    Ok(shown)
}

/// The PAGE field in a header part, with the format of its paragraph.
fn page_field(xml: &Xml, styles: &Styles, page: usize) -> Option<PageNumber> {
    let is_page = |instr: &str| instr.split_whitespace().next() == Some("PAGE");
    let para = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .find(|p| {
            p.descendants().any(|n| {
                (n.has_tag_name((W, "instrText")) && n.text().is_some_and(is_page))
                    || (n.has_tag_name((W, "fldSimple")) && attr(n, "instr").is_some_and(is_page))
            })
        })?;
    let mut no_lists = numbering::Lists::default();
    let mut reader = BodyReader {
        styles,
        lists: &mut no_lists,
        paras: Vec::new(),
        page,
        uses_rendered_breaks: false,
        sections: Vec::new(),
        block_width: 165.0,
        after_previous: 0.0,
        depth: 0,
        max_nesting: 0,
        decomposed: Vec::new(),
        cell: None,
        header_outdent: None,
        pictures: Vec::new(),
    };
    // Text boxes in a header are not followed: depth 0 refuses them.
    reader.paragraph(para, Zone::Body, None, None).ok()?;
    let read = reader.paras.pop()?;
    let span = read
        .spans
        .iter()
        .find(|s| s.text.chars().any(|c| c.is_ascii_digit()))
        .or(read.spans.first())?;
    Some(PageNumber {
        page,
        text: page.to_string(),
        size: span.size,
        bold: span.bold,
        italic: span.italic,
        align: read.align,
    })
}

/// Walks the body (and table cells) in reading order.
struct BodyReader<'s, 'a, 'i> {
    styles: &'s Styles,
    lists: &'s mut numbering::Lists,
    paras: Vec<Para>,
    page: usize,
    uses_rendered_breaks: bool,
    sections: Vec<Node<'a, 'i>>,
    /// Width between the margins, for paragraphs outside tables, mm.
    block_width: f32,
    /// Space after the paragraph just read, pt.
    after_previous: f32,
    /// Tables and text boxes open around the current paragraph.
    depth: usize,
    max_nesting: usize,
    /// Paragraphs whose text was stored decomposed (NFD).
    decomposed: Vec<usize>,
    /// The body table cell being read (row, column, 1-based).
    cell: Option<(usize, usize)>,
    /// The header table's pull into the left margin, mm.
    header_outdent: Option<f32>,
    /// Floating pictures, with the paragraph each is anchored in.
    pictures: Vec<crate::model::Picture>,
}

impl<'a, 'i> BodyReader<'_, 'a, 'i> {
    fn block_children(
        &mut self,
        parent: Node<'a, 'i>,
        zone: Zone,
        table_style: Option<&str>,
        width: Option<f32>,
    ) -> Result<(), ReadError> {
        for node in parent.children().filter(|n| n.is_element()) {
            match node.tag_name().name() {
                "p" if node.has_tag_name((W, "p")) => {
                    // A framed paragraph in the flow is a stamp (ô 10a, 10b)
                    // set under the number: it belongs to the header's left
                    // column, not to the body.
                    let framed = child(node, "pPr").and_then(|p| child(p, "framePr"));
                    let zone = match (framed, zone) {
                        (Some(_), Zone::Body) => Zone::HeaderLeft,
                        _ => zone,
                    };
                    self.paragraph(node, zone, table_style, width)?;
                    if let Some(sect) = child(node, "pPr").and_then(|p| child(p, "sectPr")) {
                        self.sections.push(sect);
                    }
                }
                "tbl" => self.nested(|reader| reader.table(node, zone))?,
                "sdt" => {
                    if let Some(content) = child(node, "sdtContent") {
                        self.nested(|reader| {
                            reader.block_children(content, zone, table_style, width)
                        })?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Reads what a table, a text box or a content control holds, one
    /// level deeper, refused past the nesting limit (the reader recurses).
    fn nested(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<(), ReadError>,
    ) -> Result<(), ReadError> {
        if self.depth >= self.max_nesting {
            return Err(exceeded(
                "word/document.xml",
                "tables, text boxes or content controls nested",
                self.max_nesting,
                "--max-nesting",
            ));
        }
        self.depth += 1;
        let result = read(self);
        self.depth -= 1;
        result
    }

    fn table(&mut self, table: Node<'a, 'i>, outer: Zone) -> Result<(), ReadError> {
        let text: String = table
            .descendants()
            .filter(|n| n.has_tag_name((W, "t")))
            .filter_map(|n| n.text())
            .collect();
        let text = vanban::vn::nfc(&text);
        let upper = text.to_uppercase();
        let kind = if upper.contains("CỘNG HÒA XÃ HỘI") || upper.contains("CỘNG HOÀ XÃ HỘI")
        {
            Some((Zone::HeaderLeft, Zone::HeaderRight))
        } else if text.contains("Nơi nhận") {
            Some((Zone::SignLeft, Zone::SignRight))
        } else {
            None
        };
        let style = child(table, "tblPr")
            .and_then(|p| child(p, "tblStyle"))
            .and_then(|s| attr(s, "val"))
            .map(str::to_string);
        let margin = cell_margins(table);
        if matches!(kind, Some((Zone::HeaderLeft, _))) && self.header_outdent.is_none() {
            let indent = child(table, "tblPr")
                .and_then(|p| child(p, "tblInd"))
                .filter(|i| attr(*i, "type").is_none_or(|t| t == "dxa"))
                .and_then(|i| attr(i, "w"))
                .and_then(|v| v.parse::<f32>().ok());
            self.header_outdent = indent.map(|w| -twips_to_mm(w)).filter(|&mm| mm > 0.0);
        }
        let outer_cell = self.cell;
        for (r, row) in table
            .children()
            .filter(|n| n.has_tag_name((W, "tr")))
            .enumerate()
        {
            let cells: Vec<Node> = row
                .children()
                .filter(|n| n.has_tag_name((W, "tc")))
                .collect();
            for (i, cell) in cells.iter().enumerate() {
                let zone = match kind {
                    Some((left, right)) => {
                        if i + 1 == cells.len() && cells.len() > 1 {
                            right
                        } else {
                            left
                        }
                    }
                    None if outer == Zone::Body => Zone::Table,
                    None => outer,
                };
                let width = child(*cell, "tcPr")
                    .and_then(|p| child(p, "tcW"))
                    .filter(|w| attr(*w, "type").is_none_or(|t| t == "dxa"))
                    .and_then(|w| attr(w, "w"))
                    .and_then(|v| v.parse::<f32>().ok())
                    .map(|w| twips_to_mm(w) - margin);
                self.cell = Some((r + 1, i + 1));
                self.block_children(*cell, zone, style.as_deref(), width)?;
            }
        }
        self.cell = outer_cell;
        Ok(())
    }

    fn paragraph(
        &mut self,
        p: Node<'a, 'i>,
        zone: Zone,
        table_style: Option<&str>,
        width: Option<f32>,
    ) -> Result<(), ReadError> {
        let ppr = child(p, "pPr");
        let para_style = ppr
            .and_then(|n| child(n, "pStyle"))
            .and_then(|n| attr(n, "val"));
        let (mut pprops, base_run) = self.styles.base(table_style, para_style);
        if let Some(ppr) = ppr {
            pprops.apply(&styles::para_props(ppr));
        }
        if pprops.page_break_before == Some(true) && !self.uses_rendered_breaks {
            self.page += 1;
        }
        let start_page = self.page;
        let mut spans: Vec<Span> = Vec::new();
        let mut rules = Vec::new();
        let mut boxes = Vec::new();
        let mut decomposed = false;
        for node in p.descendants() {
            if node.has_tag_name((WP, "anchor")) && !self.inside_other(node, p) {
                if let Some(picture) = anchored(node, self.paras.len() + 1) {
                    self.pictures.push(picture);
                }
            }
            // Only the paragraph's own text boxes: those inside them are
            // read with the box (once, not once per enclosing box).
            if node.has_tag_name((W, "txbxContent")) && !self.inside_other(node, p) {
                boxes.push(node);
            }
            if node.has_tag_name((DML, "prstGeom"))
                && matches!(node.attribute("prst"), Some("line" | "straightConnector1"))
            {
                if let Some(length) = shape_length(node) {
                    rules.push(length);
                }
            }
            if !node.has_tag_name((W, "r")) || self.inside_other(node, p) {
                continue;
            }
            let mut props = base_run.clone();
            let rpr = child(node, "rPr");
            if let Some(id) = rpr
                .and_then(|r| child(r, "rStyle"))
                .and_then(|s| attr(s, "val"))
            {
                props.apply(&self.styles.character(id));
            }
            if let Some(rpr) = rpr {
                props.apply(&self.styles.run_props(rpr));
            }
            let raw = self.run_text(node);
            // Text typed decomposed (NFD) is read as the letters it shows.
            let text = vanban::vn::nfc(&raw);
            decomposed |= text != raw;
            push_span(&mut spans, text, &props);
        }
        // Word prints a list label before the text: make it part of it.
        let label = match &pprops.numbering {
            Some(Some((id, level))) if spans.iter().any(|s| !s.text.trim().is_empty()) => {
                self.lists.next_label(id, *level)
            }
            _ => None,
        };
        if let Some(label) = &label {
            let mut first = spans.first().cloned().unwrap_or_else(|| Span {
                text: String::new(),
                font: "Times New Roman".into(),
                size: 14.0,
                bold: false,
                italic: false,
                color: None,
            });
            first.text = format!("{label} ");
            spans.insert(0, first);
        }
        let text = vanban::vn::nfc(&spans.iter().map(|s| s.text.as_str()).collect::<String>());
        let first_indent = pprops.first.unwrap_or(0.0);
        let size = spans
            .iter()
            .find(|s| !s.text.trim().is_empty())
            .map(|s| s.size)
            .unwrap_or(11.0);
        let available = width.unwrap_or(self.block_width)
            - pprops.left.unwrap_or(0.0)
            - pprops.right.unwrap_or(0.0);
        let measured = measure(&spans);
        let index = self.paras.len() + 1;
        if decomposed {
            self.decomposed.push(index);
        }
        let para = Para {
            text,
            spans,
            // Word saves where its pages broke; without that only the header
            // table's page is certain.
            page: (self.uses_rendered_breaks
                || matches!(zone, Zone::HeaderLeft | Zone::HeaderRight))
            .then_some(start_page),
            index,
            zone,
            align: Some(pprops.align.unwrap_or(Align::Left)),
            first_indent: Some(first_indent),
            left: Some(pprops.left.unwrap_or(0.0)),
            // Word adds the paragraph above's space after to this one's before.
            space_before: Some(pprops.before.unwrap_or(0.0) + self.after_previous),
            line_spacing: pprops.line.map(|(value, rule)| match rule {
                LineRule::Auto => value,
                LineRule::Points => value / (size * 1.15),
            }),
            rule_below: None,
            text_width: Some(measured.min(available.max(0.0))),
            // A list Word numbers whose label could not be worked out.
            auto_numbered: matches!(pprops.numbering, Some(Some(_))) && label.is_none(),
            // Sections end with the paragraph holding their sectPr.
            section: Some(self.sections.len() + 1),
            source: Some(p.range()),
            cell: self.cell.filter(|_| zone == Zone::Table),
            bbox: None,
            baselines: None,
            line_boxes: Vec::new(),
            table_row: None,
        };
        let typed = crate::model::is_typed_rule(&para.text);
        let empty = para.text.trim().is_empty() || typed;
        self.after_previous = pprops.after.unwrap_or(0.0);
        // A rule is drawn as the bottom border of an empty paragraph or of
        // the text itself, as a line shape, or typed as underscores; it
        // belongs to the text above.
        let border = (pprops.bottom_border == Some(true)).then_some(available);
        let rule = if typed {
            Some(measured.min(available.max(0.0)))
        } else {
            border.or(rules.first().copied())
        };
        if empty {
            if let (Some(length), Some(prev)) = (rule, self.paras.last_mut()) {
                if prev.zone == zone && prev.rule_below.is_none() {
                    prev.rule_below = Some(length);
                }
            }
        } else {
            let mut para = para;
            para.rule_below = rule;
            self.paras.push(para);
        }
        for content in boxes {
            self.nested(|reader| reader.block_children(content, zone, table_style, None))?;
        }
        Ok(())
    }

    /// Whether a run belongs to a text box or a deleted change inside `p`
    /// rather than to `p` itself.
    fn inside_other(&self, run: Node, p: Node) -> bool {
        run.ancestors()
            .skip(1)
            .take_while(|a| *a != p)
            .any(|a| a.has_tag_name((W, "txbxContent")) || a.has_tag_name((W, "del")))
    }

    fn run_text(&mut self, run: Node) -> String {
        let mut text = String::new();
        for node in run.children() {
            match node.tag_name().name() {
                "t" => text.push_str(node.text().unwrap_or("")),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => {
                    if attr(node, "type") == Some("page") {
                        if !self.uses_rendered_breaks {
                            self.page += 1;
                        }
                    } else {
                        text.push('\n');
                    }
                }
                "lastRenderedPageBreak" => self.page += 1,
                "noBreakHyphen" => text.push('-'),
                _ => {}
            }
        }
        text
    }
}

/// Left plus right cell margins of a table, mm (Word's default 0.19 cm each).
/// A floating picture (`wp:anchor`) placed from its column and its
/// paragraph, as vanban anchors the signature and the seal; other
/// references are not judged.
fn anchored(anchor: Node, paragraph: usize) -> Option<crate::model::Picture> {
    const EMU_PER_MM: f32 = 36_000.0;
    let offset = |axis: &str, from: &str| -> Option<f32> {
        let position = anchor.children().find(|n| n.has_tag_name((WP, axis)))?;
        if position.attribute("relativeFrom") != Some(from) {
            return None;
        }
        let value = position
            .children()
            .find(|n| n.has_tag_name((WP, "posOffset")))?;
        Some(value.text()?.trim().parse::<f32>().ok()? / EMU_PER_MM)
    };
    let extent = anchor.children().find(|n| n.has_tag_name((WP, "extent")))?;
    let size = |name: &str| Some(extent.attribute(name)?.parse::<f32>().ok()? / EMU_PER_MM);
    Some(crate::model::Picture {
        page: None,
        anchor: Some(paragraph),
        x: offset("positionH", "column")?,
        y: offset("positionV", "paragraph")?,
        width: size("cx")?,
        height: size("cy")?,
    })
}

fn cell_margins(table: Node) -> f32 {
    let mar = child(table, "tblPr").and_then(|p| child(p, "tblCellMar"));
    let side = |names: [&str; 2]| {
        names
            .iter()
            .find_map(|name| mar.and_then(|m| child(m, name)))
            .and_then(|n| attr(n, "w"))
            .and_then(|v| v.parse::<f32>().ok())
            .unwrap_or(108.0)
    };
    twips_to_mm(side(["left", "start"]) + side(["right", "end"]))
}

/// The length of a drawn line shape, from its extent, mm.
fn shape_length(geometry: Node) -> Option<f32> {
    let holder = geometry
        .ancestors()
        .find(|a| a.has_tag_name((WP, "anchor")) || a.has_tag_name((WP, "inline")))?;
    let extent = holder.children().find(|n| n.has_tag_name((WP, "extent")))?;
    let cx: f32 = extent.attribute("cx")?.parse().ok()?;
    (cx > 0.0).then_some(cx / 36000.0)
}

fn push_span(spans: &mut Vec<Span>, mut text: String, props: &RunProps) {
    if text.is_empty() {
        return;
    }
    if props.caps == Some(true) {
        text = text.to_uppercase();
    }
    let span = Span {
        text,
        font: props
            .font
            .clone()
            .unwrap_or_else(|| "Times New Roman".into()),
        size: props.size.unwrap_or(10.0),
        bold: props.bold.unwrap_or(false),
        italic: props.italic.unwrap_or(false),
        color: props.color.flatten(),
    };
    if let Some(last) = spans.last_mut() {
        if last.font == span.font
            && last.size == span.size
            && last.bold == span.bold
            && last.italic == span.italic
            && last.color == span.color
        {
            last.text.push_str(&span.text);
            return;
        }
    }
    spans.push(span);
}

/// Width of the longest line of the spans with Times metrics, mm.
fn measure(spans: &[Span]) -> f32 {
    let fonts = FontSet::liberation_serif();
    let mut widest: f32 = 0.0;
    let mut line = 0.0;
    for span in spans {
        let style = TextStyle {
            size: span.size,
            bold: span.bold,
            italic: span.italic,
        };
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                widest = widest.max(line);
                line = 0.0;
            }
            line += fonts.width(piece, style);
        }
    }
    widest.max(line) * 25.4 / 72.0
}
