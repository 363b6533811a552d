"""Errors are Python exceptions that name the field, never crashes."""

import pytest
import vanban


def test_validation_error_lists_every_problem_with_its_path(plan):
    del plan["signer"]["name"]
    del plan["place"]
    plan["date"] = "2024-02-30"
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    error = caught.value
    assert isinstance(error, ValueError)
    paths = {e["path"] for e in error.errors}
    assert {"signer.name", "place", "date"} <= paths
    for problem in error.errors:
        assert set(problem) >= {"path", "message", "line", "column"}
        assert problem["message"]
        assert problem["line"] is None  # a dict has no lines
    assert "signer.name" in str(error)


def test_a_wrong_type_names_its_path(plan):
    plan["issuer"]["name"] = ["not", "text"]
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    assert caught.value.errors[0]["path"] == "issuer.name"


def test_an_unknown_field_is_named(plan):
    plan["signer"]["nmae"] = "x"
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    assert "nmae" in caught.value.errors[0]["message"]
    assert caught.value.errors[0]["path"].startswith("signer")


def test_file_errors_have_lines(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "kind: ke-hoach\nissuer:\n  name: VĂN PHÒNG\n  abbreviation: VP\n"
        "place: Tây Ninh\ndate: 2024-13-01\nsummary: x\n"
        "signer:\n  title: CHÁNH VĂN PHÒNG\n  name: A\nbody: x\n",
        encoding="utf-8",
    )
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_file(path)
    (problem,) = [p for p in caught.value.errors if p["path"] == "date"]
    assert problem["line"] == 6 and problem["column"] >= 1
    assert problem["source"] == str(path)


def test_yaml_syntax_error_has_a_line():
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_yaml("kind: ke-hoach\nissuer: [unclosed\n")
    assert caught.value.errors[0]["line"] is not None


def test_missing_file_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        vanban.Document.from_file(tmp_path / "nothing.yaml")
    with pytest.raises(ValueError, match="unknown input format"):
        vanban.Document.from_file(tmp_path / "input.txt")


def test_a_value_python_cannot_hand_over_is_a_type_error(plan):
    plan["summary"] = object()
    with pytest.raises(TypeError, match="summary"):
        vanban.Document(plan)
    with pytest.raises(TypeError):
        vanban.Document({1: "x"})


def test_validate_returns_problems_without_raising(plan, tmp_path):
    assert vanban.validate(plan) == []
    del plan["summary"]
    assert [p["path"] for p in vanban.validate(plan)] == ["summary"]
    from conftest import SEED_YAML

    assert vanban.validate(SEED_YAML) == []
    assert vanban.validate(str(SEED_YAML)) == []


def test_a_rust_panic_is_an_exception_not_a_crash():
    with pytest.raises(vanban.InternalError, match="deliberate panic"):
        vanban._vanban._panic_for_test()
    with pytest.raises(vanban.InternalError):
        vanban._vanban._panic_for_test(in_thread=True)
    assert isinstance(vanban.InternalError("x"), RuntimeError)


def test_unknown_template_is_a_template_error():
    with pytest.raises(vanban.TemplateError) as caught:
        vanban.render_template("no-such-template", {})
    assert isinstance(caught.value, ValueError)
