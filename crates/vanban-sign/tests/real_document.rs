//! A real e-document: Thông báo 565/TB-UBND of UBND tỉnh Quảng Ngãi (2024),
//! as published, signed by the signer, three times by the office and once
//! by the province's gazette centre (VGCA certificates, SHA-1 and SHA-256,
//! ETSI.CAdES.detached and adbe.pkcs7.detached). pdfsig finds all five
//! valid; so must vanban.

use vanban_sign::{verify, LintLimits, Role};

fn real() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/qngai-565-TB-UBND-2024.pdf"
    );
    std::fs::read(path).unwrap()
}

#[test]
fn every_signature_of_the_published_document_is_intact() {
    let report = verify(&real(), &[], &LintLimits::default()).unwrap();
    let s = &report.signatures;
    assert_eq!(s.len(), 5, "{report:?}");
    assert!(
        s.iter().all(|s| s.intact && s.ranges_ok && !s.trusted),
        "{report:?}"
    );
    assert!(report.all_valid());
    assert_eq!(
        (s[0].signer.as_str(), s[0].role),
        ("Phùng Tô Long", Role::Signer)
    );
    for office in &s[1..4] {
        assert_eq!(
            (office.signer.as_str(), office.role),
            ("Ủy ban nhân dân tỉnh Quảng Ngãi", Role::Office)
        );
    }
    assert_eq!(
        (s[4].signer.as_str(), s[4].role),
        ("TRUNG TÂM CÔNG BÁO VÀ TIN HỌC", Role::Office)
    );
    assert_eq!(s[0].time.as_deref(), Some("2024-11-15T17:30:07+07:00")); // 10:30:07Z, as its timestamp (10:30:10Z) agrees
    assert_eq!(s[4].sub_filter, "adbe.pkcs7.detached");
    let whole: Vec<bool> = s.iter().map(|s| s.covers_whole_file).collect();
    assert_eq!(whole, [false, false, false, false, true]);
}

#[test]
fn a_changed_byte_in_the_first_revision_breaks_all_five() {
    let mut bad = real();
    // Inside the first revision, which every signature covers.
    let at = bad.windows(7).position(|w| w == b"/Author").unwrap_or(2000);
    bad[at + 1] = b'a';
    let report = verify(&bad, &[], &LintLimits::default()).unwrap();
    assert_eq!(report.signatures.len(), 5);
    assert!(report.signatures.iter().all(|s| !s.intact), "{report:?}");
}

#[test]
fn a_cut_file_is_read_without_a_panic_and_not_called_whole() {
    let full = real();
    let cut = &full[..full.len() - 10_000];
    match verify(cut, &[], &LintLimits::default()) {
        Ok(report) => {
            assert!(!report.all_valid() || report.signatures.iter().all(|s| !s.covers_whole_file))
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
