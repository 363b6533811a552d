//! A message as data: a catalogue id with named arguments, put into words
//! in a language only when shown.

use std::fmt;

use crate::lang::{language, Lang};

/// What a user is told: a catalogue message, or text from outside the
/// catalogue (a parser's own words, a path) shown as it is in every
/// language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Id {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
    Text(String),
}

/// A named argument of a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text shown as it is (a field path, a value the user typed).
    Text(String),
    /// A whole number shown as digits in every language (a line, a year,
    /// an index); Fluent's plural selectors can choose by it.
    Int(i64),
    /// A quantity: digits in English as vanban always wrote them
    /// (`4000000`), grouped in Vietnamese (`4.000.000`).
    Count(u64),
    /// A number with a fraction: `12.5` in English, `12,5` in Vietnamese;
    /// `digits` fixes the places after the point (`None`: as few as show it).
    Real { value: f64, digits: Option<u8> },
    /// Another message, shown in the same language.
    Msg(Box<Message>),
}

impl Eq for Arg {}

impl Arg {
    /// A quantity grouped the Vietnamese way in Vietnamese.
    pub fn count(n: impl TryInto<u64>) -> Arg {
        Arg::Count(n.try_into().unwrap_or(u64::MAX))
    }

    /// A number with `digits` places after the point.
    pub fn fixed(value: f64, digits: u8) -> Arg {
        Arg::Real {
            value,
            digits: Some(digits),
        }
    }
}

impl Message {
    /// A catalogue message without arguments; add them with [`Message::arg`]
    /// (or build it with [`crate::msg!`]).
    pub fn new(id: &'static str) -> Message {
        Message::Id {
            id,
            args: Vec::new(),
        }
    }

    /// Text from outside the catalogue, shown as it is.
    pub fn text(text: impl Into<String>) -> Message {
        Message::Text(text.into())
    }

    /// Adds a named argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        if let Message::Id { args, .. } = &mut self {
            args.push((name, value.into()));
        }
        self
    }

    /// The catalogue id, or `None` for outside text.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Message::Id { id, .. } => Some(id),
            Message::Text(_) => None,
        }
    }

    /// The message in `lang`. A message the language lacks is shown in
    /// English (a test sees that none lacks one); an unknown id shows
    /// itself, never panics.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Message::Text(text) => text.clone(),
            Message::Id { id, args } => crate::catalogue::format(lang, id, args),
        }
    }

    /// The message in English, the words vanban has always used.
    pub fn english(&self) -> String {
        self.render(Lang::En)
    }

    /// The parts one after another, each in the language the whole is
    /// shown in: a place and its problem (`file: sheet `A`, cell C7: …`)
    /// put together without fixing their language. Nested as a balanced
    /// tree, so a long list stays shallow.
    pub fn concat(parts: impl IntoIterator<Item = Message>) -> Message {
        let parts: Vec<Message> = parts.into_iter().collect();
        Message::balanced(parts)
    }

    fn balanced(mut parts: Vec<Message>) -> Message {
        match parts.len() {
            0 => Message::Text(String::new()),
            1 => parts.remove(0),
            n => {
                let second = parts.split_off(n / 2);
                crate::msg!(
                    "concat-pair",
                    first = Message::balanced(parts),
                    second = Message::balanced(second)
                )
            }
        }
    }

    /// The parts with `separator` between them (`; `, a line break).
    pub fn join(parts: impl IntoIterator<Item = Message>, separator: &str) -> Message {
        let mut all = Vec::new();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                all.push(Message::text(separator));
            }
            all.push(part);
        }
        Message::balanced(all)
    }

    /// `place: why`, the way every problem names where it is.
    pub fn at(place: impl Into<Message>, why: impl Into<Message>) -> Message {
        Message::concat([place.into(), Message::text(": "), why.into()])
    }

    /// The message with `change` made to every text in it (outside text
    /// and text arguments, nested messages too): a server hides the
    /// folder it kept uploads in, in whatever language it is shown.
    pub fn map_text(&self, change: &dyn Fn(&str) -> String) -> Message {
        match self {
            Message::Text(text) => Message::Text(change(text)),
            Message::Id { id, args } => Message::Id {
                id,
                args: args
                    .iter()
                    .map(|(name, arg)| {
                        let arg = match arg {
                            Arg::Text(text) => Arg::Text(change(text)),
                            Arg::Msg(inner) => Arg::Msg(Box::new(inner.map_text(change))),
                            other => other.clone(),
                        };
                        (*name, arg)
                    })
                    .collect(),
            },
        }
    }
}

/// Shown in the process's language ([`crate::set_language`]).
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::Text(text.to_string())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Msg(Box::new(message))
    }
}

impl From<&Message> for Arg {
    fn from(message: &Message) -> Arg {
        Arg::Msg(Box::new(message.clone()))
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Arg {
        Arg::Real {
            value,
            digits: None,
        }
    }
}

/// An `f32` as its own `Display` writes it (`12.7`, not `12.699999…`).
impl From<f32> for Arg {
    fn from(value: f32) -> Arg {
        Arg::Real {
            value: value.to_string().parse().unwrap_or(f64::from(value)),
            digits: None,
        }
    }
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u8, u16, u32, u64, usize);
