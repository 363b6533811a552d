//! The output layer of vanban, shared by the `vanban` command and the Python
//! package so that both write the same files under the same names:
//!
//! - [`format`]: the output formats and lists of them (`docx,pdf`);
//! - [`render()`]: a [`Document`](vanban::Document) in each format asked for,
//!   with the fonts and style given — the only place that calls the backends;
//! - [`write`]: one document's files written as a set, atomically;
//! - [`names`]: the file-name policy and the collision policy of a run;
//! - [`pool`]: the batch pool (N workers, streaming input, progress, cancellation).

pub mod error;
pub mod format;
pub mod names;
pub mod pool;
pub mod render;
pub mod write;

pub use error::Error;
pub use format::Format;
pub use names::Namer;
pub use pool::{Cancel, Progress};
pub use render::{load_fonts, render, Options, Rendered};
pub use write::write_set;

use std::path::{Path, PathBuf};

/// Renders `doc` in `formats` and writes `dir/stem.EXT` as one set
/// ([`write_set`]); returns the paths written.
pub fn write_document(
    doc: &vanban::Document,
    dir: &Path,
    stem: &str,
    formats: &[Format],
    options: &Options<'_>,
) -> Result<Vec<PathBuf>, Error> {
    write_set(dir, stem, &render(doc, formats, options)?)
}
