//! The command line in the user's language: the language is known before
//! clap reads the arguments (`--lang`, else `LC_ALL`/`LC_MESSAGES`/`LANG`),
//! so that in Vietnamese `--help` shows the catalogue's words for every
//! command and argument, and a usage error (unknown argument, missing
//! value …) is told in Vietnamese, naming the argument, with exit status 2.

use std::ffi::OsString;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command, CommandFactory, FromArgMatches};
use vanban_i18n::{lookup, msg, Lang, Message};

/// Parses the process's arguments into `P`, in the language they ask for
/// (which becomes the process's language); exits as clap does on help,
/// version or a usage error.
pub fn parse<P: CommandFactory + FromArgMatches>() -> P {
    let args: Vec<OsString> = std::env::args_os().collect();
    let lang = lang_of(&args).unwrap_or_else(Lang::from_env);
    // Value parsers (dates, formats) already speak it.
    vanban_i18n::set_language(lang);
    let mut command = command::<P>(lang);
    let parsed = command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| P::from_arg_matches(&matches));
    match parsed {
        Ok(parsed) => parsed,
        Err(e) if lang == Lang::En || !is_usage_error(e.kind()) => e.exit(),
        Err(e) => {
            eprintln!("{}", explain(&e));
            std::process::exit(2)
        }
    }
}

/// The command as clap builds it, its help in `lang`.
pub fn command<P: CommandFactory>(lang: Lang) -> Command {
    let mut command = P::command();
    // Built first, so that the help flags, the `help` command and the
    // global `--lang` are there to be translated too.
    command.build();
    translate(command, &[], lang)
}

/// `--lang X` or `--lang=X`, the last given, before a `--`.
fn lang_of(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next().map(|v| v.into_owned()),
            Some(rest) => match rest.strip_prefix('=') {
                Some(value) => Some(value.to_string()),
                None => continue,
            },
            None => continue,
        };
        found = value
            .filter(|v| !v.trim().is_empty())
            .and_then(|v| Lang::from_tag(&v))
            .or(found);
    }
    found
}

fn is_usage_error(kind: ErrorKind) -> bool {
    !matches!(
        kind,
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            | ErrorKind::DisplayVersion
    )
}

/// The catalogue id of a command's description: `cli-about-register-issue`;
/// `vanban help register issue` describes it with the same words.
pub fn about_id(path: &[&str]) -> String {
    if path.last() == Some(&"help") {
        return "cli-about-help".to_string();
    }
    let path: Vec<&str> = path.iter().copied().filter(|p| *p != "help").collect();
    match path.as_slice() {
        [] => "cli-about".to_string(),
        _ => format!("cli-about-{}", path.join("-")),
    }
}

/// The catalogue ids an argument's help is looked for under, the most
/// particular first: `cli-help-register-issue-date` (this command's),
/// `cli-help-db-args-db` (the flattened group's: every register command's
/// `--db`), then `cli-help-templates` (an argument that means the same
/// in every command it is in).
pub fn help_ids(path: &[&str], command: &Command, arg: &Arg) -> Vec<String> {
    let id = kebab(arg.get_id().as_str());
    let mut ids = Vec::new();
    if !path.is_empty() && !arg.is_global_set() {
        ids.push(format!("cli-help-{}-{id}", path.join("-")));
    }
    for group in command.get_groups() {
        if group.get_args().any(|a| a == arg.get_id()) {
            ids.push(format!("cli-help-{}-{id}", kebab(group.get_id().as_str())));
        }
    }
    ids.push(format!("cli-help-{id}"));
    ids
}

/// `read_only` → `read-only`, `LintLimitArgs` → `lint-limit-args`.
fn kebab(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else if c == '_' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

/// Every command's description and every argument's help from the
/// catalogue, in `lang`; in English, the code's own doc comments stay and
/// the catalogue gives only what they lack. What the catalogue lacks keeps
/// clap's words (the tests see that nothing lacks them).
fn translate(mut command: Command, path: &[&str], lang: Lang) -> Command {
    let english = lang == Lang::En;
    let text = |id: &str| lookup(lang, id);
    if !english || command.get_about().is_none() {
        if let Some(about) = text(&about_id(path)) {
            command = command.about(about).long_about(None::<&str>);
        }
    }
    if !english {
        if path.is_empty() {
            if let Some(after) = text("cli-after-help") {
                command = command.after_help(after).after_long_help(None::<&str>);
            }
        }
        // clap's template, its one English word ours.
        let template = format!(
            "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            msg!("usage-heading-usage").render(lang)
        );
        command = command
            .help_template(template)
            .subcommand_help_heading(msg!("usage-heading-commands").render(lang))
            .subcommand_value_name(msg!("usage-value-command").render(lang));
        if let Some(usage) = usage_line(&command.render_usage()) {
            command = command.override_usage(usage);
        }
    }
    // Every argument, in order (`mut_arg` moves the one it changes last).
    let helps: Vec<(String, Option<String>)> = command
        .get_arguments()
        .map(|a| {
            let help = (!english || a.get_help().is_none())
                .then(|| help_ids(path, &command, a).iter().find_map(|id| text(id)))
                .flatten();
            (a.get_id().to_string(), help)
        })
        .collect();
    for (id, help) in helps {
        command = command.mut_arg(id, |mut arg| {
            if !english {
                let heading = if arg.is_positional() {
                    msg!("usage-heading-arguments")
                } else {
                    msg!("usage-heading-options")
                };
                arg = arg.help_heading(heading.render(lang));
            }
            if let Some(help) = help {
                let help = with_values(&arg, help, lang);
                arg = arg
                    .help(help)
                    .long_help(None::<&str>)
                    .hide_default_value(true)
                    .hide_env(true);
            }
            arg
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        let mut sub = path.to_vec();
        sub.push(&name);
        command = command.mut_subcommand(&name, |c| translate(c, &sub, lang));
    }
    command
}

/// The help with the default, the environment variable and the possible
/// values in the same language, in place of clap's `[default: …]`.
fn with_values(arg: &Arg, help: String, lang: Lang) -> String {
    let mut help = help;
    let defaults: Vec<_> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let takes_values = arg.get_num_args().is_some_and(|n| n.takes_values());
    if !arg.is_hide_default_value_set() && !defaults.is_empty() && takes_values {
        help.push(' ');
        help.push_str(&msg!("usage-default", value = defaults.join(",")).render(lang));
    }
    if let (Some(env), false) = (arg.get_env(), arg.is_hide_env_set()) {
        help.push(' ');
        help.push_str(&msg!("usage-env", name = env.to_string_lossy().into_owned()).render(lang));
    }
    help
}

/// A usage error in Vietnamese: what is wrong and with which argument,
/// a suggestion when clap has one, the usage line and where to read more.
fn explain(e: &clap::Error) -> String {
    let lang = Lang::Vi;
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let quoted = |kind| match e.get(kind) {
        Some(ContextValue::Strings(list)) => Some(
            list.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => one(kind).map(|s| format!("`{s}`")),
    };
    let arg = quoted(ContextKind::InvalidArg).unwrap_or_default();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let message = match e.kind() {
        ErrorKind::UnknownArgument => msg!("usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => msg!(
            "usage-unknown-command",
            command = one(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue if value.is_empty() => msg!("usage-missing-value", arg = arg),
        ErrorKind::InvalidValue => msg!(
            "usage-invalid-value",
            value = value,
            arg = arg,
            valid = quoted(ContextKind::ValidValue).unwrap_or_default()
        ),
        ErrorKind::ValueValidation => msg!(
            "usage-value-refused",
            value = value,
            arg = arg,
            reason = std::error::Error::source(e).map_or(Message::text(""), why)
        ),
        ErrorKind::MissingRequiredArgument => msg!("usage-missing-argument", args = arg),
        ErrorKind::MissingSubcommand => msg!(
            "usage-missing-command",
            command = one(ContextKind::InvalidSubcommand).unwrap_or_default(),
            valid = one(ContextKind::ValidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => msg!(
            "usage-conflict",
            arg = arg,
            other = quoted(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals => msg!("usage-no-equals", arg = arg),
        ErrorKind::TooManyValues => msg!("usage-too-many-values", value = value, arg = arg),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => msg!(
            "usage-number-of-values",
            arg = arg,
            expected = one(ContextKind::ExpectedNumValues)
                .or_else(|| one(ContextKind::MinValues))
                .unwrap_or_default(),
            actual = one(ContextKind::ActualNumValues).unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => msg!("usage-invalid-utf8"),
        _ => msg!("usage-other", detail = e.kind().to_string()),
    };
    let mut out = msg!("cli-error", message = message).render(lang);
    let suggestion = one(ContextKind::SuggestedArg)
        .or_else(|| one(ContextKind::SuggestedSubcommand))
        .or_else(|| one(ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        out.push('\n');
        out.push_str(&msg!("usage-did-you-mean", suggestion = suggestion).render(lang));
    }
    let usage = match e.get(ContextKind::Usage) {
        Some(ContextValue::StyledStr(usage)) => usage_line(usage),
        _ => None,
    };
    if let Some(usage) = usage {
        out.push_str("\n\n");
        out.push_str(&msg!("usage-line", usage = usage.clone()).render(lang));
        // `vanban register issue [OPTIONS] …` → `vanban register issue --help`.
        let command: Vec<&str> = usage
            .split_whitespace()
            .take_while(|w| !w.starts_with(['[', '<', '-']))
            .collect();
        out.push('\n');
        out.push_str(&msg!("usage-more", command = command.join(" ")).render(lang));
    }
    out
}

/// Why a value parser refused a value: ours speak the process's language
/// already; Rust's number parsers are put into it here.
fn why(source: &(dyn std::error::Error + 'static)) -> Message {
    use std::num::{IntErrorKind, ParseFloatError, ParseIntError};
    if let Some(e) = source.downcast_ref::<ParseIntError>() {
        return match e.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => msg!("usage-number-too-large"),
            _ => msg!("usage-not-a-whole-number"),
        };
    }
    if source.downcast_ref::<ParseFloatError>().is_some() {
        return msg!("usage-not-a-number");
    }
    Message::text(source.to_string())
}

/// clap's usage line without its English heading, `[OPTIONS]` in ours.
fn usage_line(usage: &StyledStr) -> Option<String> {
    let text = usage.to_string();
    let text = text.trim();
    let text = text.strip_prefix("Usage:").unwrap_or(text).trim();
    let options = msg!("usage-options-placeholder").render(Lang::Vi);
    Some(text.replace("[OPTIONS]", &options)).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests;
