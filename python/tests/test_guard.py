"""Bad input from Python is refused clearly: control characters, characters
the font lacks, limits, deep nesting and huge numbers, never a crash or a
file with text missing."""

import os

import pytest
import vanban

from conftest import SEED_YAML


def test_a_control_character_names_field_position_and_code_point(plan):
    plan["signer"]["name"] = "Đoàn\x00Minh"
    plan["recipients"] = ["Sở Nội vụ", "UBND\ufffe huyện"]
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    shown = [(e["path"], e["message"]) for e in caught.value.errors]
    assert ("signer.name", "the control character U+0000 at character 5 is not allowed") in shown
    assert ("recipients[1]", "the non-character U+FFFE at character 5 is not allowed") in shown


def test_a_character_the_font_lacks_refuses_rendering_and_writes_nothing(plan, tmp_path):
    plan["signer"]["name"] = "Vương 王"
    doc = vanban.Document(plan)  # valid data; the font is the problem
    with pytest.raises(vanban.ValidationError) as caught:
        doc.to_pdf()
    assert caught.value.errors[0]["path"] == "signer.name"
    assert caught.value.errors[0]["message"] == (
        "U+738B 王 is not in the font; use --fonts with a font that has it"
    )
    target = tmp_path / "out.docx"
    with pytest.raises(vanban.ValidationError):
        doc.save(target)
    assert list(tmp_path.iterdir()) == []


def test_limits_are_keyword_arguments_with_defaults():
    limits = vanban.Limits(max_depth=8)
    assert limits.max_depth == 8
    assert vanban.Limits().max_file_bytes == 16 * 1024 * 1024
    assert vanban.Limits().max_table_columns == 20
    with pytest.raises(TypeError):
        vanban.Limits(8)


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_file(SEED_YAML, limits=vanban.Limits(max_file_bytes=100))
    assert "larger than the limit of 100 bytes" in str(caught.value)
    zero = tmp_path / "zero.yaml"
    os.symlink("/dev/zero", zero)
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_file(zero)
    assert "larger than the limit of 16777216 bytes" in str(caught.value)


def test_field_length_limit(plan):
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan, limits=vanban.Limits(max_field_chars=10))
    paths = {e["path"] for e in caught.value.errors}
    assert "summary" in paths


def test_nesting_100000_deep_is_refused_not_a_crash(plan):
    deep = []
    for _ in range(100_000):
        deep = [deep]
    plan["bases"] = deep
    with pytest.raises(ValueError) as caught:
        vanban.Document(plan)
    assert "nested more deeply than the limit" in str(caught.value)
    text = "bases: " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document.from_yaml(text)
    assert "nest 100001 deep, more than the limit of 64" in str(caught.value)


def test_a_byte_order_mark_is_accepted():
    text = SEED_YAML.read_text(encoding="utf-8")
    assert vanban.Document.from_yaml("\ufeff" + text).symbol == "KH-VP"


def test_numbers_too_large_name_their_field(plan):
    plan["number"] = 4294967296
    with pytest.raises(vanban.ValidationError) as caught:
        vanban.Document(plan)
    assert caught.value.errors[0]["message"] == "4294967296 is too large (at most 4294967295)"
    plan["number"] = 99999999999999999999
    with pytest.raises(ValueError) as caught:
        vanban.Document(plan)
    assert "number: 99999999999999999999 is too large" in str(caught.value)


def test_partials_that_loop_raise_template_error(tmp_path):
    (tmp_path / "_a.hbs").write_text("a {{> _b}}", encoding="utf-8")
    (tmp_path / "_b.hbs").write_text("b {{> _a}}", encoding="utf-8")
    with pytest.raises(vanban.TemplateError) as caught:
        vanban.templates(tmp_path)
    assert "loop: _a → _b → _a" in str(caught.value)
    (tmp_path / "_b.hbs").write_text("b", encoding="utf-8")
    assert "ke-hoach" in vanban.templates(tmp_path)
    with pytest.raises(vanban.TemplateError) as caught:
        vanban.templates(tmp_path, limits=vanban.Limits(max_partial_depth=0))
    assert "more than the limit of 0" in str(caught.value)
