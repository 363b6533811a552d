//! A workbook's bad cell told in each request's language by one running
//! server: the data-row and sheet messages are made in no language and
//! put into words per request (`Accept-Language`), naming the same cell.

mod common;

use common::{multipart, repo_file, request, start};
use rust_xlsxwriter::Workbook;
use vanban_serve::Config;

/// A workbook with an office's own table (`Chỉ tiêu`) with `1.2.3` typed
/// as a figure in cell C7, refused as the sheet is read.
fn bad_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let office = book.add_worksheet();
    office.set_name("Chỉ tiêu").unwrap();
    let header = [
        "TT",
        "Chỉ tiêu",
        "Kế hoạch năm 2024",
        "Thực hiện năm 2024",
        "Đơn vị tính",
    ];
    for (c, text) in header.iter().enumerate() {
        office.write_string(0, c as u16, *text).unwrap();
    }
    for r in 1..7u32 {
        office.write_string(r, 0, r.to_string()).unwrap();
        office.write_string(r, 1, format!("Chỉ tiêu {r}")).unwrap();
        let plan = if r == 6 { "1.2.3" } else { "1.200" };
        office.write_string(r, 2, plan).unwrap();
        office.write_number(r, 3, 1100.0).unwrap();
        office.write_string(r, 4, "ha").unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// The example year-end data with its indicators from `sheet` of the bad
/// workbook.
fn data_from(sheet: &str) -> Vec<u8> {
    let text =
        String::from_utf8(repo_file("examples/data/bao-cao-ket-qua-nam-excel.yaml")).unwrap();
    let from = "indicators: {from: chi-tieu-2024.xlsx, sheet: Chỉ tiêu}";
    assert!(text.contains(from), "the example names its workbook");
    text.replace(
        from,
        &format!("indicators: {{from: sai.xlsx, sheet: {sheet}}}"),
    )
    .into_bytes()
}

#[test]
fn a_bad_cell_is_told_in_each_requests_language_naming_the_cell() {
    let server = start(Config::default());
    let book = bad_workbook();
    let ask = |sheet: &str, lang: Option<&str>| {
        let data = data_from(sheet);
        let (content_type, body) = multipart(&[
            ("data", Some("bao-cao.yaml"), &data),
            ("files", Some("sai.xlsx"), &book),
        ]);
        let mut headers = vec![("Content-Type", content_type.as_str())];
        if let Some(lang) = lang {
            headers.push(("Accept-Language", lang));
        }
        let response = request(
            server.addr,
            "POST",
            "/v1/templates/bao-cao-ket-qua-nam/render",
            &headers,
            &body,
        );
        assert_eq!(response.status, 422, "{}", response.text());
        let messages: Vec<String> = response.json()["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["message"].as_str().unwrap().to_string())
            .collect();
        assert!(!response.text().contains("/tmp"), "{}", response.text());
        messages.join("\n")
    };
    // The office's table: refused as the sheet is read.
    let vi = ask("Chỉ tiêu", Some("vi-VN,vi;q=0.9"));
    let en = ask("Chỉ tiêu", None);
    assert!(
        en.contains("sai.xlsx: data `indicators.5.plan`, sheet `Chỉ tiêu`, cell C7, column `Kế hoạch năm 2024`: `1.2.3`"),
        "{en}"
    );
    assert!(en.starts_with("data.yaml: field `indicators`: "), "{en}");
    assert!(
        vi.contains("sai.xlsx: dữ liệu `indicators.5.plan`, ô C7 của trang tính `Chỉ tiêu`, cột `Kế hoạch năm 2024`: `1.2.3` không phải là số"),
        "{vi}"
    );
    assert!(vi.starts_with("data.yaml: trường `indicators`: "), "{vi}");
    for english in ["sheet", "cell", "column", "field", "is not"] {
        assert!(!vi.contains(english), "{english} in: {vi}");
    }
}
