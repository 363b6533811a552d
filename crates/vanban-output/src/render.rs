//! A document in the formats asked for. This is the one place that calls the
//! backends, so the CLI and Python render alike and a backend's signature
//! changes in one place.

use std::borrow::Cow;
use std::path::Path;

use vanban::input::StyleInput;
use vanban::metrics::FontSet;
use vanban::{Document, Style};
use vanban_i18n::{msg, Arg};

use crate::{Error, Format};

/// How to render: the PDF's fonts and, optionally, a style that replaces the
/// document's own.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// PDF fonts (the DOCX names Times New Roman and embeds nothing).
    pub fonts: &'a FontSet,
    /// Replaces the document's `style` when given.
    pub style: Option<&'a Style>,
    /// The PDF as PDF/A-2b, for the archive (`--pdfa`, `pdfa=True`).
    pub pdfa: bool,
    /// Sign the PDF as it is rendered (`--sign`, `sign=[…]`): its signature
    /// and seal pictures become the signatures' appearances, where the
    /// composition put them (`vanban_sign::placement`).
    pub signing: Option<&'a vanban_sign::Signing>,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            fonts: FontSet::liberation_serif(),
            style: None,
            pdfa: false,
            signing: None,
        }
    }
}

/// One document's bytes, one entry per format, in the order asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered(pub Vec<(Format, Vec<u8>)>);

impl Rendered {
    /// The bytes of one format, if it was rendered.
    pub fn get(&self, format: Format) -> Option<&[u8]> {
        self.0
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, b)| b.as_slice())
    }

    pub fn into_single(self) -> Option<Vec<u8>> {
        self.0.into_iter().next().map(|(_, b)| b)
    }
}

/// Renders `doc` in every format of `formats`. Nothing is written.
pub fn render(
    doc: &Document,
    formats: &[Format],
    options: &Options<'_>,
) -> Result<Rendered, Error> {
    let doc = match options.style {
        Some(style) if *style != doc.style => {
            let mut styled = doc.clone();
            styled.style = style.clone();
            Cow::Owned(styled)
        }
        _ => Cow::Borrowed(doc),
    };
    let pdfa = options.pdfa;
    let signing = options.signing;
    // Laid out once; every format is written from the same composition.
    let composition = vanban::compose::compose(&doc, options.fonts);
    // Never a PDF with a glyph missing: a text the fonts cannot show is
    // refused before anything is rendered, naming the field.
    vanban::coverage::check_composed(&doc, &composition, options.fonts).map_err(Error::Refused)?;
    let rendered = formats
        .iter()
        .map(|&format| {
            let bytes = match format {
                Format::Docx => {
                    vanban_docx::render_composition(&doc, &composition).map_err(|e| e.to_string())
                }
                Format::Pdf => {
                    let options = vanban_pdf::Options {
                        fonts: options.fonts,
                    };
                    let standard = match pdfa {
                        true => vanban_pdf::Standard::PdfA2b,
                        false => vanban_pdf::Standard::Plain,
                    };
                    match signing {
                        None => vanban_pdf::render_composition_to(
                            &doc,
                            &composition,
                            &options,
                            standard,
                        )
                        .map_err(|e| e.to_string()),
                        Some(signing) => {
                            signed_pdf(&doc, &composition, &options, standard, signing)
                        }
                    }
                }
            };
            bytes
                .map(|bytes| (format, bytes))
                .map_err(|message| Error::Render { format, message })
        })
        .collect::<Result<_, _>>()?;
    Ok(Rendered(rendered))
}

/// The PDF of `doc` signed with every key of `signing`: the page rendered
/// without the signature and seal pictures, which each signature then shows
/// at the place `composition` gave it.
fn signed_pdf(
    doc: &Document,
    composition: &vanban::compose::Composition,
    options: &vanban_pdf::Options,
    standard: vanban_pdf::Standard,
    signing: &vanban_sign::Signing,
) -> Result<Vec<u8>, String> {
    use vanban_sign::placement;
    let places = vanban_pdf::signature_places_in(composition, options);
    let pdf = if doc.signer.signature_image.is_none() && doc.seal.is_none() {
        vanban_pdf::render_composition_to(doc, composition, options, standard)
    } else {
        let bare = placement::without_pictures(doc);
        let bare_composition = vanban::compose::compose(&bare, options.fonts);
        vanban_pdf::render_composition_to(&bare, &bare_composition, options, standard)
    }
    .map_err(|e| e.to_string())?;
    placement::sign_composed(pdf, doc, &places, signing).map_err(|e| format!("signing: {e}"))
}

/// Reads four PDF font files: regular, bold, italic, bold italic, each at
/// most `max_bytes` long (reading stops there: no endless file is read whole).
pub fn load_fonts<P: AsRef<Path>>(paths: &[P], max_bytes: u64) -> Result<FontSet, Error> {
    let [regular, bold, italic, bold_italic] = paths else {
        return Err(Error::Fonts(msg!("fonts-four-files", count = paths.len())));
    };
    let read = |path: &P| {
        let path = path.as_ref();
        vanban::limits::read_bytes(path, max_bytes).map_err(|e| {
            // The font's own limit is named, not the input file's.
            let e = match e.id() {
                Some("file-too-large") => msg!("font-too-large", limit = Arg::count(max_bytes)),
                _ => e,
            };
            Error::Fonts(msg!(
                "path-reason",
                path = path.display().to_string(),
                reason = e
            ))
        })
    };
    FontSet::from_data([
        read(regular)?,
        read(bold)?,
        read(italic)?,
        read(bold_italic)?,
    ])
    .map_err(Error::Fonts)
}

/// Reads `--fonts R,B,I,BI`: four comma-separated font files.
pub fn load_font_list(list: &str, max_bytes: u64) -> Result<FontSet, Error> {
    let paths: Vec<&str> = list.split(',').map(str::trim).collect();
    load_fonts(&paths, max_bytes)
}

/// A style from options shaped like an input's `style` field
/// (`{"preset": 13, "margins": {"left": 35}}`), checked against the decree's
/// ranges; every problem names its field.
pub fn style_from_json(value: &serde_json::Value) -> Result<Style, Error> {
    let input: StyleInput = serde_json::from_value(value.clone())
        .map_err(|e| Error::Style(vec![format!("style: {e}")]))?;
    vanban::validate::style(&input)
        .map_err(|problems| Error::Style(problems.iter().map(|p| p.to_string()).collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_style_names_every_bad_field() {
        let err = style_from_json(&json!({"preset": 12, "margins": {"left": 10}})).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("style.preset: must be 13 or 14, not 12"),
            "{text}"
        );
        assert!(text.contains("style.margins.left"), "{text}");
        assert!(style_from_json(&json!({"colour": 1}))
            .unwrap_err()
            .to_string()
            .contains("unknown field `colour`"));
        let style = style_from_json(&json!({"preset": 13})).unwrap();
        assert_eq!(style, Style::preset(vanban::style::Preset::Size13));
    }

    #[test]
    fn fonts_need_four_readable_files() {
        let err = load_font_list("a.ttf,b.ttf", 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.contains("four files") && err.contains("got 2"), "{err}");
        let err = load_font_list("/no/such/r.ttf,b,c,d", 1 << 20)
            .unwrap_err()
            .to_string();
        assert!(err.contains("/no/such/r.ttf"), "{err}");
    }
}
