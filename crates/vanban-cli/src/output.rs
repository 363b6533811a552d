//! The command line's side of the output layer (`vanban-output`): reading
//! `--format` and `--fonts`, and where a run's files go.

use std::path::{Path, PathBuf};

use vanban::metrics::FontSet;
use vanban::Document;
use vanban_output::{Format, Options};

/// The formats asked for on the command line, in order, without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formats(pub Vec<Format>);

/// Reads a comma-separated list of formats: `docx,pdf`.
pub fn parse_formats(list: &str) -> Result<Formats, String> {
    Format::parse_list(list)
        .map(Formats)
        .map_err(|e| e.to_string())
}

/// Where and how a run writes: folder, formats and PDF fonts.
/// Writes one document's files under a stem; returns the paths written.
pub type WriteFn<'a> =
    dyn Fn(&Document, &str) -> Result<Vec<PathBuf>, vanban_output::Error> + Sync + 'a;

pub struct Output {
    pub dir: PathBuf,
    pub formats: Vec<Format>,
    /// `--fonts`, or `None` for the built-in Liberation Serif.
    pub fonts: Option<FontSet>,
    /// `--pdfa`: PDFs as PDF/A-2b.
    pub pdfa: bool,
    /// `render --sign`: PDFs signed as they are rendered.
    pub signing: Option<vanban_sign::Signing>,
}

impl Output {
    /// The PDF fonts: `--fonts`, or the built-in Liberation Serif.
    pub fn fonts(&self) -> &FontSet {
        self.fonts.as_ref().unwrap_or(FontSet::liberation_serif())
    }

    /// Renders `doc` and writes `dir/stem.EXT` for every format as one set.
    pub fn write(&self, doc: &Document, stem: &str) -> Result<Vec<PathBuf>, vanban_output::Error> {
        let options = Options {
            fonts: self.fonts.as_ref().unwrap_or(FontSet::liberation_serif()),
            pdfa: self.pdfa,
            signing: self.signing.as_ref(),
            ..Options::default()
        };
        vanban_output::write_document(doc, &self.dir, stem, &self.formats, &options)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}
