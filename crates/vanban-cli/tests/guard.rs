//! Bad input is refused clearly and at once: the exact messages of the
//! bad-input corpus, limits that stop reading early, nesting and partial
//! loops that cannot exhaust the stack, byte-order marks accepted, and
//! characters the fonts lack refused with nothing written.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::*;

fn vanban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .output()
        .unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The exact problem lines an invalid input must give (without the file
/// name in front), when it states them: every `# expect: LINE:COL: …` line
/// at its top, or every line of its `.expect` file.
fn exact_expectation(path: &Path) -> Option<Vec<String>> {
    let sidecar = PathBuf::from(format!("{}.expect", path.display()));
    let lines: Vec<String> = if sidecar.exists() {
        std::fs::read_to_string(sidecar)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    } else {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map_while(|l| l.strip_prefix("# expect: ").map(str::to_string))
            .collect()
    };
    let located = |l: &String| {
        l.split(':')
            .next()
            .is_some_and(|n| n.parse::<usize>().is_ok())
    };
    (!lines.is_empty() && lines.iter().all(located)).then_some(lines)
}

#[test]
fn the_bad_input_corpus_gives_exactly_its_expected_errors() {
    let dir = repo().join("tests/invalid");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expect"))
        .collect();
    inputs.sort();
    let mut checked = 0;
    for input in inputs {
        let Some(expected) = exact_expectation(&input) else {
            continue;
        };
        let out_dir = temp();
        let out = vanban(&[
            "render",
            input.to_str().unwrap(),
            "-o",
            out_dir.path().to_str().unwrap(),
        ]);
        let prefix = format!("{}:", input.display());
        let got: Vec<String> = stderr(&out)
            .lines()
            .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
            .collect();
        let name = input.file_name().unwrap().to_string_lossy();
        assert_eq!(got, expected, "{name}");
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert_eq!(
            std::fs::read_dir(out_dir.path()).unwrap().count(),
            0,
            "{name} wrote output"
        );
        checked += 1;
    }
    assert!(
        checked >= 9,
        "only {checked} inputs state their exact errors"
    );
}

#[test]
fn reading_stops_at_the_size_limit() {
    let dir = temp();
    let zero = dir.path().join("zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let started = Instant::now();
    let out = vanban(&["check", zero.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("larger than the limit of 16777216 bytes"),
        "{}",
        stderr(&out)
    );
    let zero = "/dev/zero";
    let fonts = [zero; 4].join(",");
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "--fonts",
        &fonts,
        "--max-font-bytes",
        "1000",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/dev/zero: the file is larger than the limit of 1000 bytes"),
        "{}",
        stderr(&out)
    );
    assert!(started.elapsed() < Duration::from_secs(5));
    // A small limit refuses an ordinary file the same way.
    let out = vanban(&[
        "check",
        seed_example().to_str().unwrap(),
        "--max-file-bytes",
        "100",
    ]);
    assert!(stderr(&out).contains("larger than the limit of 100 bytes"));
}

#[test]
fn nesting_100000_deep_is_refused_at_once() {
    let dir = temp();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    for (name, text) in [
        ("deep.json", format!("{{\"bases\": {deep}}}")),
        ("deep.yaml", format!("bases: {deep}\n")),
        ("deep.toml", format!("bases = {deep}\n")),
        (
            "indent.yaml",
            (0..2_000)
                .map(|i| format!("{}a:\n", " ".repeat(i)))
                .collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let started = Instant::now();
        let out = vanban(&[
            "check",
            path.to_str().unwrap(),
            "--max-file-bytes",
            "100000000",
        ]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            stderr(&out).contains("more than the limit of 64 (raise it with --max-depth)"),
            "{name}: {}",
            stderr(&out)
        );
        assert!(
            started.elapsed() < Duration::from_secs(3),
            "{name} took {:?}",
            started.elapsed()
        );
    }
}

#[test]
fn field_length_and_table_columns_follow_the_flags() {
    let seed = seed_example();
    let out = vanban(&["check", seed.to_str().unwrap(), "--max-field-chars", "20"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains(": summary: is ")
            && message.contains("characters long, more than the limit of 20"),
        "{message}"
    );
    let wide = repo().join("tests/invalid/table-too-wide.yaml");
    let out = vanban(&["check", wide.to_str().unwrap(), "--max-table-columns", "25"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = temp();
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let json = "{\"kind\": \"bao-cao\", \"issuer\": {\"name\": \"SỞ NỘI VỤ\", \"abbreviation\": \"SNV\"}, \"place\": \"Hà Nội\", \"summary\": \"Kết quả\", \"signer\": {\"title\": \"GIÁM ĐỐC\", \"name\": \"Nguyễn Văn A\"}}";
    let toml = "kind = \"bao-cao\"\nplace = \"Hà Nội\"\nsummary = \"Kết quả\"\n[issuer]\nname = \"SỞ NỘI VỤ\"\nabbreviation = \"SNV\"\n[signer]\ntitle = \"GIÁM ĐỐC\"\nname = \"Nguyễn Văn A\"\n";
    for (name, text) in [
        ("a.yaml", seed.as_str()),
        ("b.json", json),
        ("c.toml", toml),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("\u{FEFF}{text}")).unwrap();
        let out = vanban(&["check", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

#[test]
fn a_character_the_font_lacks_is_refused_and_nothing_is_written() {
    let dir = temp();
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let input = dir.path().join("wang.yaml");
    std::fs::write(&input, seed.replace("Đoàn Minh Long", "Vương 王")).unwrap();
    let out_dir = dir.path().join("out");
    for command in ["render", "check"] {
        let mut args = vec![command, input.to_str().unwrap()];
        if command == "render" {
            args.extend(["-o", out_dir.to_str().unwrap()]);
        }
        let out = vanban(&args);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let message = stderr(&out);
        assert!(
            message.contains(
                "signer.name: U+738B 王 is not in the font; use --fonts with a font that has it"
            ),
            "{command}: {message}"
        );
    }
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().count() == 0);
}

#[test]
fn data_through_a_template_is_checked_for_the_font_and_for_huge_numbers() {
    let dir = temp();
    let data = repo().join("examples/data/bao-cao-ket-qua-nam.yaml");
    let text = std::fs::read_to_string(&data).unwrap();
    let out_dir = dir.path().join("out");
    let huge = dir.path().join("huge.yaml");
    let year = text
        .lines()
        .find(|l| l.starts_with("year:"))
        .expect("the example has a year");
    std::fs::write(&huge, text.replace(year, "year: 99999999999999999999")).unwrap();
    let out = vanban(&[
        "render",
        "--template",
        "bao-cao-ket-qua-nam",
        huge.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        message.contains("year") && message.contains("too large"),
        "{message}"
    );
    assert!(
        !message.contains("e+20") && !message.contains("1e20"),
        "{message}"
    );
    assert!(!out_dir.exists());
}

#[test]
fn partials_that_loop_are_a_template_error_not_a_crash() {
    let dir = temp();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let builtin = std::fs::read_to_string(repo().join("templates/ke-hoach.hbs")).unwrap();
    std::fs::write(templates.join("_a.hbs"), "a {{> _b}}").unwrap();
    std::fs::write(templates.join("_b.hbs"), "b {{#if x}}{{> _a}}{{/if}}").unwrap();
    // The body of a copy of a built-in calls the loop.
    let looping = format!("{builtin}\n{{{{> _a}}}}\n");
    std::fs::write(templates.join("loop.hbs"), looping).unwrap();
    std::fs::write(
        templates.join("inline.hbs"),
        format!("{builtin}\n{{{{#*inline \"x\"}}}}{{{{> x}}}}{{{{/inline}}}}{{{{> x}}}}\n"),
    )
    .unwrap();
    let out = vanban(&["templates", "--templates", templates.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let message = stderr(&out);
    assert!(message.contains("loop: "), "{message}");
    assert!(!message.contains("overflow"), "{message}");
    std::fs::remove_file(templates.join("loop.hbs")).unwrap();
    std::fs::remove_file(templates.join("_b.hbs")).unwrap();
    std::fs::write(templates.join("_b.hbs"), "b").unwrap();
    let out = vanban(&["templates", "--templates", templates.to_str().unwrap()]);
    assert!(stderr(&out).contains("loop: x → x"), "{}", stderr(&out));
}

#[test]
fn a_batch_data_file_that_cannot_be_opened_exits_2_naming_it() {
    let dir = temp();
    let missing = dir.path().join("khong-co.csv");
    let out = vanban(&[
        "batch",
        missing.to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("khong-co.csv: cannot be read"),
        "{}",
        stderr(&out)
    );
    // Nothing was written.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_name_field_no_row_has_is_an_error() {
    let dir = temp();
    let data = repo().join("examples/data/bao-cao-50-xa.csv");
    let out = vanban(&[
        "batch",
        data.to_str().unwrap(),
        "--template",
        "bao-cao-ket-qua-nam",
        "--name-field",
        "no_such_field",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--name-field `no_such_field`: no item of"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_output_path_that_is_a_file_is_named() {
    let dir = temp();
    let file = dir.path().join("out.pdf");
    std::fs::write(&file, "x").unwrap();
    let out = vanban(&[
        "render",
        seed_example().to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{} is a file, not a folder", file.display())),
        "{}",
        stderr(&out)
    );
}
