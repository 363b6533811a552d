//! The text of the decree's signature marks, which carry no image: a
//! separate-file attachment signed by the office (App. I II.8.b: number and
//! symbol; signing time) and an electronic copy (ô 14: kind, copying
//! office, signing time). The time is ISO 8601 in Vietnam's zone.

use crate::SigningTime;

/// The kinds of copy: the core's, so a mark and a paper copy's block
/// name a kind with the same words and abbreviation.
pub use vanban::copy::CopyKind;

/// The attachment's mark: `Số: 565/TB-UBND` and the signing time.
pub fn attachment(number_symbol: &str, time: SigningTime) -> Vec<String> {
    vec![format!("Số: {number_symbol}"), time.iso()]
}

/// The copy's mark (ô 14): the kind (with the copy's number when there is
/// one), the copying office and the signing time.
pub fn copy(kind: CopyKind, office: &str, number: Option<&str>, time: SigningTime) -> Vec<String> {
    let first = match number {
        Some(n) => format!("{}; Số: {n}", kind.words()),
        None => kind.words().to_string(),
    };
    vec![first, office.to_string(), time.iso()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_mark_names_kind_office_and_vietnam_time() {
        let t = SigningTime::parse_iso("2026-12-07T14:30:00+07:00").unwrap();
        let lines = copy(
            CopyKind::SaoLuc,
            "Văn phòng UBND tỉnh Tây Ninh",
            Some("05/SL-VP"),
            t,
        );
        assert_eq!(
            lines,
            [
                "SAO LỤC; Số: 05/SL-VP",
                "Văn phòng UBND tỉnh Tây Ninh",
                "2026-12-07T14:30:00+07:00"
            ]
        );
        assert_eq!(attachment("565/TB-UBND", t)[0], "Số: 565/TB-UBND");
    }
}
