//! vanban-copy: the paper copy (bản sao sang định dạng giấy, Decree 30
//! App. I part II.2): the copied PDF's pages as they are, then the copy's
//! block under a solid rule across the text block — on the last page,
//! under its last mark, when it fits there above the bottom margin, else
//! on a page of its own.
//!
//! The block is composed by `vanban::compose::copy` (a document's header
//! and signature composers, the style sheet's numbers) and set by
//! vanban-pdf, as documents are; [`merge`] draws that page onto the copied
//! PDF as a form XObject. The copied PDF is read by the linter's bounded
//! reader, within its limits.

mod merge;

use vanban::compose::copy as compose;
use vanban::copy::CopyBlock;
use vanban::metrics::FontSet;
use vanban_i18n::msg;
use vanban_lint::LintLimits;

pub use vanban_pdf::Options;

/// Why a paper copy could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    /// The copied PDF cannot be read (or passes a limit).
    #[error("{}", msg!("copy-page-unreadable", reason = .0.to_string()))]
    Read(#[from] vanban_lint::ReadError),
    /// The block itself cannot be set (fonts).
    #[error(transparent)]
    Render(#[from] vanban_pdf::Error),
    /// A block taller than a page's text block (a very long Nơi nhận).
    #[error("{}", msg!("copy-block-too-tall", height = format!("{:.0}", .0)))]
    TooTall(f32),
    #[error("{}", msg!("copy-merge-failed", reason = .0.clone()))]
    Merge(String),
}

/// Where the block went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// The 1-based page the block stands on.
    pub page: usize,
    /// Its rule, mm from the page's top.
    pub top: f32,
    /// It has a page of its own (it did not fit under the copied text).
    pub new_page: bool,
}

/// The paper copy of `original`: its pages with `copy`'s block added.
pub fn paper(
    original: &[u8],
    copy: &CopyBlock,
    options: &Options,
    limits: &LintLimits,
) -> Result<(Vec<u8>, Placement), CopyError> {
    if original.len() as u64 > limits.max_file_bytes {
        return Err(CopyError::Read(vanban_lint::ReadError::Limit(
            vanban_lint::limits::Exceeded {
                place: "the file".into(),
                what: "bytes",
                limit: limits.max_file_bytes,
                flag: "--max-file-bytes",
            },
        )));
    }
    let mut doc = vanban_lint::pdf::load(original, limits)?;
    let (last, page_id, marks) = vanban_lint::pdf::last_page_marks(&doc, limits)?;
    let fonts = options.fonts;
    let style = &copy.doc.style;
    let under = merge::drawable(&doc, page_id, style)
        .then(|| compose::top_under(copy, fonts, lowest(&marks, style)))
        .flatten();
    // Measured to fit under the text; set, it must stay on one page (else
    // it takes a page of its own).
    let under = match under.map(|top| (render_block(copy, fonts, top), top)) {
        Some((Ok(block), top)) => Some((block, top)),
        Some((Err(CopyError::TooTall(_)), _)) | None => None,
        Some((Err(e), _)) => return Err(e),
    };
    let (block, top, new_page) = match under {
        Some((block, top)) => (block, top, false),
        None => (
            render_block(copy, fonts, style.margins.top)?,
            style.margins.top,
            true,
        ),
    };
    merge::add(&mut doc, page_id, &block, new_page, style).map_err(CopyError::Merge)?;
    merge::as_one_revision(&mut doc);
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| CopyError::Merge(e.to_string()))?;
    let page = if new_page { last + 1 } else { last };
    Ok((
        out,
        Placement {
            page,
            top,
            new_page,
        },
    ))
}

/// The lowest mark of the page inside its text block: a mark in the
/// bottom margin is a footer (a page number), not text the block must
/// clear, and the block stays above that margin anyway.
fn lowest(marks: &vanban_lint::pdf::PageMarks, style: &vanban::Style) -> Option<f32> {
    let footer = marks.height - style.margins.bottom;
    marks
        .marks
        .iter()
        .filter(|(top, _)| *top < footer)
        .map(|&(_, bottom)| bottom)
        .fold(None, |low: Option<f32>, b| {
            Some(low.map_or(b, |l| l.max(b)))
        })
}

/// The block alone on one page, its rule `top` mm from the top; a block
/// that would run onto a second page is refused.
fn render_block(copy: &CopyBlock, fonts: &FontSet, top: f32) -> Result<Vec<u8>, CopyError> {
    let composition = compose::composition(copy, fonts, top);
    let bytes = vanban_pdf::render_composition(&copy.doc, &composition, &Options { fonts })?;
    let pages = lopdf::Document::load_mem(&bytes)
        .map_err(|e| CopyError::Merge(e.to_string()))?
        .get_pages()
        .len();
    if pages != 1 {
        let tall = vanban::style::pt_to_mm(compose::height(copy, fonts));
        return Err(CopyError::TooTall(tall));
    }
    Ok(bytes)
}
