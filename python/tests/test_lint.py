"""vanban.lint: findings for DOCX and PDF, from a path or from bytes."""

import io
import zipfile

import pytest
from conftest import SEED_YAML

import vanban


def test_a_document_vanban_renders_lints_clean(tmp_path):
    doc = vanban.Document.from_file(SEED_YAML)
    docx = tmp_path / "seed.docx"
    doc.save(docx)
    assert vanban.lint(docx) == []
    assert vanban.lint(str(docx)) == []
    assert vanban.lint(doc.to_pdf()) == []


def test_a_month_written_03_is_reported():
    docx = vanban.Document.from_file(SEED_YAML).to_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace("tháng 3 năm 2024".encode(), "tháng 03 năm 2024".encode())
            dst.writestr(item, data)
    findings = vanban.lint(out.getvalue())
    assert [f["rule"] for f in findings] == ["ND30-2.4-date"]
    finding = findings[0]
    assert finding["severity"] == "error"
    assert finding["element"] == "ngày"
    assert finding["found"] == "`ngày 08 tháng 03`"
    assert finding["page"] == 1 and finding["paragraph"] == 6
    assert finding["section"] == "§2.4"


def test_unreadable_input_raises(tmp_path):
    with pytest.raises(ValueError, match="neither a DOCX nor a PDF"):
        vanban.lint(b"hello")
    with pytest.raises(FileNotFoundError):
        vanban.lint(tmp_path / "missing.pdf")
