//! `vanban copy --paper` and `vanban copy --db` as a clerk runs them: the
//! paper copy of the shipped plan from the shipped block, numbers from the
//! register's copy sequence (one for the three kinds and both forms), the
//! files recorded with their SHA-256, and a bad block refused whole before
//! any number is taken.

#[path = "common/signing.rs"]
mod signing;

use std::path::Path;
use std::process::{Command, Output};

use signing::keys::{self, keys};
use signing::{ok, s, seed_pdf_at, top_right_text, vanban};
use vanban_register::{Book, Filter, RenderStatus, Settings};

fn text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", s(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn sha256(path: &Path) -> String {
    vanban_register::issue::sha256_hex(&std::fs::read(path).unwrap())
}

#[test]
fn copies_take_01_and_02_from_the_register_and_are_recorded() {
    let k = keys();
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("ke-hoach.pdf"));
    let db = dir.path().join("so-dang-ky.db");
    ok(&vanban(&[
        "register",
        "init",
        "--db",
        s(&db),
        "--office",
        "SỞ NỘI VỤ",
    ]));
    let block = keys::repo().join("examples/copy/sao-y.yaml");
    let paper = dir.path().join("ban-sao-y.pdf");
    let out = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&paper),
        "--paper",
        "--kind",
        "sao-y",
        "--block",
        s(&block),
        "--db",
        s(&db),
    ]);
    ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Số: 01/SY-SNV"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed = text(&paper);
    assert!(printed.contains("Số: 01/SY-SNV"), "{printed}");
    // The block's date is the copy's date, as the register recorded it.
    assert!(printed.contains("Tây Ninh, ngày 12 tháng 3 năm 2024"));
    let status = Command::new("qpdf").args(["--check", s(&paper)]).output();
    assert!(status.expect("qpdf").status.success());

    // The second copy of the year, another kind: 02 of the one sequence.
    let extract = dir.path().join("ban-trich-sao.pdf");
    let out = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&extract),
        "--paper",
        "--kind",
        "trich-sao",
        "--block",
        s(&block),
        "--db",
        s(&db),
    ]);
    ok(&out);
    assert!(text(&extract).contains("Số: 02/TrS-SNV"));

    // An electronic copy is numbered today, in this year's sequence.
    let electronic = dir.path().join("ban-sao-luc.pdf");
    ok(&vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&electronic),
        "--kind",
        "sao-luc",
        "--by",
        "Sở Nội vụ tỉnh Tây Ninh",
        "--abbreviation",
        "SNV",
        "--p12",
        s(&k.office_p12),
        "--db",
        s(&db),
        "--time",
        "2024-03-12T09:00:00+07:00",
    ]));

    let mut register = vanban_register::Register::open(s(&db), &Settings::default()).unwrap();
    let copies = register
        .entries(&Filter {
            book: Some(Book::Copy),
            ..Filter::default()
        })
        .unwrap();
    let of = |kind: &str| copies.iter().find(|e| e.kind == kind).unwrap();
    let (sy, ts, sl) = (of("sao-y"), of("trich-sao"), of("sao-luc"));
    assert_eq!(
        (sy.number_symbol(), sy.date.as_str(), ts.number_symbol()),
        ("01/SY-SNV".into(), "2024-03-12", "02/TrS-SNV".into())
    );
    let expected = if sl.year == 2024 { 3 } else { 1 };
    let number = format!("{expected:02}/SL-SNV");
    assert_eq!(sl.number_symbol(), number);
    let top = top_right_text(&electronic);
    assert!(top.contains(&format!("SAO LỤC; Số: {number}")), "{top}");
    for file in [&paper, &extract, &electronic] {
        let name = file.file_name().unwrap().to_str().unwrap();
        let entry = copies
            .iter()
            .find(|e| e.files.iter().any(|f| f.path.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} recorded in {copies:?}"));
        assert_eq!(entry.render_status, RenderStatus::Done);
        assert_eq!(entry.files.len(), 1, "{entry:?}");
        assert_eq!(entry.files[0].sha256, sha256(file), "{entry:?}");
    }
    let paper_entry = copies.iter().find(|e| e.kind == "sao-y").unwrap();
    assert!(
        paper_entry.summary.contains("1026/KH-VP"),
        "{paper_entry:?}"
    );
    assert_eq!(paper_entry.signer, "Trần Văn Bình");
    assert_eq!(register.next_copy_number(2024).unwrap(), 3);
}

#[test]
fn a_bad_block_is_refused_whole_before_a_number_is_taken() {
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("ke-hoach.pdf"));
    let db = dir.path().join("so.db");
    ok(&vanban(&["register", "init", "--db", s(&db)]));
    let block = dir.path().join("sao.yaml");
    std::fs::write(
        &block,
        "issuer: {name: SỞ NỘI VỤ}\nplace: Tây Ninh\ndate: 2024-13-40\nsigner: {title: GIÁM ĐỐC}\n",
    )
    .unwrap();
    let out_pdf = dir.path().join("ban-sao.pdf");
    let run = |lang: &str| {
        vanban(&[
            "--lang",
            lang,
            "copy",
            s(&input),
            "-o",
            s(&out_pdf),
            "--paper",
            "--kind",
            "trich-sao",
            "--block",
            s(&block),
            "--db",
            s(&db),
        ])
    };
    let out = run("en");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    for field in ["issuer.abbreviation", "date", "signer.name"] {
        assert!(err.contains(field), "{field} in {err}");
    }
    assert!(err.contains("sao.yaml:3:"), "the date's line: {err}");
    assert!(!out_pdf.exists());
    let vi = run("vi");
    assert_eq!(vi.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&vi.stderr).contains("bắt buộc"),
        "{}",
        String::from_utf8_lossy(&vi.stderr)
    );
    let mut register = vanban_register::Register::open(s(&db), &Settings::default()).unwrap();
    assert_eq!(
        register.next_copy_number(2026).unwrap(),
        1,
        "no number taken"
    );

    // A paper copy without a register: the number as given, or a blank slot.
    std::fs::write(
        &block,
        "issuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nplace: Tây Ninh\n\
         signer: {title: GIÁM ĐỐC, name: Lê Văn Cường}\n",
    )
    .unwrap();
    let given = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&out_pdf),
        "--paper",
        "--kind",
        "trich-sao",
        "--block",
        s(&block),
        "--number",
        "7",
    ]);
    ok(&given);
    assert!(text(&out_pdf).contains("Số: 07/TrS-SNV"));
    let bad = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&out_pdf),
        "--paper",
        "--kind",
        "trich-sao",
        "--block",
        s(&block),
        "--number",
        "bảy",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--number"));
}

/// The block file is a reader like any other: each bound refuses it with
/// the flag that raises it, naming the file (and the field), before any
/// PDF is written; the flag given raises the bound.
#[test]
fn a_hostile_block_file_is_refused_by_each_bound() {
    let dir = tempfile::tempdir().unwrap();
    let input = seed_pdf_at(dir.path().join("ke-hoach.pdf"));
    let out_pdf = dir.path().join("ban-sao.pdf");
    let good = "issuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nplace: Tây Ninh\n\
                signer: {title: GIÁM ĐỐC, name: Lê Văn Cường}\n";
    let run = |block: &str, flags: &[&str]| {
        let file = dir.path().join("sao.yaml");
        std::fs::write(&file, block).unwrap();
        let mut args = vec![
            "copy",
            s(&input),
            "-o",
            s(&out_pdf),
            "--paper",
            "--kind",
            "sao-y",
            "--block",
            s(&file),
        ];
        args.extend_from_slice(flags);
        vanban(&args)
    };
    let refused = |out: &Output, words: &[&str]| {
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        for word in words {
            assert!(err.contains(word), "{word} in {err}");
        }
        assert!(!out_pdf.exists(), "no copy written");
    };

    // Bytes: one more than --max-file-bytes (the PDF itself is under it).
    let pdf_bytes = std::fs::metadata(&input).unwrap().len();
    let padded = format!("{good}#{}\n", "x".repeat(pdf_bytes as usize));
    let limit = (padded.len() - 1).to_string();
    refused(
        &run(&padded, &["--max-file-bytes", &limit]),
        &["sao.yaml", "--max-file-bytes"],
    );

    // Depth: a list nested 10 deep, past --max-depth 8.
    let deep = format!("{good}recipients: {}{}\n", "[".repeat(10), "]".repeat(10));
    refused(
        &run(&deep, &["--max-depth", "8"]),
        &["sao.yaml", "--max-depth"],
    );

    // A field's characters: the signer's name and what is copied.
    let long = "issuer: {name: SỞ NỘI VỤ, abbreviation: SNV}\nplace: Tây Ninh\n\
                signer: {title: GIÁM ĐỐC, name: Lê Văn Cườngggggggggg}\n\
                copied: Trang 1 đến trang 3 của Kế hoạch\n";
    refused(
        &run(long, &["--max-field-chars", "20"]),
        &["signer.name", "copied", "--max-field-chars"],
    );

    // Not UTF-8 (Latin-1 from an old editor).
    let latin1 = dir.path().join("latin1.yaml");
    std::fs::write(&latin1, b"place: T\xe2y Ninh\n").unwrap();
    let out = vanban(&[
        "copy",
        s(&input),
        "-o",
        s(&out_pdf),
        "--paper",
        "--kind",
        "sao-y",
        "--block",
        s(&latin1),
    ]);
    refused(&out, &["latin1.yaml", "UTF-8"]);

    // Within the bounds it is read: the same block, the limits raised.
    ok(&run(
        &padded,
        &["--max-file-bytes", &padded.len().to_string()],
    ));
    assert!(text(&out_pdf).contains("SAO Y"));
}
