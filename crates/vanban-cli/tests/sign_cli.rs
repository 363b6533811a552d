//! `vanban sign`, `verify`, `copy` and `render --sign` as a user runs them:
//! the password from VANBAN_P12_PASSWORD, the marks of an attachment and a
//! copy at the top right of page 1, exit 1 for a broken signature.

#[path = "common/signing.rs"]
mod signing;

use std::path::Path;
use std::process::{Command, Stdio};

use signing::keys::{self, keys};
use signing::{ok, s, seed_pdf_at, sign_as_attachment, top_right_text, vanban, TIME};

fn verify_json(pdf: &Path) -> (Option<i32>, serde_json::Value) {
    let out = vanban(&["verify", s(pdf), "--json", "--trust", s(&keys().ca_pem)]);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
    (out.status.code(), json)
}

#[test]
fn render_signs_twice_and_verify_reports_both_as_json() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let seed = keys::repo().join("examples/ke-hoach-1026.yaml");
    let out = vanban(&[
        "render",
        s(&seed),
        "-o",
        s(dir.path()),
        "--format",
        "pdf",
        "--sign",
        s(&k.signer_p12),
        "--sign",
        s(&k.office_p12),
    ]);
    ok(&out);
    let pdf = dir.path().join("ke-hoach-1026.pdf");
    let (code, json) = verify_json(&pdf);
    assert_eq!(code, Some(0), "{json}");
    let sigs = json["signatures"].as_array().unwrap();
    assert_eq!(sigs.len(), 2, "{json}");
    let keys_of = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(
        keys_of(&sigs[0]),
        [
            "covers_whole_file",
            "intact",
            "role",
            "signer",
            "time",
            "trusted"
        ]
    );
    assert_eq!(sigs[0]["signer"], "Nguyễn Văn An");
    assert_eq!(sigs[0]["role"], "signer");
    assert_eq!(sigs[1]["role"], "office");
    assert_eq!(
        (
            sigs[0]["covers_whole_file"].as_bool(),
            sigs[1]["covers_whole_file"].as_bool()
        ),
        (Some(false), Some(true))
    );
    assert!(
        sigs.iter()
            .all(|s| s["intact"] == true && s["trusted"] == true),
        "{json}"
    );
    assert!(sigs[0]["time"].as_str().unwrap().ends_with("+07:00"));

    // One byte changed inside the ranges: exit 1, both broken.
    let mut bytes = std::fs::read(&pdf).unwrap();
    let at = bytes.windows(7).position(|w| w == b"stream\n").unwrap() + 17;
    bytes[at] ^= 0x01;
    let bad = dir.path().join("bad.pdf");
    std::fs::write(&bad, bytes).unwrap();
    let (code, json) = verify_json(&bad);
    assert_eq!(code, Some(1));
    assert!(
        json["signatures"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["intact"] == false),
        "{json}"
    );
}

#[test]
fn an_attachment_carries_the_number_and_time_at_the_top_right() {
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("phu-luc.pdf"));
    let signed = dir.path().join("signed.pdf");
    let out = sign_as_attachment(&input, &signed);
    ok(&out);
    let text = top_right_text(&signed);
    assert!(
        text.contains("Số: 1026/KH-VP") && text.contains(TIME),
        "{text}"
    );
    let (code, json) = verify_json(&signed);
    assert_eq!(code, Some(0), "{json}");
    assert_eq!(json["signatures"][0]["time"], TIME);
    // Signed again with the same key and time: the same bytes.
    let again = dir.path().join("again.pdf");
    sign_as_attachment(&input, &again);
    assert_eq!(
        std::fs::read(&signed).unwrap(),
        std::fs::read(&again).unwrap()
    );
}

#[test]
fn an_electronic_copy_names_kind_office_and_time_and_is_signed_by_the_office() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("goc.pdf"));
    let copy = dir.path().join("ban-sao.pdf");
    let out = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&copy),
        "--kind",
        "sao-y",
        "--by",
        "Văn phòng UBND tỉnh Tây Ninh",
        "--p12",
        s(&k.office_p12),
        "--number",
        "05/SY-VP",
        "--time",
        TIME,
    ]);
    ok(&out);
    let text = top_right_text(&copy);
    for part in ["SAO Y; Số: 05/SY-VP", "Văn phòng UBND tỉnh Tây Ninh", TIME] {
        assert!(text.contains(part), "{part} in {text}");
    }
    let (code, json) = verify_json(&copy);
    assert_eq!(code, Some(0));
    assert_eq!(json["signatures"][0]["role"], "office");
    // --db without the office's abbreviation (the copy's symbol SY-…):
    // refused, nothing written (copy_cli.rs numbers copies from a register).
    let refused = dir.path().join("refused.pdf");
    let out = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&refused),
        "--kind",
        "sao-luc",
        "--by",
        "VP",
        "--p12",
        s(&k.office_p12),
        "--db",
        "so.db",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--abbreviation"));
    assert!(!refused.exists());
}

#[test]
fn no_password_and_no_terminal_is_refused_naming_the_variable() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("in.pdf"));
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args([
            "sign",
            s(&input),
            "-o",
            s(&dir.path().join("out.pdf")),
            "--p12",
            s(&k.signer_p12),
            "--role",
            "signer",
        ])
        .env_remove("VANBAN_P12_PASSWORD")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("VANBAN_P12_PASSWORD"));
    assert!(!dir.path().join("out.pdf").exists());
    let unsigned = vanban(&["verify", s(&input)]);
    assert_eq!(
        unsigned.status.code(),
        Some(1),
        "no signature is not a valid signed file"
    );
}
