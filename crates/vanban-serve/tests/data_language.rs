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

/// A PDF lint cannot read (encrypted) and one past a reading limit, each
/// refused in the request's language by one server.
#[test]
fn lints_refusals_are_told_in_each_requests_language() {
    let server = start(Config::default());
    let ask = |file: &str, lang: &str| {
        let response = request(
            server.addr,
            "POST",
            "/v1/lint",
            &[
                ("Content-Type", "application/pdf"),
                ("Accept-Language", lang),
            ],
            &repo_file(&format!("tests/lint-hostile/{file}")),
        );
        (
            response.status,
            response.json()["detail"].as_str().unwrap().to_string(),
        )
    };
    let (status, en) = ask("encrypted.pdf", "en");
    assert_eq!(status, 422);
    assert!(
        en.contains("an encrypted PDF: its text cannot be read"),
        "{en}"
    );
    let (status, vi) = ask("encrypted.pdf", "vi");
    assert_eq!(status, 422);
    assert!(vi.contains("không đọc được: tệp PDF đã mã hóa"), "{vi}");
    let (status, en) = ask("q-nesting-100.pdf", "en");
    assert_eq!(status, 413);
    assert!(
        en.contains("page 1: saved graphics states (q) nested beyond the limit of 64"),
        "{en}"
    );
    let (status, vi) = ask("q-nesting-100.pdf", "vi");
    assert_eq!(status, 413);
    assert!(
        vi.contains("trang 1: độ lồng nhau của trạng thái đồ họa đã lưu (q) vượt quá giới hạn 64"),
        "{vi}"
    );
}
