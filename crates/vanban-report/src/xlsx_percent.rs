//! Which cells of an `.xlsx` sheet are formatted as percentages.
//!
//! Excel stores `95,1 %` as the number `0.951` with a percent format; the
//! sheet reader gives the number only, and a report would print `0,95`.
//! This reads the workbook's styles (`xl/styles.xml`: built-in formats 9
//! and 10, or a custom format with `%`) and the sheet's cells that use them,
//! so those cells can be read as the percentage people see.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// References (`B7`) of the cells of sheet `sheet` shown as percentages.
/// An unreadable package gives an empty set: the sheet reader reports it.
/// `package` is the workbook's bytes, already held to the limits (`book.rs`).
pub fn percent_cells(package: &[u8], sheet: &str) -> HashSet<String> {
    read(package, sheet).unwrap_or_default()
}

fn read(package: &[u8], sheet: &str) -> Option<HashSet<String>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).ok()?;
    let mut part = |name: &str| -> Option<String> {
        let mut text = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let styles = percent_styles(&part("xl/styles.xml")?);
    if styles.is_empty() {
        return Some(HashSet::new());
    }
    let id = sheet_relation(&part("xl/workbook.xml")?, sheet)?;
    let target = relation_target(&part("xl/_rels/workbook.xml.rels")?, &id)?;
    let target = target.trim_start_matches('/');
    let target = target.strip_prefix("xl/").unwrap_or(target);
    let sheet_xml = part(&format!("xl/{target}"))?;
    Some(cells_with_styles(&sheet_xml, &styles))
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw).map_or(raw.clone(), |v| v.into_owned())
        })
}

/// An element as the parts below read them.
enum Tag<'a> {
    /// A start tag (`open`) or an empty element.
    Start {
        e: &'a BytesStart<'a>,
        open: bool,
    },
    End,
}

/// Calls `f` with the local name of every start, empty and end tag.
fn each_element(xml: &str, mut f: impl FnMut(&[u8], Tag<'_>)) {
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => f(e.local_name().as_ref(), Tag::Start { e: &e, open: true }),
            Ok(Event::Empty(e)) => f(e.local_name().as_ref(), Tag::Start { e: &e, open: false }),
            Ok(Event::End(e)) => f(e.local_name().as_ref(), Tag::End),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// Indices into `cellXfs` whose number format shows a percentage.
fn percent_styles(styles: &str) -> HashSet<usize> {
    let mut custom: HashMap<String, bool> = HashMap::new();
    let mut in_cell_xfs = false;
    let mut index = 0;
    let mut found = HashSet::new();
    each_element(styles, |name, tag| match (name, tag) {
        (b"numFmt", Tag::Start { e, .. }) => {
            if let (Some(id), Some(code)) = (attr(e, b"numFmtId"), attr(e, b"formatCode")) {
                custom.insert(id, shows_percent(&code));
            }
        }
        (b"cellXfs", Tag::Start { open, .. }) => in_cell_xfs = open,
        (b"cellXfs", Tag::End) => in_cell_xfs = false,
        (b"xf", Tag::Start { e, .. }) if in_cell_xfs => {
            let id = attr(e, b"numFmtId").unwrap_or_default();
            if matches!(id.as_str(), "9" | "10") || custom.get(&id).copied().unwrap_or(false) {
                found.insert(index);
            }
            index += 1;
        }
        _ => {}
    });
    found
}

/// A format code shows `%` outside quoted text and escapes.
fn shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

fn sheet_relation(workbook: &str, sheet: &str) -> Option<String> {
    let mut found = None;
    each_element(workbook, |name, tag| {
        if let (b"sheet", Tag::Start { e, .. }) = (name, tag) {
            if found.is_none() && attr(e, b"name").as_deref() == Some(sheet) {
                found = attr(e, b"r:id");
            }
        }
    });
    found
}

fn relation_target(rels: &str, id: &str) -> Option<String> {
    let mut found = None;
    each_element(rels, |name, tag| {
        if let (b"Relationship", Tag::Start { e, .. }) = (name, tag) {
            if attr(e, b"Id").as_deref() == Some(id) {
                found = attr(e, b"Target");
            }
        }
    });
    found
}

fn cells_with_styles(sheet: &str, styles: &HashSet<usize>) -> HashSet<String> {
    let mut cells = HashSet::new();
    each_element(sheet, |name, tag| {
        if let (b"c", Tag::Start { e, .. }) = (name, tag) {
            let style = attr(e, b"s").and_then(|s| s.parse::<usize>().ok());
            if let (Some(r), Some(s)) = (attr(e, b"r"), style) {
                if styles.contains(&s) {
                    cells.insert(r);
                }
            }
        }
    });
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        assert!(shows_percent("0.0%"));
        assert!(shows_percent("#,##0.00 %"));
        assert!(!shows_percent("0.0\"%\""));
        assert!(!shows_percent("0\\%"));
        assert!(!shows_percent("dd/mm/yyyy"));
    }

    #[test]
    fn styles_and_cells() {
        let styles = r#"<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
            <cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs>
            <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"></xf><xf numFmtId="14"/></cellXfs></styleSheet>"#;
        let found = percent_styles(styles);
        assert_eq!(found, HashSet::from([1, 2]));
        let sheet = r#"<worksheet><sheetData><row r="2"><c r="A2" s="1"><v>0.5</v></c><c r="B2" s="3"><v>1</v></c><c r="C2" s="2"/></row></sheetData></worksheet>"#;
        assert_eq!(
            cells_with_styles(sheet, &found),
            HashSet::from(["A2".to_string(), "C2".to_string()])
        );
    }
}
