//! Word's list numbering (`word/numbering.xml`): the labels (`I.`, `1.`,
//! `a)`) Word prints before numbered paragraphs, counted as Word counts them,
//! so the rules see the text a reader sees.

use std::collections::HashMap;

use roxmltree::Node;

use super::{attr, child, W};
use crate::error::ReadError;

/// The largest list number Word writes.
const MAX_START: u32 = 32767;

struct Level {
    format: String,
    text: String,
    start: u32,
}

/// The lists of a document and their running counters.
#[derive(Default)]
pub struct Lists {
    /// numId → the abstract list's levels.
    levels: HashMap<String, Vec<Level>>,
    counters: HashMap<String, [u32; 9]>,
}

impl Lists {
    pub fn read(xml: Option<&roxmltree::Document>) -> Result<Lists, ReadError> {
        let mut lists = Lists::default();
        let Some(xml) = xml else { return Ok(lists) };
        let root = xml.root_element();
        let mut abstracts: HashMap<&str, Node> = HashMap::new();
        for a in root
            .children()
            .filter(|n| n.has_tag_name((W, "abstractNum")))
        {
            if let Some(id) = attr(a, "abstractNumId") {
                abstracts.insert(id, a);
            }
        }
        for num in root.children().filter(|n| n.has_tag_name((W, "num"))) {
            let (Some(id), Some(abstract_id)) = (
                attr(num, "numId"),
                child(num, "abstractNumId").and_then(|n| attr(n, "val")),
            ) else {
                continue;
            };
            let Some(abstract_node) = abstracts.get(abstract_id) else {
                continue;
            };
            let mut levels: Vec<Level> = (0..9)
                .map(|_| Level {
                    format: "decimal".into(),
                    text: String::new(),
                    start: 1,
                })
                .collect();
            for lvl in abstract_node
                .children()
                .filter(|n| n.has_tag_name((W, "lvl")))
            {
                let Some(i) = attr(lvl, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i < 9 {
                    let value = |name: &str| child(lvl, name).and_then(|n| attr(n, "val"));
                    let start = value("start").and_then(|v| v.parse().ok()).unwrap_or(1);
                    // Word numbers lists up to 32767: a larger start is no
                    // list Word made, and would ask for labels without end.
                    if start > MAX_START {
                        return Err(ReadError::NumberingStart {
                            start: u64::from(start),
                            max: u64::from(MAX_START),
                        });
                    }
                    let text = value("lvlText").unwrap_or("");
                    levels[i] = Level {
                        format: value("numFmt").unwrap_or("decimal").to_string(),
                        // A label is a few characters around its number.
                        text: if text.len() <= 64 { text } else { "" }.to_string(),
                        start,
                    };
                }
            }
            lists.levels.insert(id.to_string(), levels);
        }
        Ok(lists)
    }

    /// The label of the next paragraph of list `id` at `level`, counted.
    pub fn next_label(&mut self, id: &str, level: usize) -> Option<String> {
        let levels = self.levels.get(id)?;
        let level = level.min(8);
        let counters = self.counters.entry(id.to_string()).or_insert([0; 9]);
        counters[level] = counters[level].saturating_add(1);
        // Deeper levels restart under this one.
        for deeper in counters.iter_mut().skip(level + 1) {
            *deeper = 0;
        }
        let mut label = levels[level].text.clone();
        for (k, lvl) in levels.iter().enumerate().take(level + 1) {
            let value = lvl.start.saturating_add(counters[k].max(1) - 1);
            label = label.replace(&format!("%{}", k + 1), &format_number(&lvl.format, value));
        }
        if levels[level].format == "none" || label.is_empty() {
            return None;
        }
        Some(label)
    }
}

fn format_number(format: &str, n: u32) -> String {
    // Beyond Word's range letters and numerals grow without end: digits.
    if n > MAX_START {
        return n.to_string();
    }
    match format {
        "upperRoman" => vanban::vn::roman(n),
        "lowerRoman" => vanban::vn::roman(n).to_lowercase(),
        // Word's letters are the English alphabet: the sixth is `f`.
        // Letters repeat (aa, bbb …) up to 30 times, 780 labels.
        "lowerLetter" if n <= 780 => letter(n),
        "upperLetter" if n <= 780 => letter(n).to_uppercase(),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

fn letter(n: u32) -> String {
    let index = (n.max(1) - 1) % 26;
    let repeat = (n.max(1) - 1) / 26 + 1;
    std::iter::repeat_n((b'a' + index as u8) as char, repeat as usize).collect()
}
