"""Templates from Python: the built-ins, data from dicts and CSV rows."""

import os
import sys

import pytest
import vanban

from conftest import REPO, docx_paragraphs

sys.path.insert(0, str(REPO / "examples" / "python"))
import bao_cao_nam  # noqa: E402

CSV = REPO / "examples" / "python" / "bao-cao-ket-qua-nam-2024.csv"


def rows():
    import csv

    with open(CSV, newline="", encoding="utf-8") as f:
        return [bao_cao_nam.unflatten(r) for r in csv.DictReader(f)]


def test_builtin_templates_are_listed():
    names = vanban.templates()
    assert {"ke-hoach", "bao-cao", "bao-cao-ket-qua-nam"} <= set(names)


def test_render_template_from_a_dict():
    doc = vanban.render_template("bao-cao-ket-qua-nam", rows()[0])
    assert doc.kind == "bao-cao"
    assert doc.number == 215 and doc.symbol == "BC-UBND"
    assert doc.place == "An Bình" and doc.date == "2024-12-16"
    assert doc.signer_name == "Nguyễn Văn Hùng"
    text = " ".join(docx_paragraphs(doc.to_docx()))
    assert "Tổng giá trị sản xuất" in text


def test_missing_data_is_a_template_error_with_its_path():
    data = rows()[0]
    del data["issuer"]["name"]
    with pytest.raises(vanban.TemplateError) as caught:
        vanban.render_template("bao-cao-ket-qua-nam", data)
    error = caught.value
    assert error.data_path == "issuer.name"
    assert error.template == "bao-cao-ket-qua-nam"
    assert error.line is not None


def test_unknown_template_lists_the_known_ones():
    with pytest.raises(vanban.TemplateError, match="bao-cao-ket-qua-nam"):
        vanban.render_template("bao-cao-quy", {})


def test_a_user_template_folder(tmp_path):
    (tmp_path / "thong-bao-hop.hbs").write_text(
        "---\nkind: thong-bao\nissuer:\n  name: \"{{issuer}}\"\n  abbreviation: VP\n"
        "place: Tây Ninh\nsummary: \"Họp giao ban {{week}}\"\n"
        "signer:\n  title: CHÁNH VĂN PHÒNG\n  name: Đoàn Minh Long\n---\n"
        "Văn phòng thông báo họp giao ban tuần {{week}}.\n",
        encoding="utf-8",
    )
    assert "thong-bao-hop" in vanban.templates(tmp_path)
    doc = vanban.render_template("thong-bao-hop", {"issuer": "VĂN PHÒNG", "week": 12}, templates_dir=tmp_path)
    assert doc.summary == "Họp giao ban 12"
    with pytest.raises(vanban.TemplateError):
        vanban.templates(tmp_path / "missing")


def test_render_many_with_a_template_one_report_per_unit(tmp_path):
    data = rows()
    data.insert(1, {"place": "Broken"})  # lacks everything the template needs
    results = vanban.render_many(
        data, tmp_path, template="bao-cao-ket-qua-nam", name_field="place", jobs=2
    )
    assert [r.ok for r in results] == [True, False, True, True]
    assert isinstance(results[1].error, vanban.TemplateError)
    assert sorted(os.listdir(tmp_path)) == sorted(
        f"{place}.{ext}" for place in ("an-binh", "an-hoa", "phuoc-vinh") for ext in ("docx", "pdf")
    )
    # Without a name field, files are numbered after the template.
    results = vanban.render_many(rows()[:1], tmp_path / "n", template="bao-cao-ket-qua-nam", formats="docx")
    assert os.path.basename(results[0].paths[0]) == "bao-cao-ket-qua-nam-001.docx"
    # A dotted name field reaches into the data.
    results = vanban.render_many(rows()[:1], tmp_path / "d", template="bao-cao-ket-qua-nam",
                                 formats="docx", name_field="signer.name")
    assert os.path.basename(results[0].paths[0]) == "nguyen-van-hung.docx"


def test_written_files_get_mode_0644_whatever_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        vanban.render_template("bao-cao-ket-qua-nam", rows()[0]).save(tmp_path / "r.docx")
        vanban.render_many(rows()[:1], tmp_path, template="bao-cao-ket-qua-nam", formats="pdf")
    finally:
        os.umask(old)
    assert (tmp_path / "r.docx").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "bao-cao-ket-qua-nam-001.pdf").stat().st_mode & 0o777 == 0o644


def test_the_example_script_runs(tmp_path):
    assert bao_cao_nam.main(CSV, str(tmp_path)) == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 3
