//! Writing rendered documents: every file goes to a temporary file in the
//! target folder first and is renamed into place, so a failed run leaves no
//! partial file and never clobbers a good one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use vanban::metrics::FontSet;
use vanban::Document;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Docx,
    Pdf,
}

impl OutputFormat {
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Docx => "docx",
            OutputFormat::Pdf => "pdf",
        }
    }

    /// Renders with the given PDF fonts (the built-in Liberation Serif by default).
    pub fn render(self, doc: &Document, fonts: &FontSet) -> Vec<u8> {
        match self {
            OutputFormat::Docx => vanban_docx::to_docx(doc),
            OutputFormat::Pdf => vanban_pdf::to_pdf_with_fonts(doc, fonts),
        }
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "docx" => Ok(OutputFormat::Docx),
            "pdf" => Ok(OutputFormat::Pdf),
            other => Err(format!("unknown format `{other}` (use docx, pdf)")),
        }
    }
}

/// The formats asked for on the command line, in order, without repeats.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Formats(pub Vec<OutputFormat>);

/// Reads a comma-separated list of formats: `docx,pdf`.
pub fn parse_formats(list: &str) -> Result<Formats, String> {
    let mut formats = Vec::new();
    for name in list.split(',').filter(|s| !s.trim().is_empty()) {
        let format = name.parse()?;
        if !formats.contains(&format) {
            formats.push(format);
        }
    }
    if formats.is_empty() {
        return Err("no output format given".into());
    }
    Ok(Formats(formats))
}

/// Renders `doc` in each format to `dir/stem.ext`; returns the paths written.
/// Every format is rendered before anything is written.
pub fn write_document(
    doc: &Document,
    dir: &Path,
    stem: &str,
    formats: &[OutputFormat],
    fonts: &FontSet,
) -> std::io::Result<Vec<PathBuf>> {
    // Never a PDF with a glyph missing: a text the fonts cannot show is
    // refused before anything is rendered (InvalidData: the input's fault).
    vanban::coverage::check(doc, fonts)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()))?;
    let rendered: Vec<(PathBuf, Vec<u8>)> = formats
        .iter()
        .map(|f| {
            (
                dir.join(format!("{stem}.{}", f.extension())),
                f.render(doc, fonts),
            )
        })
        .collect();
    if dir.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} is a file, not a folder", dir.display()),
        ));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut written = Vec::with_capacity(rendered.len());
    for (path, bytes) in rendered {
        write_atomically(&path, &bytes)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes through a temporary file in the same folder and renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    // Temporary files are private (0600); a document is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Reads the four PDF font files given as `REGULAR,BOLD,ITALIC,BOLDITALIC`,
/// each at most `max_bytes` long.
pub fn load_fonts(list: &str, max_bytes: u64) -> Result<FontSet, String> {
    let paths: Vec<&str> = list.split(',').map(str::trim).collect();
    let [regular, bold, italic, bold_italic] = paths.as_slice() else {
        return Err(format!(
            "--fonts takes four files, REGULAR,BOLD,ITALIC,BOLDITALIC; got {}",
            paths.len()
        ));
    };
    let read = |path: &str| {
        vanban::limits::read_bytes(Path::new(path), max_bytes).map_err(|e| {
            format!(
                "{path}: {}",
                e.replace("--max-file-bytes", "--max-font-bytes")
            )
        })
    };
    FontSet::from_data([
        read(regular)?,
        read(bold)?,
        read(italic)?,
        read(bold_italic)?,
    ])
}
