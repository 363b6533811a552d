fn main() {
    if std::env::args().nth(2).is_some() {
        let r = vanban_lint::lint_path(std::env::args().nth(1).unwrap()).unwrap();
        println!("kind {:?}", r.kind);
        for f in &r.findings {
            println!("{f}");
        }
        return;
    }
    let path = std::env::args().nth(1).unwrap();
    let doc = vanban_lint::read(&std::fs::read(path).unwrap()).unwrap();
    for p in &doc.pages {
        println!("{p:?}");
    }
    println!("{:?} count={:?}", doc.numbering, doc.page_count);
    for p in &doc.paras {
        let s = p
            .visible_spans()
            .map(|s| {
                format!(
                    "{}{}{}{}",
                    s.size,
                    if s.bold { "B" } else { "" },
                    if s.italic { "I" } else { "" },
                    if s.font.contains("Times") || s.font.contains("Liberation") {
                        ""
                    } else {
                        "?"
                    }
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        println!(
            "#{} p{:?} {:?} {:?} fi={:?} l={:?} sb={:?} ls={:?} rule={:?} w={:?} [{}] {}",
            p.index,
            p.page,
            p.zone,
            p.align,
            p.first_indent.map(|x| (x * 10.0).round() / 10.0),
            p.left.map(|x| (x * 10.0).round() / 10.0),
            p.space_before.map(|x| x.round()),
            p.line_spacing.map(|x| (x * 100.0).round() / 100.0),
            p.rule_below,
            p.text_width.map(|x| x.round()),
            s,
            p.text.chars().take(60).collect::<String>()
        );
    }
}
