//! The register on both backends: every scenario runs on an SQLite file and
//! on a private PostgreSQL cluster (see common/pg.rs).

mod common;

use std::sync::Arc;

use vanban::Date;
use vanban_register::clock::vietnam_instant;
use vanban_register::{
    Book, CopyKind, CopyRequest, EntryRef, Error, Filter, FixedClock, IssueOptions, NewEntry,
    Received, Register, RegisterSettings, RenderStatus, Scheme, Settings, Status,
};

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

/// A register made for one scenario.
fn make(db: &str, scheme: Scheme, bodies: &[&str]) -> Register {
    let settings = RegisterSettings {
        scheme,
        office: "Văn phòng UBND tỉnh Tây Ninh".into(),
        bodies: bodies.iter().map(|b| b.to_string()).collect(),
    };
    Register::init(db, &settings, &Settings::default())
        .expect("init")
        .with_clock(Arc::new(FixedClock(vietnam_instant(
            date(2026, 3, 8),
            9,
            0,
        ))))
}

fn entry(kind: &str, symbol: &str) -> NewEntry {
    NewEntry {
        kind: kind.into(),
        symbol: symbol.into(),
        summary: format!("{kind} thử"),
        signer: "Đoàn Minh Long".into(),
        ..NewEntry::default()
    }
}

/// A named check, given a new database.
type Scenario = (&'static str, fn(&str));

/// Runs every scenario on `new_db()` databases.
fn all_scenarios(backend: &str, new_db: &dyn Fn() -> String) {
    let scenarios: &[Scenario] = &[
        ("shared sequence", shared_sequence),
        ("per-kind sequences", per_kind_sequences),
        ("year boundary", year_boundary),
        ("typed number collides", typed_number_collides),
        ("refused request consumes no number", refusal_leaves_no_gap),
        ("void keeps the number", void_keeps_the_number),
        ("incoming numbers", incoming_numbers),
        ("reserve then issue", reserve_then_issue),
        ("read-only", read_only),
        ("issue renders with the number", issue_renders),
        ("threads at once", threads_at_once),
    ];
    for (name, scenario) in scenarios {
        eprintln!("{backend}: {name}");
        scenario(&new_db());
    }
}

#[test]
fn sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let n = std::cell::Cell::new(0);
    all_scenarios("SQLite", &|| {
        n.set(n.get() + 1);
        dir.path()
            .join(format!("so-{}.db", n.get()))
            .display()
            .to_string()
    });
}

#[test]
fn postgresql() {
    let Some(cluster) = common::pg::start("register scenarios") else {
        return;
    };
    all_scenarios("PostgreSQL", &|| cluster.new_database());
}

fn shared_sequence(db: &str) {
    let mut reg = make(db, Scheme::Shared, &["Hội đồng thi đua"]);
    let numbers: Vec<i64> = [
        ("ke-hoach", "KH-VP"),
        ("bao-cao", "BC-VP"),
        ("ke-hoach", "KH-VP"),
    ]
    .iter()
    .map(|(k, s)| reg.record(&entry(k, s)).unwrap().number)
    .collect();
    assert_eq!(numbers, [1, 2, 3]);
    // Secret documents in their own sequence, whatever the scheme.
    let mut secret = entry("ke-hoach", "KH-VP");
    secret.secrecy = Some("MẬT".into());
    let secret = reg.record(&secret).unwrap();
    assert_eq!((secret.sequence.as_str(), secret.number), ("secret", 1));
    // An advisory body's own sequence; an unknown body is refused by name.
    let mut body = entry("thong-bao", "TB-HĐTĐ");
    body.body = Some("Hội đồng thi đua".into());
    let body = reg.record(&body).unwrap();
    assert_eq!(
        (body.sequence.as_str(), body.number),
        ("body:Hội đồng thi đua", 1)
    );
    let mut unknown = entry("thong-bao", "TB-X");
    unknown.body = Some("Ban khác".into());
    let err = reg.record(&unknown).unwrap_err().to_string();
    assert!(
        err.contains("Ban khác") && err.contains("Hội đồng thi đua"),
        "{err}"
    );
    // Copies: one sequence for the three kinds.
    let copy = |reg: &mut Register, kind| {
        reg.issue_copy(&CopyRequest {
            kind,
            issuer_abbreviation: "VP".into(),
            date: None,
            summary: "Kế hoạch số 01/KH-VP".into(),
            signer: "Đoàn Minh Long".into(),
            recipients: vec![],
            note: None,
        })
        .unwrap()
    };
    assert_eq!(reg.next_copy_number(2026).unwrap(), 1);
    let sy = copy(&mut reg, CopyKind::SaoY);
    let ts = copy(&mut reg, CopyKind::TrichSao);
    assert_eq!(
        (sy.number_symbol(), ts.number_symbol()),
        ("01/SY-VP".into(), "02/TrS-VP".into())
    );
    assert_eq!(
        (sy.book, reg.next_copy_number(2026).unwrap()),
        (Book::Copy, 3)
    );
    // The shared sequence went on where it was.
    assert_eq!(reg.record(&entry("to-trinh", "TTr-VP")).unwrap().number, 4);
    let info = reg.info().unwrap();
    assert_eq!(info.settings.scheme, Scheme::Shared);
    let last = |name: &str| {
        info.sequences
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.last)
    };
    assert_eq!(
        (last("shared"), last("secret"), last("copy")),
        (Some(4), Some(1), Some(2))
    );
    // Reopened from its URL, the register is the same.
    let mut again = Register::open(reg.url(), &Settings::default()).unwrap();
    assert_eq!(again.entries(&Filter::default()).unwrap().len(), 8);
    assert_eq!(again.settings().bodies, ["Hội đồng thi đua"]);
    // The general book leaves the secret document out; the copies are in.
    let book = again.book(2026, false).unwrap();
    assert_eq!(book.rows.len(), 7);
    assert!(book.rows.iter().all(|r| !r[9].contains("MẬT")));
    assert!(book.rows.iter().any(|r| r[0] == "01/SY-VP"));
    assert_eq!(book.columns.len(), 10);
}

fn per_kind_sequences(db: &str) {
    let mut reg = make(db, Scheme::PerKind, &[]);
    let got: Vec<String> = [
        ("ke-hoach", "KH-VP"),
        ("bao-cao", "BC-VP"),
        ("ke-hoach", "KH-VP"),
    ]
    .iter()
    .map(|(k, s)| reg.record(&entry(k, s)).unwrap().number_symbol())
    .collect();
    assert_eq!(got, ["01/KH-VP", "01/BC-VP", "02/KH-VP"]);
    assert_eq!(reg.info().unwrap().settings.scheme, Scheme::PerKind);
}

fn year_boundary(db: &str) {
    let reg = make(db, Scheme::Shared, &[]);
    let url = reg.url().to_owned();
    let at = |d: Date, h, m| {
        Register::open(&url, &Settings::default())
            .unwrap()
            .with_clock(Arc::new(FixedClock(vietnam_instant(d, h, m))))
    };
    let mut dec = at(date(2026, 12, 31), 23, 59);
    assert_eq!(dec.record(&entry("ke-hoach", "KH-VP")).unwrap().number, 1);
    let last = dec.record(&entry("ke-hoach", "KH-VP")).unwrap();
    assert_eq!(
        (last.year, last.number, last.date.as_str()),
        (2026, 2, "2026-12-31")
    );
    // Two minutes later in Vietnam (still 31 December in UTC): a new year.
    let mut jan = at(date(2027, 1, 1), 0, 1);
    let first = jan.record(&entry("ke-hoach", "KH-VP")).unwrap();
    assert_eq!(
        (first.year, first.number, first.date.as_str()),
        (2027, 1, "2027-01-01")
    );
    assert_eq!(first.number_symbol(), "01/KH-VP");
    // The same number and symbol in two years is allowed; in one it is not.
    let y2026 = jan
        .entries(&Filter {
            year: Some(2026),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(y2026.iter().map(|e| e.number).collect::<Vec<_>>(), [1, 2]);
}

fn typed_number_collides(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    let first = reg.record(&entry("ke-hoach", "KH-VP")).unwrap();
    let mut typed = entry("ke-hoach", "KH-VP");
    typed.number = Some(1);
    match reg.record(&typed) {
        Err(Error::Taken {
            held_by, number: 1, ..
        }) => {
            let held_by = held_by.english();
            assert!(
                held_by.contains(&format!("#{}", first.id)) && held_by.contains("01/KH-VP"),
                "{held_by}"
            )
        }
        other => panic!("expected Taken, got {other:?}"),
    }
    // A typed number ahead raises the sequence: the next is after it.
    typed.number = Some(10);
    assert_eq!(reg.record(&typed).unwrap().number, 10);
    assert_eq!(reg.record(&entry("bao-cao", "BC-VP")).unwrap().number, 11);
}

fn refusal_leaves_no_gap(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    assert_eq!(reg.record(&entry("ke-hoach", "KH-VP")).unwrap().number, 1);
    let mut bad = entry("ke-hoach", "KH-VP");
    bad.number = Some(1);
    assert!(reg.record(&bad).is_err());
    bad.number = Some(-3);
    assert!(reg.record(&bad).is_err());
    assert_eq!(reg.record(&entry("ke-hoach", "KH-VP")).unwrap().number, 2);
}

fn void_keeps_the_number(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    let one = reg.record(&entry("ke-hoach", "KH-VP")).unwrap();
    assert!(reg.void(&EntryRef::Id(one.id), "  ").is_err());
    let void = reg.void(&"01/KH-VP".parse().unwrap(), "ký nhầm").unwrap();
    assert_eq!(
        (void.status, void.void_reason.as_deref()),
        (Status::Void, Some("ký nhầm"))
    );
    assert!(reg.void(&EntryRef::Id(one.id), "lần nữa").is_err());
    assert_eq!(reg.record(&entry("ke-hoach", "KH-VP")).unwrap().number, 2);
    let listed = reg
        .entries(&Filter {
            text: Some("KÝ NHẦM".into()),
            ..Filter::default()
        })
        .unwrap();
    assert_eq!(listed.len(), 1);
}

fn incoming_numbers(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    let received = |sha: &str, on: Date| Received {
        issuer: "UBND tỉnh Tây Ninh".into(),
        number: 623,
        symbol: "KH-UBND".into(),
        date: Some(date(2026, 3, 7)),
        kind: "ke-hoach".into(),
        summary: "Tuyên truyền thi đua".into(),
        file_name: format!("{sha}.pdf"),
        sha256: sha.into(),
        received_on: Some(on),
        recipient: None,
        note: None,
    };
    let a = reg.receive(&received("aa", date(2026, 3, 8))).unwrap();
    let b = reg.receive(&received("bb", date(2026, 3, 9))).unwrap();
    assert_eq!((a.incoming_number, b.incoming_number), (1, 2));
    assert_eq!(
        (a.number, a.symbol.as_str(), a.date.as_deref()),
        (623, "KH-UBND", Some("2026-03-07"))
    );
    match reg.receive(&received("aa", date(2026, 3, 10))) {
        Err(Error::AlreadyReceived {
            incoming_number: 1, ..
        }) => {}
        other => panic!("the same file twice must be reported, got {other:?}"),
    }
    // Incoming numbers restart with the year; outgoing ones are apart.
    let c = reg.receive(&received("cc", date(2027, 1, 1))).unwrap();
    assert_eq!((c.year, c.incoming_number), (2027, 1));
    assert_eq!(reg.record(&entry("ke-hoach", "KH-VP")).unwrap().number, 1);
    let mut missing = received("dd", date(2027, 1, 2));
    missing.symbol.clear();
    let err = reg.receive(&missing).unwrap_err().to_string();
    assert!(err.contains("symbol"), "{err}");
    assert_eq!(reg.incoming(&Filter::default()).unwrap().len(), 3);
}

fn reserve_then_issue(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    let held = reg.reserve(&entry("ke-hoach", "KH-VP")).unwrap();
    assert_eq!((held.number, held.status), (1, Status::Reserved));
    assert_eq!(reg.record(&entry("bao-cao", "BC-VP")).unwrap().number, 2);
    let (input, doc) = common::plan("Tuyên truyền thi đua năm 2026", "ke-hoach", "");
    let out = tempfile::tempdir().unwrap();
    let done = reg
        .issue_reserved(
            &EntryRef::Id(held.id),
            &input,
            &doc,
            &IssueOptions::new(out.path()),
        )
        .unwrap();
    assert_eq!(
        (done.number, done.status, done.render_status),
        (1, Status::Issued, RenderStatus::Done)
    );
    assert_eq!(done.summary, "Tuyên truyền thi đua năm 2026");
    // A document of another symbol cannot take it.
    let other = reg.reserve(&entry("bao-cao", "BC-VP")).unwrap();
    let err = reg
        .issue_reserved(
            &EntryRef::Id(other.id),
            &input,
            &doc,
            &IssueOptions::new(out.path()),
        )
        .unwrap_err();
    assert!(err.to_string().contains("BC-VP"), "{err}");
}

fn read_only(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    reg.record(&entry("ke-hoach", "KH-VP")).unwrap();
    let settings = Settings {
        read_only: true,
        ..Settings::default()
    };
    let mut auditor = Register::open(reg.url(), &settings).unwrap();
    assert_eq!(auditor.entries(&Filter::default()).unwrap().len(), 1);
    assert!(matches!(
        auditor.record(&entry("ke-hoach", "KH-VP")),
        Err(Error::ReadOnly(_))
    ));
    assert!(matches!(
        auditor.void(&EntryRef::Id(1), "x"),
        Err(Error::ReadOnly(_))
    ));
}

fn issue_renders(db: &str) {
    let mut reg = make(db, Scheme::Shared, &[]);
    let out = tempfile::tempdir().unwrap();
    let (input, doc) = common::plan("Tuyên truyền thi đua năm 2026", "ke-hoach", "");
    let options = IssueOptions::new(out.path());
    let first = reg.issue(&input, &doc, &options).unwrap();
    let second = reg.issue(&input, &doc, &options).unwrap();
    assert_eq!((first.number, second.number), (1, 2));
    assert_eq!(first.render_status, RenderStatus::Done);
    assert_eq!(first.files.len(), 2);
    let pdf = first
        .files
        .iter()
        .find(|f| f.path.ends_with(".pdf"))
        .unwrap();
    assert!(pdf.path.ends_with("2026-01-KH-VP.pdf"), "{}", pdf.path);
    let bytes = std::fs::read(&pdf.path).unwrap();
    assert_eq!(vanban_register::issue::sha256_hex(&bytes), pdf.sha256);
    // The number and the date are in the document.
    let docx = first
        .files
        .iter()
        .find(|f| f.path.ends_with(".docx"))
        .unwrap();
    let text = docx_text(&docx.path);
    assert!(text.contains("01/KH-VP"), "number missing from the DOCX");
    assert!(
        text.contains("ngày 08 tháng 3 năm 2026"),
        "date missing from the DOCX"
    );
    // verify: all ok; a changed and a missing file are reported.
    let checks = reg.verify(&Filter::default(), 1 << 30).unwrap();
    assert!(checks.iter().all(|c| c.state == "ok") && checks.len() == 4);
    std::fs::write(&pdf.path, b"changed").unwrap();
    std::fs::remove_file(&docx.path).unwrap();
    let states: Vec<String> = reg
        .verify(&Filter::default(), 1 << 30)
        .unwrap()
        .into_iter()
        .filter(|c| c.state != "ok")
        .map(|c| format!("{} {}", c.state, c.path.rsplit('.').next().unwrap()))
        .collect();
    assert_eq!(states, ["missing docx", "changed pdf"]);
    // render writes them again, the same bytes.
    let again = reg
        .render_again(&EntryRef::Id(first.id), None, None, Default::default())
        .unwrap();
    assert_eq!(again.files, first.files);
    assert!(reg
        .verify(&Filter::default(), 1 << 30)
        .unwrap()
        .iter()
        .all(|c| c.state == "ok"));
    // A render that fails after the commit leaves the entry, marked failed.
    let blocked = out.path().join("blocked");
    std::fs::write(&blocked, b"a file where the folder should be").unwrap();
    let err = reg
        .issue(&input, &doc, &IssueOptions::new(&blocked))
        .unwrap_err();
    assert!(matches!(err, Error::RenderFailed { .. }), "{err}");
    let failed = reg.entry(&EntryRef::Id(3)).unwrap();
    assert_eq!(
        (failed.number, failed.render_status),
        (3, RenderStatus::Failed)
    );
    assert!(failed.render_error.is_some());
    let fixed = reg
        .render_again(&EntryRef::Id(3), Some(out.path()), None, Default::default())
        .unwrap();
    assert_eq!(fixed.render_status, RenderStatus::Done);
}

/// Eight threads, each with its own connection, record 50 entries at once:
/// 1…400, each once.
fn threads_at_once(db: &str) {
    let reg = make(db, Scheme::Shared, &[]);
    let url = reg.url().to_owned();
    drop(reg);
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut reg = Register::open(&url, &Settings::default()).unwrap();
                (0..50)
                    .map(|_| reg.record(&entry("ke-hoach", "KH-VP")).unwrap().number)
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<i64> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    all.sort();
    assert_eq!(all, (1..=400).collect::<Vec<_>>());
}

/// The text of a DOCX's body (its `w:t` runs, joined).
fn docx_text(path: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let xml = xml.replace("<w:noBreakHyphen />", "<w:t>-</w:t>");
    let mut text = String::new();
    for part in xml.split("<w:t").skip(1) {
        if let Some(start) = part.find('>') {
            if let Some(end) = part[start..].find("</w:t>") {
                text.push_str(&part[start + 1..start + end]);
            }
        }
    }
    text
}
