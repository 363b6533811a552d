//! What an indicator measures, which decides what may be done with it: an
//! amount or a count adds up across units and within a group; a rate (`%`,
//! `‰`, per person …) is averaged with a weight and changes in points; a
//! score, an index or an age (`điểm`, `chỉ số`, `tuổi`) is never added and
//! is averaged only with a weight. Inferred from the unit, or set with
//! `measure:`.

use vanban::vn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Money, area, output …: adds up.
    Amount,
    /// People, households, cases …: adds up.
    Count,
    /// A share (`%`, `‰`) or a value per head (`triệu đồng/người/năm`).
    Rate,
    /// Points on a scale (`điểm`: PAR Index, SIPAS).
    Score,
    /// An index (`chỉ số`).
    Index,
    /// Years of age (`tuổi`: life expectancy).
    Age,
    /// Anything else, or no unit: never added.
    Other,
}

/// Units that are points on a scale, not quantities, by measure.
const NOT_QUANTITIES: [(&str, Measure); 9] = [
    ("điểm", Measure::Score),
    ("điểm số", Measure::Score),
    ("hạng", Measure::Score),
    ("xếp hạng", Measure::Score),
    ("thứ hạng", Measure::Score),
    ("bậc", Measure::Score),
    ("chỉ số", Measure::Index),
    ("tuổi", Measure::Age),
    ("năm tuổi", Measure::Age),
];

impl Measure {
    /// The measure a unit implies.
    pub fn of_unit(unit: &str) -> Measure {
        let unit = vn::nfc(unit.trim()).to_lowercase();
        if unit.is_empty() {
            return Measure::Other;
        }
        if unit.contains(['%', '‰', '/'])
            || ["phần trăm", "phần nghìn", "phần ngàn", "trên 1"]
                .iter()
                .any(|w| unit.contains(w))
        {
            return Measure::Rate;
        }
        NOT_QUANTITIES
            .iter()
            .find(|(u, _)| unit == *u)
            .map_or(Measure::Amount, |(_, m)| *m)
    }

    /// `measure:` as data writes it, in English or Vietnamese.
    pub fn parse(text: &str) -> Result<Measure, vanban_i18n::Message> {
        let word = vn::nfc(text.trim()).to_lowercase();
        Ok(match word.as_str() {
            "amount" | "giá trị" | "khối lượng" | "số tiền" => Measure::Amount,
            "count" | "số lượng" | "số" => Measure::Count,
            "rate" | "tỷ lệ" | "tỉ lệ" | "bình quân" => Measure::Rate,
            "score" | "điểm" => Measure::Score,
            "index" | "chỉ số" => Measure::Index,
            "age" | "tuổi" => Measure::Age,
            "other" | "khác" => Measure::Other,
            _ => return Err(vanban_i18n::msg!("measure-unknown", value = text.trim())),
        })
    }

    /// Whether values of one quantity add up (across units, in a group).
    pub fn summable(self) -> bool {
        matches!(self, Measure::Amount | Measure::Count)
    }

    pub fn name(self) -> &'static str {
        match self {
            Measure::Amount => "amount",
            Measure::Count => "count",
            Measure::Rate => "rate",
            Measure::Score => "score",
            Measure::Index => "index",
            Measure::Age => "age",
            Measure::Other => "other",
        }
    }
}

/// How a change of a rate written in `unit` is said, in points: `%` →
/// `điểm phần trăm`; `None` for a unit whose change is said in per cent.
pub fn points_of(unit: &str) -> Option<&'static str> {
    let unit = vn::nfc(unit.trim()).to_lowercase();
    if unit == "%" || unit == "phần trăm" {
        Some("điểm phần trăm")
    } else if unit == "‰" || unit == "phần nghìn" || unit == "phần ngàn" {
        Some("điểm phần nghìn")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_imply_their_measure() {
        assert_eq!(Measure::of_unit("%"), Measure::Rate);
        assert_eq!(Measure::of_unit("‰"), Measure::Rate);
        assert_eq!(Measure::of_unit("triệu đồng/người/năm"), Measure::Rate);
        assert_eq!(Measure::of_unit("Điểm"), Measure::Score);
        assert_eq!(Measure::of_unit("tuổi"), Measure::Age);
        assert_eq!(Measure::of_unit("chỉ số"), Measure::Index);
        assert_eq!(Measure::of_unit("tỷ đồng"), Measure::Amount);
        assert_eq!(Measure::of_unit("vụ"), Measure::Amount);
        // A count of school sites is not a score.
        assert_eq!(Measure::of_unit("điểm trường"), Measure::Amount);
        assert_eq!(Measure::of_unit(""), Measure::Other);
        assert!(!Measure::of_unit("điểm").summable());
        assert!(Measure::of_unit("ha").summable());
    }

    #[test]
    fn measures_in_either_language() {
        assert_eq!(Measure::parse("Tỷ lệ"), Ok(Measure::Rate));
        assert_eq!(Measure::parse("count"), Ok(Measure::Count));
        assert!(Measure::parse("nhiều")
            .unwrap_err()
            .english()
            .contains("amount (giá trị)"));
        assert_eq!(points_of("%"), Some("điểm phần trăm"));
        assert_eq!(points_of("triệu đồng/người"), None);
    }
}
