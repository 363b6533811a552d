//! Problems with an input, each naming its field and, for files, where it is.

use std::fmt;

use vanban_i18n::{language, Lang, Message};

/// One problem: the field path (`signer.name`, `recipients[2]`), what is
/// wrong, and the 1-based line and column in the input file when known.
#[derive(Clone, Debug)]
pub struct Problem {
    pub path: String,
    /// What is wrong, in English (the words programs and tests compare).
    pub message: String,
    /// The same as a catalogue message, to be shown in the user's language
    /// ([`Problem::localized`]; `Display` uses the process's language).
    pub msg: Message,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// Problems are equal when they say the same in English at the same place.
impl PartialEq for Problem {
    fn eq(&self, other: &Problem) -> bool {
        (&self.path, &self.message, self.line, self.column)
            == (&other.path, &other.message, other.line, other.column)
    }
}

impl Eq for Problem {}

impl Problem {
    /// A problem of a field; `message` is a catalogue message (`msg!`) or,
    /// for words from outside the catalogue (a parser's), a string.
    pub fn new(path: impl Into<String>, message: impl Into<Message>) -> Problem {
        let msg = message.into();
        Problem {
            path: path.into(),
            message: msg.english(),
            msg,
            line: None,
            column: None,
        }
    }

    /// What is wrong, in `lang`.
    pub fn localized(&self, lang: Lang) -> String {
        self.msg.render(lang)
    }

    /// The whole line as shown (`12:5: signer.name: …`), in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        let mut out = String::new();
        if let Some(line) = self.line {
            out.push_str(&format!("{line}:{}: ", self.column.unwrap_or(1)));
        }
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        out.push_str(&self.localized(lang));
        out
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

/// In the process's language ([`vanban_i18n::set_language`]).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(language()))
    }
}

/// Why an input could not become a document: every problem found, and the
/// file it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub source: Option<String>,
    pub problems: Vec<Problem>,
}

impl InputError {
    pub fn new(problems: Vec<Problem>) -> InputError {
        InputError {
            source: None,
            problems,
        }
    }

    pub fn in_file(mut self, source: impl Into<String>) -> InputError {
        self.source = Some(source.into());
        self
    }

    /// Every problem on a line of its own, after its file when known
    /// (`plan.yaml:3:7: date: …`), in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| match &self.source {
                Some(source) => format!("{source}:{}", p.display_in(lang)),
                None => p.display_in(lang),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(language()))
    }
}

impl std::error::Error for InputError {}
