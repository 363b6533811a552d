//! Reads a PDF into the neutral model: glyphs become lines, lines are split
//! into columns at wide gaps, put into zones (header table, body, Nơi nhận
//! and signature) and body lines joined into paragraphs; alignment, indent
//! and margins are measured from where the text stands.

mod budget;
mod resources;
mod text;
mod widgets;

use std::collections::{BTreeMap, HashMap};

use lopdf::{Document, Object};

use crate::error::ReadError;
use crate::limits::{exceeded, LintLimits};
use crate::model::{
    Align, MarginsRead, Numbering, PageNumber, PageSetup, Para, Picture, ReadDoc, SourceFormat,
    Span, Zone,
};
use text::{FontInfo, Glyph, Rule};

const PT: f32 = 25.4 / 72.0;

/// One line of text in one column of a page.
#[derive(Clone, Debug)]
struct Line {
    page: usize,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    spans: Vec<Span>,
    text: String,
    rule_below: Option<f32>,
    zone: Zone,
    /// In a bordered table: the 1-based row, from the rules above it.
    row: Option<usize>,
}

/// Reads a PDF with the default limits.
pub fn read(bytes: &[u8]) -> Result<ReadDoc, ReadError> {
    read_with(bytes, &LintLimits::default())
}

/// Loads the PDF (lopdf), every stream decoded on the way bounded; an
/// encrypted file is refused, not judged.
pub fn load(bytes: &[u8], limits: &LintLimits) -> Result<Document, ReadError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.max_part_bytes.try_into().unwrap_or(usize::MAX)),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => exceeded(
            "an object stream",
            "decoded bytes",
            limits.max_part_bytes,
            "--max-part-bytes",
        ),
        _ if bytes.windows(8).any(|w| w == b"/Encrypt") => ReadError::Encrypted,
        e => ReadError::Pdf(e.to_string()),
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() || doc.was_encrypted() {
        return Err(ReadError::Encrypted);
    }
    Ok(doc)
}

/// What one page paints, for placing something under it (a paper copy's
/// block): the page's size and each mark's top and bottom, mm from the
/// page's top — glyphs (baseline less its size, plus a quarter of it for
/// descenders), rules and images.
#[derive(Clone, Debug, PartialEq)]
pub struct PageMarks {
    pub width: f32,
    pub height: f32,
    pub marks: Vec<(f32, f32)>,
    /// The horizontal rules: left, right and height, mm.
    pub rules: Vec<(f32, f32, f32)>,
}

/// The marks of the last page of `doc`, read within `limits`; its 1-based
/// number with them.
pub fn last_page_marks(
    doc: &Document,
    limits: &LintLimits,
) -> Result<(usize, lopdf::ObjectId, PageMarks), ReadError> {
    let mut last = None;
    for (i, id) in doc.page_iter().enumerate() {
        if i >= limits.max_pages {
            return Err(exceeded(
                "the page tree",
                "pages",
                limits.max_pages,
                "--max-pages",
            ));
        }
        last = Some((i + 1, id));
    }
    let (number, page_id) = last.ok_or_else(|| ReadError::Pdf("no pages".into()))?;
    let (width, height) = media_box(doc, page_id);
    let mut work = text::Work::new(limits);
    let mut fonts = resources::Fonts::default();
    let painted = text::paint(doc, page_id, number, &mut fonts, height, &mut work)?;
    let mut marks: Vec<(f32, f32)> = painted
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| (g.y - g.size * PT, g.y + 0.25 * g.size * PT))
        .collect();
    marks.extend(painted.rules.iter().map(|r| (r.y, r.y)));
    marks.extend(
        painted
            .images
            .iter()
            .map(|&(_, top, _, h)| (top * PT, (top + h) * PT)),
    );
    Ok((
        number,
        page_id,
        PageMarks {
            width: width * PT,
            height: height * PT,
            marks,
            rules: painted.rules.iter().map(|r| (r.x0, r.x1, r.y)).collect(),
        },
    ))
}

/// Reads a PDF within `limits`.
pub fn read_with(bytes: &[u8], limits: &LintLimits) -> Result<ReadDoc, ReadError> {
    let doc = load(bytes, limits)?;
    let mut pages = Vec::new();
    let mut lines = Vec::new();
    let mut bands = Vec::new();
    // A page tree may name the same kids again and again: count as it goes.
    let mut page_ids = BTreeMap::new();
    for (i, id) in doc.page_iter().enumerate() {
        if i >= limits.max_pages {
            return Err(exceeded(
                "the page tree",
                "pages",
                limits.max_pages,
                "--max-pages",
            ));
        }
        page_ids.insert(i as u32 + 1, id);
    }
    let mut work = text::Work::new(limits);
    let mut pictures = Vec::new();
    let mut fonts = resources::Fonts::default();
    for (&number, &page_id) in &page_ids {
        let number = number as usize;
        let (width, height) = media_box(&doc, page_id);
        let painted = text::paint(&doc, page_id, number, &mut fonts, height, &mut work)?;
        pictures.extend(painted.images.iter().map(|&(x, y, w, h)| Picture {
            page: Some(number),
            anchor: None,
            x: x * PT,
            y: y * PT,
            width: w * PT,
            height: h * PT,
        }));
        pictures.extend(widgets::picture_rects(&doc, page_id).into_iter().map(
            |[x0, y0, x1, y1]| Picture {
                page: Some(number),
                anchor: None,
                x: x0 * PT,
                y: (height - y1) * PT,
                width: (x1 - x0) * PT,
                height: (y1 - y0) * PT,
            },
        ));
        // On page 1 the header's two columns may share baselines with only
        // a small gap: split them where the quốc hiệu starts.
        let split = if number == 1 {
            column_split(&painted.glyphs)
        } else {
            None
        };
        let mut page_lines = build_lines(number, &painted.glyphs, &fonts.infos, split);
        let mut drawn = painted.rules.clone();
        drawn.extend(typed_rules(&mut page_lines));
        attach_rules(&mut page_lines, &drawn);
        bands.extend(table_bands(&painted.rules).into_iter().map(|b| (number, b)));
        lines.extend(page_lines);
        pages.push(PageSetup {
            page: number,
            width: width * PT,
            height: height * PT,
            margins: MarginsRead::default(),
            restarts_numbering: false,
        });
    }
    let mut fonts_not_embedded: Vec<String> = fonts
        .infos
        .iter()
        .filter(|f| !f.embedded)
        .map(|f| f.name.clone())
        .collect();
    fonts_not_embedded.sort();
    fonts_not_embedded.dedup();
    let numbers = take_page_numbers(&mut lines);
    assign_zones(&mut lines, &pages);
    let mut bands_of: HashMap<usize, Vec<Band>> = HashMap::new();
    for (page, band) in bands {
        bands_of.entry(page).or_default().push(band);
    }
    for l in lines.iter_mut().filter(|l| l.zone == Zone::Body) {
        let on_page = bands_of.get(&l.page).map_or(&[][..], Vec::as_slice);
        if let Some(band) = on_page.iter().find(|b| l.y > b.top && l.y < b.bottom) {
            l.zone = Zone::Table;
            // Its row: the rules drawn above its baseline (the table's top
            // border the first).
            l.row = Some(band.rows.iter().filter(|&&y| y < l.y).count().max(1));
        }
    }
    measure_margins(&lines, &mut pages);
    let mut paras = paragraphs(&lines, &pages);
    let decomposed: Vec<usize> = paras
        .iter()
        .filter(|p| p.spans.iter().any(|s| vanban::vn::nfc(&s.text) != s.text))
        .map(|p| p.index)
        .collect();
    // Rules compare span text too: read it as the letters it shows.
    for p in &mut paras {
        for s in &mut p.spans {
            s.text = vanban::vn::nfc(&s.text);
        }
    }
    let page_count = pages.len();
    Ok(ReadDoc {
        format: SourceFormat::Pdf,
        pages,
        paras,
        numbering: Numbering {
            shown: numbers,
            multi_page: page_count > 1,
        },
        page_count: Some(page_count),
        fonts_not_embedded,
        decomposed,
        page_count_estimated: false,
        header_outdent: None,
        pictures,
    })
}

/// The page's MediaBox (inherited from the page tree if need be), pt.
fn media_box(doc: &Document, page_id: lopdf::ObjectId) -> (f32, f32) {
    let mut id = Some(page_id);
    for _ in 0..16 {
        let Some(dict) = id.and_then(|i| doc.get_dictionary(i).ok()) else {
            break;
        };
        if let Ok(b) = dict.get_deref(b"MediaBox", doc).and_then(Object::as_array) {
            let v: Vec<f32> = b
                .iter()
                .filter_map(|o| match o {
                    Object::Integer(i) => Some(*i as f32),
                    Object::Real(r) => Some(*r),
                    _ => None,
                })
                .collect();
            if v.len() == 4 {
                return ((v[2] - v[0]).abs(), (v[3] - v[1]).abs());
            }
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    (595.276, 841.89)
}

/// Glyphs on one baseline become a line; a gap wider than 12 mm starts a new
/// line (the header's two columns, Nơi nhận beside the signer).
fn build_lines(
    page: usize,
    glyphs: &[Glyph],
    fonts: &[FontInfo],
    split: Option<(f32, f32)>,
) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    // Group by baseline.
    let mut rows: Vec<Vec<&Glyph>> = Vec::new();
    for g in sorted {
        match rows.last_mut() {
            Some(row) if (row[0].y - g.y).abs() < 0.3 * g.size.max(row[0].size) * PT => row.push(g),
            _ => rows.push(vec![g]),
        }
    }
    let mut lines = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut current: Vec<&Glyph> = Vec::new();
        for g in row {
            let visible_end = current
                .iter()
                .rev()
                .find(|c| !c.text.trim().is_empty())
                .map(|c| c.x1);
            if let Some(end) = visible_end {
                let across_columns =
                    split.is_some_and(|(x, bottom)| g.y < bottom && end < x && g.x0 >= x - 0.5);
                if !g.text.trim().is_empty()
                    && (g.x0 - end > 12.0 || (across_columns && g.x0 - end > 1.5))
                {
                    lines.push(make_line(page, &current, fonts));
                    current.clear();
                }
            }
            current.push(g);
        }
        if !current.is_empty() {
            lines.push(make_line(page, &current, fonts));
        }
    }
    lines.retain(|l| !l.text.trim().is_empty());
    lines
}

fn make_line(page: usize, glyphs: &[&Glyph], fonts: &[FontInfo]) -> Line {
    let mut spans: Vec<Span> = Vec::new();
    let mut last_end: Option<f32> = None;
    for g in glyphs {
        let info = &fonts[g.font];
        let mut text = g.text.clone();
        // A gap a fifth of an em wide is a space the PDF did not write; a
        // wide one (a blank slot) keeps its width as that many spaces.
        if let Some(end) = last_end {
            let ends_in_space = spans.last().is_some_and(|s| s.text.ends_with(' '));
            let gap = g.x0 - end;
            let space = 0.25 * g.size * PT;
            if gap > 0.2 * g.size * PT && !text.starts_with(' ') {
                let count = ((gap / space).round() as usize).clamp(1, 200);
                let count = if ends_in_space {
                    count.saturating_sub(1)
                } else {
                    count
                };
                text.insert_str(0, &" ".repeat(count));
            }
        }
        last_end = Some(g.x1);
        let size = (g.size * 10.0).round() / 10.0;
        match spans.last_mut() {
            Some(s)
                if s.font == info.name
                    && s.size == size
                    && s.bold == info.bold
                    && s.italic == info.italic
                    && s.color == g.color =>
            {
                s.text.push_str(&text)
            }
            _ => spans.push(Span {
                text,
                font: info.name.clone(),
                size,
                bold: info.bold,
                italic: info.italic,
                color: g.color,
            }),
        }
    }
    let visible: Vec<&&Glyph> = glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .collect();
    let x0 = visible.first().map(|g| g.x0).unwrap_or(0.0);
    let x1 = visible.iter().map(|g| g.x1).fold(f32::MIN, f32::max);
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let size = dominant_size(&spans);
    Line {
        page,
        x0,
        x1,
        y: glyphs.iter().map(|g| g.y).sum::<f32>() / glyphs.len() as f32,
        size,
        text: vanban::vn::nfc(text.trim()),
        spans,
        rule_below: None,
        zone: Zone::Body,
        row: None,
    }
}

fn dominant_size(spans: &[Span]) -> f32 {
    spans
        .iter()
        .filter(|s| !s.text.trim().is_empty())
        .max_by_key(|s| s.text.chars().count())
        .map(|s| s.size)
        .unwrap_or(0.0)
}

/// Where the header's right column starts (the x of the quốc hiệu's first
/// letter) and how far down the header goes, from page 1's glyphs.
fn column_split(glyphs: &[Glyph]) -> Option<(f32, f32)> {
    let mut sorted: Vec<&Glyph> = glyphs.iter().filter(|g| !g.text.is_empty()).collect();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mut start = 0;
    while start < sorted.len() {
        let y = sorted[start].y;
        let end = sorted[start..]
            .iter()
            .position(|g| (g.y - y).abs() > 1.0)
            .map_or(sorted.len(), |n| start + n);
        // The quốc hiệu is in the top part of the page.
        if y > 120.0 {
            break;
        }
        let row = &sorted[start..end];
        let text: String = row.iter().map(|g| g.text.as_str()).collect();
        let upper = vanban::vn::nfc(&text).to_uppercase();
        for title in ["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI"] {
            if let Some(byte) = upper.find(title) {
                // The glyph where the title starts.
                let chars_before = upper[..byte].chars().count();
                let mut seen = 0;
                for g in row {
                    if seen >= chars_before {
                        return Some((g.x0, y + 45.0));
                    }
                    seen += vanban::vn::nfc(&g.text).chars().count();
                }
            }
        }
        start = end;
    }
    None
}

/// Lines typed as underscores are rules (drawn with the keyboard): taken out
/// of the text, at the underscores' depth under their baseline.
fn typed_rules(lines: &mut Vec<Line>) -> Vec<Rule> {
    let mut rules = Vec::new();
    lines.retain(|l| {
        if crate::model::is_typed_rule(&l.text) {
            rules.push(Rule {
                x0: l.x0,
                x1: l.x1,
                y: l.y + 0.1 * l.size * PT,
            });
            false
        } else {
            true
        }
    });
    rules
}

/// A rule belongs to the nearest line above it that it sits under.
fn attach_rules(lines: &mut [Line], rules: &[Rule]) {
    for rule in rules {
        let centre = (rule.x0 + rule.x1) / 2.0;
        let best = lines
            .iter_mut()
            .filter(|l| {
                let below = rule.y - l.y;
                below > 0.0
                    && below < 1.6 * l.size * PT + 2.0
                    && centre > l.x0 - 2.0
                    && centre < l.x1 + 2.0
            })
            .min_by(|a, b| (rule.y - a.y).total_cmp(&(rule.y - b.y)));
        if let Some(line) = best {
            let length = rule.x1 - rule.x0;
            line.rule_below = Some(line.rule_below.map_or(length, |l: f32| l.max(length)));
        }
    }
}

/// A bordered table's vertical extent and the rules across it.
struct Band {
    top: f32,
    bottom: f32,
    /// Where its horizontal rules stand, top to bottom, each once.
    rows: Vec<f32>,
}

/// Vertical extents of bordered tables: two or more rules with the same
/// left and right ends.
fn table_bands(rules: &[Rule]) -> Vec<Band> {
    let mut bands: Vec<(f32, f32, Vec<f32>)> = Vec::new();
    for r in rules {
        match bands
            .iter_mut()
            .find(|b| (b.0 - r.x0).abs() < 0.5 && (b.1 - r.x1).abs() < 0.5)
        {
            Some(b) => b.2.push(r.y),
            None => bands.push((r.x0, r.x1, vec![r.y])),
        }
    }
    bands
        .into_iter()
        .filter(|b| b.2.len() >= 2)
        .map(|(_, _, mut ys)| {
            ys.sort_by(f32::total_cmp);
            ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
            Band {
                top: ys[0],
                bottom: ys[ys.len() - 1],
                rows: ys,
            }
        })
        .collect()
}

/// Page numbers: a line of digits alone at the top of a page, above the rest.
fn take_page_numbers(lines: &mut Vec<Line>) -> Vec<PageNumber> {
    let mut numbers = Vec::new();
    let mut keep = Vec::with_capacity(lines.len());
    let pages: Vec<usize> = {
        let mut p: Vec<usize> = lines.iter().map(|l| l.page).collect();
        p.sort_unstable();
        p.dedup();
        p
    };
    let mut taken = vec![false; lines.len()];
    // Lines come page by page: each page's are one run of indices.
    let mut runs: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        runs.entry(line.page).or_default().push(i);
    }
    for page in pages {
        let on_page = runs.remove(&page).unwrap_or_default();
        let Some(&top) = on_page
            .iter()
            .min_by(|&&a, &&b| lines[a].y.total_cmp(&lines[b].y))
        else {
            continue;
        };
        let line = &lines[top];
        let next_y = on_page
            .iter()
            .filter(|&&i| i != top)
            .map(|&i| lines[i].y - lines[i].size * PT)
            .fold(f32::MAX, f32::min);
        let digits = line
            .text
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || c == ' ')
            && line.text.chars().any(|c| c.is_ascii_digit());
        if digits && line.y < 30.0 && line.y < next_y - 1.0 {
            let span = line.spans.iter().find(|s| !s.text.trim().is_empty());
            numbers.push(PageNumber {
                page,
                text: line.text.trim().to_string(),
                size: line.size,
                bold: span.is_some_and(|s| s.bold),
                italic: span.is_some_and(|s| s.italic),
                align: None,
            });
            taken[top] = true;
        }
    }
    for (i, line) in lines.drain(..).enumerate() {
        if !taken[i] {
            keep.push(line);
        }
    }
    *lines = keep;
    numbers
}

fn is_national_title(text: &str) -> bool {
    let upper = text.to_uppercase();
    upper.contains("CỘNG HÒA XÃ HỘI") || upper.contains("CỘNG HOÀ XÃ HỘI")
}

/// Header table lines (page 1, down to the place/date and `Số:` lines and a
/// công văn's `V/v` lines) and the Nơi nhận / signature lines.
/// The decree's secrecy and urgency marks (ô 10a, 10b).
fn is_stamp(text: &str) -> bool {
    matches!(
        text.trim(),
        "MẬT" | "TỐI MẬT" | "TUYỆT MẬT" | "KHẨN" | "THƯỢNG KHẨN" | "HỎA TỐC" | "HOẢ TỐC"
    )
}

fn assign_zones(lines: &mut [Line], pages: &[PageSetup]) {
    if let Some(title) = lines
        .iter()
        .position(|l| l.page == 1 && is_national_title(&l.text))
    {
        let split = lines[title].x0 - 3.0;
        // The first `Số` line and the first place/date line close the header.
        let first_y = |pred: &dyn Fn(&str) -> bool| {
            lines
                .iter()
                .filter(|l| l.page == 1 && l.y > lines[title].y && pred(l.text.trim_start()))
                .map(|l| l.y)
                .fold(f32::MAX, f32::min)
        };
        let number_y = first_y(&|t| t.starts_with("Số"));
        // The place/date line stands two or three lines under the quốc
        // hiệu; a date further down is the body's (a Biên bản has none).
        let date_y = first_y(&|t| t.contains(", ngày") || t.starts_with("ngày"));
        let date_y = if date_y < lines[title].y + 30.0 {
            date_y
        } else {
            f32::MAX
        };
        let last_row = [number_y, date_y]
            .into_iter()
            .filter(|y| *y < f32::MAX)
            .fold(lines[title].y, f32::max);
        let mut bottom = last_row + 1.0;
        // A công văn's V/v lines run on under `Số:` in the left column.
        let mut order: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].page == 1).collect();
        order.sort_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y));
        // A stamp (ô 10a/10b) stands under them too, but beside the title
        // or the Kính gửi line: it belongs to the header without taking
        // what stands beside it along.
        let mut stamps = Vec::new();
        for &i in &order {
            let l = &lines[i];
            let near = l.y > bottom && l.x1 < split;
            if near && l.y < bottom + 6.0 * l.size * PT && is_stamp(&l.text) {
                stamps.push(i);
            } else if near && l.y < bottom + 3.0 * l.size * PT && !l.text.starts_with("Kính gửi")
            {
                bottom = l.y + 0.5;
            }
        }
        for &i in &stamps {
            lines[i].zone = Zone::HeaderLeft;
        }
        for l in lines.iter_mut().filter(|l| l.page == 1 && l.y <= bottom) {
            l.zone = if (l.x0 + l.x1) / 2.0 < split {
                Zone::HeaderLeft
            } else {
                Zone::HeaderRight
            };
        }
    }
    let recipients = lines
        .iter()
        .position(|l| l.zone == Zone::Body && l.text.starts_with("Nơi nhận"));
    if let Some(r) = recipients {
        let (page, mut top) = (lines[r].page, lines[r].y - 2.0);
        let middle = pages
            .iter()
            .find(|p| p.page == page)
            .map_or(105.0, |p| p.width / 2.0);
        // A Biên bản's two signers stand above Nơi nhận (template 1.9): the
        // zone starts at the line of its signers' titles (THƯ KÝ left,
        // CHỦ TỌA right), whichever is found; a Giấy nghỉ phép's
        // confirmation box (1.10) stands where THƯ KÝ does.
        if let Some(signers) = lines.iter().find(|l| {
            let title = l.text.trim();
            l.page == page
                && l.y < top
                && l.zone == Zone::Body
                && (((title == "THƯ KÝ" || title.starts_with("Xác nhận")) && l.x1 < middle + 15.0)
                    || (matches!(title, "CHỦ TỌA" | "CHỦ TOẠ") && l.x0 > middle - 20.0))
        }) {
            top = top.min(signers.y - 2.0);
        }
        for l in lines.iter_mut().filter(|l| l.page == page && l.y >= top) {
            l.zone = if l.x0 < middle - 20.0 && l.x1 < middle + 15.0 {
                Zone::SignLeft
            } else {
                Zone::SignRight
            };
        }
    }
}

/// Left and right margins from where body lines start and end; the top
/// margin from the top of the first line of each page.
fn measure_margins(lines: &[Line], pages: &mut [PageSetup]) {
    let mut of_page: HashMap<usize, Vec<&Line>> = HashMap::new();
    for l in lines {
        of_page.entry(l.page).or_default().push(l);
    }
    for page in pages.iter_mut() {
        let all = of_page.get(&page.page).map_or(&[][..], Vec::as_slice);
        let body: Vec<&Line> = all
            .iter()
            .copied()
            .filter(|l| l.zone == Zone::Body)
            .collect();
        if body.len() < 3 {
            continue;
        }
        // The right edge is where two or more lines end (justified lines);
        // the left edge is where a line starts that continues a full one.
        let right = body.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
        let at_right = body.iter().filter(|l| l.x1 > right - 0.5).count();
        // Where most such lines start (the leftmost of the most common,
        // to the half millimetre): one paragraph hung into the margin is
        // ink in the margin, not the page's margin.
        let mut starts: Vec<f32> = body
            .windows(2)
            .filter(|w| {
                w[0].x1 > right - 0.5 && w[1].y > w[0].y && w[1].y - w[0].y < 2.0 * w[1].size * PT
            })
            .map(|w| w[1].x0)
            .collect();
        starts.sort_by(f32::total_cmp);
        let count = |x: f32| starts.iter().filter(|s| (**s - x).abs() < 0.5).count();
        let left = starts
            .iter()
            .copied()
            .max_by_key(|&x| (count(x), std::cmp::Reverse((x * 2.0) as i64)))
            .unwrap_or(f32::MAX);
        // Justified text ends most lines at the edge; ragged text only by chance.
        let enough = at_right >= 2 && at_right * 5 >= body.len();
        let edges = (enough && left < right - 100.0).then_some((left, right));
        if let Some((left, right)) = edges {
            page.margins.left = Some(left);
            page.margins.right = Some(page.width - right);
        }
        let first = all.iter().copied().min_by(|a, b| a.y.total_cmp(&b.y));
        // Only page 1 opens with a line set tight under the margin (the header
        // table); later pages may open with a table's padding or with space
        // before a paragraph, which word processors keep at a page's top.
        if let Some(first) = first.filter(|l| l.page == 1 && l.zone != Zone::Table) {
            // Word processors put the first baseline one ascent (0.891 em in
            // Times) under the margin.
            page.margins.top = Some(first.y - 0.891 * first.size * PT);
        }
    }
}

/// Joins body lines into paragraphs: a line continues the paragraph when the
/// line before reached the right edge and it starts at the left edge, with
/// no extra space between.
fn paragraphs(lines: &[Line], pages: &[PageSetup]) -> Vec<Para> {
    // A page without a full line borrows the edges measured on another.
    let measured: Vec<(f32, f32)> = pages
        .iter()
        .filter_map(|p| Some((p.margins.left?, p.width - p.margins.right?)))
        .collect();
    let fallback = measured.first().copied();
    let by_number: HashMap<usize, &PageSetup> = pages.iter().map(|p| (p.page, p)).collect();
    let edges = |page: usize| {
        let p = by_number.get(&page);
        p.and_then(|p| Some((p.margins.left?, p.width - p.margins.right?)))
            .or(fallback)
    };
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    for line in lines {
        let joins = groups.last().is_some_and(|group| {
            let prev = group[group.len() - 1];
            if prev.zone != Zone::Body || line.zone != Zone::Body {
                return false;
            }
            let same_size = (prev.size - line.size).abs() < 0.6;
            let (Some((_, right)), Some((next_left, _))) = (edges(prev.page), edges(line.page))
            else {
                // Without measured edges: no extra space, same look, and
                // not a line that starts further right than the one above.
                // Whole-bold lines (a heading) against the rest: a line
                // that only starts bold (`Điều 1.` and its text) joins.
                let bold = |l: &Line| {
                    l.spans
                        .iter()
                        .filter(|s| !s.text.trim().is_empty())
                        .all(|s| s.bold)
                };
                let centre = |l: &Line| (l.x0 + l.x1) / 2.0;
                let continues = line.x0 <= prev.x0 + 0.5 && prev.x0 - line.x0 < 15.0;
                // A line in capitals over one in lower case are two elements.
                let caps = |l: &Line| crate::recognize::is_upper(&l.text);
                // The first line of a centred paragraph with a first-line
                // indent sits up to half an indent right of the others.
                let shift = centre(prev) - centre(line);
                let same_centre = (-0.7..=7.0).contains(&shift) && caps(line) == caps(prev);
                return line.page == prev.page
                    && line.y - prev.y < 1.3 * line.size * PT
                    && same_size
                    && bold(prev) == bold(line)
                    && (continues || same_centre);
            };
            let prev_full = prev.x1 > right - 1.5;
            let starts_left = (line.x0 - next_left).abs() < 1.0;
            let close = if line.page == prev.page {
                line.y - prev.y < 1.45 * line.size * PT * line_multiple(group).max(1.0)
            } else {
                line.page == prev.page + 1
            };
            // A line starting left of the text block after a full one
            // continues a paragraph hung into the margin (its lines after
            // the first all start there), on this page or the next.
            let hangs = line.x0 < next_left - 1.0
                && group
                    .get(1)
                    .is_none_or(|second| (line.x0 - second.x0).abs() < 1.0);
            (prev_full && (starts_left || hangs)
                || wraps_in_indented_block(group, line, next_left, right))
                && same_size
                && close
        });
        if joins {
            groups.last_mut().expect("a group").push(line);
        } else {
            groups.push(vec![line]);
        }
    }
    let mut paras = Vec::new();
    let mut prev_last: Option<&Line> = None;
    for (i, group) in groups.iter().enumerate() {
        let first = group[0];
        let last = group[group.len() - 1];
        let edges = edges(first.page);
        let mut spans: Vec<Span> = Vec::new();
        for (k, line) in group.iter().enumerate() {
            for (j, span) in line.spans.iter().enumerate() {
                let mut span = span.clone();
                if k > 0 && j == 0 {
                    span.text.insert(0, ' ');
                }
                spans.push(span);
            }
        }
        let text = group
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let (align, first_indent, indent_left) = match edges {
            Some((left, right)) if first.zone == Zone::Body => body_alignment(group, left, right),
            _ if first.zone == Zone::Body && self_centred(group) => {
                (Some(Align::Center), None, None)
            }
            // No page gave its edges (no justified text anywhere): a
            // paragraph whose lines start together and end ragged is set
            // flush left.
            _ if first.zone == Zone::Body && ragged(group) => {
                (Some(Align::Left), Some(first.x0 - group[1].x0), None)
            }
            _ => (None, None, None),
        };
        let space_before = prev_last.filter(|p| p.page == first.page).map(|p| {
            let gap = (first.y - p.y) / PT;
            gap - 1.15 * first.size
        });
        let line_spacing = (group.len() > 1).then(|| line_multiple(group));
        paras.push(Para {
            text,
            spans,
            page: Some(first.page),
            index: i + 1,
            zone: first.zone,
            align,
            first_indent,
            left: indent_left,
            space_before,
            line_spacing,
            rule_below: last.rule_below,
            text_width: Some(group.iter().map(|l| l.x1 - l.x0).fold(0.0, f32::max)),
            auto_numbered: false,
            section: None,
            source: None,
            cell: None,
            bbox: Some(bbox(group)),
            baselines: Some((first.y, last.y)),
            line_boxes: group.iter().map(|l| (l.page, bbox(&[l]))).collect(),
            table_row: first.row,
        });
        prev_last = Some(last);
    }
    paras
}

/// Where a paragraph's lines on its first page stand, mm from the page's
/// top-left corner (a line's top is its baseline less its size).
fn bbox(group: &[&Line]) -> [f32; 4] {
    let page = group[0].page;
    let on_page = || group.iter().filter(move |l| l.page == page);
    let left = on_page().map(|l| l.x0).fold(f32::INFINITY, f32::min);
    let right = on_page().map(|l| l.x1).fold(f32::NEG_INFINITY, f32::max);
    let top = on_page()
        .map(|l| l.y - l.size * PT)
        .fold(f32::INFINITY, f32::min);
    let bottom = on_page()
        .map(|l| l.y + 0.25 * l.size * PT)
        .fold(f32::NEG_INFINITY, f32::max);
    [left, top, right, bottom]
}

/// A ragged line of a block set well in from the margin (the Kính gửi
/// list) continued on the next line at the block's own edge: its first
/// word did not fit after the line above. A dash starts a new item.
fn wraps_in_indented_block(group: &[&Line], line: &Line, left: f32, right: f32) -> bool {
    let (first, prev) = (group[0], group[group.len() - 1]);
    let text = line.text.trim_start();
    let first_word = text.split_whitespace().next().unwrap_or("");
    let chars = text.chars().count().max(1) as f32;
    let word_width = (line.x1 - line.x0) * first_word.chars().count() as f32 / chars;
    // Continued under the first line's text, after its dash or its
    // `Kính gửi:` (a hanging indent), or at the first line's own edge.
    let lead = ["- ", "Kính gửi: "]
        .iter()
        .find(|l| first.text.trim_start().starts_with(*l))
        .map_or(0.0, |l| {
            let chars = first.text.trim_start().chars().count().max(1) as f32;
            (first.x1 - first.x0) * l.chars().count() as f32 / chars
        });
    let under_text = lead > 0.0 && (line.x0 - first.x0 - lead).abs() < 1.5;
    first.x0 > left + 15.0
        && ((line.x0 - first.x0).abs() < 1.0 || under_text)
        && line.page == prev.page
        && !text.starts_with(['-', '+', '–', '•'])
        && prev.x1 + word_width > right - 1.5
}

/// Lines after the first starting at one edge, the lines before the last
/// ending well apart: flush left, not justified (whose full lines end
/// together).
fn ragged(group: &[&Line]) -> bool {
    if group.len() < 3 || group.iter().any(|l| l.page != group[0].page) {
        return false;
    }
    let edge = group[1].x0;
    let ends = group[..group.len() - 1].iter().map(|l| l.x1);
    let spread = ends.clone().fold(f32::MIN, f32::max) - ends.fold(f32::MAX, f32::min);
    group[1..].iter().all(|l| (l.x0 - edge).abs() < 0.5) && spread > 3.0
}

/// Lines of different lengths around one centre: centred, whatever the
/// margins are.
fn self_centred(group: &[&Line]) -> bool {
    if group.len() < 2 {
        return false;
    }
    let centre = |l: &Line| (l.x0 + l.x1) / 2.0;
    let widths = group.iter().map(|l| l.x1 - l.x0);
    let spread = widths.clone().fold(f32::MIN, f32::max) - widths.fold(f32::MAX, f32::min);
    let rest = centre(group[1]);
    // The first line may sit up to half a first-line indent to the right.
    let first_shift = centre(group[0]) - rest;
    spread > 5.0
        && (-0.7..=7.0).contains(&first_shift)
        && group[1..].iter().all(|l| (centre(l) - rest).abs() < 0.7)
}

/// Line pitch of a paragraph as a multiple of single spacing (1.15 em).
fn line_multiple(group: &[&Line]) -> f32 {
    let pitches: Vec<f32> = group
        .windows(2)
        .filter(|w| w[0].page == w[1].page)
        .map(|w| (w[1].y - w[0].y) / PT / (1.15 * w[1].size))
        .collect();
    if pitches.is_empty() {
        1.0
    } else {
        pitches.iter().sum::<f32>() / pitches.len() as f32
    }
}

/// Alignment, first-line indent and left indent of a body paragraph from
/// where its lines stand between the text block's edges.
fn body_alignment(
    group: &[&Line],
    left: f32,
    right: f32,
) -> (Option<Align>, Option<f32>, Option<f32>) {
    let first = group[0];
    let last = group[group.len() - 1];
    let centre = (left + right) / 2.0;
    // An indented line can sit near the centre by chance; a centred one
    // does not start exactly one first-line indent in.
    let centred = |l: &Line| {
        let indented = (9.3..=13.4).contains(&(l.x0 - left));
        ((l.x0 + l.x1) / 2.0 - centre).abs() < 1.5
            && l.x0 > left + 3.0
            && l.x1 < right - 3.0
            && !indented
    };
    let body_left = if group.len() > 1 { group[1].x0 } else { left };
    let indent = first.x0 - body_left;
    if group.len() > 1 {
        let inner_full = group[..group.len() - 1].iter().all(|l| l.x1 > right - 1.0);
        if inner_full {
            return (Some(Align::Justify), Some(indent), Some(body_left - left));
        }
        if centred(last) {
            return (Some(Align::Center), Some(0.0), Some(0.0));
        }
        return (Some(Align::Left), Some(indent), Some(body_left - left));
    }
    if centred(first) {
        return (Some(Align::Center), None, None);
    }
    if first.x1 > right - 1.0 && first.x0 > left + 20.0 {
        return (Some(Align::Right), None, None);
    }
    // A single line left-aligned may be a justified paragraph's only line.
    (None, Some(indent), Some(0.0))
}
