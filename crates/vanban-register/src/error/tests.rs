//! Every variant has catalogue words in both languages; the English is
//! the words vanban always used.

use super::*;

/// One of each variant: a new variant fails to compile in
/// `Error::message` until it has its words, and here until it is listed.
fn one_of_each() -> Vec<Error> {
    let every = |e: &Error| match e {
        Error::Refused { .. }
        | Error::Busy { .. }
        | Error::ReadOnly(_)
        | Error::Taken { .. }
        | Error::AlreadyReceived { .. }
        | Error::RenderFailed { .. }
        | Error::NotFound(_)
        | Error::Invalid(_)
        | Error::Problems(_)
        | Error::Input(_)
        | Error::Output(_)
        | Error::Io { .. }
        | Error::Conflict { .. }
        | Error::Database { .. } => (),
    };
    let entry = msg!(
        "register-entry",
        id = 7,
        number = "01/KH-VP",
        date = "2026-03-08",
        status = "issued"
    );
    let all = vec![
        Error::Refused {
            target: "so.db".into(),
            why: msg!("register-not-sqlite"),
        },
        Error::Busy {
            target: "so.db".into(),
            seconds: 30,
        },
        Error::ReadOnly("so.db".into()),
        Error::Taken {
            year: 2026,
            number: 1,
            symbol: "KH-VP".into(),
            held_by: entry.clone(),
        },
        Error::AlreadyReceived {
            file: "cv.pdf".into(),
            year: 2026,
            incoming_number: 3,
            received_on: "2026-03-09".into(),
        },
        Error::RenderFailed {
            entry: entry.clone(),
            message: msg!("output-no-format"),
        },
        Error::NotFound("15/KH-VP".into()),
        Error::Invalid(msg!("register-void-reason")),
        Error::Problems(vec![
            msg!(
                "register-import-problem",
                at = "a.csv:2",
                reason = msg!("register-import-symbol")
            ),
            msg!(
                "register-import-problem",
                at = "a.csv:3",
                reason = msg!("register-import-symbol")
            ),
        ]),
        Error::Input(vanban::InputError::new(vec![vanban::Problem::new(
            "signer.name",
            msg!("field-required"),
        )])),
        Error::Output(vanban_output::Error::NoFormat),
        Error::Io {
            path: "a.csv".into(),
            source: std::io::Error::other("disk full"),
        },
        Error::Conflict {
            target: "so.db".into(),
            message: "UNIQUE constraint failed".into(),
        },
        Error::Database {
            target: "so.db".into(),
            message: msg!("register-cannot-connect", reason = "refused"),
        },
    ];
    all.iter().for_each(every);
    all
}

#[test]
fn every_variant_has_words_in_both_languages() {
    for error in one_of_each() {
        let (en, vi) = (error.display_in(Lang::En), error.display_in(Lang::Vi));
        assert!(
            !en.contains("register-") && !vi.contains("register-"),
            "{en} / {vi}"
        );
        if !matches!(error, Error::Io { .. } | Error::Conflict { .. }) {
            assert_ne!(en, vi, "{error:?}");
        }
        if let Message::Id { id, .. } = error.message() {
            assert!(vanban_i18n::exists(id), "{id}");
        }
    }
}

#[test]
fn english_is_unchanged_and_vietnamese_reads_as_an_office_would() {
    let all = one_of_each();
    assert_eq!(
        all[3].display_in(Lang::En),
        "number 1/KH-VP of 2026 is already held by entry #7 (01/KH-VP of 2026-03-08, issued)"
    );
    assert_eq!(
        all[3].display_in(Lang::Vi),
        "số 1/KH-VP năm 2026 đã được cấp cho mục #7 (01/KH-VP, ngày 2026-03-08, đã cấp số)"
    );
    assert_eq!(
        all[2].display_in(Lang::En),
        "so.db: opened read-only; this would change the register"
    );
    assert_eq!(
        all[0].display_in(Lang::En),
        "so.db: not a vanban register (not an SQLite database, or its header is damaged); left untouched"
    );
    assert_eq!(
        all[8].display_in(Lang::Vi),
        "a.csv:2: thiếu ký hiệu\na.csv:3: thiếu ký hiệu"
    );
    assert_eq!(
        all[9].display_in(Lang::Vi),
        "signer.name: là thông tin bắt buộc"
    );
    // Display follows the process's language, English by default.
    assert_eq!(all[6].to_string(), "no entry 15/KH-VP in the register");
}
