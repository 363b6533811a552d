//! The rules. Each family reads the recognised elements of the neutral
//! model and pushes findings; none knows which format the facts came from.

mod admin;
mod body;
mod closing;
mod header;
mod ink;
mod page;
mod pictures;
mod title;

use vanban_i18n::msg;

use crate::finding::Finding;
use crate::model::{Para, ReadDoc, SourceFormat, Span};
use crate::recognize::Elements;
use crate::words;

/// What every rule gets: the document, its elements, and where findings go.
pub struct Ctx<'d> {
    pub doc: &'d ReadDoc,
    pub el: &'d Elements,
    pub out: Vec<Finding>,
}

impl<'d> Ctx<'d> {
    pub fn para(&self, i: usize) -> &'d Para {
        &self.doc.paras[i]
    }

    pub fn push(&mut self, finding: Finding) {
        self.out.push(finding);
    }

    pub fn is_pdf(&self) -> bool {
        self.doc.format == SourceFormat::Pdf
    }

    /// Checks the size and emphasis of an element's visible text; one
    /// finding per element, naming every difference.
    pub fn check_style(
        &mut self,
        rule: &'static str,
        element: &str,
        i: usize,
        sizes: (f32, f32),
        bold: Option<bool>,
        italic: Option<bool>,
    ) {
        let para = self.para(i);
        let Some(span) = dominant(para) else { return };
        let mut found = Vec::new();
        let mut expected = Vec::new();
        if span.size < sizes.0 - 0.25 || span.size > sizes.1 + 0.25 {
            found.push(words::pt(span.size));
            expected.push(words::pt_range(sizes.0, sizes.1));
        }
        let (bold_share, italic_share) = shares(para);
        if let Some(b) = bold {
            if b && bold_share < 0.5 {
                found.push(msg!("lint-v-not-bold"));
                expected.push(msg!("lint-v-bold"));
            } else if !b && bold_share > 0.5 {
                found.push(msg!("lint-v-bold"));
                expected.push(msg!("lint-v-not-bold"));
            }
        }
        if let Some(it) = italic {
            if it && italic_share < 0.5 {
                found.push(msg!("lint-v-upright"));
                expected.push(msg!("lint-v-italic"));
            } else if !it && italic_share > 0.5 {
                found.push(msg!("lint-v-italic"));
                expected.push(msg!("lint-v-upright"));
            }
        }
        if !found.is_empty() {
            let f =
                Finding::said(rule, element, words::list(found), words::list(expected)).at(para);
            self.push(f);
        }
    }
}

/// The span holding most of a paragraph's visible characters.
pub fn dominant(para: &Para) -> Option<&Span> {
    para.visible_spans()
        .max_by_key(|s| s.text.chars().filter(|c| !c.is_whitespace()).count())
}

/// Share of visible characters set bold and set italic.
pub fn shares(para: &Para) -> (f32, f32) {
    let (mut bold, mut italic, mut all) = (0usize, 0usize, 0usize);
    for s in para.visible_spans() {
        let n = s.text.chars().filter(|c| !c.is_whitespace()).count();
        all += n;
        if s.bold {
            bold += n;
        }
        if s.italic {
            italic += n;
        }
    }
    if all == 0 {
        return (0.0, 0.0);
    }
    (bold as f32 / all as f32, italic as f32 / all as f32)
}

pub fn quote(text: &str) -> String {
    let t = crate::recognize::normal(text);
    let short: String = t.chars().take(60).collect();
    if short.len() < t.len() {
        format!("`{short}…`")
    } else {
        format!("`{short}`")
    }
}

/// Runs every rule.
pub fn run(doc: &ReadDoc, el: &Elements) -> Vec<Finding> {
    let mut ctx = Ctx {
        doc,
        el,
        out: Vec::new(),
    };
    // A PDF without text (a scan) gets one finding that says so, not one
    // per element it cannot find.
    if ctx.is_pdf() && doc.paras.is_empty() {
        page::pdf_text(&mut ctx);
        return ctx.out;
    }
    page::check(&mut ctx);
    ink::check(&mut ctx);
    header::check(&mut ctx);
    title::check(&mut ctx);
    body::check(&mut ctx);
    closing::check(&mut ctx);
    admin::check(&mut ctx);
    pictures::check(&mut ctx);
    ctx.out
}
