//! Puts the children of property elements in the order ECMA-376 requires.
//!
//! docx-rs 0.4.22 writes some children out of schema order (`w:rPr` first in
//! `w:pPr`, `w:headerReference` after `w:pgSz` in `w:sectPr`, …). LibreOffice
//! does not mind; Word may refuse the file. The fix is a stable sort of each
//! property element's children by their rank in the schema's sequence.

/// (container, its children in schema order). Sources: ECMA-376 Part 1,
/// CT_PPrBase + CT_PPr, CT_RPr, CT_SectPr, CT_TblPr, CT_TcPr.
const SEQUENCES: [(&str, &[&str]); 5] = [
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:ins",
            "w:del",
            "w:moveFrom",
            "w:moveTo",
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
        ],
    ),
    (
        "w:sectPr",
        &[
            "w:headerReference",
            "w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
];

/// Reorders the property elements of a WordprocessingML part.
pub fn fix(xml: &str) -> String {
    let mut xml = xml.to_string();
    for (container, order) in SEQUENCES {
        xml = sort_children(&xml, container, order);
    }
    xml
}

/// The ranks of the children of `w:ind` and friends are not needed: only the
/// containers above carry sequences that docx-rs gets wrong.
fn sort_children(xml: &str, container: &str, order: &[&str]) -> String {
    let open = format!("<{container}>");
    let close = format!("</{container}>");
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find(&open) {
        let content_start = start + open.len();
        let Some(children) = split_children(&rest[content_start..], &close) else {
            break;
        };
        out.push_str(&rest[..content_start]);
        let mut sorted = children.items.clone();
        let rank = |child: &&str| {
            let name = element_name(child);
            order.iter().position(|n| *n == name).unwrap_or(order.len())
        };
        sorted.sort_by_key(rank);
        for child in sorted {
            out.push_str(child);
        }
        out.push_str(&close);
        rest = &rest[content_start + children.length + close.len()..];
    }
    out.push_str(rest);
    out
}

struct Children<'a> {
    items: Vec<&'a str>,
    /// Bytes from the first child to the container's closing tag.
    length: usize,
}

/// Splits the content of a container into its top-level child elements.
fn split_children<'a>(content: &'a str, close: &str) -> Option<Children<'a>> {
    let mut items = Vec::new();
    let mut position = 0;
    loop {
        let here = &content[position..];
        if here.starts_with(close) {
            return Some(Children {
                items,
                length: position,
            });
        }
        if !here.starts_with('<') {
            return None;
        }
        let length = element_length(here)?;
        items.push(&here[..length]);
        position += length;
    }
}

/// Length of the element starting at `xml[0]`, nested elements included.
fn element_length(xml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut position = 0;
    loop {
        let tag_end = position + xml[position..].find('>')? + 1;
        let tag = &xml[position..tag_end];
        if tag.starts_with("</") {
            depth = depth.checked_sub(1)?;
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        if depth == 0 {
            return Some(tag_end);
        }
        position = tag_end + xml[tag_end..].find('<')?;
    }
}

fn element_name(element: &str) -> &str {
    let name = &element[1..];
    let end = name
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(name.len());
    &name[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_properties_follow_the_schema() {
        let xml = r#"<w:p><w:pPr><w:rPr><w:sz w:val="28" /><w:b /></w:rPr><w:jc w:val="center" /><w:ind w:left="0" /><w:spacing w:before="0" /><w:keepNext /></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#;
        assert_eq!(
            fix(xml),
            r#"<w:p><w:pPr><w:keepNext /><w:spacing w:before="0" /><w:ind w:left="0" /><w:jc w:val="center" /><w:rPr><w:b /><w:sz w:val="28" /></w:rPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn header_references_come_first_in_a_section() {
        let xml = r#"<w:sectPr><w:pgSz w:w="11906" /><w:pgMar w:top="1134" /><w:headerReference w:type="default" r:id="rId4" /><w:titlePg /></w:sectPr>"#;
        assert_eq!(
            fix(xml),
            r#"<w:sectPr><w:headerReference w:type="default" r:id="rId4" /><w:pgSz w:w="11906" /><w:pgMar w:top="1134" /><w:titlePg /></w:sectPr>"#
        );
    }

    #[test]
    fn nested_children_move_whole() {
        let xml = "<w:pPr><w:pBdr><w:top w:val=\"single\" /></w:pBdr><w:keepNext /></w:pPr>";
        assert_eq!(
            fix(xml),
            "<w:pPr><w:keepNext /><w:pBdr><w:top w:val=\"single\" /></w:pBdr></w:pPr>"
        );
    }

    #[test]
    fn text_outside_containers_is_untouched() {
        let xml = "<w:body><w:p><w:r><w:t>a &lt;w:pPr&gt; b</w:t></w:r></w:p></w:body>";
        assert_eq!(fix(xml), xml);
    }
}
