//! Templates whose field list is closed: data fields the comment block does
//! not document are refused, so a misspelt optional field (`closign` for
//! `closing`) is an error instead of a silently missing paragraph.
//!
//! A template opts in with the line [`MARKER`] in its comment block. The
//! documented paths (`issuer.name`, `articles[].title`, `drafter?`) make a
//! tree: a field with documented children accepts only those children; a
//! field without (`drafter`, `bases[]`) accepts any value below it.
//!
//! Beyond the documented fields, data may carry the fields it names itself
//! as a roll-up's weights (`weights: {Tỷ lệ hộ nghèo: households}`, or an
//! indicator's `weight: households`), so a unit's own report can be rolled
//! up too, and the fields a caller declares (a batch's `--name-field`).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::file::Field;
use vanban_i18n::{msg, Message};

/// The comment line that closes a template's field list.
pub const MARKER: &str = "Fields not listed here are refused.";

/// Documented fields whose values name other data fields (roll-up weights):
/// the mapping `weights` (its values), and each indicator's `weight`.
const NAMING_MAP: &str = "weights";
const NAMING_ITEM: (&str, &str) = ("indicators", "weight");

/// A data field the template does not document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unknown {
    /// Its data path: `articles.1.titel`.
    pub path: String,
    /// The names allowed where it stands, sorted.
    pub allowed: Vec<String>,
    /// The allowed name it most likely misspells.
    pub nearest: Option<String>,
}

impl Unknown {
    /// "`articles.1.titel` (did you mean `title`? allowed there: clauses, text, title)"
    pub fn describe(&self) -> Message {
        let path = self.path.as_str();
        let allowed = self.allowed.join(", ");
        match &self.nearest {
            Some(meant) => msg!(
                "closed-unknown-meant",
                path = path,
                meant = meant,
                allowed = allowed
            ),
            None => msg!("closed-unknown", path = path, allowed = allowed),
        }
    }
}

/// The documented fields as a tree of names; an empty node accepts anything.
#[derive(Default, Debug)]
struct Node {
    children: BTreeMap<String, Node>,
    /// Documented as a list (`indicators[]`): it may also be given as
    /// `{from: FILE, …}`, which the data reader fills in.
    list: bool,
    /// Its own documentation line, if it has one (`request?: …`); a node
    /// that only leads to documented fields (`issuer` of `issuer.name`) has none.
    doc: Option<(bool, String)>,
}

impl Node {
    fn from_fields(fields: &[Field], extra: &[String]) -> Node {
        let mut root = Node::default();
        let extra = extra.iter().map(|path| (path.as_str(), None));
        let documented = fields
            .iter()
            .map(|f| (f.path.as_str(), Some((f.required, f.description.clone()))));
        for (path, doc) in documented.chain(extra) {
            let mut node = &mut root;
            for segment in path.split('.') {
                let name = segment.trim_end_matches("[]");
                node = node.children.entry(name.to_string()).or_default();
                node.list |= segment.ends_with("[]");
            }
            if doc.is_some() {
                node.doc = doc;
            }
        }
        root
    }

    /// Required: documented so, or (without a line of its own) leading to
    /// a required field (`signer` of `signer.title`).
    fn required(&self) -> bool {
        match &self.doc {
            Some((required, _)) => *required,
            None => self.children.values().any(Node::required),
        }
    }
}

/// A required field the data lacks: its path and what the template says of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// `year`, `indicators.2.name`.
    pub path: String,
    pub description: String,
}

/// Every documented required field the data lacks, where its parent is
/// there (`request.kind` only when there is a `request`; `indicators[].name`
/// in each indicator), in name order.
pub fn missing_fields(fields: &[Field], data: &Value) -> Vec<Missing> {
    let tree = Node::from_fields(fields, &[]);
    let mut found = Vec::new();
    lacking(&tree, data, "", &mut found);
    found
}

fn lacking(node: &Node, value: &Value, at: &str, found: &mut Vec<Missing>) {
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match value {
        Value::Object(map) if node.list && map.get("from").is_some_and(Value::is_string) => {}
        Value::Object(map) => {
            for (name, child) in &node.children {
                match map.get(name) {
                    Some(inner) if !child.children.is_empty() => {
                        lacking(child, inner, &join(name), found)
                    }
                    Some(_) => {}
                    None if child.required() => found.push(Missing {
                        path: join(name),
                        description: child.doc.as_ref().map(|d| d.1.clone()).unwrap_or_default(),
                    }),
                    None => {}
                }
            }
        }
        Value::Array(items) if node.list => {
            for (i, item) in items.iter().enumerate() {
                lacking(node, item, &join(&i.to_string()), found);
            }
        }
        _ => {}
    }
}

/// Every data path the fields do not document, in data order, with the
/// names allowed where it stands. `extra` adds paths a caller allows (a
/// batch's name field); fields named by the data's roll-up weights are
/// allowed when the template documents `weights` or `indicators[].weight`.
pub fn unknown_fields(fields: &[Field], data: &Value, extra: &[String]) -> Vec<Unknown> {
    let mut allowed = extra.to_vec();
    allowed.extend(weight_fields(fields, data));
    let tree = Node::from_fields(fields, &allowed);
    let mut found = Vec::new();
    check(&tree, data, "", &mut found);
    found
}

/// The data paths the data names as roll-up weights, where the template
/// documents the naming fields.
fn weight_fields(fields: &[Field], data: &Value) -> Vec<String> {
    let documents = |path: &str| fields.iter().any(|f| f.path == path);
    let mut named = Vec::new();
    if documents(NAMING_MAP) {
        if let Some(Value::Object(map)) = data.get(NAMING_MAP) {
            named.extend(map.values().filter_map(Value::as_str).map(str::to_string));
        }
    }
    let (list, key) = NAMING_ITEM;
    if documents(&format!("{list}[].{key}")) {
        if let Some(Value::Array(items)) = data.get(list) {
            named.extend(
                items
                    .iter()
                    .filter_map(|item| item.get(key)?.as_str())
                    .map(str::to_string),
            );
        }
    }
    named.retain(|path| !path.trim().is_empty());
    named
}

fn check(node: &Node, value: &Value, at: &str, found: &mut Vec<Unknown>) {
    if node.children.is_empty() {
        return;
    }
    let join = |key: &str| {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    };
    match value {
        // Read from a sheet or CSV file before the template sees it.
        Value::Object(map) if node.list && map.get("from").is_some_and(Value::is_string) => {}
        Value::Object(map) => {
            for (key, child) in map {
                match node.children.get(key) {
                    Some(next) => check(next, child, &join(key), found),
                    None => {
                        let allowed: Vec<String> = node.children.keys().cloned().collect();
                        found.push(Unknown {
                            path: join(key),
                            nearest: nearest(key, &allowed),
                            allowed,
                        });
                    }
                }
            }
        }
        // A documented list's items are checked against the same children.
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check(node, item, &join(&i.to_string()), found);
            }
        }
        _ => {}
    }
}

/// The allowed name `key` most likely misspells: the closest by edits
/// (a swap of two letters is one), within a third of its length, or one
/// that begins with it or it begins with (`abbrev` → `abbreviation`).
fn nearest(key: &str, allowed: &[String]) -> Option<String> {
    let key = key.trim().to_lowercase();
    let letters = key.chars().count();
    // No field name is this long: no misspelling to look for (and no
    // quadratic work on a huge key).
    if letters > 64 {
        return None;
    }
    let within = (letters / 3).clamp(1, 3);
    let prefix = |name: &str| {
        letters >= 3 && (name.starts_with(key.as_str()) || key.starts_with(name)) && name.len() >= 3
    };
    allowed
        .iter()
        .map(|name| (edits(&key, &name.to_lowercase()), name))
        .filter(|(d, name)| *d <= within || prefix(&name.to_lowercase()))
        .min_by_key(|(d, _)| *d)
        .map(|(_, name)| name.clone())
}

/// Edits between two words: insertions, deletions, substitutions and swaps
/// of neighbours (optimal string alignment distance).
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(path: &str) -> Field {
        Field {
            path: path.into(),
            required: true,
            description: String::new(),
        }
    }

    fn paths(found: &[Unknown]) -> Vec<&str> {
        found.iter().map(|u| u.path.as_str()).collect()
    }

    #[test]
    fn finds_every_undocumented_path_with_what_is_allowed() {
        let fields = [
            field("issuer.name"),
            field("issuer.abbreviation"),
            field("articles[].title"),
            field("articles[].clauses[]"),
            field("drafter"),
        ];
        let data = json!({
            "issuer": {"name": "SỞ NỘI VỤ", "abbrev": "SNV"},
            "articles": [{"title": "Một"}, {"titel": "Hai", "clauses": ["a"]}],
            "drafter": {"anything": 1},
            "closign": "x"
        });
        let mut found = unknown_fields(&fields, &data, &[]);
        found.sort_by(|a, b| a.path.cmp(&b.path));
        let described: Vec<String> = found.iter().map(|u| u.describe().english()).collect();
        assert_eq!(
            described,
            [
                "`articles.1.titel` (did you mean `title`? allowed there: clauses, title)",
                "`closign` (allowed there: articles, drafter, issuer)",
                "`issuer.abbrev` (did you mean `abbreviation`? allowed there: abbreviation, name)",
            ]
        );
    }

    #[test]
    fn every_missing_required_field_where_its_parent_is_there() {
        let mut fields = vec![
            field("year"),
            field("issuer.name"),
            field("request.kind"),
            field("indicators[].name"),
            field("signer.title"),
        ];
        for optional in ["request", "signer.authority", "indicators[].unit"] {
            fields.push(Field {
                path: optional.into(),
                required: false,
                description: String::new(),
            });
        }
        let data = json!({
            "issuer": {},
            "indicators": [{"name": "a"}, {"unit": "ha"}],
            "signer": {"authority": ["TM."]}
        });
        let paths: Vec<String> = missing_fields(&fields, &data)
            .into_iter()
            .map(|m| m.path)
            .collect();
        assert_eq!(
            paths,
            ["indicators.1.name", "issuer.name", "signer.title", "year"]
        );
        let data = json!({"year": 2024, "issuer": {"name": "X"}, "request": {},
                          "indicators": {"from": "x.csv"}, "signer": {"title": "T"}});
        let paths: Vec<String> = missing_fields(&fields, &data)
            .into_iter()
            .map(|m| m.path)
            .collect();
        assert_eq!(paths, ["request.kind"]);
    }

    #[test]
    fn documented_data_passes() {
        let fields = [field("place"), field("bases[]")];
        let data = json!({"place": "Tây Ninh", "bases": [{"kind": "Luật"}]});
        assert!(unknown_fields(&fields, &data, &[]).is_empty());
    }

    #[test]
    fn the_nearest_name_is_suggested_only_when_near() {
        let allowed: Vec<String> = ["closing", "indicators", "issued_by", "summary", "year"]
            .map(String::from)
            .to_vec();
        let near = |key: &str| nearest(key, &allowed);
        assert_eq!(near("closign").as_deref(), Some("closing"));
        assert_eq!(near("Indicator").as_deref(), Some("indicators"));
        assert_eq!(near("issued-by").as_deref(), Some("issued_by"));
        assert_eq!(near("nam").as_deref(), None);
        assert_eq!(near("ghi_chu").as_deref(), None);
        assert_eq!(near(&"x".repeat(100_000)), None);
    }

    #[test]
    fn weight_fields_named_by_the_data_are_allowed() {
        let fields = [
            field("year"),
            field("weights"),
            field("indicators[].name"),
            field("indicators[].weight"),
        ];
        let data = json!({
            "year": 2024, "households": 2450, "stats": {"population": 9120},
            "weights": {"Tỷ lệ hộ nghèo": "households"},
            "indicators": [{"name": "Tỷ lệ", "weight": "stats.population"}],
            "hộ": 1
        });
        assert_eq!(paths(&unknown_fields(&fields, &data, &[])), ["hộ"]);
        // Without `weights` documented, what it names is not allowed.
        let open = [field("year"), field("indicators[].name")];
        let found = unknown_fields(&open, &data, &[]);
        assert_eq!(
            paths(&found),
            [
                "households",
                "hộ",
                "indicators.0.weight",
                "stats",
                "weights"
            ]
        );
    }

    #[test]
    fn a_caller_may_allow_more_and_lists_may_come_from_a_file() {
        let fields = [field("year"), field("indicators[].name")];
        let data = json!({"year": 2024, "xa": "An Bình",
                          "indicators": {"from": "chi-tieu.xlsx", "sheet": "A"}});
        assert_eq!(paths(&unknown_fields(&fields, &data, &[])), ["xa"]);
        assert!(unknown_fields(&fields, &data, &["xa".to_string()]).is_empty());
        // Only a list field may be given as a file.
        let data = json!({"year": {"from": "x.csv"}});
        assert!(unknown_fields(&[field("year.value")], &data, &[])
            .iter()
            .any(|u| u.path == "year.from"));
    }
}
