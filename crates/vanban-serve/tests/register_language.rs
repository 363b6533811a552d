//! The register's errors follow the request's `Accept-Language`, as the
//! other problems do: the same refusal in English without the header and
//! in Vietnamese with `Accept-Language: vi`.

mod common;

use common::{draft_yaml, post, request, start, with_register};

#[test]
fn a_register_error_comes_back_in_the_language_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(with_register(dir.path()));
    let draft = draft_yaml();
    let issued = post(
        server.addr,
        "/v1/register/issue",
        "application/yaml",
        draft.as_bytes(),
    );
    assert_eq!(issued.status, 200, "{}", issued.text());
    let pdf_path = issued.json()["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .find(|p| p.ends_with(".pdf"))
        .expect("a PDF was written");
    let pdf = std::fs::read(pdf_path).unwrap();
    let receive = |lang: Option<&str>| {
        let mut headers = vec![("Content-Type", "application/pdf")];
        headers.extend(lang.map(|l| ("Accept-Language", l)));
        request(server.addr, "POST", "/v1/register/receive", &headers, &pdf)
    };
    let first = receive(None);
    assert_eq!(first.status, 200, "{}", first.text());
    let number = first.json()["incoming_number"].as_i64().unwrap();
    assert_eq!(number, 1);
    // The same file again: refused, in each language.
    let english = receive(None);
    assert_eq!(english.status, 422, "{}", english.text());
    assert_eq!(english.header("content-language"), Some("en"));
    let detail = english.json()["detail"].as_str().unwrap().to_string();
    assert!(
        detail.starts_with("body: already received as incoming number 1 of "),
        "{detail}"
    );
    assert!(detail.ends_with("(same SHA-256)"), "{detail}");
    let vietnamese = receive(Some("vi-VN,vi;q=0.9,en;q=0.5"));
    assert_eq!(vietnamese.status, 422, "{}", vietnamese.text());
    assert_eq!(vietnamese.header("content-language"), Some("vi"));
    let problem = vietnamese.json();
    let detail = problem["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("body: văn bản này đã được tiếp nhận, số đến 1 năm "),
        "{detail}"
    );
    assert!(detail.ends_with("(trùng mã SHA-256)"), "{detail}");
    assert_eq!(problem["problems"][0]["message"], detail);
    // A book in a format there is none of: the register's words again.
    let book = |lang: &str| {
        request(
            server.addr,
            "GET",
            "/v1/register/book?year=2026&format=odt",
            &[("Accept-Language", lang)],
            b"",
        )
    };
    let (en, vi) = (book("en"), book("vi"));
    assert_eq!((en.status, vi.status), (400, 400));
    assert_eq!(en.json()["detail"], "format `odt`: use pdf, docx, xlsx");
    assert_eq!(vi.json()["detail"], "định dạng `odt`: dùng pdf, docx, xlsx");
}
