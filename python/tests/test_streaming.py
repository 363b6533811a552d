"""render_many streams: a generator is consumed as the workers take its
items, a CSV or JSON Lines path is read row by row, and both give the files
the lists give. Nothing here depends on timing: the bounds are counts."""

import csv
import json
import os
import sys

import pytest
import vanban

from conftest import REPO

sys.path.insert(0, str(REPO / "examples" / "python"))
import bao_cao_nam  # noqa: E402  (unflatten: dotted CSV columns → nested data)

ROWS_CSV = REPO / "examples" / "data" / "bao-cao-50-xa.csv"


def csv_rows(count):
    with open(ROWS_CSV, encoding="utf-8", newline="") as f:
        return [bao_cao_nam.unflatten(r) for _, r in zip(range(count), csv.DictReader(f))]


def documents(folder):
    """Documents written into `folder` (not the hidden temporary files)."""
    return [n for n in os.listdir(folder) if not n.startswith(".")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_generator_is_consumed_as_the_workers_take_its_items(plan, tmp_path, jobs):
    count = 60
    seen = []

    def items():
        for n in range(1, count + 1):
            # Before handing over item n, every item but those the pool may
            # hold (a queue of 2 × jobs, one in each worker, one in the
            # reader's hand) must already be written to disk.
            seen.append((n, len(documents(tmp_path))))
            yield {**plan, "number": n}

    results = vanban.render_many(items(), tmp_path, formats="docx", jobs=jobs)
    assert [r.ok for r in results] == [True] * count
    assert len(documents(tmp_path)) == count
    in_flight = 3 * jobs + 1
    ahead = [(n, written) for n, written in seen if n - 1 > written + in_flight]
    assert ahead == [], f"items read far ahead of the documents written: {ahead[:5]}"
    # A list read whole first would have read all 60 before writing any.
    assert seen[-1][1] >= count - 1 - in_flight


def test_an_exception_from_the_iterable_stops_the_batch_and_is_raised(plan, tmp_path):
    def items():
        yield plan
        raise LookupError("the source broke")

    with pytest.raises(LookupError, match="the source broke"):
        vanban.render_many(items(), tmp_path, formats="docx", jobs=1)
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_a_generator_names_files_as_a_list_does(plan, tmp_path):
    rows = csv_rows(12)
    from_list = vanban.render_many(rows, tmp_path / "list", template="bao-cao-ket-qua-nam",
                                   formats="docx", name_field="parent")
    from_gen = vanban.render_many((r for r in rows), tmp_path / "gen", template="bao-cao-ket-qua-nam",
                                  formats="docx", name_field="parent")
    assert [r.name for r in from_gen] == [r.name for r in from_list]
    for a, b in zip(from_list, from_gen):
        assert open(a.paths[0], "rb").read() == open(b.paths[0], "rb").read()
    # Without a count known in advance, numbers have three digits.
    unnamed = vanban.render_many((r for r in rows[:2]), tmp_path / "n", template="bao-cao-ket-qua-nam",
                                 formats="docx")
    assert [r.name for r in unnamed] == ["bao-cao-ket-qua-nam-001", "bao-cao-ket-qua-nam-002"]


def test_a_csv_or_json_lines_path_is_read_as_vanban_batch_reads_it(tmp_path):
    lines = ROWS_CSV.read_text(encoding="utf-8").splitlines()
    small = tmp_path / "rows.csv"
    # Row 3 is ragged: it fails alone, naming its row and line.
    small.write_text("\n".join(lines[:3] + [lines[3] + ",x"] + lines[4:6]) + "\n", encoding="utf-8")
    seen = []
    results = vanban.render_many(small, tmp_path / "csv", template="bao-cao-ket-qua-nam", formats="docx",
                                 name_field="parent", progress=lambda done, total: seen.append(total))
    assert [r.ok for r in results] == [True, True, False, True, True]
    assert isinstance(results[2].error, ValueError)
    assert "rows.csv: row 3 (line 4)" in str(results[2].error)
    assert set(seen) == {5}, "the rows are counted before rendering"
    expected = vanban.render_many(csv_rows(5), tmp_path / "list", template="bao-cao-ket-qua-nam",
                                  formats="docx", name_field="parent")
    for got, want in zip(results, expected):
        if got.ok:
            assert got.name == want.name
            assert open(got.paths[0], "rb").read() == open(want.paths[0], "rb").read()

    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in csv_rows(2)), encoding="utf-8")
    results = vanban.render_many(str(jsonl), tmp_path / "jsonl", template="bao-cao-ket-qua-nam", formats="docx")
    assert [r.ok for r in results] == [True, True]


def test_a_name_column_of_its_own_is_allowed_with_a_template(tmp_path):
    rows = [dict(r, xa=f"xa-{i}") for i, r in enumerate(csv_rows(2))]
    results = vanban.render_many(rows, tmp_path, template="bao-cao-ket-qua-nam", formats="docx", name_field="xa")
    assert [r.name for r in results] == ["xa-0", "xa-1"] and all(r.ok for r in results)
    results = vanban.render_many(rows, tmp_path, template="bao-cao-ket-qua-nam", formats="docx")
    assert not any(r.ok for r in results)
    assert results[0].error.data_path == "xa"
    assert "the template has no such field: `xa`" in str(results[0].error)


def test_names_must_match_the_items(plan, tmp_path):
    with pytest.raises(ValueError, match="names: 1 names for 2 items"):
        vanban.render_many([plan, plan], tmp_path, formats="docx", names=["a"])
    with pytest.raises(ValueError, match="names: 1 names for 2 items"):
        vanban.render_many((p for p in [plan, plan]), tmp_path, formats="docx", names=["a"])


def test_template_errors_carry_their_place_whatever_raised_them(plan, tmp_path):
    row = csv_rows(1)[0]
    with pytest.raises(vanban.TemplateError) as unknown:
        vanban.render_template("bao-cao-ket-qua-nam", dict(row, strenghts=["x"]))
    e = unknown.value
    assert (e.template, e.file, e.line, e.column, e.data_path) == ("bao-cao-ket-qua-nam", None, None, None, "strenghts")
    assert "did you mean `strengths`?" in str(e)
    with pytest.raises(vanban.TemplateError) as zero:
        vanban.render_template("bao-cao-ket-qua-nam", dict(row, number=0))
    assert zero.value.data_path == "number" and "leave `number` out" in str(zero.value)
    with pytest.raises(vanban.TemplateError) as missing:
        vanban.render_many([plan], tmp_path, template="no-such-template")
    assert (missing.value.template, missing.value.line, missing.value.data_path) == ("no-such-template", None, None)
    # A column of the caller's own, declared as the name field, is allowed.
    doc = vanban.render_template("bao-cao-ket-qua-nam", dict(row, xa="an-binh"), name_field="xa")
    assert doc.kind == "bao-cao"
