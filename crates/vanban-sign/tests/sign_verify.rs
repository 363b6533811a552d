//! Signing the seed plan as the signer, then as the office: vanban's own
//! verify, poppler's pdfsig and pyHanko all find both signatures valid, and
//! one byte changed inside the signed ranges breaks them in all three.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use vanban_sign::{sign, verify, Appearance, LintLimits, Rect, Role, SignOptions};

/// A small blue signature on a transparent background.
fn signature_png() -> Vec<u8> {
    let (w, h) = (60u32, 24u32);
    let mut pixels = Vec::new();
    for y in 0..h {
        for x in 0..w {
            let ink = (x as i32 - 2 * y as i32).abs() < 3 || y == h / 2;
            pixels.extend(if ink {
                [20, 40, 200, 255]
            } else {
                [0, 0, 0, 0]
            });
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, w, h);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    enc.write_header()
        .unwrap()
        .write_image_data(&pixels)
        .unwrap();
    out
}

fn options(role: Role, appearance: Appearance) -> SignOptions {
    SignOptions {
        role,
        time: now(),
        appearance,
        limits: LintLimits::default(),
    }
}

/// The seed plan signed by the signer (an image) and then the office.
fn signed_twice() -> (Vec<u8>, Vec<u8>) {
    let keys = keys();
    let image = Appearance::Image {
        page: 1,
        rect: Rect {
            x0: 380.0,
            y0: 300.0,
            x1: 500.0,
            y1: 348.0,
        },
        png: signature_png(),
    };
    let once = sign(
        &seed_pdf(),
        &identity(&keys.signer_p12),
        &options(Role::Signer, image),
    )
    .unwrap();
    let twice = sign(
        &once,
        &identity(&keys.office_p12),
        &options(Role::Office, Appearance::Invisible),
    )
    .unwrap();
    (once, twice)
}

fn trust() -> Vec<vanban_sign::Certificate> {
    vanban_sign::trust_anchors(&std::fs::read_to_string(&keys().ca_pem).unwrap()).unwrap()
}

#[test]
fn vanban_verify_reads_the_signer_then_the_office() {
    let (once, twice) = signed_twice();
    assert!(
        twice.starts_with(&once),
        "the second signature is an incremental update"
    );
    let report = verify(&twice, &trust(), &LintLimits::default()).unwrap();
    let s = &report.signatures;
    assert_eq!(s.len(), 2, "{report:?}");
    assert_eq!(
        (s[0].signer.as_str(), s[0].role),
        ("Nguyễn Văn An", Role::Signer)
    );
    assert_eq!(
        (s[1].signer.as_str(), s[1].role),
        ("Văn phòng UBND tỉnh Tây Ninh", Role::Office)
    );
    for sig in s {
        assert!(sig.intact && sig.ranges_ok && sig.trusted, "{sig:?}");
        assert_eq!(sig.time.as_deref(), Some(now().iso().as_str()));
        assert!(sig.time.as_deref().unwrap().ends_with("+07:00"));
        assert_eq!(sig.sub_filter, "ETSI.CAdES.detached");
    }
    assert!(!s[0].covers_whole_file && s[1].covers_whole_file);
    assert!(report.all_valid());
    // Without a trust store nothing is trusted; with another CA neither.
    let untrusted = verify(&twice, &[], &LintLimits::default()).unwrap();
    assert!(untrusted.signatures.iter().all(|s| s.intact && !s.trusted));
}

#[test]
fn the_same_input_key_and_time_give_the_same_bytes() {
    let (a, _) = signed_twice();
    let (b, _) = signed_twice();
    assert_eq!(a, b);
    let later = vanban_sign::SigningTime {
        unix: now().unix + 1,
        ..now()
    };
    let mut other = options(Role::Signer, Appearance::Invisible);
    other.time = later;
    let c = sign(&seed_pdf(), &identity(&keys().signer_p12), &other).unwrap();
    assert_ne!(a, c, "the time is signed");
}

/// Changes one byte inside the first stream's data (inside both
/// signatures' first range; the file still parses).
fn tampered(pdf: &[u8]) -> Vec<u8> {
    let mut bad = pdf.to_vec();
    let at = bad
        .windows(7)
        .position(|w| w == b"stream\n")
        .expect("a stream")
        + 7
        + 10;
    bad[at] ^= 0x01;
    bad
}

#[test]
fn one_changed_byte_breaks_every_signature_in_vanban_verify() {
    let (_, twice) = signed_twice();
    let report = verify(&tampered(&twice), &trust(), &LintLimits::default()).unwrap();
    assert_eq!(report.signatures.len(), 2);
    assert!(report.signatures.iter().all(|s| !s.intact), "{report:?}");
    assert!(!report.all_valid());
    assert!(
        report.signatures[0].problems[0].contains("changed"),
        "{report:?}"
    );
}

fn pdfsig(path: &Path) -> String {
    let out = Command::new("pdfsig")
        .arg(path)
        .output()
        .expect("pdfsig (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdfsig_validates_both_signatures_and_catches_tampering() {
    let (once, twice) = signed_twice();
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, count) in [("once.pdf", &once, 1), ("twice.pdf", &twice, 2)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let text = pdfsig(&path);
        assert_eq!(text.matches("Signature is Valid.").count(), count, "{text}");
        assert_eq!(text.matches("ETSI.CAdES.detached").count(), count, "{text}");
        assert_eq!(text.matches("SHA-256").count(), count, "{text}");
        assert!(text.contains("Total document signed"), "{text}");
    }
    let text = pdfsig(&dir.path().join("twice.pdf"));
    assert!(
        text.contains("Nguyễn Văn An") && text.contains("Văn phòng UBND tỉnh Tây Ninh"),
        "{text}"
    );
    let bad = dir.path().join("bad.pdf");
    std::fs::write(&bad, tampered(&twice)).unwrap();
    let text = pdfsig(&bad);
    assert_eq!(text.matches("Digest Mismatch").count(), 2, "{text}");
    assert!(!text.contains("Signature is Valid."), "{text}");
}

fn pyhanko_validate(python: &Path, pdf: &Path) -> Vec<serde_json::Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pyhanko_check.py");
    let out = Command::new(python)
        .arg(script)
        .arg("validate")
        .arg(pdf)
        .arg(&keys().ca_pem)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn pyhanko_validates_both_signatures_and_catches_tampering() {
    let Some(python) = pyhanko() else { return };
    let (_, twice) = signed_twice();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.pdf");
    std::fs::write(&path, &twice).unwrap();
    let found = pyhanko_validate(&python, &path);
    assert_eq!(found.len(), 2, "{found:?}");
    for s in &found {
        assert_eq!(s["intact"], true, "{s}");
        assert_eq!(s["valid"], true, "{s}");
        assert_eq!(s["trusted"], true, "{s}");
    }
    // The revision after the first signature only adds a signature:
    // pyHanko's difference analysis calls it form filling, which is allowed.
    assert_eq!(
        found[0]["coverage"],
        "SignatureCoverageLevel.ENTIRE_REVISION"
    );
    assert_eq!(
        found[0]["modification_level"], "ModificationLevel.FORM_FILLING",
        "{found:?}"
    );
    assert!(found.iter().all(|s| s["docmdp_ok"] == true), "{found:?}");
    assert_eq!(found[1]["coverage"], "SignatureCoverageLevel.ENTIRE_FILE");
    let bad = dir.path().join("bad.pdf");
    std::fs::write(&bad, tampered(&twice)).unwrap();
    let found = pyhanko_validate(&python, &bad);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|s| s["intact"] == false), "{found:?}");
}

#[test]
fn vanban_verify_validates_what_pyhanko_signed() {
    let Some(python) = pyhanko() else { return };
    let keys = keys();
    let dir = tempfile::tempdir().unwrap();
    let (input, once, twice) = (
        dir.path().join("in.pdf"),
        dir.path().join("once.pdf"),
        dir.path().join("twice.pdf"),
    );
    std::fs::write(&input, seed_pdf()).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pyhanko_check.py");
    for (src, dst, p12, field) in [
        (&input, &once, &keys.signer_p12, "Signature1"),
        (&once, &twice, &keys.office_p12, "Signature2"),
    ] {
        let out = Command::new(&python)
            .arg(&script)
            .args([
                "sign".as_ref(),
                src.as_os_str(),
                dst.as_os_str(),
                p12.as_os_str(),
                PASSWORD.as_ref(),
                field.as_ref(),
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let bytes = std::fs::read(&twice).unwrap();
    let report = verify(&bytes, &trust(), &LintLimits::default()).unwrap();
    assert_eq!(report.signatures.len(), 2, "{report:?}");
    let s = &report.signatures;
    assert!(
        s.iter().all(|s| s.intact && s.ranges_ok && s.trusted),
        "{report:?}"
    );
    assert_eq!((s[0].role, s[1].role), (Role::Signer, Role::Office));
    assert!(!s[0].covers_whole_file && s[1].covers_whole_file);
    let report = verify(&tampered(&bytes), &trust(), &LintLimits::default()).unwrap();
    assert!(report.signatures.iter().all(|s| !s.intact), "{report:?}");
}

#[test]
fn a_signature_chained_to_another_ca_is_intact_but_not_trusted() {
    let stranger = identity(&keys().stranger_p12);
    let pdf = sign(
        &seed_pdf(),
        &stranger,
        &options(Role::Signer, Appearance::Invisible),
    )
    .unwrap();
    let report = verify(&pdf, &trust(), &LintLimits::default()).unwrap();
    assert_eq!(report.signatures.len(), 1);
    let s = &report.signatures[0];
    assert!(s.intact && !s.trusted && s.covers_whole_file, "{s:?}");
}

#[test]
fn a_wrong_password_is_refused_with_the_variable_named() {
    let bytes = std::fs::read(&keys().signer_p12).unwrap();
    let e = vanban_sign::Identity::from_p12(&bytes, "sai")
        .unwrap_err()
        .to_string();
    assert!(e.contains("VANBAN_P12_PASSWORD"), "{e}");
}
