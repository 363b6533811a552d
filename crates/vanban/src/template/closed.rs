//! Templates whose field list is closed: data fields the comment block does
//! not document are refused, so a misspelt optional field (`closign` for
//! `closing`) is an error instead of a silently missing paragraph.
//!
//! A template opts in with the line [`MARKER`] in its comment block. The
//! documented paths (`issuer.name`, `articles[].title`, `drafter?`) make a
//! tree: a field with documented children accepts only those children; a
//! field without (`drafter`, `bases[]`) accepts any value below it.

use std::collections::BTreeMap;

use serde_json::Value;

use super::file::Field;

/// The comment line that closes a template's field list.
pub const MARKER: &str = "Fields not listed here are refused.";

/// The documented fields as a tree of names; an empty node accepts anything.
#[derive(Default, Debug)]
struct Node(BTreeMap<String, Node>);

impl Node {
    fn from_fields(fields: &[Field]) -> Node {
        let mut root = Node::default();
        for field in fields {
            let mut node = &mut root;
            for segment in field.path.split('.') {
                let name = segment.trim_end_matches("[]");
                node = node.0.entry(name.to_string()).or_default();
            }
        }
        root
    }
}

/// Every data path the fields do not document, in data order, with the
/// names allowed where it stands: `("articles.1.titel", "title, text, clauses")`.
pub fn unknown_fields(fields: &[Field], data: &Value) -> Vec<(String, String)> {
    let tree = Node::from_fields(fields);
    let mut found = Vec::new();
    check(&tree, data, "", &mut found);
    found
}

fn check(node: &Node, value: &Value, at: &str, found: &mut Vec<(String, String)>) {
    if node.0.is_empty() {
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
        Value::Object(map) => {
            for (key, child) in map {
                match node.0.get(key) {
                    Some(next) => check(next, child, &join(key), found),
                    None => found.push((
                        join(key),
                        node.0.keys().cloned().collect::<Vec<_>>().join(", "),
                    )),
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
        let mut found = unknown_fields(&fields, &data);
        found.sort();
        assert_eq!(
            found,
            [
                ("articles.1.titel".to_string(), "clauses, title".to_string()),
                (
                    "closign".to_string(),
                    "articles, drafter, issuer".to_string()
                ),
                (
                    "issuer.abbrev".to_string(),
                    "abbreviation, name".to_string()
                ),
            ]
        );
    }

    #[test]
    fn documented_data_passes() {
        let fields = [field("place"), field("bases[]")];
        let data = json!({"place": "Tây Ninh", "bases": [{"kind": "Luật"}]});
        assert!(unknown_fields(&fields, &data).is_empty());
    }
}
