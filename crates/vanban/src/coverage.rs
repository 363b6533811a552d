//! Glyph coverage: every character a document prints must be in the fonts
//! it is set in, or the PDF would silently drop it. A document whose text
//! the fonts cannot show is refused, naming the field and the character.

use std::collections::HashSet;

use vanban_i18n::{msg, Arg, Message};

use crate::compose::Composition;
use crate::error::{InputError, Problem};
use crate::metrics::{FaceStyle, FontSet};
use crate::model::{plain_text, Block, Document};

/// Characters the layout turns into space or line breaks, never glyphs.
fn needs_glyph(c: char) -> bool {
    !matches!(c, ' ' | '\n' | '\t')
}

/// Problems shown per field; the rest are counted.
const SHOWN_PER_FIELD: usize = 5;

/// Refuses `doc` if any character it prints is missing from a face of
/// `fonts`: `signer.name: U+738B 王 is not in the font; use --fonts with a
/// font that has it`. Every field is checked and every problem reported.
pub fn check(doc: &Document, fonts: &FontSet) -> Result<(), InputError> {
    check_composed(doc, &crate::compose::compose(doc, fonts), fonts)
}

/// The input's fields only, each problem naming its field: what reading a
/// file with fonts checks (cheap, and located). The words vanban adds itself
/// are checked against the composition when the document is rendered
/// ([`check_composed`], in vanban-output) or by [`check`].
pub fn check_fields(doc: &Document, fonts: &FontSet) -> Result<(), InputError> {
    let mut problems = Vec::new();
    field_problems(doc, fonts, &mut problems, &mut HashSet::new());
    into_result(problems)
}

/// [`check`] for a document already composed in `fonts` (a render composes
/// once and hands the same composition to every backend): the fields are
/// checked by name, then every line of `composition`, so nothing vanban
/// prints escapes the check.
pub fn check_composed(
    doc: &Document,
    composition: &Composition,
    fonts: &FontSet,
) -> Result<(), InputError> {
    let mut problems = Vec::new();
    let mut reported = HashSet::new();
    field_problems(doc, fonts, &mut problems, &mut reported);
    // The words vanban itself prints (quốc hiệu, labels) in fonts given
    // with --fonts that lack Vietnamese letters.
    for text in composition.paragraphs().map(|p| p.plain_text()) {
        for line in text.lines() {
            for c in line.chars().filter(|&c| needs_glyph(c)) {
                if let Some(faces) = missing_faces(fonts, c) {
                    if reported.insert((String::new(), c)) {
                        problems.push(Problem::new(
                            "",
                            msg!(
                                "font-missing-in-line",
                                missing = message(c, &faces),
                                line = line
                            ),
                        ));
                    }
                }
            }
        }
    }
    into_result(problems)
}

/// Problems of the input's fields, each character once per field;
/// `reported` also keeps each one under `""`, so that the pass over the
/// composition does not report it again.
fn field_problems(
    doc: &Document,
    fonts: &FontSet,
    problems: &mut Vec<Problem>,
    reported: &mut HashSet<(String, char)>,
) {
    for (path, text) in field_texts(doc) {
        let mut missing = 0;
        for c in text.chars().filter(|&c| needs_glyph(c)) {
            let Some(faces) = missing_faces(fonts, c) else {
                continue;
            };
            if !reported.insert((path.clone(), c)) {
                continue;
            }
            reported.insert((String::new(), c));
            missing += 1;
            if missing <= SHOWN_PER_FIELD {
                problems.push(Problem::new(&path, message(c, &faces)));
            }
        }
        if missing > SHOWN_PER_FIELD {
            problems.push(Problem::new(
                &path,
                msg!(
                    "font-missing-more",
                    count = Arg::count(missing - SHOWN_PER_FIELD)
                ),
            ));
        }
    }
}

fn into_result(problems: Vec<Problem>) -> Result<(), InputError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(InputError::new(problems))
    }
}

/// The characters of `text` that some face of `fonts` lacks, in order,
/// each once.
pub fn missing_characters(text: &str, fonts: &FontSet) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| needs_glyph(c)) {
        if missing_faces(fonts, c).is_some() && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The faces that lack `c`, or `None` when all have it.
fn missing_faces(fonts: &FontSet, c: char) -> Option<Vec<FaceStyle>> {
    if fonts.all_have(c) {
        return None;
    }
    let faces: Vec<FaceStyle> = FaceStyle::ALL
        .into_iter()
        .filter(|&f| !fonts.face(f).has_char(c))
        .collect();
    (!faces.is_empty()).then_some(faces)
}

fn message(c: char, faces: &[FaceStyle]) -> Message {
    let shown = if c.is_control() || c.is_whitespace() {
        String::new()
    } else {
        format!(" {c}")
    };
    let code = format!("{:04X}{shown}", c as u32);
    if faces.len() == FaceStyle::ALL.len() {
        return msg!("font-missing-char", code = code);
    }
    let names: Vec<Message> = faces
        .iter()
        .map(|f| match f {
            FaceStyle::Regular => msg!("face-regular"),
            FaceStyle::Bold => msg!("face-bold"),
            FaceStyle::Italic => msg!("face-italic"),
            FaceStyle::BoldItalic => msg!("face-bold-italic"),
        })
        .collect();
    // The faces' names are joined in the language they are shown in.
    msg!("font-missing-char-faces", code = code, faces = join(names))
}

/// Messages shown one after another, `, ` between them.
fn join(messages: Vec<Message>) -> Message {
    messages
        .into_iter()
        .reduce(|a, b| msg!("list-pair", first = a, second = b))
        .unwrap_or_else(|| Message::text(""))
}

/// Each text the document prints that came from the input, with the path
/// of its input field.
fn field_texts(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut one = |path: &str, text: &str| out.push((path.to_string(), text.to_string()));
    if let Some(parent) = &doc.parent {
        one("parent", parent);
    }
    one("issuer.name", &doc.issuer);
    one("symbol", &doc.symbol);
    one("place", &doc.place);
    one("summary", &doc.summary);
    for (i, text) in doc.bases.iter().enumerate() {
        one(&format!("bases[{i}]"), text);
    }
    for (i, text) in doc.addressees.iter().enumerate() {
        one(&format!("addressees[{i}]"), text);
    }
    for block in &doc.body {
        match block {
            Block::Heading(h) => one("body", &plain_text(&h.spans())),
            Block::Paragraph(p) => one("body", &plain_text(&p.spans())),
            Block::Table(t) => {
                for cell in std::iter::once(&t.header).chain(&t.rows).flatten() {
                    one("body", &plain_text(cell));
                }
            }
            Block::PageBreak => {}
        }
    }
    for (i, recipient) in doc.recipients.iter().enumerate() {
        one(&format!("recipients[{i}]"), &recipient.text());
    }
    for (i, text) in doc.archive.units.iter().enumerate() {
        one(&format!("archive.units[{i}]"), text);
    }
    for (i, text) in doc.signer.authority.iter().enumerate() {
        one(&format!("signer.authority[{i}]"), text);
    }
    one("signer.title", &doc.signer.title);
    one("signer.name", &doc.signer.name);
    if let Some(drafter) = &doc.drafter {
        one("drafter.initials", &drafter.initials);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(name: &str) -> Document {
        let yaml = format!(
            "kind: ke-hoach\nissuer: {{name: VĂN PHÒNG, abbreviation: VP}}\nplace: Tây Ninh\nsummary: Tuyên truyền\nsigner: {{title: CHÁNH VĂN PHÒNG, name: \"{name}\"}}\nbody: \"Nội dung 😀\"\n"
        );
        let input: crate::Input = serde_norway::from_str(&yaml).unwrap();
        crate::validate::validate(&input, None).unwrap()
    }

    #[test]
    fn vietnamese_is_covered_by_the_built_in_fonts() {
        let fonts = FontSet::liberation_serif();
        let mut d = doc("Đoàn Minh Long");
        d.body.clear();
        assert_eq!(check(&d, fonts), Ok(()));
    }

    #[test]
    fn a_missing_character_names_its_field_and_code_point() {
        let err = check(&doc("Vương 王"), FontSet::liberation_serif()).unwrap_err();
        let shown: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            shown,
            [
                "body: U+1F600 😀 is not in the font; use --fonts with a font that has it",
                "signer.name: U+738B 王 is not in the font; use --fonts with a font that has it",
            ]
        );
    }

    #[test]
    fn missing_characters_are_listed_once_in_order() {
        let fonts = FontSet::liberation_serif();
        assert_eq!(missing_characters("a王b王c中 d", fonts), ['王', '中']);
        assert!(missing_characters("Cộng hòa xã hội", fonts).is_empty());
    }
}
