//! The HTTP API against a real server on 127.0.0.1: statuses, content
//! types, and what the files hold.

mod common;

use common::{
    draft_yaml, get, multipart, pdf_text, post, repo_file, request, start, with_register,
};
use std::io::Read;
use vanban_serve::Config;

fn plan_yaml() -> Vec<u8> {
    repo_file("examples/ke-hoach-1026.yaml")
}

fn plan_json() -> Vec<u8> {
    let value: serde_json::Value = serde_norway::from_slice(&plan_yaml()).unwrap();
    serde_json::to_vec(&value).unwrap()
}

#[test]
fn a_plan_in_yaml_renders_to_its_pdf() {
    let server = start(Config::default());
    let response = post(
        server.addr,
        "/v1/render?format=pdf",
        "application/yaml",
        &plan_yaml(),
    );
    assert_eq!(response.status, 200, "{}", response.text());
    assert_eq!(response.header("content-type"), Some("application/pdf"));
    assert_eq!(
        response.header("content-disposition"),
        Some("attachment; filename=\"ke-hoach-1026.pdf\"")
    );
    let text = pdf_text(&response.body);
    assert!(text.contains("KẾ HOẠCH"), "{text}");
    assert!(text.contains("Số: 1026/KH-VP"), "{text}");
    assert!(
        text.contains("Tây Ninh, ngày 08 tháng 3 năm 2024"),
        "{text}"
    );
}

#[test]
fn json_docx_and_zip_are_the_same_document() {
    let server = start(Config::default());
    let docx = post(
        server.addr,
        "/v1/render?format=docx",
        "application/json",
        &plan_json(),
    );
    assert_eq!(docx.status, 200, "{}", docx.text());
    assert!(docx.body.starts_with(b"PK"));
    let zip = post(
        server.addr,
        "/v1/render?format=zip",
        "application/json; charset=utf-8",
        &plan_json(),
    );
    assert_eq!(zip.status, 200, "{}", zip.text());
    assert_eq!(zip.header("content-type"), Some("application/zip"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.body.clone())).unwrap();
    let mut inner_docx = Vec::new();
    archive
        .by_name("ke-hoach-1026.docx")
        .unwrap()
        .read_to_end(&mut inner_docx)
        .unwrap();
    // Same input, same bytes, whichever way it was asked for.
    assert_eq!(inner_docx, docx.body);
    let mut inner_pdf = Vec::new();
    archive
        .by_name("ke-hoach-1026.pdf")
        .unwrap()
        .read_to_end(&mut inner_pdf)
        .unwrap();
    let yaml_pdf = post(server.addr, "/v1/render", "application/yaml", &plan_yaml());
    assert_eq!(inner_pdf, yaml_pdf.body);
}

#[test]
fn toml_input_renders() {
    let server = start(Config::default());
    let value: toml::Value = serde_norway::from_slice(&plan_yaml()).unwrap();
    let text = toml::to_string(&value).unwrap();
    let response = post(
        server.addr,
        "/v1/render",
        "application/toml",
        text.as_bytes(),
    );
    assert_eq!(response.status, 200, "{}", response.text());
    assert!(pdf_text(&response.body).contains("Số: 1026/KH-VP"));
}

#[test]
fn bad_input_is_422_with_every_problem_and_its_place() {
    let server = start(Config::default());
    let yaml = String::from_utf8(plan_yaml())
        .unwrap()
        .replace("date: 2024-03-08", "date: 2024-02-30")
        .replace("  name: Đoàn Minh Long", "  name: \"\"");
    let response = post(
        server.addr,
        "/v1/render",
        "application/yaml",
        yaml.as_bytes(),
    );
    assert_eq!(response.status, 422, "{}", response.text());
    assert_eq!(
        response.header("content-type"),
        Some("application/problem+json")
    );
    let problem = response.json();
    assert_eq!(problem["status"], 422);
    let problems = problem["problems"].as_array().unwrap();
    let date = problems
        .iter()
        .find(|p| p["path"] == "date")
        .expect("a date problem");
    assert_eq!(date["line"], 10);
    assert!(date["column"].as_u64().unwrap() >= 1);
    assert!(date["message"].as_str().unwrap().contains("30"), "{date}");
    assert!(
        problems.iter().any(|p| p["path"] == "signer.name"),
        "{problems:?}"
    );
}

#[test]
fn malformed_bodies_are_400_and_wrong_types_415() {
    let server = start(Config::default());
    let response = post(
        server.addr,
        "/v1/render",
        "application/json",
        b"{\"kind\": ",
    );
    assert_eq!(response.status, 400, "{}", response.text());
    let problem = response.json();
    assert_eq!(problem["problems"][0]["line"], 1);
    let response = post(
        server.addr,
        "/v1/render",
        "application/yaml",
        b"kind: [unclosed\n",
    );
    assert_eq!(response.status, 400, "{}", response.text());
    let response = post(
        server.addr,
        "/v1/render",
        "application/yaml",
        b"\xff\xfe\x00",
    );
    assert_eq!(response.status, 400, "{}", response.text());
    let response = post(server.addr, "/v1/render", "text/plain", &plan_yaml());
    assert_eq!(response.status, 415, "{}", response.text());
    let response = request(server.addr, "POST", "/v1/render", &[], &plan_yaml());
    assert_eq!(response.status, 415);
    let response = post(
        server.addr,
        "/v1/render?format=gif",
        "application/yaml",
        &plan_yaml(),
    );
    assert_eq!(response.status, 400, "{}", response.text());
}

#[test]
fn a_body_past_the_limit_is_413_before_it_is_read() {
    let server = start(Config::default());
    // 100 MB announced; the server answers without waiting for a byte of it.
    let response = request(
        server.addr,
        "POST",
        "/v1/render",
        &[
            ("Content-Type", "application/yaml"),
            ("Content-Length", "100000000"),
        ],
        b"",
    );
    assert_eq!(response.status, 413, "{}", response.text());
    assert_eq!(
        response.header("content-type"),
        Some("application/problem+json")
    );
    // And it goes on serving.
    assert_eq!(get(server.addr, "/healthz").status, 200);
}

#[test]
fn a_smaller_limit_counts_the_bytes_sent_without_a_length() {
    let mut config = Config::default();
    config.limits.max_file_bytes = 1000;
    let server = start(config);
    let response = post(server.addr, "/v1/render", "application/yaml", &plan_yaml());
    assert_eq!(response.status, 413, "{}", response.text());
    // Chunked: no length told, counted as it arrives.
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    use std::io::Write;
    let chunk = vec![b'#'; 900];
    let mut raw = b"POST /v1/render HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/yaml\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..2 {
        raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        raw.extend_from_slice(&chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&raw).unwrap();
    let response = common::read_response(&mut stream);
    assert_eq!(response.status, 413, "{}", response.text());
}

#[test]
fn templates_are_listed_and_render_their_example_data() {
    let server = start(Config::default());
    let list = get(server.addr, "/v1/templates");
    assert_eq!(list.status, 200);
    let list = list.json();
    let plan = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "ke-hoach")
        .expect("ke-hoach is listed");
    assert_eq!(plan["example"], true);
    assert!(plan["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["path"] == "issuer.name" && f["required"] == true));
    let example = get(server.addr, "/v1/templates/ke-hoach/example");
    assert_eq!(example.status, 200);
    assert_eq!(example.body, repo_file("examples/data/ke-hoach.yaml"));
    let response = post(
        server.addr,
        "/v1/templates/ke-hoach/render",
        "application/yaml",
        &example.body,
    );
    assert_eq!(response.status, 200, "{}", response.text());
    assert!(pdf_text(&response.body).contains("KẾ HOẠCH"));
    // Data the template cannot use: 422 naming the field.
    let response = post(
        server.addr,
        "/v1/templates/ke-hoach/render",
        "application/json",
        b"{\"year\": 2024}",
    );
    assert_eq!(response.status, 422, "{}", response.text());
    assert!(!response.json()["problems"].as_array().unwrap().is_empty());
}

#[test]
fn hostile_template_names_never_reach_the_file_system() {
    let server = start(Config::default());
    for name in [
        "..%2F..%2Fetc%2Fpasswd",
        "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "..",
        "ke-hoach%00",
        "%2Fetc%2Fpasswd",
        "ke-hoach.hbs",
    ] {
        let path = format!("/v1/templates/{name}/render");
        let response = post(server.addr, &path, "application/json", b"{}");
        assert_eq!(response.status, 404, "{name}: {}", response.text());
        assert_eq!(
            response.header("content-type"),
            Some("application/problem+json")
        );
        assert!(!response.text().contains("root:"), "{name}");
    }
    // Raw `../` in the path is not a route at all.
    let response = post(
        server.addr,
        "/v1/templates/../../etc/passwd/render",
        "application/json",
        b"{}",
    );
    assert_eq!(response.status, 404);
    assert_eq!(get(server.addr, "/healthz").status, 200);
}

#[test]
fn a_year_end_report_with_its_workbook_uploaded() {
    let server = start(Config::default());
    let data = repo_file("examples/data/bao-cao-ket-qua-nam-excel.yaml");
    let data_text = String::from_utf8(data.clone()).unwrap();
    let book = data_text
        .lines()
        .find_map(|l| l.split("{from: ").nth(1))
        .map(|f| f.split([',', '}']).next().unwrap().trim().to_string())
        .expect("the example names its workbook");
    let workbook = repo_file(&format!("examples/data/{book}"));
    let (content_type, body) = multipart(&[
        ("data", Some("bao-cao.yaml"), &data),
        ("files", Some(&book), &workbook),
    ]);
    let response = post(
        server.addr,
        "/v1/templates/bao-cao-ket-qua-nam/render",
        &content_type,
        &body,
    );
    assert_eq!(response.status, 200, "{}", response.text());
    let text = pdf_text(&response.body);
    assert!(text.contains("BÁO CÁO"), "{text}");
    // Without the workbook: 422, naming the file, not where the server kept it.
    let (content_type, body) = multipart(&[("data", Some("bao-cao.yaml"), &data)]);
    let response = post(
        server.addr,
        "/v1/templates/bao-cao-ket-qua-nam/render",
        &content_type,
        &body,
    );
    assert_eq!(response.status, 422, "{}", response.text());
    assert!(response.text().contains(&book), "{}", response.text());
    assert!(!response.text().contains("/tmp"), "{}", response.text());
    // A `from:` that reaches out of the upload is refused before reading.
    let hostile = data_text.replace(&book, "../../../../etc/passwd");
    let (content_type, body) = multipart(&[("data", Some("bao-cao.yaml"), hostile.as_bytes())]);
    let response = post(
        server.addr,
        "/v1/templates/bao-cao-ket-qua-nam/render",
        &content_type,
        &body,
    );
    assert_eq!(response.status, 422, "{}", response.text());
    assert!(
        response.text().contains("plain file name"),
        "{}",
        response.text()
    );
}

#[test]
fn lint_reads_a_body_or_a_form_as_lint_json_does() {
    let server = start(Config::default());
    let pdf = post(server.addr, "/v1/render", "application/yaml", &plan_yaml()).body;
    let response = post(server.addr, "/v1/lint", "application/pdf", &pdf);
    assert_eq!(response.status, 200, "{}", response.text());
    let findings = response.json();
    assert_eq!(
        findings[0]["schema_version"],
        vanban_lint::JSON_SCHEMA_VERSION
    );
    assert_eq!(findings[0]["report"]["format"], "pdf");
    assert_eq!(findings[0]["report"]["kind"], "ke-hoach");
    // Our own PDF has no error.
    let errors = findings[0]["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .count();
    assert_eq!(errors, 0, "{findings}");
    // The same through a form, named as sent.
    let (content_type, body) = multipart(&[("file", Some("ke-hoach.pdf"), &pdf)]);
    let response = post(server.addr, "/v1/lint", &content_type, &body);
    assert_eq!(response.status, 200, "{}", response.text());
    assert_eq!(response.json()[0]["file"], "ke-hoach.pdf");
    assert_eq!(response.json()[0]["report"], findings[0]["report"]);
    // Not a document: 422; not a file type at all: 415.
    let response = post(
        server.addr,
        "/v1/lint",
        "application/octet-stream",
        b"hello",
    );
    assert_eq!(response.status, 422, "{}", response.text());
    let response = post(server.addr, "/v1/lint", "application/json", b"{}");
    assert_eq!(response.status, 415, "{}", response.text());
}

#[test]
fn schema_health_and_unknown_routes() {
    let server = start(Config::default());
    let health = get(server.addr, "/healthz");
    assert_eq!((health.status, health.text().as_str()), (200, "ok\n"));
    let schema = get(server.addr, "/v1/schema");
    assert_eq!(schema.status, 200);
    assert_eq!(schema.text(), vanban::input::json_schema());
    let missing = get(server.addr, "/v1/nothing");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("application/problem+json")
    );
}

/// Every route the issue names is in the OpenAPI document, and every
/// operation the document lists is served (not 404 or 405).
#[test]
fn the_openapi_document_covers_every_route() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(with_register(dir.path()));
    let doc = get(server.addr, "/v1/openapi.json").json();
    let paths = doc["paths"].as_object().unwrap();
    for (method, path) in [
        ("post", "/v1/render"),
        ("post", "/v1/templates/{name}/render"),
        ("get", "/v1/templates"),
        ("get", "/v1/templates/{name}/example"),
        ("get", "/v1/schema"),
        ("get", "/v1/kinds"),
        ("post", "/v1/to-json"),
        ("post", "/v1/lint"),
        ("get", "/v1/openapi.json"),
        ("get", "/healthz"),
        ("get", "/"),
        ("get", "/lint"),
        ("get", "/assets/{file}"),
        ("post", "/v1/register/issue"),
        ("get", "/v1/register"),
        ("post", "/v1/register/receive"),
        ("get", "/v1/register/book"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path} is missing from the OpenAPI document"
        );
    }
    for (path, operations) in paths {
        let concrete = path
            .replace("{name}", "ke-hoach")
            .replace("{file}", "app.js");
        for method in operations.as_object().unwrap().keys() {
            let response = request(server.addr, &method.to_uppercase(), &concrete, &[], b"");
            assert!(
                response.status != 404 && response.status != 405,
                "{method} {path}: {}",
                response.status
            );
        }
    }
}

#[test]
fn with_a_token_the_api_asks_for_it() {
    let server = start(Config {
        token: Some("s3cret".into()),
        ..Config::default()
    });
    let response = get(server.addr, "/v1/templates");
    assert_eq!(response.status, 401);
    assert_eq!(response.header("www-authenticate"), Some("Bearer"));
    let wrong = request(
        server.addr,
        "GET",
        "/v1/templates",
        &[("Authorization", "Bearer s3creT")],
        b"",
    );
    assert_eq!(wrong.status, 401);
    let right = request(
        server.addr,
        "GET",
        "/v1/templates",
        &[("Authorization", "Bearer s3cret")],
        b"",
    );
    assert_eq!(right.status, 200);
    // The page and the health check stay open.
    assert_eq!(get(server.addr, "/healthz").status, 200);
    assert_eq!(get(server.addr, "/").status, 200);
}

#[test]
fn a_client_that_never_finishes_its_headers_is_cut_off() {
    use std::io::Write;
    let server = start(Config {
        read_timeout: std::time::Duration::from_secs(1),
        ..Config::default()
    });
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream
        .write_all(b"POST /v1/render HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(120)))
        .unwrap();
    // The server closes the connection (with or without a 408).
    let mut rest = Vec::new();
    let read = stream.read_to_end(&mut rest);
    assert!(read.is_ok(), "{read:?}");
    // A client that sends its headers but not its body: 408.
    let mut stream = std::net::TcpStream::connect(server.addr).unwrap();
    stream
        .write_all(b"POST /v1/render HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\nContent-Length: 100\r\n\r\nkind:")
        .unwrap();
    let response = common::read_response(&mut stream);
    assert_eq!(response.status, 408, "{}", response.text());
    assert_eq!(get(server.addr, "/healthz").status, 200);
}

#[test]
fn the_register_numbers_drafts_lists_them_and_prints_its_book() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(with_register(dir.path()));
    let draft = draft_yaml();
    let mut issued = Vec::new();
    for _ in 0..2 {
        let response = post(
            server.addr,
            "/v1/register/issue",
            "application/yaml",
            draft.as_bytes(),
        );
        assert_eq!(response.status, 200, "{}", response.text());
        issued.push(response.json());
    }
    assert_eq!(issued[0]["number"], 1);
    assert_eq!(issued[1]["number"], 2);
    assert_eq!(issued[0]["symbol"], "KH-VP");
    let year = issued[0]["year"].as_i64().unwrap();
    let list = get(server.addr, &format!("/v1/register?year={year}"));
    assert_eq!(list.status, 200, "{}", list.text());
    let numbers: Vec<_> = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 2);
    assert!(numbers.contains(&1) && numbers.contains(&2), "{numbers:?}");
    // The issued PDF is numbered.
    let pdf_path = issued[1]["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .find(|p| p.ends_with(".pdf"))
        .expect("a PDF was written");
    let pdf = std::fs::read(&pdf_path).unwrap();
    assert!(pdf_text(&pdf).contains("Số: 02/KH-VP"));
    // The book of the year.
    let book = get(
        server.addr,
        &format!("/v1/register/book?year={year}&format=pdf"),
    );
    assert_eq!(book.status, 200, "{}", book.text());
    assert!(pdf_text(&book.body).contains("KH-VP"));
    let xlsx = get(
        server.addr,
        &format!("/v1/register/book?year={year}&format=xlsx"),
    );
    assert_eq!(xlsx.status, 200);
    assert!(xlsx.body.starts_with(b"PK"));
    // A document received: read from its PDF.
    let received = post(server.addr, "/v1/register/receive", "application/pdf", &pdf);
    assert_eq!(received.status, 200, "{}", received.text());
    assert_eq!(received.json()["symbol"], "KH-VP");
    let incoming = get(server.addr, "/v1/register?incoming=true");
    assert_eq!(incoming.json().as_array().unwrap().len(), 1);
    // An invalid draft is refused with its problems, and takes no number.
    let response = post(
        server.addr,
        "/v1/register/issue",
        "application/yaml",
        b"kind: ke-hoach\n",
    );
    assert_eq!(response.status, 422, "{}", response.text());
    let list = get(server.addr, &format!("/v1/register?year={year}"));
    assert_eq!(list.json().as_array().unwrap().len(), 2);
}

#[test]
fn without_a_register_its_routes_say_how_to_get_one() {
    let server = start(Config::default());
    let response = request(
        server.addr,
        "GET",
        "/v1/register?year=2026",
        &[("Accept-Language", "vi")],
        b"",
    );
    assert_eq!(response.status, 404);
    assert_eq!(response.header("content-language"), Some("vi"));
    assert!(response.json()["detail"].as_str().unwrap().contains("--db"));
}

/// The same bad data asked for in English and in Vietnamese of one server:
/// each answer in its language, down to the template helper's words, the
/// closed field list's "did you mean" and the parser's sentence.
#[test]
fn one_server_answers_each_request_in_its_language() {
    let server = start(Config::default());
    let ask = |file: &str, lang: &str| {
        let response = request(
            server.addr,
            "POST",
            "/v1/templates/bao-cao/render",
            &[
                ("Content-Type", "application/yaml"),
                ("Accept-Language", lang),
            ],
            &repo_file(&format!("tests/i18n/{file}")),
        );
        assert_eq!(response.header("content-language"), Some(lang));
        let problem = response.json();
        let first = problem["problems"][0].clone();
        (
            response.status,
            first["path"].clone(),
            first["message"].as_str().unwrap().to_string(),
        )
    };
    // A helper's failure: `{{cite}}` on an impossible date.
    let (status, path, en) = ask("data-cite-date.yaml", "en");
    assert_eq!((status, path.as_str()), (422, Some("request")));
    assert_eq!(
        en,
        "{{cite}}: `date`: 2025-02 has no day 30 (it has 28 days)"
    );
    let (status, path, vi) = ask("data-cite-date.yaml", "vi");
    assert_eq!((status, path.as_str()), (422, Some("request")));
    assert_eq!(
        vi,
        "hàm {{cite}}: `date`: không có ngày 30 tháng 02 năm 2025 (tháng 02 năm 2025 có 28 ngày)"
    );
    // A field the template does not have.
    let (_, _, en) = ask("data-unknown-field.yaml", "en");
    assert!(en.contains("did you mean `superior`?"), "{en}");
    let (_, _, vi) = ask("data-unknown-field.yaml", "vi");
    assert!(vi.contains("có phải ý bạn là `superior`?"), "{vi}");
    assert!(!vi.contains("did you mean"), "{vi}");
    // A syntax error: the parser's words alone in English, quoted in ours.
    let (status, _, en) = ask("data-syntax.yaml", "en");
    assert_eq!(status, 400);
    assert!(en.starts_with("did not find expected"), "{en}");
    let (_, _, vi) = ask("data-syntax.yaml", "vi");
    assert!(vi.starts_with("nội dung YAML sai cú pháp"), "{vi}");
    assert!(
        vi.contains("trình đọc YAML báo: “did not find expected"),
        "{vi}"
    );
}
