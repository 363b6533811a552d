//! Whether an `.xlsx` file's saved formula results can be trusted. A
//! program that writes formulas without computing them (rust_xlsxwriter,
//! XlsxWriter, many exports) saves 0 or nothing as each result and sets
//! `fullCalcOnLoad` so Excel computes them when it opens the file; read
//! as saved, every such cell would be a wrong figure.

use std::io::Read;
use std::path::Path;

/// `xl/workbook.xml` is a list of sheets and names; past this it is not one.
const MAX_WORKBOOK_XML: u64 = 4 << 20;

/// Whether the workbook asks to recompute every formula on load.
pub fn recalculated_on_load(path: &Path) -> bool {
    read_workbook_xml(path).is_some_and(|xml| {
        xml.contains("fullCalcOnLoad=\"1\"")
            || xml.contains("fullCalcOnLoad=\"true\"")
            || xml.contains("fullCalcOnLoad='1'")
    })
}

fn read_workbook_xml(path: &Path) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).ok()?).ok()?;
    let part = zip.by_name("xl/workbook.xml").ok()?;
    let mut text = String::new();
    part.take(MAX_WORKBOOK_XML).read_to_string(&mut text).ok()?;
    Some(text)
}
