//! vanban's message catalogue: every text a user reads, in English (the
//! default) and Vietnamese, kept as Fluent resources embedded in the binary.
//!
//! A message is built where the problem is found, as an id with named
//! arguments ([`msg!`]), and put into words only when it is shown, in the
//! language asked for: the process's ([`set_language`], from `--lang`,
//! `LANG` or Python's `set_language`) or one negotiated per request
//! ([`Lang::negotiate`] on an `Accept-Language` header).

mod catalogue;
mod lang;
mod message;

pub use catalogue::{exists, lookup, resources, Resource};
pub use lang::{language, set_language, Lang};
pub use message::{Arg, Message};

/// Builds a [`Message`] from its id and named arguments:
/// `msg!("limit-exceeded", found = text, limit = Arg::count(n), flag = "max-cells")`.
/// A plain integer is shown as digits in both languages (a line, a year);
/// wrap a quantity in [`Arg::count`] to have it grouped the Vietnamese way
/// (`1.048.576`) in Vietnamese.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}
