//! Problems with an input, each naming its field and, for files, where it is.

use std::fmt;

/// One problem: the field path (`signer.name`, `recipients[2]`), what is
/// wrong, and the 1-based line and column in the input file when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl Problem {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    pub fn at(mut self, line: usize, column: usize) -> Problem {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "{line}:{}: ", self.column.unwrap_or(1))?;
        }
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
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
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            if let Some(source) = &self.source {
                write!(f, "{source}:")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for InputError {}
