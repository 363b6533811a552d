"""The output layer as Python sees it: the same files as the CLI under the
same names, collisions, fonts= and style= wherever it renders, progress."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import vanban

from conftest import REPO

sys.path.insert(0, str(REPO / "examples" / "python"))
import bao_cao_nam  # noqa: E402

ROWS_CSV = REPO / "examples" / "data" / "bao-cao-50-xa.csv"
SANS = Path("/usr/share/fonts/truetype/liberation2")
SANS_FILES = [str(SANS / f"LiberationSans-{face}.ttf") for face in ("Regular", "Bold", "Italic", "BoldItalic")]


def cli():
    path = Path(os.environ.get("VANBAN_CLI", REPO / "target" / "release" / "vanban"))
    if not path.exists():
        pytest.skip(f"CLI not built ({path}); run `cargo build --release -p vanban-cli`")
    return path


def year_end_rows(count):
    with open(ROWS_CSV, newline="", encoding="utf-8") as f:
        return [bao_cao_nam.unflatten(r) for r in list(csv.DictReader(f))[:count]]


def test_cli_batch_and_render_many_write_the_same_files_under_the_same_names(tmp_path):
    rows = year_end_rows(12)
    # Names collide: `parent` is one of 5 districts, and one differs only in case.
    rows.append(dict(rows[0], parent=rows[0]["parent"].lower()))
    rows.append({"parent": rows[0]["parent"]})  # a bad row: fails in both, named all the same
    data = tmp_path / "rows.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    run = subprocess.run(
        [str(cli()), "batch", str(data), "--template", "bao-cao-ket-qua-nam", "-o", str(tmp_path / "cli"),
         "--name-field", "parent", "--jobs", "2"],
        capture_output=True, text=True,
    )
    assert run.returncode == 1, run.stderr  # the bad row
    assert "13 of 14 documents written, 1 failed, 26 files" in run.stderr

    results = vanban.render_many(rows, tmp_path / "py", template="bao-cao-ket-qua-nam",
                                 name_field="parent", jobs=2)
    assert [r.ok for r in results] == [True] * 13 + [False]
    from_cli = sorted(os.listdir(tmp_path / "cli"))
    from_python = sorted(os.listdir(tmp_path / "py"))
    assert from_cli == from_python
    assert len(from_python) == 13 * 2, "every document kept"
    assert "ubnd-huyen-chau-thanh.pdf" in from_python
    assert "ubnd-huyen-chau-thanh-2.pdf" in from_python  # rows 6 and 11, then row 13 (lower case)
    assert "ubnd-huyen-chau-thanh-4.docx" in from_python
    for name in from_python:
        assert (tmp_path / "cli" / name).read_bytes() == (tmp_path / "py" / name).read_bytes(), name
    # The results name exactly the files on disk.
    assert sorted(os.path.basename(p) for r in results for p in r.paths) == from_python


def test_fonts_everywhere_it_renders(plan, tmp_path):
    if not all(os.path.exists(f) for f in SANS_FILES):
        pytest.skip("fonts-liberation2 is not installed (scripts/test installs it)")
    doc = vanban.Document(plan)
    sans = doc.to_pdf(fonts=SANS_FILES)
    assert b"LiberationSans" in sans and b"LiberationSerif" not in sans
    assert b"LiberationSerif" in doc.to_pdf()
    assert doc.to_pdf(fonts=",".join(SANS_FILES)) == sans
    doc.save(tmp_path / "a.pdf", fonts=SANS_FILES)
    assert (tmp_path / "a.pdf").read_bytes() == sans
    results = vanban.render_many([doc], tmp_path / "many", formats="pdf", fonts=SANS_FILES)
    assert Path(results[0].paths[0]).read_bytes() == sans

    with pytest.raises(ValueError, match="four files"):
        doc.to_pdf(fonts=SANS_FILES[:2])
    with pytest.raises(ValueError, match="no-such.ttf"):
        doc.to_pdf(fonts=[str(tmp_path / "no-such.ttf")] * 4)


def test_style_everywhere_it_renders(plan, tmp_path):
    doc = vanban.Document(plan)
    small = vanban.Document(dict(plan, style={"preset": 13, "margins": {"left": 35}}))
    style = {"preset": 13, "margins": {"left": 35}}
    assert doc.to_docx(style=style) == small.to_docx() != doc.to_docx()
    assert doc.to_pdf(style=style) == small.to_pdf() != doc.to_pdf()
    doc.save(tmp_path / "a.docx", style=style)
    assert (tmp_path / "a.docx").read_bytes() == small.to_docx()
    results = vanban.render_many([plan], tmp_path / "many", formats="docx", style=style)
    assert Path(results[0].paths[0]).read_bytes() == small.to_docx()

    with pytest.raises(ValueError) as bad:
        doc.to_docx(style={"preset": 12, "margins": {"left": 10}})
    assert "style.preset" in str(bad.value) and "style.margins.left" in str(bad.value)


def test_progress_is_reported_and_an_exception_in_it_stops_the_batch(plan, tmp_path):
    seen = []
    vanban.render_many([plan] * 5, tmp_path, formats="docx", jobs=2, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(n, 5) for n in range(1, 6)]

    def fail(done, total):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        vanban.render_many([plan] * 50, tmp_path / "stopped", formats="docx", jobs=1, progress=fail)
    left = os.listdir(tmp_path / "stopped")
    assert len(left) < 50 and not [f for f in left if f.startswith(".")]
