//! Finds the decree's elements (ô 1–12) in a read document by their text
//! and where they stand, the same way for a DOCX and a PDF.

use vanban::Kind;

use crate::model::{Align, Para, ReadDoc, Zone};

/// Indices into `ReadDoc::paras` of each element found.
#[derive(Debug, Default)]
pub struct Elements {
    pub national_title: Option<usize>,
    pub motto: Option<usize>,
    pub parent: Vec<usize>,
    pub issuer: Vec<usize>,
    pub number: Option<usize>,
    pub place_date: Option<usize>,
    pub subject: Vec<usize>,
    pub kind: Option<Kind>,
    pub type_name: Option<usize>,
    pub summary: Vec<usize>,
    pub addressees: Vec<usize>,
    pub bases: Vec<usize>,
    pub decision_word: Option<usize>,
    /// Quyết định / Nghị quyết: the issuing authority line before the bases.
    pub authority: Option<usize>,
    /// Body paragraphs and headings, in order (tables excluded).
    pub body: Vec<usize>,
    pub recipients_label: Option<usize>,
    pub recipients: Vec<usize>,
    /// The signature column's lines: authority, titles, name.
    pub signer: Vec<usize>,
    /// `Phụ lục` labels after the signature.
    pub appendices: Vec<usize>,
}

pub fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn is_national_title(text: &str) -> bool {
    let upper = normal(text).to_uppercase();
    upper.starts_with("CỘNG HÒA XÃ HỘI") || upper.starts_with("CỘNG HOÀ XÃ HỘI")
}

fn is_motto(text: &str) -> bool {
    normal(text).to_lowercase().starts_with("độc lập")
}

fn is_place_date(text: &str) -> bool {
    let t = normal(text);
    t.contains("ngày") && t.contains("tháng") && t.contains("năm")
}

pub fn is_upper(text: &str) -> bool {
    text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase)
}

/// The kind whose type name this line is (`KẾ HOẠCH`).
fn type_name_kind(text: &str) -> Option<Kind> {
    let t = normal(text);
    if !is_upper(&t) {
        return None;
    }
    Kind::all().find(|k| k.heading().is_some_and(|h| h == t))
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| text.starts_with(p))
}

fn mostly_italic(p: &Para) -> bool {
    let (italic, all) = p.visible_spans().fold((0, 0), |(i, a), s| {
        let n = s.text.chars().count();
        (i + if s.italic { n } else { 0 }, a + n)
    });
    all > 0 && italic * 2 > all
}

pub fn recognise(doc: &ReadDoc) -> Elements {
    let paras = &doc.paras;
    let mut e = Elements::default();
    let in_zone = |zone: Zone| (0..paras.len()).filter(move |&i| paras[i].zone == zone);

    e.national_title = (0..paras.len()).find(|&i| is_national_title(&paras[i].text));
    e.motto = (0..paras.len())
        .skip(e.national_title.unwrap_or(0))
        .take(6)
        .find(|&i| is_motto(&paras[i].text));

    // Left column: parent and issuer above `Số:`, V/v lines under it.
    let left: Vec<usize> = in_zone(Zone::HeaderLeft).collect();
    e.number = left
        .iter()
        .copied()
        .find(|&i| normal(&paras[i].text).starts_with("Số"));
    let above_number = left
        .iter()
        .copied()
        .take_while(|&i| Some(i) != e.number)
        .filter(|&i| !paras[i].text.trim().is_empty());
    for i in above_number {
        let bold = paras[i].visible_spans().any(|s| s.bold);
        if bold || !e.issuer.is_empty() {
            e.issuer.push(i);
        } else {
            e.parent.push(i);
        }
    }
    // With no bold line the last one is the issuer (a plain, wrong issuer).
    if e.issuer.is_empty() {
        if let Some(last) = e.parent.pop() {
            e.issuer.push(last);
        }
    }
    if let Some(v) = left
        .iter()
        .position(|&i| normal(&paras[i].text).starts_with("V/v"))
    {
        e.subject.push(left[v]);
        for &i in &left[v + 1..] {
            // Continuation lines of the subject, not the urgency/secrecy marks.
            if is_upper(&normal(&paras[i].text)) {
                break;
            }
            e.subject.push(i);
        }
    }
    e.place_date = in_zone(Zone::HeaderRight).find(|&i| is_place_date(&paras[i].text));

    // Type name and summary: the first body line that is a type name.
    // A stamp read after the Kính gửi line it stands beside (HỎA TỐC
    // under MẬT) is in the header's zone but does not end the header there.
    // (The circulation notice above the header is no body.)
    let in_header = |i: usize| matches!(paras[i].zone, Zone::HeaderLeft | Zone::HeaderRight);
    let first_header = (0..paras.len()).find(|&i| in_header(i)).unwrap_or(0);
    let first_body = (first_header..paras.len())
        .find(|&i| paras[i].zone == Zone::Body)
        .unwrap_or(paras.len());
    let header_end = (0..paras.len())
        .rev()
        .find(|&i| matches!(paras[i].zone, Zone::HeaderLeft | Zone::HeaderRight))
        .map_or(0, |i| i + 1)
        .min(first_body);
    let sign_start = (0..paras.len())
        .find(|&i| matches!(paras[i].zone, Zone::SignLeft | Zone::SignRight))
        .unwrap_or(paras.len());
    let mut cursor = header_end;
    if let Some(t) = (header_end..sign_start.min(header_end + 4))
        .find(|&i| type_name_kind(&paras[i].text).is_some())
    {
        e.type_name = Some(t);
        e.kind = type_name_kind(&paras[t].text);
        cursor = t + 1;
        // Giấy giới thiệu, Giấy nghỉ phép: the rule may stand right under
        // the type name, with no summary (templates 1.8, 1.10).
        let no_summary = e.kind.is_some_and(Kind::summary_optional)
            && (paras[t].rule_below.is_some()
                || paras.get(cursor).is_some_and(|p| p.text.trim().is_empty()));
        while !no_summary && cursor < sign_start && e.summary.len() < 6 {
            let p = &paras[cursor];
            let centred = p.align.is_none_or(|a| a == Align::Center);
            if !centred || starts_with_any(&p.text, &["Căn cứ", "Kính gửi"]) {
                break;
            }
            e.summary.push(cursor);
            cursor += 1;
            if p.rule_below.is_some() {
                break;
            }
        }
    } else if !e.subject.is_empty() {
        e.kind = Some(Kind::CongVan);
    }
    if e.kind.is_none() {
        e.kind = e.number.and_then(|i| symbol_kind(&paras[i].text));
    }

    // Quyết định and Nghị quyết: the authority line in capitals before the
    // bases; a Công điện's sender, `THỦ TƯỚNG CHÍNH PHỦ điện:` (template 1.6).
    if cursor < sign_start
        && e.kind
            .is_some_and(|k| matches!(k, Kind::QuyetDinh | Kind::NghiQuyet))
    {
        let p = &paras[cursor];
        if is_upper(&normal(&p.text)) && !p.text.contains(':') {
            e.authority = Some(cursor);
            cursor += 1;
        }
    }
    if cursor < sign_start && e.kind == Some(Kind::CongDien) {
        let text = normal(&paras[cursor].text);
        if text.strip_suffix(" điện:").is_some_and(is_upper) {
            cursor += 1;
        }
    }
    // Kính gửi and its dash lines.
    if cursor < sign_start && paras[cursor].text.trim_start().starts_with("Kính gửi") {
        e.addressees.push(cursor);
        let one_line = normal(&paras[cursor].text).len() > "Kính gửi:".len() + 1;
        cursor += 1;
        while !one_line && cursor < sign_start {
            // A stamp beside the list (HỎA TỐC under MẬT) is read between
            // two addressees: it belongs to the header, not to the list.
            if matches!(paras[cursor].zone, Zone::HeaderLeft | Zone::HeaderRight) {
                cursor += 1;
                continue;
            }
            let t = normal(&paras[cursor].text);
            if !t.starts_with('-') {
                break;
            }
            e.addressees.push(cursor);
            cursor += 1;
            if t.ends_with('.') {
                break;
            }
        }
    }
    // Bases: lines starting Căn cứ / Theo đề nghị / Xét, italic as the
    // decree sets them. A Quyết định's or Nghị quyết's are its bases however
    // they are set (the rule then says they should be italic); a Kế
    // hoạch's upright "Căn cứ …, … ban hành Kế hoạch" is its opening.
    let decides = e
        .kind
        .is_some_and(|k| matches!(k, Kind::QuyetDinh | Kind::NghiQuyet));
    while cursor < sign_start {
        let p = &paras[cursor];
        let t = normal(&p.text);
        if (decides || mostly_italic(p))
            && starts_with_any(&t, &["Căn cứ", "Theo đề nghị", "Xét", "Theo"])
        {
            e.bases.push(cursor);
            cursor += 1;
        } else {
            break;
        }
    }
    for (i, p) in paras.iter().enumerate().take(sign_start).skip(cursor) {
        match p.zone {
            Zone::Table => {}
            _ => {
                if e.decision_word.is_none()
                    && matches!(normal(&p.text).as_str(), "QUYẾT ĐỊNH:" | "QUYẾT NGHỊ:")
                {
                    e.decision_word = Some(i);
                } else {
                    e.body.push(i);
                }
            }
        }
    }

    // Nơi nhận and the signer.
    let sign: Vec<usize> = (sign_start..paras.len())
        .filter(|&i| matches!(paras[i].zone, Zone::SignLeft | Zone::SignRight))
        .collect();
    for &i in &sign {
        let t = normal(&paras[i].text);
        if paras[i].zone == Zone::SignLeft {
            if t.starts_with("Nơi nhận") && e.recipients_label.is_none() {
                e.recipients_label = Some(i);
            } else if e.recipients_label.is_some() {
                e.recipients.push(i);
            }
        } else {
            e.signer.push(i);
        }
    }
    let after_sign = sign.last().map_or(paras.len(), |&i| i + 1);
    // A Phụ lục by its label; a text the document issues (a Quyết định's
    // Quy chế, template 1.3) by its type name with `(Ban hành kèm theo …`
    // under its title.
    let issued = |i: usize| {
        type_name_kind(&paras[i].text).is_some()
            && paras[i + 1..paras.len().min(i + 5)]
                .iter()
                .any(|p| normal(&p.text).starts_with("(Ban hành kèm theo"))
    };
    e.appendices = (after_sign..paras.len())
        .filter(|&i| normal(&paras[i].text).starts_with("Phụ lục") || issued(i))
        .collect();
    e
}

/// The kind named by a symbol's abbreviation (`1026/KH-VP` → Kế hoạch).
fn symbol_kind(number_line: &str) -> Option<Kind> {
    let symbol = number_line.split('/').nth(1)?;
    let abbreviation = symbol.split('-').next()?.trim();
    Kind::all().find(|k| k.abbreviation() == Some(abbreviation))
}
