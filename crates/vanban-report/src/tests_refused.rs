//! Data the built-in templates refuse rather than render wrong: fields they
//! do not document (with the name meant), a `number` of 0; and `check`,
//! which reports every problem at once.

use std::path::PathBuf;

use serde_json::{json, Value};

use super::*;

fn example(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(format!("{name}.yaml"));
    data::read_data(&path, &vanban::Limits::default())
        .unwrap()
        .value
}

fn with(mut data: Value, key: &str, value: Value) -> Value {
    data.as_object_mut().unwrap().insert(key.into(), value);
    data
}

#[test]
fn every_builtin_refuses_number_zero_saying_how_to_leave_a_blank_slot() {
    let templates = Templates::builtin();
    for name in templates.names() {
        for zero in [json!(0), json!("0"), json!(0.0)] {
            let data = with(example(name), "number", zero.clone());
            let e = templates.render_document(name, &data).unwrap_err();
            assert_eq!(e.data_path.as_deref(), Some("number"), "{name} {zero}: {e}");
            assert!(
                e.message.contains("leave `number` out"),
                "{name} {zero}: {e}"
            );
        }
        // Left out, it is a blank slot: `Số:` with room to write the number.
        let mut data = example(name);
        data.as_object_mut().unwrap().remove("number");
        let doc = templates.render_document(name, &data).unwrap();
        assert_eq!(doc.number, None, "{name}");
    }
}

#[test]
fn every_builtin_refuses_an_unknown_field_naming_the_one_meant() {
    let templates = Templates::builtin();
    for name in templates.names() {
        let data = with(example(name), "plcae", json!("Tây Ninh"));
        let e = templates.render_document(name, &data).unwrap_err();
        assert_eq!(e.data_path.as_deref(), Some("plcae"), "{name}: {e}");
        assert!(
            e.message
                .contains("`plcae` (did you mean `place`? allowed there:"),
            "{name}: {e}"
        );
    }
    let mut data = example("bao-cao-ket-qua-nam");
    data["indicators"][2]
        .as_object_mut()
        .unwrap()
        .insert("uint".into(), json!("ha"));
    data["leadership"][0]
        .as_object_mut()
        .unwrap()
        .insert("sumary".into(), json!("x"));
    let e = templates
        .render_document("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert_eq!(e.data_path.as_deref(), Some("indicators.2.uint"), "{e}");
    assert!(e.message.contains("did you mean `unit`?"), "{e}");
    assert!(
        e.message
            .contains("`leadership.0.sumary` (did you mean `summary`?"),
        "{e}"
    );
}

#[test]
fn year_end_data_may_carry_its_roll_up_weights() {
    let templates = Templates::builtin();
    let mut data = example("bao-cao-ket-qua-nam");
    let object = data.as_object_mut().unwrap();
    object.insert("households".into(), json!(2450));
    object.insert("stats".into(), json!({"population": 9120}));
    object.insert(
        "weights".into(),
        json!({"Tỷ lệ hộ nghèo (chuẩn đa chiều)": "households"}),
    );
    data["indicators"][0]
        .as_object_mut()
        .unwrap()
        .insert("weight".into(), json!("stats.population"));
    templates
        .render_document("bao-cao-ket-qua-nam", &data)
        .unwrap_or_else(|e| panic!("{e}"));
    // A weight field no weight names is a field like any other.
    let data = with(data, "area", json!(12.5));
    let e = templates
        .render_document("bao-cao-ket-qua-nam", &data)
        .unwrap_err();
    assert_eq!(e.data_path.as_deref(), Some("area"), "{e}");
}

#[test]
fn a_roll_up_renders_through_the_closed_year_end_template() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/rollup");
    let base = data::read_data(
        &dir.join("huyen-chau-thanh.yaml"),
        &vanban::Limits::default(),
    )
    .unwrap()
    .value;
    let units: Vec<Value> = ["xa-an-binh", "xa-an-hoa", "xa-an-lac"]
        .iter()
        .map(|u| {
            data::read_data(&dir.join(format!("{u}.yaml")), &vanban::Limits::default())
                .unwrap()
                .value
        })
        .collect();
    let combined = rollup::rollup(&base, &units).unwrap().data;
    Templates::builtin()
        .render_document("bao-cao-ket-qua-nam", &combined)
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn a_caller_may_allow_a_field_of_its_own() {
    let templates = Templates::builtin();
    let data = with(example("bao-cao"), "xa", json!("An Bình"));
    assert!(templates.render("bao-cao", &data).is_err());
    templates
        .render_allowing("bao-cao", &data, &["xa".to_string()])
        .unwrap();
}

#[test]
fn check_reports_every_problem_at_once() {
    let templates = Templates::builtin();
    let mut data = example("bao-cao");
    let object = data.as_object_mut().unwrap();
    object.insert("closign".into(), json!("x"));
    object.insert("suprior".into(), json!("x"));
    object.insert("number".into(), json!(0));
    object.insert("date".into(), json!("2025-02-30"));
    let problems = templates.check("bao-cao", &data, &ReadOptions::default(), &[]);
    let paths: Vec<Option<&str>> = problems.iter().map(|p| p.data_path.as_deref()).collect();
    assert_eq!(
        paths,
        [Some("closign"), Some("suprior"), Some("number"), None],
        "{problems:#?}"
    );
    assert!(problems[0].message.contains("did you mean `closing`?"));
    assert!(problems[1].message.contains("did you mean `superior`?"));
    // The document's own problems come last, all of them; the number once.
    let input = problems[3].input_error().expect("the document's problems");
    let fields: Vec<&str> = input.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(fields, ["date"], "{input}");
    assert!(templates
        .check("bao-cao", &example("bao-cao"), &ReadOptions::default(), &[])
        .is_empty());
}

/// Removes the value at a dotted path (`indicators.0.name`); false when the
/// path is not there.
fn remove(data: &mut Value, path: &str) -> bool {
    let (parent, last) = match path.rsplit_once('.') {
        Some((parent, last)) => (parent.split('.').collect::<Vec<_>>(), last),
        None => (Vec::new(), path),
    };
    let mut node = data;
    for key in parent {
        node = match key.parse::<usize>() {
            Ok(i) if node.is_array() => match node.get_mut(i) {
                Some(next) => next,
                None => return false,
            },
            _ => match node.get_mut(key) {
                Some(next) => next,
                None => return false,
            },
        };
    }
    node.as_object_mut()
        .is_some_and(|map| map.remove(last).is_some())
}

#[test]
fn a_field_documented_as_required_is_one_the_template_cannot_do_without() {
    let templates = Templates::builtin();
    let (mut checked, mut optional) = (0, Vec::new());
    for name in templates.names() {
        for field in templates
            .fields(name)
            .unwrap()
            .iter()
            .filter(|f| f.required)
        {
            // `indicators[].name` → the first indicator's name.
            let path = field.path.replace("[]", ".0");
            let mut data = example(name);
            if !remove(&mut data, &path) {
                continue; // under an optional field the example leaves out
            }
            checked += 1;
            let problems = templates.check(name, &data, &ReadOptions::default(), &[]);
            let reported: Vec<_> = problems.iter().map(|p| p.data_path.as_deref()).collect();
            assert!(
                reported.contains(&Some(path.as_str())),
                "{name}: {path} missing, reported {problems:#?}"
            );
            if templates.render_document(name, &data).is_ok() {
                optional.push(format!("{name}: {path}"));
            }
        }
    }
    assert!(checked > 60, "{checked}");
    assert!(
        optional.is_empty(),
        "documented as required, but renders without: {optional:#?}"
    );
}

#[test]
fn check_reports_a_missing_field_once() {
    let templates = Templates::builtin();
    let mut data = example("bao-cao-ket-qua-nam");
    data["indicators"][4]
        .as_object_mut()
        .unwrap()
        .remove("name");
    let problems = templates.check("bao-cao-ket-qua-nam", &data, &ReadOptions::default(), &[]);
    let paths: Vec<Option<&str>> = problems.iter().map(|p| p.data_path.as_deref()).collect();
    assert_eq!(paths, [Some("indicators.4.name")], "{problems:#?}");
    assert!(
        problems[0].message.contains("(chỉ tiêu)"),
        "{}",
        problems[0]
    );
}
