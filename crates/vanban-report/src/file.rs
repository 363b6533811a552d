//! The shape of a template file:
//!
//! ```text
//! {{!--
//! One line saying what the template makes.
//! - issuer.name: the issuing authority, in capitals
//! - superior?: whom the report is sent to (optional fields end in `?`)
//! --}}
//! ---
//! kind: bao-cao
//! summary: "Kết quả năm {{year}}"     ← YAML header: every input field but body
//! ---
//! Markdown body with {{values}}          ← the body
//! ```

/// A documented data field of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// Data path: `indicators[].plan`.
    pub path: String,
    pub required: bool,
    pub description: String,
}

/// A template file split into its parts, with where each part starts.
#[derive(Clone, Debug)]
pub struct TemplateFile {
    pub about: String,
    pub fields: Vec<Field>,
    pub header: String,
    pub body: String,
    /// File line of the header's first line, and of the body's (1-based).
    pub header_line: usize,
    pub body_line: usize,
    /// Data fields the comment does not list are refused (see `closed.rs`).
    pub closed: bool,
}

/// Splits a template file; the message says what is wrong with its shape.
pub fn split(text: &str) -> Result<TemplateFile, (usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let fences: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.trim_end() == "---")
        .map(|(i, _)| i)
        .take(2)
        .collect();
    let [open, close] = fences[..] else {
        return Err((
            1,
            "a template needs a YAML header between two `---` lines, then the Markdown body".into(),
        ));
    };
    let preamble = lines[..open].join("\n");
    if !preamble.trim().is_empty() && !preamble.trim_start().starts_with("{{!") {
        return Err((
            1,
            "only a {{!-- … --}} comment may stand before the first `---`".into(),
        ));
    }
    let closed = preamble.lines().any(|l| l.trim() == crate::closed::MARKER);
    let (about, fields) = read_docs(&preamble);
    let mut body = lines[close + 1..].join("\n");
    body.push('\n');
    Ok(TemplateFile {
        about,
        fields,
        header: lines[open + 1..close].join("\n") + "\n",
        body,
        header_line: open + 2,
        body_line: close + 2,
        closed,
    })
}

/// Reads the leading comment: prose lines say what the template makes,
/// `- path: description` lines document fields (`path?` when optional).
fn read_docs(preamble: &str) -> (String, Vec<Field>) {
    let mut about = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    for line in preamble.lines() {
        let line = line.trim();
        let line = line
            .trim_start_matches("{{!--")
            .trim_end_matches("--}}")
            .trim();
        if line.is_empty() || line == crate::closed::MARKER {
            continue;
        }
        match line.strip_prefix("- ").and_then(|l| l.split_once(": ")) {
            Some((path, description)) => {
                let path = path.trim();
                let (path, required) = match path.strip_suffix('?') {
                    Some(p) => (p, false),
                    None => (path, true),
                };
                fields.push(Field {
                    path: path.to_string(),
                    required,
                    description: description.trim().to_string(),
                });
            }
            // A line indented under a field continues its description.
            None if !fields.is_empty() && !about.is_empty() && line.starts_with("  ") => {}
            None => about.push(line.to_string()),
        }
    }
    (about.join(" "), fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_docs_header_and_body_with_their_lines() {
        let text = "{{!--\nA plan.\n- issuer.name: the issuer\n- superior?: to whom\n--}}\n---\nkind: ke-hoach\n---\n# Mục đích\n\n---\n\nText\n";
        let file = split(text).unwrap();
        assert_eq!(file.about, "A plan.");
        assert_eq!(
            file.fields,
            [
                Field {
                    path: "issuer.name".into(),
                    required: true,
                    description: "the issuer".into()
                },
                Field {
                    path: "superior".into(),
                    required: false,
                    description: "to whom".into()
                },
            ]
        );
        assert_eq!(file.header, "kind: ke-hoach\n");
        assert_eq!(file.header_line, 7);
        assert_eq!(file.body_line, 9);
        assert!(
            file.body.starts_with("# Mục đích\n\n---\n"),
            "a later --- is a page break"
        );
    }

    #[test]
    fn a_file_without_a_header_is_refused() {
        assert!(split("# just markdown\n")
            .unwrap_err()
            .1
            .contains("YAML header"));
        assert!(split("text\n---\nkind: x\n---\n").is_err());
    }
}
