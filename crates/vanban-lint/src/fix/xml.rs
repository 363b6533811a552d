//! Edits to `word/document.xml` as byte ranges of the original text: an
//! element rewritten keeps every child it does not own, copied verbatim, and
//! puts the children it sets where the ECMA-376 schema orders them.

use std::ops::Range;

use roxmltree::Node;

use crate::docx::W;

/// A replacement of `range` in the original text.
#[derive(Debug, Clone)]
pub struct Edit {
    pub range: Range<usize>,
    pub text: String,
}

/// Applies non-overlapping edits (an edit inside another one is dropped).
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
    let mut out = String::with_capacity(source.len() + 1024);
    let mut at = 0;
    for edit in edits {
        if edit.range.start < at {
            continue;
        }
        out.push_str(&source[at..edit.range.start]);
        out.push_str(&edit.text);
        at = edit.range.end;
    }
    out.push_str(&source[at..]);
    out
}

/// Order of the children of `w:pPr` (ECMA-376 CT_PPr).
const PPR_ORDER: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// Order of the children of `w:rPr` (ECMA-376 CT_RPr).
const RPR_ORDER: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

fn rank(order: &[&str], name: &str) -> usize {
    order.iter().position(|n| *n == name).unwrap_or(order.len())
}

/// Rebuilds a properties element (`w:pPr` or `w:rPr`): children named in
/// `set` are replaced (or added, or removed when their text is empty), the
/// rest copied as they were.
fn rebuild(
    source: &str,
    existing: Option<Node>,
    tag: &str,
    order: &[&str],
    set: &[(&str, String)],
) -> String {
    let mut children: Vec<(usize, String)> = Vec::new();
    if let Some(node) = existing {
        for child in node.children().filter(|c| c.is_element()) {
            let name = child.tag_name().name();
            if set.iter().any(|(n, _)| *n == name) {
                continue;
            }
            children.push((rank(order, name), source[child.range()].to_string()));
        }
    }
    for (name, xml) in set {
        if !xml.is_empty() {
            children.push((rank(order, name), xml.clone()));
        }
    }
    children.sort_by_key(|(r, _)| *r);
    let inner: String = children.into_iter().map(|(_, x)| x).collect();
    format!("<w:{tag}>{inner}</w:{tag}>")
}

/// The edit that gives paragraph `p` the paragraph properties in `set`.
pub fn set_paragraph(source: &str, p: Node, set: &[(&str, String)]) -> Edit {
    let ppr = p.children().find(|c| c.has_tag_name((W, "pPr")));
    let text = rebuild(source, ppr, "pPr", PPR_ORDER, set);
    match ppr {
        Some(node) => Edit {
            range: node.range(),
            text,
        },
        None => {
            // Right after the opening tag `<w:p …>`.
            let open_end = source[p.range()]
                .find('>')
                .map_or(p.range().start, |i| p.range().start + i + 1);
            Edit {
                range: open_end..open_end,
                text,
            }
        }
    }
}

/// The edits that give every run of paragraph `p` the run properties in `set`.
pub fn set_runs(source: &str, p: Node, set: &[(&str, String)]) -> Vec<Edit> {
    let mut edits = Vec::new();
    for run in p.descendants().filter(|n| n.has_tag_name((W, "r"))) {
        // Runs of text boxes inside the paragraph belong to other paragraphs.
        if run
            .ancestors()
            .take_while(|a| *a != p)
            .any(|a| a.has_tag_name((W, "txbxContent")))
        {
            continue;
        }
        let rpr = run.children().find(|c| c.has_tag_name((W, "rPr")));
        let text = rebuild(source, rpr, "rPr", RPR_ORDER, set);
        edits.push(match rpr {
            Some(node) => Edit {
                range: node.range(),
                text,
            },
            None => {
                let open_end = source[run.range()]
                    .find('>')
                    .map_or(run.range().start, |i| run.range().start + i + 1);
                Edit {
                    range: open_end..open_end,
                    text,
                }
            }
        });
    }
    edits
}

/// Rewrites an empty element's `w:` attributes (`w:pgMar`, `w:pgSz`),
/// keeping those not in `set`.
pub fn set_attributes(node: Node, tag: &str, set: &[(&str, String)]) -> Edit {
    let mut attrs: Vec<(String, String)> = node
        .attributes()
        .filter(|a| a.namespace() == Some(W))
        .map(|a| (a.name().to_string(), a.value().to_string()))
        .collect();
    for (name, value) in set {
        match attrs.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.clone(),
            None => attrs.push((name.to_string(), value.clone())),
        }
    }
    let attrs: String = attrs
        .iter()
        .map(|(n, v)| format!(" w:{n}=\"{}\"", escape(v)))
        .collect();
    Edit {
        range: node.range(),
        text: format!("<w:{tag}{attrs}/>"),
    }
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `<w:NAME w:val="V"/>`, or `<w:NAME/>` for a toggle set on.
pub fn val(name: &str, value: &str) -> String {
    format!("<w:{name} w:val=\"{}\"/>", escape(value))
}

pub fn toggle(name: &str, on: bool) -> String {
    if on {
        format!("<w:{name}/>")
    } else {
        format!("<w:{name} w:val=\"0\"/>")
    }
}
