//! Effective formatting as Word resolves it: document defaults, then the
//! table style, the paragraph style (with its `basedOn` chain), the
//! character style, then direct formatting; theme fonts looked up in the
//! theme part.

use std::collections::HashMap;

use roxmltree::Node;

use super::{attr, child, twips_to_mm, W};
use crate::model::Align;

/// Run properties; `None` means "not set at this level".
#[derive(Clone, Debug, Default)]
pub struct RunProps {
    pub font: Option<String>,
    pub size: Option<f32>,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub caps: Option<bool>,
    /// `Some(None)`: automatic (black); `Some(Some(rgb))`: a colour.
    pub color: Option<Option<[u8; 3]>>,
}

impl RunProps {
    /// Lays `over` on top of `self`.
    pub fn apply(&mut self, over: &RunProps) {
        if over.font.is_some() {
            self.font.clone_from(&over.font);
        }
        self.size = over.size.or(self.size);
        self.bold = over.bold.or(self.bold);
        self.italic = over.italic.or(self.italic);
        self.caps = over.caps.or(self.caps);
        self.color = over.color.or(self.color);
    }
}

/// Paragraph properties; `None` means "not set at this level".
#[derive(Clone, Debug, Default)]
pub struct ParaProps {
    pub align: Option<Align>,
    pub left: Option<f32>,
    pub right: Option<f32>,
    /// First-line indent (negative: hanging), mm.
    pub first: Option<f32>,
    pub before: Option<f32>,
    pub after: Option<f32>,
    /// Line spacing: (value, rule) as in `w:spacing`.
    pub line: Option<(f32, LineRule)>,
    pub bottom_border: Option<bool>,
    /// Word list numbering: `Some(None)` switched off, `Some(Some((numId, level)))`.
    pub numbering: Option<Option<(String, usize)>>,
    pub page_break_before: Option<bool>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineRule {
    /// A multiple of single spacing.
    Auto,
    /// Points, exact or at least.
    Points,
}

impl ParaProps {
    pub fn apply(&mut self, over: &ParaProps) {
        self.align = over.align.or(self.align);
        self.left = over.left.or(self.left);
        self.right = over.right.or(self.right);
        self.first = over.first.or(self.first);
        self.before = over.before.or(self.before);
        self.after = over.after.or(self.after);
        self.line = over.line.or(self.line);
        self.bottom_border = over.bottom_border.or(self.bottom_border);
        // A level given alone keeps the list of the style underneath.
        self.numbering = match (&over.numbering, &self.numbering) {
            (Some(Some((id, level))), _) if id.is_empty() => self
                .numbering
                .clone()
                .map(|n| n.map(|(base, _)| (base, *level))),
            (Some(n), _) => Some(n.clone()),
            (None, n) => n.clone(),
        };
        self.page_break_before = over.page_break_before.or(self.page_break_before);
    }
}

struct StyleDef {
    based_on: Option<String>,
    para: ParaProps,
    run: RunProps,
}

/// The style sheet of a DOCX (`word/styles.xml`) and its theme fonts.
pub struct Styles {
    defs: HashMap<String, StyleDef>,
    default_para: Option<String>,
    defaults_para: ParaProps,
    defaults_run: RunProps,
    theme: Theme,
}

/// The theme's major (headings) and minor (body) Latin fonts.
#[derive(Default)]
pub struct Theme {
    pub major: Option<String>,
    pub minor: Option<String>,
}

impl Theme {
    pub fn read(xml: Option<&roxmltree::Document>) -> Theme {
        const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
        let Some(xml) = xml else {
            return Theme::default();
        };
        let latin = |name: &str| {
            xml.descendants()
                .find(|n| n.has_tag_name((A, name)))
                .and_then(|n| n.children().find(|c| c.has_tag_name((A, "latin"))))
                .and_then(|n| n.attribute("typeface"))
                .map(str::to_string)
        };
        Theme {
            major: latin("majorFont"),
            minor: latin("minorFont"),
        }
    }
}

impl Styles {
    pub fn read(xml: Option<&roxmltree::Document>, theme: Theme) -> Styles {
        let mut styles = Styles {
            defs: HashMap::new(),
            default_para: None,
            defaults_para: ParaProps::default(),
            defaults_run: RunProps::default(),
            theme,
        };
        let Some(xml) = xml else {
            return styles;
        };
        let root = xml.root_element();
        if let Some(defaults) = child(root, "docDefaults") {
            if let Some(r) = child(defaults, "rPrDefault").and_then(|n| child(n, "rPr")) {
                styles.defaults_run = styles.run_props(r);
            }
            if let Some(p) = child(defaults, "pPrDefault").and_then(|n| child(n, "pPr")) {
                styles.defaults_para = para_props(p);
            }
        }
        for style in root.children().filter(|n| n.has_tag_name((W, "style"))) {
            let Some(id) = attr(style, "styleId") else {
                continue;
            };
            if attr(style, "type") == Some("paragraph") && is_on(attr(style, "default")) {
                styles.default_para = Some(id.to_string());
            }
            let def = StyleDef {
                based_on: child(style, "basedOn")
                    .and_then(|n| attr(n, "val"))
                    .map(str::to_string),
                para: child(style, "pPr").map(para_props).unwrap_or_default(),
                run: child(style, "rPr")
                    .map(|r| styles.run_props(r))
                    .unwrap_or_default(),
            };
            styles.defs.insert(id.to_string(), def);
        }
        styles
    }

    /// The effective properties of a paragraph with style `para_style` in a
    /// table with style `table_style`, before direct formatting.
    pub fn base(
        &self,
        table_style: Option<&str>,
        para_style: Option<&str>,
    ) -> (ParaProps, RunProps) {
        let mut para = self.defaults_para.clone();
        let mut run = self.defaults_run.clone();
        for id in [table_style, para_style.or(self.default_para.as_deref())]
            .into_iter()
            .flatten()
        {
            for def in self.chain(id) {
                para.apply(&def.para);
                run.apply(&def.run);
            }
        }
        (para, run)
    }

    /// A character style's run properties, with its chain.
    pub fn character(&self, id: &str) -> RunProps {
        let mut run = RunProps::default();
        for def in self.chain(id) {
            run.apply(&def.run);
        }
        run
    }

    /// The style and its ancestors, the root first; cycles are cut.
    fn chain(&self, id: &str) -> Vec<&StyleDef> {
        let mut chain = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(def) = self.defs.get(id) else { break };
            if chain.len() > 32 {
                break;
            }
            chain.push(def);
            next = def.based_on.as_deref();
        }
        chain.reverse();
        chain
    }

    /// Run properties written in a `w:rPr`.
    pub fn run_props(&self, rpr: Node) -> RunProps {
        let mut props = RunProps::default();
        if let Some(fonts) = child(rpr, "rFonts") {
            let theme = |name: Option<&str>| match name {
                Some(n) if n.starts_with("major") => self.theme.major.clone(),
                Some(n) if n.starts_with("minor") => self.theme.minor.clone(),
                _ => None,
            };
            // Vietnamese letters are outside ASCII, so Word sets them in the
            // hAnsi font; a theme attribute wins over a named one.
            props.font = theme(attr(fonts, "hAnsiTheme"))
                .or_else(|| attr(fonts, "hAnsi").map(str::to_string))
                .or_else(|| theme(attr(fonts, "asciiTheme")))
                .or_else(|| attr(fonts, "ascii").map(str::to_string));
        }
        props.size = child(rpr, "sz")
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse::<f32>().ok())
            .map(|half| half / 2.0);
        props.bold = child(rpr, "b").map(toggle);
        props.italic = child(rpr, "i").map(toggle);
        props.caps = child(rpr, "caps").map(toggle);
        props.color = child(rpr, "color")
            .and_then(|n| attr(n, "val"))
            .map(hex_color);
        props
    }
}

/// Paragraph properties written in a `w:pPr`.
pub fn para_props(ppr: Node) -> ParaProps {
    let mut props = ParaProps {
        align: child(ppr, "jc")
            .and_then(|n| attr(n, "val"))
            .map(|v| match v {
                "both" | "distribute" | "lowKashida" | "mediumKashida" | "highKashida"
                | "thaiDistribute" => Align::Justify,
                "center" => Align::Center,
                "right" | "end" => Align::Right,
                _ => Align::Left,
            }),
        ..ParaProps::default()
    };
    if let Some(ind) = child(ppr, "ind") {
        let twips = |name: &str| attr(ind, name).and_then(|v| v.parse::<f32>().ok());
        props.left = twips("left").or_else(|| twips("start")).map(twips_to_mm);
        props.right = twips("right").or_else(|| twips("end")).map(twips_to_mm);
        props.first = match (twips("firstLine"), twips("hanging")) {
            (_, Some(h)) => Some(-twips_to_mm(h)),
            (Some(f), None) => Some(twips_to_mm(f)),
            _ => None,
        };
    }
    if let Some(spacing) = child(ppr, "spacing") {
        let number = |name: &str| attr(spacing, name).and_then(|v| v.parse::<f32>().ok());
        props.before = number("before").map(|t| t / 20.0);
        props.after = number("after").map(|t| t / 20.0);
        if let Some(line) = number("line") {
            props.line = Some(match attr(spacing, "lineRule") {
                Some("exact") | Some("atLeast") => (line / 20.0, LineRule::Points),
                _ => (line / 240.0, LineRule::Auto),
            });
        }
    }
    if let Some(borders) = child(ppr, "pBdr") {
        props.bottom_border = Some(
            child(borders, "bottom")
                .and_then(|b| attr(b, "val"))
                .is_some_and(|v| v != "none" && v != "nil"),
        );
    }
    if let Some(num) = child(ppr, "numPr") {
        // numId 0 switches numbering off.
        let id = child(num, "numId")
            .and_then(|n| attr(n, "val"))
            .unwrap_or("");
        let level = child(num, "ilvl")
            .and_then(|n| attr(n, "val"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        props.numbering = Some((id != "0").then(|| (id.to_string(), level)));
    }
    props.page_break_before = child(ppr, "pageBreakBefore").map(toggle);
    props
}

/// `w:color`'s value: `auto` or near-black is black.
fn hex_color(value: &str) -> Option<[u8; 3]> {
    if value.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&value[i..i + 2], 16).ok();
    let rgb = [byte(0)?, byte(2)?, byte(4)?];
    (rgb.iter().any(|&c| c > 64)).then_some(rgb)
}

/// A toggle property (`w:b`, `w:i`): on unless its value says off.
fn toggle(node: Node) -> bool {
    !matches!(attr(node, "val"), Some("0" | "false" | "off"))
}

fn is_on(value: Option<&str>) -> bool {
    matches!(value, Some("1" | "true" | "on"))
}
