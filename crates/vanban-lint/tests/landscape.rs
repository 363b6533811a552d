//! A landscape page: the decree does not say whether its margins turn with
//! it, so either convention passes; a margin outside both is reported.

mod common;

#[test]
fn a_landscape_page_passes_with_either_margin_convention() {
    let portrait = common::docx(&common::base_document("ke-hoach-1026"));
    let turned = common::mutate(
        &portrait,
        "all",
        "w:w=\"11906\" w:h=\"16838\"",
        "w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"",
    );
    let margins = |docx: &[u8]| -> Vec<String> {
        vanban_lint::lint(docx)
            .unwrap()
            .findings
            .iter()
            .filter(|f| f.rule == "ND30-1-margins")
            .map(|f| f.to_string())
            .collect()
    };
    // The portrait numbers kept on a landscape page.
    assert_eq!(margins(&turned), Vec::<String>::new());
    // The binding margin turned to the top (30 mm top, 20 mm sides).
    let bound = common::mutate(&turned, "all", "w:top=\"1134\"", "w:top=\"1701\"");
    let bound = common::mutate(&bound, "all", "w:left=\"1701\"", "w:left=\"1247\"");
    let bound = common::mutate(&bound, "all", "w:right=\"850\"", "w:right=\"1247\"");
    let bound = common::mutate(&bound, "all", "w:bottom=\"1134\"", "w:bottom=\"1020\"");
    assert_eq!(margins(&bound), Vec::<String>::new());
    // Neither: a 10 mm left margin.
    let wrong = common::mutate(&turned, "all", "w:left=\"1701\"", "w:left=\"567\"");
    assert_eq!(margins(&wrong).len(), 1, "{:?}", margins(&wrong));
}
