//! Runs a page's content stream and collects what it paints: glyphs with
//! their positions, fonts and sizes, and horizontal rules (stroked lines and
//! thin filled rectangles). Coordinates come out in mm from the page's top
//! left corner.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use std::rc::Rc;

use lopdf::content::Operation;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::budget;
use super::resources::{self, Fonts};
use crate::error::ReadError;
use crate::limits::{exceeded, LintLimits};

/// One painted glyph.
#[derive(Clone, Debug)]
pub struct Glyph {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Baseline, mm from the top.
    pub y: f32,
    pub size: f32,
    pub font: usize,
    /// Fill colour, `None` for black.
    pub color: Option<[u8; 3]>,
}

/// A horizontal rule, mm from the top left.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

/// A font of the page: its name and face, how to decode and measure codes.
pub struct FontInfo<'a> {
    pub name: String,
    pub bold: bool,
    pub italic: bool,
    /// The font program is in the file (FontFile, FontFile2 or FontFile3).
    pub embedded: bool,
    encoding: Option<lopdf::Encoding<'a>>,
    two_byte: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Codes already decoded: a ToUnicode lookup per glyph is the slow part.
    decoded: RefCell<HashMap<u32, String>>,
}

const PT: f32 = 25.4 / 72.0;

impl<'a> FontInfo<'a> {
    pub fn read(
        doc: &'a Document,
        dict: &'a Dictionary,
        limits: &LintLimits,
    ) -> Result<FontInfo<'a>, ReadError> {
        let name_of = |d: &Dictionary| {
            d.get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).to_string())
                .unwrap_or_default()
        };
        let raw = name_of(dict);
        // A subset font is named `ABCDEF+Family-Face`.
        let name = match raw.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 => rest.to_string(),
            _ => raw,
        };
        let place = || format!("font {name}");
        let too_many = || {
            exceeded(
                place(),
                "codes in the width table or ToUnicode map",
                limits.max_font_entries,
                "--max-font-entries",
            )
        };
        let two_byte = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .is_ok_and(|s| s == b"Type0");
        let mut widths = HashMap::new();
        let mut default_width = 500.0;
        let descendant = dict
            .get_deref(b"DescendantFonts", doc)
            .and_then(Object::as_array)
            .ok()
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o).as_dict().ok());
        let descriptor_holder = descendant.unwrap_or(dict);
        if let Some(cid) = descendant {
            default_width = cid.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
            if let Ok(w) = cid.get_deref(b"W", doc).and_then(Object::as_array) {
                read_cid_widths(doc, w, &mut widths, limits.max_font_entries)
                    .ok_or_else(too_many)?;
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
            if let Ok(list) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                for (i, w) in list.iter().enumerate() {
                    if let Some(w) = number(deref(doc, w)) {
                        widths.insert(first + i as u32, w);
                    }
                }
            }
        }
        let descriptor = descriptor_holder
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .ok();
        let flags = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(number)
            .unwrap_or(0.0) as u32;
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(400.0);
        let angle = descriptor
            .and_then(|d| d.get(b"ItalicAngle").ok())
            .and_then(number)
            .unwrap_or(0.0);
        if let Some(missing) = descriptor
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(number)
        {
            if descendant.is_none() {
                default_width = missing;
            }
        }
        let embedded = descriptor.is_some_and(|d| {
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|key| d.has(key))
        });
        let lower = name.to_lowercase();
        let bold = lower.contains("bold")
            || lower.contains("black")
            || lower.contains("heavy")
            || weight >= 600.0
            || flags & (1 << 18) != 0;
        let italic = lower.contains("italic")
            || lower.contains("oblique")
            || flags & (1 << 6) != 0
            || angle != 0.0;
        // lopdf expands every code of a ToUnicode range: measure them first.
        let max_part = limits.max_part_bytes.try_into().unwrap_or(usize::MAX);
        let part_too_big = || {
            exceeded(
                format!("{} ToUnicode map", place()),
                "decoded bytes",
                limits.max_part_bytes,
                "--max-part-bytes",
            )
        };
        let is_limit = |e: &lopdf::Error| {
            matches!(
                e,
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })
            )
        };
        if let Ok(stream) = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
        {
            match stream.get_plain_content_with_limit(max_part) {
                Ok(cmap) if budget::cmap_codes(&cmap) > limits.max_font_entries => {
                    return Err(too_many())
                }
                Err(e) if is_limit(&e) => return Err(part_too_big()),
                _ => {}
            }
        }
        let encoding = match dict.get_font_encoding_with_limit(doc, max_part) {
            Ok(encoding) => Some(encoding),
            Err(e) if is_limit(&e) => return Err(part_too_big()),
            Err(_) => None,
        };
        Ok(FontInfo {
            name,
            bold,
            italic,
            embedded,
            encoding,
            two_byte,
            widths,
            default_width,
            decoded: RefCell::new(HashMap::new()),
        })
    }

    /// Splits a string operand into (code, text, width in 1/1000 em).
    fn codes(&self, bytes: &[u8]) -> Vec<(u32, String, f32)> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|chunk| {
                let code = chunk.iter().fold(0u32, |acc, b| acc * 256 + *b as u32);
                let text = self
                    .decoded
                    .borrow_mut()
                    .entry(code)
                    .or_insert_with(|| match &self.encoding {
                        Some(encoding) => encoding.bytes_to_string(chunk).unwrap_or_default(),
                        None => String::from_utf8_lossy(chunk).to_string(),
                    })
                    .clone();
                let width = self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width);
                (code, text, width)
            })
            .collect()
    }
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

/// The CID font `W` array: `c [w1 w2 …]` or `c_first c_last w`; `None`
/// when its ranges cover more than `max` codes.
fn read_cid_widths(
    doc: &Document,
    list: &[Object],
    widths: &mut HashMap<u32, f32>,
    max: u64,
) -> Option<()> {
    let mut covered = 0u64;
    let mut i = 0;
    while i < list.len() {
        let Some(start) = number(deref(doc, &list[i])) else {
            break;
        };
        match list.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(ws)) => {
                covered += ws.len() as u64;
                if covered > max {
                    return None;
                }
                for (k, w) in ws.iter().enumerate() {
                    if let Some(w) = number(deref(doc, w)) {
                        widths.insert((start.max(0.0) as u32).saturating_add(k as u32), w);
                    }
                }
                i += 2;
            }
            Some(end) => {
                let (Some(end), Some(w)) = (
                    number(end),
                    list.get(i + 2).and_then(|o| number(deref(doc, o))),
                ) else {
                    break;
                };
                // Codes are at most two bytes: a range beyond is cut there.
                let (start, end) = (start.max(0.0) as u32, (end.max(0.0) as u32).min(0xFFFF));
                covered += u64::from(end.saturating_sub(start)) + 1;
                if covered > max {
                    return None;
                }
                for code in start..=end {
                    widths.insert(code, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    Some(())
}

/// The names of the image XObjects among the page's resources.
fn image_names(doc: &Document, page_id: lopdf::ObjectId) -> Vec<Vec<u8>> {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return Vec::new();
    };
    let resources = match page.get(b"Resources").map(|r| deref(doc, r)) {
        Ok(Object::Dictionary(d)) => d,
        _ => return Vec::new(),
    };
    let xobjects = match resources.get(b"XObject").map(|x| deref(doc, x)) {
        Ok(Object::Dictionary(d)) => d,
        _ => return Vec::new(),
    };
    xobjects
        .iter()
        .filter(|(_, v)| match deref(doc, v) {
            Object::Stream(s) => {
                s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image")
            }
            _ => false,
        })
        .map(|(k, _)| k.clone())
        .collect()
}

/// An affine matrix [a b c d e f] as PDF writes them.
#[derive(Clone, Copy, Debug)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }
}

fn operand_matrix(operands: &[Object]) -> Option<Matrix> {
    if operands.len() < 6 {
        return None;
    }
    let mut m = [0.0; 6];
    for (slot, o) in m.iter_mut().zip(operands) {
        *slot = number(o)?;
    }
    Some(Matrix(m))
}

/// What one page paints.
pub struct Painted {
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Images drawn (`Do` of an image XObject): x, y of the top edge from
    /// the page's top, width, height, pt.
    pub images: Vec<(f32, f32, f32, f32)>,
}

/// The graphics state `q` saves and `Q` restores, the text state
/// (ISO 32000 §9.3) with it, so nothing set inside leaks out.
#[derive(Clone, Copy)]
struct GraphicsState {
    ctm: Matrix,
    line_width: f32,
    fill: Option<[u8; 3]>,
    /// Character and word spacing, horizontal scale, leading, rise.
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    rise: f32,
    font: Option<usize>,
    size: f32,
}

/// The work a whole document may ask for, counted page by page.
pub struct Work {
    limits: LintLimits,
    operators: usize,
    /// Form XObjects decoded so far, with their operator counts: a form
    /// painted again is counted again but not decoded again.
    forms: HashMap<ObjectId, (Rc<Vec<Operation>>, usize)>,
}

impl Work {
    pub fn new(limits: &LintLimits) -> Work {
        Work {
            limits: *limits,
            operators: 0,
            forms: HashMap::new(),
        }
    }

    /// Counts `count` more operators against the document's budget.
    fn spend(&mut self, count: usize, page: usize) -> Result<(), ReadError> {
        self.operators += count;
        if self.operators > self.limits.max_operators {
            return Err(exceeded(
                format!("the pages up to {page}"),
                "operators",
                self.limits.max_operators,
                "--max-operators",
            ));
        }
        Ok(())
    }
}

/// A page's content streams, decoded within the limits.
fn page_content(
    doc: &Document,
    page_id: ObjectId,
    page: usize,
    work: &mut Work,
) -> Result<Vec<Operation>, ReadError> {
    let limits = work.limits;
    let place = format!("page {page}");
    let max_part = limits.max_part_bytes.try_into().unwrap_or(usize::MAX);
    let bytes = doc
        .get_page_content_with_limit(page_id, max_part)
        .map_err(|e| decode_error(e, &place, &limits))?;
    decode_counted(&bytes, &place, page, work)
}

/// A form XObject's content, decoded once per document within the limits.
fn form_content(
    doc: &Document,
    id: ObjectId,
    page: usize,
    work: &mut Work,
) -> Result<Rc<Vec<Operation>>, ReadError> {
    if let Some((ops, count)) = work.forms.get(&id) {
        let (ops, count) = (Rc::clone(ops), *count);
        work.spend(count, page)?;
        return Ok(ops);
    }
    let limits = work.limits;
    let place = format!("page {page}, form XObject {} {}", id.0, id.1);
    let max_part = limits.max_part_bytes.try_into().unwrap_or(usize::MAX);
    let bytes = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .and_then(|stream| stream.get_plain_content_with_limit(max_part))
        .map_err(|e| decode_error(e, &place, &limits))?;
    let ops = Rc::new(decode_counted(&bytes, &place, page, work)?);
    work.forms.insert(id, (Rc::clone(&ops), ops.len()));
    Ok(ops)
}

fn decode_error(e: lopdf::Error, place: &str, limits: &LintLimits) -> ReadError {
    match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => exceeded(
            place,
            "decoded content bytes",
            limits.max_part_bytes,
            "--max-part-bytes",
        ),
        e => ReadError::Pdf(format!("{place}: {e}")),
    }
}

/// Decodes a content stream after counting its operators and nesting,
/// which are checked before the decoder builds anything.
fn decode_counted(
    bytes: &[u8],
    place: &str,
    page: usize,
    work: &mut Work,
) -> Result<Vec<Operation>, ReadError> {
    let limits = work.limits;
    let count = budget::operators(bytes, limits.max_page_operators, limits.max_nesting).map_err(
        |over| match over {
            budget::Over::Operators => exceeded(
                place,
                "operators",
                limits.max_page_operators,
                "--max-page-operators",
            ),
            budget::Over::Nesting => exceeded(
                place,
                "arrays or dictionaries nested",
                limits.max_nesting,
                "--max-nesting",
            ),
        },
    )?;
    work.spend(count, page)?;
    lopdf::content::Content::decode(bytes)
        .map(|content| content.operations)
        .map_err(|e| ReadError::Pdf(format!("{place}: {e}")))
}

/// A content stream being run: the page's own, or a form XObject's that
/// the page (or another form) paints with `Do`.
struct Frame {
    ops: Rc<Vec<Operation>>,
    next: usize,
    fonts: BTreeMap<Vec<u8>, usize>,
    forms: BTreeMap<Vec<u8>, ObjectId>,
    /// For a form: the state to return to, and how many `q` were open.
    restore: Option<(GraphicsState, usize)>,
}

/// Runs a page's content stream, and the form XObjects it paints (ISO
/// 32000 §8.10: each within a saved state, its matrix applied), nested no
/// deeper than the limit and counted against the same budgets. `height` is
/// the page height in pt (to turn y downwards).
pub fn paint<'a>(
    doc: &'a Document,
    page_id: ObjectId,
    page: usize,
    fonts: &mut Fonts<'a>,
    height: f32,
    work: &mut Work,
) -> Result<Painted, ReadError> {
    let limits = work.limits;
    let ops = Rc::new(page_content(doc, page_id, page, work)?);
    let dicts = resources::page_resources(doc, page_id);
    let mut frames = vec![Frame {
        ops,
        next: 0,
        fonts: fonts.names(doc, &resources::fonts(doc, &dicts), &limits)?,
        forms: resources::forms(doc, &dicts),
        restore: None,
    }];
    let mut glyphs_left = limits.max_page_operators;
    let mut out = Painted {
        glyphs: Vec::new(),
        rules: Vec::new(),
        images: Vec::new(),
    };
    let images = image_names(doc, page_id);
    let mut gs = GraphicsState {
        ctm: Matrix::IDENTITY,
        line_width: 1.0,
        fill: None,
        tc: 0.0,
        tw: 0.0,
        th: 1.0,
        tl: 0.0,
        rise: 0.0,
        font: None,
        size: 0.0,
    };
    let mut stack = Vec::new();
    let mut tm = Matrix::IDENTITY;
    let mut tlm = Matrix::IDENTITY;
    let mut path: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut rects: Vec<(f32, f32, f32, f32)> = Vec::new();
    let mut current = (0.0f32, 0.0f32);
    let mut start = (0.0f32, 0.0f32);

    while let Some(frame) = frames.last_mut() {
        // The operations are shared, not copied: a form may be painted often.
        let ops = Rc::clone(&frame.ops);
        let Some(op) = ops.get(frame.next) else {
            if let Some((saved, depth)) = frames.pop().and_then(|f| f.restore) {
                stack.truncate(depth);
                gs = saved;
            }
            continue;
        };
        frame.next += 1;
        let frame = &*frame;
        let mut enter = None;
        let o = &op.operands;
        let num = |i: usize| o.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            "q" => {
                if stack.len() >= limits.max_nesting {
                    return Err(exceeded(
                        format!("page {page}"),
                        "saved graphics states (q) nested",
                        limits.max_nesting,
                        "--max-nesting",
                    ));
                }
                stack.push(gs)
            }
            "Q" => gs = stack.pop().unwrap_or(gs),
            "cm" => {
                if let Some(m) = operand_matrix(o) {
                    gs.ctm = m.then(gs.ctm);
                }
            }
            "w" => gs.line_width = num(0),
            // Fill colour: grey, RGB, CMYK, or `sc`/`scn` by operand count.
            "g" => gs.fill = colour(&[num(0)]),
            "rg" => gs.fill = colour(&[num(0), num(1), num(2)]),
            "k" => gs.fill = colour(&[num(0), num(1), num(2), num(3)]),
            "sc" | "scn" => {
                let values: Vec<f32> = o.iter().filter_map(number).collect();
                if matches!(values.len(), 1 | 3 | 4) {
                    gs.fill = colour(&values);
                }
            }
            "BT" => {
                tm = Matrix::IDENTITY;
                tlm = Matrix::IDENTITY;
            }
            "Tf" => {
                gs.font = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| frame.fonts.get(n).copied());
                gs.size = num(1);
            }
            "Tc" => gs.tc = num(0),
            "Tw" => gs.tw = num(0),
            "Tz" => gs.th = num(0) / 100.0,
            "TL" => gs.tl = num(0),
            "Ts" => gs.rise = num(0),
            "Td" => {
                tlm = Matrix::translate(num(0), num(1)).then(tlm);
                tm = tlm;
            }
            "TD" => {
                gs.tl = -num(1);
                tlm = Matrix::translate(num(0), num(1)).then(tlm);
                tm = tlm;
            }
            "Tm" => {
                if let Some(m) = operand_matrix(o) {
                    tlm = m;
                    tm = m;
                }
            }
            "T*" => {
                tlm = Matrix::translate(0.0, -gs.tl).then(tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator == "'" || op.operator == "\"" {
                    if op.operator == "\"" {
                        gs.tw = num(0);
                        gs.tc = num(1);
                    }
                    tlm = Matrix::translate(0.0, -gs.tl).then(tlm);
                    tm = tlm;
                }
                let Some(f) = gs.font else { continue };
                let GraphicsState {
                    tc,
                    tw,
                    th,
                    rise,
                    size,
                    ..
                } = gs;
                let info = &fonts.infos[f];
                let items: Vec<&Object> = match op.operator.as_str() {
                    "TJ" => o
                        .first()
                        .and_then(|a| a.as_array().ok())
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                    _ => o.last().into_iter().collect(),
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            if bytes.len() > glyphs_left {
                                return Err(exceeded(
                                    format!("page {page}"),
                                    "glyphs",
                                    limits.max_page_operators,
                                    "--max-page-operators",
                                ));
                            }
                            glyphs_left -= bytes.len();
                            for (code, text, width) in info.codes(bytes) {
                                let word_space = if !info.two_byte && code == 32 {
                                    tw
                                } else {
                                    0.0
                                };
                                let advance = (width / 1000.0 * size + tc + word_space) * th;
                                let full = tm.then(gs.ctm);
                                let (x0, y0) = full.apply(0.0, rise);
                                let (x1, _) = full.apply(width / 1000.0 * size * th, rise);
                                let [_, _, c, d, _, _] = full.0;
                                let effective = size * (c * c + d * d).sqrt();
                                out.glyphs.push(Glyph {
                                    text,
                                    x0: x0 * PT,
                                    x1: x1 * PT,
                                    y: (height - y0) * PT,
                                    size: effective,
                                    font: f,
                                    color: gs.fill,
                                });
                                tm = Matrix::translate(advance, 0.0).then(tm);
                            }
                        }
                        other => {
                            if let Some(adjust) = number(other) {
                                tm = Matrix::translate(-adjust / 1000.0 * size * th, 0.0).then(tm);
                            }
                        }
                    }
                }
            }
            "m" => {
                current = gs.ctm.apply(num(0), num(1));
                start = current;
            }
            "l" => {
                let next = gs.ctm.apply(num(0), num(1));
                path.push((current.0, current.1, next.0, next.1));
                current = next;
            }
            "h" => {
                path.push((current.0, current.1, start.0, start.1));
                current = start;
            }
            "re" => {
                let (x, y) = gs.ctm.apply(num(0), num(1));
                let (x2, y2) = gs.ctm.apply(num(0) + num(2), num(1) + num(3));
                rects.push((x.min(x2), y.min(y2), x.max(x2), y.max(y2)));
            }
            "S" | "s" | "B" | "B*" | "b" | "b*" => {
                let scale = {
                    let [a, b, _, _, _, _] = gs.ctm.0;
                    (a * a + b * b).sqrt()
                };
                // A stroke thicker than 2 pt is a bar, not a rule.
                if gs.line_width * scale <= 2.0 {
                    for &(x0, y0, x1, y1) in &path {
                        if (y0 - y1).abs() < 0.5 && (x1 - x0).abs() > 5.0 / PT {
                            out.rules.push(Rule {
                                x0: x0.min(x1) * PT,
                                x1: x0.max(x1) * PT,
                                y: (height - y0) * PT,
                            });
                        }
                    }
                }
                if op.operator != "S" && op.operator != "s" {
                    thin_rects(&rects, height, &mut out.rules);
                }
                path.clear();
                rects.clear();
            }
            "f" | "F" | "f*" => {
                thin_rects(&rects, height, &mut out.rules);
                path.clear();
                rects.clear();
            }
            "n" => {
                path.clear();
                rects.clear();
            }
            "Do" => {
                // An image fills the unit square under the CTM.
                let is_image = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .is_some_and(|n| images.iter().any(|i| i == n));
                if is_image {
                    let (x0, y0) = gs.ctm.apply(0.0, 0.0);
                    let (x1, y1) = gs.ctm.apply(1.0, 1.0);
                    let top = height - y0.max(y1);
                    out.images
                        .push((x0.min(x1), top, (x1 - x0).abs(), (y1 - y0).abs()));
                }
                enter = o
                    .first()
                    .and_then(|n| n.as_name().ok())
                    .and_then(|n| frame.forms.get(n).copied())
                    .map(|id| (id, frame.fonts.clone(), frame.forms.clone()));
            }
            _ => {}
        }
        if let Some((id, outer_fonts, outer_forms)) = enter {
            // A form that paints itself, directly or not, ends here too.
            if frames.len() > limits.max_nesting {
                return Err(exceeded(
                    format!("page {page}"),
                    "form XObjects nested",
                    limits.max_nesting,
                    "--max-nesting",
                ));
            }
            let ops = form_content(doc, id, page, work)?;
            let dict = &doc
                .get_object(id)
                .and_then(Object::as_stream)
                .map_err(|e| ReadError::Pdf(format!("page {page}: {e}")))?
                .dict;
            let (form_fonts, form_forms) = match resources::form_resources(doc, dict) {
                Some(own) => (
                    fonts.names(doc, &resources::fonts(doc, &[own]), &limits)?,
                    resources::forms(doc, &[own]),
                ),
                None => (outer_fonts, outer_forms),
            };
            let matrix = dict
                .get(b"Matrix")
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| operand_matrix(m))
                .unwrap_or(Matrix::IDENTITY);
            let restore = Some((gs, stack.len()));
            gs.ctm = matrix.then(gs.ctm);
            frames.push(Frame {
                ops,
                next: 0,
                fonts: form_fonts,
                forms: form_forms,
                restore,
            });
        }
    }
    Ok(out)
}

/// A colour from grey, RGB or CMYK components; `None` when (nearly) black.
fn colour(values: &[f32]) -> Option<[u8; 3]> {
    let rgb = match values {
        [g] => [*g, *g, *g],
        [r, g, b] => [*r, *g, *b],
        [c, m, y, k] => [
            (1.0 - c) * (1.0 - k),
            (1.0 - m) * (1.0 - k),
            (1.0 - y) * (1.0 - k),
        ],
        _ => return None,
    };
    let bytes = rgb.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    bytes.iter().any(|&c| c > 64).then_some(bytes)
}

/// Filled rectangles under 2 pt high and over 5 mm long are drawn rules.
fn thin_rects(rects: &[(f32, f32, f32, f32)], height: f32, rules: &mut Vec<Rule>) {
    for &(x0, y0, x1, y1) in rects {
        if y1 - y0 <= 2.0 && (x1 - x0) * PT > 5.0 {
            rules.push(Rule {
                x0: x0 * PT,
                x1: x1 * PT,
                y: (height - (y0 + y1) / 2.0) * PT,
            });
        }
    }
}
