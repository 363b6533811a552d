"""Document: construction, properties, rendering, saving."""

import json
import os

import pytest
import vanban

from conftest import SEED_YAML


def test_properties_of_the_seed(plan):
    doc = vanban.Document(plan)
    assert doc.kind == "ke-hoach"
    assert doc.kind_name == "Kế hoạch"
    assert doc.parent == "UBND TỈNH TÂY NINH"
    assert doc.issuer == "VĂN PHÒNG"
    assert doc.number == 1026
    assert doc.symbol == "KH-VP"
    assert doc.number_line == "Số: 1026/KH-VP"
    assert doc.place == "Tây Ninh"
    assert doc.date == "2024-03-08"
    assert doc.summary.startswith("Tuyên truyền các phong trào thi đua")
    assert doc.signer_name == "Đoàn Minh Long"
    assert doc.signer_title == "CHÁNH VĂN PHÒNG"
    assert doc.recipients[0] == "CT, các PCT UBND tỉnh"
    assert doc.urgency is None and doc.secrecy is None
    assert "1026/KH-VP" in repr(doc)


def test_blank_number_and_date(plan):
    del plan["number"], plan["date"]
    doc = vanban.Document(plan)
    assert doc.number is None
    assert doc.date is None


def test_every_way_in_gives_the_same_document(plan):
    from_dict = vanban.Document(plan).to_docx()
    assert vanban.Document.from_file(SEED_YAML).to_docx() == from_dict
    assert vanban.Document.from_file(str(SEED_YAML)).to_docx() == from_dict
    text = SEED_YAML.read_text(encoding="utf-8")
    assert vanban.Document.from_yaml(text).to_docx() == from_dict
    assert vanban.Document.from_json(json.dumps(plan)).to_docx() == from_dict


def test_python_values_a_data_frame_hands_out(plan):
    import datetime

    plan["date"] = datetime.date(2024, 3, 8)
    plan["recipients"] = tuple(plan["recipients"])
    plan["archive"] = {"units": ["VP"], "copies": float("nan")}  # an empty cell
    assert vanban.Document(plan).date == "2024-03-08"
    plan["date"] = datetime.datetime(2024, 3, 8, 9, 30)
    assert vanban.Document(plan).date == "2024-03-08"


def test_to_docx_and_to_pdf_are_bytes(plan):
    doc = vanban.Document(plan)
    docx, pdf = doc.to_docx(), doc.to_pdf()
    assert isinstance(docx, bytes) and docx[:2] == b"PK"
    assert isinstance(pdf, bytes) and pdf[:5] == b"%PDF-"
    assert doc.to_docx() == docx and doc.to_pdf() == pdf


def test_save_picks_the_format_by_suffix(plan, tmp_path):
    doc = vanban.Document(plan)
    doc.save(tmp_path / "a.docx")
    doc.save(str(tmp_path / "b.PDF"))
    doc.save(tmp_path / "c.bin", format="pdf")
    assert (tmp_path / "a.docx").read_bytes() == doc.to_docx()
    assert (tmp_path / "b.PDF").read_bytes() == doc.to_pdf()
    assert (tmp_path / "c.bin").read_bytes()[:5] == b"%PDF-"
    # Written through a temporary file that is renamed: none is left behind.
    assert sorted(os.listdir(tmp_path)) == ["a.docx", "b.PDF", "c.bin"]


def test_save_replaces_a_file_whole(plan, tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"old")
    vanban.Document(plan).save(target)
    assert target.read_bytes()[:2] == b"PK"


def test_save_rejects_an_unknown_suffix(plan, tmp_path):
    with pytest.raises(ValueError, match=r"\.docx or \.pdf"):
        vanban.Document(plan).save(tmp_path / "out")
    with pytest.raises(ValueError, match="unknown format"):
        vanban.Document(plan).save(tmp_path / "out.odt")
    assert os.listdir(tmp_path) == []


def test_save_into_a_missing_folder_is_an_os_error(plan, tmp_path):
    with pytest.raises(FileNotFoundError):
        vanban.Document(plan).save(tmp_path / "no" / "such" / "out.docx")


def test_documents_are_immutable(plan):
    doc = vanban.Document(plan)
    with pytest.raises(AttributeError):
        doc.number = 5


def test_help_shows_docstrings():
    assert "validated administrative document" in vanban.Document.__doc__
    assert "suffix" in vanban.Document.save.__doc__
    assert "parallel" in vanban.render_many.__doc__
    assert "ValidationError" in vanban.__doc__
    assert vanban.__version__


def test_the_package_ships_its_type_stubs():
    from pathlib import Path

    package = Path(vanban.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "__init__.pyi").exists()


def test_the_stubs_name_what_the_module_has():
    import ast
    from pathlib import Path

    stub = ast.parse((Path(__file__).parents[1] / "vanban" / "__init__.pyi").read_text())
    top = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    top |= {n.target.id for n in stub.body if isinstance(n, ast.AnnAssign)}  # type aliases
    assert set(vanban.__all__) - {"__version__"} <= top
    for cls in ("Document", "RenderResult"):
        node = next(n for n in stub.body if isinstance(n, ast.ClassDef) and n.name == cls)
        stubbed = {n.name for n in node.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")}
        public = {n for n in dir(getattr(vanban, cls)) if not n.startswith("_")}
        assert stubbed == public, cls
