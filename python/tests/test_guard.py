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


# Hostile files, each driven through the Python API in a child interpreter:
# the child must survive (an exception, never a crash or an abort that
# would take the caller's interpreter with it) and name what it refused.

import subprocess
import sys
import zipfile

CHILD = """
import sys, vanban
kind, path = sys.argv[1], sys.argv[2]
try:
    if kind == "sheet":
        vanban.read_sheet(path)
    elif kind == "folder":
        vanban.templates(path)
    elif kind == "each":
        vanban.render_template("t", {"xs": list(range(10))}, path)
    elif kind == "shared":
        data = ["x"]
        for _ in range(30):
            data = [data, data]
        vanban.render_template("bao-cao", {"deep": data})
    elif kind == "points":
        plan = __import__("json").load(open(path, encoding="utf-8"))
        plan["body"] = "".join(f"### Điểm {i}\\n" for i in range(20000))
        vanban.Document(plan)
    print("no exception")
except Exception as e:
    print(type(e).__name__ + ": " + str(e))
"""


def child(kind, path):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, kind, str(path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"the interpreter died: {done.returncode} {done.stderr}"
    return done.stdout.strip()


def package(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def xlsx(path, sheet_xml, extra=None):
    ns = "http://schemas.openxmlformats.org"
    parts = {
        "[Content_Types].xml": f'<Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{ns}/spreadsheetml/2006/main" xmlns:r="{ns}/officeDocument/2006/relationships">'
        '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{ns}/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{ns}/spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>',
    }
    parts.update(extra or {})
    return package(path, parts)


def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_hostile_workbooks_raise_and_the_interpreter_survives(tmp_path):
    header = '<row r="1">' + cell("A1", "name") + "</row>"
    cases = {
        "far.xlsx": (
            xlsx(tmp_path / "far.xlsx", header + '<row r="1048576">' + cell("XFD1048576", "x") + "</row>"),
            "its cells span A1:XFD1048576 (17179869184 cells), more than the limit of 4000000 (raise it with --max-cells)",
        ),
        "strings.xlsx": (
            xlsx(
                tmp_path / "strings.xlsx",
                header,
                {"xl/sharedStrings.xml": '<sst count="99999999999" uniqueCount="99999999999"><si><t>a</t></si></sst>'},
            ),
            "it declares 99999999999 shared strings",
        ),
        "bomb.xlsx": (
            xlsx(tmp_path / "bomb.xlsx", header, {"xl/unused.xml": b"\0" * (64 << 20)}),
            "(raise it with --max-inflate-ratio)",
        ),
        "repeat.ods": (
            package(
                tmp_path / "repeat.ods",
                {
                    "mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                    "content.xml": '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet>'
                    '<table:table table:name="Bom"><table:table-row table:number-rows-repeated="1000000">'
                    '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"/>'
                    "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>",
                },
            ),
            "sheet `Bom`: its cells span 1000000 rows × 16384 columns",
        ),
    }
    xls = bytearray(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(1016))
    xls[0x1E] = 9
    xls[0x2C:0x30] = b"\xff\xff\xff\xff"  # four billion FAT sectors in 1 KB
    (tmp_path / "damaged.xls").write_bytes(bytes(xls))
    cases["damaged.xls"] = (tmp_path / "damaged.xls", "its compound-file structure is damaged")
    os.symlink("/dev/zero", tmp_path / "zero.csv")
    cases["zero.csv"] = (tmp_path / "zero.csv", "larger than the limit of 16777216 bytes")
    for name, (path, expected) in cases.items():
        said = child("sheet", path)
        assert said.startswith("ValueError: ") and expected in said, f"{name}: {said}"


def test_hostile_templates_and_data_raise_and_the_interpreter_survives(tmp_path):
    deep = tmp_path / "deep"
    deep.mkdir()
    body = "{{#if x}}" * 10_000 + "{{/if}}" * 10_000
    (deep / "t.hbs").write_text(f"---\nkind: bao-cao\n---\n{body}\n", encoding="utf-8")
    said = child("folder", deep)
    assert said.startswith("TemplateError: ") and "(raise it with --max-template-depth)" in said, said

    lists = tmp_path / "lists"
    lists.mkdir()
    body = "{{#each @root.xs}}" * 9 + "." + "{{/each}}" * 9
    (lists / "t.hbs").write_text(f"---\nkind: bao-cao\n---\n{body}\n", encoding="utf-8")
    said = child("each", lists)
    assert said.startswith("TemplateError: ") and "(raise it with --max-template-work)" in said, said

    said = child("shared", tmp_path)
    assert said.startswith("ValueError: ") and "max_cells" in said, said

    plan_json = tmp_path / "plan.json"
    import json

    sys.path.insert(0, str(SEED_YAML.parents[0] / "python"))
    import ke_hoach

    plan_json.write_text(json.dumps(ke_hoach.PLAN, ensure_ascii=False), encoding="utf-8")
    said = child("points", plan_json)
    assert said.startswith("ValidationError: ") and "letters run a) to y)" in said, said


def test_read_sheet_takes_limits(tmp_path):
    path = xlsx(tmp_path / "ok.xlsx", '<row r="1">' + cell("A1", "name") + cell("B1", "plan") + "</row>"
                + '<row r="2">' + cell("A2", "Lúa") + '<c r="B2"><v>1200</v></c></row>')
    assert vanban.read_sheet(path) == [{"name": "Lúa", "plan": 1200}]
    with pytest.raises(ValueError) as caught:
        vanban.read_sheet(path, limits=vanban.Limits(max_cells=3))
    assert "span A1:B2 (4 cells), more than the limit of 3" in str(caught.value)
