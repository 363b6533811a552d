//! The Fluent resources, one file per family of messages and language,
//! embedded in the binary, and the bundles that put messages into words.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::lang::Lang;
use crate::message::Arg;

/// One embedded `.ftl` file.
#[derive(Clone, Copy, Debug)]
pub struct Resource {
    pub lang: Lang,
    /// Its family and file: `core.ftl`.
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! resources {
    ($($file:literal),*) => {
        &[
            $(Resource { lang: Lang::En, name: $file, text: include_str!(concat!("../locales/en/", $file)) },
              Resource { lang: Lang::Vi, name: $file, text: include_str!(concat!("../locales/vi/", $file)) },)*
        ]
    };
}

/// Every resource: each family in each language.
pub fn resources() -> &'static [Resource] {
    resources!(
        "core.ftl",
        "report.ftl",
        "output.ftl",
        "cli.ftl",
        "lint.ftl",
        "serve.ftl",
        "copy.ftl",
        "register.ftl",
        "usage.ftl",
        "help.ftl"
    )
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(bundle))
}

fn bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Our messages are plain text shown in terminals and logs: no
    // Unicode isolation marks around arguments.
    bundle.set_use_isolating(false);
    // NUMBER($day, minimumIntegerDigits: 2): `ngày 08`.
    let _ = bundle.add_builtins();
    bundle.set_formatter(Some(match lang {
        Lang::En => english_number,
        Lang::Vi => vietnamese_number,
    }));
    for resource in resources().iter().filter(|r| r.lang == lang) {
        // A resource with a syntax error keeps the messages it could read
        // (the catalogue test fails on any error).
        let parsed = FluentResource::try_new(resource.text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(parsed);
    }
    bundle
}

/// Whether the catalogue has a message with this id (in English, which
/// every id has).
pub fn exists(id: &str) -> bool {
    bundles()[0].has_message(id)
}

/// The text of a message without arguments whose id is only known at run
/// time (the CLI's help, by command and argument), or `None` if the
/// catalogue has no such id.
pub fn lookup(lang: Lang, id: &str) -> Option<String> {
    exists(id).then(|| format(lang, id, &[]))
}

pub(crate) fn format(lang: Lang, id: &str, args: &[(&'static str, Arg)]) -> String {
    let bundles = bundles();
    let (bundle, lang) = match bundles[lang as usize].get_message(id) {
        Some(_) => (&bundles[lang as usize], lang),
        None => (&bundles[0], Lang::En),
    };
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        fluent_args.set(*name, value(arg, lang));
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Marks a quantity to be grouped in Vietnamese. A plain integer keeps
/// Fluent's default options, so that it matches a variant key (`[2]`),
/// which Fluent compares options and all.
const GROUPED: Option<usize> = Some(1);

fn value(arg: &Arg, lang: Lang) -> FluentValue<'static> {
    let number = |value: f64, grouping: bool, digits: Option<u8>| {
        let options = FluentNumberOptions {
            minimum_integer_digits: if grouping { GROUPED } else { None },
            minimum_fraction_digits: digits.map(usize::from),
            maximum_fraction_digits: digits.map(usize::from),
            ..FluentNumberOptions::default()
        };
        FluentValue::Number(FluentNumber::new(value, options))
    };
    match arg {
        Arg::Text(text) => FluentValue::String(text.clone().into()),
        Arg::Int(n) => number(*n as f64, false, None),
        Arg::Count(n) => number(*n as f64, true, None),
        Arg::Real { value, digits } => number(*value, true, *digits),
        Arg::Msg(message) => FluentValue::String(message.render(lang).into()),
    }
}

/// A number as Rust's `Display` writes it: `4000000`, `12.5`.
fn plain(number: &FluentNumber) -> String {
    let text = match number.options.maximum_fraction_digits {
        Some(digits) => format!("{:.*}", digits, number.value),
        None => number.value.to_string(),
    };
    // `minimumIntegerDigits: 2` pads the whole part: `08`.
    let whole = text.split('.').next().unwrap_or("").trim_start_matches('-');
    match number.options.minimum_integer_digits {
        Some(digits) if whole.len() < digits && !text.starts_with('-') => {
            format!("{}{text}", "0".repeat(digits - whole.len()))
        }
        _ => text,
    }
}

fn english_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => Some(plain(number)),
        _ => None,
    }
}

/// `1.234.567,8`: dots between thousands (for quantities, not for a year
/// or a line), a comma before the fraction.
fn vietnamese_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let text = plain(number);
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if number.options.minimum_integer_digits == GROUPED && i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !fraction.is_empty() {
        out.push(',');
        out.push_str(fraction);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
