//! Finding English in a message meant to be Vietnamese, shared by the
//! tests that check `--lang vi` (crates/vanban-cli/tests/language.rs) and
//! the lint corpus (crates/vanban-lint/tests/corpus.rs), each including
//! this file with `#[path]`.

#![allow(dead_code)] // each test uses the part it needs

/// Words that are English and never Vietnamese: a message that has one
/// outside quoted text (the input's words, a parser's own) is still English.
pub const ENGLISH: &[&str] = &[
    "the", "is", "are", "must", "not", "of", "expected", "found", "invalid", "missing", "unknown",
    "should", "cannot", "with", "and", "or", "than", "more", "only", "line", "column", "write",
    "use", "has", "does", "no", "be", "item", "argument", "required", "error", "problem",
    "problems", "usable", "allowed", "mean", "lacks", "needs", "too", "large", "whole",
];

/// The English words of `text` outside quotes: `…`, “…”, "…" and {{…}}
/// are the input's or a library's own words, shown as they are.
pub fn english_words(text: &str) -> Vec<String> {
    english_words_of(text, ENGLISH)
}

/// [`english_words`] with its own list of words that are never Vietnamese.
pub fn english_words_of(text: &str, english: &[&str]) -> Vec<String> {
    let mut bare = String::new();
    let mut rest = text;
    let pairs = [("`", "`"), ("“", "”"), ("\"", "\""), ("{{", "}}")];
    loop {
        let next = pairs
            .iter()
            .filter_map(|(open, close)| rest.find(open).map(|at| (at, *open, *close)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, open, close)) = next else {
            bare.push_str(rest);
            break;
        };
        bare.push_str(&rest[..at]);
        let after = &rest[at + open.len()..];
        rest = after
            .find(close)
            .map_or("", |end| &after[end + close.len()..]);
        bare.push(' ');
    }
    bare.split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '.' | '[' | ']' | '-')))
        .map(|w| w.trim_matches('.'))
        .filter(|w| english.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// English words of lint's prose beyond [`ENGLISH`]: element
/// names, the rules' connecting words.
pub const LINT_ENGLISH: &[&str] = &[
    "bold",
    "centred",
    "capitals",
    "page",
    "pages",
    "margin",
    "paragraph",
    "heading",
    "rule",
    "text",
    "none",
    "blank",
    "under",
    "before",
    "after",
    "between",
    "signer",
    "signature",
    "signers",
    "name",
    "number",
    "numbers",
    "date",
    "title",
    "upright",
    "italic",
    "left",
    "right",
    "top",
    "bottom",
    "table",
    "row",
    "wide",
    "least",
    "most",
    "about",
    "over",
    "into",
    "its",
    "as",
    "by",
    "from",
    "for",
    "e.g",
    "appendix",
    "template",
    "templates",
    "footnote",
    "practice",
    "letters",
    "stored",
    "embedded",
    "font",
    "fonts",
    "next",
    "real",
    "slot",
    "article",
    "authority",
    "summary",
    "type",
    "line",
    "first",
    "place",
];

/// `line` without the document's own text, which lint quotes «…».
pub fn without_document_text(line: &str) -> String {
    let mut bare = line.to_string();
    while let (Some(open), Some(close)) = (bare.find('«'), bare.find('»')) {
        if close < open {
            break;
        }
        bare.replace_range(open..close + '»'.len_utf8(), " ");
    }
    bare
}

/// The English words of a line of lint's, in Vietnamese, outside the
/// document's quoted text.
pub fn english_words_of_lint(line: &str) -> Vec<String> {
    let bare = without_document_text(line);
    let mut words = english_words(&bare);
    words.extend(english_words_of(&bare, LINT_ENGLISH));
    words
}
