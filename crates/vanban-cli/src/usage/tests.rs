//! Every command and every argument has its Vietnamese words in the
//! catalogue: a new flag without them fails here.

use super::*;
use crate::Cli;

/// (path, command) for the root and every subcommand, however deep.
fn commands(command: &Command, path: Vec<String>, out: &mut Vec<(Vec<String>, Command)>) {
    out.push((path.clone(), command.clone()));
    for sub in command.get_subcommands() {
        let mut deeper = path.clone();
        deeper.push(sub.get_name().to_string());
        commands(sub, deeper, out);
    }
}

fn every_command() -> Vec<(Vec<String>, Command)> {
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    commands(&command, Vec::new(), &mut out);
    out
}

#[test]
fn every_command_and_argument_has_vietnamese_help() {
    let all = every_command();
    assert!(all.len() > 20, "{} commands", all.len());
    let mut missing = Vec::new();
    let mut args = 0;
    for (path, command) in &all {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        if lookup(Lang::Vi, &about_id(&path)).is_none() {
            missing.push(format!(
                "{} = {:?}",
                about_id(&path),
                command.get_about().map(|a| a.to_string())
            ));
        }
        for arg in command.get_arguments() {
            args += 1;
            let ids = help_ids(&path, command, arg);
            if !ids.iter().any(|id| lookup(Lang::Vi, id).is_some()) {
                missing.push(format!(
                    "{} = {:?}",
                    ids[0],
                    arg.get_help().map(|h| h.to_string())
                ));
            }
        }
    }
    assert!(args > 100, "{args} arguments");
    assert!(
        missing.is_empty(),
        "no Vietnamese help:\n{}",
        missing.join("\n")
    );
}

/// The Vietnamese help names no argument the command lacks: an id for a
/// command or argument that is gone is a mistake waiting to be shown.
#[test]
fn every_help_id_belongs_to_a_command_or_argument() {
    let mut used = std::collections::BTreeSet::new();
    for (path, command) in every_command() {
        let path: Vec<&str> = path.iter().map(String::as_str).collect();
        used.insert(about_id(&path));
        for arg in command.get_arguments() {
            used.extend(help_ids(&path, &command, arg));
        }
    }
    let stray: Vec<_> = vanban_i18n::resources()
        .iter()
        .filter(|r| r.lang == Lang::Vi && r.name == "help.ftl")
        .flat_map(|r| r.text.lines())
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim()))
        .filter(|id| id.starts_with("cli-help-") || id.starts_with("cli-about"))
        .filter(|id| !used.contains(*id))
        .collect();
    assert!(stray.is_empty(), "help for nothing: {stray:?}");
}

#[test]
fn the_vietnamese_help_is_vietnamese() {
    let mut command = command::<Cli>(Lang::Vi);
    let help = command.render_help().to_string();
    assert!(help.contains("Cách dùng: vanban"), "{help}");
    assert!(
        help.contains("Lệnh:") && help.contains("Tùy chọn:"),
        "{help}"
    );
    assert!(
        !help.contains("Usage:") && !help.contains("Options:"),
        "{help}"
    );
    let register = command.find_subcommand_mut("register").unwrap();
    let issue = register.find_subcommand_mut("issue").unwrap();
    let help = issue.render_help().to_string();
    assert!(
        help.contains("Cách dùng: vanban register issue [TÙY_CHỌN]"),
        "{help}"
    );
    assert!(help.contains("[mặc định: docx,pdf]"), "{help}");
    assert!(help.contains("[biến môi trường: VANBAN_DB]"), "{help}");
    assert!(!help.contains("[default"), "{help}");
}

#[test]
fn the_language_is_read_before_the_arguments() {
    let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
    assert_eq!(
        lang_of(&args(&["vanban", "--lang", "vi", "check"])),
        Some(Lang::Vi)
    );
    assert_eq!(
        lang_of(&args(&["vanban", "check", "--lang=vi-VN"])),
        Some(Lang::Vi)
    );
    assert_eq!(
        lang_of(&args(&["vanban", "--lang", "vi", "check", "--lang", "en"])),
        Some(Lang::En)
    );
    assert_eq!(
        lang_of(&args(&["vanban", "check", "--", "--lang", "vi"])),
        None
    );
    assert_eq!(lang_of(&args(&["vanban", "--lang", "fr"])), None);
    assert_eq!(lang_of(&args(&["vanban", "--language", "vi"])), None);
}
