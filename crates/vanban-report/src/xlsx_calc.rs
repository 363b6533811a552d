//! Whether an `.xlsx` file's saved formula results can be trusted. A
//! program that writes formulas without computing them (rust_xlsxwriter,
//! XlsxWriter, many exports) saves 0 or nothing as each result and sets
//! `fullCalcOnLoad` so Excel computes them when it opens the file; read
//! as saved, every such cell would be a wrong figure.

use std::io::Read;

/// `xl/workbook.xml` is a list of sheets and names; past this it is not one.
const MAX_WORKBOOK_XML: u64 = 4 << 20;

/// Whether the workbook (its bytes, already held to the limits) asks to
/// recompute every formula on load.
pub fn recalculated_on_load(package: &[u8]) -> bool {
    read_workbook_xml(package).is_some_and(|xml| {
        xml.contains("fullCalcOnLoad=\"1\"")
            || xml.contains("fullCalcOnLoad=\"true\"")
            || xml.contains("fullCalcOnLoad='1'")
    })
}

fn read_workbook_xml(package: &[u8]) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).ok()?;
    let part = zip.by_name("xl/workbook.xml").ok()?;
    let mut text = String::new();
    part.take(MAX_WORKBOOK_XML).read_to_string(&mut text).ok()?;
    Some(text)
}
