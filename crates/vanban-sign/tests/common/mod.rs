//! Test keys made at test time with the openssl command (no private key is
//! committed): a CA, a signer (a person) and an office, each in a .p12
//! file; and the seed plan rendered to PDF.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use vanban_sign::{Identity, SigningTime};

pub const PASSWORD: &str = "mật khẩu thử";

pub struct Keys {
    pub dir: PathBuf,
    pub ca_pem: PathBuf,
    pub signer_p12: PathBuf,
    pub office_p12: PathBuf,
    pub stranger_p12: PathBuf,
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the openssl command (apt-get install openssl)");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn issue(dir: &Path, name: &str, subject: &str, ca: &str, serial: &str) {
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.csr"),
            "-utf8",
            "-subj",
            subject,
        ],
    );
    std::fs::write(
        dir.join("leaf.cnf"),
        "keyUsage=critical,digitalSignature,nonRepudiation\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{name}.csr"),
            "-CA",
            &format!("{ca}.pem"),
            "-CAkey",
            &format!("{ca}.key"),
            "-set_serial",
            serial,
            "-days",
            "3650",
            "-extfile",
            "leaf.cnf",
            "-out",
            &format!("{name}.pem"),
        ],
    );
    openssl(
        dir,
        &[
            "pkcs12",
            "-export",
            "-inkey",
            &format!("{name}.key"),
            "-in",
            &format!("{name}.pem"),
            "-certfile",
            &format!("{ca}.pem"),
            "-out",
            &format!("{name}.p12"),
            "-passout",
            &format!("pass:{PASSWORD}"),
        ],
    );
}

fn self_signed(dir: &Path, name: &str, subject: &str) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
            "-days",
            "3650",
            "-utf8",
            "-subj",
            subject,
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
}

/// The keys, made once per test binary.
pub fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("vanban-sign-keys")
            .tempdir()
            .unwrap()
            .keep();
        self_signed(&dir, "ca", "/C=VN/O=vanban test/CN=vanban test CA");
        self_signed(&dir, "other-ca", "/C=VN/O=elsewhere/CN=another CA");
        issue(
            &dir,
            "signer",
            "/C=VN/O=UBND tỉnh Tây Ninh/OU=Văn phòng/CN=Nguyễn Văn An",
            "ca",
            "2",
        );
        issue(
            &dir,
            "office",
            "/C=VN/O=UBND tỉnh Tây Ninh/CN=Văn phòng UBND tỉnh Tây Ninh",
            "ca",
            "3",
        );
        issue(
            &dir,
            "stranger",
            "/C=VN/O=elsewhere/CN=Trần Thị Bình",
            "other-ca",
            "4",
        );
        Keys {
            ca_pem: dir.join("ca.pem"),
            signer_p12: dir.join("signer.p12"),
            office_p12: dir.join("office.p12"),
            stranger_p12: dir.join("stranger.p12"),
            dir,
        }
    })
}

pub fn identity(p12: &Path) -> Identity {
    Identity::from_p12(&std::fs::read(p12).unwrap(), PASSWORD).unwrap()
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed plan (Kế hoạch 1026/KH-VP) as vanban renders it.
pub fn seed_pdf() -> Vec<u8> {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let doc = vanban::Document::from_path(repo().join("examples/ke-hoach-1026.yaml")).unwrap();
        vanban_pdf::to_pdf(&doc).unwrap()
    })
    .clone()
}

/// A time within the test certificates' validity: now, to the second.
pub fn now() -> SigningTime {
    static NOW: OnceLock<SigningTime> = OnceLock::new();
    *NOW.get_or_init(SigningTime::now_in_vietnam)
}

pub fn have(tool: &str) -> bool {
    Command::new(tool).arg("-v").output().is_ok()
}

/// pyHanko's Python: $VANBAN_PYHANKO, else the tools virtualenv scripts/test
/// makes. Missing is a failure under CI, a note otherwise.
pub fn pyhanko() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("VANBAN_PYHANKO").map(PathBuf::from),
        Some(repo().join("target/tools-venv/bin/python")),
    ];
    for c in candidates.into_iter().flatten() {
        let ok = Command::new(&c)
            .args(["-c", "import pyhanko"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(c);
        }
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pyHanko is not installed (scripts/test installs it)"
    );
    eprintln!("SKIPPED: pyHanko not installed (scripts/test installs it into target/tools-venv)");
    None
}
