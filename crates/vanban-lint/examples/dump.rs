//! Prints what the linter read from a DOCX or PDF: pages, page numbers and
//! every paragraph with its zone, alignment, indent, spacing, rule and runs;
//! with a second argument, the findings instead. For working on the readers.
//!
//!     cargo run --release -p vanban-lint --example dump -- FILE [findings]

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE [findings]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if args.next().is_some() {
        let report = vanban_lint::lint(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        println!("kind {:?}", report.kind);
        for finding in &report.findings {
            println!("{finding}");
        }
        return;
    }
    let doc = vanban_lint::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    for page in &doc.pages {
        println!("{page:?}");
    }
    println!("{:?} pages={:?}", doc.numbering, doc.page_count);
    let round = |x: Option<f32>| x.map(|x| (x * 10.0).round() / 10.0);
    for p in &doc.paras {
        let runs: Vec<String> = p
            .visible_spans()
            .map(|s| {
                let bold = if s.bold { "B" } else { "" };
                let italic = if s.italic { "I" } else { "" };
                format!("{}{bold}{italic} {}", s.size, s.font)
            })
            .collect();
        let text: String = p.text.chars().take(60).collect();
        println!(
            "#{} page {:?} {:?} {:?} indent {:?}/{:?} before {:?} lines {:?} rule {:?} width {:?} [{}] {text}",
            p.index,
            p.page,
            p.zone,
            p.align,
            round(p.first_indent),
            round(p.left),
            round(p.space_before),
            round(p.line_spacing),
            round(p.rule_below),
            round(p.text_width),
            runs.join(", "),
        );
    }
}
