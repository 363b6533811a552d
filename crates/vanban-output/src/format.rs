//! The output formats: DOCX (to edit) and PDF (to publish).

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use crate::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Docx,
    Pdf,
}

impl Format {
    /// Both formats, in the order files are written.
    pub const ALL: [Format; 2] = [Format::Docx, Format::Pdf];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    /// The format a file's suffix names (`report.PDF` → PDF).
    pub fn from_path(path: &Path) -> Result<Format, Error> {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) => ext.parse(),
            None => Err(Error::NoSuffix(path.to_path_buf())),
        }
    }

    /// Reads `docx,pdf` (any case, `.pdf` too): the formats in order, without
    /// repeats; an empty list is an error.
    pub fn parse_list(list: &str) -> Result<Vec<Format>, Error> {
        Format::from_names(list.split(','))
    }

    /// The formats named, in order, without repeats (blank names skipped).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Vec<Format>, Error> {
        let mut formats = Vec::new();
        for name in names.into_iter().filter(|n| !n.trim().is_empty()) {
            let format = name.parse()?;
            if !formats.contains(&format) {
                formats.push(format);
            }
        }
        if formats.is_empty() {
            return Err(Error::NoFormat);
        }
        Ok(formats)
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(name: &str) -> Result<Format, Error> {
        let name = name.trim();
        match name.trim_start_matches('.').to_ascii_lowercase().as_str() {
            "docx" => Ok(Format::Docx),
            "pdf" => Ok(Format::Pdf),
            _ => Err(Error::UnknownFormat(name.to_string())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_keep_order_drop_repeats_and_accept_suffixes() {
        assert_eq!(
            Format::parse_list("PDF, .docx,pdf").unwrap(),
            [Format::Pdf, Format::Docx]
        );
        assert_eq!(
            Format::parse_list("docx,odt").unwrap_err().to_string(),
            "unknown format `odt` (use docx, pdf)"
        );
        assert!(matches!(Format::parse_list(" , "), Err(Error::NoFormat)));
        assert_eq!(
            Format::from_path(Path::new("a/b.PDF")).unwrap(),
            Format::Pdf
        );
        assert!(Format::from_path(Path::new("a/b")).is_err());
    }
}
