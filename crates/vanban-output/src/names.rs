//! One file-name policy and one collision policy for every run, CLI and
//! Python alike.
//!
//! **Names are ASCII slugs**: `Xã Đông Hòa / ấp 3` → `xa-dong-hoa-ap-3`
//! (marks dropped, `đ` → `d`, lower case, anything but letters and digits
//! becomes `-`, at most 80 characters). Such names survive every file system
//! (macOS stores accented names decomposed, Windows and zip archives mangle
//! them), URLs and e-mail attachments. An item without a usable name gets
//! `PREFIX-NNN`: the template's name (or `van-ban`) and its 1-based number
//! among the items, zero-padded to at least three digits (more when there are
//! more items), so the numbers match the `row N` of error messages.
//!
//! **A run never overwrites a file it wrote itself**: a name already given in
//! this run, compared without regard to case, gets `-2`, `-3`, … (the first
//! free one). Files left by earlier runs are replaced.
//!
//! **Names Windows reserves for devices** (`con`, `prn`, `aux`, `nul`,
//! `com1`–`com9`, `lpt1`–`lpt9`: `nul.docx` cannot be opened there) get
//! `-1`: `con-1`.

use std::collections::{HashMap, HashSet};

/// Used when there is no template to name numbered files after.
pub const DEFAULT_PREFIX: &str = "van-ban";

/// The ASCII file stem for a name (empty when nothing usable is left).
pub fn slug(name: &str) -> String {
    let stem = vanban_report::data::file_stem(name);
    if is_reserved(&stem) {
        format!("{stem}-1")
    } else {
        stem
    }
}

/// A device name on Windows, whatever follows its dot.
fn is_reserved(stem: &str) -> bool {
    let stem = stem.to_ascii_lowercase();
    matches!(stem.as_str(), "con" | "prn" | "aux" | "nul")
        || ["com", "lpt"].iter().any(|p| {
            stem.strip_prefix(p)
                .is_some_and(|d| d.len() == 1 && matches!(d.as_bytes()[0], b'1'..=b'9'))
        })
}

/// Gives each item of a run its file stem, in item order.
#[derive(Debug)]
pub struct Namer {
    prefix: String,
    width: usize,
    /// Lower-cased stems given so far.
    used: HashSet<String>,
    /// For a stem given before: the suffix to try next, so that one name
    /// shared by 40,000 items costs no more than 40,000 names.
    next: HashMap<String, usize>,
}

impl Namer {
    /// `prefix` names the numbered files (`None`: `van-ban`); `total`, when
    /// known, widens the numbers so that they sort.
    pub fn new(prefix: Option<&str>, total: Option<usize>) -> Namer {
        let prefix = prefix.map(slug).filter(|p| !p.is_empty());
        Namer {
            prefix: prefix.unwrap_or_else(|| DEFAULT_PREFIX.to_string()),
            width: total.map_or(0, |n| n.to_string().len()).max(3),
            used: HashSet::new(),
            next: HashMap::new(),
        }
    }

    /// The stem for item `number` (1-based): its `name` as a slug, else the
    /// numbered stem; never one this namer gave before.
    pub fn name(&mut self, number: usize, name: Option<&str>) -> String {
        let stem = name
            .map(slug)
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| format!("{}-{number:0width$}", self.prefix, width = self.width));
        self.claim(stem)
    }

    /// `stem`, or `stem-2`, `stem-3` … whichever is not yet taken.
    pub fn claim(&mut self, stem: String) -> String {
        let key = stem.to_lowercase();
        if self.used.insert(key.clone()) {
            return stem;
        }
        let mut n = self.next.get(&key).copied().unwrap_or(2);
        loop {
            let candidate = format!("{stem}-{n}");
            n += 1;
            if self.used.insert(candidate.to_lowercase()) {
                self.next.insert(key, n);
                return candidate;
            }
        }
    }
}

/// The text at a dotted data path (`issuer.name`, `units.0`), for naming
/// files by a data field; numbers are written as JSON writes them.
pub fn lookup(data: &serde_json::Value, path: &str) -> Option<String> {
    let value = data.get(path).or_else(|| {
        path.split('.')
            .try_fold(data, |value, key| match key.parse::<usize>() {
                Ok(i) if value.is_array() => value.get(i),
                _ => value.get(key),
            })
    })?;
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_are_slugs_and_numbers_start_at_one() {
        let mut namer = Namer::new(Some("bao-cao"), Some(50));
        assert_eq!(
            namer.name(1, Some("Xã Đông Hòa / ấp 3")),
            "xa-dong-hoa-ap-3"
        );
        assert_eq!(namer.name(2, None), "bao-cao-002");
        assert_eq!(namer.name(3, Some(" ../ ")), "bao-cao-003");
        let mut wide = Namer::new(None, Some(12_000));
        assert_eq!(wide.name(7, None), "van-ban-00007");
    }

    #[test]
    fn a_name_is_never_given_twice_whatever_its_case() {
        let mut namer = Namer::new(Some("bao-cao"), None);
        let names: Vec<String> = [
            Some("An Bình"),
            Some("AN BÌNH"),
            Some("an-binh-2"),
            Some("an binh"),
        ]
        .into_iter()
        .enumerate()
        .map(|(i, n)| namer.name(i + 1, n))
        .collect();
        assert_eq!(names, ["an-binh", "an-binh-2", "an-binh-2-2", "an-binh-3"]);
        // A claimed number is not reissued to a later numbered item either.
        let mut namer = Namer::new(Some("x"), None);
        assert_eq!(namer.name(1, Some("x-002")), "x-002");
        assert_eq!(namer.name(2, None), "x-002-2");
    }

    #[test]
    fn windows_device_names_get_a_suffix() {
        let mut namer = Namer::new(Some("x"), None);
        let names: Vec<String> = ["CON", "nul", "Com1", "lpt9", "com10", "aux.", "prn 2"]
            .iter()
            .enumerate()
            .map(|(i, n)| namer.name(i + 1, Some(n)))
            .collect();
        assert_eq!(
            names,
            ["con-1", "nul-1", "com1-1", "lpt9-1", "com10", "aux-1", "prn-2"]
        );
    }

    #[test]
    fn one_name_shared_by_40000_items_is_linear() {
        let mut namer = Namer::new(Some("x"), Some(40_000));
        let names: Vec<String> = (1..=40_000)
            .map(|i| namer.name(i, Some("Xã An Bình")))
            .collect();
        assert_eq!(names[0], "xa-an-binh");
        assert_eq!(names[1], "xa-an-binh-2");
        assert_eq!(names[39_999], "xa-an-binh-40000");
        // The search for a free suffix resumes where it stopped.
        assert_eq!(namer.next.get("xa-an-binh"), Some(&40_001));
        let unique: HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 40_000);
    }

    #[test]
    fn lookup_reads_dotted_paths() {
        let data = json!({"issuer": {"name": "UBND"}, "units": [{"n": 5}], "a.b": "flat"});
        assert_eq!(lookup(&data, "issuer.name").as_deref(), Some("UBND"));
        assert_eq!(lookup(&data, "units.0.n").as_deref(), Some("5"));
        assert_eq!(lookup(&data, "a.b").as_deref(), Some("flat"));
        assert_eq!(lookup(&data, "issuer"), None);
        assert_eq!(lookup(&data, "nope"), None);
    }
}
