//! `vanban lint FILE…`: checks DOCX and PDF files against the decree and
//! prints the findings for people or, with `--json`, for e-office systems.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban_i18n::msg;
use vanban_lint::{LintLimits, Report, Severity, RULES};

/// The rules and their spec sections, for `vanban lint --help`.
pub fn rules_help() -> String {
    let mut text = String::from("Rules (id, severity, spec section: what is checked):\n");
    for rule in RULES {
        let severity = match rule.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        text.push_str(&format!(
            "  {} [{severity}] {}: {}\n",
            rule.id, rule.section, rule.checks
        ));
    }
    text.push_str("\nExit status: 0 no error found, 1 an error found, 2 a file cannot be read.");
    text
}

/// The reading limits of `lint` (see the README's table): a file from a
/// stranger past one of them is refused, naming the flag that raises it.
#[derive(clap::Args, Clone, Debug, Default)]
pub struct LintLimitArgs {
    /// Largest file read, in bytes [default: 16 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_bytes: Option<u64>,
    /// Largest DOCX part once inflated, or PDF stream once decoded, in
    /// bytes [default: 64 MiB].
    #[arg(long, value_name = "BYTES")]
    pub max_part_bytes: Option<u64>,
    /// Largest inflated/compressed ratio of a DOCX part over 1 MiB [default: 1000].
    #[arg(long, value_name = "N")]
    pub max_inflate_ratio: Option<u64>,
    /// Deepest XML element nesting in a DOCX part [default: 256].
    #[arg(long, value_name = "N")]
    pub max_xml_depth: Option<usize>,
    /// Most XML nodes in one DOCX part [default: 4000000].
    #[arg(long, value_name = "N")]
    pub max_xml_nodes: Option<u32>,
    /// Deepest nesting of tables, text boxes, PDF `q` and arrays [default: 64].
    #[arg(long, value_name = "N")]
    pub max_nesting: Option<usize>,
    /// Most operators (and glyphs) in one PDF page [default: 1000000].
    #[arg(long, value_name = "N")]
    pub max_page_operators: Option<usize>,
    /// Most operators in a whole PDF [default: 20000000].
    #[arg(long, value_name = "N")]
    pub max_operators: Option<usize>,
    /// Most pages of a PDF [default: 10000].
    #[arg(long, value_name = "N")]
    pub max_pages: Option<usize>,
    /// Most codes a PDF font's width table or ToUnicode map covers [default: 1048576].
    #[arg(long, value_name = "N")]
    pub max_font_entries: Option<u64>,
}

impl LintLimitArgs {
    pub fn limits(&self) -> LintLimits {
        let d = LintLimits::default();
        LintLimits {
            max_file_bytes: self.max_file_bytes.unwrap_or(d.max_file_bytes),
            max_part_bytes: self.max_part_bytes.unwrap_or(d.max_part_bytes),
            max_inflate_ratio: self.max_inflate_ratio.unwrap_or(d.max_inflate_ratio),
            max_xml_depth: self.max_xml_depth.unwrap_or(d.max_xml_depth),
            max_xml_nodes: self.max_xml_nodes.unwrap_or(d.max_xml_nodes),
            max_nesting: self.max_nesting.unwrap_or(d.max_nesting),
            max_page_operators: self.max_page_operators.unwrap_or(d.max_page_operators),
            max_operators: self.max_operators.unwrap_or(d.max_operators),
            max_pages: self.max_pages.unwrap_or(d.max_pages),
            max_font_entries: self.max_font_entries.unwrap_or(d.max_font_entries),
        }
    }
}

/// Standard output that stops quietly when the reader went away
/// (`vanban lint … | head -1`): a closed pipe is not a crash.
struct Out {
    stdout: std::io::Stdout,
    closed: bool,
}

impl Out {
    fn new() -> Out {
        Out {
            stdout: std::io::stdout(),
            closed: false,
        }
    }

    fn line(&mut self, text: &str) {
        if self.closed {
            return;
        }
        let mut lock = self.stdout.lock();
        if let Err(e) = writeln!(lock, "{text}").and_then(|()| lock.flush()) {
            // Any failure to write (a closed pipe above all) ends the
            // output; the exit status still says what was found.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("error: cannot write to standard output: {e}");
            }
            self.closed = true;
        }
    }
}

pub fn lint(files: &[PathBuf], json: bool, limits: &LintLimits) -> ExitCode {
    let mut out = Out::new();
    let mut unreadable = false;
    let mut errors = false;
    let mut results = Vec::new();
    for file in files {
        let result = vanban_lint::lint_path_with(file, limits);
        match &result {
            Ok(report) => {
                errors |= report.has_errors();
                if !json {
                    print_report(&mut out, file, report);
                }
            }
            Err(e) => {
                unreadable = true;
                if !json {
                    let file = file.display().to_string();
                    let reason = e.message();
                    eprintln!("{}", msg!("lint-cannot-read", file = file, reason = reason));
                }
            }
        }
        results.push(vanban_lint::json_entry(
            &file.display().to_string(),
            &result,
        ));
    }
    if json {
        let text = serde_json::to_string_pretty(&results).expect("findings serialise");
        out.line(&text);
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Findings grouped by the element they are about (its place and text
/// once, then each rule's finding under it), then the counts.
fn print_report(out: &mut Out, file: &Path, report: &Report) {
    let mut groups: Vec<(&str, Option<usize>, Vec<&vanban_lint::Finding>)> = Vec::new();
    for f in &report.findings {
        match groups
            .iter_mut()
            .find(|(e, p, _)| *e == f.element && *p == f.paragraph)
        {
            Some(group) => group.2.push(f),
            None => groups.push((&f.element, f.paragraph, vec![f])),
        }
    }
    for (_, _, findings) in &groups {
        let first = findings[0];
        let mut head = format!("{}: {}", file.display(), findings[0].element_text());
        if let Some(location) = first.location_text() {
            head.push_str(&format!(" ({location})"));
        }
        if let Some(text) = &first.text {
            head.push_str(&format!(": «{text}»"));
        }
        out.line(&head);
        for f in findings {
            let fix = if f.fixable { " [--fix]" } else { "" };
            out.line(&format!(
                "  {}[{}] {}{fix}",
                f.severity_word(),
                f.rule,
                f.found_expected()
            ));
        }
    }
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let kind = match report.kind {
        Some(kind) => vanban_i18n::Message::text(kind),
        None => vanban_i18n::msg!("lint-kind-unknown"),
    };
    let summary = vanban_i18n::msg!(
        "lint-summary",
        file = file.display().to_string(),
        errors = count(Severity::Error),
        warnings = count(Severity::Warning),
        kind = kind,
        format = match report.format {
            vanban_lint::SourceFormat::Docx => "DOCX",
            vanban_lint::SourceFormat::Pdf => "PDF",
        },
    );
    out.line(&summary.to_string());
}

/// Whether two paths name one file (the same inode, whatever the spelling:
/// `./a.docx`, a symlinked folder, a hard link).
fn same_file(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        ma.dev() == mb.dev() && ma.ino() == mb.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (ma, mb);
        matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
    }
}

/// Where `--fix` writes: OUT, never the input itself; with `--in-place`
/// the input's real path (a new file renamed over it).
fn fix_target(input: &Path, out: Option<&Path>, in_place: bool) -> Result<PathBuf, String> {
    match (out, in_place) {
        (Some(_), true) => Err("give either --fix OUT.docx or --in-place, not both".into()),
        (None, false) => Err("--fix needs OUT.docx, or --in-place".into()),
        (None, true) => std::fs::canonicalize(input)
            .map_err(|e| format!("{}: cannot read: {e}", input.display())),
        (Some(out), false) if same_file(out, input) => Err(format!(
            "{}: the output is the input itself; write the fixed copy elsewhere, or use --in-place",
            out.display()
        )),
        (Some(out), false) => Ok(out.to_path_buf()),
    }
}

/// `vanban lint --fix OUT.docx FILE.docx` (or `--in-place FILE.docx`):
/// writes the fixed copy through a temporary file renamed into place, so a
/// failure leaves nothing half-written and the input is replaced only when
/// every check passed; then lists what was fixed and what still needs a
/// person.
pub fn fix(files: &[PathBuf], out: Option<&Path>, in_place: bool, limits: &LintLimits) -> ExitCode {
    let [input] = files else {
        eprintln!("error: --fix takes exactly one DOCX file");
        return ExitCode::from(2);
    };
    let target = match fix_target(input, out, in_place) {
        Ok(target) => target,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let bytes = match vanban_lint::limits::read_file(input, limits) {
        Ok(bytes) => bytes,
        Err(e) => {
            let file = input.display().to_string();
            let reason = e.message();
            eprintln!("{}", msg!("lint-cannot-read", file = file, reason = reason));
            return ExitCode::from(2);
        }
    };
    let fixed = match vanban_lint::fix::fix_docx_with(&bytes, limits) {
        Ok(fixed) => fixed,
        Err(e) => {
            eprintln!("{}: cannot fix: {e}", input.display());
            return ExitCode::from(2);
        }
    };
    // The library compared pages by its own estimate; LibreOffice, where
    // found, sets both files and must give as many pages.
    let pages = match crate::office_pages::pages(&[&bytes, &fixed.docx]) {
        Some(counts) if counts[0] != counts[1] => {
            eprintln!(
                "{}: cannot fix: nothing written: LibreOffice sets the fixed copy on {} page(s), the input on {}",
                input.display(),
                counts[1],
                counts[0]
            );
            return ExitCode::from(2);
        }
        Some(counts) => format!("{} page(s) as LibreOffice sets both", counts[0]),
        None => format!(
            "{} page(s) by vanban's own estimate (LibreOffice not found)",
            fixed.pages.unwrap_or(0)
        ),
    };
    // Written as the documents are: whole or not at all, mode 0644.
    let written = vanban_output::write::write_files(&[(target.clone(), &fixed.docx[..])]);
    if let Err(e) = written {
        eprintln!("{}: cannot write: {e}", target.display());
        return ExitCode::from(1);
    }
    let mut stdout = Out::new();
    for finding in &fixed.fixed {
        let line = vanban_i18n::msg!("lint-fixed", finding = finding.to_string());
        stdout.line(&line.to_string());
    }
    for finding in &fixed.remaining {
        let line = vanban_i18n::msg!("lint-needs-person", finding = finding.to_string());
        stdout.line(&line.to_string());
    }
    stdout.line(&format!(
        "wrote {}: {} fixed, {} left; no new error, the same page count: {pages}",
        target.display(),
        fixed.fixed.len(),
        fixed.remaining.len()
    ));
    if fixed
        .remaining
        .iter()
        .any(|f| f.severity == Severity::Error)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
