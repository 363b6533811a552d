//! The administrative map since 1 July 2025: 34 provinces (63 merged), no
//! district level (cấp huyện), 3,321 communes and wards. A document dated
//! after that which names a district or a merged province as an authority
//! is most likely a stale template; this module names the unit and what
//! replaced it. The data (`data/admin-map-2025.tsv`, from the MIT-licensed
//! PyPI package vietnamadminunits 1.0.4) is embedded in the binary.

use std::sync::OnceLock;

/// The day the new map took effect (Nghị quyết 202/2025/QH15; Luật Tổ
/// chức chính quyền địa phương 72/2025/QH15).
pub const EFFECTIVE: (u16, u8, u8) = (2025, 7, 1);

/// Where the data came from, for messages and `--help`.
pub const SOURCE: &str = "vietnamadminunits 1.0.4 (PyPI, MIT licence)";

const DATA: &str = include_str!("../data/admin-map-2025.tsv");

/// A unit named in a text that the 2025 map no longer has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// The unit as the map names it (`Tỉnh Hà Giang`, `Huyện An Phú`).
    pub unit: String,
    /// A district (cấp huyện), not a merged province.
    pub district: bool,
    /// The province before 1 July 2025 (for a district: every province that
    /// had a district of that name).
    pub old_provinces: Vec<String>,
    /// The province or provinces that replaced it.
    pub now: Vec<String>,
}

impl Stale {
    /// `Tỉnh Hà Giang → Tỉnh Tuyên Quang`, or for a district
    /// `Huyện An Phú (Tỉnh An Giang) → no district level; a commune or ward of Tỉnh An Giang`.
    pub fn describe(&self) -> String {
        self.message().english()
    }

    /// [`Stale::describe`] as a catalogue message.
    pub fn message(&self) -> vanban_i18n::Message {
        use vanban_i18n::msg;
        let now = self.now.join(" / ");
        if self.district {
            msg!(
                "lint-admin-replaced-district",
                unit = &self.unit,
                old = self.old_provinces.join(", "),
                now = now,
            )
        } else {
            msg!("lint-admin-replaced-province", unit = &self.unit, now = now)
        }
    }
}

struct Map {
    /// Current province → the provinces it took in.
    provinces: Vec<(String, Vec<String>)>,
    /// (district, its province before).
    districts: Vec<(String, String)>,
    /// Current province → its communes and wards.
    communes: Vec<(String, Vec<String>)>,
    /// Each district's spellings, folded (in the order of `districts`).
    district_keys: Vec<Vec<String>>,
    /// Each merged province (before, now) with its spellings, folded.
    gone: Vec<(String, String, Vec<String>)>,
    /// Every commune's and ward's name without its type, folded.
    commune_names: std::collections::HashSet<String>,
}

fn map() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = Map {
            provinces: Vec::new(),
            districts: Vec::new(),
            communes: Vec::new(),
            district_keys: Vec::new(),
            gone: Vec::new(),
            commune_names: Default::default(),
        };
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(tag), Some(name), Some(list)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let items = || list.split('|').map(str::to_string).collect::<Vec<_>>();
            match tag {
                "P" => m.provinces.push((name.to_string(), items())),
                "D" => m
                    .districts
                    .extend(list.split('|').map(|d| (d.to_string(), name.to_string()))),
                "W" => m.communes.push((name.to_string(), items())),
                _ => {}
            }
        }
        m.district_keys = m.districts.iter().map(|(d, _)| spellings(d)).collect();
        for (now, old) in &m.provinces {
            for o in old.iter().filter(|o| *o != now) {
                m.gone.push((o.clone(), now.clone(), spellings(o)));
            }
        }
        m.commune_names = m
            .communes
            .iter()
            .flat_map(|(_, l)| l.iter())
            .map(|c| short_name(c))
            .collect();
        m
    })
}

/// The 34 provinces and centrally-run cities of the current map.
pub fn provinces() -> impl Iterator<Item = &'static str> {
    map().provinces.iter().map(|(p, _)| p.as_str())
}

/// The provinces before 1 July 2025 that `province` (current) took in.
pub fn predecessors(province: &str) -> &'static [String] {
    map()
        .provinces
        .iter()
        .find(|(p, _)| p == province)
        .map_or(&[], |(_, old)| old.as_slice())
}

/// The current province a province of before 1 July 2025 became part of.
pub fn successor(old_province: &str) -> Option<&'static str> {
    map()
        .provinces
        .iter()
        .find(|(_, old)| old.iter().any(|o| o == old_province))
        .map(|(p, _)| p.as_str())
}

/// The current provinces with a commune or ward of this name
/// (`Xã An Phú`, `Phường Ba Đình`), compared without regard to case.
pub fn provinces_of_commune(name: &str) -> Vec<&'static str> {
    let key = fold(name);
    map()
        .communes
        .iter()
        .filter(|(_, list)| list.iter().any(|c| fold(c) == key))
        .map(|(p, _)| p.as_str())
        .collect()
}

/// The number of communes and wards of the current map.
pub fn commune_count() -> usize {
    map().communes.iter().map(|(_, l)| l.len()).sum()
}

/// Whether a date falls on or after 1 July 2025. With only a year (a date
/// with blank day and month slots), a year after 2025 does.
pub fn in_force(year: u16, month: Option<u8>, day: Option<u8>) -> bool {
    match (month, day) {
        (Some(m), Some(d)) => (year, m, d) >= EFFECTIVE,
        (Some(m), None) => (year, m) >= (EFFECTIVE.0, EFFECTIVE.1),
        _ => year > EFFECTIVE.0,
    }
}

/// Lower case, NFC, one space between words, dashes as `-` with no space
/// around them: `Bà Rịa – Vũng Tàu` and `BÀ RỊA-VŨNG TÀU` compare equal.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let text: String = text
        .nfc()
        .map(|c| {
            if matches!(c, '–' | '—' | '‐' | '‑') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .replace(" - ", "-")
        .replace(" -", "-")
        .replace("- ", "-")
        .to_lowercase()
}

/// The short forms clerks type for a unit's type (`TP. Thái Nguyên`).
fn spellings(unit: &str) -> Vec<String> {
    let f = fold(unit);
    let mut out = vec![f.clone()];
    for (long, shorts) in [
        ("thành phố ", &["tp. ", "tp."][..]),
        ("thị xã ", &["tx. ", "tx."][..]),
    ] {
        if let Some(name) = f.strip_prefix(long) {
            out.extend(shorts.iter().map(|s| format!("{s}{name}")));
        }
    }
    out
}

/// Whether `needle` stands in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(at) = hay[from..].find(needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// The districts and merged provinces a text names (an authority's name,
/// a recipient): `UBND HUYỆN AN PHÚ`, `Sở Tài chính tỉnh Hà Giang`.
pub fn stale_in(text: &str) -> Vec<Stale> {
    let hay = fold(text);
    let m = map();
    let mut out: Vec<Stale> = Vec::new();
    for (old, now, keys) in &m.gone {
        if keys.iter().any(|s| has_words(&hay, s)) {
            out.push(Stale {
                unit: old.clone(),
                district: false,
                old_provinces: vec![old.clone()],
                now: vec![now.clone()],
            });
        }
    }
    for ((district, old), keys) in m.districts.iter().zip(&m.district_keys) {
        if !keys.iter().any(|s| has_words(&hay, s)) {
            continue;
        }
        let now = successor(old).unwrap_or(old).to_string();
        match out.iter_mut().find(|s| s.district && &s.unit == district) {
            // One name, several provinces (Huyện Châu Thành): one finding.
            Some(s) => {
                if !s.old_provinces.contains(old) {
                    s.old_provinces.push(old.clone());
                }
                if !s.now.contains(&now) {
                    s.now.push(now);
                }
            }
            None => out.push(Stale {
                unit: district.clone(),
                district: true,
                old_provinces: vec![old.clone()],
                now: vec![now],
            }),
        }
    }
    out
}

/// A unit's name without its type (`Tỉnh Hà Giang` → `hà giang`), folded.
fn short_name(unit: &str) -> String {
    let f = fold(unit);
    ["tỉnh ", "thành phố ", "xã ", "phường ", "đặc khu "]
        .iter()
        .find_map(|p| f.strip_prefix(p).map(str::to_string))
        .unwrap_or(f)
}

/// A place name (`Hà Giang, ngày …`) that is a merged province's and no
/// current commune's or ward's.
pub fn stale_place(place: &str) -> Option<Stale> {
    let key = fold(place);
    let m = map();
    if m.commune_names.contains(&key) {
        return None;
    }
    m.gone
        .iter()
        .find(|(old, _, _)| short_name(old) == key)
        .map(|(old, now, _)| Stale {
            unit: old.clone(),
            district: false,
            old_provinces: vec![old.clone()],
            now: vec![now.clone()],
        })
}

/// What `vanban check` warns about in one of vanban's own inputs dated on
/// or after 1 July 2025: each field (parent, issuer, authority line,
/// addressee, recipient, signer, place) naming a district or a merged
/// province, as `field: found → what replaced it`.
pub fn check_document(doc: &vanban::Document) -> Vec<String> {
    let in_force_now = match (doc.date, doc.date_year) {
        (Some(d), _) => in_force(d.year(), Some(d.month()), Some(d.day())),
        (None, Some(y)) => in_force(y, None, None),
        (None, None) => false,
    };
    if !in_force_now {
        return Vec::new();
    }
    let mut fields: Vec<(String, &str)> = Vec::new();
    if let Some(parent) = &doc.parent {
        fields.push(("parent".into(), parent));
    }
    fields.push(("issuer".into(), &doc.issuer));
    if let Some(line) = &doc.authority_line {
        fields.push(("authority_line".into(), line));
    }
    for (i, a) in doc.addressees.iter().enumerate() {
        fields.push((format!("addressees[{i}]"), a));
    }
    for (i, r) in doc.recipients.iter().enumerate() {
        for name in &r.names {
            fields.push((format!("recipients[{i}]"), name));
        }
    }
    for (i, line) in doc.signer.authority.iter().enumerate() {
        fields.push((format!("signer.authority[{i}]"), line));
    }
    let mut out = Vec::new();
    for (field, text) in fields {
        for stale in stale_in(text) {
            out.push(warning(&field, text, &stale));
        }
    }
    if let Some(stale) = stale_place(&doc.place) {
        out.push(warning("place", &doc.place, &stale));
    }
    out
}

fn warning(field: &str, text: &str, stale: &Stale) -> String {
    let text = text.replace('\n', " ");
    format!(
        "warning[ND30-2.2-admin-map] {field}: `{text}` names a unit the map of 1 July 2025 no longer has: {}",
        stale.describe()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_has_34_provinces_63_before_and_3321_communes() {
        assert_eq!(provinces().count(), 34);
        let before: usize = provinces().map(|p| predecessors(p).len()).sum();
        assert_eq!(before, 63);
        assert_eq!(commune_count(), 3321);
        assert_eq!(map().districts.len(), 696);
    }

    #[test]
    fn a_merged_province_names_its_successor() {
        let found = stale_in("UBND TỈNH HÀ GIANG");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].describe(), "Tỉnh Hà Giang → Tỉnh Tuyên Quang");
        let found = stale_in("Sở Tài chính tỉnh Bà Rịa – Vũng Tàu;");
        assert_eq!(found[0].now, ["Thành phố Hồ Chí Minh"]);
        // A province that took others in is current.
        assert!(stale_in("ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG").is_empty());
        assert!(stale_in("UBND TỈNH TÂY NINH").is_empty());
    }

    #[test]
    fn a_district_is_gone_whatever_its_type_or_spelling() {
        let found = stale_in("ỦY BAN NHÂN DÂN HUYỆN AN PHÚ");
        assert_eq!(found.len(), 1);
        assert!(found[0].district);
        assert_eq!(found[0].now, ["Tỉnh An Giang"]);
        assert!(stale_in("UBND TP. Long Xuyên")
            .iter()
            .any(|s| s.unit == "Thành phố Long Xuyên"));
        assert!(!stale_in("Thị xã Tân Châu").is_empty());
        // Whole words only: a current commune of a similar name is no district.
        assert!(stale_in("ỦY BAN NHÂN DÂN XÃ AN PHÚ").is_empty());
        assert!(stale_in("Huyện An Phúc").is_empty());
        // One name in several provinces: one finding naming each.
        let many = stale_in("UBND huyện Châu Thành");
        assert_eq!(many.len(), 1);
        assert!(many[0].now.len() > 1, "{:?}", many[0]);
    }

    #[test]
    fn no_district_shares_a_current_province_name() {
        let current: Vec<String> = provinces().map(fold).collect();
        assert!(map()
            .districts
            .iter()
            .all(|(d, _)| !current.contains(&fold(d))));
    }

    #[test]
    fn a_place_is_stale_only_as_a_merged_province() {
        assert_eq!(stale_place("Hà Giang").unwrap().now, ["Tỉnh Tuyên Quang"]);
        assert!(stale_place("Tuyên Quang").is_none());
        assert!(stale_place("An Bình").is_none());
    }

    #[test]
    fn communes_belong_to_their_province() {
        assert!(provinces_of_commune("Xã An Phú").contains(&"Tỉnh An Giang"));
        assert_eq!(provinces_of_commune("Phường Ba Đình"), ["Thành phố Hà Nội"]);
        assert!(provinces_of_commune("Xã Không Có").is_empty());
    }

    #[test]
    fn in_force_from_1_july_2025() {
        assert!(!in_force(2025, Some(6), Some(30)));
        assert!(in_force(2025, Some(7), Some(1)));
        assert!(in_force(2026, None, None));
        assert!(!in_force(2025, None, None));
    }
}
