//! The catalogue is whole: every resource parses, every id has both
//! languages, a Vietnamese text uses no argument its English one lacks,
//! every message formats without error, and every id the code names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;
use crate::{msg, Message};

/// id → the variables its pattern uses, for one language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for resource in resources().iter().filter(|r| r.lang == lang) {
        let parsed = match fluent_syntax::parser::parse(resource.text) {
            Ok(parsed) => parsed,
            Err((_, errors)) => panic!("{:?} {}: {errors:?}", lang, resource.name),
        };
        for entry in parsed.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut vars = BTreeSet::new();
                    let pattern = message.value.unwrap_or_else(|| {
                        panic!(
                            "{lang:?} {}: `{}` has no text",
                            resource.name, message.id.name
                        )
                    });
                    pattern_vars(&pattern, &mut vars);
                    let id = message.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "{lang:?}: `{id}` is defined twice"
                    );
                }
                ast::Entry::Term(term) => {
                    panic!("{}: terms are not used: {}", resource.name, term.id.name)
                }
                ast::Entry::Junk { content } => {
                    panic!("{lang:?} {}: junk {content:?}", resource.name)
                }
                _ => {}
            }
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_vars(arg, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_id_has_both_languages_and_no_vietnamese_argument_is_unknown() {
    let english = messages(Lang::En);
    let vietnamese = messages(Lang::Vi);
    assert!(!english.is_empty(), "the catalogue is empty");
    let only_en: Vec<_> = english
        .keys()
        .filter(|id| !vietnamese.contains_key(*id))
        .collect();
    let only_vi: Vec<_> = vietnamese
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(only_en.is_empty(), "no Vietnamese text for {only_en:?}");
    assert!(only_vi.is_empty(), "no English text for {only_vi:?}");
    for (id, vi_vars) in &vietnamese {
        let extra: Vec<_> = vi_vars.difference(&english[id]).collect();
        assert!(
            extra.is_empty(),
            "`{id}`: Vietnamese uses {extra:?}, English does not"
        );
    }
}

#[test]
fn both_languages_keep_each_family_in_the_same_file() {
    for name in resources().iter().map(|r| r.name).collect::<BTreeSet<_>>() {
        let ids = |lang| {
            let resource = resources()
                .iter()
                .find(|r| r.lang == lang && r.name == name)
                .unwrap();
            let parsed = fluent_syntax::parser::parse(resource.text).unwrap();
            parsed
                .body
                .iter()
                .filter_map(|e| match e {
                    ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(ids(Lang::En), ids(Lang::Vi), "{name}");
    }
}

#[test]
fn every_message_formats_without_error() {
    let bundles = bundles();
    for lang in Lang::ALL {
        let bundle = &bundles[lang as usize];
        for (id, vars) in messages(lang) {
            let mut args = FluentArgs::new();
            for var in &vars {
                args.set(var.clone(), FluentValue::from(2));
            }
            let pattern = bundle.get_message(&id).and_then(|m| m.value()).unwrap();
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{lang:?} `{id}`: {errors:?}");
            assert!(
                !text.contains('\u{2068}'),
                "{lang:?} `{id}`: isolation marks"
            );
        }
    }
}

/// Every id the workspace's code names with `msg!(` or `Message::new(`
/// is in the catalogue (an id spelt wrong would show itself to a user).
#[test]
fn every_id_in_the_code_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["crates", "python/src"] {
        collect_rust_files(&root.join(dir), &mut files);
    }
    assert!(
        files.len() > 20,
        "sources not found under {}",
        root.display()
    );
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for opener in ["msg!(\"", "Message::new(\""] {
            for (at, _) in text.match_indices(opener) {
                let rest = &text[at + opener.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                seen += 1;
                if !exists(id) || id.is_empty() {
                    missing.push(format!("{}: {id}", file.display()));
                }
            }
        }
    }
    assert!(seen > 0);
    assert!(missing.is_empty(), "ids not in the catalogue: {missing:#?}");
}

fn collect_rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // This crate's own tests name ids that must not exist.
            if path
                .file_name()
                .is_some_and(|n| n != "target" && n != "vanban-i18n")
            {
                collect_rust_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn arguments_in_each_language() {
    let message = msg!(
        "i18n-sample",
        count = Arg::count(1_234_567u64),
        file = "a.yaml",
        line = 2025,
        value = Arg::fixed(1234.5, 1),
        inner = Message::new("i18n-inner"),
    );
    assert_eq!(
        message.render(Lang::En),
        "1234567 problems in a.yaml, line 2025: 1234.5 (the inner message)"
    );
    assert_eq!(
        message.render(Lang::Vi),
        "1.234.567 lỗi trong a.yaml, dòng 2025: 1.234,5 (thông báo bên trong)"
    );
    let one = msg!(
        "i18n-sample",
        count = 1,
        file = "b",
        line = 3,
        value = 0.25,
        inner = "x"
    );
    assert_eq!(one.render(Lang::En), "1 problem in b, line 3: 0.25 (x)");
    assert_eq!(one.render(Lang::Vi), "1 lỗi trong b, dòng 3: 0,25 (x)");
}

#[test]
fn unknown_ids_and_outside_text_show_themselves() {
    assert_eq!(Message::new("no-such-id").render(Lang::Vi), "no-such-id");
    assert_eq!(Message::text("serde: bad").render(Lang::Vi), "serde: bad");
    assert!(!exists("no-such-id"));
    assert!(exists("i18n-sample"));
}

#[test]
fn dates_in_messages_as_the_decree_writes_them() {
    let message = msg!("date-no-day", year = 2024, month = 2, day = 30, last = 29);
    assert_eq!(
        message.render(Lang::En),
        "2024-02 has no day 30 (it has 29 days)"
    );
    assert_eq!(
        message.render(Lang::Vi),
        "không có ngày 30 tháng 02 năm 2024 (tháng 02 năm 2024 có 29 ngày)"
    );
    let message = msg!("date-no-day", year = 2023, month = 4, day = 0, last = 30);
    assert_eq!(
        message.render(Lang::En),
        "2023-04 has no day 0 (it has 30 days)"
    );
    assert_eq!(
        message.render(Lang::Vi),
        "không có ngày 00 tháng 4 năm 2023 (tháng 4 năm 2023 có 30 ngày)"
    );
}

#[test]
fn an_integer_selects_its_variant_and_a_year_is_not_grouped() {
    // Fluent compares a number's options with the key's: a plain integer
    // must keep the defaults to match `[2]`.
    let message = msg!("date-no-day", year = 2024, month = 1, day = 31, last = 31);
    assert!(message.render(Lang::Vi).contains("tháng 01 năm 2024"));
    let message = msg!("date-no-day", year = 2024, month = 12, day = 32, last = 31);
    assert!(message.render(Lang::Vi).contains("tháng 12 năm 2024"));
}

#[test]
fn parts_put_together_are_each_shown_in_the_language_of_the_whole() {
    let cell = msg!("sheet-cell", sheet = "Chỉ tiêu", cell = "C7");
    let why = msg!("data-not-list");
    let problem = Message::at(Message::at(Message::text("/tmp/x/a.xlsx"), cell), why);
    assert_eq!(
        problem.render(Lang::En),
        "/tmp/x/a.xlsx: sheet `Chỉ tiêu`, cell C7: expected a list of items"
    );
    assert_eq!(
        problem.render(Lang::Vi),
        "/tmp/x/a.xlsx: ô C7 của trang tính `Chỉ tiêu`: cần một danh sách các mục"
    );
    // A folder hidden in every text, nested ones too, in both languages.
    let hidden = problem.map_text(&|t: &str| t.replace("/tmp/x/", ""));
    assert!(hidden.render(Lang::Vi).starts_with("a.xlsx: ô C7"));
    assert!(hidden.render(Lang::En).starts_with("a.xlsx: sheet"));
    // A long list stays shallow (a balanced tree) and keeps its order.
    let many: Vec<Message> = (0..5000).map(|i| Message::text(i.to_string())).collect();
    let joined = Message::join(many, "; ").render(Lang::Vi);
    assert!(joined.starts_with("0; 1; 2; ") && joined.ends_with("; 4998; 4999"));
    assert_eq!(Message::concat([]).render(Lang::En), "");
}
