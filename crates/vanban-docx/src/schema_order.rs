//! Puts the children of property elements in the order ECMA-376 requires.
//!
//! docx-rs 0.4.22 writes some children out of schema order (`w:rPr` first in
//! `w:pPr`, `w:headerReference` after `w:pgSz` in `w:sectPr`, …). LibreOffice
//! does not mind; Word may refuse the file. The fix is a stable sort of each
//! property element's children by their rank in the schema's sequence.

use vanban::compose::symbols::NO_BREAK_HYPHEN;

/// (container, its children in schema order). Sources: ECMA-376 Part 1,
/// CT_PPrBase + CT_PPr, CT_RPr, CT_SectPr, CT_TblPr, CT_TcPr, CT_Style,
/// CT_Settings (the children docx-rs writes), CT_PBdr, CT_TblBorders,
/// CT_TcBorders.
const SEQUENCES: [(&str, &[&str]); 10] = [
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
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:hidden",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:mirrorMargins",
            "w:evenAndOddHeaders",
            "w:trackRevisions",
            "w:documentProtection",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:characterSpacingControl",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:tblBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
        ],
    ),
    (
        "w:tcBorders",
        &[
            "w:top",
            "w:left",
            "w:start",
            "w:bottom",
            "w:right",
            "w:end",
            "w:insideH",
            "w:insideV",
            "w:tl2br",
            "w:tr2bl",
        ],
    ),
];

/// Reorders the property elements of a WordprocessingML part, in one pass.
pub fn fix(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    copy_fixed(xml, &mut out);
    out
}

/// Copies `xml` into `out`, sorting the children of every container that has a
/// schema sequence (recursively, so `w:rPr` inside `w:pPr` is sorted too).
fn copy_fixed(xml: &str, out: &mut String) {
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[..=gt];
        out.push_str(tag);
        rest = &rest[gt + 1..];
        if tag.starts_with("</") || tag.ends_with("/>") {
            continue;
        }
        let name = element_name(tag);
        let Some(order) = sequence(name) else {
            continue;
        };
        let close = format!("</{name}>");
        let Some(children) = split_children(rest, &close) else {
            continue;
        };
        let mut sorted: Vec<(usize, String)> = children
            .items
            .iter()
            .map(|child| {
                let mut fixed = String::with_capacity(child.len());
                copy_fixed(child, &mut fixed);
                let name = element_name(child);
                let rank = order.iter().position(|n| *n == name).unwrap_or(order.len());
                (rank, fixed)
            })
            .collect();
        // Stable: children the schema repeats keep their order.
        sorted.sort_by_key(|(rank, _)| *rank);
        for (_, child) in sorted {
            out.push_str(&child);
        }
        out.push_str(&close);
        rest = &rest[children.length + close.len()..];
    }
    out.push_str(rest);
}

fn sequence(name: &str) -> Option<&'static [&'static str]> {
    SEQUENCES
        .iter()
        .find(|(container, _)| *container == name)
        .map(|(_, order)| *order)
}

/// A row height no real row has (1/20 pt); header rows carry it so that the
/// package step can write the `w:tblHeader` docx-rs has no setter for.
pub const HEADER_ROW_MARK_HEIGHT: f32 = 1.0;
const HEADER_ROW_MARK: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Further repairs of what docx-rs writes that the schema does not allow:
/// `w:type` on `w:gridCol`, and a run-properties child in the paragraph
/// properties of styles and numbering levels (CT_PPrGeneral has none); and
/// the repeated table header rows it cannot write.
pub fn fix_part(name: &str, xml: &str) -> String {
    let mut xml = fix(xml);
    if name == "word/document.xml" || name.starts_with("word/header") {
        xml = strip_grid_column_types(&xml).replace(HEADER_ROW_MARK, "<w:tblHeader />");
        xml = no_break_hyphens(&xml);
    }
    if name == "word/styles.xml" || name == "word/numbering.xml" {
        xml = xml
            .replace("<w:rPr /></w:pPr>", "</w:pPr>")
            .replace("<w:pPr></w:pPr>", "<w:pPr />");
    }
    xml
}

/// Each U+2011 in a run's text as `w:noBreakHyphen`, the hyphen Word and
/// LibreOffice never break after (docx-rs has no writer for it).
fn no_break_hyphens(xml: &str) -> String {
    if !xml.contains(NO_BREAK_HYPHEN) {
        return xml.to_string();
    }
    xml.replace(
        NO_BREAK_HYPHEN,
        r#"</w:t><w:noBreakHyphen /><w:t xml:space="preserve">"#,
    )
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

/// `<w:gridCol w:w="3685" w:type="dxa" />` → `<w:gridCol w:w="3685" />`.
fn strip_grid_column_types(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find("<w:gridCol ") {
        let end = start + rest[start..].find('>').expect("a tag ends") + 1;
        out.push_str(&rest[..start]);
        let tag = &rest[start..end];
        match tag.find(" w:type=\"") {
            Some(at) => {
                let value_end = at + 9 + tag[at + 9..].find('"').expect("a quoted value") + 1;
                out.push_str(&tag[..at]);
                out.push_str(&tag[value_end..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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
    fn containers_with_attributes_and_settings() {
        let xml = r#"<w:settings xmlns:w="x"><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" /></w:settings>"#;
        assert_eq!(
            fix(xml),
            r#"<w:settings xmlns:w="x"><w:zoom w:percent="100" /><w:defaultTabStop w:val="840" /></w:settings>"#
        );
        let style = r#"<w:style w:type="paragraph"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"#;
        assert_eq!(
            fix_part("word/styles.xml", style),
            r#"<w:style w:type="paragraph"><w:name w:val="Normal" /><w:qFormat /><w:pPr /><w:rPr /></w:style>"#
        );
    }

    #[test]
    fn grid_columns_lose_the_undeclared_type() {
        let xml = r#"<w:tblW w:w="9354" w:type="dxa" /><w:tblGrid><w:gridCol w:w="3685" w:type="dxa" /></w:tblGrid>"#;
        assert_eq!(
            fix_part("word/document.xml", xml),
            r#"<w:tblW w:w="9354" w:type="dxa" /><w:tblGrid><w:gridCol w:w="3685" /></w:tblGrid>"#
        );
    }

    #[test]
    fn text_outside_containers_is_untouched() {
        let xml = "<w:body><w:p><w:r><w:t>a &lt;w:pPr&gt; b</w:t></w:r></w:p></w:body>";
        assert_eq!(fix(xml), xml);
    }
}
