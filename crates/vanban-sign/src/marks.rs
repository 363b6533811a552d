//! The text of the decree's signature marks, which carry no image: a
//! separate-file attachment signed by the office (App. I II.8.b: number and
//! symbol; signing time) and an electronic copy (ô 14: kind, copying
//! office, signing time). The time is ISO 8601 in Vietnam's zone.

use crate::SigningTime;

/// The kinds of copy (Art. 25; App. I part II).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyKind {
    SaoY,
    SaoLuc,
    TrichSao,
}

impl CopyKind {
    /// The words printed (`SAO Y`, `SAO LỤC`, `TRÍCH SAO`).
    pub fn words(self) -> &'static str {
        match self {
            CopyKind::SaoY => "SAO Y",
            CopyKind::SaoLuc => "SAO LỤC",
            CopyKind::TrichSao => "TRÍCH SAO",
        }
    }

    /// The abbreviation of the copy's number (`SY`, `SL`, `TrS`).
    pub fn abbreviation(self) -> &'static str {
        match self {
            CopyKind::SaoY => "SY",
            CopyKind::SaoLuc => "SL",
            CopyKind::TrichSao => "TrS",
        }
    }
}

impl std::str::FromStr for CopyKind {
    type Err = String;
    fn from_str(s: &str) -> Result<CopyKind, String> {
        match s {
            "sao-y" => Ok(CopyKind::SaoY),
            "sao-luc" => Ok(CopyKind::SaoLuc),
            "trich-sao" => Ok(CopyKind::TrichSao),
            other => Err(format!(
                "copy kind `{other}`: expected sao-y, sao-luc or trich-sao"
            )),
        }
    }
}

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
